"""The erasure's scheduled job is in the one beat schedule and names a real task."""

from django.conf import settings

from privacy.celery import app
from privacy.sources.erasure import tasks  # noqa: F401  registers the task, as the worker's autodiscovery does


def test_the_beat_schedule_resumes_blocked_erasures_once_a_day():
    entry = settings.CELERY_BEAT_SCHEDULE["retry-blocked-erasures"]
    assert entry["task"] == "privacy.sources.erasure.tasks.retry_blocked_erasures_task" and entry["task"] in app.tasks
    assert entry["schedule"].hour == {5} and entry["schedule"].minute == {30}
