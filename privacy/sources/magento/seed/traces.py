"""Technical traces that still identify a person: visits, reports, security logs, sessions, tokens, links."""

import hashlib
import json

from privacy.sources.magento.seed.context import Customer, SeedContext
from privacy.sources.magento.seed.payments import buyer_id
from privacy.sources.magento.seed.people import DAY, ip_to_int, ip_v4
from privacy.sources.magento.seed.scope import PRODUCTS, StoreView

TRACE_COLUMNS = {
    "customer_visitor": ("visitor_id", "customer_id", "session_id", "created_at", "last_visit_at"),
    "report_event": ("event_id", "logged_at", "event_type_id", "object_id", "subject_id", "subtype", "store_id"),
    "report_viewed_product_index": ("index_id", "visitor_id", "customer_id", "product_id", "store_id", "added_at"),
    "report_compared_product_index": ("index_id", "visitor_id", "customer_id", "product_id", "store_id", "added_at"),
    "password_reset_request_event": ("id", "request_type", "account_reference", "created_at", "ip"),
    "sendfriend_log": ("log_id", "ip", "time", "website_id"),
    "magento_login_as_customer_log": ("log_id", "time", "user_id", "user_name", "customer_id", "customer_email"),
    "persistent_session": ("persistent_id", "key", "customer_id", "website_id", "info", "updated_at"),
    "oauth_token": ("entity_id", "customer_id", "type", "token", "secret", "callback_url", "authorized", "user_type", "created_at"),
    "vault_payment_token": ("entity_id", "customer_id", "public_hash", "payment_method_code", "type", "created_at",
                            "expires_at", "gateway_token", "details", "is_active", "is_visible"),
    "amazon_customer": ("entity_id", "customer_id", "amazon_id"),
}  # fmt: skip
CUSTOMER_SUBJECT, VISITOR_SUBJECT = 0, 1  # report_event.subtype
ADMINS = ((1, "support.lena"), (2, "support.tom"), (3, "admin"))


def _token(ctx: SeedContext, length: int) -> str:
    return "".join(ctx.rng.choices("0123456789abcdefghijklmnopqrstuvwxyz", k=length))


def visitor_add(ctx: SeedContext, store: StoreView, *, customer_id: int | None, since: int, indexed: bool = True) -> None:
    """Write a visit, the events it logged and (for some) the recently-viewed products index."""
    rng, visitor_id = ctx.rng, ctx.next_id("customer_visitor")
    first = ctx.time_between(since, ctx.anchor)
    ctx.add("customer_visitor", (visitor_id, customer_id, None, ctx.sql_time(first), ctx.sql_time(first + rng.randint(60, 3600))))
    subject, subtype = (customer_id, CUSTOMER_SUBJECT) if customer_id else (visitor_id, VISITOR_SUBJECT)
    for product in rng.sample(PRODUCTS, rng.randint(0, 3)):
        ctx.add("report_event", (ctx.next_id("report_event"), ctx.sql_time(first + rng.randint(0, 600)),
                                 rng.choice((1, 1, 1, 4, 5)), product.entity_id, subject, subtype, store.store_id))  # fmt: skip
    if indexed and rng.random() < 0.2:  # the product indexes are unique per (customer or visitor, product)
        key = ("visitor_id", visitor_id, None) if customer_id is None else ("customer_id", None, customer_id)
        table = "report_viewed_product_index" if rng.random() < 0.8 else "report_compared_product_index"
        for product in rng.sample(PRODUCTS, rng.randint(1, 3)):
            ctx.add(table, (ctx.next_id(table), key[1], key[2], product.entity_id, store.store_id, ctx.sql_time(first)))


def customer_traces_add(ctx: SeedContext, customer: Customer, *, amazon_linked: bool) -> None:
    rng, person, store = ctx.rng, customer.person, customer.store
    for visit in range(rng.choices((0, 1, 2), (30, 55, 15))[0]):
        since = max(customer.created, ctx.anchor - 2 * 365 * DAY)
        visitor_add(ctx, store, customer_id=customer.entity_id, since=since, indexed=visit == 0)
    if rng.random() < 0.05:
        ctx.add("password_reset_request_event", (ctx.next_id("password_reset_request_event"), 0, person.email,
                                                 ctx.sql_time(ctx.time_between(customer.created, ctx.anchor)), ip_v4(rng)))  # fmt: skip
    if rng.random() < 0.02:
        ctx.add("sendfriend_log", (ctx.next_id("sendfriend_log"), ip_to_int(ip_v4(rng)),
                                   ctx.time_between(customer.created, ctx.anchor), store.website_id))  # fmt: skip
    if rng.random() < 0.01:
        user_id, user_name = rng.choice(ADMINS)
        ctx.add("magento_login_as_customer_log", (ctx.next_id("magento_login_as_customer_log"),
                                                  ctx.sql_time(ctx.time_between(customer.created, ctx.anchor)), user_id,
                                                  user_name, customer.entity_id, person.email[:40]))  # fmt: skip
    _sessions_add(ctx, customer)
    if amazon_linked:
        ctx.add("amazon_customer", (ctx.next_id("amazon_customer"), customer.entity_id, buyer_id(rng)))


def _sessions_add(ctx: SeedContext, customer: Customer) -> None:
    rng, seen = ctx.rng, ctx.sql_time(ctx.time_between(customer.created, ctx.anchor))
    if rng.random() < 0.05:
        info = json.dumps({"customer_id": customer.entity_id, "website_id": customer.store.website_id})
        ctx.add("persistent_session", (ctx.next_id("persistent_session"), _token(ctx, 50), customer.entity_id,
                                       customer.store.website_id, info, seen))  # fmt: skip
    if rng.random() < 0.02:
        ctx.add("oauth_token", (ctx.next_id("oauth_token"), customer.entity_id, "access", _token(ctx, 32),
                                _token(ctx, 32), "oob", 1, 3, seen))  # fmt: skip
    if rng.random() < 0.04:
        token = _token(ctx, 8)
        details = json.dumps({"type": rng.choice(("VI", "MC")), "maskedCC": f"{rng.randint(0, 9999):04d}",
                              "expirationDate": f"{rng.randint(1, 12):02d}/{rng.randint(2026, 2031)}"})  # fmt: skip
        public_hash = hashlib.sha256(f"{customer.entity_id}:{token}".encode()).hexdigest()
        ctx.add("vault_payment_token", (ctx.next_id("vault_payment_token"), customer.entity_id, public_hash, "braintree",
                                        "card", seen, ctx.sql_time(ctx.anchor), token, details, 1, 1))  # fmt: skip
