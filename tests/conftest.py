"""Fixtures registered once for the whole suite."""

import pytest
from django.db import connections
from pytest_django.fixtures import _get_databases_for_setup  # the aliases pytest-django set up (pinned 4.14)

from privacy.sources.magento.router import MAGENTO_ALIAS
from privacy.sources.magento.schema import magento_schema_create, magento_tables_present
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
