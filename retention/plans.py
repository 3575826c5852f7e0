"""What each policy plan touches: the tables it walks, the rows that are due, and what happens to them.

Which tables hang off an order or a cart, and which strategy anonymizes each column, come
from the data map (privacy.sources.datamap); this module only adds the age rules.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _

from privacy.sources import datamap
from privacy.sources.strategies import ANONYMIZED_DOMAIN, PLACEHOLDER
from retention.models import Plan

Params = tuple


@dataclass(frozen=True)
class Hop:
    """One link up the tree: `column` of the current table equals `key` of `table`.

    `when` is the data map's condition on the current table's row (e.g. report_event.subtype = 0);
    only a step's first hop may have one, and it becomes the step's `where`.
    """

    column: str
    table: str
    key: str
    when: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Step:
    """One table changed in every batch; path leads from it up to the walk's driver (empty: the driver)."""

    table: str
    pk: str
    action: str  # "anonymize" | "delete"
    path: tuple[Hop, ...] = ()
    strategies: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (column, strategy, json keys)
    namespace: str = ""
    where: tuple[tuple[str, object], ...] = ()  # extra column = value conditions on the step's own table


@dataclass(frozen=True)
class Walk:
    """A driver table walked by primary-key ranges; `due` selects the driver rows the policy applies to."""

    driver: str
    pk: str
    steps: tuple[Step, ...]
    due: str = "1 = 1"
    params: Params = ()
    source: str = "table"  # table: SQL steps; holds / notices: driven by app rows; warn: e-mails

    def due_between(self, *, after: int, last: int) -> str:
        """Return `due` for the driver keys in (after, last]: its {after} and {last} fields bound its subqueries."""
        return self.due.format(after=int(after), last=int(last))


class PlanError(Exception):
    """A plan names a table the data map does not know."""


def sql_time(moment: datetime) -> str:
    """Return moment as the UTC 'YYYY-MM-DD HH:MM:SS' text both databases compare timestamps with."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


# -- data map ---------------------------------------------------------------------------------


def _strategies(table) -> tuple:
    return tuple(
        (column.name, str(column.strategy), tuple(column.json_keys)) for column in table.columns if column.strategy != "keep"
    )


def path_to(table, root: str) -> tuple[Hop, ...] | None:
    """Return the ByParent hops from table up to root, or None when table does not hang off root."""
    hops, current, seen = [], table, set()
    while current.name != root:
        links = [link for link in current.links if isinstance(link, datamap.ByParent) and link.parent not in seen]
        link = next((link for link in links if link.parent == root), links[0] if links else None)
        if link is None or link.parent not in datamap.BY_NAME:
            return None
        if hops and link.when:
            raise PlanError(f"{current.name}: a conditional link below {table.name} is not supported; link it directly.")
        seen.add(current.name)
        hops.append(Hop(column=link.column, table=link.parent, key=link.parent_column, when=link.when))
        current = datamap.table(link.parent)
    return tuple(hops)


def _namespace(table, path: tuple[Hop, ...]) -> str:
    # A one-to-one copy keyed by its parent's id (an admin grid row) gets its parent's e-mail seed.
    if len(path) == 1 and (path[0].column,) == tuple(table.pk) and path[0].key == datamap.table(path[0].table).pk[0]:
        return path[0].table
    return table.name


def family(root: str, *, action: str, include=lambda table: True) -> tuple[Step, ...]:
    """Return the steps for root and every mapped table hanging off it, deepest first, root last."""
    steps = []
    for table in datamap.TABLES:
        if table.name == root or not include(table) or len(table.pk) != 1:
            continue
        path = path_to(table, root)
        if path:
            steps.append(make_step(table, path, action))
    steps.sort(key=lambda step: -len(step.path))
    return (*steps, make_step(datamap.table(root), (), action))


def table_step(name: str, *, action: str = "anonymize") -> Step:
    if name not in datamap.BY_NAME:
        raise PlanError(f"table {name!r} is not in the data map: add it to privacy/sources/datamap before holding it.")
    return make_step(datamap.table(name), (), action)


def make_step(table, path, action) -> Step:
    return Step(
        table=table.name,
        pk=table.pk[0],
        action=action,
        path=path,
        strategies=_strategies(table) if action == "anonymize" else (),
        namespace=_namespace(table, path),
        where=path[0].when if path else (),
    )


# -- plans --------------------------------------------------------------------------------------

DOCUMENT_TABLES = {"invoice": "sales_invoice", "credit_memo": "sales_creditmemo", "shipment": "sales_shipment"}
ANONYMIZED_EMAIL = f"%@{ANONYMIZED_DOMAIN}"


def order_steps() -> tuple[Step, ...]:
    """The order and every table the data map keeps with it under statutory retention, deepest first."""
    return family("sales_order", action="anonymize", include=lambda table: table.retention.rule == "statutory")


def orders_walks(cutoffs: dict[str, datetime]) -> tuple[Walk, ...]:
    """Orders whose own date and every invoice, credit memo and shipment date are past their periods.

    Orders already anonymized (e-mail on the reserved domain and name placeholder) are skipped,
    so a daily run only touches the orders that became due since the last one.
    """
    conditions = ["sales_order.created_at < %s"]
    params = [sql_time(cutoffs["order"])]
    for document_class, table in DOCUMENT_TABLES.items():
        # The batch's key range on d.order_id keeps MariaDB from materializing the whole document table per batch.
        conditions.append(
            f"NOT EXISTS (SELECT 1 FROM {table} d WHERE d.order_id = sales_order.entity_id "
            "AND d.order_id > {after} AND d.order_id <= {last} AND d.created_at >= %s)"
        )
        params.append(sql_time(cutoffs[document_class]))
    conditions.append(
        "NOT (sales_order.customer_email LIKE %s AND "
        "(sales_order.customer_lastname IS NULL OR sales_order.customer_lastname = %s))"
    )
    params += [ANONYMIZED_EMAIL, PLACEHOLDER]
    orders = Walk(
        driver="sales_order",
        pk="entity_id",
        steps=order_steps(),
        due=" AND ".join(conditions),
        params=tuple(params),
    )
    # Amazon Pay's queue rows have no order id for authorizations: each is due by its own date.
    # Amazon ids always contain dashes, pseudonyms never do.
    amazon = Walk(
        driver="amazon_payv2_async",
        pk="entity_id",
        steps=(table_step("amazon_payv2_async"),),
        due="created_at < %s AND pending_id LIKE %s",
        params=(sql_time(cutoffs["order"]), "%-%"),
    )
    return orders, amazon


def quotes_walk(cutoff: datetime, *, guests: bool) -> Walk:
    children = family("quote", action="delete", include=lambda table: table.name.startswith("quote_"))
    mask = Step(table="quote_id_mask", pk="entity_id", action="delete", path=(Hop("quote_id", "quote", "entity_id"),))
    who = "(customer_id IS NULL OR customer_id = 0)" if guests else "customer_id > 0"
    return Walk(
        driver="quote",
        pk="entity_id",
        steps=(mask, *children),
        due=f"updated_at < %s AND {who}",
        params=(sql_time(cutoff),),
    )


@dataclass(frozen=True)
class Purge:
    """A log table whose rows are deleted once `age` (the columns `due` compares) is past the limit."""

    table: str
    pk: str
    due: str
    age: str  # the columns in words, for the age rule
    unix_time: bool = False


PURGES = {
    Plan.CUSTOMER_VISITOR: Purge("customer_visitor", "visitor_id", "last_visit_at < %s", "last_visit_at"),
    Plan.CUSTOMER_LOG: Purge(
        "customer_log",
        "log_id",
        "(last_login_at IS NULL OR last_login_at < %s) AND (last_logout_at IS NULL OR last_logout_at < %s)",
        _("last_login_at and last_logout_at"),
    ),
    Plan.REPORT_EVENT: Purge("report_event", "event_id", "logged_at < %s", "logged_at"),
    Plan.PASSWORD_RESET_EVENTS: Purge("password_reset_request_event", "id", "created_at < %s", "created_at"),
    Plan.SENDFRIEND_LOG: Purge("sendfriend_log", "log_id", "time < %s", _("time, Unix seconds"), unix_time=True),
    Plan.LOGIN_AS_CUSTOMER_LOG: Purge("magento_login_as_customer_log", "log_id", "time < %s", "time"),
}


def purge_walk(plan: str, cutoff: datetime) -> Walk:
    purge = PURGES[plan]
    limit = int(cutoff.timestamp()) if purge.unix_time else sql_time(cutoff)
    step = Step(table=purge.table, pk=purge.pk, action="delete")
    return Walk(driver=purge.table, pk=purge.pk, steps=(step,), due=purge.due, params=(limit,) * purge.due.count("%s"))


def holds_walk() -> Walk:
    """Rows whose erasure hold ended: each is anonymized with its own table's strategies."""
    return Walk(driver="retention_hold", pk="id", steps=(), source="holds")
