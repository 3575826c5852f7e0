"""The legal clocks, as pure functions: month ends, leap years, weekends, holidays, extensions."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from requests_app.deadlines import (
    ExtensionRefused,
    add_business_days,
    add_months,
    ccpa_acknowledge_by,
    ccpa_due_date,
    ccpa_opt_out_due_date,
    deadlines_compute,
    extension_check,
    gdpr_due_date,
    next_working_day,
)

receipt_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
holiday_sets = st.frozensets(st.dates(min_value=date(1990, 1, 1), max_value=date(2101, 12, 31)), max_size=40)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 1, 15), date(2025, 2, 15)),  # same date next month
        (date(2025, 1, 31), date(2025, 2, 28)),  # no Feb 31: last day of February
        (date(2024, 1, 31), date(2024, 2, 29)),  # leap year
        (date(2025, 3, 31), date(2025, 4, 30)),
        (date(2025, 12, 31), date(2026, 1, 31)),  # year boundary
        (date(2024, 2, 29), date(2024, 3, 29)),
        (date(2025, 11, 30), date(2025, 12, 30)),
    ],
)
def test_add_months_keeps_the_date_or_falls_back_to_the_last_day_of_the_month(received, expected):
    assert add_months(received, 1) == expected


def test_add_months_counts_from_the_start_so_three_months_from_january_31_is_april_30():
    # given a receipt on 31 January; when three months are added at once
    # then the result is 30 April, not 28 April (which stepping month by month would give)
    assert add_months(date(2025, 1, 31), 3) == date(2025, 4, 30)
    assert add_months(add_months(add_months(date(2025, 1, 31), 1), 1), 1) == date(2025, 4, 28)


def test_add_months_backwards_crosses_the_year():
    assert add_months(date(2025, 1, 31), -2) == date(2024, 11, 30)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 1, 10), date(2025, 2, 10)),  # Monday: stays
        (date(2025, 1, 8), date(2025, 2, 10)),  # Feb 8 2025 is a Saturday: Monday Feb 10
        (date(2025, 1, 9), date(2025, 2, 10)),  # Feb 9 2025 is a Sunday: Monday Feb 10
        (date(2026, 1, 31), date(2026, 3, 2)),  # Feb 28 2026 is a Saturday: Monday March 2
        (date(2027, 12, 31), date(2028, 1, 31)),  # Monday
        (date(2022, 11, 30), date(2022, 12, 30)),  # Friday
        (date(2022, 12, 31), date(2023, 1, 31)),  # Tuesday, across the year
        (date(2021, 12, 1), date(2022, 1, 3)),  # Jan 1 2022 is a Saturday: Monday Jan 3
    ],
)
def test_gdpr_month_ends_on_the_next_working_day_when_it_falls_on_a_weekend(received, expected):
    assert gdpr_due_date(received) == expected


def test_gdpr_month_skips_a_configured_public_holiday_and_the_weekend_after_it():
    # given Friday 25 December 2026 as the corresponding date, a holiday, and the weekend after it
    holidays = frozenset({date(2026, 12, 25), date(2026, 12, 28)})
    # then the period ends on Tuesday 29 December
    assert gdpr_due_date(date(2026, 11, 25), holidays=holidays) == date(2026, 12, 29)


def test_gdpr_extension_of_two_months_counts_three_months_from_receipt():
    # given a receipt on 31 January 2025 (one month: 28 Feb, a Friday)
    received = date(2025, 1, 31)
    # then +1 month ends 31 March (Monday) and +2 months ends 30 April (Wednesday)
    assert gdpr_due_date(received, extension_months=1) == date(2025, 3, 31)
    assert gdpr_due_date(received, extension_months=2) == date(2025, 4, 30)


@pytest.mark.parametrize("months", [-1, 3, 12])
def test_gdpr_extension_beyond_two_months_is_refused(months):
    with pytest.raises(ExtensionRefused, match="1 or 2 further months"):
        gdpr_due_date(date(2025, 1, 1), extension_months=months)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 1, 6), date(2025, 1, 20)),  # Monday + 10 business days = Monday two weeks on
        (date(2025, 1, 10), date(2025, 1, 24)),  # Friday
        (date(2025, 1, 11), date(2025, 1, 24)),  # Saturday: the count starts Monday
        (date(2025, 12, 24), date(2026, 1, 7)),  # across the year
    ],
)
def test_ccpa_acknowledgement_is_due_within_ten_business_days(received, expected):
    assert ccpa_acknowledge_by(received) == expected


def test_ccpa_acknowledgement_skips_configured_holidays():
    holidays = frozenset({date(2025, 12, 25), date(2026, 1, 1)})
    assert ccpa_acknowledge_by(date(2025, 12, 24), holidays=holidays) == date(2026, 1, 9)


@pytest.mark.parametrize(
    ("received", "expected", "extended"),
    [
        (date(2025, 1, 1), date(2025, 2, 15), date(2025, 4, 1)),  # Feb 15 is a Saturday: calendar days, no roll
        (date(2024, 1, 31), date(2024, 3, 16), date(2024, 4, 30)),  # leap year
        (date(2025, 12, 1), date(2026, 1, 15), date(2026, 3, 1)),
    ],
)
def test_ccpa_response_is_due_45_calendar_days_after_receipt_and_90_when_extended(received, expected, extended):
    assert ccpa_due_date(received) == expected
    assert ccpa_due_date(received, extended=True) == extended


def test_ccpa_opt_out_is_due_within_fifteen_business_days():
    # given Monday 6 January 2025; then three working weeks later is Monday 27 January
    assert ccpa_opt_out_due_date(date(2025, 1, 6)) == date(2025, 1, 27)


def test_deadlines_for_ccpa_carry_an_acknowledgement_date_and_gdpr_ones_do_not():
    ccpa = deadlines_compute(kind="access", jurisdiction="ccpa", received=date(2025, 1, 6))
    gdpr = deadlines_compute(kind="access", jurisdiction="gdpr", received=date(2025, 1, 6))
    assert (ccpa.due_date, ccpa.acknowledge_by) == (date(2025, 2, 20), date(2025, 1, 20))
    assert (gdpr.due_date, gdpr.acknowledge_by) == (date(2025, 2, 6), None)


def test_ccpa_opt_out_has_no_acknowledgement_rule_and_cannot_be_extended():
    found = deadlines_compute(kind="opt_out", jurisdiction="ccpa", received=date(2025, 1, 6))
    assert (found.due_date, found.acknowledge_by) == (date(2025, 1, 27), None)
    with pytest.raises(ExtensionRefused, match="opt-out"):
        deadlines_compute(kind="opt_out", jurisdiction="ccpa", received=date(2025, 1, 6), extension=45)


@pytest.mark.parametrize("jurisdiction", ["uk_gdpr", "other"])
def test_uk_gdpr_and_other_jurisdictions_follow_the_gdpr_month(jurisdiction):
    found = deadlines_compute(kind="deletion", jurisdiction=jurisdiction, received=date(2025, 1, 31))
    assert found.due_date == date(2025, 2, 28)


def test_an_unknown_jurisdiction_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown jurisdiction 'mars'"):
        deadlines_compute(kind="access", jurisdiction="mars", received=date(2025, 1, 1))


def test_ccpa_extension_must_be_exactly_45_days():
    with pytest.raises(ExtensionRefused, match="exactly 45 days"):
        deadlines_compute(kind="access", jurisdiction="ccpa", received=date(2025, 1, 1), extension=30)


def test_an_extension_within_the_first_month_moves_the_due_date():
    # given a GDPR request received 15 January 2025, asked to extend on the last day of the first month
    new_due = extension_check(kind="access", jurisdiction="gdpr", received=date(2025, 1, 15), current_extension=0,
                              requested=2, today=date(2025, 2, 17))
    # then it is due three months after receipt (15 April 2025, a Tuesday)
    assert new_due == date(2025, 4, 15)


def test_an_extension_after_the_first_month_is_refused_with_the_last_possible_day():
    # given the first month ended Monday 17 February 2025 (15 Feb was a Saturday)
    with pytest.raises(ExtensionRefused, match="had to go out by 2025-02-17"):
        extension_check(kind="access", jurisdiction="gdpr", received=date(2025, 1, 15), current_extension=0,
                        requested=2, today=date(2025, 2, 18))


def test_a_ccpa_extension_is_allowed_once_and_only_within_the_first_45_days():
    received = date(2025, 1, 1)
    assert extension_check(kind="access", jurisdiction="ccpa", received=received, current_extension=0, requested=45,
                           today=date(2025, 2, 15)) == date(2025, 4, 1)
    with pytest.raises(ExtensionRefused, match="already extended"):
        extension_check(kind="access", jurisdiction="ccpa", received=received, current_extension=45, requested=45,
                        today=date(2025, 1, 20))
    with pytest.raises(ExtensionRefused, match="Too late"):
        extension_check(kind="access", jurisdiction="ccpa", received=received, current_extension=0, requested=45,
                        today=date(2025, 2, 16))


def test_a_gdpr_extension_of_one_month_can_later_grow_to_two_but_not_shrink():
    received = date(2025, 1, 15)
    assert extension_check(kind="access", jurisdiction="gdpr", received=received, current_extension=1, requested=2,
                           today=date(2025, 2, 1)) == date(2025, 4, 15)
    with pytest.raises(ExtensionRefused, match="already extended by 2"):
        extension_check(kind="access", jurisdiction="gdpr", received=received, current_extension=2, requested=1,
                        today=date(2025, 2, 1))


def test_a_receipt_date_far_in_the_past_gives_a_due_date_already_passed():
    # given a letter received two years ago and only now entered: the clock ran from receipt
    found = deadlines_compute(kind="access", jurisdiction="gdpr", received=date(2023, 3, 31))
    assert found.due_date == date(2023, 5, 1)  # 30 April 2023 was a Sunday; no holidays configured


# Properties over the whole calendar.


@given(received=receipt_days, holidays=holiday_sets, extension=st.integers(min_value=0, max_value=2))
def test_gdpr_due_date_is_after_receipt_and_always_a_working_day(received, holidays, extension):
    due = gdpr_due_date(received, extension_months=extension, holidays=holidays)
    assert due > received
    assert due.weekday() < 5 and due not in holidays


@given(received=receipt_days)
def test_gdpr_due_date_is_at_most_a_month_and_a_long_weekend_away(received):
    due = gdpr_due_date(received)
    corresponding = add_months(received, 1)
    assert corresponding <= due <= corresponding + timedelta(days=2)
    assert 28 <= (corresponding - received).days <= 31


@given(received=receipt_days)
def test_add_months_never_moves_to_a_later_day_of_the_month(received):
    later = add_months(received, 1)
    assert later.day <= received.day
    assert (later.year * 12 + later.month) - (received.year * 12 + received.month) == 1


@given(received=receipt_days)
def test_gdpr_extension_never_shortens_the_deadline(received):
    assert gdpr_due_date(received) <= gdpr_due_date(received, extension_months=1) <= gdpr_due_date(received, extension_months=2)


@given(received=receipt_days, holidays=holiday_sets, count=st.integers(min_value=1, max_value=30))
def test_business_days_land_on_a_working_day_and_count_exactly(received, holidays, count):
    end = add_business_days(received, count, holidays=holidays)
    assert end.weekday() < 5 and end not in holidays
    working = [received + timedelta(days=n) for n in range(1, (end - received).days + 1)]
    assert sum(day.weekday() < 5 and day not in holidays for day in working) == count


@given(received=receipt_days)
def test_ccpa_acknowledgement_comes_before_the_response_deadline(received):
    found = deadlines_compute(kind="access", jurisdiction="ccpa", received=received)
    assert received < found.acknowledge_by < found.due_date
    assert (found.due_date - received).days == 45


@given(day=receipt_days, holidays=holiday_sets)
def test_next_working_day_is_the_day_itself_or_the_first_working_day_after(day, holidays):
    found = next_working_day(day, holidays=holidays)
    assert found >= day and found.weekday() < 5 and found not in holidays
    assert all(not (d.weekday() < 5 and d not in holidays) for d in (day + timedelta(n) for n in range((found - day).days)))
