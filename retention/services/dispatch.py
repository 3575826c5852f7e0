"""The periodic dispatcher: start each enabled policy whose own schedule (edited in the admin) is due."""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone

from retention.models import RetentionPolicy
from retention.schedules import schedule_is_due

logger = logging.getLogger(__name__)


def retention_policies_dispatch(*, now=None) -> list[RetentionPolicy]:
    """Enqueue a run of every enabled policy whose schedule fired since its last start; return those policies.

    A policy never dispatched before only records now: its first run comes at its next
    scheduled time. The conditional UPDATE on last_dispatched_at lets one dispatcher win.
    """
    from retention.tasks import run_retention_policy_task

    now = now or timezone.now()
    started = []
    for policy in RetentionPolicy.objects.filter(enabled=True).order_by("name"):
        last = policy.last_dispatched_at
        if last is not None and not _due(policy, last=last, now=now):
            continue
        won = RetentionPolicy.objects.filter(pk=policy.pk, last_dispatched_at=last).update(last_dispatched_at=now)
        if won and last is not None:
            transaction.on_commit(partial(run_retention_policy_task.delay, policy.pk))
            started.append(policy)
    return started


def _due(policy: RetentionPolicy, *, last, now) -> bool:
    try:
        return schedule_is_due(policy.schedule, last_run_at=last, now=now)
    except ValueError:
        logger.error("retention policy %s has an invalid schedule; fix it in the admin", policy.name)
        return False
