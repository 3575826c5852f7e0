"""Reads of the audit trail. Payloads open only through audit_event_payload, which audits the view."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from privacy.audit import events
from privacy.audit.actors import Actor
from privacy.audit.models import AuditChainHead, AuditEvent
from privacy.audit.payloads import AuditPayload, payload_decrypt

VIEW_PAYLOAD_PERMISSION = "audit.view_payload"


def audit_events_for_target(*, target_type: str, target_id: str | int) -> list[AuditEvent]:
    """Return the events about one target, oldest first (metadata; the payload stays encrypted)."""
    events = AuditEvent.objects.filter(target_type=target_type, target_id=str(target_id)).select_related("seal")
    return list(events.order_by("created_at", "id"))


def audit_event_payload(*, event: AuditEvent, viewer) -> AuditPayload:
    """Decrypt event's details for viewer, who needs audit.view_payload; the view itself is audited."""
    if not viewer.has_perm(VIEW_PAYLOAD_PERMISSION):
        raise PermissionDenied("Viewing audit payloads needs the audit.view_payload permission.")
    with transaction.atomic():
        events.audit_payload_viewed(actor=Actor.staff(viewer), event=event)
    return payload_decrypt(event)


def audit_chain_head() -> AuditChainHead | None:
    return AuditChainHead.objects.filter(pk=1).first()


def audit_unsealed_count() -> int:
    """Return how many events wait for their seal (committed since the last sealing, or refused by the sealer)."""
    return AuditEvent.objects.filter(seal__isnull=True).count()
