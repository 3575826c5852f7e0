"""A small Magento shop with Amazon Pay orders, written through the unmanaged models (tests only)."""

import json
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from privacy.sources.magento.models import (
    AmazonCustomer,
    AmazonPayV2Async,
    CustomerAddressEntity,
    CustomerEntity,
    SalesCreditmemo,
    SalesOrder,
    SalesOrderAddress,
    SalesOrderPayment,
    SalesPaymentTransaction,
)

ADA_BUYER_ID = "amzn1.account.AH3X6Q5J2KLM7NPQR8STUV9WXYZ0"
ADA_PERMISSION = "S01-5105180-3221187"
GUEST_PERMISSION = "S01-2000001-2000002"
CANCELED_PERMISSION = "S01-3000001-3000002"


def order_create(*, permission_id, email, first, last, customer=None, state="complete", days_ago=3, method=None):
    order = SalesOrder.objects.create(
        increment_id=f"0000{SalesOrder.objects.count() + 1:05d}",
        state=state,
        customer_id=customer and customer.pk,
        customer_email=email,
        customer_firstname=first,
        customer_lastname=last,
        order_currency_code="EUR",
        grand_total=Decimal("59.9000"),
        store_name="Main Website\nMain Website Store\nDefault Store View",
        created_at=timezone.now() - timedelta(days=days_ago),
    )
    for kind, street in (("shipping", "12 Analytical Row\nFlat 3"), ("billing", "1 Ledger Lane")):
        SalesOrderAddress.objects.create(
            parent=order,
            address_type=kind,
            firstname=first,
            lastname=last,
            street=street,
            city="London",
            postcode="NW1 6XE",
            country_id="GB",
            telephone="+44 20 7946 0000",
            email=email,
        )
    information = {"method_title": "Amazon Pay", "amazon_session_id": "9a3ef5a6-0d1c-4a63-9e55-1f0f9a6c52c1"}
    if permission_id:
        information["charge_permission_id"] = permission_id
    payment = SalesOrderPayment.objects.create(
        parent=order, method=method or "amazon_payment_v2", additional_information=json.dumps(information)
    )
    return order, payment


def transaction_add(order, payment, txn_id, txn_type, parent_txn_id=None):
    SalesPaymentTransaction.objects.create(
        order=order,
        payment=payment,
        txn_id=txn_id,
        txn_type=txn_type,
        parent_txn_id=parent_txn_id,
        created_at=order.created_at,
    )


def amazon_shop_create() -> dict:
    """Ada (signed in with Amazon: captured, partly refunded), a guest (authorized, async pending),
    a canceled order, a check/money-order order and an Amazon checkout that never completed."""
    ada = CustomerEntity.objects.create(email="ada@example.com", firstname="Ada", lastname="Lovelace")
    billing = CustomerAddressEntity.objects.create(
        parent_id=ada.pk,
        city="London",
        country_id="GB",
        firstname="Ada",
        lastname="Lovelace",
        street="1 Ledger Lane",
        telephone="+44 20 7946 0000",
        postcode="NW1 6XE",
    )
    CustomerEntity.objects.filter(pk=ada.pk).update(default_billing=billing.pk)
    AmazonCustomer.objects.create(customer=ada, amazon_id=ADA_BUYER_ID)

    order, payment = order_create(
        permission_id=ADA_PERMISSION, email="ada@example.com", first="Ada", last="Lovelace", customer=ada
    )
    charge = f"{ADA_PERMISSION}-C056351"
    transaction_add(order, payment, charge, "authorization")
    transaction_add(order, payment, f"{charge}-capture", "capture", parent_txn_id=charge)
    transaction_add(order, payment, f"{ADA_PERMISSION}-R022311", "refund", parent_txn_id=f"{charge}-capture")
    SalesCreditmemo.objects.create(
        order=order, grand_total=Decimal("10.0000"), transaction_id=f"{ADA_PERMISSION}-R022311"
    )

    guest, guest_payment = order_create(
        permission_id=GUEST_PERMISSION, email=" Grace@Example.com", first="Grace", last="Hopper", state="processing"
    )
    transaction_add(guest, guest_payment, f"{GUEST_PERMISSION}-C000001", "authorization")
    AmazonPayV2Async.objects.create(pending_action="authorization", pending_id=f"{GUEST_PERMISSION}-C000001")

    canceled, canceled_payment = order_create(
        permission_id=CANCELED_PERMISSION, email="alan@example.com", first="Alan", last="Turing", state="canceled"
    )
    transaction_add(canceled, canceled_payment, f"{CANCELED_PERMISSION}-C000002", "authorization")
    transaction_add(canceled, canceled_payment, f"{CANCELED_PERMISSION}-void", "void")

    order_create(permission_id=None, email="eve@example.com", first="Eve", last="Smith", method="checkmo")
    order_create(permission_id=None, email="mallory@example.com", first="Mallory", last="Jones")
    return {"ada": ada, "ada_order": order, "guest_order": guest}
