"""Celery tasks of erasure. Approved deletions run through requests_app's fulfilment task."""

from celery import shared_task

from privacy.sources.erasure.fulfil import blocked_erasures_retry


@shared_task
def retry_blocked_erasures_task() -> int:
    return blocked_erasures_retry()
