import pytest
from django.db import connections
from django.db.utils import load_backend

SCRATCH = "magento_scratch"


@pytest.fixture
def scratch_magento(tmp_path):
    """A second, empty database of the Magento vendor under test, outside the test transaction; returns its alias.

    The connection is registered for this thread only (not in settings), which Django's test isolation allows.
    """
    base = connections["magento"].settings_dict
    sqlite = base["ENGINE"].endswith("sqlite3")
    name = str(tmp_path / "scratch.sqlite3") if sqlite else f"{base['NAME']}_scratch"
    if not sqlite:
        _server_sql(f"DROP DATABASE IF EXISTS `{name}`", f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    connections[SCRATCH] = load_backend(base["ENGINE"]).DatabaseWrapper({**base, "NAME": name}, SCRATCH)
    yield SCRATCH
    connections[SCRATCH].close()
    del connections[SCRATCH]
    if not sqlite:
        _server_sql(f"DROP DATABASE IF EXISTS `{name}`")


def _server_sql(*statements):
    with connections["magento"]._nodb_cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
