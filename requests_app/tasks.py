"""Celery tasks: an id in, one service called, the retry policy here and nowhere else.

Transient failures (database or mail server unreachable) are retried with exponential
back-off; anything else, or the last retry, parks the request in needs_attention with the
reason, so no failure is silent and no task loops forever.
"""

import logging
import smtplib

from celery import shared_task
from django.db import InterfaceError, OperationalError

from requests_app import fulfilment, notifications
from requests_app.services import exports, lease, verification

logger = logging.getLogger(__name__)

TRANSIENT = (OperationalError, InterfaceError, smtplib.SMTPException, ConnectionError, TimeoutError)
MAX_RETRIES = 5
BACKOFF_SECONDS = 30
BACKOFF_LIMIT_SECONDS = 1800


def _run_stage(task, what: str, service, *, request_id: int, **kwargs) -> None:
    retries = task.request.retries
    while True:
        try:
            service(request_id=request_id, **kwargs)
            return
        except TRANSIENT as error:
            if retries >= task.max_retries:
                _park(request_id, f"{what} failed {retries + 1} times ({type(error).__name__}).", error)
                return
            if not task.request.is_eager:
                countdown = min(BACKOFF_LIMIT_SECONDS, BACKOFF_SECONDS * 2**retries)
                raise task.retry(exc=error, countdown=countdown) from None
            retries += 1  # eager mode (demo, tests): no worker comes back later, so try again now
        except Exception as error:
            _park(request_id, f"{what} failed ({type(error).__name__}).", error)
            return


def _park(request_id: int, reason: str, error: Exception) -> None:
    fulfilment.stage_failed(request_id=request_id, reason=reason, detail=str(error))


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def send_request_email_task(self, request_id: int, message: str) -> None:
    _run_stage(self, f"Sending the {message} e-mail", notifications.request_email_send,
               request_id=request_id, message=message)


@shared_task(bind=True, max_retries=3, acks_late=True)
def discover_subject_task(self, request_id: int) -> None:
    _run_stage(self, "Discovery", fulfilment.privacy_request_discover, request_id=request_id)


@shared_task(bind=True, max_retries=3, acks_late=True)
def fulfil_request_task(self, request_id: int) -> None:
    _run_stage(self, "Fulfilment", fulfilment.privacy_request_fulfil, request_id=request_id)


@shared_task
def send_verification_reminders_task() -> int:
    return verification.verification_reminders_send()


@shared_task
def close_unverified_requests_task() -> int:
    return verification.unverified_requests_close()


@shared_task
def purge_export_packages_task() -> int:
    return exports.export_packages_purge()


@shared_task
def redispatch_stuck_requests_task() -> int:
    return len(lease.stuck_requests_redispatch())


@shared_task(autoretry_for=TRANSIENT, retry_backoff=BACKOFF_SECONDS, max_retries=MAX_RETRIES)
def send_deadline_digest_task() -> int:
    return notifications.deadline_digest_send()
