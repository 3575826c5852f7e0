"""The data map against the project's own Magento schema (both vendors) and the strategies it names."""

import pytest

from privacy.sources import datamap
from privacy.sources.datamap import ByChargePermission, ByCustomer, ByEmail, ByParent, ErasureAction, Index, Strategy
from privacy.sources.magento.schema import schema_tables
from privacy.sources.strategies import Column as StrategyColumn, Target, strategy_sql

VENDORS = ("mysql", "sqlite")


def _schema_column(vendor, table, column):
    return schema_tables(vendor)[table].columns[column]


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_mapped_column_exists_in_the_schema_with_its_type_nullability_and_length(vendor):
    # given the project's Magento schema for the vendor
    tables = schema_tables(vendor)
    # then every mapped table has the mapped primary key and every mapped column is as the map says
    for entry in datamap.TABLES:
        assert entry.name in tables, entry.name
        assert tables[entry.name].primary_key == entry.pk, entry.name
        for column in entry.columns:
            actual = tables[entry.name].columns.get(column.name)
            where = f"{entry.name}.{column.name}"
            assert actual is not None, where
            assert actual.nullable == column.nullable, where
            declared_length = actual.size[0] if actual.type in ("char", "varchar") else None
            assert declared_length == column.max_length, where
            if vendor == "mysql":
                assert actual.type == column.base_type, where


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_table_of_the_schema_is_mapped_or_declared_not_personal(vendor):
    unclassified = set(schema_tables(vendor)) - set(datamap.BY_NAME) - datamap.NOT_PERSONAL_NAMES
    assert unclassified == set()
    assert datamap.NOT_PERSONAL_NAMES <= set(schema_tables(vendor))


def test_every_column_strategy_applies_to_its_column():
    for entry in datamap.TABLES:
        for column in entry.columns:
            target = Target(
                column=StrategyColumn(column.name, column.kind, column.max_length, column.nullable, json_keys=column.json_keys),
                ref=column.name, seed="1", namespace=entry.name,
            )
            strategy_sql(column.strategy.value, vendor="sqlite", target=target, key="k")  # raises when it cannot apply


def test_not_null_columns_are_never_erased_to_null():
    for entry in datamap.TABLES:
        for column in entry.columns:
            if not column.nullable:
                assert column.strategy is not Strategy.NULL, f"{entry.name}.{column.name}"


def test_only_held_tables_have_held_columns_and_a_document_class():
    for entry in datamap.TABLES:
        held = [column.name for column in entry.columns if column.held]
        if entry.erasure is ErasureAction.HOLD:
            assert entry.hold is not None and entry.retention.document_class is entry.hold, entry.name
        else:
            assert entry.hold is None and held == [], entry.name


def test_retention_is_measured_from_a_column_of_the_table_or_of_its_parent():
    tables = schema_tables("mysql")
    for entry in datamap.TABLES:
        retention = entry.retention
        if retention.from_column:
            assert retention.of_table is None or retention.of_table in entry.parents, entry.name
            assert retention.from_column in tables[retention.of_table or entry.name].columns, entry.name


def _led_by_an_index(table, column, when):
    """True when an index starts with the link's fixed-value columns (in any order), then the link column."""
    keys = [table.primary_key, *table.unique.values(), *table.indexes.values()]
    keys += [foreign_key.columns for foreign_key in table.foreign_keys.values()]  # InnoDB indexes FK columns itself
    fixed = {name for name, _ in when}
    return any(set(key[: len(fixed)]) == fixed and key[len(fixed) : len(fixed) + 1] == (column,) for key in keys) or any(
        key[:1] == (column,) for key in keys
    )


def test_links_said_to_be_indexed_are_led_by_an_index_in_the_stock_schema():
    tables = schema_tables("mysql")
    for entry in datamap.TABLES:
        for link in entry.links:
            if link.index is Index.BTREE:
                assert _led_by_an_index(tables[entry.name], link.column, getattr(link, "when", ())), f"{entry.name}.{link.column}"


def test_links_name_existing_columns_and_mapped_parents():
    tables = schema_tables("mysql")
    for entry in datamap.TABLES:
        for link in entry.links:
            assert link.column in tables[entry.name].columns, f"{entry.name}.{link.column}"
            for column, _ in getattr(link, "when", ()):
                assert column in tables[entry.name].columns, f"{entry.name}.{column}"
            if isinstance(link, ByParent):
                assert datamap.table(link.parent).linked, link.parent
                assert link.parent_column in tables[link.parent].columns, f"{link.parent}.{link.parent_column}"


def test_located_links_say_how_the_locator_follows_changes():
    for entry in datamap.TABLES:
        if any(link.index is Index.LOCATOR for link in entry.links):
            assert isinstance(entry.links[0], (ByCustomer, ByEmail, ByChargePermission)), entry.name
            assert entry.change_column is None or entry.change_column in schema_tables("mysql")[entry.name].columns


def test_resolution_order_puts_every_parent_before_its_children():
    order = [entry.name for entry in datamap.resolution_order()]
    assert set(order) == {entry.name for entry in datamap.linked_tables()}
    for entry in datamap.resolution_order():
        for parent in entry.parents:
            assert order.index(parent) < order.index(entry.name), entry.name
    assert order.index("sales_order_payment") < order.index("amazon_payv2_async")


def test_unlinked_tables_are_only_the_unattributable_logs():
    assert {entry.name for entry in datamap.TABLES if not entry.linked} == {"captcha_log", "sendfriend_log"}
