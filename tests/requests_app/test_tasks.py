"""Scheduled work: every beat entry of this app names a real task, and the jobs do what the entry says."""

import pytest
from django.conf import settings

from privacy.celery import app
from requests_app import tasks
from tests.requests_app.helpers import later, submit

OURS = {name: entry for name, entry in settings.CELERY_BEAT_SCHEDULE.items() if entry["task"].startswith("requests_app.tasks.")}


def test_the_beat_schedule_runs_the_digest_daily_and_the_verification_jobs_hourly():
    assert {entry["task"] for entry in OURS.values()} == {
        "requests_app.tasks.send_deadline_digest_task", "requests_app.tasks.send_verification_reminders_task",
        "requests_app.tasks.close_unverified_requests_task", "requests_app.tasks.purge_export_packages_task",
        "requests_app.tasks.redispatch_stuck_requests_task",
    }
    for entry in OURS.values():
        assert entry["task"] in app.tasks
    digest = OURS["send-deadline-digest"]["schedule"]
    assert digest.hour == {7} and digest.minute == {0}
    assert OURS["send-verification-reminders"]["schedule"].hour == set(range(24))
    assert OURS["redispatch-stuck-requests"]["schedule"].minute == set(range(0, 60, 5))


@pytest.mark.django_db
def test_the_scheduled_closure_task_closes_stale_unverified_requests(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="correction")
    privacy_request.__class__.objects.filter(pk=privacy_request.pk).update(verification_sent_at=later(days=-8))
    assert tasks.close_unverified_requests_task.delay().get() == 1
    assert tasks.close_unverified_requests_task.delay().get() == 0
