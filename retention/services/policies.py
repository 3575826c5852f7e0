"""Edits of policies and statutory periods (from the admin): saved together with their audit event."""

from django.db import transaction

from privacy.audit import events
from privacy.audit.actors import Actor
from retention.models import RetentionPolicy, StatutoryPeriod


def retention_policy_save(*, policy: RetentionPolicy, actor: Actor, changed: list[str]) -> RetentionPolicy:
    """Save an edited (or new) policy and record who changed which fields."""
    with transaction.atomic():
        created = policy.pk is None
        policy.save()
        events.retention_setting_changed(
            actor=actor, target_type="retention_policy", target_id=policy.name, created=created,
            values={name: getattr(policy, name) for name in changed},
        )
    return policy


def statutory_period_save(*, period: StatutoryPeriod, actor: Actor, changed: list[str]) -> StatutoryPeriod:
    with transaction.atomic():
        created = period.pk is None
        period.save()
        events.retention_setting_changed(
            actor=actor, target_type="statutory_period", target_id=f"{period.jurisdiction}:{period.document_class}",
            created=created, values={name: getattr(period, name) for name in changed},
        )
    return period
