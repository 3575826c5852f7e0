"""Celery tasks of the retention app: thin wrappers that load rows and call a service."""

import logging

from celery import shared_task
from django.contrib.auth import get_user_model

from privacy.audit.actors import Actor
from retention.models import RetentionPolicy
from retention.services import PolicyAlreadyRunning, retention_policies_dispatch, retention_policy_run

logger = logging.getLogger(__name__)
SCHEDULER = Actor.system("retention.scheduler")


@shared_task
def run_due_retention_policies_task() -> list[str]:
    return [policy.name for policy in retention_policies_dispatch()]


@shared_task(acks_late=True)
def run_retention_policy_task(policy_id: int, dry_run: bool = False, staff_user_id: int | None = None) -> str:
    """Run one policy; a run already in progress elsewhere is reported, not an error (its claim protects it)."""
    policy = RetentionPolicy.objects.get(pk=policy_id)
    actor = Actor.staff(get_user_model().objects.get(pk=staff_user_id)) if staff_user_id else SCHEDULER
    try:
        run = retention_policy_run(policy=policy, actor=actor, dry_run=dry_run)
    except PolicyAlreadyRunning as error:
        logger.info("%s", error)
        return "already_running"
    return run.state
