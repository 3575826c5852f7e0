import pytest
from django.db import connections

from privacy.sources.magento.ddl import parse_schema
from privacy.sources.magento.schema import SCHEMA_FILES, MagentoSchemaError, magento_schema_create, schema_tables

MAGENTO_DB = pytest.mark.django_db(databases=["default", "magento"])


def _both_schemas():
    return (parse_schema(SCHEMA_FILES["mysql"].read_text()), parse_schema(SCHEMA_FILES["sqlite"].read_text()))


def _comparable(column, *, single_column_auto_key):
    # SQLite has no UNSIGNED or display widths, and an AUTOINCREMENT key must be spelled INTEGER.
    type_name = "auto" if column.auto_increment and single_column_auto_key else column.type
    return (column.name, type_name, column.size, column.nullable, column.default, column.on_update_now)


def test_sqlite_schema_defines_the_same_tables_and_columns_as_the_mysql_schema():
    # given
    mysql, sqlite = _both_schemas()

    # then
    assert sorted(sqlite) == sorted(mysql)
    for name, table in mysql.items():
        single = len(table.primary_key) == 1
        expected = [_comparable(c, single_column_auto_key=single) for c in table.columns.values()]
        actual = [_comparable(c, single_column_auto_key=single) for c in sqlite[name].columns.values()]
        assert actual == expected, name


def test_sqlite_schema_keeps_every_key_index_and_foreign_key_but_the_fulltext_ones():
    # given
    mysql, sqlite = _both_schemas()

    # then
    for name, table in mysql.items():
        other = sqlite[name]
        assert other.primary_key == table.primary_key, name
        assert other.unique == table.unique, name
        assert other.indexes == table.indexes, name
        assert other.foreign_keys == table.foreign_keys, name
        assert other.fulltext == {}, name


def test_stock_schema_has_no_index_on_sales_order_customer_email():
    # given
    sales_order = schema_tables("mysql")["sales_order"]

    # then
    indexed = {column for key in (*sales_order.indexes.values(), *sales_order.unique.values()) for column in key}
    assert "customer_email" not in indexed
    assert "customer_id" in indexed


def test_customer_grid_is_searchable_by_fulltext_and_filterable_by_btree_but_email_has_no_btree_index():
    # given
    grid = schema_tables("mysql")["customer_grid_flat"]

    # then
    (searchable,) = grid.fulltext.values()
    assert {"name", "email", "billing_full", "shipping_full", "billing_telephone"} <= set(searchable)
    btree = {columns for columns in grid.indexes.values()}
    assert ("email",) not in btree
    assert {("group_id",), ("website_id",), ("created_at",), ("billing_country_id",)} <= btree
    assert grid.primary_key == ("entity_id",)


def test_erasure_relevant_foreign_keys_cascade_or_set_null_as_magento_declares():
    # given
    tables = schema_tables("mysql")

    def rule(table, column):
        return next(fk.on_delete for fk in tables[table].foreign_keys.values() if fk.columns == (column,))

    # then
    assert rule("sales_order", "customer_id") == "SET NULL"
    assert rule("review_detail", "customer_id") == "SET NULL"
    assert rule("customer_address_entity", "parent_id") == "CASCADE"
    assert rule("amazon_customer", "customer_id") == "CASCADE"
    assert rule("sales_order_address", "parent_id") == "CASCADE"
    assert all(fk.columns != ("customer_id",) for fk in tables["quote"].foreign_keys.values())


@MAGENTO_DB
def test_magento_schema_fixture_gives_the_test_database_every_table(magento_schema):
    # given
    vendor = connections["magento"].vendor

    # then
    assert magento_schema == sorted(schema_tables(vendor))
    assert len(magento_schema) == 85


@MAGENTO_DB
def test_schema_creation_refuses_a_database_that_already_has_magento_tables(magento_schema):
    # when
    with pytest.raises(MagentoSchemaError) as refused:
        magento_schema_create(using="magento")

    # then
    assert "already has Magento tables" in str(refused.value)
    assert "amazon_customer" in str(refused.value)


def test_schema_creation_refuses_an_unknown_database_vendor():
    # when
    with pytest.raises(MagentoSchemaError) as refused:
        schema_tables("postgresql")

    # then
    assert "MAGENTO_DATABASE_URL" in str(refused.value)


@MAGENTO_DB
def test_deleting_a_customer_cascades_and_sets_null_as_the_shop_database_would(magento_schema):
    # given
    with connections["magento"].cursor() as cursor:
        cursor.execute("INSERT INTO customer_entity (entity_id, store_id, email, firstname, lastname)"
            " VALUES (9001, NULL, 'a@b.example', 'A', 'B')")
        cursor.execute(
            "INSERT INTO customer_address_entity (entity_id, parent_id, city, country_id, firstname, lastname, street, telephone)"
            " VALUES (9002, 9001, 'Köln', 'DE', 'A', 'B', 'Ring 1', '0221 1')"
        )
        cursor.execute("INSERT INTO sales_order (entity_id, customer_id, increment_id) VALUES (9003, 9001, '000009003')")

        # when
        cursor.execute("DELETE FROM customer_entity WHERE entity_id = 9001")

        # then
        cursor.execute("SELECT COUNT(*) FROM customer_address_entity WHERE entity_id = 9002")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT customer_id FROM sales_order WHERE entity_id = 9003")
        assert cursor.fetchone()[0] is None
