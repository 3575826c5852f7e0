"""The claim on a policy: one conditional UPDATE decides which worker runs it.

A claim is a lease: the owner renews it after every batch. Another worker may take the policy
over when the lease has expired, or at once when the owner was a process on this host that no
longer exists (killed: its checkpoint is resumed, nothing is lost).
"""

import os
import socket
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from retention.models import RetentionPolicy


class PolicyAlreadyRunning(Exception):
    """Another live worker holds the policy's claim."""

    def __init__(self, policy: RetentionPolicy, claimed_by: str, lease_until):
        self.policy, self.claimed_by, self.lease_until = policy, claimed_by, lease_until
        super().__init__(f"policy {policy.name} is already running ({claimed_by}, lease until {lease_until:%Y-%m-%d %H:%M:%S %Z})")


class ClaimLost(Exception):
    """The lease expired and another worker took the policy over: this worker must stop."""


def owner_id() -> str:
    """Return this worker's claim name: host, process id and a random token."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _lease_until(now: datetime) -> datetime:
    return now + timedelta(seconds=settings.RETENTION_LEASE_SECONDS)


def _dead_local_owner(claimed_by: str) -> bool:
    host, _, rest = claimed_by.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def retention_policy_claim(*, policy: RetentionPolicy, owner: str, now: datetime) -> None:
    """Claim policy for owner or raise PolicyAlreadyRunning; only one caller can win the UPDATE."""
    free = Q(claimed_by="") | Q(lease_until__lt=now)
    if RetentionPolicy.objects.filter(free, pk=policy.pk).update(claimed_by=owner, lease_until=_lease_until(now)):
        return
    current = RetentionPolicy.objects.filter(pk=policy.pk).values("claimed_by", "lease_until").first()
    holder = current["claimed_by"]
    if holder and _dead_local_owner(holder):
        taken = RetentionPolicy.objects.filter(pk=policy.pk, claimed_by=holder).update(
            claimed_by=owner, lease_until=_lease_until(now)
        )
        if taken:
            return
        current = RetentionPolicy.objects.filter(pk=policy.pk).values("claimed_by", "lease_until").first()
    raise PolicyAlreadyRunning(policy, current["claimed_by"], current["lease_until"])


def retention_policy_renew(*, policy: RetentionPolicy, owner: str, now: datetime) -> None:
    """Extend owner's lease; raise ClaimLost when owner no longer holds the policy."""
    if not RetentionPolicy.objects.filter(pk=policy.pk, claimed_by=owner).update(lease_until=_lease_until(now)):
        raise ClaimLost(f"policy {policy.name} was taken over by another worker")


def retention_policy_release(*, policy: RetentionPolicy, owner: str) -> None:
    RetentionPolicy.objects.filter(pk=policy.pk, claimed_by=owner).update(claimed_by="", lease_until=None)
