"""Beat job of the remaining rights (schedule in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from requests_app.rights.preferences import opt_out_preferences_apply
from requests_app.tasks import BACKOFF_SECONDS, MAX_RETRIES, TRANSIENT


@shared_task(autoretry_for=TRANSIENT, retry_backoff=BACKOFF_SECONDS, max_retries=MAX_RETRIES)
def apply_opt_out_preferences_task() -> dict:
    return opt_out_preferences_apply()
