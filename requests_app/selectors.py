"""Reads of requests. Protected rows are reached only through the two access functions at the top."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.audit.selectors import audit_events_for_target
from privacy.keys import KeyShredded
from requests_app import sealing, tokens
from requests_app.models import ExportPackage, PrivacyRequest
from requests_app.services.common import PERM_VIEW
from requests_app.states import OPEN

ERASED = "[erased]"


def privacy_request_get_for_staff(*, user, pk) -> PrivacyRequest:
    """Return request pk for a staff user allowed to see requests; raise PermissionDenied or DoesNotExist."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in as staff to see requests.")
    if not user.is_active:
        raise PermissionDenied("This account is inactive.")
    if not user.is_staff:
        raise PermissionDenied("Only staff can see requests.")
    if not user.has_perm(PERM_VIEW):
        raise PermissionDenied("This account may not view requests.")
    return PrivacyRequest.objects.select_related("assignee", "duplicate_of").get(pk=pk)


def privacy_request_list_for_staff(*, user, **filters) -> QuerySet:
    """Return the staff queue (see privacy_request_list) for a user allowed to see requests."""
    if not (user.is_authenticated and user.is_active and user.is_staff and user.has_perm(PERM_VIEW)):
        raise PermissionDenied("Only staff allowed to view requests can list them.")
    return privacy_request_list(**filters)


def privacy_request_get_by_status_token(*, token: str) -> PrivacyRequest:
    """Return the request a status link points to; raise PrivacyRequest.DoesNotExist for any bad link."""
    parts = tokens.token_split(token)
    if parts is None:
        raise PrivacyRequest.DoesNotExist("malformed status link")
    privacy_request = PrivacyRequest.objects.filter(pk=parts[0]).first()
    if privacy_request is None:
        raise PrivacyRequest.DoesNotExist("no such request")
    if not tokens.status_token_matches(parts[1], request_id=privacy_request.pk, salt=privacy_request.status_salt):
        raise PrivacyRequest.DoesNotExist("status link does not match")
    return privacy_request


def privacy_request_export_available(*, privacy_request: PrivacyRequest, now: datetime | None = None) -> bool:
    """True while the request has an export package that has not expired or been purged."""
    return ExportPackage.objects.filter(
        request=privacy_request, purged_at__isnull=True, expires_at__gt=now or timezone.now()
    ).exists()


def privacy_request_status_token(*, privacy_request: PrivacyRequest) -> str:
    return tokens.status_token(privacy_request.pk, privacy_request.status_salt)


@dataclass(frozen=True)
class Requester:
    email: str
    name: str


def _opened(privacy_request: PrivacyRequest, field: str, value, *, default):
    """Decrypt value; after the request's key was shredded, return default (the record is minimised)."""
    try:
        if isinstance(value, (bytes, memoryview)):
            return json.loads(sealing.open_bytes(privacy_request.pk, field, value))
        return sealing.open_json(privacy_request.pk, field, value, default=default)
    except KeyShredded:
        return default


def privacy_request_requester(*, privacy_request: PrivacyRequest) -> Requester:
    identity = _opened(privacy_request, "identity", privacy_request.identity_sealed, default=None)
    return Requester(**identity) if identity else Requester(email=ERASED, name=ERASED)


def privacy_request_details(*, privacy_request: PrivacyRequest) -> dict:
    return _opened(privacy_request, "details", privacy_request.details_sealed, default={})


def privacy_request_text(*, privacy_request: PrivacyRequest, field: str, value: str) -> str:
    """Decrypt one of the request's sealed free-text values (denial, attention, note, extension_reason)."""
    try:
        return sealing.open_text(privacy_request.pk, field, value)
    except KeyShredded:
        return ERASED


@dataclass(frozen=True)
class AgentView:
    name: str
    email: str
    document_name: str
    content_type: str
    document_size: int
    consumer_confirmed_at: datetime | None


def privacy_request_agent(*, privacy_request: PrivacyRequest) -> AgentView | None:
    agent = getattr(privacy_request, "agent", None) if privacy_request.by_agent else None
    if agent is None:
        return None
    who = _opened(privacy_request, "agent", agent.agent_sealed, default={"name": ERASED, "email": ERASED})
    meta = _opened(privacy_request, "agent_document_meta", agent.document_meta_sealed, default={"name": ERASED, "content_type": ""})
    return AgentView(name=who["name"], email=who["email"], document_name=meta["name"], content_type=meta["content_type"],
                     document_size=agent.document_size, consumer_confirmed_at=agent.consumer_confirmed_at)


def privacy_request_agent_document(*, privacy_request: PrivacyRequest) -> bytes:
    """Return the agent's signed permission (staff review only)."""
    return sealing.open_bytes(privacy_request.pk, "agent_document", privacy_request.agent.document_sealed)


@dataclass(frozen=True)
class NoteView:
    author: str
    created_at: datetime
    body: str


def privacy_request_notes(*, privacy_request: PrivacyRequest) -> list[NoteView]:
    return [
        NoteView(author=note.author.get_username() if note.author else _("system"), created_at=note.created_at,
                 body=privacy_request_text(privacy_request=privacy_request, field="note", value=note.body_sealed))
        for note in privacy_request.notes.select_related("author")
    ]


@dataclass(frozen=True)
class ExtensionView:
    extension: int
    unit: str
    previous_due_date: date
    new_due_date: date
    reason: str
    created_at: datetime


def privacy_request_extensions(*, privacy_request: PrivacyRequest) -> list[ExtensionView]:
    return [
        ExtensionView(extension=row.extension, unit=row.unit, previous_due_date=row.previous_due_date,
                      new_due_date=row.new_due_date, created_at=row.created_at,
                      reason=privacy_request_text(privacy_request=privacy_request, field="extension_reason",
                                                  value=row.reason_sealed))
        for row in privacy_request.extensions.all()
    ]


@dataclass(frozen=True)
class FindingsView:
    discovered_at: datetime
    summary: dict
    subject: dict
    findings: list


def privacy_request_findings(*, privacy_request: PrivacyRequest) -> FindingsView | None:
    """Return what discovery found (decrypted for staff review), or None before discovery ran."""
    row = getattr(privacy_request, "findings", None)
    if row is None:
        return None
    return FindingsView(discovered_at=row.discovered_at, summary=row.summary,
                        subject=_opened(privacy_request, "subject", row.subject_sealed, default={}),
                        findings=_opened(privacy_request, "findings", row.findings_sealed, default=[]))


# The requester's status page shows these events only; notes, assignment and internal alerts stay staff-side.
CUSTOMER_TIMELINE = {
    "request.submitted": _("We received your request"),
    "request.duplicate_linked": _("Linked to your earlier open request"),
    "request.verified": _("Your identity was confirmed"),
    "request.email_sent": _("We sent you an e-mail"),
    "request.discovered": _("We searched our systems for your data"),
    "request.extended": _("We extended the deadline and told you why"),
    "request.approved": _("We started carrying out your request"),
    "request.completed": _("Your request was completed"),
    "request.denied": _("We answered your request with a refusal"),
    "request.cancelled": _("The request was cancelled"),
    "request.closed_unverified": _("Closed because it was not confirmed in time"),
    "request.export_downloaded": _("Your export was downloaded"),
    "request.export_purged": _("Your export was deleted at the end of its lifetime"),
    "request.documentation_requested": _("We asked you for documentation"),
    "request.correction_applied": _("We corrected your data"),
    "request.preference_recorded": _("We recorded your choice"),
    "request.marketing_stopped": _("We stopped all direct marketing to you"),
}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    action: str
    label: str
    actor_kind: str
    actor_label: str


def privacy_request_timeline(*, privacy_request: PrivacyRequest, audience: str) -> list[TimelineEntry]:
    """Return the request's audit events for audience "customer" (public labels only) or "staff" (all)."""
    if audience not in ("customer", "staff"):
        raise ValueError(f"audience must be customer or staff, not {audience!r}")
    entries = []
    for event in audit_events_for_target(target_type="privacy_request", target_id=privacy_request.pk):
        label = CUSTOMER_TIMELINE.get(event.action)
        if audience == "customer" and label is None:
            continue
        entries.append(TimelineEntry(
            at=event.created_at, action=event.action, label=str(label or event.action), actor_kind=event.actor_kind,
            actor_label=event.actor_label if audience == "staff" else "",
        ))
    return entries


def privacy_requests_due_soon(*, days: int | None = None, today: date | None = None) -> QuerySet:
    """Open requests due today or within the next `days` days (PRIVACY_DUE_SOON_DAYS by default)."""
    today = today or timezone.localdate()
    days = settings.PRIVACY_DUE_SOON_DAYS if days is None else days
    return PrivacyRequest.objects.open().filter(due_date__gte=today, due_date__lte=today + timedelta(days=days))


def privacy_requests_overdue(*, today: date | None = None) -> QuerySet:
    return PrivacyRequest.objects.open().filter(due_date__lt=today or timezone.localdate())


def privacy_requests_acknowledgement_overdue(*, today: date | None = None) -> QuerySet:
    """Open CCPA requests whose receipt confirmation is late (10 business days)."""
    return PrivacyRequest.objects.open().filter(
        acknowledge_by__lt=today or timezone.localdate(), acknowledged_at__isnull=True
    )


def deadline_status(privacy_request: PrivacyRequest, *, today: date | None = None) -> str:
    """Return "overdue", "due_soon", "on_track" or "closed": the badge a queue shows."""
    today = today or timezone.localdate()
    if privacy_request.state not in OPEN:
        return "closed"
    if privacy_request.due_date < today:
        return "overdue"
    if privacy_request.due_date <= today + timedelta(days=settings.PRIVACY_DUE_SOON_DAYS):
        return "due_soon"
    return "on_track"


def privacy_request_list(
    *, state: str = "", kind: str = "", jurisdiction: str = "", assignee_id: int | None = None,
    due_soon: bool = False, overdue: bool = False, today: date | None = None,
) -> QuerySet:
    """The staff queue, filtered; each filter left empty is not applied."""
    rows = PrivacyRequest.objects.select_related("assignee")
    if due_soon:
        rows = rows & privacy_requests_due_soon(today=today)
    if overdue:
        rows = rows & privacy_requests_overdue(today=today)
    filters = {"state": state, "kind": kind, "jurisdiction": jurisdiction, "assignee_id": assignee_id}
    return rows.filter(**{field: value for field, value in filters.items() if value not in ("", None)})
