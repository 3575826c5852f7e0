"""Deadline badges for the staff console: a colour and words, so the colour is never the only cue."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from requests_app.selectors import deadline_status

TONES = {"overdue": "error", "due_soon": "warn", "on_track": "ok", "closed": "neutral"}


@dataclass(frozen=True)
class Badge:
    text: str
    tone: str  # error | warn | ok | neutral: the CSS modifier


def deadline_badge(privacy_request, *, today: date | None = None) -> Badge:
    """Describe how close the request's due date is, e.g. "due in 3 days" or "overdue 2 days"."""
    today = today or timezone.localdate()
    status = deadline_status(privacy_request, today=today)
    days = (privacy_request.due_date - today).days
    if status == "closed":
        text = _("closed")
    elif days < 0:
        text = ngettext("overdue %(days)d day", "overdue %(days)d days", -days) % {"days": -days}
    elif days == 0:
        text = _("due today")
    else:
        text = ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}
    return Badge(text, "error" if days == 0 and status != "closed" else TONES[status])
