"""Request rows with explicit dates, for figures computed by hand.

The reports only read; these rows hold exactly the fields the services write on each path
(state, received_at, closed_at, due_date, denial_reason, duplicate_of, an extension record),
so a test can state the history of a request in one line. tests/requests_app/reports/
test_ccpa.py also checks the figures against requests driven through the real services.
"""

from datetime import date, datetime, time
from itertools import count

from django.utils import timezone

from requests_app import clock
from requests_app.models import DeadlineExtension, PrivacyRequest
from requests_app.states import State

_numbers = count(1)


def moment(day: date, hour: int = 12) -> datetime:
    """Return day at hour in the controller's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _at(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else moment(value)


def request_row(*, kind: str, jurisdiction: str = "ccpa", received: date | datetime, state: str = State.IN_REVIEW,
                closed: date | datetime | None = None, reason: str = "", extended_on: date | None = None,
                duplicate_of: PrivacyRequest | None = None) -> PrivacyRequest:
    """Create one request received on `received`, in `state`, answered on `closed`, extended on `extended_on`.

    Dates mean noon in the controller's time zone; pass an aware datetime for an exact moment.
    """
    received_at = _at(received)
    first_due = clock.deadlines_for(kind=kind, jurisdiction=jurisdiction, received_at=received_at).due_date
    extension = (45 if jurisdiction == "ccpa" else 2) if extended_on else 0
    due = clock.deadlines_for(kind=kind, jurisdiction=jurisdiction, received_at=received_at, extension=extension).due_date
    row = PrivacyRequest.objects.create(
        kind=kind, jurisdiction=jurisdiction, channel="web", state=state, email_index=f"index-{next(_numbers)}",
        identity_sealed="", status_salt="salt", received_at=received_at, state_changed_at=_at(closed or received),
        closed_at=_at(closed) if closed else None, due_date=due, extension=extension, denial_reason=reason,
        duplicate_of=duplicate_of,
    )
    if extended_on:
        DeadlineExtension.objects.create(request=row, extension=extension, unit=clock.extension_unit(jurisdiction),
                                         previous_due_date=first_due, new_due_date=due, reason_sealed="",
                                         created_at=moment(extended_on))
    return row


def completed(kind: str, received: date, closed: date, **fields) -> PrivacyRequest:
    return request_row(kind=kind, received=received, state=State.COMPLETED, closed=closed, **fields)


def denied(kind: str, received: date, closed: date, reason: str, **fields) -> PrivacyRequest:
    return request_row(kind=kind, received=received, state=State.DENIED, closed=closed, reason=reason, **fields)
