"""Invoices, shipments (with tracking) and credit memos, their grid rows and their comments."""

from privacy.sources.magento.seed.context import SeedContext
from privacy.sources.magento.seed.payments import refund_add
from privacy.sources.magento.seed.people import DAY, address_line, fill_digits

DOCUMENT_COLUMNS = {
    "sales_invoice": (
        "entity_id", "store_id", "base_grand_total", "tax_amount", "base_tax_amount", "store_to_order_rate",
        "base_to_order_rate", "grand_total", "shipping_amount", "base_shipping_amount", "total_qty", "subtotal",
        "base_subtotal", "billing_address_id", "order_id", "email_sent", "send_email", "state", "shipping_address_id",
        "store_currency_code", "transaction_id", "order_currency_code", "base_currency_code", "global_currency_code",
        "increment_id", "created_at", "updated_at",
    ),
    "sales_invoice_grid": (
        "entity_id", "increment_id", "state", "store_id", "store_name", "order_id", "order_increment_id",
        "order_created_at", "customer_name", "customer_email", "customer_group_id", "payment_method",
        "store_currency_code", "order_currency_code", "base_currency_code", "global_currency_code", "billing_name",
        "billing_address", "shipping_address", "shipping_information", "subtotal", "shipping_and_handling",
        "grand_total", "created_at", "updated_at", "base_grand_total",
    ),
    "sales_invoice_comment": ("entity_id", "parent_id", "is_customer_notified", "is_visible_on_front", "comment", "created_at", "updated_at"),
    "sales_shipment": (
        "entity_id", "store_id", "total_weight", "total_qty", "email_sent", "send_email", "order_id", "customer_id",
        "shipping_address_id", "billing_address_id", "increment_id", "created_at", "updated_at",
    ),
    "sales_shipment_grid": (
        "entity_id", "increment_id", "store_id", "order_increment_id", "order_id", "order_created_at", "customer_name",
        "total_qty", "order_status", "billing_address", "shipping_address", "billing_name", "shipping_name",
        "customer_email", "customer_group_id", "payment_method", "shipping_information", "created_at", "updated_at",
    ),
    "sales_shipment_track": (
        "entity_id", "parent_id", "weight", "qty", "order_id", "track_number", "title", "carrier_code", "created_at", "updated_at",
    ),
    "sales_shipment_comment": ("entity_id", "parent_id", "is_customer_notified", "is_visible_on_front", "comment", "created_at", "updated_at"),
    "sales_creditmemo": (
        "entity_id", "store_id", "adjustment_positive", "adjustment_negative", "base_to_order_rate", "grand_total",
        "base_grand_total", "shipping_amount", "base_shipping_amount", "subtotal", "base_subtotal", "tax_amount",
        "base_tax_amount", "order_id", "email_sent", "send_email", "state", "shipping_address_id", "billing_address_id",
        "invoice_id", "store_currency_code", "order_currency_code", "base_currency_code", "global_currency_code",
        "transaction_id", "increment_id", "created_at", "updated_at",
    ),
    "sales_creditmemo_grid": (
        "entity_id", "increment_id", "created_at", "updated_at", "order_id", "order_increment_id", "order_created_at",
        "billing_name", "state", "base_grand_total", "order_status", "store_id", "billing_address", "shipping_address",
        "customer_name", "customer_email", "customer_group_id", "payment_method", "shipping_information", "subtotal",
        "shipping_and_handling", "adjustment_positive", "adjustment_negative", "order_base_grand_total",
    ),
    "sales_creditmemo_comment": ("entity_id", "parent_id", "is_customer_notified", "is_visible_on_front", "comment", "created_at", "updated_at"),
}  # fmt: skip
CARRIERS = (("dhl", "DHL", "00340434######"), ("ups", "United Parcel Service", "1Z999AA1########"),
            ("fedex", "Federal Express", "7489########"), ("usps", "United States Postal Service", "9400 1000 0000 0000 ####"))  # fmt: skip
PAID, REFUNDED = 2, 2  # invoice and credit memo state codes


def documents_add(ctx: SeedContext, order, payment) -> None:
    """Write the documents the order's state implies: invoice, shipment, credit memo."""
    invoice_id = _invoice_add(ctx, order, payment) if order.invoiced else None
    if order.shipped and (order.state != "closed" or ctx.rng.random() < 0.8):
        _shipment_add(ctx, order)
    if order.refunded:
        _creditmemo_add(ctx, order, payment, invoice_id)


def _common_grid(order):
    billing, shipping = order.billing, order.shipping_address
    return (f"{billing.firstname} {billing.lastname}", address_line(billing), address_line(shipping),
            "Free Shipping - Free" if order.shipping == 0 else "Flat Rate - Fixed")  # fmt: skip


def _comment(ctx: SeedContext, table: str, parent_id: int, text: str, when: int) -> None:
    stamp = ctx.sql_time(when)
    notified = int(ctx.rng.random() < 0.5)
    ctx.add(table, (ctx.next_id(table), parent_id, notified, notified, text, stamp, stamp))


def _invoice_add(ctx: SeedContext, order, payment) -> int:
    invoice_id, increment = ctx.next_id("sales_invoice"), ctx.increment_id("invoice", order.store)
    store, when = order.store, ctx.sql_time(order.invoiced_at)
    billing_name, billing_address, shipping_address, shipping_info = _common_grid(order)
    qty = sum(q for _, q, _ in order.items)
    ctx.add("sales_invoice", (
        invoice_id, store.store_id, order.base(order.grand), order.money(order.tax), order.base(order.tax), "0.0000",
        f"{store.base_to_order_rate:.4f}", order.money(order.grand), order.money(order.shipping),
        order.base(order.shipping), f"{qty:.4f}", order.money(order.subtotal), order.base(order.subtotal),
        order.address_ids[0], order.entity_id, 1, 1, PAID, order.address_ids[1], store.base_currency,
        payment.transaction_id, store.locale.currency, store.base_currency, store.base_currency, increment, when, when,
    ))  # fmt: skip
    ctx.add("sales_invoice_grid", (
        invoice_id, increment, PAID, store.store_id, store.full_name, order.entity_id, order.increment_id,
        ctx.sql_time(order.placed), order.customer_name, order.email, 1 if order.customer else 0, order.method,
        store.base_currency, store.locale.currency, store.base_currency, store.base_currency, billing_name,
        billing_address, shipping_address, shipping_info, order.money(order.subtotal), order.money(order.shipping),
        order.money(order.grand), when, when, order.base(order.grand),
    ))  # fmt: skip
    if ctx.rng.random() < 0.1:
        _comment(ctx, "sales_invoice_comment", invoice_id, f"Invoice sent to {order.customer_name} by e-mail.", order.invoiced_at)
    return invoice_id


def _shipment_add(ctx: SeedContext, order) -> None:
    shipment_id, increment = ctx.next_id("sales_shipment"), ctx.increment_id("shipment", order.store)
    shipped_at = min(ctx.anchor, order.invoiced_at + ctx.rng.randint(3600, 4 * DAY))
    when = ctx.sql_time(shipped_at)
    billing_name, billing_address, shipping_address, shipping_info = _common_grid(order)
    qty = sum(q for _, q, _ in order.items)
    weight = sum(p.weight * q for p, q, _ in order.items)
    customer_id = order.customer.entity_id if order.customer else None
    ctx.add("sales_shipment", (
        shipment_id, order.store.store_id, f"{weight:.4f}", f"{qty:.4f}", 1, 1, order.entity_id, customer_id,
        order.address_ids[1], order.address_ids[0], increment, when, when,
    ))  # fmt: skip
    ship = order.shipping_address
    ctx.add("sales_shipment_grid", (
        shipment_id, increment, order.store.store_id, order.increment_id, order.entity_id, ctx.sql_time(order.placed),
        order.customer_name[:128], f"{qty:.4f}", order.status, billing_address, shipping_address, billing_name[:128],
        f"{ship.firstname} {ship.lastname}"[:128], order.email[:128], 1 if order.customer else 0, order.method[:32],
        shipping_info, when, when,
    ))  # fmt: skip
    code, title, pattern = ctx.rng.choice(CARRIERS)
    ctx.add("sales_shipment_track", (ctx.next_id("sales_shipment_track"), shipment_id, f"{weight:.4f}", f"{qty:.4f}",
                                     order.entity_id, fill_digits(ctx.rng, pattern), title, code, when, when))  # fmt: skip
    if ctx.rng.random() < 0.15:
        text = f"Parcel left with the neighbour, as {order.customer_name} asked."
        _comment(ctx, "sales_shipment_comment", shipment_id, text, shipped_at)


def _creditmemo_add(ctx: SeedContext, order, payment, invoice_id: int | None) -> None:
    memo_id, increment = ctx.next_id("sales_creditmemo"), ctx.increment_id("creditmemo", order.store)
    refunded_at = order.updated
    when, store = ctx.sql_time(refunded_at), order.store
    refund_id = refund_add(ctx, order, payment, when=refunded_at)
    billing_name, billing_address, shipping_address, shipping_info = _common_grid(order)
    ctx.add("sales_creditmemo", (
        memo_id, store.store_id, "0.0000", "0.0000", f"{store.base_to_order_rate:.4f}", order.money(order.grand),
        order.base(order.grand), order.money(order.shipping), order.base(order.shipping), order.money(order.subtotal),
        order.base(order.subtotal), order.money(order.tax), order.base(order.tax), order.entity_id, 1, 1, REFUNDED,
        order.address_ids[1], order.address_ids[0], invoice_id, store.base_currency, store.locale.currency,
        store.base_currency, store.base_currency, refund_id, increment, when, when,
    ))  # fmt: skip
    ctx.add("sales_creditmemo_grid", (
        memo_id, increment, when, when, order.entity_id, order.increment_id, ctx.sql_time(order.placed), billing_name,
        REFUNDED, order.base(order.grand), order.status, store.store_id, billing_address, shipping_address,
        order.customer_name[:128], order.email[:128], 1 if order.customer else 0, order.method[:32], shipping_info,
        order.money(order.subtotal), order.money(order.shipping), "0.0000", "0.0000", order.base(order.grand),
    ))  # fmt: skip
    if ctx.rng.random() < 0.4:
        text = f"Refund after return; {order.customer_name} was informed by phone."
        _comment(ctx, "sales_creditmemo_comment", memo_id, text, refunded_at)
