"""Read text back from the Magento database for the residual scan that proves an erasure.

Two reads: the text columns of given rows (by primary key, chunked), and a full pass over one
table keeping only rows whose text contains one of a few literals (the `--deep` scan). Table and
column names come from the database's own description, values are bound parameters.
"""

from collections.abc import Iterable, Iterator
from functools import cache, partial

from django.db import connections

from privacy.sources.magento.finder import LIKE_ESCAPE, PROBE_PARAMETERS, fetch, like_escape, quote, select_sql, tables_with_rows
from privacy.sources.magento.rowkeys import chunks, pk_where

LITERALS_PER_STATEMENT = 40
TEXT_TYPES = {"CharField", "TextField"}
SKIPPED_PREFIXES = ("django_",)


@cache
def text_columns(*, using: str, database) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Return {table: (primary key columns, text columns)} for every table of the database (cached per database)."""
    connection = connections[using]
    introspection = connection.introspection
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(introspection.table_names(cursor)):
            if table.startswith(SKIPPED_PREFIXES):
                continue
            description = introspection.get_table_description(cursor, table)
            text = tuple(field.name for field in description if _field_type(introspection, field) in TEXT_TYPES)
            tables[table] = (tuple(introspection.get_primary_key_columns(cursor, table) or ()), text)
    return tables


def rows_text(*, table: str, pk_columns: tuple[str, ...], pks: Iterable, using: str) -> list[dict]:
    """Return {pk columns..., text columns...} of the rows whose primary key is in pks (missing rows are absent)."""
    _, text = _columns(using, table)
    select = (*pk_columns, *(name for name in text if name not in pk_columns))
    rows = []
    for chunk in chunks(pks):
        where, params = pk_where(partial(quote, using), pk_columns, chunk)
        rows += fetch(using, f"{select_sql(using, table, select)} WHERE {where}", params, select)
    return rows


def tables_without(*, tables: list[tuple[str, tuple[str, ...], list]], using: str) -> set[str]:
    """Return the tables of (table, pk columns, pks) holding none of their pks: one statement of EXISTS tests
    for them all (a table with more keys than one test takes is left out, so read as usual)."""
    tests, size = [], 0
    for table, pk_columns, pks in tables:
        if pks and len(pks) * len(pk_columns) <= PROBE_PARAMETERS - size:
            where, params = pk_where(partial(quote, using), pk_columns, list(pks))
            tests.append((table, where, params))
            size += len(params)
    if not tests:
        return set()
    return {table for (table, _, _), present in zip(tests, tables_with_rows(tests=tests, using=using)) if not present}


def rows_containing(*, table: str, literals: list[str], using: str) -> Iterator[dict]:
    """Yield every row of table whose text columns contain one of literals (case-insensitive where the collation is)."""
    primary, text = _columns(using, table)
    if not text or not literals or not primary:
        return
    select = (*primary, *(name for name in text if name not in primary))
    haystack = _joined(using, text)
    for start in range(0, len(literals), LITERALS_PER_STATEMENT):
        part = literals[start : start + LITERALS_PER_STATEMENT]
        likes = " OR ".join(f"{haystack} LIKE %s ESCAPE '{LIKE_ESCAPE}'" for _ in part)
        yield from fetch(using, f"{select_sql(using, table, select)} WHERE {likes}", ["%" + like_escape(lit) + "%" for lit in part], select)


def _columns(using: str, table: str):
    return text_columns(using=using, database=connections[using].settings_dict["NAME"])[table]


def _joined(using: str, columns: tuple[str, ...]) -> str:
    if connections[using].vendor == "mysql":
        return f"CONCAT_WS(CHAR(10), {', '.join(quote(using, name) for name in columns)})"
    return "(" + " || char(10) || ".join(f"COALESCE({quote(using, name)}, '')" for name in columns) + ")"


def _field_type(introspection, field) -> str:
    try:
        return introspection.get_field_type(field.type_code, field)
    except KeyError:  # a type Django has no field for (e.g. SQLite's mediumblob): not text
        return ""
