"""The simulator as Amazon Pay's stand-in: it refuses what Amazon refuses and remembers what Amazon would."""

from datetime import timedelta

import pytest
import requests
from django.utils import timezone

from privacy.sources.amazon_pay import signing
from privacy.sources.amazon_pay.simulator import AmazonPaySimulator
from tests.sources.amazon_pay.builders import (
    BUYER_ID,
    CHARGE_ID,
    PENDING_CHARGE_ID,
    PERMISSION_ID,
    client_for,
    references_add,
)

PLAIN_KEY_ID = "AGSQL22LHYAGJB367CTD2RHD"


def signed_call(
    simulator,
    keys,
    *,
    method="GET",
    path=f"/v2/chargePermissions/{PERMISSION_ID}",
    body=b"",
    algorithm=signing.V2,
    salt=None,
    key_id=None,
    unsigned=(),
    extra=None,
    sent_at=None,
):
    """Send a request signed by hand, so each test can break exactly one rule."""
    headers = {
        "accept": "application/json",
        "content-type": "application/json",
        "x-amz-pay-date": signing.amz_date(sent_at or timezone.now()),
        "x-amz-pay-host": "127.0.0.1",
        "x-amz-pay-region": "eu",
        **(extra or {}),
    }
    signed = {name: value for name, value in headers.items() if name not in unsigned}
    canonical = signing.canonical_request(method=method, path=path, query="", headers=signed, body=body)
    signer = signing.Algorithm(algorithm.name, salt or algorithm.salt_length)
    private_key = signing.private_key_load(keys.private_key_path.read_bytes())
    signature = signing.signature_create(private_key, signer, signing.string_to_sign(signer, canonical))
    headers["authorization"] = signing.authorization_header(
        algorithm=algorithm, public_key_id=key_id or keys.public_key_id, signed_headers=signed, signature=signature
    )
    return requests.request(method, simulator.base_url + path, headers=headers, data=body or None, timeout=5)


@pytest.fixture
def simulator(amazon_pay_simulator):
    references_add(amazon_pay_simulator)
    return amazon_pay_simulator


@pytest.mark.parametrize(("algorithm", "salt"), [(signing.V2, 32), (signing.V1, 20)])
def test_each_algorithm_with_its_own_salt_length_is_accepted(simulator, amazon_pay_keys, algorithm, salt):
    answer = signed_call(simulator, amazon_pay_keys, algorithm=algorithm, salt=salt)

    assert answer.status_code == 200
    assert answer.json()["chargePermissionId"] == PERMISSION_ID


@pytest.mark.parametrize(("algorithm", "salt"), [(signing.V2, 20), (signing.V1, 32)])
def test_algorithm_name_with_the_other_salt_length_is_refused(simulator, amazon_pay_keys, algorithm, salt):
    answer = signed_call(simulator, amazon_pay_keys, algorithm=algorithm, salt=salt)

    assert answer.status_code == 401
    assert answer.json()["reasonCode"] == "InvalidRequestSignature"


def test_request_changed_after_signing_is_refused(simulator, amazon_pay_keys):
    headers = (
        client_for(simulator, amazon_pay_keys)
        .request_sign(method="GET", resource=f"chargePermissions/{PERMISSION_ID}")
        .headers
    )

    answer = requests.get(f"{simulator.base_url}/v2/chargePermissions/S01-7000001-7000002", headers=headers, timeout=5)

    assert (answer.status_code, answer.json()["reasonCode"]) == (401, "InvalidRequestSignature")


@pytest.mark.parametrize(
    ("breakage", "status", "reason_code", "message"),
    [
        ({"extra": {"x-amz-pay-host": "pay-api.amazon.eu"}}, 400, "InvalidHeaderValue", "x-amz-pay-host"),
        ({"extra": {"x-amz-pay-region": "au"}}, 400, "InvalidHeaderValue", "x-amz-pay-region"),
        ({"unsigned": ("x-amz-pay-region",)}, 400, "MissingHeader", "x-amz-pay-region"),
        ({"unsigned": ("x-amz-pay-date",)}, 400, "MissingHeader", "x-amz-pay-date"),
        (
            {"extra": {"x-amz-pay-idempotency-key": "k1"}, "unsigned": ("x-amz-pay-idempotency-key",)},
            400,
            "MissingHeader",
            "x-amz-pay-idempotency-key",
        ),
        ({"sent_at": timezone.now() - timedelta(minutes=20)}, 400, "InvalidHeaderValue", "x-amz-pay-date"),
        ({"key_id": "SANDBOX-SOMEONEELSE000000000000"}, 401, "UnauthorizedAccess", "public key id"),
        ({"path": f"/sandbox/v2/chargePermissions/{PERMISSION_ID}"}, 400, "InvalidRequest", "without /sandbox"),
    ],
)
def test_request_breaking_a_signing_rule_gets_amazons_refusal(
    simulator, amazon_pay_keys, breakage, status, reason_code, message
):
    answer = signed_call(simulator, amazon_pay_keys, **breakage)

    assert answer.status_code == status
    assert answer.json()["reasonCode"] == reason_code
    assert message in answer.json()["message"]


def test_request_without_authorization_is_refused(simulator):
    answer = requests.get(f"{simulator.base_url}/v2/chargePermissions/{PERMISSION_ID}", timeout=5)

    assert (answer.status_code, answer.json()["reasonCode"]) == (400, "MissingHeader")


def test_plain_key_id_must_name_the_environment_in_the_path(amazon_pay_keys):
    keys = {PLAIN_KEY_ID: amazon_pay_keys.public_key()}
    with AmazonPaySimulator(public_keys=keys) as simulator:
        references_add(simulator)
        bare = signed_call(simulator, amazon_pay_keys, key_id=PLAIN_KEY_ID)
        live = signed_call(
            simulator, amazon_pay_keys, key_id=PLAIN_KEY_ID, path=f"/live/v2/chargePermissions/{PERMISSION_ID}"
        )

    assert (bare.status_code, bare.json()["reasonCode"]) == (400, "InvalidRequest")
    assert (live.status_code, live.json()["releaseEnvironment"]) == (200, "Live")


def test_simulator_for_one_region_refuses_another_regions_requests(amazon_pay_keys):
    keys = {amazon_pay_keys.public_key_id: amazon_pay_keys.public_key()}
    with AmazonPaySimulator(public_keys=keys, regions=("eu",)) as simulator:
        references_add(simulator)
        eu = signed_call(simulator, amazon_pay_keys)
        jp = signed_call(simulator, amazon_pay_keys, extra={"x-amz-pay-region": "jp"})

    assert (eu.status_code, jp.status_code) == (200, 400)


def test_unknown_reference_answers_404_resource_not_found(simulator, amazon_pay_keys):
    answer = signed_call(simulator, amazon_pay_keys, path="/v2/charges/S01-5105180-3221187-C999999")

    assert answer.status_code == 404
    assert answer.json() == {"reasonCode": "ResourceNotFound", "message": "The requested resource was not found."}


@pytest.mark.parametrize(
    ("body", "reason_code"),
    [
        (b'{"closureReason": "' + b"x" * 256 + b'"}', "InvalidParameterValue"),
        (b'{"closureReason": "ok", "cancelPendingCharges": "yes"}', "InvalidParameterValue"),
        (b'{"closureReason": "ok", "note": 1}', "UnrecognizedField"),
        (b"{not json", "InvalidRequestFormat"),
    ],
)
def test_close_with_a_bad_body_is_refused_and_changes_nothing(simulator, amazon_pay_keys, body, reason_code):
    answer = signed_call(
        simulator, amazon_pay_keys, method="DELETE", path=f"/v2/chargePermissions/{PERMISSION_ID}/close", body=body
    )

    assert (answer.status_code, answer.json()["reasonCode"]) == (400, reason_code)
    assert simulator.state.charge_permissions[PERMISSION_ID].state == "Chargeable"


def test_close_without_cancelling_pending_charges_leaves_them_authorized(simulator, amazon_pay_keys):
    with client_for(simulator, amazon_pay_keys) as client:
        client.charge_permission_close(
            charge_permission_id=PERMISSION_ID, closure_reason="Erasure", idempotency_key="erase-1"
        )

        assert client.charge_get(charge_id=PENDING_CHARGE_ID).state == "Authorized"


def test_one_time_permission_hides_the_buyer_after_30_days(amazon_pay_simulator, amazon_pay_keys):
    references_add(amazon_pay_simulator, created_days_ago=40)

    with client_for(amazon_pay_simulator, amazon_pay_keys) as client:
        permission = client.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert (permission.buyer, permission.shipping_address, permission.state) == (None, None, "Chargeable")


def test_one_time_permission_closes_after_180_days_and_its_authorization_expires(amazon_pay_simulator, amazon_pay_keys):
    references_add(amazon_pay_simulator, created_days_ago=200)

    with client_for(amazon_pay_simulator, amazon_pay_keys) as client:
        permission = client.charge_permission_get(charge_permission_id=PERMISSION_ID)
        pending = client.charge_get(charge_id=PENDING_CHARGE_ID)

    assert (permission.state, permission.status.reasons) == ("Closed", ("Expired",))
    assert (pending.state, pending.status.reasons) == ("Canceled", ("ExpiredUnused",))


def test_retention_rules_can_be_switched_off_for_the_demo(amazon_pay_simulator, amazon_pay_keys):
    amazon_pay_simulator.state.apply_retention = False
    references_add(amazon_pay_simulator, created_days_ago=400)

    with client_for(amazon_pay_simulator, amazon_pay_keys) as client:
        permission = client.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert (permission.buyer.buyer_id, permission.state) == (BUYER_ID, "Chargeable")


def test_admin_endpoints_issue_buyer_tokens_and_list_calls(simulator, amazon_pay_keys):
    issued = requests.post(f"{simulator.base_url}/__simulator/buyer-tokens", json={"buyerId": BUYER_ID}, timeout=5)
    unknown = requests.post(f"{simulator.base_url}/__simulator/buyer-tokens", json={"buyerId": "nobody"}, timeout=5)
    with client_for(simulator, amazon_pay_keys) as client:
        buyer = client.buyer_get(buyer_token=issued.json()["buyerToken"])
        client.charge_get(charge_id=CHARGE_ID)

    calls = requests.get(f"{simulator.base_url}/__simulator/calls", timeout=5).json()["calls"]
    assert (issued.status_code, unknown.status_code, buyer.buyer_id) == (201, 404, BUYER_ID)
    assert [(call["operation"], call["status"]) for call in calls] == [("buyer_get", 200), ("charge_get", 200)]
