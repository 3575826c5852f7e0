"""The periodic dispatcher starts each enabled policy when its own cron schedule (edited in the admin) is due."""

from datetime import UTC, datetime

import pytest

from retention.models import RetentionPolicy
from retention.schedules import crontab_parse, schedule_is_due
from retention.services import retention_policies_dispatch

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
NOW = datetime(2026, 6, 15, 2, 35, tzinfo=UTC)


def _only(name: str, *, last):
    RetentionPolicy.objects.exclude(name=name).update(enabled=False)
    RetentionPolicy.objects.filter(name=name).update(enabled=True, schedule="30 2 * * *", last_dispatched_at=last)


def test_a_policy_whose_schedule_fired_since_its_last_start_is_run(magento_schema, django_capture_on_commit_callbacks):
    # given
    _only("visitor-sessions-purge", last=datetime(2026, 6, 14, 2, 30, tzinfo=UTC))
    # when
    with django_capture_on_commit_callbacks(execute=True):
        started = retention_policies_dispatch(now=NOW)
    # then
    policy = RetentionPolicy.objects.get(name="visitor-sessions-purge")
    assert [item.name for item in started] == ["visitor-sessions-purge"]
    assert policy.last_dispatched_at == NOW and policy.runs.get().state == "completed"


def test_a_policy_already_started_at_its_last_scheduled_time_waits_for_the_next(magento_schema):
    # given
    _only("visitor-sessions-purge", last=datetime(2026, 6, 15, 2, 31, tzinfo=UTC))
    # when
    started = retention_policies_dispatch(now=NOW)
    # then
    assert started == [] and not RetentionPolicy.objects.get(name="visitor-sessions-purge").runs.exists()


def test_a_policy_never_dispatched_starts_counting_now_and_runs_at_its_next_scheduled_time(magento_schema):
    # given
    _only("visitor-sessions-purge", last=None)
    # when
    started = retention_policies_dispatch(now=NOW)
    # then
    assert started == [] and RetentionPolicy.objects.get(name="visitor-sessions-purge").last_dispatched_at == NOW


def test_disabled_policies_are_never_dispatched(magento_schema):
    # given
    RetentionPolicy.objects.update(enabled=False, last_dispatched_at=datetime(2020, 1, 1, tzinfo=UTC))
    # when
    started = retention_policies_dispatch(now=NOW)
    # then
    assert started == []


@pytest.mark.parametrize("expression", ["30 2 * *", "61 2 * * *", "every day", ""])
def test_a_bad_cron_expression_is_refused_with_the_expected_form(expression):
    # when
    with pytest.raises(ValueError) as error:
        crontab_parse(expression)
    # then
    assert "minute hour day-of-month month day-of-week" in str(error.value)


def test_a_daily_schedule_is_due_once_its_time_has_passed_since_the_last_run():
    # then
    assert schedule_is_due("30 2 * * *", last_run_at=datetime(2026, 6, 14, 3, 0, tzinfo=UTC), now=NOW)
    assert not schedule_is_due("30 2 * * *", last_run_at=datetime(2026, 6, 15, 2, 31, tzinfo=UTC), now=NOW)
