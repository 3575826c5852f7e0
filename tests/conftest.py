"""Fixtures registered once for the whole suite."""

import pytest
from django.db import connections

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
