"""Correction of personal data (GDPR Art. 16, CPRA §1798.106): from the details asked for to the shop's tables.

The requester names the details and their correct values (details["corrections"], checked by
fields.corrections_clean); staff may set them from a free-text request, ask for documentation,
deny (e.g. "the data is accurate") or approve. Approval runs correction_prepare first: one shop
transaction (privacy.sources.magento.correction_apply) whose outcome is sealed into the request's
receipt in the same step, so a retry never writes twice. The completion handler then tells the
recipients of the data (Art. 19) and the completion e-mail lists what changed, what was kept as
issued and why, and who was told.
"""

from collections.abc import Callable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.audit import events
from requests_app import sealing
from requests_app.models import Kind, PrivacyRequest
from requests_app.rights.fields import FIELDS, corrections_clean
from requests_app.selectors import privacy_request_details, privacy_request_requester
from requests_app.services.common import PERM_WORK, SYSTEM, actor_of, enqueue, permission_require, request_lock
from requests_app.states import OPEN, State

MAX_MESSAGE = 5000


def corrections_requested(*, privacy_request: PrivacyRequest) -> dict[str, str]:
    """The details to correct and their new values, as recorded on the request."""
    return dict(privacy_request_details(privacy_request=privacy_request).get("corrections") or {})


def correction_receipt(*, privacy_request: PrivacyRequest) -> dict:
    return (sealing.open_json(privacy_request.pk, "receipt", privacy_request.receipt_sealed, default=None) or {}).get("correction", {})


def _details_save(privacy_request: PrivacyRequest, details: dict) -> None:
    privacy_request.details_sealed = sealing.seal_json(privacy_request.pk, "details", details)
    privacy_request.save(update_fields=["details_sealed"])


def _correction_check(privacy_request: PrivacyRequest) -> None:
    if privacy_request.kind != Kind.CORRECTION:
        raise ValidationError({"kind": _("Request %(pk)s is not a correction.") % {"pk": privacy_request.pk}})
    if privacy_request.state not in OPEN or privacy_request.state == State.IN_PROGRESS:
        raise ValidationError({"state": _("Request %(pk)s is %(state)s: its corrections can no longer change.") % {
            "pk": privacy_request.pk, "state": privacy_request.state}})


def corrections_set(*, privacy_request: PrivacyRequest, corrections: dict, by, now: datetime | None = None) -> PrivacyRequest:
    """Record the details to correct, e.g. from a letter or a free-text request; replaces those recorded before."""
    permission_require(by, PERM_WORK)
    clean, errors = corrections_clean(corrections)
    if not clean and not errors:
        errors = {"corrections": _("Name at least one detail to correct and its correct value.")}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        _correction_check(privacy_request)
        details = privacy_request_details(privacy_request=privacy_request) | {"corrections": clean}
        _details_save(privacy_request, details)
        events.request_corrections_set(actor=actor_of(by), request=privacy_request, details={"corrections": clean})
    return privacy_request


def correction_documentation_request(*, privacy_request: PrivacyRequest, message: str, by,
                                     now: datetime | None = None) -> PrivacyRequest:
    """Ask the requester for documentation of the correct value (CPRA §7023); they are e-mailed the message."""
    from requests_app import tasks

    permission_require(by, PERM_WORK)
    message = (message or "").strip()
    if not message or len(message) > MAX_MESSAGE:
        raise ValidationError({"message": _("Write what documentation you need, in at most %(max)s characters.") % {
            "max": MAX_MESSAGE}})
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        _correction_check(privacy_request)
        details = privacy_request_details(privacy_request=privacy_request)
        asked = [*details.get("documentation_requests", []), {"at": now.isoformat(), "message": message}]
        _details_save(privacy_request, details | {"documentation_requests": asked})
        events.request_documentation_requested(actor=actor_of(by), request=privacy_request,
                                               details={"message": message, "number": len(asked)})
        enqueue(tasks.send_request_email_task, privacy_request.pk, "documentation")
    return privacy_request


def correction_approval_check(privacy_request: PrivacyRequest) -> None:
    """Refuse approval while nothing is recorded to correct, or the shop would refuse the new e-mail."""
    from requests_app.rights.selectors import correction_preview_for

    if not corrections_requested(privacy_request=privacy_request):
        raise ValidationError({"corrections": _(
            "Request %(pk)s names no detail to correct: record the corrections to apply (from the requester's "
            "description), ask for documentation, or deny it.") % {"pk": privacy_request.pk}})
    preview = correction_preview_for(privacy_request=privacy_request)
    if preview.conflicts:
        raise ValidationError({"corrections": " ".join(preview.conflicts)})


def correction_prepare(privacy_request: PrivacyRequest, now: datetime, progress: Callable[[], None]) -> bool:
    """Preparer: write the corrections to the shop once; False when the shop refused them (the request is parked).

    One step, so no progress point before it: the claim that started the fulfilment was just renewed."""
    from privacy.sources.magento.correction import CorrectionConflict
    from requests_app.fulfilment import stage_failed

    if correction_receipt(privacy_request=privacy_request):
        return True  # written by an earlier delivery of the task
    try:
        with transaction.atomic():
            privacy_request = request_lock(privacy_request.pk)
            _correction_write(privacy_request, now)
    except CorrectionConflict as conflict:
        stage_failed(request_id=privacy_request.pk, reason="The shop refused the correction.", detail=str(conflict), now=now)
        return False
    return True


def _correction_write(privacy_request: PrivacyRequest, now: datetime) -> None:
    from privacy.sources.discovery import subject_identify
    from privacy.sources.magento.correction_apply import correction_apply
    from requests_app.rights.marketing import marketing_subscription_allowed

    corrections = corrections_requested(privacy_request=privacy_request)
    email = privacy_request_requester(privacy_request=privacy_request).email
    subject = subject_identify(email=email)
    new_email = corrections.get("email")
    outcome = correction_apply(
        email=email, corrections=corrections, customer_ids=subject.customer_ids, order_ids=subject.order_ids, now=now,
        unsubscribe_new_email=bool(new_email) and not marketing_subscription_allowed(email=new_email),
    )
    receipt = {
        "corrected": [{"field": name, "value": value} for name, value in corrections.items()],
        "orders_followed": list(outcome.orders_followed), "kept": [document.as_dict() for document in outcome.kept],
        "rows": outcome.rows, "applied_at": now.isoformat(), "newsletter_unsubscribed": outcome.newsletter_unsubscribed,
    }
    privacy_request.receipt_sealed = sealing.seal_json(privacy_request.pk, "receipt", {"correction": receipt})
    privacy_request.save(update_fields=["receipt_sealed"])
    events.request_correction_applied(actor=SYSTEM, request=privacy_request, details={
        "before": outcome.before, "after": corrections, "rows": outcome.rows,
        "orders_followed": list(outcome.orders_followed), "kept": receipt["kept"],
    })


def correction_fulfil(privacy_request: PrivacyRequest, now: datetime) -> dict:
    """Handler: tell the recipients of the corrected data (Art. 19) and return the facts for the completion event."""
    from requests_app.rights.recipients import correction_recipients_tell

    receipt = correction_receipt(privacy_request=privacy_request)
    told, not_told = correction_recipients_tell(privacy_request=privacy_request, corrections=corrections_requested(
        privacy_request=privacy_request))
    receipt |= {"recipients_told": told, "recipients_not_told": not_told}
    privacy_request.receipt_sealed = sealing.seal_json(privacy_request.pk, "receipt", {"correction": receipt})
    privacy_request.save(update_fields=["receipt_sealed"])
    events.request_recipients_told(actor=SYSTEM, request=privacy_request, details={"told": told, "not_told": not_told})
    return {"fields": sorted(field for field in corrections_requested(privacy_request=privacy_request) if field in FIELDS),
            "rows": receipt.get("rows", {}), "orders_followed": len(receipt.get("orders_followed", [])),
            "kept": len(receipt.get("kept", [])), "recipients_told": len(told), "recipients_not_told": len(not_told)}
