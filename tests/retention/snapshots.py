"""Whole-database snapshots of the test shop, to prove what a retention run changed and what it left alone."""

from datetime import date, datetime

from django.db import connections

from privacy.sources.magento.schema import magento_tables_present


def _text(value):
    # SQLite returns timestamps as text, MariaDB as datetime: compare them in one form.
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def shop_snapshot(*, using: str = "magento") -> dict[str, dict[tuple, dict]]:
    """Return {table: {primary key: {column: value}}} for every Magento table of the test shop."""
    connection = connections[using]
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(magento_tables_present(using=using)):
            key = connection.introspection.get_primary_key_columns(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            names = [column[0] for column in cursor.description]
            rows = [dict(zip(names, (_text(value) for value in row))) for row in cursor.fetchall()]
            snapshot[table] = {tuple(row[name] for name in key): row for row in rows}
    return snapshot


def changed_rows(before: dict, after: dict, *, ignore: tuple[str, ...] = ("updated_at",)) -> dict[str, dict[tuple, set[str]]]:
    """Return {table: {primary key: changed column names}} for rows present before and after."""
    changes = {}
    for table, rows in before.items():
        for key, row in rows.items():
            new = after[table].get(key)
            if new is None:
                continue
            columns = {name for name, value in row.items() if name not in ignore and new[name] != value}
            if columns:
                changes.setdefault(table, {})[key] = columns
    return changes


def deleted_rows(before: dict, after: dict) -> dict[str, set[tuple]]:
    return {table: set(rows) - set(after[table]) for table, rows in before.items() if set(rows) - set(after[table])}
