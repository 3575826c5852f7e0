from decimal import Decimal

import pytest

from privacy.sources.amazon_pay import (
    AmazonPayError,
    AmazonPayNotConfigured,
    AmazonPayNotFound,
    Money,
    amazon_pay_client_from_settings,
    amazon_pay_idempotency_key,
)
from tests.sources.amazon_pay.builders import (
    BUYER_ID,
    CHARGE_ID,
    OTHER_PERMISSION_ID,
    PENDING_CHARGE_ID,
    PERMISSION_ID,
    REFUND_ID,
    client_for,
    references_add,
)


@pytest.fixture
def amazon_pay(amazon_pay_simulator, amazon_pay_keys):
    references_add(amazon_pay_simulator)
    with client_for(amazon_pay_simulator, amazon_pay_keys) as client:
        yield client


def test_get_charge_permission_returns_the_buyer_addresses_and_state(amazon_pay):
    permission = amazon_pay.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert permission.charge_permission_id == PERMISSION_ID
    assert permission.state == "Chargeable"
    assert (permission.buyer.buyer_id, permission.buyer.name, permission.buyer.email) == (
        BUYER_ID,
        "Ada Lovelace",
        "ada@example.com",
    )
    assert permission.buyer.phone_number == "+44 20 7946 0000"
    assert permission.shipping_address.address_line1 == "12 Analytical Row"
    assert permission.billing_address.country_code == "GB"
    assert permission.merchant_reference_id == "000000042"
    assert permission.release_environment == "Sandbox"


def test_get_charge_returns_amounts_as_decimals_with_the_refunded_total(amazon_pay):
    charge = amazon_pay.charge_get(charge_id=CHARGE_ID)

    assert charge.charge_permission_id == PERMISSION_ID
    assert charge.state == "Captured"
    assert charge.charge_amount == Money(Decimal("59.90"), "EUR")
    assert charge.refunded_amount == Money(Decimal("10.00"), "EUR")


def test_get_refund_returns_its_charge_and_amount(amazon_pay):
    refund = amazon_pay.refund_get(refund_id=REFUND_ID)

    assert (refund.charge_id, refund.state, refund.refund_amount) == (
        CHARGE_ID,
        "Refunded",
        Money(Decimal("10.00"), "EUR"),
    )


def test_get_buyer_with_a_sign_in_token_returns_the_amazon_account(amazon_pay, amazon_pay_simulator):
    token = amazon_pay_simulator.state.buyer_token_issue(BUYER_ID)

    buyer = amazon_pay.buyer_get(buyer_token=token)

    assert (buyer.buyer_id, buyer.email, buyer.postal_code) == (BUYER_ID, "ada@example.com", "NW1 6XE")
    assert buyer.shipping_address.city == "London"


def test_closing_a_charge_permission_turns_it_closed_and_cancels_pending_charges(amazon_pay):
    closed = amazon_pay.charge_permission_close(
        charge_permission_id=PERMISSION_ID,
        closure_reason="Data erasure requested by the buyer",
        idempotency_key=amazon_pay_idempotency_key("request", 42, PERMISSION_ID),
        cancel_pending_charges=True,
    )

    assert closed.state == "Closed"
    assert closed.status.reasons == ("MerchantClosed",)
    assert amazon_pay.charge_permission_get(charge_permission_id=PERMISSION_ID).state == "Closed"
    assert amazon_pay.charge_get(charge_id=PENDING_CHARGE_ID).state == "Canceled"
    assert amazon_pay.charge_get(charge_id=CHARGE_ID).state == "Captured"


def test_repeating_a_close_with_the_same_key_replays_the_first_answer(amazon_pay, amazon_pay_simulator):
    key = amazon_pay_idempotency_key("request", 42, PERMISSION_ID)
    first = amazon_pay.charge_permission_close(
        charge_permission_id=PERMISSION_ID, closure_reason="Erasure", idempotency_key=key
    )

    again = amazon_pay.charge_permission_close(
        charge_permission_id=PERMISSION_ID, closure_reason="Erasure", idempotency_key=key
    )

    assert again == first
    assert [call.idempotency_key for call in amazon_pay_simulator.calls_for("charge_permission_close")] == [key, key]


def test_reusing_a_close_key_for_another_permission_is_refused_permanently(amazon_pay):
    key = amazon_pay_idempotency_key("request", 42)
    amazon_pay.charge_permission_close(
        charge_permission_id=PERMISSION_ID, closure_reason="Erasure", idempotency_key=key
    )

    with pytest.raises(AmazonPayError, match="DuplicateIdempotencyKey") as refused:
        amazon_pay.charge_permission_close(
            charge_permission_id=OTHER_PERMISSION_ID, closure_reason="Erasure", idempotency_key=key
        )

    assert refused.value.permanent and refused.value.status == 400


def test_unknown_reference_is_a_permanent_not_found_asked_once(amazon_pay, amazon_pay_simulator):
    with pytest.raises(AmazonPayNotFound) as missing:
        amazon_pay.charge_permission_get(charge_permission_id="S01-0000000-0000000")

    assert missing.value.permanent is True
    assert missing.value.reason_code == "ResourceNotFound"
    assert "S01-0000000-0000000" not in missing.value.reason
    assert len(amazon_pay_simulator.calls_for("charge_permission_get")) == 1


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.charge_permission_get(charge_permission_id="../buyers/x"), "charge_permission_id"),
        (lambda c: c.charge_get(charge_id=PERMISSION_ID), "charge_id"),
        (lambda c: c.refund_get(refund_id=CHARGE_ID), "refund_id"),
        (
            lambda c: c.charge_permission_close(
                charge_permission_id=PERMISSION_ID, closure_reason="x", idempotency_key="has spaces"
            ),
            "idempotency_key",
        ),
        (
            lambda c: c.charge_permission_close(
                charge_permission_id=PERMISSION_ID, closure_reason="x" * 256, idempotency_key="k1"
            ),
            "closure_reason",
        ),
        (lambda c: c.buyer_get(buyer_token=""), "buyer_token"),
    ],
)
def test_bad_arguments_are_refused_naming_the_field_before_any_call(amazon_pay, amazon_pay_simulator, call, field):
    with pytest.raises(ValueError, match=field):
        call(amazon_pay)

    assert amazon_pay_simulator.calls == []


def test_idempotency_keys_are_stable_per_operation_and_fit_amazons_limit():
    key = amazon_pay_idempotency_key("erase", 42, PERMISSION_ID)

    assert key == amazon_pay_idempotency_key("erase", 42, PERMISSION_ID)
    assert key != amazon_pay_idempotency_key("erase", 43, PERMISSION_ID)
    assert len(key) == 32 and key.isalnum()


def test_client_from_settings_reaches_the_simulator(amazon_pay_settings):
    references_add(amazon_pay_settings)

    with amazon_pay_client_from_settings() as client:
        permission = client.charge_permission_get(charge_permission_id=PERMISSION_ID)

    assert permission.buyer.email == "ada@example.com"


def test_client_from_settings_is_refused_while_amazon_pay_is_switched_off(settings):
    settings.AMAZON_PAY_ENABLED = False

    with pytest.raises(AmazonPayNotConfigured, match="AMAZON_PAY_ENABLED=1"):
        amazon_pay_client_from_settings()


def test_client_from_settings_names_an_unreadable_private_key(amazon_pay_settings, settings, tmp_path):
    settings.AMAZON_PAY_PRIVATE_KEY_PATH = str(tmp_path / "missing.pem")

    with pytest.raises(AmazonPayNotConfigured, match="AMAZON_PAY_PRIVATE_KEY_PATH"):
        amazon_pay_client_from_settings()
