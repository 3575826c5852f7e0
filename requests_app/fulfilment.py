"""The work a verified request triggers: discovery in the shop's data, then fulfilment per kind.

HANDLERS is the extension point: one entry per kind whose fulfilment is installed. A kind
without an entry cannot be approved, so it waits in review instead of pretending to be done.
Installed: access and export (the export package), deletion (privacy.sources.erasure), and
correction, opt_out, limit and objection (requests_app.rights). A handler runs inside the transaction that
completes the request, with the row locked, and returns the facts for the completion event (no
personal values); a receipt it sets (receipt_sealed) is saved with the completion. Work that commits step by step elsewhere runs first, in PREPARERS.
Kinds in AUTOMATIC are approved by the system as soon as discovery ran; APPROVAL_CHECKS may
refuse a staff approval with the reason.
"""

import json
import logging
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from privacy.audit import events
from privacy.sources.erasure.fulfil import erasure_fulfil, erasure_prepare
from requests_app import clock, sealing
from requests_app.models import ExportPackage, PrivacyRequest, RequestFindings
from requests_app.rights.correction import correction_approval_check, correction_fulfil, correction_prepare
from requests_app.rights.marketing import objection_fulfil
from requests_app.rights.preferences import preference_fulfil
from requests_app.selectors import privacy_request_requester
from requests_app.services.common import SYSTEM, actor_of, enqueue, request_lock, state_move
from requests_app.services import lease
from requests_app.states import OPEN, State
from retention.services.claims import owner_id  # host:pid:token, as retention names its workers

logger = logging.getLogger(__name__)

Handler = Callable[[PrivacyRequest, datetime], dict]


def subject_findings(privacy_request: PrivacyRequest):
    """Return (Subject, [Finding]) for the requester, freshly read from the shop's database."""
    from privacy.sources.discovery import subject_discover, subject_identify

    subject = subject_identify(email=privacy_request_requester(privacy_request=privacy_request).email)
    return subject, subject_discover(subject=subject)


def privacy_request_discover(*, request_id: int, by=SYSTEM, now: datetime | None = None) -> PrivacyRequest:
    """Find the verified requester's data and put the request in review; a no-op unless it is verified.

    The worker holds the request's lease meanwhile (services/lease.py), so the sweep does not queue
    a discovery under way again; a request another live worker discovers is returned untouched.
    """
    owner = owner_id()
    if not lease.request_claim(request_id=request_id, owner=owner, state=State.VERIFIED):
        return PrivacyRequest.objects.get(pk=request_id)  # a re-delivered task, or staff moved it on meanwhile
    try:
        return _discover(request_id, by=by, now=now)
    finally:
        lease.request_release(request_id=request_id, owner=owner)


def _discover(request_id: int, *, by, now: datetime | None) -> PrivacyRequest:
    privacy_request = PrivacyRequest.objects.get(pk=request_id)
    subject, findings = subject_findings(privacy_request)  # shop reads happen before the row lock
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(request_id)
        if privacy_request.state != State.VERIFIED:
            return privacy_request
        summary = dict(Counter(finding.table for finding in findings))
        RequestFindings.objects.update_or_create(request=privacy_request, defaults={
            "subject_sealed": sealing.seal_bytes(request_id, "subject", _json(subject.as_dict())),
            "findings_sealed": sealing.seal_bytes(request_id, "findings", _json([f.as_dict() for f in findings])),
            "summary": summary, "discovered_at": now,
        })
        state_move(privacy_request, State.IN_REVIEW, now=now)
        events.request_discovered(actor=actor_of(by), request=privacy_request, details={
            "found": subject.found, "rows": len(findings), "tables": summary,
        })
        if privacy_request.kind in AUTOMATIC:
            from requests_app.services.workflow import privacy_request_approve

            privacy_request = privacy_request_approve(privacy_request=privacy_request, by=SYSTEM, now=now)
    return privacy_request


def privacy_request_fulfil(*, request_id: int, by=SYSTEM, now: datetime | None = None) -> PrivacyRequest:
    """Carry out an approved (in_progress) request through its kind's handler and complete it.

    The worker holds the request's lease meanwhile (services/lease.py) and renews it at each progress
    point; a request another live worker holds, or that is no longer in progress, is returned
    untouched, and so is one another worker took over meanwhile (its lease had expired).
    """
    owner = owner_id()
    if not lease.request_claim(request_id=request_id, owner=owner):
        return PrivacyRequest.objects.get(pk=request_id)
    privacy_request = None
    try:
        privacy_request = _fulfil(request_id, owner=owner, by=by, now=now or timezone.now())
    except lease.LeaseLost:
        logger.warning("request %s: lease taken over by another worker; this one stopped before writing", request_id)
        return PrivacyRequest.objects.get(pk=request_id)
    finally:
        if privacy_request is None or privacy_request.claimed_by == owner:  # a state change ended it already
            lease.request_release(request_id=request_id, owner=owner)
    return privacy_request


def _fulfil(request_id: int, *, owner: str, by, now: datetime) -> PrivacyRequest:
    from requests_app import tasks

    if not _prepared(request_id, now, progress=lambda: lease.request_renew(request_id=request_id, owner=owner)):
        return PrivacyRequest.objects.get(pk=request_id)
    with transaction.atomic():
        privacy_request = request_lock(request_id)
        if privacy_request.state != State.IN_PROGRESS:
            return privacy_request  # already completed by an earlier delivery of the task
        if privacy_request.claimed_by != owner:
            raise lease.LeaseLost(request_id)  # taken over meanwhile; with the row locked nobody takes it over now
        outcome = HANDLERS[privacy_request.kind](privacy_request, now)
        privacy_request.closed_at = now
        # a handler may leave a receipt for the requester on the request: saved with the state change
        state_move(privacy_request, State.COMPLETED, now=now, fields=("closed_at", "receipt_sealed"))
        events.request_completed(actor=actor_of(by), request=privacy_request, details=outcome)
        enqueue(tasks.send_request_email_task, request_id, COMPLETION_EMAILS.get(privacy_request.kind, "completion"))
    return privacy_request


def export_fulfil(privacy_request: PrivacyRequest, now: datetime) -> dict:
    """Build the access/export package from fresh findings and keep it encrypted until its lifetime ends."""
    from privacy.sources.base import ExportContext
    from privacy.sources.export import export_package_build

    subject, findings = subject_findings(privacy_request)
    context = ExportContext(
        request_id=privacy_request.pk, kind=privacy_request.kind, jurisdiction=privacy_request.jurisdiction,
        received_at=clock.receipt_date(privacy_request.received_at), shop_name=settings.PRIVACY_SHOP_NAME,
        controller_contact=settings.DEFAULT_FROM_EMAIL, supervisory_authority=settings.PRIVACY_SUPERVISORY_AUTHORITY,
        generated_at=now,
    )
    with translation.override(privacy_request.language):  # the report is the customer's to read
        package = export_package_build(subject=subject, findings=findings, context=context)
    ExportPackage.objects.update_or_create(request=privacy_request, defaults={
        "package_sealed": sealing.seal_bytes(privacy_request.pk, "package", package), "size": len(package),
        "created_at": now, "expires_at": now + timedelta(days=settings.PRIVACY_EXPORT_RETENTION_DAYS),
        "downloaded_at": None, "purged_at": None,
    })
    return {"package_bytes": len(package), "rows": len(findings)}


HANDLERS: dict[str, Handler] = {
    "access": export_fulfil,
    "export": export_fulfil,
    "deletion": erasure_fulfil,
    "correction": correction_fulfil,
    "opt_out": preference_fulfil,
    "limit": preference_fulfil,
    "objection": objection_fulfil,
}
# Work a kind must finish before its completion transaction, because it commits step by step in
# other systems (erasure: Amazon Pay, then the shop database; correction: the shop database, with
# its receipt). A preparer of several steps calls progress() before each one it commits: that renews
# the worker's lease, or raises LeaseLost so a worker whose lease was taken over writes nothing more.
# False: it parked the request.
PREPARERS: dict[str, Callable[[PrivacyRequest, datetime, Callable[[], None]], bool]] = {
    "deletion": erasure_prepare, "correction": correction_prepare,
}
# The one e-mail that tells the requester their request is complete, where a kind has its own: a deletion's
# receipt says it is complete (what was erased, what the law keeps and until when).
COMPLETION_EMAILS: dict[str, str] = {"deletion": "erasure_receipt"}
# Honoured without a review: requests that are not verifiable (CCPA §7026, §7027) and objections to
# direct marketing, which the controller must follow without weighing them (GDPR Art. 21(3)).
AUTOMATIC = frozenset({"opt_out", "limit", "objection"})
# Checks a staff approval must pass; each raises ValidationError with the reason.
APPROVAL_CHECKS: dict[str, Callable[[PrivacyRequest], None]] = {"correction": correction_approval_check}


def _prepared(request_id: int, now: datetime, *, progress: Callable[[], None]) -> bool:
    privacy_request = PrivacyRequest.objects.get(pk=request_id)
    prepare = PREPARERS.get(privacy_request.kind)
    return privacy_request.state != State.IN_PROGRESS or prepare is None or prepare(privacy_request, now, progress)


def fulfilment_available(kind: str) -> bool:
    return kind in HANDLERS


def stage_failed(*, request_id: int, reason: str, detail: str = "", now: datetime | None = None) -> bool:
    """Park an open request in needs_attention; return False when it is closed or already parked.

    reason is logged and must hold nothing personal; detail (e.g. an exception's text, which
    may quote shop data) is only stored, encrypted with the request.
    """
    from requests_app.services.workflow import attention_record

    logger.error("request %s needs attention: %s", request_id, reason)
    with transaction.atomic():
        privacy_request = request_lock(request_id)
        if privacy_request.state not in OPEN or privacy_request.state == State.NEEDS_ATTENTION:
            return False
        full = f"{reason} {detail}".strip()
        attention_record(privacy_request, reason=full, by=SYSTEM, now=now or timezone.now())
    return True


def _json(value) -> bytes:
    return json.dumps(value, sort_keys=True, default=str).encode()
