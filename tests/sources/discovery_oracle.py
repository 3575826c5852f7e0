"""Ground truth for discovery tests, computed another way: dump every mapped table whole and
decide ownership row by row in Python, repeating until nothing changes.

No SQL filtering, no index tricks, no locator, no resolution order: only the data map's link
semantics applied to complete table contents.
"""

import json
from contextlib import contextmanager
from datetime import UTC, datetime

from django.db import connections, transaction

from privacy.crypto import normalize_email
from privacy.sources import datamap
from privacy.sources.base import charge_permission_of
from privacy.sources.datamap import ByAmazonBuyer, ByChargePermission, ByCustomer, ByEmail, ByParent
from privacy.sources.magento.seed import magento_seed

SEED_NOW = datetime(2026, 6, 1, tzinfo=UTC)


@contextmanager
def seeded_shop(*, seed: int, customers: int = 14, orders_per_customer: float = 2.0, using: str = "magento", now=SEED_NOW):
    """Seed a small shop for the block and roll it back afterwards (also between hypothesis examples)."""
    with transaction.atomic(using=using), transaction.atomic(using="default"):
        report = magento_seed(using=using, customers=customers, orders_per_customer=orders_per_customer, seed=seed, now=now)
        yield report
        transaction.set_rollback(True, using="default")
        transaction.set_rollback(True, using=using)


def dump(*, using: str = "magento") -> dict[str, list[dict]]:
    tables = {}
    with connections[using].cursor() as cursor:
        for entry in datamap.linked_tables():
            cursor.execute(f"SELECT * FROM {connections[using].ops.quote_name(entry.name)}")  # noqa: S608
            names = [column[0] for column in cursor.description]
            tables[entry.name] = [dict(zip(names, row)) for row in cursor.fetchall()]
    return tables


def pk_of(entry, row):
    return row[entry.pk[0]] if len(entry.pk) == 1 else tuple(row[name] for name in entry.pk)


def _email(value):
    return normalize_email(str(value)) if value not in (None, "") else None


def persons(tables: dict[str, list[dict]]) -> set[str]:
    """Every distinct person the shop knows, by normalized e-mail of accounts and orders."""
    found = {_email(row["email"]) for row in tables["customer_entity"]}
    found |= {_email(row["customer_email"]) for row in tables["sales_order"]}
    return found - {None}


def identity(tables, *, emails=(), customer_ids=(), buyer_ids=()):
    emails, customers, buyers = set(emails), set(customer_ids), set(buyer_ids)
    while True:
        before = (len(emails), len(customers), len(buyers))
        for row in tables["customer_entity"]:
            if row["entity_id"] in customers or _email(row["email"]) in emails:
                customers.add(row["entity_id"])
                emails.add(_email(row["email"]))
        for row in tables["amazon_customer"]:
            if row["customer_id"] in customers or row["amazon_id"] in buyers:
                customers.add(row["customer_id"])
                buyers.add(row["amazon_id"])
        if (len(emails), len(customers), len(buyers)) == before:
            return emails - {None}, customers, buyers


def owned_rows(tables, *, emails, customer_ids, buyer_ids) -> dict[str, set]:
    owned = {entry.name: set() for entry in datamap.linked_tables()}
    while True:
        before = sum(len(keys) for keys in owned.values())
        permissions = _permissions(tables, owned)
        for entry in datamap.linked_tables():
            for row in tables[entry.name]:
                if any(_matches(link, row, tables, owned, emails, customer_ids, buyer_ids, permissions) for link in entry.links):
                    owned[entry.name].add(pk_of(entry, row))
        if sum(len(keys) for keys in owned.values()) == before:
            return owned


def _matches(link, row, tables, owned, emails, customers, buyers, permissions) -> bool:
    if not all(row[name] == value for name, value in getattr(link, "when", ())):
        return False
    value = row[link.column]
    if isinstance(link, ByCustomer):
        return value in customers
    if isinstance(link, ByEmail):
        return _email(value) in emails
    if isinstance(link, ByAmazonBuyer):
        return value in buyers
    if isinstance(link, ByChargePermission):
        return charge_permission_of(value) in permissions
    assert isinstance(link, ByParent)
    parent = datamap.table(link.parent)
    keys = {row2[link.parent_column] for row2 in tables[link.parent] if pk_of(parent, row2) in owned[link.parent]}
    return value not in (None, 0) and value in keys


def _permissions(tables, owned) -> set[str]:
    found = set()
    for entry in datamap.linked_tables():
        for source in entry.charge_permissions:
            for row in tables[entry.name]:
                if pk_of(entry, row) in owned[entry.name]:
                    value = row[source.column]
                    if source.json_key and value:
                        value = json.loads(value).get(source.json_key)
                    if charge_permission_of(value):
                        found.add(charge_permission_of(value))
    return found


def truth_for_email(tables, email: str) -> dict[str, set]:
    emails, customers, buyers = identity(tables, emails={normalize_email(email)})
    return owned_rows(tables, emails=emails, customer_ids=customers, buyer_ids=buyers)


def by_table(findings) -> dict[str, set]:
    result = {entry.name: set() for entry in datamap.linked_tables()}
    for finding in findings:
        result[finding.table].add(finding.pk)
    return result
