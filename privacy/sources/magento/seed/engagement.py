"""What people leave besides orders: abandoned carts, newsletter sign-ups, reviews, wishlists, stock alerts."""

import json

from privacy.sources.magento.seed.context import Customer, SeedContext
from privacy.sources.magento.seed.payments import AMAZON, session_id
from privacy.sources.magento.seed.people import DAY, Person, ip_to_int, ip_v4
from privacy.sources.magento.seed.scope import PRODUCTS, STORES, StoreView

ENGAGEMENT_COLUMNS = {
    "quote": (
        "entity_id", "store_id", "created_at", "updated_at", "is_active", "items_count", "items_qty", "base_currency_code",
        "store_currency_code", "quote_currency_code", "grand_total", "base_grand_total", "checkout_method", "customer_id",
        "customer_group_id", "customer_email", "customer_prefix", "customer_firstname", "customer_lastname",
        "customer_dob", "customer_is_guest", "remote_ip", "subtotal", "base_subtotal", "is_persistent",
    ),
    "quote_address": (
        "address_id", "quote_id", "created_at", "updated_at", "customer_id", "customer_address_id", "address_type",
        "email", "prefix", "firstname", "lastname", "company", "street", "city", "region", "region_id", "postcode",
        "country_id", "telephone", "same_as_billing", "subtotal", "grand_total", "customer_notes",
    ),
    "quote_payment": ("payment_id", "quote_id", "created_at", "updated_at", "method", "additional_information"),
    "newsletter_subscriber": ("subscriber_id", "store_id", "change_status_at", "customer_id", "subscriber_email",
                              "subscriber_status", "subscriber_confirm_code"),
    "review": ("review_id", "created_at", "entity_id", "entity_pk_value", "status_id"),
    "review_detail": ("detail_id", "review_id", "store_id", "title", "detail", "nickname", "customer_id"),
    "rating_option_vote": ("vote_id", "option_id", "remote_ip", "remote_ip_long", "customer_id", "entity_pk_value",
                           "rating_id", "review_id", "percent", "value"),
    "wishlist": ("wishlist_id", "customer_id", "shared", "sharing_code", "updated_at"),
    "wishlist_item": ("wishlist_item_id", "wishlist_id", "product_id", "store_id", "added_at", "description", "qty"),
    "product_alert_price": ("alert_price_id", "customer_id", "product_id", "price", "website_id", "store_id", "add_date",
                            "last_send_date", "send_count", "status"),
    "product_alert_stock": ("alert_stock_id", "customer_id", "product_id", "website_id", "store_id", "add_date",
                            "send_date", "send_count", "status"),
}  # fmt: skip
SUBSCRIBED, NOT_ACTIVE, UNSUBSCRIBED, UNCONFIRMED = 1, 2, 3, 4
REVIEW_TEXTS = (("Great quality", "Fits perfectly and arrived quickly."), ("Not for me", "The colour differs from the photo."),
                ("Love it", "Bought a second one for my partner."), ("Good value", "Does the job, nothing more."))  # fmt: skip


def customer_engagement_add(ctx: SeedContext, customer: Customer) -> None:
    rng = ctx.rng
    if rng.random() < 0.3:
        newsletter_add(ctx, customer.person, customer.store, customer_id=customer.entity_id, since=customer.created)
        if rng.random() < 0.15:  # subscribed again on another store view of the same website
            others = [s for s in STORES if s.website_id == customer.store.website_id and s != customer.store]
            newsletter_add(ctx, customer.person, rng.choice(others), customer_id=customer.entity_id, since=customer.created)
    if rng.random() < 0.08:
        review_add(ctx, customer.person, customer.store, customer_id=customer.entity_id, since=customer.created)
    if rng.random() < 0.2:
        _wishlist_add(ctx, customer)
    if rng.random() < 0.03:
        _alerts_add(ctx, customer)
    if rng.random() < 0.15:
        quote_add(ctx, customer.person, customer.store, customer=customer)


def newsletter_add(ctx: SeedContext, person: Person, store: StoreView, *, customer_id: int, since: int) -> None:
    status = ctx.rng.choices((SUBSCRIBED, UNSUBSCRIBED, NOT_ACTIVE, UNCONFIRMED), (75, 15, 5, 5))[0]
    code = "".join(ctx.rng.choices("0123456789abcdefghijklmnopqrstuvwxyz", k=32))
    ctx.add("newsletter_subscriber", (ctx.next_id("newsletter_subscriber"), store.store_id,
                                      ctx.sql_time(ctx.time_between(since, ctx.anchor)), customer_id, person.email[:150],
                                      status, code))  # fmt: skip


def review_add(ctx: SeedContext, person: Person, store: StoreView, *, customer_id: int | None, since: int) -> None:
    rng = ctx.rng
    review_id, product = ctx.next_id("review"), rng.choice(PRODUCTS)
    ctx.add("review", (review_id, ctx.sql_time(ctx.time_between(since, ctx.anchor)), 1, product.entity_id, rng.choice((1, 1, 1, 2))))
    title, detail = rng.choice(REVIEW_TEXTS)
    nickname = person.firstname if rng.random() < 0.7 else f"{person.firstname} {person.lastname[0]}."
    ctx.add("review_detail", (ctx.next_id("review_detail"), review_id, store.store_id, title, detail, nickname, customer_id))
    ip = ip_v4(rng)
    for rating_id in (1, 2, 3):
        value = rng.randint(1, 5)
        ctx.add("rating_option_vote", (ctx.next_id("rating_option_vote"), (rating_id - 1) * 5 + value, ip, ip_to_int(ip),
                                       customer_id, product.entity_id, rating_id, review_id, value * 20, value))  # fmt: skip


def _wishlist_add(ctx: SeedContext, customer: Customer) -> None:
    rng, wishlist_id = ctx.rng, ctx.next_id("wishlist")
    updated = ctx.time_between(customer.created, ctx.anchor)
    ctx.add("wishlist", (wishlist_id, customer.entity_id, int(rng.random() < 0.1),
                         "".join(rng.choices("0123456789abcdef", k=32)), ctx.sql_time(updated)))  # fmt: skip
    for product in rng.sample(PRODUCTS, rng.randint(1, 4)):
        note = f"For {rng.choice(customer.person.locale.female)}'s birthday" if rng.random() < 0.2 else None
        ctx.add("wishlist_item", (ctx.next_id("wishlist_item"), wishlist_id, product.entity_id, customer.store.store_id,
                                  ctx.sql_time(updated), note, "1.0000"))  # fmt: skip


def _alerts_add(ctx: SeedContext, customer: Customer) -> None:
    store, product = customer.store, ctx.rng.choice(PRODUCTS)
    added = ctx.sql_time(ctx.time_between(customer.created, ctx.anchor))
    ctx.add("product_alert_price", (ctx.next_id("product_alert_price"), customer.entity_id, product.entity_id,
                                    f"{product.price_eur:.4f}", store.website_id, store.store_id, added, None, 0, 0))  # fmt: skip
    ctx.add("product_alert_stock", (ctx.next_id("product_alert_stock"), customer.entity_id, product.entity_id,
                                    store.website_id, store.store_id, added, None, 0, 0))  # fmt: skip


def quote_add(ctx: SeedContext, person: Person, store: StoreView, *, customer: Customer | None) -> None:
    """Write an abandoned cart (active quote) with its addresses and payment, as checkout leaves it."""
    rng, quote_id = ctx.rng, ctx.next_id("quote")
    stamp = ctx.sql_time(ctx.anchor - rng.randint(DAY // 2, 90 * DAY))
    items = rng.sample(PRODUCTS, rng.randint(1, 3))
    total = f"{sum(p.price_eur for p in items):.4f}"
    customer_id = customer.entity_id if customer else None
    ctx.add("quote", (
        quote_id, store.store_id, stamp, stamp, 1, len(items), f"{len(items):.4f}", store.base_currency,
        store.base_currency, store.locale.currency, total, total, None if customer else "guest", customer_id,
        1 if customer else 0, person.email, person.prefix, person.firstname, person.lastname,
        f"{person.dob} 00:00:00" if customer and person.dob else None, 0 if customer else 1, ip_v4(rng), total, total,
        int(customer is not None and rng.random() < 0.1),
    ))  # fmt: skip
    address = person.address
    for kind in ("billing", "shipping"):
        ctx.add("quote_address", (
            ctx.next_id("quote_address"), quote_id, stamp, stamp, customer_id, None, kind, person.email, address.prefix,
            address.firstname, address.lastname, address.company, address.street, address.city, address.region,
            address.region_id, address.postcode, address.country_id, address.telephone, int(kind == "shipping"), total,
            total, "Leave at the back door" if rng.random() < 0.05 else None,
        ))  # fmt: skip
    method = AMAZON if rng.random() < ctx.amazon_pay_ratio else "checkmo"
    info = {"amazon_session_id": session_id(rng)} if method == AMAZON else {"method_title": "Check / Money order"}
    ctx.add("quote_payment", (ctx.next_id("quote_payment"), quote_id, stamp, stamp, method, json.dumps(info)))
