"""CCPA §7102 metrics for one calendar year: per category of request the number received,
complied with in whole or in part, denied (by reason), and the median and mean days to a
substantive response (11 CCR §7102(a)).

What counts where (docs/reporting.md says it in full):
- A request belongs to year Y when its day of receipt (received_at in TIME_ZONE, the day the
  legal clocks start) falls in Y, wherever and whenever it was answered: one received on
  30 December and answered in January counts in December's year, with all its days.
- Its substantive response is its completion (complied with in whole or in part: an erasure
  that keeps invoices under a statutory hold complied in part) or its denial, dated closed_at.
  A request closed because the consumer never confirmed it is denied as unverifiable.
- Extensions change nothing but the deadline: the request counts once, and its days run from
  receipt to response, extension included.
- Duplicates (a second request of the same person and kind while one is open, recorded and
  closed at birth) are left out and only counted apart; withdrawn (cancelled) requests are
  received but neither complied with nor denied; a request not answered by `as_of` is pending.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import BooleanField, Count, DurationField, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from requests_app import clock
from requests_app.models import DeadlineExtension, DenialReason, PrivacyRequest
from requests_app.reports.stats import mean, median, rounded
from requests_app.states import State


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    kinds: tuple[str, ...]  # the request kinds of the model it counts


# The one mapping of request kinds to §7102's categories. A kind the model does not have yet
# ("limit" until opt-out/limit handling lands) simply reports zeros.
CATEGORIES: tuple[Category, ...] = (
    Category("know", _("Requests to know"), ("access", "export")),
    Category("delete", _("Requests to delete"), ("deletion",)),
    Category("correct", _("Requests to correct"), ("correction",)),
    Category("opt_out", _("Requests to opt out of the sale or sharing of personal information"), ("opt_out",)),
    Category("limit", _("Requests to limit the use of sensitive personal information"), ("limit",)),
)
CATEGORY_OF_KIND = {kind: category for category in CATEGORIES for kind in category.kinds}
# Kinds that are not CCPA rights; every other kind must map to a category above. An objection to
# direct marketing (GDPR Art. 21(2)) is not a request to opt out of the sale or sharing of data.
OUTSIDE_CCPA: frozenset[str] = frozenset({"objection"})

# §7102(a)(1)(C) allows denials to be split by reason into these four.
DENIAL_GROUPS: dict[str, str] = {
    "unverifiable": _("Could not be verified"),
    "not_a_consumer": _("Not made by a consumer"),
    "exempt": _("Exempt under the law"),
    "other": _("Other reasons"),
}
DENIAL_GROUP_OF = {
    DenialReason.UNVERIFIABLE: "unverifiable",
    DenialReason.NOT_A_CONSUMER: "not_a_consumer",
    DenialReason.EXEMPT: "exempt",
    DenialReason.LEGAL_HOLD: "exempt",  # an exception of the law applies, e.g. Civ. Code 1798.105(d), 1798.145
    DenialReason.MANIFESTLY_UNFOUNDED: "other",
    "accurate": "other",  # a correction refused because the data is accurate (§7023): not an exemption
    DenialReason.OTHER: "other",
}

SCOPES: dict[str, str] = {
    "ccpa": _("California consumers (requests made under the CCPA)"),
    "all": _("All consumers, in every jurisdiction"),
}


class ReportRefused(ValueError):
    """The report cannot be made as asked; the message says which argument to change."""


@dataclass
class Figures:
    category: Category
    received: int = 0
    complied: int = 0
    denied: Counter = field(default_factory=Counter)
    withdrawn: int = 0
    pending: int = 0
    extended: int = 0
    days: list[int] = field(default_factory=list)  # receipt to substantive response, per response

    @property
    def denied_total(self) -> int:
        return sum(self.denied.values())

    @property
    def median_days(self) -> float | None:
        return rounded(median(self.days))

    @property
    def mean_days(self) -> float | None:
        return rounded(mean(self.days))


@dataclass(frozen=True)
class CcpaMetrics:
    year: int
    scope: str
    as_of: datetime
    figures: tuple[Figures, ...]
    duplicates: int

    @property
    def total(self) -> Figures:
        """All categories together (the averages over every response, not an average of averages)."""
        total = Figures(Category("total", _("All requests"), tuple(CATEGORY_OF_KIND)))
        for figures in self.figures:
            total.received += figures.received
            total.complied += figures.complied
            total.denied.update(figures.denied)
            total.withdrawn += figures.withdrawn
            total.pending += figures.pending
            total.extended += figures.extended
            total.days += figures.days
        return total

    @property
    def scope_label(self) -> str:
        return str(SCOPES[self.scope])

    @property
    def complete(self) -> bool:
        """True when the whole year lies before as_of (otherwise the figures are for the year so far)."""
        return self.as_of >= year_bounds(self.year)[1]


def days_to_response():
    """Calendar days from the day of receipt to the day of closing, both in TIME_ZONE, computed by the database."""
    return ExpressionWrapper(TruncDate("closed_at") - TruncDate("received_at"), output_field=DurationField())


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """Return the first moment of year and of the next one, in the controller's time zone."""
    return clock.start_of_day(date(year, 1, 1)), clock.start_of_day(date(year + 1, 1, 1))


def ccpa_metrics(*, year: int, scope: str = "ccpa", as_of: datetime | None = None) -> CcpaMetrics:
    """Count the requests received in year (in scope "ccpa" or "all"), as their outcomes stood at as_of (now)."""
    as_of = as_of or timezone.now()
    _arguments_check(year=year, scope=scope, as_of=as_of)
    start, end = year_bounds(year)
    rows = PrivacyRequest.objects.filter(received_at__gte=start, received_at__lt=end, received_at__lte=as_of,
                                         kind__in=CATEGORY_OF_KIND)
    if scope == "ccpa":
        rows = rows.filter(jurisdiction="ccpa")
    figures = {category.key: Figures(category) for category in CATEGORIES}
    for group in _groups(rows.filter(duplicate_of__isnull=True), as_of=as_of):
        _count(figures[CATEGORY_OF_KIND[group["kind"]].key], **group)
    return CcpaMetrics(year=year, scope=scope, as_of=as_of, figures=tuple(figures.values()),
                       duplicates=rows.filter(duplicate_of__isnull=False).count())


def _groups(rows, *, as_of: datetime):
    """Count the rows in the database by everything the figures depend on: a few hundred groups, however many rows."""
    extended = DeadlineExtension.objects.filter(request=OuterRef("pk"), created_at__lte=as_of)
    answered = ExpressionWrapper(Q(closed_at__lte=as_of), output_field=BooleanField())
    return (rows.annotate(extended=Exists(extended), answered=answered, days=days_to_response())
            .values("kind", "state", "denial_reason", "answered", "extended", "days")
            .annotate(count=Count("pk")).order_by())


def _arguments_check(*, year: int, scope: str, as_of: datetime) -> None:
    if scope not in SCOPES:
        raise ReportRefused(f"Unknown jurisdiction {scope!r}: use ccpa (California only) or all.")
    if year > timezone.localdate(as_of).year:
        raise ReportRefused(f"Year {year} has not begun on {timezone.localdate(as_of).isoformat()}: give a past year.")
    if year < 2020:
        raise ReportRefused(f"Year {year} is before the CCPA took effect (2020): give 2020 or later.")


def outcome(*, state: str, reason: str, answered: bool) -> tuple[str, str]:
    """Return (complied | denied | withdrawn | pending, denial group); answered: closed by the as-of moment."""
    if not answered:
        return "pending", ""
    if state == State.COMPLETED:
        return "complied", ""
    if state == State.DENIED:
        return "denied", DENIAL_GROUP_OF.get(reason, "other")
    if state == State.CLOSED_UNVERIFIED:
        return "denied", "unverifiable"
    if state == State.CANCELLED:
        return "withdrawn", ""
    return "pending", ""


def _count(figures: Figures, *, kind, state, denial_reason, answered, extended, days, count) -> None:
    """Add count requests of one group (same kind, state, reason, outcome, extension and days) to figures."""
    figures.received += count
    figures.extended += count if extended else 0
    result, group = outcome(state=state, reason=denial_reason, answered=bool(answered))
    if result == "complied":
        figures.complied += count
    elif result == "denied":
        figures.denied[group] += count
    elif result == "withdrawn":
        figures.withdrawn += count
    else:
        figures.pending += count
    if result in ("complied", "denied"):
        figures.days += [days.days] * count
