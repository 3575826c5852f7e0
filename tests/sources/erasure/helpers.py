"""Helpers of the erasure tests: whole-database dumps, and subjects picked from a seeded shop."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections

from privacy.sources.erasure.execute import erasure_plan_prepare

SEEDED_AT = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
FINAL = ("complete", "closed", "canceled")


def database_dump(using: str = "magento") -> dict[str, dict]:
    """Every row of every table, {table: {primary key: row tuple}}, values exactly as the driver returns them."""
    connection = connections[using]
    dump = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith("django_"):
                continue
            primary = connection.introspection.get_primary_key_columns(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            names = [column[0] for column in cursor.description]
            index = [names.index(name) for name in primary] if primary else list(range(len(names)))
            dump[table] = {tuple(row[i] for i in index): (names, tuple(row)) for row in cursor.fetchall()}
    return dump


def cells(dump: dict, table: str, pk) -> dict:
    names, row = dump[table][pk if isinstance(pk, tuple) else (pk,)]
    return dict(zip(names, row))


@dataclass(frozen=True)
class Person:
    customer_id: int
    email: str
    firstname: str
    lastname: str
    streets: tuple[str, ...]
    phones: tuple[str, ...]


def person(customer_id: int, using: str = "magento") -> Person:
    """The customer's account identity, read straight from the shop tables (independent of erasure code)."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT email, firstname, lastname FROM customer_entity WHERE entity_id = %s", [customer_id])
        email, first, last = cursor.fetchone()
        cursor.execute(
            "SELECT street, telephone FROM sales_order_address WHERE customer_id = %s AND firstname = %s AND lastname = %s"
            " UNION SELECT street, telephone FROM customer_address_entity WHERE parent_id = %s AND firstname = %s AND lastname = %s",
            [customer_id, first, last, customer_id, first, last],
        )
        rows = cursor.fetchall()
    streets = tuple(sorted({line for street, _ in rows for line in street.splitlines()}))
    return Person(customer_id, email, first, last, streets, tuple(sorted({phone for _, phone in rows if phone})))


def erasable_customer(*, using: str = "magento", now=SEEDED_AT, min_orders: int = 2, amazon: bool = False, exclude=()) -> int:
    """The first customer with at least min_orders orders, none of them open (so erasure is not blocked)."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT o.customer_id FROM sales_order o JOIN customer_entity c ON c.entity_id = o.customer_id "
            "GROUP BY o.customer_id HAVING COUNT(*) >= %s AND SUM(CASE WHEN o.state IN (%s, %s, %s) THEN 0 ELSE 1 END) = 0 "
            "ORDER BY o.customer_id",
            [min_orders, *FINAL],
        )
        candidates = [row[0] for row in cursor.fetchall()]
    for customer_id in (candidate for candidate in candidates if candidate not in exclude):
        plan = erasure_plan_prepare(identity={"customer_id": customer_id}, now=now, using=using)
        if not plan.blocked and (not amazon or plan.charge_permissions):
            return customer_id
    raise LookupError("the seeded shop has no such customer: seed more customers")
