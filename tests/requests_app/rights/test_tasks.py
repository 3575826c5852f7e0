"""The beat entry of the remaining rights names a real task, and the task applies every preference."""

import pytest
from django.conf import settings

from privacy.celery import app
from requests_app.rights import tasks


def test_the_opt_out_preferences_are_applied_daily_by_a_registered_task():
    entry = settings.CELERY_BEAT_SCHEDULE["apply-opt-out-preferences"]
    assert entry["task"] == "requests_app.rights.tasks.apply_opt_out_preferences_task" and entry["task"] in app.tasks
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({1}, {40})


@pytest.mark.django_db(databases=["default", "magento"])
def test_the_task_returns_the_counts_per_kind(magento_schema):
    assert set(tasks.apply_opt_out_preferences_task.delay().get()) == {"opt_out", "limit"}
