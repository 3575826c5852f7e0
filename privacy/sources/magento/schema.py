"""The project's own copy of the Magento 2.4 + Amazon Pay schema, per database vendor.

Creating it is only ever done on an empty database (`seed_magento --create-schema`, the test suite):
PrivacyDesk never migrates or alters a shop's real database.
"""

from functools import cache
from pathlib import Path

from django.db import connections, transaction

from privacy.sources.magento.ddl import Table, parse_schema, split_statements
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
    statements = split_statements(schema_file(connection.vendor).read_text())
    present = magento_tables_present(using=using)
    if present:
        listed = ", ".join(sorted(present)[:5]) + (", ..." if len(present) > 5 else "")
        raise MagentoSchemaError(
            f"The database behind {using!r} already has Magento tables ({listed}): refusing to create the schema. "
            "Use an empty database, or drop --create-schema to seed the existing tables."
        )
    # MySQL commits each CREATE TABLE on its own; SQLite can create the whole schema atomically.
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return sorted(schema_tables(connection.vendor))
