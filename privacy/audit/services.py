"""Writes of the audit trail: appending events, and asking for them to be sealed into the chain.

Appends are insert-only and never wait on one another: an event is written once, unsealed, in
the caller's transaction. The sealer (privacy.audit.sealing) gives committed events their place
in the chain in batches, holding the chain-head lock only while it seals (see docs/audit.md).
"""

import logging
import os
import time
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from privacy.audit import chain
from privacy.audit.actors import Actor
from privacy.audit.insert import event_insert
from privacy.audit.models import AuditEvent
from privacy.audit.payloads import payload_encrypt
from privacy.audit.seal_window import window_claim
from privacy.audit.sealing import audit_chain_seal
from privacy.transactions import on_commit_once

__all__ = ["AuditOutsideTransaction", "audit_chain_seal", "audit_event_append"]

logger = logging.getLogger(__name__)

SEAL_DELAY_SECONDS = 0.5
SEAL_WINDOW_SECONDS = 0.4  # closes before the task's countdown ends: see seal_window
NAME_LIMITS = {"action": 64, "target_type": 64, "target_id": 64, "subject_scope": 100, "actor_id": 150, "actor_label": 150}

_seal_due_at = 0.0


class AuditOutsideTransaction(RuntimeError):
    """audit_event_append was called outside transaction.atomic() without standalone=True."""


def audit_event_append(
    *,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str | int,
    details: dict,
    subject_scope: str | None = None,
    standalone: bool = False,
    now=None,
) -> AuditEvent:
    """Append one event in the caller's transaction; personal details are encrypted under subject_scope's key.

    Outside transaction.atomic() only with standalone=True: an event that records no other write
    (a view, a check) then commits by itself, its one INSERT being atomic.
    """
    db = transaction.get_connection()
    if not (db.in_atomic_block or standalone):
        raise AuditOutsideTransaction(
            f"audit_event_append({action!r}) must run inside the caller's transaction.atomic(), "
            "in the same transaction as the change it records (or pass standalone=True for an event that "
            "records no other change)."
        )
    target_id = str(target_id)
    names = (actor.id, actor.label, action, target_type, target_id, subject_scope)
    _check_names(zip(NAMED_FIELDS, names))
    event_id, created_at = time_ordered_uuid(), now or timezone.now()
    payload = payload_encrypt(details=details, event_id=event_id, subject_scope=subject_scope)
    prefix = chain.canonical_prefix(
        event_hex=event_id.hex, created_us=chain.canonical_time(created_at), kind=actor.kind, actor_id=actor.id,
        label=actor.label, action=action, target_type=target_type, target_id=target_id,
    )  # fmt: skip
    row_mac = chain.content_mac(chain.chain_mac(), prefix, subject_scope, payload)
    event = event_insert(db, (event_id, created_at, actor.kind, *names, payload, row_mac))
    if db.in_atomic_block:
        on_commit_once(_seal_soon, robust=True)  # once per transaction, however many events it appends
    else:
        _seal_soon_robust()  # a standalone event has committed already
    return event


def time_ordered_uuid() -> uuid.UUID:
    """Return a UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.

    Event ids in time order land next to each other in the unique index on event_id, where random
    ones would touch a random index page per append.
    """
    value = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(os.urandom(10))
    value = value & ~(0xF << 76) | 0x7 << 76  # version 7
    value = value & ~(0x3 << 62) | 0x2 << 62  # RFC 9562 variant
    return uuid.UUID(int=value)


NAMED_FIELDS = ("actor_id", "actor_label", "action", "target_type", "target_id", "subject_scope")
OPTIONAL_NAMES = {("subject_scope", None), ("actor_label", "")}


def _check_names(values) -> None:
    """Check (field, value) pairs: each a non-empty string within its column's limit, free of the chain's separators."""
    for field, value in values:
        if (field, value) in OPTIONAL_NAMES:
            continue
        if not isinstance(value, str) or not value or len(value) > NAME_LIMITS[field]:
            raise ValueError(f"Audit {field} must be a non-empty string of at most {NAME_LIMITS[field]} characters.")
        if chain.SEPARATOR in value or chain.NO_SCOPE in value:
            raise ValueError(f"Audit {field} must not contain the control characters U+001F or U+0000.")


def _seal_soon_robust():
    """_seal_soon, logging instead of raising (what on_commit(robust=True) does): the event is committed,
    and an event whose sealing task is lost is sealed by the scheduled sealing a minute later."""
    try:
        _seal_soon()
    except Exception:
        logger.exception("audit: could not ask for sealing; the scheduled sealing will seal the event")


def _seal_soon():
    """Seal now in eager mode; otherwise enqueue one delayed sealing task per delay window, shared by every
    process through Redis when there is one (privacy.audit.seal_window)."""
    global _seal_due_at
    if settings.CELERY_TASK_ALWAYS_EAGER:
        audit_chain_seal()
        return
    moment = time.monotonic()
    if moment < _seal_due_at:
        return  # a task already queued runs after this commit and seals this event too
    left = window_claim(window_seconds=SEAL_WINDOW_SECONDS)
    if left:
        _seal_due_at = moment + left  # another process's task runs after this commit
        return
    _seal_due_at = moment + SEAL_DELAY_SECONDS
    from privacy.audit.tasks import seal_audit_events_task

    seal_audit_events_task.apply_async(countdown=SEAL_DELAY_SECONDS)
