"""The legal clocks applied to stored requests: settings and time zone around the pure deadlines module."""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from requests_app import deadlines


def public_holidays() -> frozenset[date]:
    """Return PRIVACY_PUBLIC_HOLIDAYS as dates (none configured: only weekends are non-working)."""
    days = set()
    for text in settings.PRIVACY_PUBLIC_HOLIDAYS:
        try:
            days.add(date.fromisoformat(text))
        except ValueError:
            raise ImproperlyConfigured(
                f"PRIVACY_PUBLIC_HOLIDAYS entry {text!r} is not a date: list them as YYYY-MM-DD,YYYY-MM-DD."
            ) from None
    return frozenset(days)


def receipt_date(received_at: datetime) -> date:
    """Return the day of receipt in the controller's time zone (TIME_ZONE): the day the clocks start."""
    return timezone.localdate(received_at)


def deadlines_for(*, kind: str, jurisdiction: str, received_at: datetime, extension: int = 0) -> deadlines.Deadlines:
    return deadlines.deadlines_compute(
        kind=kind, jurisdiction=jurisdiction, received=receipt_date(received_at), extension=extension,
        holidays=public_holidays(),
    )


def extension_unit(jurisdiction: str) -> str:
    return "days" if jurisdiction == "ccpa" else "months"


def start_of_day(day: date) -> datetime:
    """Return midnight at the start of day in the controller's time zone (staff entry of a past receipt)."""
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))
