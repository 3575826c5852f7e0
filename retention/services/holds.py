"""Erasure holds: rows an erasure had to keep under statutory retention, anonymized when the hold ends."""

from collections.abc import Iterable
from datetime import date

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
    """Record (table, primary key, document_class, hold_until) holds of one erasure in one INSERT; return the count.

    For an erasure whose rows have many document classes and end dates (one subject's orders span years).
    """
    jurisdiction = jurisdiction or shop_jurisdiction()
    now = now or timezone.now()
    rows = []
    for table, row_id, document_class, hold_until in holds:
        _check(document_class=document_class, jurisdiction=jurisdiction, hold_until=hold_until, request_ref=request_ref)
        rows.append(
            RetentionHold(
                table=_known_table(table), row_id=int(row_id), document_class=document_class, jurisdiction=jurisdiction,
                hold_until=hold_until, request_ref=request_ref, created_at=now,
            )
        )
    RetentionHold.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


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
