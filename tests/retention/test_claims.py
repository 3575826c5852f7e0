"""The claim on a policy: one worker at a time, leases that expire, dead local workers taken over at once."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from privacy.audit.actors import Actor
from retention.models import RetentionPolicy, RunState
from retention.services import PolicyAlreadyRunning, retention_policy_run
from retention.services.claims import (
    ClaimLost,
    owner_id,
    retention_policy_claim,
    retention_policy_release,
    retention_policy_renew,
)

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _dead_owner() -> str:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    host, _pid, token = owner_id().split(":")
    return f"{host}:{process.pid}:{token}"


def test_a_second_worker_is_told_the_policy_is_already_running_and_by_whom(policy, magento_schema):
    # given
    orders = policy("orders-anonymize")
    retention_policy_claim(policy=orders, owner="worker-a:1:aaaa", now=timezone.now())
    # when
    with pytest.raises(PolicyAlreadyRunning) as error:
        retention_policy_run(policy=orders, actor=Actor.system("tests"))
    # then
    assert "already running" in str(error.value) and "worker-a:1:aaaa" in str(error.value)
    assert not orders.runs.exists()


def test_an_expired_lease_lets_another_worker_take_the_policy_over(policy, settings):
    # given
    orders = policy("orders-anonymize")
    retention_policy_claim(policy=orders, owner="worker-a:1:aaaa", now=timezone.now() - timedelta(hours=1))
    # when
    retention_policy_claim(policy=orders, owner="worker-b:2:bbbb", now=timezone.now())
    # then
    assert RetentionPolicy.objects.get(pk=orders.pk).claimed_by == "worker-b:2:bbbb"


def test_a_claim_of_a_process_that_died_on_this_host_is_taken_over_at_once(policy):
    # given
    orders = policy("orders-anonymize")
    retention_policy_claim(policy=orders, owner=_dead_owner(), now=timezone.now())
    # when
    retention_policy_claim(policy=orders, owner="worker-b:2:bbbb", now=timezone.now())
    # then
    assert RetentionPolicy.objects.get(pk=orders.pk).claimed_by == "worker-b:2:bbbb"


def test_a_worker_whose_lease_was_taken_over_is_told_to_stop_at_its_next_checkpoint(policy):
    # given
    orders = policy("orders-anonymize")
    retention_policy_claim(policy=orders, owner="worker-a:1:aaaa", now=timezone.now() - timedelta(hours=1))
    retention_policy_claim(policy=orders, owner="worker-b:2:bbbb", now=timezone.now())
    # when
    with pytest.raises(ClaimLost):
        retention_policy_renew(policy=orders, owner="worker-a:1:aaaa", now=timezone.now())
    # then
    retention_policy_release(policy=orders, owner="worker-a:1:aaaa")
    assert RetentionPolicy.objects.get(pk=orders.pk).claimed_by == "worker-b:2:bbbb"


def test_a_finished_run_releases_its_claim(policy, magento_schema):
    # when
    run = retention_policy_run(policy=policy("visitor-sessions-purge"), actor=Actor.system("tests"))
    # then
    assert run.state == RunState.COMPLETED
    assert RetentionPolicy.objects.get(name="visitor-sessions-purge").claimed_by == ""
