"""Amazon Pay outages seen through the client: retried with back-off, then a transient error with a reason."""

import pytest
import requests

from privacy.sources.amazon_pay import AmazonPayError, amazon_pay_idempotency_key
from privacy.sources.amazon_pay.simulator import FaultRule
from tests.sources.amazon_pay.builders import (
    CHARGE_ID,
    OTHER_PERMISSION_ID,
    PENDING_CHARGE_ID,
    PERMISSION_ID,
    client_for,
    references_add,
)

FAULT_REASONS = {
    "throttle": "throttling requests (429 TooManyRequests)",
    "server_error": "could not serve the request (500 InternalServerError)",
    "unavailable": "could not serve the request (503 ServiceUnavailable)",
    "slow": "did not answer within 0.3 s",
    "malformed": "answered 200 with malformed JSON",
    "reset": "connection to Amazon Pay failed (ConnectionResetError)",
}


@pytest.fixture
def simulator(amazon_pay_simulator):
    references_add(amazon_pay_simulator)
    return amazon_pay_simulator


@pytest.mark.parametrize("kind", FAULT_REASONS)
def test_fault_is_retried_until_amazon_answers(simulator, amazon_pay_keys, kind):
    simulator.faults.add(FaultRule(kind, count=2, delay=2.0))
    sleeps = []

    with client_for(simulator, amazon_pay_keys, sleeps=sleeps) as client:
        permission = client.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert permission.buyer.email == "ada@example.com"
    assert [call.fault for call in simulator.calls] == [kind, kind, None]
    assert len(sleeps) == 2


@pytest.mark.parametrize("kind", FAULT_REASONS)
def test_fault_past_the_retry_budget_raises_a_transient_error_with_the_reason(simulator, amazon_pay_keys, kind):
    simulator.faults.add(FaultRule(kind, count=3, delay=2.0))

    with client_for(simulator, amazon_pay_keys, max_retries=2) as client, pytest.raises(AmazonPayError) as failed:
        client.charge_get(charge_id=CHARGE_ID)

    assert failed.value.permanent is False
    assert failed.value.attempts == 3
    assert FAULT_REASONS[kind] in failed.value.reason
    assert failed.value.reason.startswith("get charge: ")
    assert failed.value.reason.endswith("gave up after 3 attempts")
    assert len(simulator.calls) == 3


def test_back_off_grows_exponentially_with_jitter_within_each_step(simulator, amazon_pay_keys):
    simulator.faults.add(FaultRule("server_error", count=4))
    sleeps = []

    with client_for(simulator, amazon_pay_keys, sleeps=sleeps, max_retries=4, backoff_base=0.5, backoff_max=3.0) as c:
        c.refund_get(refund_id="S01-5105180-3221187-R022311")

    ceilings = [0.5, 1.0, 2.0, 3.0]
    assert len(sleeps) == 4
    assert all(ceiling / 2 <= slept <= ceiling for slept, ceiling in zip(sleeps, ceilings, strict=True))


@pytest.mark.parametrize("kind", ["slow", "reset", "malformed"])
def test_close_that_amazon_did_but_never_confirmed_is_replayed_once_retried(simulator, amazon_pay_keys, kind):
    simulator.faults.add(FaultRule(kind, operation="charge_permission_close", delay=2.0))
    key = amazon_pay_idempotency_key("erase", 7, PERMISSION_ID)

    with client_for(simulator, amazon_pay_keys) as client:
        closed = client.charge_permission_close(
            charge_permission_id=PERMISSION_ID,
            closure_reason="Erasure",
            idempotency_key=key,
            cancel_pending_charges=True,
        )
        pending = client.charge_get(charge_id=PENDING_CHARGE_ID)

    assert closed.state == "Closed" and pending.state == "Canceled"
    attempts = simulator.calls_for("charge_permission_close")
    assert [(call.fault, call.idempotency_key) for call in attempts] == [(kind, key), (None, key)]


def test_fault_rule_for_one_permission_also_hits_its_charges_but_not_other_permissions(simulator, amazon_pay_keys):
    simulator.faults.add(FaultRule("throttle", count=5, reference=PERMISSION_ID))

    with client_for(simulator, amazon_pay_keys, max_retries=0) as client:
        assert client.charge_permission_get(charge_permission_id=OTHER_PERMISSION_ID).state == "Chargeable"
        with pytest.raises(AmazonPayError, match="429"):
            client.charge_get(charge_id=CHARGE_ID)


def test_faults_switched_on_through_the_admin_endpoint_apply_to_the_next_calls(simulator, amazon_pay_keys):
    answer = requests.post(
        f"{simulator.base_url}/__simulator/faults", json={"kind": "unavailable", "count": 1}, timeout=5
    )

    with client_for(simulator, amazon_pay_keys) as client:
        client.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert answer.status_code == 201
    assert [call.status for call in simulator.calls] == [503, 200]
    assert requests.get(f"{simulator.base_url}/__simulator/state", timeout=5).json()["faults"] == []


def test_unknown_fault_kind_is_refused_by_the_admin_endpoint(simulator):
    answer = requests.post(f"{simulator.base_url}/__simulator/faults", json={"kind": "meteor"}, timeout=5)

    assert answer.status_code == 400
    assert "throttle" in answer.json()["message"]


def test_refused_credentials_are_permanent_and_not_retried(simulator, amazon_pay_keys):
    client = client_for(simulator, amazon_pay_keys, public_key_id="SANDBOX-NOTREGISTERED0000000000")
    with client, pytest.raises(AmazonPayError, match="401 UnauthorizedAccess") as refused:
        client.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert refused.value.permanent is True
    assert "AMAZON_PAY_PUBLIC_KEY_ID" in refused.value.reason
    assert len(simulator.calls) == 1
