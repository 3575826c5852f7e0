"""Reading events in their canonical form, computed by the database (fast, and exact per backend).

The database returns the canonical prefix of an event (chain.canonical_prefix: the time as whole
microseconds since the epoch, the event id as 32 hex digits, actor, action and target joined by
the separator), so the sealer and verification only add scope and ciphertext before the MAC and
never build datetime or UUID objects.
"""

from django.db.models import BigIntegerField, CharField, Count, F, Func, TextField

from privacy.audit import chain
from privacy.audit.models import AuditEvent

NAMES = ("actor_kind", "actor_id", "actor_label", "action", "target_type", "target_id")


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


class CanonicalPrefix(Func):
    """chain.canonical_prefix of the event at path ("" on AuditEvent, "event__" from a seal), in SQL."""

    output_field = TextField()

    def __init__(self, path: str = ""):
        super().__init__(UuidHex(f"{path}event_id"), EpochMicroseconds(f"{path}created_at"), *(F(path + name) for name in NAMES))

    def as_sql(self, compiler, connection, **extra):
        parts, params = ["%s"], [chain.EVENT_TAG]
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(expression_params)
        if connection.vendor == "postgresql":  # concat_ws turns the bigint time into text itself
            return f"concat_ws(chr(31), {', '.join(parts)})", params
        return "(" + " || char(31) || ".join(parts) + ")", params


def content_rows(queryset, *leading: str):
    """Return the events of queryset as tuples of the leading fields, then prefix, scope and payload."""
    return queryset.annotate(canonical_prefix=CanonicalPrefix()).values_list(
        *leading, "canonical_prefix", "subject_scope", "payload"
    )


def event_hex(prefix: str) -> str:
    """Return the event id (32 hex digits) written in a canonical prefix."""
    start = len(chain.EVENT_TAG) + 1
    return prefix[start : start + 32]


def repeated_event_ids(events) -> set[str]:
    """Return the event ids (32 hex digits) of events that more than one row carries.

    A copy of an authentic row keeps a valid row MAC; only the unique constraint on event_id
    stops it, and a database administrator can drop that. Such copies are never sealed.
    """
    rows = AuditEvent.objects.filter(event_id__in=events.values("event_id"))
    repeated = rows.order_by().values("event_id").annotate(rows=Count("id")).filter(rows__gt=1)
    return {event_id.hex for event_id in repeated.values_list("event_id", flat=True)}
