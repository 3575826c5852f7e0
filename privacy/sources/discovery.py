"""Find a person in the shop database: who they are (`subject_identify`) and every row that is
theirs (`subject_discover`), by walking the data map's links level by level.

The walk is generic: each mapped table is read once per link with one set-based statement per
chunk of keys (customer ids, e-mails, parent keys collected at the level above, Amazon Pay
charge permissions), in the map's resolution order. No table-specific code lives here.
"""

import json
from functools import cache

from django.conf import settings

from privacy.crypto import normalize_email
from privacy.sources import datamap, locator
from privacy.sources.base import Finding, Seed, Subject, SubjectLookupError, charge_permission_of
from privacy.sources.datamap import ByAmazonBuyer, ByCustomer, ByEmail, ByParent, Index, Table
from privacy.sources.magento import finder

MAX_IDENTITY_ROUNDS = 8  # each round follows one more hop (e-mail -> account -> buyer id -> account ...)
AMAZON_BUYER_PREFIX = "amzn1.account."


def subject_identify(
    *,
    email: str | None = None,
    customer_id: int | None = None,
    amazon_buyer_id: str | None = None,
    order_increment_id: str | None = None,
    using: str = "magento",
) -> Subject:
    """Resolve an identity to every e-mail, customer id, Amazon buyer id and order id it stands for.

    An order number identifies a guest only together with the e-mail the order was placed with;
    a mismatch raises SubjectLookupError naming `order_increment_id`.
    """
    seed = _seed(email=email, customer_id=customer_id, amazon_buyer_id=amazon_buyer_id, order_increment_id=order_increment_id)
    ids = {
        ByEmail: {normalize_email(seed.email)} if seed.email else set(),
        ByCustomer: {seed.customer_id} if seed.customer_id else set(),
        ByAmazonBuyer: {seed.amazon_buyer_id} if seed.amazon_buyer_id else set(),
    }
    orders = _guest_order(seed, using=using) if seed.order_increment_id else set()
    ids[ByCustomer] = _identity_closure(ids, using=using)  # only the accounts that exist
    probe = Subject(seed=seed, emails=frozenset(ids[ByEmail]), customer_ids=frozenset(ids[ByCustomer]))
    walk = _Walk(probe, using=using)
    orders |= set(walk.linked_rows(datamap.table("sales_order")))
    return Subject(
        seed=seed,
        emails=frozenset(ids[ByEmail]),
        customer_ids=frozenset(ids[ByCustomer]),
        amazon_buyer_ids=frozenset(ids[ByAmazonBuyer]),
        order_ids=frozenset(orders),
    )


def subject_discover(*, subject: Subject, using: str = "magento") -> list[Finding]:
    """Return every row of every mapped table that belongs to subject, in data-map order."""
    return findings_from_rows(subject_rows(subject=subject, using=using))


def subject_rows(*, subject: Subject, using: str = "magento") -> dict[str, dict]:
    """Return {table: {pk: row}} for the subject; rows hold the mapped and link columns only."""
    present = _present_tables(using, settings.DATABASES[using]["NAME"])
    walk = _Walk(subject, using=using)
    for entry in datamap.resolution_order():
        rows = walk.linked_rows(entry) if entry.name in present else {}
        if entry.name == "sales_order" and subject.order_ids:
            missing = subject.order_ids - rows.keys()
            rows |= _by_pk(entry, finder.rows_in(table=entry.name, column="entity_id", values=missing, select=select_columns(entry.name), using=using))
        walk.found[entry.name] = rows
        walk.charge_permissions |= _charge_permissions(entry, rows.values())
    return walk.found


def findings_from_rows(found: dict[str, dict]) -> list[Finding]:
    findings = []
    for entry in datamap.TABLES:
        for pk, row in sorted(found.get(entry.name, {}).items(), key=lambda item: str(item[0])):
            columns = tuple(column.name for column in entry.columns if row.get(column.name) not in (None, ""))
            findings.append(Finding(table=entry.name, pk=pk, category=entry.category.value, columns=columns))
    return findings


# -- identity ----------------------------------------------------------------------------------


def _seed(*, email, customer_id, amazon_buyer_id, order_increment_id) -> Seed:
    email = (email or "").strip() or None
    if email is not None and "@" not in email:
        raise SubjectLookupError(f"email {email!r} is not an e-mail address: give the full address.", field="email")
    if customer_id is not None and (not isinstance(customer_id, int) or customer_id <= 0):
        raise SubjectLookupError("customer_id must be a positive whole number (Magento's customer entity id).", field="customer_id")
    amazon_buyer_id = (amazon_buyer_id or "").strip() or None
    if amazon_buyer_id is not None and not amazon_buyer_id.startswith(AMAZON_BUYER_PREFIX):
        raise SubjectLookupError(f"amazon_buyer_id must start with {AMAZON_BUYER_PREFIX!r}.", field="amazon_buyer_id")
    order_increment_id = (order_increment_id or "").strip() or None
    if order_increment_id is not None and email is None:
        raise SubjectLookupError("an order number identifies a guest only with the e-mail used for the order: give email too.", field="email")
    if not (email or customer_id or amazon_buyer_id):
        raise SubjectLookupError("give an e-mail, a customer id, an Amazon buyer id, or an order number with its e-mail.", field="email")
    return Seed(email=email, customer_id=customer_id, amazon_buyer_id=amazon_buyer_id, order_increment_id=order_increment_id)


def _guest_order(seed: Seed, *, using: str) -> set[int]:
    orders = finder.increment_id_orders(increment_id=seed.order_increment_id, select=("entity_id", "customer_email"), using=using)
    matching = {row["entity_id"] for row in orders if normalize_email(row["customer_email"] or "") == normalize_email(seed.email)}
    if not matching:
        raise SubjectLookupError("no order with this number was placed with this e-mail address.", field="order_increment_id")
    return matching


def _identity_closure(ids: dict[type, set], *, using: str) -> set[int]:
    """Grow ids through the account tables until no new customer id, e-mail or buyer id appears.

    Each round looks up only the values the previous rounds have not asked about. Returns the
    customer ids of the account rows found.
    """
    tables = [entry for entry in datamap.TABLES if entry.identifies]
    asked: dict[type, set] = {kind: set() for kind in ids}
    accounts: set[int] = set()
    for _ in range(MAX_IDENTITY_ROUNDS):
        new = {kind: values - asked[kind] for kind, values in ids.items()}
        if not any(new.values()):
            break
        for kind, values in new.items():
            asked[kind] |= values
        probe = Subject(seed=Seed(), emails=frozenset(new[ByEmail]), customer_ids=frozenset(new[ByCustomer]),
                        amazon_buyer_ids=frozenset(new[ByAmazonBuyer]))  # fmt: skip
        for entry in tables:
            for row in _Walk(probe, using=using).linked_rows(entry).values():
                for link in entry.links:
                    _harvest(ids, link, row[link.column])
                    if isinstance(link, ByCustomer):
                        accounts.add(row[link.column])
    return accounts


def _harvest(ids: dict[type, set], link, value) -> None:
    if value in (None, ""):
        return
    if isinstance(link, ByEmail):
        email = normalize_email(str(value))
        if "@" in email:
            ids[ByEmail].add(email)
    elif type(link) in ids:
        ids[type(link)].add(value)


# -- the walk ----------------------------------------------------------------------------------


@cache
def select_columns(table_name: str) -> tuple[str, ...]:
    """The columns read for a table: key, mapped, link and filter columns, and keys its children follow."""
    entry = datamap.table(table_name)
    names = [*entry.pk, *(column.name for column in entry.columns)]
    for link in entry.links:
        names += [link.column, *(name for name, _ in getattr(link, "when", ()))]
    names += [source.column for source in entry.charge_permissions]
    for child in datamap.TABLES:
        names += [link.parent_column for link in child.links if isinstance(link, ByParent) and link.parent == table_name]
    return tuple(dict.fromkeys(names))


@cache
def _present_tables(using: str, database_name) -> frozenset[str]:
    """Tables of the map that exist (cached per database: optional tables come with modules)."""
    return frozenset(finder.table_names(using=using)) & frozenset(datamap.BY_NAME)


def _pk(entry: Table, row: dict):
    return row[entry.pk[0]] if len(entry.pk) == 1 else tuple(row[name] for name in entry.pk)


def _by_pk(entry: Table, rows) -> dict:
    return {_pk(entry, row): row for row in rows}


class _Walk:
    """The state of one walk: rows found so far per table, charge permissions seen, the locator view."""

    def __init__(self, subject: Subject, *, using: str):
        self.subject = subject
        self.using = using
        self.found: dict[str, dict] = {}
        self.charge_permissions: set[str] = set()
        self.locator = locator.LocatorReader()

    def linked_rows(self, entry: Table) -> dict:
        rows: dict = {}
        for link in entry.links:
            rows |= _by_pk(entry, self.follow(link, entry))
        return rows

    def follow(self, link, entry: Table) -> list[dict]:
        subject, using, select = self.subject, self.using, select_columns(entry.name)
        if isinstance(link, ByCustomer):
            return _rows_in(entry, link.column, subject.customer_ids, select, link.when, using)
        if isinstance(link, ByAmazonBuyer):
            return _rows_in(entry, link.column, subject.amazon_buyer_ids, select, (), using)
        if isinstance(link, ByParent):
            keys = {row[link.parent_column] for row in self.found.get(link.parent, {}).values()} - {None, 0}
            return _rows_in(entry, link.column, keys, select, link.when, using)
        if isinstance(link, ByEmail) and link.index is not Index.LOCATOR:
            if not subject.emails:
                return []
            return finder.rows_by_email(
                table=entry.name, column=link.column, emails=subject.emails, select=select,
                indexed=link.index is Index.BTREE, when=link.when, using=using,
            )
        keys = set(subject.emails) if isinstance(link, ByEmail) else self.charge_permissions
        spec = locator.locator_spec(table=entry.name, column=link.column)
        return self.locator.rows(spec=spec, keys=keys, select=select, using=using)


def _rows_in(entry: Table, column: str, values, select, when, using: str) -> list[dict]:
    if not values:
        return []
    return finder.rows_in(table=entry.name, column=column, values=values, select=select, when=when, using=using)


def _charge_permissions(entry: Table, rows) -> set[str]:
    found = set()
    for source in entry.charge_permissions:
        for row in rows:
            value = row.get(source.column)
            if source.json_key:
                value = _json_value(value, source.json_key)
            if (permission := charge_permission_of(value)) is not None:
                found.add(permission)
    return found


def _json_value(text, key: str):
    try:
        data = json.loads(text) if text else None
    except (TypeError, ValueError):
        return None
    return data.get(key) if isinstance(data, dict) else None
