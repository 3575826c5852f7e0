"""Browser-test fixtures: a live server, Debian's headless Chromium driven by Playwright, a
full-page screenshot of every page a flow visits, and the mailbox a customer reads links from.

Use them in a flow test like this:

    @pytest.mark.browser
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_customer_does_something(page, screens, mailbox):
        page.goto("/")
        screens.capture("request-form")
        ...
        page.goto(mailbox.link(to="ada@example.com", containing="/verify/"))

`page` opens on the live server (relative URLs work) and e-mailed links point at it, so a
flow follows the links a customer would click. Every page the browser loads must be
captured (`screens.capture(...)`): a flow that walks past a page without a screenshot fails
at teardown naming the page, so the artifacts always show the whole journey.
"""

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections

from privacy.sources.magento.router import MAGENTO_ALIAS
from privacy.sources.magento.schema import magento_tables_present
from tests.services import service_unavailable

CHROMIUM_PATH = os.environ.get("PRIVACY_CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT_ROOT = Path(django_settings.BASE_DIR) / "test-artifacts" / "screenshots"
LINK_PATTERN = re.compile(r"https?://[^\s<>\"']+")
STAFF_PASSWORD = "correct horse battery staple 42"


@pytest.fixture(scope="package")
def chromium():
    """Yield one headless Chromium for the package (Playwright's own browsers are never installed)."""
    if not Path(CHROMIUM_PATH).is_file():
        service_unavailable(f"browser tests need Debian's Chromium at {CHROMIUM_PATH} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, which Django's
    # async-safety check mistakes for async code: lift the check only while the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With a loop running, Django's thread-critical connection store switches to per-context
    # storage and would hand this thread fresh connections, losing the test database's
    # serialized contents (serialized_rollback) and pytest-django's set-up: keep the originals.
    originals = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in originals.items():
                setattr(connections._connections, alias, connection)
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site_url(live_server, settings):
    """Point the links PrivacyDesk writes into e-mails at the live server."""
    settings.PRIVACY_SITE_URL = live_server.url
    return live_server.url


def _new_page(chromium, site_url):
    context = chromium.new_context(base_url=site_url, locale="en-GB", viewport={"width": 1280, "height": 900},
                                   accept_downloads=True)
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def page(chromium, site_url):
    """The customer's browser tab, on the live server."""
    context, browser_page = _new_page(chromium, site_url)
    yield browser_page
    context.close()


@pytest.fixture
def staff_page(request, chromium, site_url, screens):
    """A second person's browser (its own cookies), e.g. the staff member who approves; captured by `screens` too."""
    context, browser_page = _new_page(chromium, site_url)
    screens.watch(browser_page)
    yield browser_page
    if _failed(request):
        screens.capture("failure-staff", page=browser_page)
    unshot = screens.unshot(tab=browser_page)
    context.close()
    if unshot:
        pytest.fail(f"the staff tab loaded more pages than it captured; loaded: {'; '.join(unshot)}", pytrace=False)


def _failed(request) -> bool:
    report = getattr(request.node, "rep_call", None)
    return report is not None and report.failed


class Screens:
    """Numbered full-page screenshots of one test, and a check that every page it loaded was captured.

    Load events can arrive just after a screenshot of the very page they announce, so the check
    compares counts at the end of the test: the documents each tab loaded against the distinct
    documents (told apart by `performance.timeOrigin`) that were captured in it.
    """

    def __init__(self, page, directory: Path):
        self.page = page
        self.directory = directory
        self.taken: list[Path] = []
        self.loads: dict = {}  # tab -> URLs of the documents it loaded
        self.documents: dict = {}  # tab -> timeOrigins of the documents captured in it
        self.watch(page)

    def watch(self, page) -> None:
        page.on("load", lambda loaded: self.loads.setdefault(loaded, []).append(loaded.url))

    def capture(self, name: str, *, page=None) -> Path:
        """Save the current page of page (default: the customer's), full length, as NN-<name>.png."""
        page = page or self.page
        page.wait_for_load_state("load")
        page.wait_for_function("document.readyState === 'complete'")
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "page"
        path = self.directory / f"{len(self.taken) + 1:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        self.documents.setdefault(page, set()).add(page.evaluate("performance.timeOrigin"))
        return path

    def unshot(self, *, tab=None) -> list[str]:
        """Return the URLs loaded in open tabs (or in tab) that captured fewer documents than they loaded."""
        return [
            ", ".join(urls) for loaded_in, urls in self.loads.items()
            if (tab is None or loaded_in is tab) and not loaded_in.is_closed()
            and len(urls) > len(self.documents.get(loaded_in, ()))
        ]


@pytest.fixture
def screens(request, page):
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    directory = SCREENSHOT_ROOT / test_name
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    shots = Screens(page, directory)
    yield shots
    if _failed(request):
        shots.capture("failure")
    elif shots.unshot():
        pytest.fail(f"the flow loaded more pages than it captured; loaded: {'; '.join(shots.unshot())}", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


class Mailbox:
    """The e-mails PrivacyDesk sent during the test (Django's locmem outbox), read as a customer would."""

    def __init__(self, outbox):
        self.outbox = outbox

    def messages(self, *, to: str) -> list:
        return [message for message in self.outbox if to in message.to]

    def last(self, *, to: str):
        found = self.messages(to=to)
        assert found, f"no e-mail was sent to {to}; sent: {[(m.to, m.subject) for m in self.outbox]}"
        return found[-1]

    def titled(self, *, to: str, subject: str):
        """Return the newest e-mail to the address with exactly this subject."""
        found = [message for message in self.messages(to=to) if message.subject == subject]
        assert found, f"no e-mail {subject!r} was sent to {to}; sent: {[m.subject for m in self.messages(to=to)]}"
        return found[-1]

    def link(self, *, to: str, containing: str) -> str:
        """Return the newest link containing the given text in a plain-text e-mail to the address."""
        for message in reversed(self.messages(to=to)):
            for url in LINK_PATTERN.findall(message.body):
                if containing in url:
                    return url.rstrip(".,)")
        raise AssertionError(f"no e-mail to {to} holds a link containing {containing!r}")


@pytest.fixture
def mailbox(mailoutbox):
    return Mailbox(mailoutbox)


@pytest.fixture
def staff_login(page, screens, django_user_model):
    """Return a function that creates a staff user in the given groups and logs them in through the admin.

    It logs in on the customer's `page` unless another page (e.g. `staff_page`) is passed as `on=`.
    """

    def login(username: str, *groups: str, superuser: bool = False, on=None):
        from django.contrib.auth.models import Group

        browser_page = on or page
        user = django_user_model.objects.create_user(
            username=username, password=STAFF_PASSWORD, is_staff=True, is_superuser=superuser
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        browser_page.goto("/admin/login/")
        screens.capture(f"admin-login-{username}", page=browser_page)
        browser_page.get_by_label("Username").fill(username)
        browser_page.get_by_label("Password").fill(STAFF_PASSWORD)
        browser_page.get_by_role("button", name="Log in").click()
        return user

    return login


@dataclass(frozen=True)
class ShopCustomer:
    """A customer of the seeded shop, with what they can prove: an order number and its billing postcode."""

    email: str
    name: str
    order_number: str
    postcode: str


def request_form_fill(page, customer: ShopCustomer, *, kind: str, jurisdiction: str = "gdpr") -> None:
    """Fill in the request form as customer would: the kind by its label, then who they are and their order."""
    page.get_by_label(kind).check()
    page.get_by_label("Where do you live?").select_option(jurisdiction)
    page.get_by_label("E-mail address", exact=True).fill(customer.email)
    page.get_by_label("Full name (optional)").fill(customer.name)
    page.get_by_label("Order number").fill(customer.order_number)
    page.get_by_label("Postcode of that order").fill(customer.postcode)


@pytest.fixture
def seeded_shop(magento_schema):
    """A small deterministic shop committed to the test Magento database (the live server must see it), wiped after."""
    from privacy.sources.magento.seed.service import magento_seed

    report = magento_seed(using=MAGENTO_ALIAS, customers=20, orders_per_customer=3.0, amazon_pay_ratio=0.4, seed=20)
    yield report
    connection = connections[MAGENTO_ALIAS]
    with connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for table in magento_tables_present(using=MAGENTO_ALIAS):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def shop_customer_of(**order_filter) -> ShopCustomer:
    """Return the customer of the first billed order matching order_filter (e.g. customer_id=3) in the seeded shop."""
    from privacy.sources.magento.models import SalesOrderAddress

    billing = (
        SalesOrderAddress.objects.using(MAGENTO_ALIAS)
        .filter(address_type="billing", parent__customer__isnull=False,
                **{f"parent__{name}": value for name, value in order_filter.items()})
        .exclude(postcode__isnull=True).exclude(postcode="")
        .select_related("parent").order_by("parent__entity_id").first()
    )
    order = billing.parent
    return ShopCustomer(email=order.customer_email, name=f"{order.customer_firstname} {order.customer_lastname}",
                        order_number=order.increment_id, postcode=billing.postcode)


@pytest.fixture
def shop_customer(seeded_shop) -> ShopCustomer:
    """The first registered customer of the seeded shop who has an order billed to a postcode."""
    return shop_customer_of()
