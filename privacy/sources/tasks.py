"""Celery tasks of the personal-data sources: thin wrappers around a service."""

from celery import shared_task

from privacy.sources.locator import locator_sync


@shared_task(acks_late=True)
def sync_source_locator_task() -> dict[str, int]:
    """Keep the locator current; beat runs it every 5 minutes (a sync already running is skipped)."""
    return locator_sync()
