"""Order payments and gateway transactions, with Amazon Pay references where the real plugin stores them."""

import json
import string
import uuid
from dataclasses import dataclass
from random import Random

from privacy.sources.magento.seed.context import SeedContext

AMAZON = "amazon_payment_v2"
OTHER_METHODS = (("braintree", "Credit Card (Braintree)", 50), ("checkmo", "Check / Money order", 20),
                 ("banktransfer", "Bank Transfer Payment", 15), ("cashondelivery", "Cash On Delivery", 15))  # fmt: skip
METHOD_CODES, METHOD_WEIGHTS = tuple(m[0] for m in OTHER_METHODS), tuple(m[2] for m in OTHER_METHODS)
METHOD_TITLES = {AMAZON: "Amazon Pay", **{code: title for code, title, _ in OTHER_METHODS}}

PAYMENT_COLUMNS = {
    "sales_order_payment": (
        "entity_id", "parent_id", "base_amount_ordered", "amount_ordered", "base_amount_authorized", "amount_authorized",
        "base_amount_paid", "amount_paid", "base_amount_refunded", "amount_refunded", "base_amount_canceled",
        "amount_canceled", "base_shipping_amount", "shipping_amount", "method", "last_trans_id", "cc_type", "cc_last_4",
        "cc_exp_month", "cc_exp_year", "cc_trans_id", "additional_information",
    ),
    "sales_payment_transaction": (
        "transaction_id", "parent_id", "order_id", "payment_id", "txn_id", "parent_txn_id", "txn_type", "is_closed",
        "created_at",
    ),
    "amazon_payv2_async": ("entity_id", "order_id", "is_pending", "pending_action", "pending_id", "created_at", "updated_at"),
}  # fmt: skip


@dataclass
class Payment:
    entity_id: int
    method: str
    charge_permission_id: str | None = None
    charge_id: str | None = None
    capture_txn: int | None = None  # sales_payment_transaction id of the capture
    transaction_id: str | None = None  # what the invoice records


def buyer_id(rng: Random) -> str:
    return "amzn1.account." + "".join(rng.choices(string.ascii_uppercase + string.digits, k=28))


def charge_permission_id(rng: Random, order_id: int) -> str:
    # The second block is a bijection of the order id (3000017 is coprime with 10**7): unique, random-looking.
    return f"S01-{rng.randint(1_000_000, 9_999_999)}-{(order_id * 3_000_017 + 4_711) % 10**7:07d}"


def session_id(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def payment_method(rng: Random, amazon_pay_ratio: float) -> str:
    if rng.random() < amazon_pay_ratio:
        return AMAZON
    return rng.choices(METHOD_CODES, METHOD_WEIGHTS)[0]


def payment_add(ctx: SeedContext, order, *, method: str) -> Payment:
    """Write the order's payment row and its gateway transactions; return what the documents need."""
    rng, payment = ctx.rng, Payment(ctx.next_id("sales_order_payment"), method)
    info = {"method_title": METHOD_TITLES[method]}
    card = (None,) * 4
    if method == AMAZON:
        payment.charge_permission_id = charge_permission_id(rng, order.entity_id)
        payment.charge_id = f"{payment.charge_permission_id}-C{rng.randint(0, 999_999):06d}"
        info = {"method_title": "Amazon Pay", "amazon_session_id": session_id(rng), "charge_permission_id": payment.charge_permission_id}
    elif method == "braintree":
        payment.charge_id = "".join(rng.choices(string.ascii_lowercase + string.digits, k=8))
        card = (rng.choice(("VI", "MC", "AE")), f"{rng.randint(0, 9999):04d}", str(rng.randint(1, 12)), str(rng.randint(2014, 2032)))
        info["cc_type"] = card[0]
    paid, refunded = (order.grand if order.invoiced else 0), (order.grand if order.refunded else 0)
    canceled = order.grand if order.state == "canceled" else 0
    ctx.add("sales_order_payment", (
        payment.entity_id, order.entity_id, order.base(order.grand), order.money(order.grand),
        order.base(order.grand) if method == AMAZON else None, order.money(order.grand) if method == AMAZON else None,
        order.base(paid), order.money(paid), order.base(refunded), order.money(refunded), order.base(canceled),
        order.money(canceled), order.base(order.shipping), order.money(order.shipping), method, payment.charge_id,
        *card, payment.charge_id if method == "braintree" else None, json.dumps(info),
    ))  # fmt: skip
    if payment.charge_id:
        _transactions_add(ctx, order, payment)
    return payment


def _transaction(ctx: SeedContext, order, payment: Payment, parent: int | None, txn_id: str, parent_txn: str | None,
                 kind: str, closed: int, when: int) -> int:  # fmt: skip
    transaction_id = ctx.next_id("sales_payment_transaction")
    ctx.add("sales_payment_transaction", (
        transaction_id, parent, order.entity_id, payment.entity_id, txn_id, parent_txn, kind, closed, ctx.sql_time(when),
    ))  # fmt: skip
    return transaction_id


def _transactions_add(ctx: SeedContext, order, payment: Payment) -> None:
    amazon = payment.method == AMAZON
    auth = None
    if amazon:
        auth = _transaction(ctx, order, payment, None, payment.charge_id, None, "authorization",
                            int(order.state != "new"), order.placed)  # fmt: skip
        if order.state == "new" and ctx.rng.random() < 0.5:
            _async_add(ctx, None, "authorization", payment.charge_id, order.placed, pending=True)
    if order.state == "canceled" and amazon:
        _transaction(ctx, order, payment, auth, f"{payment.charge_permission_id}-void", payment.charge_id, "void", 1, order.updated)
    if order.invoiced:
        capture_txn = f"{payment.charge_id}-capture" if amazon else payment.charge_id
        payment.capture_txn = _transaction(ctx, order, payment, auth, capture_txn, payment.charge_id if amazon else None,
                                           "capture", int(order.refunded), order.invoiced_at)  # fmt: skip
        payment.transaction_id = payment.charge_id


def refund_add(ctx: SeedContext, order, payment: Payment, *, when: int) -> str | None:
    """Write the refund transaction (and Amazon's async refund row); return the refund id for the credit memo."""
    if not payment.capture_txn:
        return None
    if payment.method == AMAZON:
        refund_id = f"{payment.charge_permission_id}-R{ctx.rng.randint(0, 999_999):06d}"
        pending = order.anchor_age < 3 * 86_400 and ctx.rng.random() < 0.5
        _async_add(ctx, order.entity_id, "refund", refund_id, when, pending=pending)
    else:
        refund_id = "".join(ctx.rng.choices(string.ascii_lowercase + string.digits, k=8))
    _transaction(ctx, order, payment, payment.capture_txn, refund_id, payment.charge_id + ("-capture" if payment.method == AMAZON else ""),
                 "refund", 1, when)  # fmt: skip
    return refund_id


def _async_add(ctx: SeedContext, order_id: int | None, action: str, pending_id: str, when: int, *, pending: bool) -> None:
    done = None if pending else ctx.sql_time(when + ctx.rng.randint(60, 1800))
    ctx.add("amazon_payv2_async", (ctx.next_id("amazon_payv2_async"), order_id, int(pending), action, pending_id,
                                   ctx.sql_time(when), done or ctx.sql_time(when)))  # fmt: skip
