"""Registered customers: the account, its addresses, EAV values and the row the customer_grid indexer writes."""

import hashlib
from dataclasses import replace

from privacy.sources.magento.seed.context import Customer, SeedContext
from privacy.sources.magento.seed.people import DAY, Address, Person, address_new, fill_digits, sql_time
from privacy.sources.magento.seed.scope import EAV_ATTRIBUTE_IDS, StoreView

CUSTOMER_COLUMNS = {
    "customer_entity": (
        "entity_id", "website_id", "email", "group_id", "store_id", "created_at", "updated_at", "is_active", "created_in",
        "prefix", "firstname", "lastname", "dob", "password_hash", "rp_token", "rp_token_created_at", "default_billing",
        "default_shipping", "taxvat", "gender", "failures_num", "first_failure", "lock_expires",
    ),
    "customer_address_entity": (
        "entity_id", "parent_id", "created_at", "updated_at", "is_active", "city", "company", "country_id", "firstname",
        "lastname", "postcode", "prefix", "region", "region_id", "street", "telephone", "vat_id",
    ),
    **{f"{entity}_{kind}": ("value_id", "attribute_id", "entity_id", "value")
       for entity in ("customer_entity", "customer_address_entity") for kind in ("varchar", "datetime", "int", "text", "decimal")},
    "customer_grid_flat": (
        "entity_id", "name", "email", "group_id", "created_at", "website_id", "confirmation", "created_in", "dob", "gender",
        "taxvat", "lock_expires", "shipping_full", "billing_full", "billing_firstname", "billing_lastname",
        "billing_telephone", "billing_postcode", "billing_country_id", "billing_region", "billing_region_id",
        "billing_street", "billing_city", "billing_fax", "billing_vat_id", "billing_company",
    ),
    "customer_log": ("log_id", "customer_id", "last_login_at", "last_logout_at"),
}  # fmt: skip
GENERAL_GROUP = 1


def customer_add(ctx: SeedContext, person: Person, *, store: StoreView, created: int) -> Customer:
    """Write one registered account with its addresses, custom attributes, grid row and login log."""
    customer = Customer(ctx.next_id("customer_entity"), person, store, created, [])
    for index in range(ctx.rng.choices((1, 2, 3), (70, 25, 5))[0]):
        address = person.address if index == 0 else _other_address(ctx, person)
        customer.addresses.append((_address_add(ctx, customer, address), address))
    _entity_add(ctx, customer)
    _eav_add(ctx, customer)
    _grid_add(ctx, customer)
    if ctx.rng.random() < 0.9:
        login = ctx.time_between(created, ctx.anchor)
        ctx.add("customer_log", (ctx.next_id("customer_log"), customer.entity_id, ctx.sql_time(login),
                                 ctx.sql_time(login + ctx.rng.randint(60, 7200)) if ctx.rng.random() < 0.6 else None))  # fmt: skip
    return customer


def _other_address(ctx: SeedContext, person: Person) -> Address:
    address = address_new(ctx.rng, person.locale, firstname=person.firstname, lastname=person.lastname, prefix=person.prefix)
    if ctx.rng.random() < 0.3:  # a partner's or a workplace address, still in the customer's address book
        other = ctx.rng.choice(person.locale.female + person.locale.male)
        address = replace(address, firstname=other, prefix=None)
    return address


def _entity_add(ctx: SeedContext, customer: Customer) -> None:
    person, rng = customer.person, ctx.rng
    billing = customer.addresses[0][0]
    shipping = customer.addresses[-1][0] if rng.random() < 0.3 else billing
    salt = hashlib.sha256(f"{customer.entity_id}:{rng.random()}".encode()).hexdigest()[:32]
    password_hash = hashlib.sha256(salt.encode() + person.email.encode()).hexdigest() + f":{salt}:3_32_2_67108864"
    reset = rng.random() < 0.03
    locked = rng.random() < 0.01
    customer.default_shipping = shipping
    customer.lock_expires = sql_time(ctx.anchor + 3600) if locked else None
    ctx.add("customer_entity", (
        customer.entity_id, customer.store.website_id, person.email, GENERAL_GROUP, customer.store.store_id,
        ctx.sql_time(customer.created), ctx.sql_time(ctx.time_between(customer.created, ctx.anchor)), 1,
        customer.store.name, person.prefix, person.firstname, person.lastname, person.dob, password_hash,
        hashlib.md5(salt.encode()).hexdigest() if reset else None, ctx.sql_time(ctx.anchor - DAY) if reset else None,
        billing, shipping, person.taxvat, person.gender, 3 if locked else 0,
        ctx.sql_time(ctx.anchor - 3600) if locked else None, customer.lock_expires,
    ))  # fmt: skip


def _address_add(ctx: SeedContext, customer: Customer, address: Address) -> int:
    entity_id = ctx.next_id("customer_address_entity")
    stamp = ctx.sql_time(ctx.time_between(customer.created, ctx.anchor))
    ctx.add("customer_address_entity", (
        entity_id, customer.entity_id, stamp, stamp, 1, address.city, address.company, address.country_id,
        address.firstname, address.lastname, address.postcode, address.prefix, address.region, address.region_id,
        address.street, address.telephone, address.vat_id,
    ))  # fmt: skip
    return entity_id


def _eav_add(ctx: SeedContext, customer: Customer) -> None:
    rng, person = ctx.rng, customer.person
    values = {
        "varchar": (0.3, lambda: fill_digits(rng, "LC-####-####")),
        "datetime": (0.4, lambda: ctx.sql_time(ctx.time_between(customer.created, ctx.anchor))),
        "int": (0.2, lambda: rng.choice((1, 2, 3))),
        "text": (0.05, lambda: f"Please call before delivery. {person.firstname} {person.lastname}, {person.address.telephone}"),
        "decimal": (0.03, lambda: f"{rng.choice((250, 500, 1000))}.0000"),
    }
    for kind, (share, value) in values.items():
        if rng.random() < share:
            _eav_value(ctx, f"customer_entity_{kind}", (1, kind), customer.entity_id, value())
    address_values = {
        "varchar": (0.1, lambda: fill_digits(rng, "####")),
        "datetime": (0.3, lambda: ctx.sql_time(ctx.time_between(customer.created, ctx.anchor))),
        "int": (0.1, lambda: rng.randint(0, 12)),
        "text": (0.08, lambda: f"If nobody answers, leave it with {rng.choice(person.locale.surnames)} next door."),
        "decimal": (0.02, lambda: "4.9500"),
    }
    for address_id, _ in customer.addresses:
        for kind, (share, value) in address_values.items():
            if rng.random() < share:
                _eav_value(ctx, f"customer_address_entity_{kind}", (2, kind), address_id, value())


def _eav_value(ctx: SeedContext, table: str, attribute: tuple[int, str], entity_id: int, value) -> None:
    ctx.add(table, (ctx.next_id(table), EAV_ATTRIBUTE_IDS[attribute], entity_id, value))


def _full_address(address: Address) -> str:
    # The indexer's ShippingAddressHandler / BillingAddressHandler: CONCAT_WS(' ', street, city, region, postcode)
    return " ".join(part for part in (address.street, address.city, address.region, address.postcode) if part)


def _grid_add(ctx: SeedContext, customer: Customer) -> None:
    person = customer.person
    by_id = dict(customer.addresses)
    billing = customer.addresses[0][1]
    shipping = by_id[customer.default_shipping]
    name = " ".join(part for part in (person.prefix, person.firstname, person.lastname) if part)
    ctx.add("customer_grid_flat", (
        customer.entity_id, name, person.email, GENERAL_GROUP, ctx.sql_time(customer.created), customer.store.website_id,
        None, customer.store.name, person.dob, person.gender, person.taxvat, customer.lock_expires, _full_address(shipping),
        _full_address(billing), billing.firstname, billing.lastname, billing.telephone, billing.postcode,
        billing.country_id, billing.region, billing.region_id, billing.street, billing.city, None, billing.vat_id,
        billing.company,
    ))  # fmt: skip
