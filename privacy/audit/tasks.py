"""Celery tasks of the audit trail: thin wrappers around services, with their retry policy."""

from celery import shared_task

from privacy.audit.services import audit_chain_seal


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def seal_audit_events_task() -> int:
    return audit_chain_seal()
