"""Crypto-shredding: a subject's data key is destroyed when its record-keeping period ends.

The period (PRIVACY_RECORD_KEEPING_MONTHS, 24 by default: CCPA regulations §7101 keep request
records at least 24 months) runs from the date set by audit_subject_retain (the request
lifecycle calls it when a request closes) or, when nobody set one, from the subject's last
audit event. The events stay and the chain still verifies; their details read as shredded.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from privacy import keys
from privacy.audit import events
from privacy.audit.actors import Actor
from privacy.audit.models import AuditEvent
from privacy.audit.payloads import SHARED_SCOPE
from privacy.models import DataKey
from requests_app.deadlines import add_months

RECORD_KEEPING_ENDED = "record-keeping period ended"


def record_keeping_end(*, start: datetime) -> datetime:
    months = settings.PRIVACY_RECORD_KEEPING_MONTHS
    return datetime.combine(add_months(start.date(), months), start.timetz())


def audit_subject_retain(*, subject_scope: str, closed_at: datetime | None = None, actor: Actor | None = None) -> datetime:
    """Start subject_scope's record-keeping period at closed_at (default now); return when its key will be shredded."""
    shred_after = record_keeping_end(start=closed_at or timezone.now())
    # no savepoint: inside a request's closure, a failure here must fail the closure (and it saves two round trips)
    with transaction.atomic(savepoint=False):
        key = keys.data_key_for_scope(scope=subject_scope)
        keys.data_key_schedule_shred(key=key, at=shred_after)
        events.subject_retention_scheduled(
            actor=actor or Actor.system("record keeping"), subject_scope=subject_scope, shred_after=shred_after
        )
    return shred_after


def audit_subject_shred(*, subject_scope: str, actor: Actor | None = None, reason: str = RECORD_KEEPING_ENDED) -> bool:
    """Destroy subject_scope's data key and audit it; return False when there was no live key."""
    if subject_scope == SHARED_SCOPE:
        raise ValueError(f"{SHARED_SCOPE} holds no subject's details and is never shredded.")
    with transaction.atomic():
        key = DataKey.objects.select_for_update().filter(scope=subject_scope, shredded_at__isnull=True).first()
        if key is None:
            return False
        keys.data_key_shred(key=key)
        events.subject_key_shredded(actor=actor or Actor.system("crypto-shredding"), subject_scope=subject_scope, reason=reason)
    return True


def subject_scopes_due_for_shredding(*, now: datetime | None = None) -> list[str]:
    """Return the scopes whose record-keeping period has ended and whose key is still live."""
    now = now or timezone.now()
    live = DataKey.objects.filter(shredded_at__isnull=True).exclude(scope=SHARED_SCOPE)
    scheduled = live.filter(shred_after__lte=now).values_list("scope", flat=True)
    # One pass over the events (no index on subject_scope: every index slows each append twice).
    idle_since = AuditEvent.objects.filter(subject_scope__isnull=False).values("subject_scope")
    idle = idle_since.annotate(last=Max("created_at")).filter(last__lt=_months_before(now)).values("subject_scope")
    unscheduled = live.filter(shred_after__isnull=True, scope__in=idle).values_list("scope", flat=True)
    return sorted({*scheduled, *unscheduled})


def _months_before(moment: datetime) -> datetime:
    return datetime.combine(add_months(moment.date(), -settings.PRIVACY_RECORD_KEEPING_MONTHS), moment.timetz())


def audit_subjects_shred_expired(*, now: datetime | None = None) -> int:
    """Shred every subject key whose record-keeping period has ended; return how many were shredded."""
    actor = Actor.system("shred_expired_subject_keys")
    return sum(audit_subject_shred(subject_scope=scope, actor=actor) for scope in subject_scopes_due_for_shredding(now=now))
