"""Reading events in their canonical form, computed by the database (fast, and exact per backend).

The time is read as whole microseconds since the epoch and the event id as 32 hex digits, the
two forms chain.content_mac signs, so verification never builds datetime or UUID objects.
"""

import uuid

from django.db.models import BigIntegerField, CharField, Count, Func

from privacy.audit import chain
from privacy.audit.models import AuditEvent


class EpochMicroseconds(Func):
    output_field = BigIntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(EXTRACT(EPOCH FROM %(expressions)s) * 1000000)::bigint", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # Django stores 'YYYY-MM-DD HH:MM:SS[.ffffff]' in UTC; the fraction is absent when zero.
        template = (
            "(CAST(round((julianday(substr(%(expressions)s, 1, 19)) - 2440587.5) * 86400) AS INTEGER) * 1000000"
            " + CAST(substr(%(expressions)s || '.000000', 21, 6) AS INTEGER))"
        )
        return self.as_sql(compiler, connection, template=template, **extra)


class UuidHex(Func):
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="replace(%(expressions)s::text, '-', '')", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="%(expressions)s", **extra)


CANONICAL = {"event_hex": UuidHex("event_id"), "created_us": EpochMicroseconds("created_at")}
CONTENT_COLUMNS = ("event_hex", "created_us", *chain.CONTENT_FIELDS[2:])


def content_rows(queryset, *leading: str):
    """Return queryset as tuples of the leading fields followed by the canonical content."""
    return queryset.annotate(**CANONICAL).values_list(*leading, *CONTENT_COLUMNS)


def repeated_event_ids(event_hexes: list[str]) -> set[str]:
    """Return the ids among event_hexes that more than one row carries.

    A copy of an authentic row keeps a valid row MAC; only the unique constraint on event_id
    stops it, and a database administrator can drop that. Such copies are never sealed.
    """
    if not event_hexes:
        return set()
    rows = AuditEvent.objects.filter(event_id__in=[uuid.UUID(value) for value in event_hexes])
    repeated = rows.order_by().values("event_id").annotate(rows=Count("id")).filter(rows__gt=1)
    return {event_id.hex for event_id in repeated.values_list("event_id", flat=True)}
