"""Legal clocks for privacy requests: pure functions of dates, no database, no "now".

GDPR and UK GDPR (Art. 12(3)): one month from receipt. Reg. (EEC, Euratom) 1182/71 Art. 3:
a period in months ends on the same date in the last month, else on that month's last day;
a period ending on a Saturday, Sunday or public holiday ends on the next working day.
Extension: up to two further months, notified within the first month. The extended date is
counted from receipt (receipt + 3 months), not from the rolled-forward first date, so a
weekend roll never compounds.

CCPA/CPRA (11 CCR §7021, §7026): confirm receipt within 10 business days; respond within 45
calendar days of receipt whatever time verification takes, once extendable by 45 days with
notice inside the first 45; opt-out of sale/sharing and limit of sensitive personal information
within 15 business days (no receipt confirmation rule applies to them; 15 business days is also
shorter than a month, so it is the deadline in every jurisdiction). Calendar-day periods are not rolled past weekends:
the stricter reading, since the regulation gives no roll-over rule.

Public holidays are NOT known to this module: callers pass the ones they observe
(`PRIVACY_PUBLIC_HOLIDAYS` in settings, see requests_app.clock), else only weekends count.
Requests under "other" jurisdictions follow the GDPR rules, the strictest common ground.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

GDPR_LIKE = frozenset({"gdpr", "uk_gdpr", "other"})
GDPR_MAX_EXTENSION_MONTHS = 2
CCPA_ACKNOWLEDGE_BUSINESS_DAYS = 10
CCPA_RESPONSE_DAYS = 45
CCPA_EXTENSION_DAYS = 45
CCPA_OPT_OUT_BUSINESS_DAYS = 15
# Opt-out of sale/sharing (§7026) and limit of sensitive personal information (§7027): 15 business days in
# every jurisdiction (for a GDPR-like request the stricter of that and one month), never extended.
OPT_OUT_KINDS = frozenset({"opt_out", "limit"})
SATURDAY = 5

NO_HOLIDAYS: frozenset[date] = frozenset()


class ExtensionRefused(ValueError):
    """The law does not allow this extension (too long, too late, or already extended)."""


@dataclass(frozen=True)
class Deadlines:
    due_date: date
    acknowledge_by: date | None


def add_months(day: date, months: int) -> date:
    """Return the same date `months` later, else the last day of that month (Jan 31 + 1 = Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_working_day(day: date, *, holidays: frozenset[date] = NO_HOLIDAYS) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def next_working_day(day: date, *, holidays: frozenset[date] = NO_HOLIDAYS) -> date:
    """Return day itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, holidays=holidays):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int, *, holidays: frozenset[date] = NO_HOLIDAYS) -> date:
    """Return the count-th working day after day (the day of receipt itself never counts)."""
    while count > 0:
        day += timedelta(days=1)
        count -= is_working_day(day, holidays=holidays)
    return day


def gdpr_due_date(received: date, *, extension_months: int = 0, holidays: frozenset[date] = NO_HOLIDAYS) -> date:
    if not 0 <= extension_months <= GDPR_MAX_EXTENSION_MONTHS:
        raise ExtensionRefused(f"GDPR allows an extension of 1 or 2 further months, not {extension_months}.")
    return next_working_day(add_months(received, 1 + extension_months), holidays=holidays)


def ccpa_due_date(received: date, *, extended: bool = False) -> date:
    return received + timedelta(days=CCPA_RESPONSE_DAYS + (CCPA_EXTENSION_DAYS if extended else 0))


def ccpa_acknowledge_by(received: date, *, holidays: frozenset[date] = NO_HOLIDAYS) -> date:
    return add_business_days(received, CCPA_ACKNOWLEDGE_BUSINESS_DAYS, holidays=holidays)


def ccpa_opt_out_due_date(received: date, *, holidays: frozenset[date] = NO_HOLIDAYS) -> date:
    return add_business_days(received, CCPA_OPT_OUT_BUSINESS_DAYS, holidays=holidays)


def deadlines_compute(
    *, kind: str, jurisdiction: str, received: date, extension: int = 0, holidays: frozenset[date] = NO_HOLIDAYS
) -> Deadlines:
    """Return the response due date (after `extension` months for GDPR, days for CCPA) and the CCPA acknowledgement date."""
    if jurisdiction not in GDPR_LIKE | {"ccpa"}:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}: use gdpr, uk_gdpr, ccpa or other.")
    if kind in OPT_OUT_KINDS:
        if extension:
            raise ExtensionRefused("An opt-out or limit request cannot be extended: comply within 15 business days.")
        return Deadlines(ccpa_opt_out_due_date(received, holidays=holidays), None)
    if jurisdiction in GDPR_LIKE:
        return Deadlines(gdpr_due_date(received, extension_months=extension, holidays=holidays), None)
    if extension not in (0, CCPA_EXTENSION_DAYS):
        raise ExtensionRefused(f"CCPA allows one extension of exactly {CCPA_EXTENSION_DAYS} days, not {extension}.")
    return Deadlines(ccpa_due_date(received, extended=bool(extension)), ccpa_acknowledge_by(received, holidays=holidays))


def extension_check(
    *, kind: str, jurisdiction: str, received: date, current_extension: int, requested: int, today: date,
    holidays: frozenset[date] = NO_HOLIDAYS,
) -> date:
    """Return the extended due date, or raise ExtensionRefused saying which rule forbids it.

    `requested` is the total extension wanted (months for GDPR-like, days for CCPA). The notice
    must go out within the first period, i.e. no later than the unextended due date.
    """
    if requested <= current_extension:
        raise ExtensionRefused(f"The request is already extended by {current_extension}; ask for more than that.")
    first_period_end = deadlines_compute(kind=kind, jurisdiction=jurisdiction, received=received, holidays=holidays).due_date
    if today > first_period_end:
        raise ExtensionRefused(
            f"Too late to extend: the extension notice had to go out by {first_period_end.isoformat()} (end of the first period)."
        )
    return deadlines_compute(
        kind=kind, jurisdiction=jurisdiction, received=received, extension=requested, holidays=holidays
    ).due_date


def default_extension(jurisdiction: str) -> int:
    """Return the longest extension the law allows: 2 months (GDPR-like) or 45 days (CCPA)."""
    return CCPA_EXTENSION_DAYS if jurisdiction == "ccpa" else GDPR_MAX_EXTENSION_MONTHS
