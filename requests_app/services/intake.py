"""Taking a request in: from the web form, the API, or staff entering one received by e-mail, phone or post."""

import json
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.audit import events
from privacy.crypto import email_index, normalize_email
from requests_app import clock, sealing, tokens
from requests_app.models import (
    AgentAuthorization, Channel, Jurisdiction, Kind, PrivacyRequest, StaffChannel, VerificationMethod,
)
from requests_app.services.common import (
    PERM_WORK, SYSTEM, actor_of, enqueue, permission_require, record_keeping_start, state_move,
)
from requests_app.states import OPEN, State

STAFF_CHANNELS = frozenset(StaffChannel.values)
# Not verifiable requests (CCPA §7026, §7027): verified at once, and their preference is recorded at intake.
NOT_VERIFIABLE = frozenset({Kind.OPT_OUT, Kind.LIMIT})
MAX_NAME = 200
MAX_DETAILS_BYTES = 10_000
MAX_FACTOR = 64


@dataclass(frozen=True)
class AgentSubmission:
    """An authorized agent acting for the consumer, with the consumer's signed permission (CCPA §7063)."""

    name: str
    email: str
    document: bytes
    document_name: str
    content_type: str


def privacy_request_submit(
    *,
    kind: str,
    email: str,
    jurisdiction: str,
    channel: str,
    received_at: date | datetime | None = None,
    name: str = "",
    details: dict | None = None,
    order_number: str = "",
    postcode: str = "",
    language: str = "",
    agent: AgentSubmission | None = None,
    verified: bool = False,
    by=SYSTEM,
    start_processing: bool = True,
    now: datetime | None = None,
) -> PrivacyRequest:
    """Record a request, start its clocks and begin verification; a second open one is linked as a duplicate.

    The outcome never depends on whether the address belongs to a customer: callers answer
    every submission the same way. `verified=True` (staff or operator only) records that the
    requester's identity was checked outside the service, e.g. on the phone.
    """
    now = now or timezone.now()
    if channel in STAFF_CHANNELS or verified:
        permission_require(by, PERM_WORK)
    details, correction_errors = _corrections_checked(kind, details)
    received_at = _input_check(
        kind=kind, email=email, jurisdiction=jurisdiction, channel=channel, received_at=received_at, name=name,
        details=details, order_number=order_number, postcode=postcode, agent=agent, now=now, errors=correction_errors,
    )
    with transaction.atomic():
        privacy_request, original = _request_create(
            kind=kind, email=email, jurisdiction=jurisdiction, channel=channel, received_at=received_at, now=now,
            language=_language(language), by_agent=agent is not None,
        )
        _sealed_values_store(privacy_request, email=email, name=name, details=details,
                             order_number=order_number, postcode=postcode, agent=agent)
        events.request_submitted(actor=actor_of(by), request=privacy_request, details=_submission_facts(privacy_request))
        if original is not None:
            _duplicate_follow_up(privacy_request, original, by=by)
        else:
            _verification_start(privacy_request, verified=verified, by=by, now=now, start_processing=start_processing)
            if kind in NOT_VERIFIABLE:
                from requests_app.rights.preferences import preference_record

                preference_record(privacy_request=privacy_request, email=email, signal=(details or {}).get("signal", ""),
                                  by=by, now=now)
    return privacy_request


def _corrections_checked(kind: str, details: dict | None) -> tuple[dict | None, dict]:
    """Return details with its corrections cleaned, and an error per wrong detail ("corrections": [...])."""
    from requests_app.rights.fields import corrections_clean

    if not isinstance(details, dict) or "corrections" not in details:
        return details, {}
    if kind != Kind.CORRECTION:
        return details, {"corrections": _("Only a correction request names details to correct.")}
    clean, errors = corrections_clean(details["corrections"])
    if errors:
        return details, {"corrections": [f"{name}: {message}" for name, message in errors.items()]}
    return details | {"corrections": clean}, {}


def _received_at_clean(received_at, *, channel: str, now: datetime) -> datetime:
    if received_at is None:
        return now
    if channel not in STAFF_CHANNELS:
        raise ValidationError({"received_at": _("Only staff entry (e-mail, phone, post) may give a receipt date.")})
    if isinstance(received_at, datetime):
        if timezone.is_naive(received_at):
            raise ValidationError({"received_at": _("Give a time zone with the receipt time, or just the date.")})
    else:
        received_at = now if received_at == timezone.localdate(now) else clock.start_of_day(received_at)
    if received_at > now:
        raise ValidationError({"received_at": _("The receipt date is in the future: give the day the request arrived.")})
    return received_at


def _input_check(*, kind, email, jurisdiction, channel, received_at, name, details, order_number, postcode, agent,
                 now, errors: dict) -> datetime:
    """Return the receipt time to record, or raise ValidationError naming every field that is wrong."""
    errors = errors | _choice_errors(kind=kind, jurisdiction=jurisdiction, channel=channel) | _factor_errors(order_number, postcode)
    try:
        received_at = _received_at_clean(received_at, channel=channel, now=now)
    except ValidationError as error:
        errors |= {field: messages[0] for field, messages in error.message_dict.items()}
    if not _is_email(email):
        errors["email"] = _("Enter a valid e-mail address, e.g. name@example.com.")
    if len(name) > MAX_NAME:
        errors["name"] = _("The name is longer than %(max)s characters: shorten it.") % {"max": MAX_NAME}
    if details is not None and (not isinstance(details, dict) or len(json.dumps(details)) > MAX_DETAILS_BYTES):
        errors["details"] = _("Details must be an object of at most %(max)s bytes as JSON.") % {"max": MAX_DETAILS_BYTES}
    if agent is not None:
        errors |= _agent_errors(agent)
    if errors:
        raise ValidationError(errors)
    return received_at


def _choice_errors(**values) -> dict:
    choices = {"kind": Kind, "jurisdiction": Jurisdiction, "channel": Channel}
    return {
        field: _("Unknown %(field)s %(value)r: use one of %(choices)s.") % {
            "field": field, "value": value, "choices": ", ".join(choices[field].values)
        }
        for field, value in values.items() if value not in choices[field].values
    }


def _factor_errors(order_number: str, postcode: str) -> dict:
    if bool(order_number.strip()) != bool(postcode.strip()):
        missing = "postcode" if order_number.strip() else "order_number"
        return {missing: _("Give both the order number and its billing postcode, or neither.")}
    if max(len(order_number), len(postcode)) > MAX_FACTOR:
        return {"order_number": _("Order number and postcode are at most %(max)s characters each.") % {"max": MAX_FACTOR}}
    return {}


def _agent_errors(agent: AgentSubmission) -> dict:
    errors = {}
    if not _is_email(agent.email):
        errors["agent_email"] = _("Enter the agent's valid e-mail address, e.g. agent@example.com.")
    if not agent.document:
        errors["agent_document"] = _("An agent must upload the consumer's signed permission.")
    elif len(agent.document) > settings.PRIVACY_AGENT_DOCUMENT_MAX_BYTES:
        errors["agent_document"] = _("The permission file is larger than %(max)s bytes.") % {
            "max": settings.PRIVACY_AGENT_DOCUMENT_MAX_BYTES
        }
    return errors


def _is_email(address: str) -> bool:
    try:
        validate_email(normalize_email(address or ""))
    except ValidationError:
        return False
    return True


def _language(language: str) -> str:
    codes = [code for code, _ in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def _request_create(*, kind, email, jurisdiction, channel, received_at, now, language, by_agent):
    fields = dict(
        kind=kind, jurisdiction=jurisdiction, channel=channel, received_at=received_at, state_changed_at=now,
        language=language, email_index=email_index(email), by_agent=by_agent, status_salt=tokens.status_salt_new(),
        **_deadline_fields(kind=kind, jurisdiction=jurisdiction, received_at=received_at),
    )
    original = _open_original(fields["email_index"], kind)
    if original is None:
        try:
            with transaction.atomic():
                return PrivacyRequest.objects.create(**fields), None
        except IntegrityError:  # a concurrent submission won the one-open-request constraint
            original = _open_original(fields["email_index"], kind)
    # A duplicate is recorded for the records (CCPA §7101) but never worked: it is born cancelled.
    return PrivacyRequest.objects.create(**fields, state=State.CANCELLED, duplicate_of=original, closed_at=now), original


def _deadline_fields(*, kind, jurisdiction, received_at) -> dict:
    found = clock.deadlines_for(kind=kind, jurisdiction=jurisdiction, received_at=received_at)
    return {"due_date": found.due_date, "acknowledge_by": found.acknowledge_by}


def _open_original(index: str, kind: str) -> PrivacyRequest | None:
    return PrivacyRequest.objects.filter(email_index=index, kind=kind, state__in=OPEN).order_by("pk").first()


def _sealed_values_store(privacy_request, *, email, name, details, order_number, postcode, agent) -> None:
    pk = privacy_request.pk
    privacy_request.identity_sealed = sealing.seal_json(pk, "identity", {"email": email.strip(), "name": name.strip()})
    privacy_request.details_sealed = sealing.seal_json(pk, "details", details or {})
    factor = {"order_number": order_number.strip(), "postcode": postcode.strip()} if order_number.strip() else {}
    privacy_request.factor_sealed = sealing.seal_json(pk, "factor", factor)
    privacy_request.save(update_fields=["identity_sealed", "details_sealed", "factor_sealed"])
    if agent is not None:
        AgentAuthorization.objects.create(
            request=privacy_request,
            agent_sealed=sealing.seal_json(pk, "agent", {"name": agent.name.strip(), "email": agent.email.strip()}),
            document_sealed=sealing.seal_bytes(pk, "agent_document", agent.document),
            document_meta_sealed=sealing.seal_json(
                pk, "agent_document_meta", {"name": agent.document_name, "content_type": agent.content_type}
            ),
            document_size=len(agent.document),
        )


def _submission_facts(privacy_request) -> dict:
    return {
        "kind": privacy_request.kind, "jurisdiction": privacy_request.jurisdiction, "channel": privacy_request.channel,
        "received_at": privacy_request.received_at.isoformat(), "due_date": privacy_request.due_date.isoformat(),
        "by_agent": privacy_request.by_agent, "state": privacy_request.state,
    }


def _duplicate_follow_up(duplicate, original, *, by) -> None:
    from requests_app import tasks

    events.request_duplicate_linked(actor=actor_of(by), request=duplicate, details={"duplicate_of": original.pk})
    record_keeping_start(duplicate.pk, closed_at=duplicate.closed_at)
    if original.state == State.AWAITING_VERIFICATION:
        enqueue(tasks.send_request_email_task, original.pk, "verification")  # the requester lost the first link
    else:
        enqueue(tasks.send_request_email_task, duplicate.pk, "duplicate")


def _verification_start(privacy_request, *, verified, by, now, start_processing) -> None:
    from requests_app import tasks
    from requests_app.services.verification import verified_record

    if verified:
        verified_record(privacy_request, method=VerificationMethod.STAFF, by=by, now=now,
                        start_processing=start_processing)
        enqueue(tasks.send_request_email_task, privacy_request.pk, "acknowledgement")
    elif privacy_request.kind in NOT_VERIFIABLE:
        verified_record(privacy_request, method=VerificationMethod.NOT_REQUIRED, by=SYSTEM, now=now,
                        start_processing=start_processing)
        enqueue(tasks.send_request_email_task, privacy_request.pk, "acknowledgement")
    else:
        state_move(privacy_request, State.AWAITING_VERIFICATION, now=now)
        enqueue(tasks.send_request_email_task, privacy_request.pk, "verification")
    if privacy_request.by_agent:
        enqueue(tasks.send_request_email_task, privacy_request.pk, "agent_acknowledgement")
