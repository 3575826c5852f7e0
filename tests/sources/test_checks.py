"""The data-map coverage check: extension tables that look personal are flagged, an unreachable shop too."""

import pytest
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SqliteWrapper

from privacy.sources.checks import check_magento_coverage, coverage_warnings, looks_personal

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _sqlite_settings(path) -> dict:
    return {**connections["magento"].settings_dict, "ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": {}}


@pytest.fixture
def extension_table():
    """An extension's table of loyalty members, created in the test shop and dropped afterwards."""
    with connections["magento"].cursor() as cursor:
        cursor.execute("CREATE TABLE loyalty_member (member_id int NOT NULL PRIMARY KEY, member_email varchar(255), points int)")
    yield "loyalty_member"
    with connections["magento"].cursor() as cursor:
        cursor.execute("DROP TABLE loyalty_member")


def test_the_projects_magento_schema_raises_no_coverage_warning(magento_schema):
    assert coverage_warnings(connection=connections["magento"]) == []


def test_an_unmapped_extension_table_with_an_email_column_is_flagged(magento_schema, extension_table):
    warnings = check_magento_coverage()
    assert [(w.id, w.obj) for w in warnings] == [("privacydesk.W001", "loyalty_member")]
    assert "member_email" in warnings[0].msg


def test_a_shop_database_without_the_magento_tables_gets_one_warning_listing_them(tmp_path):
    empty = SqliteWrapper({**_sqlite_settings(tmp_path / "empty.db")}, alias="empty")
    try:
        warnings = coverage_warnings(connection=empty)
    finally:
        empty.close()
    assert [w.id for w in warnings] == ["privacydesk.W004"] and "customer_entity" in warnings[0].msg


def test_an_unreachable_magento_database_gives_a_warning_instead_of_a_crash(tmp_path):
    # given a Magento connection whose SQLite file cannot be opened
    unreachable = SqliteWrapper(_sqlite_settings(tmp_path / "no" / "such.db"), alias="broken")
    # when the coverage is checked, then a warning says so
    try:
        assert [w.id for w in coverage_warnings(connection=unreachable)] == ["privacydesk.W003"]
    finally:
        unreachable.close()


@pytest.mark.parametrize("name", ["email", "customer_email", "billing_firstname", "remote_ip", "dob", "vat_id", "street"])
def test_personal_looking_column_names_are_recognised(name):
    assert looks_personal(name)


@pytest.mark.parametrize("name", ["shipping_method", "sku", "entity_id", "status", "ship_to_zone"])
def test_ordinary_column_names_are_not(name):
    assert not looks_personal(name)
