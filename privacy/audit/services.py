"""Writes of the audit trail: appending events, sealing them into the chain, shredding subjects.

Appends are insert-only and never wait on one another: an event is written unsealed in the
caller's transaction. The sealer gives committed events their place in the chain in batches,
holding the chain-head lock only while it seals (see docs/audit.md).
"""

import logging
import time
import uuid
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from privacy import crypto
from privacy.audit import chain
from privacy.audit.actors import Actor
from privacy.audit.models import AuditChainHead, AuditEvent
from privacy.audit.payloads import payload_encrypt
from privacy.audit.rows import content_rows, repeated_event_ids
from privacy.transactions import on_commit_once

logger = logging.getLogger(__name__)

SEAL_BATCH_SIZE = 2000
SEAL_STATEMENT_ROWS = 500
SEAL_DELAY_SECONDS = 0.5
NAME_LIMITS = {"action": 64, "target_type": 64, "target_id": 64, "subject_scope": 100, "actor_id": 150, "actor_label": 150}

_seal_due_at = 0.0


class AuditOutsideTransaction(RuntimeError):
    """audit_event_append was called outside transaction.atomic()."""


def audit_event_append(
    *,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str | int,
    details: dict,
    subject_scope: str | None = None,
    now=None,
) -> AuditEvent:
    """Append one event in the caller's transaction; personal details are encrypted under subject_scope's key."""
    db = transaction.get_connection()
    if not db.in_atomic_block:
        raise AuditOutsideTransaction(
            f"audit_event_append({action!r}) must run inside the caller's transaction.atomic(), "
            "in the same transaction as the change it records."
        )
    target_id = str(target_id)
    names = (actor.id, actor.label, action, target_type, target_id, subject_scope)
    _check_names(dict(zip(NAMED_FIELDS, names)))
    event_id, created_at = uuid.uuid4(), now or timezone.now()
    payload = payload_encrypt(details=details, event_id=event_id, subject_scope=subject_scope)
    content = (event_id.hex, chain.canonical_time(created_at), actor.kind, *names, payload)
    row_mac = chain.content_mac(chain.chain_mac(), content)
    event = _insert_event(db, (event_id, created_at, actor.kind, *names, payload, row_mac))
    on_commit_once(_seal_soon, robust=True)  # once per transaction, however many events it appends
    return event


NAMED_FIELDS = ("actor_id", "actor_label", "action", "target_type", "target_id", "subject_scope")
INSERTED_FIELDS = ("event_id", "created_at", "actor_kind", *NAMED_FIELDS, "payload", "row_mac")
OPTIONAL_NAMES = {("subject_scope", None), ("actor_label", "")}


def _insert_event(db, values: tuple) -> AuditEvent:
    """Insert one event with a statement built once per process; return it as loaded from the database.

    Appends must keep pace with bare inserts, and the ORM's per-call INSERT compilation and field
    preparation were most of an append's CPU. Only the UUID and the time need adapting per backend.
    """
    event_id, created_at, *rest = values
    params = [
        event_id if db.features.has_native_uuid_field else event_id.hex,
        db.ops.adapt_datetimefield_value(created_at),
        *rest,
    ]
    if db.vendor == "postgresql":
        event_pk = _insert_prepared(db, params)
    else:
        with db.cursor() as cursor:
            cursor.execute(_insert_sql(db.vendor), params)
            event_pk = cursor.fetchone()[0]
    return AuditEvent.from_db(db.alias, None, (event_pk, *values, None, None, None, None))


def _insert_prepared(db, params: list) -> int:
    """Run the INSERT as a prepared statement with server-side parameters, in db's transaction.

    PostgreSQL then parses and plans it once per connection, and the client sends the values
    without quoting them into the text: together a fifth of an append's CPU.
    """
    import psycopg  # the PostgreSQL backend's own driver

    db.ensure_connection()
    with psycopg.Cursor(db.connection) as cursor:
        cursor.execute(_insert_sql(db.vendor), params, prepare=True)
        return cursor.fetchone()[0]


@lru_cache(maxsize=2)
def _insert_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(AuditEvent._meta.get_field(name).column) for name in INSERTED_FIELDS)
    placeholders = ", ".join(["%s"] * len(INSERTED_FIELDS))
    return f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) VALUES ({placeholders}) RETURNING {quote('id')}"


def _check_names(values: dict) -> None:
    for field, value in values.items():
        if (field, value) in OPTIONAL_NAMES:
            continue
        if not isinstance(value, str) or not value or len(value) > NAME_LIMITS[field]:
            raise ValueError(f"Audit {field} must be a non-empty string of at most {NAME_LIMITS[field]} characters.")
        if chain.SEPARATOR in value or chain.NO_SCOPE in value:
            raise ValueError(f"Audit {field} must not contain the control characters U+001F or U+0000.")


def _seal_soon():
    """Seal now in eager mode; otherwise enqueue one delayed sealing task per process and delay window."""
    global _seal_due_at
    if settings.CELERY_TASK_ALWAYS_EAGER:
        audit_chain_seal()
        return
    moment = time.monotonic()
    if moment < _seal_due_at:
        return  # a task already queued runs after this commit and seals this event too
    _seal_due_at = moment + SEAL_DELAY_SECONDS
    from privacy.audit.tasks import seal_audit_events_task

    seal_audit_events_task.apply_async(countdown=SEAL_DELAY_SECONDS)


def audit_chain_seal(*, batch_size: int = SEAL_BATCH_SIZE, now=None) -> int:
    """Seal every committed unsealed event into the chain, in batches; return how many were sealed."""
    sealed, after_id = 0, 0
    while True:
        claimed, count, after_id = _seal_batch(batch_size=batch_size, after_id=after_id, now=now or timezone.now())
        sealed += count
        if claimed < batch_size:
            return sealed


def _seal_batch(*, batch_size: int, after_id: int, now) -> tuple[int, int, int]:
    with transaction.atomic():
        head = _locked_head()
        _prefer_index_scan()
        unsealed = AuditEvent.objects.filter(seq__isnull=True, id__gt=after_id).order_by("id")
        rows = list(content_rows(unsealed, "id", "row_mac")[:batch_size])
        mac = chain.chain_mac()
        seq, prev, updates = head.seq, head.chain_hash, []
        sealed_at = connection.ops.adapt_datetimefield_value(now)
        copies = repeated_event_ids([row[2] for row in rows])
        for event_pk, row_mac, *content in rows:
            if not crypto.macs_equal(chain.content_mac(mac, tuple(content)), row_mac):
                logger.error("audit event %s has a forged or altered row MAC: left unsealed", event_pk)
                continue
            if content[0] in copies:
                logger.error("audit event %s repeats the event id of another row: left unsealed", event_pk)
                continue
            seq += 1
            link = chain.link_mac(mac, prev_hash=prev, seq=seq, row_mac=row_mac)
            updates.append((event_pk, seq, prev, link))
            prev = link
        if updates:
            _write_seals(updates, sealed_at=sealed_at)
            AuditChainHead.objects.filter(pk=head.pk).update(seq=seq, chain_hash=prev, updated_at=now)
    return len(rows), len(updates), rows[-1][0] if rows else after_id


def _prefer_index_scan() -> None:
    """Read unsealed events by a plain index scan on PostgreSQL.

    Each seal leaves a dead entry in the partial index of unsealed rows until vacuum. A bitmap
    scan (the planner's choice) visits every one of them on every batch; a plain index scan marks
    them dead as it passes, so later batches skip them.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_bitmapscan = off")


def _locked_head() -> AuditChainHead:
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1, defaults={"chain_hash": chain.GENESIS_HASH})
    return head


def _write_seals(updates: list[tuple], *, sealed_at) -> None:
    """Write (id, seq, prev_hash, chain_hash) seals with one UPDATE ... FROM (VALUES ...) per chunk."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(updates), SEAL_STATEMENT_ROWS):
            chunk = updates[start : start + SEAL_STATEMENT_ROWS]
            rows = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"UPDATE {table} SET seq = v.column2, prev_hash = v.column3, chain_hash = v.column4, sealed_at = %s "
                f"FROM (VALUES {rows}) AS v WHERE {table}.id = v.column1 AND {table}.seq IS NULL",
                [sealed_at, *(value for row in chunk for value in row)],
            )
            if cursor.rowcount != len(chunk):
                raise RuntimeError(f"sealing wrote {cursor.rowcount} of {len(chunk)} audit events: the rows changed")
