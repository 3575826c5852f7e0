"""Read the Amazon Pay references a Magento shop holds, with what the shop knows of each buyer.

Read-only raw SQL on the Magento connection. Where the ids live (Amazon Pay CV2 plugin 5.x):
- chargePermissionId: `sales_order_payment.additional_information` JSON key `charge_permission_id`
  (payment method `amazon_payment_v2`);
- chargeId / refundId: `sales_payment_transaction.txn_id` (txn_type authorization / refund), a
  capture row `<chargeId>-capture`, a void row `<chargePermissionId>-void`;
- buyerId: `amazon_customer.amazon_id`, for customers who signed in with Amazon.
Used by the Amazon Pay simulator to answer like Amazon would for this shop's orders.
"""

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.db import connections
from django.utils.dateparse import parse_datetime

from privacy.sources.magento.router import MAGENTO_ALIAS

AMAZON_PAY_METHOD = "amazon_payment_v2"
CHARGE_ID = re.compile(r"^[A-Z0-9]{3}-[0-9]{7}-[0-9]{7}-C[0-9]{6}$")
REFUND_ID = re.compile(r"^[A-Z0-9]{3}-[0-9]{7}-[0-9]{7}-R[0-9]{6}$")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ShopAddress:
    firstname: str | None
    lastname: str | None
    street: str | None
    city: str | None
    region: str | None
    postcode: str | None
    country_id: str | None
    telephone: str | None


@dataclass(frozen=True)
class ChargePermissionReference:
    charge_permission_id: str
    order_id: int
    increment_id: str | None
    state: str | None  # the Magento order state
    customer_id: int | None
    buyer_id: str | None  # amazon_customer.amazon_id when the order's customer is linked
    email: str | None
    firstname: str | None
    lastname: str | None
    shipping_address: ShopAddress | None
    billing_address: ShopAddress | None
    currency: str | None
    grand_total: Decimal | None
    store_name: str | None
    created_at: datetime


@dataclass(frozen=True)
class ChargeReference:
    charge_id: str
    charge_permission_id: str
    order_id: int
    amount: Decimal | None
    currency: str | None
    captured: bool
    voided: bool
    pending: bool  # amazon_payv2_async still waits for Amazon's answer
    created_at: datetime


@dataclass(frozen=True)
class RefundReference:
    refund_id: str
    charge_id: str | None  # the authorization of the same order, when the shop has one
    charge_permission_id: str
    order_id: int
    amount: Decimal | None
    currency: str | None
    pending: bool  # amazon_payv2_async still waits for Amazon's answer
    created_at: datetime


@dataclass(frozen=True)
class BuyerReference:
    buyer_id: str
    customer_id: int
    email: str | None
    firstname: str | None
    lastname: str | None
    postcode: str | None
    country_id: str | None
    telephone: str | None


@dataclass(frozen=True)
class AmazonReferences:
    charge_permissions: tuple[ChargePermissionReference, ...]
    charges: tuple[ChargeReference, ...]
    refunds: tuple[RefundReference, ...]
    buyers: tuple[BuyerReference, ...]


ADDRESS_COLUMNS = ("firstname", "lastname", "street", "city", "region", "postcode", "country_id", "telephone")
PAYMENTS_SQL = f"""
SELECT p.additional_information, o.entity_id, o.increment_id, o.state, o.customer_id, ac.amazon_id,
       o.customer_email, o.customer_firstname, o.customer_lastname, o.order_currency_code, o.grand_total,
       o.store_name, o.created_at,
       {", ".join(f"s.{column}" for column in ADDRESS_COLUMNS)},
       {", ".join(f"b.{column}" for column in ADDRESS_COLUMNS)}
FROM sales_order_payment p
JOIN sales_order o ON o.entity_id = p.parent_id
LEFT JOIN amazon_customer ac ON ac.customer_id = o.customer_id
LEFT JOIN sales_order_address s ON s.parent_id = o.entity_id AND s.address_type = 'shipping'
LEFT JOIN sales_order_address b ON b.parent_id = o.entity_id AND b.address_type = 'billing'
WHERE p.method = %s
ORDER BY o.entity_id
"""
TRANSACTIONS_SQL = """
SELECT t.txn_id, t.txn_type, t.order_id, t.created_at, o.order_currency_code, o.grand_total,
       c.grand_total, a.is_pending
FROM sales_payment_transaction t
JOIN sales_order_payment p ON p.entity_id = t.payment_id
JOIN sales_order o ON o.entity_id = t.order_id
LEFT JOIN sales_creditmemo c ON c.order_id = t.order_id AND c.transaction_id = t.txn_id
LEFT JOIN amazon_payv2_async a ON a.pending_id = t.txn_id AND a.pending_action = t.txn_type
WHERE p.method = %s AND t.txn_type IN ('authorization', 'capture', 'refund', 'void')
ORDER BY t.transaction_id
"""
BUYERS_SQL = """
SELECT ac.amazon_id, ac.customer_id, c.email, c.firstname, c.lastname, a.postcode, a.country_id, a.telephone
FROM amazon_customer ac
JOIN customer_entity c ON c.entity_id = ac.customer_id
LEFT JOIN customer_address_entity a ON a.entity_id = c.default_billing
ORDER BY ac.entity_id
"""


def amazon_pay_references(*, using: str = MAGENTO_ALIAS) -> AmazonReferences:
    """Return every Amazon Pay reference of the shop (orders paid with Amazon Pay, sign-in links)."""
    with connections[using].cursor() as cursor:
        cursor.execute(PAYMENTS_SQL, [AMAZON_PAY_METHOD])
        permissions = tuple(filter(None, map(_charge_permission, cursor.fetchall())))
        cursor.execute(TRANSACTIONS_SQL, [AMAZON_PAY_METHOD])
        transactions = cursor.fetchall()
        cursor.execute(BUYERS_SQL)
        buyers = tuple(BuyerReference(*row) for row in cursor.fetchall())
    charges = _charges(transactions)
    return AmazonReferences(permissions, charges, _refunds(transactions, charges), buyers)


def charge_permission_id_of(transaction_id: str) -> str:
    """Keep the first three dash-separated segments, as the plugin does (chargeId -> chargePermissionId)."""
    return "-".join(transaction_id.split("-")[:3])


def _charge_permission(row) -> ChargePermissionReference | None:
    information, order_id, increment_id, state, customer_id, buyer_id, email, first, last = row[:9]
    currency, total, store_name, created_at = row[9:13]
    try:
        charge_permission_id = json.loads(information or "{}").get("charge_permission_id")
    except (ValueError, AttributeError):
        return None  # an unreadable payment row is not a reference
    if not charge_permission_id:
        return None  # checkout never completed: Amazon issued no charge permission
    shipping, billing = _address(row[13:21]), _address(row[21:29])
    return ChargePermissionReference(
        charge_permission_id,
        order_id,
        increment_id,
        state,
        customer_id,
        buyer_id,
        email,
        first,
        last,
        shipping,
        billing,
        currency,
        _money(total),
        store_name,
        _utc(created_at),
    )


def _charges(transactions) -> tuple[ChargeReference, ...]:
    kinds = {(txn_id, txn_type) for txn_id, txn_type, *_ in transactions}
    return tuple(
        ChargeReference(
            charge_id=txn_id,
            charge_permission_id=charge_permission_id_of(txn_id),
            order_id=order_id,
            amount=_money(order_total),
            currency=currency,
            captured=(f"{txn_id}-capture", "capture") in kinds,
            voided=(f"{charge_permission_id_of(txn_id)}-void", "void") in kinds,
            pending=bool(pending),
            created_at=_utc(created_at),
        )
        for txn_id, txn_type, order_id, created_at, currency, order_total, _, pending in transactions
        if txn_type == "authorization" and CHARGE_ID.match(txn_id or "")
    )


def _refunds(transactions, charges) -> tuple[RefundReference, ...]:
    charge_of_order = {}
    for charge in charges:
        charge_of_order.setdefault(charge.order_id, charge.charge_id)
    return tuple(
        RefundReference(
            refund_id=txn_id,
            charge_id=charge_of_order.get(order_id),
            charge_permission_id=charge_permission_id_of(txn_id),
            order_id=order_id,
            amount=_money(memo_total if memo_total is not None else order_total),
            currency=currency,
            pending=bool(pending),
            created_at=_utc(created_at),
        )
        for txn_id, txn_type, order_id, created_at, currency, order_total, memo_total, pending in transactions
        if txn_type == "refund" and REFUND_ID.match(txn_id or "")
    )


def _address(values) -> ShopAddress | None:
    return ShopAddress(*values) if any(values) else None


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(CENT)


def _utc(value) -> datetime:
    """Magento stores UTC without a zone; SQLite may hand back text."""
    moment = parse_datetime(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
