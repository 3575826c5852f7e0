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
from pathlib import Path

import pytest
from django.conf import settings as django_settings

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
    try:
        with sync_playwright() as playwright:
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


@pytest.fixture
def page(chromium, site_url):
    context = chromium.new_context(base_url=site_url, locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    yield browser_page
    context.close()


class Screens:
    """Numbered full-page screenshots of one test, and the pages it still owes a screenshot."""

    def __init__(self, page, directory: Path):
        self.page = page
        self.directory = directory
        self.taken: list[Path] = []
        self.loaded_unshot: list[str] = []
        page.on("load", self._loaded)

    def _loaded(self, loaded_page):
        self.loaded_unshot.append(loaded_page.url)

    def capture(self, name: str) -> Path:
        """Save the current page, full length, as NN-<name>.png."""
        self.page.wait_for_load_state("load")
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "page"
        path = self.directory / f"{len(self.taken) + 1:02d}-{slug}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        self.loaded_unshot.clear()
        return path


@pytest.fixture
def screens(request, page):
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    directory = SCREENSHOT_ROOT / test_name
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    shots = Screens(page, directory)
    yield shots
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    if failed:
        shots.capture("failure")
    elif shots.loaded_unshot:
        pytest.fail(f"the flow visited pages without a screenshot: {', '.join(shots.loaded_unshot)}", pytrace=False)


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
    """Return a function that creates a staff user in the given groups and logs in through the admin."""

    def login(username: str, *groups: str, superuser: bool = False):
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(
            username=username, password=STAFF_PASSWORD, is_staff=True, is_superuser=superuser
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        page.goto("/admin/login/")
        screens.capture(f"admin-login-{username}")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        return user

    return login
