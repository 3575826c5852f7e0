"""The simulator filled from the shop's Magento database answers with the buyers the shop knows."""

from datetime import timedelta

import pytest

from privacy.sources.amazon_pay import AmazonPayNotFound
from privacy.sources.amazon_pay.simulator.magento import guest_buyer_id, simulator_state_from_magento
from privacy.sources.magento.amazon_references import amazon_pay_references
from tests.sources.amazon_pay.builders import client_for
from tests.sources.magento.amazon_shop import (
    ADA_BUYER_ID,
    ADA_PERMISSION,
    CANCELED_PERMISSION,
    GUEST_PERMISSION,
    amazon_shop_create,
)

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
DAYS_31 = timedelta(days=31)


@pytest.fixture
def shop_simulator(magento_schema, amazon_pay_simulator):
    amazon_shop_create()
    amazon_pay_simulator.state = simulator_state_from_magento()
    return amazon_pay_simulator


def test_get_charge_permission_returns_the_buyer_the_shop_knows(shop_simulator, amazon_pay_keys):
    with client_for(shop_simulator, amazon_pay_keys) as client:
        permission = client.charge_permission_get(charge_permission_id=ADA_PERMISSION)

    assert (permission.buyer.buyer_id, permission.buyer.name, permission.buyer.email) == (
        ADA_BUYER_ID,
        "Ada Lovelace",
        "ada@example.com",
    )
    assert (permission.shipping_address.address_line1, permission.shipping_address.address_line2) == (
        "12 Analytical Row",
        "Flat 3",
    )
    assert permission.merchant_reference_id is not None
    assert permission.merchant_store_name == "Default Store View"
    assert (permission.state, permission.status.reasons) == ("Closed", ("AmazonClosed",))


def test_guest_gets_a_stable_buyer_id_derived_from_the_normalised_email(shop_simulator, amazon_pay_keys):
    with client_for(shop_simulator, amazon_pay_keys) as client:
        permission = client.charge_permission_get(charge_permission_id=GUEST_PERMISSION)
        charge = client.charge_get(charge_id=f"{GUEST_PERMISSION}-C000001")

    assert permission.buyer.buyer_id == guest_buyer_id("grace@example.com", GUEST_PERMISSION)
    assert permission.state == "Chargeable"
    assert charge.state == "AuthorizationInitiated"


def test_canceled_order_shows_a_closed_permission_and_a_canceled_charge(shop_simulator, amazon_pay_keys):
    with client_for(shop_simulator, amazon_pay_keys) as client:
        permission = client.charge_permission_get(charge_permission_id=CANCELED_PERMISSION)
        charge = client.charge_get(charge_id=f"{CANCELED_PERMISSION}-C000002")

    assert (permission.state, charge.state) == ("Closed", "Canceled")


def test_refund_and_charge_of_the_shop_are_consistent(shop_simulator, amazon_pay_keys):
    with client_for(shop_simulator, amazon_pay_keys) as client:
        refund = client.refund_get(refund_id=f"{ADA_PERMISSION}-R022311")
        charge = client.charge_get(charge_id=refund.charge_id)

    assert charge.refunded_amount == refund.refund_amount
    assert charge.state == "Captured"


def test_reference_the_shop_never_had_is_not_found(shop_simulator, amazon_pay_keys):
    with client_for(shop_simulator, amazon_pay_keys) as client, pytest.raises(AmazonPayNotFound):
        client.charge_permission_get(charge_permission_id="S01-9999999-9999999")


def test_seeded_shop_permissions_answer_with_each_orders_buyer(seeded_magento, amazon_pay_simulator, amazon_pay_keys):
    references = amazon_pay_references().charge_permissions
    amazon_pay_simulator.state = simulator_state_from_magento(apply_retention=False)

    with client_for(amazon_pay_simulator, amazon_pay_keys) as client:
        answers = [client.charge_permission_get(charge_permission_id=ref.charge_permission_id) for ref in references]

    assert references
    assert [(a.buyer.email, a.buyer.name) for a in answers] == [
        (ref.email, f"{ref.firstname} {ref.lastname}"[:50]) for ref in references
    ]
    assert [a.merchant_reference_id for a in answers] == [ref.increment_id for ref in references]


def test_seeded_orders_older_than_30_days_show_no_buyer_details(seeded_magento, amazon_pay_simulator, amazon_pay_keys):
    old = [ref for ref in amazon_pay_references().charge_permissions if ref.created_at < seeded_magento.as_of - DAYS_31]
    amazon_pay_simulator.state = simulator_state_from_magento()

    with client_for(amazon_pay_simulator, amazon_pay_keys) as client:
        answers = [client.charge_permission_get(charge_permission_id=ref.charge_permission_id) for ref in old]

    assert old
    assert all(answer.buyer is None and answer.shipping_address is None for answer in answers)
