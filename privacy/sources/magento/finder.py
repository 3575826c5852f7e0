"""Set-based reads of mapped rows from the Magento database: the only SQL discovery speaks.

Every function takes table and column names from the data map (never from input), values as
bound parameters, and returns plain dicts keyed by column name. Key lists are sent in chunks
of `CHUNK` so a subject with thousands of rows still costs a handful of statements per table.

E-mail matching: a candidate query that is a superset of the exact answer, then the exact
Python test (`crypto.normalize_email`: trimmed, lower case). The candidate query keeps the
index where there is one:
- MySQL/MariaDB: Magento's columns use a case-insensitive collation, so `col LIKE 'a@b.c%'` is an
  index range that finds every case variant and every trailing space; `col < '!'` is a second
  range holding the values that start with a space or a control character.
- SQLite (the embedded demo): BINARY collation, so case variants need a scan; `LIKE '%a@b.c%'` is
  case-insensitive for ASCII and the demo tables are small.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from django.db import DatabaseError, connections

from privacy.crypto import normalize_email
from privacy.sources.magento import batch
from privacy.sources.magento.batch import Statement

CHUNK = 500
KEYS_PER_MATCH = 50  # e-mails or prefixes in one LIKE condition
LIKE_ESCAPE = "!"


NAME = re.compile(r"[0-9A-Za-z_$]+")


@cache
def quote(using: str, name: str) -> str:
    """The quoted identifier, once per process: a walk quotes ~1,000 names and the connection lookup costs more
    than the quoting (an alias keeps its database vendor for the life of the process).

    Names come from the data map or the shop's own catalog; one with any other character than letters, digits,
    `_` and `$` (a backtick, a quote, a `%`) is refused: the backend's quoting does not escape it."""
    if not NAME.fullmatch(name):
        raise ValueError(f"refusing the table or column name {name!r}: only letters, digits, _ and $ are read")
    return connections[using].ops.quote_name(name)


def table_names(*, using: str) -> set[str]:
    return set(connections[using].introspection.table_names())


TEXT_TYPES = {"char", "varchar", "tinytext", "text", "mediumtext", "longtext"}


def table_columns(*, connection) -> dict[str, list[tuple[str, bool]]]:
    """Return {table: [(column, holds text)]} for every table of the database behind connection.

    One information_schema query on MySQL/MariaDB (a shop has hundreds of tables); SQLite's own
    table descriptions otherwise.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "mysql":
            cursor.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position"
            )
            result: dict[str, list[tuple[str, bool]]] = {}
            for table, column, data_type in cursor.fetchall():
                result.setdefault(table, []).append((column, data_type.lower() in TEXT_TYPES))
            return result
        introspection = connection.introspection
        return {
            table: [(field.name, field.type_code.split("(")[0].lower() in TEXT_TYPES) for field in introspection.get_table_description(cursor, table)]
            for table in introspection.table_names(cursor)
        }


def select_sql(using: str, table: str, columns: Iterable[str]) -> str:
    return f"SELECT {', '.join(quote(using, name) for name in columns)} FROM {quote(using, table)}"


def _where_fixed(using: str, when) -> tuple[str, list]:
    return "".join(f" AND {quote(using, name)} = %s" for name, _ in when), [value for _, value in when]


def fetch(using: str, sql: str, params: list, columns: tuple[str, ...]) -> list[dict]:
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    ordered = sorted(values, key=str)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


@dataclass(frozen=True)
class LinkRead:
    """What following one link of the data map reads: rows whose column is one of values (or holds one of the e-mails)."""

    column: str
    values: frozenset
    when: tuple = ()
    emails: bool = False
    indexed: bool = False
    scanned: bool = False  # no index leads with column: every statement reading it scans the table


PROBES_PER_STATEMENT = 24
PROBE_PARAMETERS = 900  # below SQLite's oldest limit on bound parameters (999)


def probe_fits(read: LinkRead) -> bool:
    """Whether read can be asked about in one condition (rows_in and rows_by_email read larger key sets in chunks)."""
    return len(read.values) <= (KEYS_PER_MATCH if read.emails else CHUNK) and len(read.values) + len(read.when) <= PROBE_PARAMETERS


def links_with_rows(*, reads: list[tuple[str, LinkRead]], using: str) -> list[bool]:
    """Return, per (table, read), whether the table has any row the read would return (a superset for e-mails).

    One statement of EXISTS tests for many links (split to stay small): most links of a subject find nothing.
    The scanned links of one table share one test (one scan, not one per link): true for each of them when
    any of them finds a row.
    """
    groups: list[tuple[str, list[LinkRead]]] = []
    group_of: list[int] = []
    scanned: dict[str, int] = {}  # table -> the group its scanned links join
    for table, read in reads:
        group = scanned.get(table) if read.scanned else None
        if group is None or _parameters(groups[group][1]) + _parameters([read]) > PROBE_PARAMETERS:
            group = len(groups)
            groups.append((table, []))
            if read.scanned:
                scanned[table] = group
        groups[group][1].append(read)
        group_of.append(group)
    answers = _groups_with_rows(groups, using=using)
    return [answers[group] for group in group_of]


def _parameters(reads: list[LinkRead]) -> int:
    return sum(len(read.values) + len(read.when) for read in reads)


def _groups_with_rows(groups: list[tuple[str, list[LinkRead]]], *, using: str) -> list[bool]:
    answers, batch, size = [], [], 0
    for table, reads in groups:
        if batch and (len(batch) == PROBES_PER_STATEMENT or size + _parameters(reads) > PROBE_PARAMETERS):
            answers += _exists(using, batch)
            batch, size = [], 0
        batch.append((table, reads))
        size += _parameters(reads)
    return answers + (_exists(using, batch) if batch else [])


def _exists(using: str, batch: list[tuple[str, list[LinkRead]]]) -> list[bool]:
    tests = []
    for table, reads in batch:
        conditions = [_read_condition(using, read) for read in reads]
        where = " OR ".join(f"({condition})" for condition, _ in conditions) if len(conditions) > 1 else conditions[0][0]
        tests.append((table, where, [param for _, params in conditions for param in params]))
    return tables_with_rows(tests=tests, using=using)


def _read_condition(using: str, read: LinkRead) -> tuple[str, list]:
    if read.emails:
        match, params = email_candidates_sql(column=read.column, emails=sorted(read.values), indexed=read.indexed, using=using)
    else:
        match, params = in_sql(column=read.column, values=read.values, using=using)
    fixed, fixed_params = _where_fixed(using, read.when)
    return f"{match}{fixed}", [*params, *fixed_params]


def tables_with_rows(*, tests: list[tuple[str, str, list]], using: str) -> list[bool]:
    """Return, per (table, WHERE fragment, parameters), whether the table has a row matching it: one statement
    of EXISTS tests."""
    sql = ", ".join(f"EXISTS(SELECT 1 FROM {quote(using, table)} WHERE {where})" for table, where, _ in tests)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {sql}", [param for _, _, params in tests for param in params])
        return [bool(flag) for flag in cursor.fetchone()]


def rows_in(*, table: str, column: str, values: Iterable, select: tuple[str, ...], when=(), using: str) -> list[dict]:
    """Return the rows of table whose column is one of values (and whose `when` columns are equal)."""
    return _rows(in_statements(table=table, column=column, values=values, select=select, when=when, using=using), using)


def in_statements(
    *, table: str, column: str, values: Iterable, select: tuple[str, ...], when=(), using: str,
    extra: str = "", extra_params: tuple = (),
) -> list[Statement]:
    """The reads of rows_in, one per chunk of values (extra: a further ` AND ...` condition, as for email_statements)."""
    fixed, fixed_params = _where_fixed(using, when)
    statements = []
    for chunk in _chunks(set(values)):
        match, params = in_sql(column=column, values=chunk, using=using)
        statements.append(Statement(f"{select_sql(using, table, select)} WHERE {match}{fixed}{extra}",
                                    [*params, *fixed_params, *extra_params], select))  # fmt: skip
    return statements


def link_statements(*, table: str, read: LinkRead, select: tuple[str, ...], using: str) -> list[Statement]:
    """The reads of following one link (candidates, for e-mails: `link_rows` keeps the exact ones)."""
    if read.emails:
        return email_statements(table=table, column=read.column, emails=read.values, select=select, indexed=read.indexed,
                                when=read.when, using=using)  # fmt: skip
    return in_statements(table=table, column=read.column, values=read.values, select=select, when=read.when, using=using)


def linked(*, table: str, read: LinkRead, select: tuple[str, ...], using: str) -> list[dict]:
    """The rows of table that following one link finds."""
    return link_rows(read, _rows(link_statements(table=table, read=read, select=select, using=using), using))


def link_rows(read: LinkRead, rows: list[dict], *, flag: str | None = None) -> list[dict]:
    """The rows of a link's reads that it links: for e-mails, those whose address is exactly one of the subject's.
    flag: the column of a shared read (any_link_statement) in which the server said whether this link's condition
    holds for the row."""
    if flag is not None:
        rows = [{name: value for name, value in row.items() if not name.startswith(LINK_FLAG)} for row in rows if row[flag]]
    return exact_email_rows(rows, column=read.column, emails=set(read.values)) if read.emails else rows


LINK_FLAG = "_link_"


def link_flag(index: int) -> str:
    return f"{LINK_FLAG}{index}"


def any_link_statement(*, table: str, reads: list[LinkRead], select: tuple[str, ...], using: str) -> Statement:
    """One read of the rows of table that any of reads finds (candidates for e-mails): one scan for links no index
    serves. Each row says, in the column link_flag(i), whether the i-th read's condition holds for it (the server
    decides, with its collation and types): sort the rows out with link_rows(flag=...)."""
    conditions = [_read_condition(using, read) for read in reads]
    flags = tuple(link_flag(index) for index in range(len(reads)))
    columns = [quote(using, name) for name in select] + [f"({condition}) AS {quote(using, flag)}" for (condition, _), flag in zip(conditions, flags)]
    where = " OR ".join(f"({condition})" for condition, _ in conditions)
    params = [param for _, params in conditions for param in params]
    return Statement(f"SELECT {', '.join(columns)} FROM {quote(using, table)} WHERE {where}", [*params, *params], (*select, *flags))


def _rows(statements: list[Statement], using: str) -> list[dict]:
    return [row for rows in batch.rows_of_each(statements, using=using) for row in rows]


def like_escape(text: str) -> str:
    return "".join(LIKE_ESCAPE + char if char in "%_" + LIKE_ESCAPE else char for char in text)


def email_candidates_sql(*, column: str, emails: list[str], indexed: bool, using: str) -> tuple[str, list]:
    """Return a WHERE fragment (and its parameters) matching a superset of the rows holding emails."""
    name = quote(using, column)
    if connections[using].vendor == "mysql" and indexed:
        likes = " OR ".join(f"{name} LIKE %s ESCAPE '{LIKE_ESCAPE}'" for _ in emails)
        return f"({likes} OR {name} < '!')", [like_escape(email) + "%" for email in emails]
    likes = " OR ".join(f"{name} LIKE %s ESCAPE '{LIKE_ESCAPE}'" for _ in emails)
    return f"({likes})", ["%" + like_escape(email) + "%" for email in emails]


def exact_email_rows(rows: list[dict], *, column: str, emails: set[str]) -> list[dict]:
    return [row for row in rows if row[column] is not None and normalize_email(str(row[column])) in emails]


def rows_by_email(
    *, table: str, column: str, emails: Iterable[str], select: tuple[str, ...], indexed: bool, when=(), using: str,
    extra: str = "", extra_params: tuple = (),
) -> list[dict]:
    """Return the rows of table whose column holds one of the (normalized) emails, in any case or spacing.

    `extra` narrows the candidate query further (e.g. a primary-key or change-time range).
    """
    statements = email_statements(table=table, column=column, emails=emails, select=select, indexed=indexed, when=when,
                                  using=using, extra=extra, extra_params=extra_params)  # fmt: skip
    return exact_email_rows(_rows(statements, using), column=column, emails=set(emails))


def email_statements(
    *, table: str, column: str, emails: Iterable[str], select: tuple[str, ...], indexed: bool, when=(), using: str,
    extra: str = "", extra_params: tuple = (),
) -> list[Statement]:
    """The candidate reads of rows_by_email, one per chunk of e-mails."""
    fixed, fixed_params = _where_fixed(using, when)
    statements = []
    for chunk in _chunks(set(emails), size=KEYS_PER_MATCH):
        match, params = email_candidates_sql(column=column, emails=chunk, indexed=indexed, using=using)
        statements.append(Statement(f"{select_sql(using, table, select)} WHERE {match}{fixed}{extra}",
                                    [*params, *fixed_params, *extra_params], select))  # fmt: skip
    return statements


def rows_by_prefix(
    *, table: str, column: str, prefixes: Iterable[str], select: tuple[str, ...], using: str, extra: str = "",
    extra_params: tuple = (),
) -> list[dict]:
    """Return the rows of table whose column starts with one of prefixes (exact case)."""
    rows = []
    for chunk in _chunks(set(prefixes), size=KEYS_PER_MATCH):
        match, params = prefix_sql(column=column, prefixes=chunk, using=using)
        rows += fetch(using, f"{select_sql(using, table, select)} WHERE {match}{extra}", [*params, *extra_params], select)
    return rows


def prefix_sql(*, column: str, prefixes: list[str], using: str) -> tuple[str, list]:
    """Return a WHERE fragment (and its parameters) matching the rows whose column starts with one of prefixes."""
    likes = " OR ".join(f"{quote(using, column)} LIKE %s ESCAPE '{LIKE_ESCAPE}'" for _ in prefixes)
    return f"({likes})", [like_escape(prefix) + "%" for prefix in prefixes]


def in_sql(*, column: str, values: Iterable, using: str) -> tuple[str, list]:
    """Return a WHERE fragment (and its parameters) matching the rows whose column is one of values."""
    ordered = sorted(values, key=str)
    return f"{quote(using, column)} IN ({', '.join(['%s'] * len(ordered))})", ordered


def rows_matching_any(*, table: str, select: tuple[str, ...], conditions: list[tuple[str, list]], using: str) -> list[dict]:
    """Return the rows of table matching any of conditions (WHERE fragments with their parameters) in ONE statement,
    a UNION ALL of one SELECT per condition (each keeps its own index); a row matching two comes twice."""
    head = select_sql(using, table, select)
    sql = " UNION ALL ".join(f"{head} WHERE {condition}" for condition, _ in conditions)
    return fetch(using, sql, [param for _, params in conditions for param in params], select)


def rows_after(*, table: str, pk: str, after, select: tuple[str, ...], limit: int, using: str) -> list[dict]:
    """Return up to limit rows with a primary key above `after`, in key order (a range on the primary key)."""
    sql = f"{select_sql(using, table, select)} WHERE {quote(using, pk)} > %s ORDER BY {quote(using, pk)} LIMIT %s"
    return fetch(using, sql, [after, limit], select)


def rows_changed_between(
    *, table: str, pk: str, change_column: str, since, up_to_pk, select: tuple[str, ...], after_pk, limit: int, using: str
) -> list[dict]:
    """Return up to limit rows changed at or after `since` with after_pk < key <= up_to_pk, in key order."""
    sql = (
        f"{select_sql(using, table, select)} WHERE {quote(using, change_column)} >= %s"
        f" AND {quote(using, pk)} > %s AND {quote(using, pk)} <= %s ORDER BY {quote(using, pk)} LIMIT %s"
    )
    return fetch(using, sql, [since, after_pk, up_to_pk, limit], select)


# InnoDB refreshes its list of open transactions at most every 0.1 s, and change times are whole seconds.
OPEN_WORK_RESOLUTION = timedelta(seconds=1)
# The earliest of now, the oldest open InnoDB transaction's start (listed in the server's time zone) and the oldest
# running statement's start, in the session's time zone as the shop's change times are read.
OLDEST_OPEN_WORK_SQL = (
    "SELECT LEAST(NOW(),"
    " COALESCE((SELECT CONVERT_TZ(MIN(trx_started), 'SYSTEM', @@session.time_zone) FROM information_schema.innodb_trx), NOW()),"
    " NOW() - INTERVAL CEIL(COALESCE((SELECT MAX(time_ms) FROM information_schema.processlist"
    " WHERE command IN ('Query', 'Execute')), 0) / 1000) SECOND)"
)


def oldest_open_work(*, using: str) -> datetime | None:
    """Return when the oldest work still open on the shop's server began (transaction or statement), on the server's
    clock; None where the server cannot tell (not MariaDB/MySQL, or no PROCESS privilege to see others' work)."""
    connection = connections[using]
    if connection.vendor != "mysql":
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(OLDEST_OPEN_WORK_SQL)
            return cursor.fetchone()[0]
    except DatabaseError:  # ER_SPECIFIC_ACCESS_DENIED_ERROR: innodb_trx needs PROCESS
        return None


def column_max(*, table: str, column: str, using: str):
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT MAX({quote(using, column)}) FROM {quote(using, table)}")
        return cursor.fetchone()[0]


def increment_id_orders(*, increment_id: str, select: tuple[str, ...], using: str) -> list[dict]:
    """Return the orders numbered increment_id (unique per store view, so one per store at most)."""
    return rows_in(table="sales_order", column="increment_id", values=[increment_id], select=select, using=using)
