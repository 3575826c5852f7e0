"""One small function per kind of audit event; each calls the one writer, audit_event_append.

Call them inside the transaction that makes the change they record. Put personal details in
`details` and pass `subject_scope` so they are encrypted under that subject's key. Helpers add
their own event functions at the end of this file.
"""

from privacy.audit.actors import Actor
from privacy.audit.models import AuditEvent
from privacy.audit.services import audit_event_append


def keys_rotated(*, actor: Actor, kek_id: str, rewrapped: int) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="keys.rotated",
        target_type="key_ring",
        target_id=kek_id,
        details={"active_kek_id": kek_id, "data_keys_rewrapped": rewrapped},
    )


def audit_verified(*, actor: Actor, result) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="audit.verified" if result.ok else "audit.verification_failed",
        target_type="audit_chain",
        target_id=str(result.head_seq),
        details=result.as_dict(),
    )


def audit_payload_viewed(*, actor: Actor, event: AuditEvent) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="audit.payload_viewed",
        target_type="audit_event",
        target_id=str(event.pk),
        details={"event_id": str(event.event_id), "action": event.action, "subject_scope": event.subject_scope},
    )


def audit_exported(*, actor: Actor, events: int, since, with_details: bool, head_hash: str) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="audit.exported",
        target_type="audit_chain",
        target_id="export",
        details={"events": events, "since": since, "with_details": with_details, "head_hash": head_hash},
    )


def subject_key_shredded(*, actor: Actor, subject_scope: str, reason: str) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="subject.key_shredded",
        target_type="subject",
        target_id=subject_scope,
        details={"subject_scope": subject_scope, "reason": reason},
    )


def subject_retention_scheduled(*, actor: Actor, subject_scope: str, shred_after) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="subject.retention_scheduled",
        target_type="subject",
        target_id=subject_scope,
        details={"subject_scope": subject_scope, "shred_after": shred_after},
    )
