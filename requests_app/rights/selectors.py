"""Reads for the staff console: a correction beside the shop's current values, and the preference lists."""

from dataclasses import dataclass

from django.db import DatabaseError

from privacy.sources.base import SubjectLookupError

from requests_app.models import Kind, PrivacyRequest
from requests_app.rights.correction import correction_receipt, corrections_requested
from requests_app.rights.fields import FIELDS
from requests_app.rights.models import Signal
from requests_app.rights.notices import KEPT_REASONS
from requests_app.selectors import ERASED, privacy_request_details, privacy_request_requester
from requests_app.services.common import PERM_WORK
from requests_app.states import State

PREVIEW_STATES = frozenset({State.VERIFIED, State.IN_REVIEW, State.NEEDS_ATTENTION})


def correction_preview_for(*, privacy_request: PrivacyRequest):
    """Return the shop's current values and what the correction would touch (privacy.sources.magento.correction)."""
    from privacy.sources.discovery import subject_identify
    from privacy.sources.magento.correction import correction_preview

    email = privacy_request_requester(privacy_request=privacy_request).email
    subject = subject_identify(email=email)
    return correction_preview(email=email, corrections=corrections_requested(privacy_request=privacy_request),
                              customer_ids=subject.customer_ids, order_ids=subject.order_ids)


@dataclass(frozen=True)
class CorrectionRow:
    field: str
    label: str
    requested: str
    current: list[tuple[str, str]]  # (account label, value now)


@dataclass(frozen=True)
class CorrectionView:
    may_see_personal_data: bool
    rows: list[CorrectionRow]
    explanation: str
    documentation_requests: list[dict]
    conflicts: list[str]
    orders_follow: list[str]
    kept: list[dict]
    problem: str  # why the shop's values could not be read
    found: bool
    receipt: dict


def correction_view_for(*, privacy_request: PrivacyRequest, viewer) -> CorrectionView | None:
    """Return the correction panel of a request page; values are decrypted only for staff who work requests."""
    if privacy_request.kind != Kind.CORRECTION:
        return None
    personal = viewer.has_perm(PERM_WORK)
    details = privacy_request_details(privacy_request=privacy_request) if personal else {}
    requested = corrections_requested(privacy_request=privacy_request) if personal else {}
    preview, problem = None, ""
    if personal and requested and privacy_request.state in PREVIEW_STATES:
        if privacy_request_requester(privacy_request=privacy_request).email != ERASED:
            try:
                preview = correction_preview_for(privacy_request=privacy_request)
            except (DatabaseError, SubjectLookupError) as error:  # the page shows even when the shop is unreachable
                problem = f"The shop's current values could not be read ({type(error).__name__})."
    rows = [CorrectionRow(name, str(FIELDS[name].label), value,
                          [(current.label, current.values.get(name) or "—") for current in (preview.current if preview else ())])
            for name, value in requested.items() if name in FIELDS]
    receipt = correction_receipt(privacy_request=privacy_request) if personal else {}
    kept = [document.as_dict() | {"why": str(KEPT_REASONS.get(document.reason, document.reason))}
            for document in (preview.kept if preview else ())]
    return CorrectionView(
        may_see_personal_data=personal, rows=rows, explanation=details.get("explanation", details.get("correction", "")),
        documentation_requests=details.get("documentation_requests", []),
        conflicts=list(preview.conflicts) if preview else [], orders_follow=list(preview.orders_follow) if preview else [],
        kept=kept, problem=problem, found=bool(preview and preview.found), receipt=receipt,
    )


@dataclass(frozen=True)
class OutcomeView:
    """What an opt-out, limit or objection did; counts, codes and notes only, so every staff member may see it."""

    kind: str
    signal: str
    outcome: dict  # the receipt: attribute, accounts and note, or subscriptions ended and store views


def outcome_view_for(*, privacy_request: PrivacyRequest) -> OutcomeView | None:
    """Return the outcome panel of an opt-out, limit or objection (None for other kinds)."""
    from requests_app.rights.cli_details import kind_details

    if privacy_request.kind not in (Kind.OPT_OUT, Kind.LIMIT, Kind.OBJECTION):
        return None
    details = kind_details(privacy_request=privacy_request)
    signal = details.get("signal", "")
    return OutcomeView(kind=privacy_request.kind, signal=str(dict(Signal.choices).get(signal, signal)),
                       outcome=details.get("outcome") or {})
