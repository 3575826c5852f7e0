"""Orders: the order row, its billing and shipping addresses, items, grid row, status history and gift message."""

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache

from privacy.sources.magento.seed.context import Customer, SeedContext
from privacy.sources.magento.seed.documents import documents_add
from privacy.sources.magento.seed.payments import payment_add, payment_method
from privacy.sources.magento.seed.people import DAY, Address, Person, address_line, address_new, ip_v4
from privacy.sources.magento.seed.scope import PRODUCTS, StoreView

CURRENCY_PER_EUR = {"EUR": 1.0, "GBP": 0.86, "USD": 1.08, "JPY": 160.0}
SHIPPING = ("flatrate_flatrate", "Flat Rate - Fixed"), ("tablerate_bestway", "Best Way - Table Rate"), ("freeshipping_freeshipping", "Free Shipping - Free")
ORDER_COLUMNS = {
    "sales_order": (
        "entity_id", "state", "status", "protect_code", "shipping_description", "is_virtual", "store_id", "customer_id",
        "base_grand_total", "base_shipping_amount", "base_subtotal", "base_tax_amount", "base_to_global_rate",
        "base_to_order_rate", "base_total_invoiced", "base_total_paid", "base_total_refunded", "base_total_canceled",
        "grand_total", "shipping_amount", "subtotal", "tax_amount", "total_invoiced", "total_paid", "total_refunded",
        "total_canceled", "total_qty_ordered", "customer_is_guest", "customer_note_notify", "billing_address_id",
        "customer_group_id", "email_sent", "send_email", "quote_id", "shipping_address_id", "base_total_due", "total_due",
        "weight", "customer_dob", "increment_id", "base_currency_code", "customer_email", "customer_firstname",
        "customer_lastname", "customer_prefix", "customer_taxvat", "global_currency_code", "order_currency_code",
        "remote_ip", "x_forwarded_for", "shipping_method", "store_currency_code", "store_name", "customer_note",
        "created_at", "updated_at", "total_item_count", "customer_gender", "gift_message_id",
    ),
    "sales_order_address": (
        "entity_id", "parent_id", "customer_address_id", "region_id", "customer_id", "region", "postcode", "lastname",
        "street", "city", "email", "telephone", "country_id", "firstname", "address_type", "prefix", "company", "vat_id",
    ),
    "sales_order_item": (
        "item_id", "order_id", "store_id", "created_at", "updated_at", "product_id", "product_type", "product_options",
        "weight", "is_virtual", "sku", "name", "qty_ordered", "qty_invoiced", "qty_shipped", "qty_refunded",
        "qty_canceled", "price", "base_price", "original_price", "tax_percent", "tax_amount", "base_tax_amount",
        "row_total", "base_row_total", "row_invoiced", "base_row_invoiced", "price_incl_tax", "row_total_incl_tax",
        "amount_refunded", "no_discount", "free_shipping",
    ),
    "sales_order_grid": (
        "entity_id", "status", "store_id", "store_name", "customer_id", "base_grand_total", "base_total_paid",
        "grand_total", "total_paid", "increment_id", "base_currency_code", "order_currency_code", "shipping_name",
        "billing_name", "created_at", "updated_at", "billing_address", "shipping_address", "shipping_information",
        "customer_email", "customer_group", "subtotal", "shipping_and_handling", "customer_name", "payment_method",
        "total_refunded",
    ),
    "sales_order_status_history": (
        "entity_id", "parent_id", "is_customer_notified", "is_visible_on_front", "comment", "status", "created_at", "entity_name",
    ),
    "gift_message": ("gift_message_id", "customer_id", "sender", "recipient", "message"),
}  # fmt: skip


@lru_cache(maxsize=1 << 16)
def money(cents: int) -> str:
    return f"{cents / 100:.4f}"


@lru_cache(maxsize=1 << 16)
def base_money(cents: int, rate: float) -> str:
    return f"{cents / rate / 100:.4f}"


@dataclass
class Order:
    entity_id: int
    increment_id: str
    store: StoreView
    person: Person
    customer: Customer | None
    email: str  # as the checkout stored it
    placed: int
    state: str
    status: str
    anchor_age: int
    billing: Address = None
    shipping_address: Address = None
    items: list = field(default_factory=list)  # (product, qty, unit price in minor units)
    subtotal: int = 0
    tax: int = 0
    shipping: int = 0
    grand: int = 0
    method: str = ""
    updated: int = 0
    invoiced_at: int = 0
    address_ids: tuple[int, int] = (0, 0)
    book_ids: tuple[int | None, int | None] = (None, None)  # customer_address_entity ids the addresses came from

    invoiced = property(lambda self: self.state in ("processing", "complete", "closed"))
    shipped = property(lambda self: self.state in ("complete", "closed"))
    refunded = property(lambda self: self.state == "closed")

    def money(self, cents: int) -> str:
        return money(cents)

    def base(self, cents: int) -> str:
        return base_money(cents, self.store.base_to_order_rate)

    @property
    def customer_name(self) -> str:
        return f"{self.person.firstname} {self.person.lastname}"


OLD_STATES = (("complete", "complete"), ("closed", "closed"), ("canceled", "canceled"), ("holded", "holded")), (78, 10, 10, 2)
RECENT_STATES = (("processing", "processing"), ("new", "pending"), ("complete", "complete"), ("canceled", "canceled"),
                 ("closed", "closed")), (35, 15, 40, 5, 5)  # fmt: skip


def _state(ctx: SeedContext, age_days: int) -> tuple[str, str]:
    states, weights = OLD_STATES if age_days > 45 else RECENT_STATES  # orders still open are recent ones
    return ctx.rng.choices(states, weights)[0]


def order_add(ctx: SeedContext, *, person: Person, store: StoreView, placed: int, customer: Customer | None = None,
              email: str | None = None, method: str | None = None, state: tuple[str, str] | None = None) -> Order:  # fmt: skip
    """Write one order with everything Magento keeps about it; guests have customer=None."""
    state, status = state or _state(ctx, (ctx.anchor - placed) // DAY)
    order = Order(ctx.next_id("sales_order"), ctx.increment_id("order", store), store, person, customer,
                  email or person.email, placed, state, status, ctx.anchor - placed)  # fmt: skip
    order.method = method or payment_method(ctx.rng, ctx.amazon_pay_ratio)
    order.updated = min(ctx.anchor, placed + ctx.rng.randint(600, 20 * DAY))
    order.invoiced_at = min(order.updated, placed + ctx.rng.randint(60, 2 * DAY))
    _items_and_totals(ctx, order)
    _order_addresses(ctx, order)
    gift = _gift_message(ctx, order)
    _order_row(ctx, order, gift)
    _addresses_add(ctx, order)
    payment = payment_add(ctx, order, method=order.method)
    _grid_add(ctx, order)
    _history_add(ctx, order, payment)
    documents_add(ctx, order, payment)
    return order


def _items_and_totals(ctx: SeedContext, order: Order) -> None:
    rate = CURRENCY_PER_EUR[order.store.locale.currency]
    minor = 10_000 if order.store.locale.currency == "JPY" else 100  # yen prices end in whole tens of yen
    for product in ctx.rng.sample(PRODUCTS, ctx.rng.choices((1, 2, 3, 4), (55, 28, 12, 5))[0]):
        unit = round(product.price_eur * rate * 100 / minor) * minor
        order.items.append((product, ctx.rng.choices((1, 2, 3), (85, 12, 3))[0], unit))
    order.subtotal = sum(qty * unit for _, qty, unit in order.items)
    order.tax = round(order.subtotal * order.store.locale.tax_percent / 100)
    order.shipping = 0 if order.subtotal > 75 * rate * 100 else round(4.95 * rate) * 100
    order.grand = order.subtotal + order.tax + order.shipping


def _order_addresses(ctx: SeedContext, order: Order) -> None:
    book_id, billing = ctx.rng.choice(order.customer.addresses) if order.customer else (None, order.person.address)
    order.billing, order.shipping_address, order.book_ids = billing, billing, (book_id, book_id)
    if ctx.rng.random() < 0.15:  # sent to someone else: a gift, a neighbour, an office
        locale = order.person.locale
        recipient = ctx.rng.choice(locale.female + locale.male)
        order.shipping_address = address_new(ctx.rng, locale, firstname=recipient, lastname=ctx.rng.choice(locale.surnames), prefix=None)
        order.book_ids = (book_id, None)


def _gift_message(ctx: SeedContext, order: Order) -> int | None:
    if ctx.rng.random() >= 0.05:
        return None
    gift_id = ctx.next_id("gift_message")
    recipient = order.shipping_address.firstname
    message = f"Happy birthday, {recipient}! Love, {order.person.firstname}"
    customer_id = order.customer.entity_id if order.customer else 0
    ctx.add("gift_message", (gift_id, customer_id, order.customer_name, f"{recipient} {order.shipping_address.lastname}", message))
    return gift_id


def _order_row(ctx: SeedContext, order: Order, gift: int | None) -> None:
    person, store, customer = order.person, order.store, order.customer
    billing_id, shipping_id = ctx.next_id("sales_order_address"), ctx.next_id("sales_order_address")
    order.address_ids = (billing_id, shipping_id)
    invoiced = order.grand if order.invoiced else 0
    refunded = order.grand if order.refunded else 0
    canceled = order.grand if order.state == "canceled" else 0
    due = order.grand - invoiced - canceled
    shipping_method, shipping_description = SHIPPING[2] if order.shipping == 0 else ctx.rng.choice(SHIPPING[:2])
    currency = store.locale.currency
    note = f"Please ring twice – {person.firstname}" if ctx.rng.random() < 0.02 else None
    ctx.add("sales_order", (
        order.entity_id, order.state, order.status, hashlib.md5(order.increment_id.encode()).hexdigest()[:6],
        shipping_description, 0, store.store_id, customer.entity_id if customer else None, order.base(order.grand),
        order.base(order.shipping), order.base(order.subtotal), order.base(order.tax), "1.0000",
        f"{store.base_to_order_rate:.4f}", order.base(invoiced), order.base(invoiced), order.base(refunded),
        order.base(canceled), order.money(order.grand), order.money(order.shipping), order.money(order.subtotal),
        order.money(order.tax), order.money(invoiced), order.money(invoiced), order.money(refunded),
        order.money(canceled), f"{sum(qty for _, qty, _ in order.items):.4f}", 0 if customer else 1, 1, billing_id,
        1 if customer else 0, 1, 1, ctx.next_id("quote"), shipping_id, order.base(due), order.money(due),
        f"{sum(p.weight * qty for p, qty, _ in order.items):.4f}",
        f"{person.dob} 00:00:00" if customer and person.dob else None, order.increment_id, store.base_currency,
        order.email, person.firstname, person.lastname, person.prefix if customer else None,
        person.taxvat if customer else None, store.base_currency, currency, ip_v4(ctx.rng),
        ip_v4(ctx.rng) if ctx.rng.random() < 0.1 else None, shipping_method, store.base_currency, store.full_name, note,
        ctx.sql_time(order.placed), ctx.sql_time(order.updated), len(order.items),
        person.gender if customer else None, gift,
    ))  # fmt: skip


def _addresses_add(ctx: SeedContext, order: Order) -> None:
    customer_id = order.customer.entity_id if order.customer else None
    for entity_id, book_id, kind, address in ((order.address_ids[0], order.book_ids[0], "billing", order.billing),
                                              (order.address_ids[1], order.book_ids[1], "shipping", order.shipping_address)):  # fmt: skip
        ctx.add("sales_order_address", (
            entity_id, order.entity_id, book_id, address.region_id, customer_id, address.region,
            address.postcode, address.lastname, address.street, address.city, order.email, address.telephone,
            address.country_id, address.firstname, kind, address.prefix, address.company, address.vat_id,
        ))  # fmt: skip
    stamp = ctx.sql_time(order.placed)
    for product, qty, unit in order.items:
        options = {"info_buyRequest": {"qty": qty, "product": str(product.entity_id)}}
        if product.engravable and ctx.rng.random() < 0.3:
            options["options"] = [{"label": "Engraving", "value": f"For {order.shipping_address.firstname}, with love"}]
        _item_add(ctx, order, product, qty, unit, json.dumps(options), stamp)


def _item_add(ctx: SeedContext, order: Order, product, qty: int, unit: int, options: str, stamp: str) -> None:
    row, tax = qty * unit, round(qty * unit * order.store.locale.tax_percent / 100)
    shipped, refunded = (qty if order.shipped else 0), (qty if order.refunded else 0)
    ctx.add("sales_order_item", (
        ctx.next_id("sales_order_item"), order.entity_id, order.store.store_id, stamp, stamp, product.entity_id, "simple",
        options, f"{product.weight:.4f}", 0, product.sku, product.name, f"{qty:.4f}",
        f"{qty if order.invoiced else 0:.4f}", f"{shipped:.4f}", f"{refunded:.4f}",
        f"{qty if order.state == 'canceled' else 0:.4f}", order.money(unit), order.base(unit), order.money(unit),
        f"{order.store.locale.tax_percent:.4f}", order.money(tax), order.base(tax), order.money(row), order.base(row),
        order.money(row if order.invoiced else 0), order.base(row if order.invoiced else 0),
        order.money(unit + round(tax / qty)), order.money(row + tax), order.money(row + tax if order.refunded else 0), 0, 0,
    ))  # fmt: skip


def _grid_add(ctx: SeedContext, order: Order) -> None:
    billing, shipping = order.billing, order.shipping_address
    paid = order.grand if order.invoiced else 0
    ctx.add("sales_order_grid", (
        order.entity_id, order.status, order.store.store_id, order.store.full_name,
        order.customer.entity_id if order.customer else None, order.base(order.grand), order.base(paid),
        order.money(order.grand), order.money(paid), order.increment_id, order.store.base_currency,
        order.store.locale.currency, f"{shipping.firstname} {shipping.lastname}", f"{billing.firstname} {billing.lastname}",
        ctx.sql_time(order.placed), ctx.sql_time(order.updated), address_line(billing), address_line(shipping),
        "Free Shipping - Free" if order.shipping == 0 else "Flat Rate - Fixed", order.email,
        "1" if order.customer else "0", order.money(order.subtotal), order.money(order.shipping), order.customer_name,
        order.method, order.money(order.grand if order.refunded else 0),
    ))  # fmt: skip


def history_add(ctx: SeedContext, order: Order, comment: str | None, status: str, when: int, *, entity: str = "order",
                notified: int = 0) -> None:  # fmt: skip
    ctx.add("sales_order_status_history", (ctx.next_id("sales_order_status_history"), order.entity_id, notified,
                                           int(notified == 1), comment, status, ctx.sql_time(when), entity))  # fmt: skip


def _history_add(ctx: SeedContext, order: Order, payment) -> None:
    history_add(ctx, order, None, "pending", order.placed, notified=1)
    if payment.charge_id and payment.method == "amazon_payment_v2":
        history_add(ctx, order, f"Authorized amount of {order.money(order.grand)[:-2]} {order.store.locale.currency}. "
                    f'Transaction ID: "{payment.charge_id}"', "processing", order.placed + 5)  # fmt: skip
    if ctx.rng.random() < 0.08:
        history_add(ctx, order, f"Customer {order.customer_name} called: please deliver after 6 pm.", order.status,
                    ctx.time_between(order.placed, order.updated))  # fmt: skip
    if order.state == "canceled":
        reason = "AmazonRejected: the charge was declined by Amazon Pay." if payment.method == "amazon_payment_v2" else "Canceled by the shop."
        history_add(ctx, order, reason, "canceled", order.updated)

