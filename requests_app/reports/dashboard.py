"""The staff dashboard's figures: the open queue, deadlines, response times, retention, audit chain.

Months are calendar months in TIME_ZONE, the last `months` of them up to today's. A response is
what ccpa.py calls a substantive response (completed, denied, or closed unverified) dated by
closed_at; it was on time when that day is not after the due date (extensions included).
Withdrawn requests and duplicates have no response and are left out.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from privacy.audit.models import AuditChainHead, AuditEvent
from privacy.audit.selectors import audit_unsealed_count
from requests_app import clock, selectors
from requests_app.models import Kind, PrivacyRequest
from requests_app.reports.ccpa import days_to_response
from requests_app.reports.stats import median, rounded
from requests_app.states import OPEN, State
from retention.models import Action, RetentionRun, RunState

RESPONSES = (State.COMPLETED, State.DENIED, State.CLOSED_UNVERIFIED)
QUEUE_ROWS = 10
VERIFICATIONS = ("audit.verified", "audit.verification_failed")


def months_back(*, today: date, count: int) -> list[date]:
    """Return the first days of the last count months, oldest first, ending with today's month."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _month_of(moment) -> date:
    return clock.receipt_date(moment).replace(day=1)


def _window(months: list[date]) -> tuple:
    """Return the first moment of the window and the first moment after it."""
    last = months[-1]
    after = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return clock.start_of_day(months[0]), clock.start_of_day(after)


@dataclass(frozen=True)
class OpenMatrix:
    states: list  # [(state, label, total)]
    kinds: list  # [(kind, label, total)]
    cells: dict  # {(state, kind): count}
    total: int

    def rows(self) -> list:
        """[(state label, [count per kind], total)] for the table."""
        return [(label, [self.cells.get((state, kind), 0) for kind, _, _ in self.kinds], total)
                for state, label, total in self.states]


def open_requests_matrix() -> OpenMatrix:
    counts = PrivacyRequest.objects.open().values_list("state", "kind").annotate(n=Count("id")).order_by()
    cells = {(state, kind): n for state, kind, n in counts}
    by_state, by_kind = Counter(), Counter()
    for (state, kind), n in cells.items():
        by_state[state] += n
        by_kind[kind] += n
    return OpenMatrix(
        states=[(state.value, state.label, by_state[state.value]) for state in State if state in OPEN],
        kinds=[(kind, label, by_kind[kind]) for kind, label in Kind.choices],
        cells=cells, total=sum(cells.values()),
    )


@dataclass(frozen=True)
class DeadlineQueues:
    overdue: list
    overdue_count: int
    due_soon: list
    due_soon_count: int
    acknowledgement_overdue_count: int


def deadline_queues(*, today: date) -> DeadlineQueues:
    overdue = selectors.privacy_requests_overdue(today=today).order_by("due_date", "pk")
    due_soon = selectors.privacy_requests_due_soon(today=today).order_by("due_date", "pk")
    return DeadlineQueues(
        overdue=list(overdue[:QUEUE_ROWS]), overdue_count=overdue.count(),
        due_soon=list(due_soon[:QUEUE_ROWS]), due_soon_count=due_soon.count(),
        acknowledgement_overdue_count=selectors.privacy_requests_acknowledgement_overdue(today=today).count(),
    )


@dataclass(frozen=True)
class MonthRate:
    month: date
    responses: int
    on_time: int

    @property
    def rate(self) -> float | None:
        """Share answered on time, in percent; None in a month without responses."""
        return rounded(100 * self.on_time / self.responses) if self.responses else None


def _responses_in(months: list[date]):
    start, end = _window(months)
    return PrivacyRequest.objects.filter(state__in=RESPONSES, closed_at__gte=start, closed_at__lt=end)


def on_time_by_month(*, months: list[date]) -> list[MonthRate]:
    on_time = Q(closed_at__date__lte=F("due_date"))  # __date: the day in TIME_ZONE, as the due date is
    rows = (_responses_in(months).annotate(month=TruncMonth("closed_at")).values("month")
            .annotate(responses=Count("pk"), on_time=Count("pk", filter=on_time)).order_by())
    found = {_month_of(row["month"]): (row["responses"], row["on_time"]) for row in rows}
    return [MonthRate(month, *found.get(month, (0, 0))) for month in months]


@dataclass(frozen=True)
class KindDays:
    kind: str
    label: str
    responses: int
    median_days: float | None


def days_to_close_by_kind(*, months: list[date]) -> list[KindDays]:
    """Median calendar days from receipt to response, per kind, over the responses of these months."""
    days = defaultdict(list)
    for kind, duration in _responses_in(months).values_list("kind", days_to_response()).iterator():
        days[kind].append(duration.days)
    return [KindDays(kind, label, len(days[kind]), rounded(median(days[kind]))) for kind, label in Kind.choices]


@dataclass
class RetentionMonth:
    month: date
    runs: int = 0
    failed: int = 0
    anonymized: int = 0
    deleted: int = 0


def retention_by_month(*, months: list[date]) -> list[RetentionMonth]:
    """Real (not dry) runs started per month and the rows they anonymized or deleted."""
    found = {month: RetentionMonth(month) for month in months}
    start, end = _window(months)
    runs = RetentionRun.objects.filter(dry_run=False, created_at__gte=start, created_at__lt=end)
    rows = runs.values_list("created_at", "state", "tables", "policy__action")
    for created_at, state, tables, action in rows.iterator():
        entry = found[_month_of(created_at)]
        changed = sum(counts.get("changed", 0) for counts in tables.values())
        entry.runs += 1
        entry.failed += state == RunState.FAILED
        if action == Action.ANONYMIZE:
            entry.anonymized += changed
        else:
            entry.deleted += changed
    return list(found.values())


@dataclass(frozen=True)
class ChainStatus:
    last_check_at: object  # datetime of the last verification, or None
    last_check_ok: bool | None
    last_check_head: str
    head_seq: int
    head_hash: str
    unsealed: int

    @property
    def tone(self) -> str:
        return {True: "ok", False: "error", None: "warn"}[self.last_check_ok]


def audit_chain_status() -> ChainStatus:
    """The last recorded verification of the chain (metadata only) and the chain's head now."""
    last = AuditEvent.objects.filter(action__in=VERIFICATIONS).order_by("-created_at", "-id").first()
    head = AuditChainHead.objects.filter(pk=1).first()
    return ChainStatus(
        last_check_at=last.created_at if last else None,
        last_check_ok=None if last is None else last.action == "audit.verified",
        last_check_head=last.target_id if last else "",
        head_seq=head.seq if head else 0,
        head_hash=head.chain_hash if head else "",
        unsealed=audit_unsealed_count(),
    )


@dataclass(frozen=True)
class Dashboard:
    today: date
    months: list[date]
    open: OpenMatrix
    deadlines: DeadlineQueues
    on_time: list[MonthRate]
    days_to_close: list[KindDays]
    retention: list[RetentionMonth]
    chain: ChainStatus


def dashboard_build(*, today: date | None = None, months: int = 12) -> Dashboard:
    today = today or timezone.localdate()
    window = months_back(today=today, count=months)
    return Dashboard(
        today=today, months=window, open=open_requests_matrix(), deadlines=deadline_queues(today=today),
        on_time=on_time_by_month(months=window), days_to_close=days_to_close_by_kind(months=window),
        retention=retention_by_month(months=window), chain=audit_chain_status(),
    )
