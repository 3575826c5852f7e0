"""Staff work on a request: approve, deny, extend, assign, cancel, retry, note, flag for attention.

Each service is one transaction that changes the row and appends its audit event; e-mails and
the next pipeline stage are queued to run after commit.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.audit import events
from requests_app import clock, deadlines, sealing
from requests_app.errors import ExtensionRefused, FulfilmentUnavailable
from requests_app.models import DeadlineExtension, DenialReason, Kind, PrivacyRequest, RequestNote
from requests_app.services.common import (
    PERM_APPROVE_ERASURE, PERM_WORK, actor_of, enqueue, permission_require, request_lock, state_move, user_of,
)
from requests_app.states import State

MAX_TEXT = 10_000


def _text_required(field: str, value: str, *, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: _("Give %(what)s.") % {"what": what}})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: _("Keep %(what)s under %(max)s characters.") % {"what": what, "max": MAX_TEXT}})
    return value


def privacy_request_approve(
    *, privacy_request: PrivacyRequest, by, start_processing: bool = True, now: datetime | None = None
) -> PrivacyRequest:
    """Approve a reviewed request for fulfilment; deletions need the approve_erasure permission."""
    from requests_app import fulfilment, tasks

    permission_require(by, PERM_WORK)
    if privacy_request.kind == Kind.DELETION:
        permission_require(by, PERM_APPROVE_ERASURE)
    if not fulfilment.fulfilment_available(privacy_request.kind):
        raise FulfilmentUnavailable(
            f"No fulfilment is installed for {privacy_request.kind} requests yet: request {privacy_request.pk} "
            "stays in review until it is."
        )
    if privacy_request.kind in fulfilment.APPROVAL_CHECKS:
        fulfilment.APPROVAL_CHECKS[privacy_request.kind](privacy_request)
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        state_move(privacy_request, State.IN_PROGRESS, now=now)
        events.request_approved(actor=actor_of(by), request=privacy_request, details={"kind": privacy_request.kind})
        if start_processing:
            enqueue(tasks.fulfil_request_task, privacy_request.pk)
    return privacy_request


def privacy_request_deny(
    *, privacy_request: PrivacyRequest, reason: str, by, explanation: str = "", now: datetime | None = None
) -> PrivacyRequest:
    """Refuse the request for reason; the requester is told why and how to complain to an authority."""
    from requests_app import tasks

    permission_require(by, PERM_WORK)
    if reason not in DenialReason.values:
        raise ValidationError({"reason": _("Unknown denial reason %(reason)r: use one of %(choices)s.") % {
            "reason": reason, "choices": ", ".join(DenialReason.values)
        }})
    if reason == DenialReason.OTHER:
        explanation = _text_required("explanation", explanation, what=_("an explanation for the requester"))
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        privacy_request.denial_reason, privacy_request.closed_at = reason, now
        privacy_request.denial_explanation_sealed = sealing.seal_text(privacy_request.pk, "denial", explanation.strip())
        state_move(privacy_request, State.DENIED, now=now,
                   fields=("denial_reason", "closed_at", "denial_explanation_sealed"))
        events.request_denied(actor=actor_of(by), request=privacy_request, details={"reason": reason})
        enqueue(tasks.send_request_email_task, privacy_request.pk, "denial")
    return privacy_request


def privacy_request_extend(
    *, privacy_request: PrivacyRequest, reason: str, by, extension: int | None = None, now: datetime | None = None
) -> DeadlineExtension:
    """Extend the response deadline (GDPR: up to 2 more months; CCPA: 45 days, once) and notify the requester."""
    from requests_app import tasks

    permission_require(by, PERM_WORK)
    reason = _text_required("reason", reason, what=_("the reason for the extension (it is sent to the requester)"))
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        if not privacy_request.is_open:
            raise ExtensionRefused(f"Request {privacy_request.pk} is {privacy_request.state}: only open requests can be extended.")
        wanted = extension if extension is not None else deadlines.default_extension(privacy_request.jurisdiction)
        new_due = deadlines.extension_check(
            kind=privacy_request.kind, jurisdiction=privacy_request.jurisdiction,
            received=clock.receipt_date(privacy_request.received_at), current_extension=privacy_request.extension,
            requested=wanted, today=timezone.localdate(now), holidays=clock.public_holidays(),
        )
        record = DeadlineExtension.objects.create(
            request=privacy_request, extension=wanted, unit=clock.extension_unit(privacy_request.jurisdiction),
            previous_due_date=privacy_request.due_date, new_due_date=new_due, created_at=now,
            reason_sealed=sealing.seal_text(privacy_request.pk, "extension_reason", reason),
            created_by=user_of(by),
        )
        privacy_request.due_date, privacy_request.extension = new_due, wanted
        privacy_request.save(update_fields=["due_date", "extension"])
        events.request_extended(actor=actor_of(by), request=privacy_request, details={
            "extension": wanted, "unit": record.unit, "previous_due_date": record.previous_due_date.isoformat(),
            "due_date": new_due.isoformat(),
        })
        enqueue(tasks.send_request_email_task, privacy_request.pk, "extension")
    return record


def privacy_request_assign(*, privacy_request: PrivacyRequest, assignee, by, now: datetime | None = None) -> PrivacyRequest:
    """Give the request to assignee (a staff user who may work requests), or to nobody with None."""
    permission_require(by, PERM_WORK)
    if assignee is not None and not (assignee.is_active and assignee.is_staff and assignee.has_perm(PERM_WORK)):
        raise ValidationError({"assignee": _("%(user)s cannot work requests: pick an active staff agent.") % {
            "user": assignee.get_username()
        }})
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        privacy_request.assignee = assignee
        privacy_request.save(update_fields=["assignee"])
        events.request_assigned(actor=actor_of(by), request=privacy_request,
                                details={"assignee_id": assignee.pk if assignee else None})
    return privacy_request


def privacy_request_cancel(*, privacy_request: PrivacyRequest, by, reason: str = "", now: datetime | None = None) -> PrivacyRequest:
    """Close the request without acting on it: withdrawn by the requester (through the status link) or by staff."""
    permission_require(by, PERM_WORK, customer_allowed=True)
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        privacy_request.closed_at = now
        state_move(privacy_request, State.CANCELLED, now=now, fields=("closed_at",))
        events.request_cancelled(actor=actor_of(by), request=privacy_request, details={"reason": reason.strip()[:MAX_TEXT]})
    return privacy_request


def privacy_request_note_add(*, privacy_request: PrivacyRequest, body: str, by, now: datetime | None = None) -> RequestNote:
    """Add an internal note: staff only, never shown to the requester."""
    permission_require(by, PERM_WORK)
    body = _text_required("body", body, what=_("the text of the note"))
    with transaction.atomic():
        note = RequestNote.objects.create(
            request=privacy_request, body_sealed=sealing.seal_text(privacy_request.pk, "note", body),
            author=user_of(by), created_at=now or timezone.now(),
        )
        events.request_note_added(actor=actor_of(by), request=privacy_request, details={"note_id": note.pk})
    return note


def attention_record(privacy_request: PrivacyRequest, *, reason: str, by, now: datetime) -> None:
    """Inside the caller's transaction: park the request in needs_attention, remembering where it was."""
    privacy_request.attention_from_state = privacy_request.state
    privacy_request.attention_reason_sealed = sealing.seal_text(privacy_request.pk, "attention", reason)
    previous = state_move(privacy_request, State.NEEDS_ATTENTION, now=now,
                          fields=("attention_from_state", "attention_reason_sealed"))
    events.request_needs_attention(actor=actor_of(by), request=privacy_request, details={"from": previous, "reason": reason})


def privacy_request_mark_needs_attention(
    *, privacy_request: PrivacyRequest, reason: str, by, now: datetime | None = None
) -> PrivacyRequest:
    """Flag the request for a person with reason (a failed stage, a blocked link, a doubt raised by staff)."""
    permission_require(by, PERM_WORK)
    reason = _text_required("reason", reason, what=_("the reason it needs attention"))
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        attention_record(privacy_request, reason=reason, by=by, now=now or timezone.now())
    return privacy_request


def privacy_request_retry(
    *, privacy_request: PrivacyRequest, by, start_processing: bool = True, now: datetime | None = None
) -> PrivacyRequest:
    """Return a request from needs_attention to the state it failed in and run that stage again."""
    permission_require(by, PERM_WORK)
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        if privacy_request.state != State.NEEDS_ATTENTION:
            raise ValidationError({"state": _("Request %(pk)s is %(state)s: only requests needing attention can be "
                                              "retried.") % {"pk": privacy_request.pk, "state": privacy_request.state}})
        target = privacy_request.attention_from_state or State.RECEIVED
        privacy_request.attention_from_state, privacy_request.attention_reason_sealed = "", ""
        state_move(privacy_request, target, now=now, fields=("attention_from_state", "attention_reason_sealed"))
        events.request_retried(actor=actor_of(by), request=privacy_request, details={"state": target})
        if start_processing:
            _stage_restart(privacy_request, now=now)
    return privacy_request


def _stage_restart(privacy_request: PrivacyRequest, *, now: datetime) -> None:
    from requests_app import tasks

    if privacy_request.state == State.RECEIVED:
        state_move(privacy_request, State.AWAITING_VERIFICATION, now=now)
    if privacy_request.state == State.AWAITING_VERIFICATION:
        # A fresh link restarts the reminder and closure clocks.
        privacy_request.verification_sent_at = privacy_request.reminder_sent_at = None
        privacy_request.save(update_fields=["verification_sent_at", "reminder_sent_at"])
        enqueue(tasks.send_request_email_task, privacy_request.pk, "verification")
    elif privacy_request.state == State.VERIFIED:
        enqueue(tasks.discover_subject_task, privacy_request.pk)
    elif privacy_request.state == State.IN_PROGRESS:
        enqueue(tasks.fulfil_request_task, privacy_request.pk)
