"""Writes of the retention app: claims, runs, holds and the scheduled dispatcher."""

from retention.services.claims import ClaimLost, PolicyAlreadyRunning
from retention.services.dispatch import retention_policies_dispatch
from retention.services.holds import InvalidHold, retention_holds_create, retention_holds_create_many
from retention.services.policies import retention_policy_save, statutory_period_save
from retention.services.runs import retention_policy_run, retention_run_create

__all__ = [
    "ClaimLost",
    "InvalidHold",
    "PolicyAlreadyRunning",
    "retention_holds_create",
    "retention_holds_create_many",
    "retention_policies_dispatch",
    "retention_policy_run",
    "retention_policy_save",
    "retention_run_create",
    "statutory_period_save",
]
