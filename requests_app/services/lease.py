"""The lease on a request's fulfilment: one conditional UPDATE decides which worker carries it out.

A worker claims an in_progress request before fulfilling it and holds it for
PRIVACY_FULFILMENT_LEASE_MINUTES. Leaving in_progress (completed, parked) ends the lease with the
state change; any other end of the attempt releases it. A worker that dies (SIGKILL, out of
memory, host lost) cannot release it: once it has expired, the beat sweep below queues the
fulfilment again and a live worker resumes it. The dead worker's completion transaction was
rolled back with its connection, and an erasure resumes from its last recorded step.

A second delivery of the same task (Redis hands unacknowledged tasks out again after its
visibility timeout) finds the lease held and leaves the request to the worker holding it.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from privacy.audit import events
from requests_app.models import PrivacyRequest
from requests_app.services.common import SYSTEM, enqueue
from requests_app.states import State

logger = logging.getLogger(__name__)

DISPATCHED = "dispatched"  # queued again by the sweep: the next worker may claim it at once


def lease_length() -> timedelta:
    return timedelta(minutes=settings.PRIVACY_FULFILMENT_LEASE_MINUTES)


def request_claim(*, request_id: int, owner: str, now: datetime | None = None) -> bool:
    """Claim the in_progress request for owner; False when it is not in progress or a live lease holds it."""
    now = now or timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now) | Q(claimed_by=DISPATCHED)
    claimed = PrivacyRequest.objects.filter(free, pk=request_id, state=State.IN_PROGRESS)
    return bool(claimed.update(claimed_by=owner, lease_until=now + lease_length()))


def request_release(*, request_id: int, owner: str) -> None:
    PrivacyRequest.objects.filter(pk=request_id, claimed_by=owner).update(claimed_by="", lease_until=None)


def stuck_requests_redispatch(*, now: datetime | None = None) -> list[int]:
    """Queue the fulfilment of every in_progress request whose worker is gone again; return their ids.

    Gone: its lease has expired, or nobody claimed it within a lease of its approval (the task
    was lost before a worker took it). Each request is dispatched again at most once per lease.
    """
    now = now or timezone.now()
    stuck = Q(lease_until__lt=now) | Q(lease_until__isnull=True, state_changed_at__lt=now - lease_length())
    candidates = PrivacyRequest.objects.filter(stuck, state=State.IN_PROGRESS).values_list("pk", "claimed_by", "lease_until")
    return [pk for pk, worker, until in candidates if _redispatch(pk, worker=worker, until=until, now=now)]


def _redispatch(request_id: int, *, worker: str, until, now: datetime) -> bool:
    from requests_app import tasks

    with transaction.atomic():
        won = PrivacyRequest.objects.filter(pk=request_id, state=State.IN_PROGRESS, claimed_by=worker, lease_until=until)
        if not won.update(claimed_by=DISPATCHED, lease_until=now + lease_length()):
            return False  # claimed, completed or dispatched by someone else meanwhile
        privacy_request = PrivacyRequest.objects.get(pk=request_id)
        events.request_redispatched(actor=SYSTEM, request=privacy_request, details={
            "worker": worker or None, "lease_until": until.isoformat() if until else None,
        })
        enqueue(tasks.fulfil_request_task, request_id)
    logger.warning("request %s: fulfilment dispatched again (worker %s, lease until %s)", request_id, worker or "none", until)
    return True
