"""The inactive-accounts plan: which accounts count as unused, and what closing one deletes or unlinks.

Closing follows the data map: rows of tables whose erasure action is `delete` and that hang off the
customer go; tables that must stay (orders under statutory retention, reviews) only lose the link.
"""

from datetime import datetime

from privacy.sources import datamap
from retention.plans import Hop, Params, Step, Walk, make_step, path_to, sql_time


def inactive_condition(since: datetime) -> tuple[str, Params]:
    """Customers without a log-in, a log-out, an order or an account change since `since`."""
    moment = sql_time(since)
    sql = (
        "customer_entity.created_at < %s AND (customer_entity.updated_at IS NULL OR customer_entity.updated_at < %s) "
        "AND NOT EXISTS (SELECT 1 FROM customer_log l WHERE l.customer_id = customer_entity.entity_id "
        "AND l.customer_id > {after} AND l.customer_id <= {last} AND (l.last_login_at >= %s OR l.last_logout_at >= %s)) "
        "AND NOT EXISTS (SELECT 1 FROM sales_order o WHERE o.customer_id = customer_entity.entity_id "
        "AND o.customer_id > {after} AND o.customer_id <= {last} AND o.created_at >= %s)"
    )
    return sql, (moment,) * 5


def inactive_accounts_walks(*, inactive_since: datetime, warned_before: datetime) -> tuple[Walk, ...]:
    """Warn the inactive accounts not warned yet, then close those warned before warned_before and still inactive."""
    due, params = inactive_condition(inactive_since)
    warn = Walk(driver="customer_entity", pk="entity_id", steps=(), due=due, params=params, source="warn")
    close = Walk(driver="inactivity_notice", pk="id", steps=closure_steps(), due=due, params=params, source="notices")
    return warn, close


def closure_steps() -> tuple[Step, ...]:
    """Delete an account and what the data map deletes with it; cut the link from what must stay (orders).

    Children come first so that joins through a parent still find their rows.
    """
    steps = []
    for table in datamap.TABLES:
        if table.name == "customer_entity":
            continue
        step = _closure_step(table)
        if step is not None:
            steps.append(step)
    steps.sort(key=lambda step: -len(step.path))
    return (*steps, make_step(datamap.table("customer_entity"), (), "delete"))


def _customer_link(table):
    return next((link for link in table.links if isinstance(link, datamap.ByCustomer)), None)


def _closure_step(table) -> Step | None:
    link = _customer_link(table)
    if link is not None:
        path = (Hop(link.column, "customer_entity", "entity_id"),)
        if table.erasure == "delete":
            return Step(table=table.name, pk=table.pk[0], action="delete", path=path, where=link.when)
        return _unlink(table, link.column, path, link.when)
    deleting = table.erasure == "delete"
    for owner in datamap.TABLES:
        owner_link = _customer_link(owner)
        if owner_link is None or owner.name in ("customer_entity", table.name) or (owner.erasure == "delete") != deleting:
            continue
        path = path_to(table, owner.name)
        if not path or (not deleting and owner_link.column not in table.column_map):
            continue
        full = (*path, Hop(owner_link.column, "customer_entity", "entity_id"))
        if deleting:
            return Step(table=table.name, pk=table.pk[0], action="delete", path=full, where=path[0].when)
        return _unlink(table, owner_link.column, full, path[0].when)
    return None


def _unlink(table, column: str, path, where) -> Step:
    mapped = table.column_map.get(column)
    strategy = str(mapped.strategy) if mapped is not None and mapped.strategy in ("null", "zero") else "null"
    return Step(
        table=table.name, pk=table.pk[0], action="anonymize", path=path, strategies=((column, strategy, ()),),
        namespace=table.name, where=where,
    )
