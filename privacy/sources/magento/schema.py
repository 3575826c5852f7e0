"""The project's own copy of the Magento 2.4 + Amazon Pay schema, per database vendor.

Creating it is only ever done on an empty database (`seed_magento --create-schema`, the test suite):
PrivacyDesk never migrates or alters a shop's real database.
"""

from contextlib import contextmanager
from functools import cache
from pathlib import Path

from django.db import connections, transaction

from privacy.sources.magento.ddl import Table, parse_schema, secondary_keys_split, split_statements
from privacy.sources.magento.router import MAGENTO_ALIAS

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SCHEMA_FILES = {"mysql": SCHEMA_DIR / "mysql.sql", "sqlite": SCHEMA_DIR / "sqlite.sql"}


class MagentoSchemaError(Exception):
    """The Magento schema cannot be created on this database."""


def schema_file(vendor: str) -> Path:
    try:
        return SCHEMA_FILES[vendor]
    except KeyError:
        raise MagentoSchemaError(
            f"No Magento schema for a {vendor} database: MAGENTO_DATABASE_URL must point to MySQL/MariaDB or SQLite."
        ) from None


@cache
def schema_tables(vendor: str = "mysql") -> dict[str, Table]:
    """Return the tables the schema file for vendor defines, by name."""
    return parse_schema(schema_file(vendor).read_text())


def magento_tables_present(*, using: str = MAGENTO_ALIAS) -> set[str]:
    """Return the names of the schema's tables that already exist in the database."""
    connection = connections[using]
    return set(connection.introspection.table_names()) & set(schema_tables(connection.vendor))


def magento_schema_create(*, using: str = MAGENTO_ALIAS) -> list[str]:
    """Create every Magento table on the empty database `using`; return the table names created.

    Refuses a database that already has any of the tables, so it can never touch a shop's data.
    """
    connection = connections[using]
    _refuse_existing_tables(using)
    _statements_run(using, split_statements(schema_file(connection.vendor).read_text()))
    return sorted(schema_tables(connection.vendor))


@contextmanager
def magento_schema_created_for_load(*, using: str = MAGENTO_ALIAS):
    """Create every Magento table on the empty database `using` for a bulk load inside the block.

    On MySQL/MariaDB the tables start with their primary keys only; when the block ends without an error their
    unique, plain and FULLTEXT keys are built by sort (one ALTER TABLE per table) and the foreign keys added
    unchecked, giving exactly magento_schema_create's schema. Elsewhere the schema is complete from the start.
    Refuses a database that already has any of the tables.
    """
    vendor = connections[using].vendor
    if vendor != "mysql":
        magento_schema_create(using=using)
        yield
        return
    creates, keys, foreign_keys = [], [], []
    for statement in split_statements(schema_file(vendor).read_text()):
        if not statement.upper().startswith("CREATE TABLE"):
            foreign_keys.append(statement)
            continue
        bare, add_keys = secondary_keys_split(statement)
        creates.append(bare)
        keys += [add_keys] if add_keys else []
    _refuse_existing_tables(using)
    _statements_run(using, creates)
    yield
    with connections[using].cursor() as cursor:
        # The seeder's rows are consistent by construction: checking every one while adding a key would copy the table.
        cursor.execute("SET SESSION foreign_key_checks = 0")
        try:
            for statement in keys + foreign_keys:
                cursor.execute(statement)
        finally:
            cursor.execute("SET SESSION foreign_key_checks = DEFAULT")


def _refuse_existing_tables(using: str) -> None:
    present = magento_tables_present(using=using)
    if present:
        listed = ", ".join(sorted(present)[:5]) + (", ..." if len(present) > 5 else "")
        raise MagentoSchemaError(
            f"The database behind {using!r} already has Magento tables ({listed}): refusing to create the schema. "
            "Use an empty database, or drop --create-schema to seed the existing tables."
        )


def _statements_run(using: str, statements: list[str]) -> None:
    # MySQL commits each CREATE TABLE on its own; SQLite can create the whole schema atomically.
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
