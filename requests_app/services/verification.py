"""Proving the requester controls the address (e-mailed single-use link) and, where needed, a second factor."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from privacy.audit import events
from privacy.audit.actors import Actor
from requests_app import sealing, tokens
from requests_app.errors import SecondFactorRequired, VerificationFailed
from requests_app.models import PrivacyRequest, TokenPurpose, VerificationMethod, VerificationToken
from requests_app.services.common import (
    PERM_WORK, SYSTEM, actor_of, enqueue, permission_require, record_keeping_start, request_lock, state_move,
)
from requests_app.states import State, transition_check

INVALID_LINK = gettext_lazy("This link is not valid. Use the newest link we e-mailed you, or submit your request again.")


@dataclass(frozen=True)
class LinkCheck:
    """What the verification landing page needs to know before the requester confirms."""

    privacy_request: PrivacyRequest
    needs_second_factor: bool


def second_factor_required(kind: str) -> bool:
    return kind in settings.PRIVACY_SECOND_FACTOR_KINDS


def token_issue(*, privacy_request: PrivacyRequest, purpose: str, lifetime: timedelta, now: datetime) -> str:
    """Create a single-use token for privacy_request and return it; only its hash is stored."""
    secret, digest = tokens.secret_new()
    row = VerificationToken.objects.create(
        request=privacy_request, purpose=purpose, token_hash=digest, created_at=now, expires_at=now + lifetime
    )
    return tokens.token_join(row.pk, secret)


def token_find(*, token: str, purpose: str, now: datetime, lock: bool = False) -> VerificationToken:
    """Return the live token row for token, or raise VerificationFailed with a message for the requester."""
    parts = tokens.token_split(token)
    row = None
    if parts is not None:
        rows = VerificationToken.objects.select_related("request").filter(purpose=purpose, pk=parts[0])
        row = (rows.select_for_update(of=("self",)) if lock else rows).first()
    if row is None or not tokens.secret_matches(parts[1], row.token_hash):
        raise VerificationFailed(str(INVALID_LINK))
    if row.used_at is not None:
        raise VerificationFailed(_("This link was already used. Each link works once."))
    if row.locked_at is not None:
        raise VerificationFailed(_("This link is blocked after too many wrong attempts. Our staff will contact you."))
    if row.expires_at <= now:
        raise VerificationFailed(_("This link has expired. We will e-mail you a new one, or you can submit again."))
    return row


def verification_link_check(*, token: str, now: datetime | None = None) -> LinkCheck:
    row = token_find(token=token, purpose=TokenPurpose.VERIFY, now=now or timezone.now())
    _awaiting_check(row.request)
    needs = second_factor_required(row.request.kind) and not sealing.open_json(
        row.request_id, "factor", row.request.factor_sealed, default={}
    )
    return LinkCheck(privacy_request=row.request, needs_second_factor=needs)


def privacy_request_verify_by_token(
    *, token: str, order_number: str = "", postcode: str = "", now: datetime | None = None
) -> PrivacyRequest:
    """Confirm the request behind an e-mailed link; deletion and specific-pieces kinds also need the order factor.

    A wrong factor counts against the link; after PRIVACY_VERIFICATION_MAX_ATTEMPTS wrong ones
    the link is blocked and the request goes to staff (needs_attention). Raises VerificationFailed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        row = token_find(token=token, purpose=TokenPurpose.VERIFY, now=now, lock=True)
        privacy_request = request_lock(row.request_id)
        _awaiting_check(privacy_request)
        actor = Actor.customer(f"verify-token:{row.pk}")
        failure = _second_factor_failure(row, privacy_request, order_number=order_number, postcode=postcode,
                                         actor=actor, now=now)
        if failure is None:
            row.used_at = now
            row.save(update_fields=["used_at"])
            method = (VerificationMethod.EMAIL_LINK_AND_ORDER if second_factor_required(privacy_request.kind)
                      else VerificationMethod.EMAIL_LINK)
            verified_record(privacy_request, method=method, by=actor, now=now)
    if failure is not None:
        raise failure
    return privacy_request


def _awaiting_check(privacy_request: PrivacyRequest) -> None:
    if privacy_request.state != State.AWAITING_VERIFICATION:
        raise VerificationFailed(_("This request no longer needs confirming. Your status link shows where it stands."))


def _second_factor_failure(row, privacy_request, *, order_number, postcode, actor, now) -> VerificationFailed | None:
    """Return None when no factor is needed or it matches; record a failed attempt otherwise."""
    if not second_factor_required(privacy_request.kind):
        return None
    stored = sealing.open_json(privacy_request.pk, "factor", privacy_request.factor_sealed, default={})
    order_number, postcode = (order_number or stored.get("order_number", "")), (postcode or stored.get("postcode", ""))
    if not (order_number.strip() and postcode.strip()):
        return SecondFactorRequired(_("Enter the number of one of your orders and its billing postcode."))
    if _factor_matches(privacy_request, order_number=order_number, postcode=postcode):
        return None
    row.failed_attempts += 1
    row.save(update_fields=["failed_attempts"])
    events.request_verification_failed(actor=actor, request=privacy_request, details={"attempt": row.failed_attempts})
    if row.failed_attempts < settings.PRIVACY_VERIFICATION_MAX_ATTEMPTS:
        return VerificationFailed(_("The order number and billing postcode do not match. Check them and try again."))
    _link_block(row, privacy_request, actor=actor, now=now)
    return VerificationFailed(_("This link is blocked after too many wrong attempts. Our staff will contact you."))


def _factor_matches(privacy_request, *, order_number: str, postcode: str) -> bool:
    from privacy.sources.magento.verification import order_matches_postcode
    from requests_app.selectors import privacy_request_requester

    email = privacy_request_requester(privacy_request=privacy_request).email
    return order_matches_postcode(email=email, increment_id=order_number.strip(), postcode=postcode)


def _link_block(row, privacy_request, *, actor, now) -> None:
    from requests_app.services.workflow import attention_record

    row.locked_at = now
    row.save(update_fields=["locked_at"])
    attention_record(
        privacy_request, reason=f"Verification link blocked after {row.failed_attempts} wrong order/postcode attempts.",
        by=actor, now=now,
    )


def verified_record(privacy_request: PrivacyRequest, *, method: str, by, now: datetime,
                    start_processing: bool = True) -> None:
    """Inside the caller's transaction: mark verified, drop the intake second factor, start discovery."""
    from requests_app import tasks

    privacy_request.verified_at, privacy_request.verification_method = now, method
    privacy_request.factor_sealed = ""  # verification data is kept only as long as it is needed (CCPA §7060)
    state_move(privacy_request, State.VERIFIED, now=now, fields=("verified_at", "verification_method", "factor_sealed"))
    if privacy_request.by_agent:
        privacy_request.agent.consumer_confirmed_at = now
        privacy_request.agent.save(update_fields=["consumer_confirmed_at"])
    events.request_verified(actor=actor_of(by), request=privacy_request, details={"method": method})
    if start_processing:
        enqueue(tasks.discover_subject_task, privacy_request.pk)


def privacy_request_verify_by_staff(*, privacy_request: PrivacyRequest, by, now: datetime | None = None) -> PrivacyRequest:
    """Record that staff verified the requester outside the service (e.g. by phone, with documents)."""
    from requests_app import tasks

    permission_require(by, PERM_WORK)
    now = now or timezone.now()
    with transaction.atomic():
        privacy_request = request_lock(privacy_request.pk)
        verified_record(privacy_request, method=VerificationMethod.STAFF, by=by, now=now)
        if privacy_request.acknowledged_at is None:
            enqueue(tasks.send_request_email_task, privacy_request.pk, "acknowledgement")
    return privacy_request


def verification_reminders_send(*, now: datetime | None = None) -> int:
    """Send the one reminder (a fresh link) once the first link has expired unused; return how many."""
    from requests_app import tasks

    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.PRIVACY_VERIFICATION_LINK_HOURS)
    due = PrivacyRequest.objects.filter(
        state=State.AWAITING_VERIFICATION, reminder_sent_at__isnull=True, verification_sent_at__lte=cutoff
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            if not due.filter(pk=pk).update(reminder_sent_at=now):
                continue  # another worker claimed it
            events.request_reminder_scheduled(actor=SYSTEM, request=PrivacyRequest(pk=pk), details={})
            enqueue(tasks.send_request_email_task, pk, "reminder")
            sent += 1
    return sent


def unverified_requests_close(*, now: datetime | None = None) -> int:
    """Close requests still unconfirmed PRIVACY_VERIFICATION_CLOSE_DAYS after the first link; return how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PRIVACY_VERIFICATION_CLOSE_DAYS)
    stale = PrivacyRequest.objects.filter(state=State.AWAITING_VERIFICATION, verification_sent_at__lte=cutoff)
    transition_check(request_id="(stale)", current=State.AWAITING_VERIFICATION, target=State.CLOSED_UNVERIFIED)
    closed = 0
    for pk in stale.values_list("pk", flat=True):
        with transaction.atomic():
            if not stale.filter(pk=pk).update(state=State.CLOSED_UNVERIFIED, state_changed_at=now, closed_at=now):
                continue
            record_keeping_start(pk, closed_at=now)
            events.request_closed_unverified(
                actor=SYSTEM, request=PrivacyRequest(pk=pk), details={"after_days": settings.PRIVACY_VERIFICATION_CLOSE_DAYS}
            )
            closed += 1
    return closed
