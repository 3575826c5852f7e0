import json
from decimal import Decimal

import pytest

from privacy.sources.magento.amazon_references import amazon_pay_references, charge_permission_id_of
from privacy.sources.magento.models import SalesOrderPayment, SalesPaymentTransaction
from tests.sources.magento.amazon_shop import (
    ADA_BUYER_ID,
    ADA_PERMISSION,
    CANCELED_PERMISSION,
    GUEST_PERMISSION,
    amazon_shop_create,
)

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def test_charge_permissions_come_from_amazon_pay_payments_with_the_orders_buyer(magento_schema):
    shop = amazon_shop_create()

    references = amazon_pay_references()

    permissions = {ref.charge_permission_id: ref for ref in references.charge_permissions}
    assert set(permissions) == {ADA_PERMISSION, GUEST_PERMISSION, CANCELED_PERMISSION}
    ada = permissions[ADA_PERMISSION]
    assert (ada.order_id, ada.buyer_id, ada.email, ada.firstname) == (
        shop["ada_order"].pk,
        ADA_BUYER_ID,
        "ada@example.com",
        "Ada",
    )
    assert ada.shipping_address.street == "12 Analytical Row\nFlat 3"
    assert ada.billing_address.street == "1 Ledger Lane"
    assert (ada.grand_total, ada.currency) == (Decimal("59.90"), "EUR")
    assert ada.created_at.tzinfo is not None
    assert permissions[GUEST_PERMISSION].buyer_id is None


def test_charges_and_refunds_come_from_payment_transactions(magento_schema):
    amazon_shop_create()

    references = amazon_pay_references()

    charges = {ref.charge_id: ref for ref in references.charges}
    assert set(charges) == {
        f"{ADA_PERMISSION}-C056351",
        f"{GUEST_PERMISSION}-C000001",
        f"{CANCELED_PERMISSION}-C000002",
    }
    assert charges[f"{ADA_PERMISSION}-C056351"].captured is True
    assert charges[f"{GUEST_PERMISSION}-C000001"].pending is True
    assert charges[f"{CANCELED_PERMISSION}-C000002"].voided is True
    (refund,) = references.refunds
    assert (refund.refund_id, refund.charge_id, refund.amount) == (
        f"{ADA_PERMISSION}-R022311",
        f"{ADA_PERMISSION}-C056351",
        Decimal("10.00"),
    )


def test_buyers_come_from_amazon_sign_in_links_with_the_customers_details(magento_schema):
    shop = amazon_shop_create()

    (buyer,) = amazon_pay_references().buyers

    assert (buyer.buyer_id, buyer.customer_id, buyer.email) == (ADA_BUYER_ID, shop["ada"].pk, "ada@example.com")
    assert (buyer.postcode, buyer.country_id) == ("NW1 6XE", "GB")


def test_shop_without_amazon_pay_orders_has_no_references(magento_schema):
    references = amazon_pay_references()

    assert references.charge_permissions == references.charges == references.refunds == references.buyers == ()


def test_charge_permission_id_is_the_first_three_segments_of_a_transaction_id():
    assert charge_permission_id_of("S01-5105180-3221187-C056351-capture") == "S01-5105180-3221187"


def test_every_amazon_reference_the_seeder_wrote_is_read_and_nothing_else(seeded_magento):
    payments = SalesOrderPayment.objects.filter(method="amazon_payment_v2").values_list("additional_information")
    transactions = SalesPaymentTransaction.objects.filter(payment__method="amazon_payment_v2")

    references = amazon_pay_references()

    expected_permissions = {json.loads(info).get("charge_permission_id") for (info,) in payments} - {None}
    assert expected_permissions, "the seeded shop has Amazon Pay orders"
    assert {ref.charge_permission_id for ref in references.charge_permissions} == expected_permissions
    assert {ref.charge_id for ref in references.charges} == set(
        transactions.filter(txn_type="authorization", txn_id__regex=r"-C[0-9]{6}$").values_list("txn_id", flat=True)
    )
    assert {ref.refund_id for ref in references.refunds} == set(
        transactions.filter(txn_type="refund").values_list("txn_id", flat=True)
    )
    assert sorted(ref.customer_id for ref in references.buyers) == seeded_magento.amazon_customer_ids
    assert all(ref.charge_permission_id == charge_permission_id_of(ref.charge_id) for ref in references.charges)
