"""Telling staff that the audit chain failed verification (no personal data is in the message)."""

import logging

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def audit_failure_notify(*, result) -> int:
    """E-mail PRIVACY_STAFF_EMAILS about a failed verification; return how many recipients were sent to."""
    summary = f"Audit chain verification FAILED ({result.reason}): {result.message}"
    if not settings.PRIVACY_STAFF_EMAILS:
        logger.error("%s; PRIVACY_STAFF_EMAILS is empty, so nobody was e-mailed", summary)
        return 0
    body = "\n".join(
        [
            summary,
            f"First bad event: {result.first_bad_event}",
            f"Events checked before it: {result.events_checked}",
            f"Recorded head: #{result.head_seq} {result.head_hash}",
            "",
            "Run `python manage.py audit verify --json` for the same report; see docs/audit.md.",
        ]
    )
    send_mail("[PrivacyDesk] audit chain verification failed", body, None, settings.PRIVACY_STAFF_EMAILS)
    logger.error(summary)
    return len(settings.PRIVACY_STAFF_EMAILS)
