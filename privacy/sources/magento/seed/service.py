"""magento_seed: fill an empty Magento database with a realistic, deterministic shop."""

import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connections
from django.utils import timezone

from privacy.sources.magento.router import MAGENTO_ALIAS
from privacy.sources.magento.schema import magento_schema_created_for_load
from privacy.sources.magento.seed.context import Customer, FastRandom, HardCases, SeedContext
from privacy.sources.magento.seed.customers import CUSTOMER_COLUMNS, customer_add
from privacy.sources.magento.seed.documents import DOCUMENT_COLUMNS
from privacy.sources.magento.seed.engagement import ENGAGEMENT_COLUMNS, customer_engagement_add, newsletter_add, quote_add, review_add
from privacy.sources.magento.seed.orders import ORDER_COLUMNS, order_add
from privacy.sources.magento.seed.payments import AMAZON, PAYMENT_COLUMNS
from privacy.sources.magento.seed.people import DAY, namesake_of, person_new, sql_time
from privacy.sources.magento.seed.scope import SCOPE_COLUMNS, STORES, scope_rows
from privacy.sources.magento.seed.traces import TRACE_COLUMNS, customer_traces_add, visitor_add
from privacy.sources.magento.seed.writer import bulk_writer

# Parents before children: the writer flushes tables in this order.
COLUMNS = {**SCOPE_COLUMNS, **CUSTOMER_COLUMNS, **ORDER_COLUMNS, **PAYMENT_COLUMNS, **DOCUMENT_COLUMNS,
           **ENGAGEMENT_COLUMNS, **TRACE_COLUMNS}  # fmt: skip
STORE_WEIGHTS = (20, 30, 15, 25, 10)  # en_GB, de_DE, fr_FR, en_US, ja_JP
HARD_CASE_BLOCK = 1000  # the planted hard cases repeat in every block of this many customers


class MagentoSeedError(Exception):
    """The database cannot be seeded as asked."""


@dataclass
class SeedReport:
    rows: dict[str, int]
    hard_cases: HardCases
    seconds: float
    customers: int = field(init=False)
    orders: int = field(init=False)

    def __post_init__(self):
        self.customers = self.rows.get("customer_entity", 0)
        self.orders = self.rows.get("sales_order", 0)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def magento_seed(*, using: str = MAGENTO_ALIAS, customers: int, orders_per_customer: float = 3.0, guest_ratio: float = 0.25,
                 amazon_pay_ratio: float = 0.3, seed: int = 1, progress: Callable[[int], None] | None = None,
                 now: datetime | None = None, chunk_customers: int = 500, create_schema: bool = False) -> SeedReport:  # fmt: skip
    """Seed `customers` registered customers, their orders and a share of guest orders into an empty shop.

    create_schema=True creates the tables first (refusing a database that has any), on MySQL/MariaDB with their
    secondary keys and foreign keys added only after the load, which builds them by sort.

    The same arguments (and the same day as `now`) always produce byte-identical data. Rows are written in
    bounded chunks, each committed on its own (inside the caller's transaction, if there is one, as
    savepoints); progress(n) is called after each chunk of n customers.
    """
    _validate(customers=customers, orders_per_customer=orders_per_customer, guest_ratio=guest_ratio,
              amazon_pay_ratio=amazon_pay_ratio)  # fmt: skip
    started = time.monotonic()
    anchor = int((now or timezone.now()).timestamp()) // DAY * DAY
    schema = magento_schema_created_for_load(using=using) if create_schema else nullcontext()
    with schema:
        _refuse_a_shop_with_data(using)
        with bulk_writer(using=using, columns=COLUMNS) as writer:
            ctx = SeedContext(rng=FastRandom(seed), writer=writer, anchor=anchor, amazon_pay_ratio=amazon_pay_ratio)
            _shop_add(ctx, customers=customers, chunk_customers=chunk_customers, progress=progress,
                      orders_per_customer=orders_per_customer, guest_ratio=guest_ratio)  # fmt: skip
    return SeedReport(rows=dict(writer.counts), hard_cases=ctx.hard_cases, seconds=time.monotonic() - started)


def _shop_add(ctx: SeedContext, *, customers, chunk_customers, progress, orders_per_customer, guest_ratio) -> None:
    for table, row in scope_rows(created_at=sql_time(ctx.start)):
        ctx.writer.add(table, row)
    ctx.writer.commit_chunk()
    for start in range(0, customers, chunk_customers):
        stop = min(customers, start + chunk_customers)
        _chunk_add(ctx, range(start, stop), orders_per_customer=orders_per_customer, guest_ratio=guest_ratio)
        ctx.writer.commit_chunk()
        if progress:
            progress(stop - start)


def _validate(*, customers, orders_per_customer, guest_ratio, amazon_pay_ratio) -> None:
    if customers < 1:
        raise MagentoSeedError(f"customers={customers}: seed at least 1 customer.")
    if orders_per_customer < 0:
        raise MagentoSeedError(f"orders_per_customer={orders_per_customer}: use 0 or more.")
    if not 0 <= guest_ratio < 1:
        raise MagentoSeedError(f"guest_ratio={guest_ratio}: the share of guest orders must be at least 0 and below 1.")
    if not 0 <= amazon_pay_ratio <= 1:
        raise MagentoSeedError(f"amazon_pay_ratio={amazon_pay_ratio}: the share of Amazon Pay orders must be between 0 and 1.")


def _refuse_a_shop_with_data(using: str) -> None:
    with connections[using].cursor() as cursor:
        for table in ("store", "customer_entity", "sales_order"):
            cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 - fixed table names
            if cursor.fetchone():
                raise MagentoSeedError(
                    f"The database behind {using!r} already has rows in {table}: seeding is only for an empty Magento "
                    "schema (a demo or benchmark database), never for a shop's data."
                )


def _chunk_add(ctx: SeedContext, indexes: range, *, orders_per_customer: float, guest_ratio: float) -> None:
    registered_orders = ctx.last_id("sales_order")
    previous = None
    for index in indexes:
        previous = _customer_with_everything(ctx, index % HARD_CASE_BLOCK, previous, orders_per_customer)
    registered_orders = ctx.last_id("sales_order") - registered_orders
    guest_orders = round(registered_orders * guest_ratio / (1 - guest_ratio)) if registered_orders else 0
    while guest_orders > 0:
        guest_orders -= _guest_with_orders(ctx, limit=guest_orders)


def _random_store(ctx: SeedContext):
    return ctx.rng.choices(STORES, STORE_WEIGHTS)[0]


def _customer_with_everything(ctx: SeedContext, position: int, previous: Customer | None, orders_per_customer: float) -> Customer:
    store = _random_store(ctx)
    created = ctx.time_between(ctx.start, ctx.anchor - DAY)
    if position in (3, 5) and previous:  # namesakes of the customer before: same surname and city
        person = namesake_of(ctx.rng, previous.person, number=ctx.person_number(), anchor=ctx.anchor, same_firstname=position == 5)
        store = previous.store
    else:
        person = person_new(ctx.rng, store.locale, number=ctx.person_number(), anchor=ctx.anchor)
    amazon_linked = position == 7 or ctx.rng.random() < ctx.amazon_pay_ratio * 0.5
    customer = customer_add(ctx, person, store=store, created=created)
    _orders_for(ctx, customer, orders_per_customer, amazon_linked=amazon_linked, open_order=position == 8)
    customer_engagement_add(ctx, customer)
    customer_traces_add(ctx, customer, amazon_linked=amazon_linked)
    _plant_hard_cases(ctx, position, customer, previous)
    return customer


def _orders_for(ctx: SeedContext, customer: Customer, mean: float, *, amazon_linked: bool, open_order: bool) -> None:
    count = round(ctx.rng.expovariate(1 / mean)) if mean else 0
    moments = sorted(ctx.time_between(customer.created, ctx.anchor) for _ in range(count))
    for placed in moments:
        method = AMAZON if amazon_linked and ctx.rng.random() < 0.8 else None
        order_add(ctx, person=customer.person, store=customer.store, placed=placed, customer=customer, method=method)
    if open_order:
        order_add(ctx, person=customer.person, store=customer.store, placed=ctx.anchor - 3 * DAY, customer=customer,
                  state=("processing", "processing"))  # fmt: skip


def _plant_hard_cases(ctx: SeedContext, position: int, customer: Customer, previous: Customer | None) -> None:
    cases, person = ctx.hard_cases, customer.person
    if position == 1:  # the same e-mail address registered on the other website too
        other_store = next(s for s in STORES if s.website_id != customer.store.website_id)
        twin = customer_add(ctx, person, store=other_store, created=ctx.time_between(customer.created, ctx.anchor - DAY))
        order_add(ctx, person=person, store=other_store, placed=ctx.time_between(twin.created, ctx.anchor), customer=twin)
        if cases.shared_email is None:
            cases.shared_email, cases.shared_email_customer_ids = person.email, (customer.entity_id, twin.entity_id)
    if position in (3, 5) and previous and not (cases.namesakes if position == 3 else cases.homonyms):
        pair = (previous.entity_id, customer.entity_id)
        cases.namesakes, cases.homonyms = (pair, cases.homonyms) if position == 3 else (cases.namesakes, pair)
    if position == 6:  # guest orders whose e-mail differs in case or surrounding spaces
        for variant in (person.email.upper(), f"  {person.email.title()} ", f"{person.email} "):
            order_add(ctx, person=person, store=customer.store, placed=ctx.time_between(customer.created, ctx.anchor), email=variant)
            if len(cases.guest_variants) < 3:
                cases.guest_variants.append((customer.entity_id, person.email, variant))
    if position == 7 and cases.amazon_customer_id is None:
        cases.amazon_customer_id = customer.entity_id
    if position == 8 and cases.open_order_customer_id is None:
        cases.open_order_customer_id = customer.entity_id


def _guest_with_orders(ctx: SeedContext, *, limit: int) -> int:
    store = _random_store(ctx)
    person = person_new(ctx.rng, store.locale, number=ctx.person_number(), anchor=ctx.anchor)
    count = min(limit, ctx.rng.choices((1, 2, 3), (80, 15, 5))[0])
    for _ in range(count):
        order_add(ctx, person=person, store=store, placed=ctx.time_between(ctx.start, ctx.anchor))
    since = ctx.anchor - 2 * 365 * DAY
    if ctx.rng.random() < 0.1:
        newsletter_add(ctx, person, store, customer_id=0, since=since)
    if ctx.rng.random() < 0.05:
        review_add(ctx, person, store, customer_id=None, since=since)
    if ctx.rng.random() < 0.1:
        quote_add(ctx, person, store, customer=None)
    if ctx.rng.random() < 0.3:
        visitor_add(ctx, store, customer_id=None, since=since)
    return count
