"""Fixtures of the reporting tests."""

import pytest

from privacy import keys


@pytest.fixture(autouse=True)
def _no_remembered_data_keys():
    """Forget data keys remembered on commit: a rolled-back test's request:<id> key must not serve the next test's
    request of the same id (SQLite hands the same ids out again after a rollback)."""
    keys.forget_scope_keys()
    yield
    keys.forget_scope_keys()
