"""Plain helpers for the audit tests: writing events and tampering like a database administrator."""

from contextlib import contextmanager

from django.db import connection, transaction

from privacy.audit.actors import Actor
from privacy.audit.models import AuditEvent
from privacy.audit.services import audit_chain_seal, audit_event_append

TABLE = "audit_auditevent"
SEALS = "audit_auditseal"
ALICE = Actor(kind="staff", id="7", label="alice")


def append_events(count: int, *, subject_scope: str | None = None, sealed: bool = True) -> list[AuditEvent]:
    with transaction.atomic():
        written = [
            audit_event_append(
                actor=ALICE,
                action="request.note_added",
                target_type="privacy_request",
                target_id=index,
                details={"note": f"called the customer, attempt {index}"},
                subject_scope=subject_scope,
            )
            for index in range(1, count + 1)
        ]
    if sealed:
        audit_chain_seal()
    events = AuditEvent.objects.filter(pk__in=[event.pk for event in written]).select_related("seal")
    return list(events.order_by("seal__seq", "id"))


@contextmanager
def triggers_disabled():
    """Act as a DBA: on PostgreSQL switch the append-only triggers off (inside the test's transaction)."""
    _set_triggers("DISABLE")
    yield
    _set_triggers("ENABLE")


def _set_triggers(state: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in (TABLE, SEALS):
                cursor.execute(f"ALTER TABLE {table} {state} TRIGGER USER")


def tamper(sql: str, params=()) -> None:
    with triggers_disabled(), connection.cursor() as cursor:
        cursor.execute(sql, params)
