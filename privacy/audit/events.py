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


def audit_exported(*, actor: Actor, events: int, since, head_hash: str) -> AuditEvent:
    return audit_event_append(
        actor=actor,
        action="audit.exported",
        target_type="audit_chain",
        target_id="export",
        details={"events": events, "since": since, "head_hash": head_hash},
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


# Privacy requests (requests_app). One function per event kind; target privacy_request:<id>, details
# encrypted under the request's own data key (scope request:<id>) so shredding it erases them.
def _request_event(actor: Actor, action: str, request, details: dict) -> AuditEvent:
    return audit_event_append(
        actor=actor, action=action, target_type="privacy_request", target_id=request.pk, details=details,
        subject_scope=f"request:{request.pk}",
    )


def request_submitted(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.submitted", request, details)


def request_duplicate_linked(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.duplicate_linked", request, details)


def request_verified(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.verified", request, details)


def request_verification_failed(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.verification_failed", request, details)


def request_reminder_scheduled(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.reminder_scheduled", request, details)


def request_closed_unverified(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.closed_unverified", request, details)


def request_email_sent(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.email_sent", request, details)


def request_discovered(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.discovered", request, details)


def request_approved(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.approved", request, details)


def request_completed(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.completed", request, details)


def request_denied(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.denied", request, details)


def request_extended(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.extended", request, details)


def request_assigned(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.assigned", request, details)


def request_cancelled(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.cancelled", request, details)


def request_note_added(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.note_added", request, details)


def request_needs_attention(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.needs_attention", request, details)


def request_retried(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.retried", request, details)


def request_redispatched(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.redispatched", request, details)


def request_export_downloaded(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.export_downloaded", request, details)


def request_export_purged(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.export_purged", request, details)


def retention_run_finished(*, actor: Actor, run) -> AuditEvent:
    """A retention run ended an attempt (completed, paused or failed); counts only, no personal data."""
    return audit_event_append(
        actor=actor,
        action=f"retention.run_{run.state}",
        target_type="retention_policy",
        target_id=run.policy.name,
        details={
            "run": run.pk,
            "plan": run.policy.plan,
            "dry_run": run.dry_run,
            "cutoffs": run.cutoffs,
            "batches": run.batches,
            "tables": run.tables,
            "duration_seconds": round(run.duration_seconds, 3),
            "errors": run.errors[-5:],
        },
    )


def retention_setting_changed(*, actor: Actor, target_type: str, target_id: str, created: bool, values: dict) -> AuditEvent:
    """Staff created or edited a retention policy or a statutory period (the new values of the changed fields)."""
    return audit_event_append(
        actor=actor,
        action="retention.setting_created" if created else "retention.setting_changed",
        target_type=target_type,
        target_id=target_id,
        details={"values": {name: str(value) for name, value in values.items()}},
    )


# Erasure (privacy.sources.erasure). One function per step; target erasure_run:<reference>, details
# (counts, tables, reasons: never values) under the reference's data key (request:<id> or manual:<id>).
def _erasure_event(actor: Actor, action: str, run, details: dict) -> AuditEvent:
    return audit_event_append(
        actor=actor, action=action, target_type="erasure_run", target_id=run.reference, details=details,
        subject_scope=run.reference,
    )


def erasure_planned(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.planned", run, details)


def erasure_blocked(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.blocked", run, details)


def erasure_amazon_closed(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.amazon_pay_closed", run, details)


def erasure_failed(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.failed", run, details)


def erasure_applied(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.applied", run, details)


def erasure_held(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.held", run, details)


def erasure_verified(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.verified", run, details)


def erasure_residue(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.residue_found", run, details)


def erasure_completed(*, actor: Actor, run, details: dict) -> AuditEvent:
    return _erasure_event(actor, "erasure.completed", run, details)


# The remaining rights (requests_app/rights): corrections, opt-outs and limits, objections to marketing.
def request_corrections_set(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.corrections_set", request, details)


def request_documentation_requested(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.documentation_requested", request, details)


def request_correction_applied(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.correction_applied", request, details)


def request_recipients_told(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.recipients_told", request, details)


def request_preference_recorded(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.preference_recorded", request, details)


def request_preference_applied(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.preference_applied", request, details)


def request_marketing_stopped(*, actor: Actor, request, details: dict) -> AuditEvent:
    return _request_event(actor, "request.marketing_stopped", request, details)


def preferences_applied(*, actor: Actor, details: dict) -> AuditEvent:
    """Every recorded opt-out and limit written to the shop again; counts only."""
    return audit_event_append(actor=actor, action="preferences.applied", target_type="opt_out_preferences",
                              target_id="all", details=details)


def partner_list_exported(*, actor: Actor, partner: str, details: dict) -> AuditEvent:
    """A partner's keyed list of opted-out addresses was handed out; counts only."""
    return audit_event_append(actor=actor, action="preferences.partner_list_exported", target_type="opt_out_partner",
                              target_id=partner, details=details)


def marketing_suppression_lifted(*, actor: Actor, suppression, details: dict) -> AuditEvent:
    return audit_event_append(actor=actor, action="marketing.suppression_lifted", target_type="marketing_suppression",
                              target_id=str(suppression.pk), details=details)
