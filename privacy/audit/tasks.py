"""Celery tasks of the audit trail: thin wrappers around services, with their retry policy."""

from celery import shared_task

from privacy.audit.actors import Actor
from privacy.audit.alerts import audit_failure_notify
from privacy.audit.services import audit_chain_seal
from privacy.audit.shredding import audit_subjects_shred_expired
from privacy.audit.verification import audit_chain_verify_and_record


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def seal_audit_events_task() -> int:
    return audit_chain_seal()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def verify_audit_chain_task() -> dict:
    result = audit_chain_verify_and_record(actor=Actor.system("verify_audit_chain_task"))
    if not result.ok:
        audit_failure_notify(result=result)
    return result.as_dict()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def shred_expired_subject_keys_task() -> int:
    return audit_subjects_shred_expired()
