"""Fixtures registered once for the whole suite."""

from dataclasses import dataclass
from datetime import datetime

import pytest
from django.db import connections
from django.utils import timezone, translation
from pytest_django.fixtures import _get_databases_for_setup  # the aliases pytest-django set up (pinned 4.14)

from privacy.sources.amazon_pay.simulator import AmazonPaySimulator, dev_key_pair_ensure
from privacy.sources.magento.router import MAGENTO_ALIAS
from privacy.sources.magento.schema import magento_schema_create, magento_tables_present
from privacy.sources.magento.seed import HardCases, magento_seed
from tests.services import service_unavailable


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("mariadb") or item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.services)


@pytest.fixture(autouse=True)
def _backend_required_by_marker(request):
    if request.node.get_closest_marker("mariadb") and connections["magento"].vendor != "mysql":
        service_unavailable("needs MAGENTO_DATABASE_URL on MariaDB (run through `python -m tests.services`)")
    if request.node.get_closest_marker("postgres") and connections["default"].vendor != "postgresql":
        service_unavailable("needs DATABASE_URL on PostgreSQL (run through `python -m tests.services`)")


@pytest.fixture(autouse=True)
def _fresh_scope_key_cache():
    """Start every test without remembered data keys: a rolled-back test transaction whose on_commit
    callbacks a test ran (django_capture_on_commit_callbacks), or a flush between transactional tests,
    leaves the process remembering keys whose rows are gone."""
    from privacy.keys import forget_scope_keys

    forget_scope_keys()
    yield
    forget_scope_keys()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """Leave no language active: a test client request in German or French (Accept-Language) activates it in
    this thread and nothing deactivates it, so a later test's English output would come out translated."""
    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_after_a_flush():
    """Let serialized_rollback tests (the browser flows) follow ordinary transactional tests.

    An ordinary transactional test ends with a flush that re-creates content types and
    permissions through post_migrate; the next serialized_rollback test then restores the
    snapshot taken after migrating, with the same rows, and stops on their unique keys. Drop
    those rows first: the snapshot brings them back, with the groups that reference them.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import router
    from django.db.backends.base.creation import BaseDatabaseCreation

    original = BaseDatabaseCreation.deserialize_db_from_string

    def deserialize_after_clearing_content_types(creation, data):
        alias = creation.connection.alias
        if router.allow_migrate_model(alias, ContentType):
            ContentType.objects.using(alias).all().delete()
            ContentType.objects.clear_cache()
        original(creation, data)

    BaseDatabaseCreation.deserialize_db_from_string = deserialize_after_clearing_content_types
    yield
    BaseDatabaseCreation.deserialize_db_from_string = original


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """Give the test Magento database every Magento table, once per session, after pytest-django made it."""
    aliases, _ = _get_databases_for_setup(request.session.items)
    if MAGENTO_ALIAS in aliases:
        with django_db_blocker.unblock():
            # DDL commits on MariaDB, so the tables outlive every test transaction; --reuse-db keeps them too.
            if not magento_tables_present(using=MAGENTO_ALIAS):
                magento_schema_create(using=MAGENTO_ALIAS)
    yield


@pytest.fixture
def magento_schema(db) -> list[str]:
    """The test Magento database with every table of the project's schema; returns the table names.

    Use with @pytest.mark.django_db(databases=["default", "magento"]).
    """
    return sorted(magento_tables_present(using=MAGENTO_ALIAS))


@dataclass(frozen=True)
class SeededShop:
    """What the `seeded_magento` fixture planted: pick test subjects from here."""

    as_of: datetime  # the seeded data ends on this day (midnight UTC, today)
    customers: list[dict]  # entity_id, email, website_id, firstname, lastname; ordered by entity_id
    guest_emails: list[str]  # customer_email of guest orders, as stored (case and spaces included)
    amazon_customer_ids: list[int]  # customers linked by Amazon Sign-in (amazon_customer)
    hard_cases: HardCases  # shared e-mail on both websites, guest e-mail variants, namesakes, homonyms, ...
    rows: dict[str, int]  # rows written per table


@pytest.fixture
def seeded_magento(magento_schema) -> SeededShop:
    """A small deterministic shop (20 customers, ~90 orders, every table filled) in the test Magento
    database, rolled back after the test. Use with @pytest.mark.django_db(databases=["default", "magento"])."""
    as_of = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    report = magento_seed(using=MAGENTO_ALIAS, customers=20, orders_per_customer=3, guest_ratio=0.25,
                          amazon_pay_ratio=0.4, seed=20, now=as_of)  # fmt: skip
    with connections[MAGENTO_ALIAS].cursor() as cursor:
        cursor.execute("SELECT entity_id, email, website_id, firstname, lastname FROM customer_entity ORDER BY entity_id")
        customers = [dict(zip(("entity_id", "email", "website_id", "firstname", "lastname"), row)) for row in cursor.fetchall()]
        cursor.execute("SELECT customer_email FROM sales_order WHERE customer_is_guest = 1")
        guest_emails = sorted({row[0] for row in cursor.fetchall()})  # in Python: MariaDB's DISTINCT ignores case
        cursor.execute("SELECT customer_id FROM amazon_customer ORDER BY customer_id")
        amazon_customer_ids = [row[0] for row in cursor.fetchall()]
    return SeededShop(as_of, customers, guest_emails, amazon_customer_ids, report.hard_cases, report.rows)


@pytest.fixture(scope="session")
def amazon_pay_keys(tmp_path_factory):
    """A development RSA key pair for Amazon Pay: `.public_key_id`, `.private_key_path`, `.public_key()`."""
    return dev_key_pair_ensure(directory=tmp_path_factory.mktemp("amazon-pay"))


@pytest.fixture
def amazon_pay_simulator(amazon_pay_keys):
    """A running Amazon Pay simulator on 127.0.0.1 (free port) trusting `amazon_pay_keys`; empty until filled.

    Fill it with `simulator.state.add(SimChargePermission(...), ...)`; make it fail with
    `simulator.faults.add(FaultRule("throttle", count=2))`; `simulator.calls` logs every call.
    """
    with AmazonPaySimulator(public_keys={amazon_pay_keys.public_key_id: amazon_pay_keys.public_key()}) as simulator:
        yield simulator


@pytest.fixture
def amazon_pay_settings(settings, amazon_pay_keys, amazon_pay_simulator):
    """Point the AMAZON_PAY_* settings at the running simulator; returns the simulator.

    `amazon_pay_client_from_settings(sleep=lambda seconds: None)` then reaches it without real back-off waits.
    """
    settings.AMAZON_PAY_ENABLED = True
    settings.AMAZON_PAY_ENDPOINT = amazon_pay_simulator.base_url
    settings.AMAZON_PAY_PUBLIC_KEY_ID = amazon_pay_keys.public_key_id
    settings.AMAZON_PAY_PRIVATE_KEY_PATH = str(amazon_pay_keys.private_key_path)
    settings.AMAZON_PAY_TIMEOUT_SECONDS = 1
    settings.AMAZON_PAY_MAX_RETRIES = 2
    return amazon_pay_simulator
