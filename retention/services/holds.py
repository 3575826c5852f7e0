"""Erasure holds: rows an erasure had to keep under statutory retention, anonymized when the hold ends."""

from collections.abc import Iterable
from datetime import date

from django.db import connections, router
from django.utils import timezone

from privacy.sources import datamap
from retention.models import DocumentClass, Jurisdiction, RetentionHold
from retention.selectors import shop_jurisdiction


class InvalidHold(ValueError):
    """A hold names an unknown table, document class or jurisdiction."""


def retention_holds_create(
    *,
    rows: Iterable[tuple[str, int]],
    document_class: str,
    hold_until: date,
    request_ref: str,
    jurisdiction: str | None = None,
    now=None,
) -> int:
    """Record a hold on every (table, primary key) in rows until hold_until; return how many were written.

    Call it inside the erasure's transaction. Write one hold per kept row: the `holds` policy
    anonymizes exactly the held rows, each with its own table's strategies from the data map.
    """
    holds = ((table, row_id, document_class, hold_until) for table, row_id in rows)
    return retention_holds_create_many(holds=holds, request_ref=request_ref, jurisdiction=jurisdiction, now=now)


def retention_holds_create_many(
    *,
    holds: Iterable[tuple[str, int, str, date]],
    request_ref: str,
    jurisdiction: str | None = None,
    now=None,
) -> int:
    """Record (table, primary key, document_class, hold_until) holds of one erasure (one INSERT); return the count.

    For an erasure whose rows have many document classes and end dates (one subject's orders span years).
    """
    jurisdiction = jurisdiction or shop_jurisdiction()
    now = now or timezone.now()
    rows, checked = [], set()
    for table, row_id, document_class, hold_until in holds:
        if (document_class, hold_until) not in checked:  # an erasure's holds share a few classes and end dates
            _check(document_class=document_class, jurisdiction=jurisdiction, hold_until=hold_until, request_ref=request_ref)
            checked.add((document_class, hold_until))
        rows.append((_known_table(table), int(row_id), document_class, hold_until))
    _insert(rows, jurisdiction=jurisdiction, request_ref=request_ref, now=now)
    return len(rows)


INSERTED = ("table", "row_id", "document_class", "hold_until", "jurisdiction", "request_ref", "created_at")
ROWS_PER_INSERT = 100  # 700 parameters: below SQLite's oldest limit (999)


def _insert(rows: list[tuple], *, jurisdiction: str, request_ref: str, now) -> None:
    """Insert checked (table, row_id, document_class, hold_until) rows sharing jurisdiction, request_ref and now.

    bulk_create spent more time preparing each field of each hold (about 0.1 ms a hold) than the
    database took to insert them. On PostgreSQL the varying columns go as four arrays: a multi-row
    VALUES list (elsewhere, 100 rows a statement) has 7 parameters a row, which psycopg finds in the
    statement text and quotes one by one, at about 40 µs of Python a hold.
    """
    connection = connections[router.db_for_write(RetentionHold)]
    ops, quote = connection.ops, connection.ops.quote_name
    head = f"INSERT INTO {quote(RetentionHold._meta.db_table)} ({', '.join(quote(name) for name in INSERTED)}) "
    shared = [jurisdiction, request_ref, ops.adapt_datetimefield_value(now)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and rows:
            tables, row_ids, classes, until = (list(column) for column in zip(*rows))
            cursor.execute(
                f"{head}SELECT h.t, h.r, h.d, h.u::date, %s, %s, %s"
                " FROM unnest(%s::varchar[], %s::bigint[], %s::varchar[], %s::varchar[]) AS h(t, r, d, u)",
                [*shared, tables, row_ids, classes, [day.isoformat() for day in until]],
            )
            return
        marks = "(" + ", ".join(["%s"] * len(INSERTED)) + ")"
        for start in range(0, len(rows), ROWS_PER_INSERT):
            chunk = rows[start : start + ROWS_PER_INSERT]
            params = [value for *first, until in chunk for value in (*first, ops.adapt_datefield_value(until), *shared)]
            cursor.execute(head + "VALUES " + ", ".join([marks] * len(chunk)), params)


def _known_table(table: str) -> str:
    if table not in datamap.BY_NAME:
        raise InvalidHold(f"table {table!r} is not in the data map: hold only rows of mapped tables.")
    return table


def _check(*, document_class, jurisdiction, hold_until, request_ref) -> None:
    if document_class not in DocumentClass.values:
        raise InvalidHold(f"document_class {document_class!r} is not one of {', '.join(DocumentClass.values)}.")
    if jurisdiction not in Jurisdiction.values:
        raise InvalidHold(f"jurisdiction {jurisdiction!r} is not one of {', '.join(Jurisdiction.values)}.")
    if not isinstance(hold_until, date):
        raise InvalidHold("hold_until must be a date (the last day of the statutory period).")
    if not request_ref or len(request_ref) > 64:
        raise InvalidHold("request_ref must name the erasure request in 1 to 64 characters, e.g. request:42.")
