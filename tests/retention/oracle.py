"""What the orders policy must leave behind, computed in Python from a snapshot (the tests' oracle)."""

from django.db import connections

from privacy.sources.strategies import Column, strategy_value
from retention import plans
from retention.schema import table_columns

# Default German periods for a run on 2026-06-15: orders, invoices and credit memos 8 years, shipments 6,
# each counted from the end of the document's calendar year.
CUTOFFS_2026_DE = {
    "order": "2018-01-01 00:00:00",
    "invoice": "2018-01-01 00:00:00",
    "credit_memo": "2018-01-01 00:00:00",
    "shipment": "2020-01-01 00:00:00",
}
DOCUMENTS = {"sales_invoice": "invoice", "sales_creditmemo": "credit_memo", "sales_shipment": "shipment"}


def due_orders(snapshot: dict, cutoffs: dict = CUTOFFS_2026_DE) -> set[int]:
    late = set()
    for table, document_class in DOCUMENTS.items():
        late |= {row["order_id"] for row in snapshot[table].values() if row["created_at"] >= cutoffs[document_class]}
    return {
        row["entity_id"]
        for row in snapshot["sales_order"].values()
        if row["created_at"] < cutoffs["order"] and row["entity_id"] not in late
    }


def order_of(table: str, row: dict, snapshot: dict, gift_owner: dict) -> int | None:
    """Return the order a row of an order table belongs to."""
    if table in ("sales_order", "sales_order_grid"):
        return row["entity_id"]
    if table in ("sales_order_address", "sales_order_status_history", "sales_order_payment"):
        return row["parent_id"]
    if table.endswith("_comment"):
        parent = table.removesuffix("_comment")
        return snapshot[parent][(row["parent_id"],)]["order_id"]
    if table == "gift_message":
        return gift_owner.get(row["gift_message_id"])
    return row.get("order_id")


def expected_after_orders_policy(before: dict, *, key: str, cutoffs: dict = CUTOFFS_2026_DE, using="magento"):
    """Return the snapshot the orders policy must produce (due orders' rows anonymized column by column)
    and the rows it touches, {table: {primary key}}."""
    due = due_orders(before, cutoffs)
    gift_owner = {row["gift_message_id"]: row["entity_id"] for row in before["sales_order"].values() if row["gift_message_id"]}
    steps = {step.table: step for step in plans.order_steps()}
    expected = {table: {pk: dict(row) for pk, row in rows.items()} for table, rows in before.items()}
    touched: dict[str, set] = {}
    for table, step in steps.items():
        for pk, row in expected.get(table, {}).items():
            if order_of(table, row, before, gift_owner) in due:
                anonymize_row(row, table=table, step=step, key=key, using=using, seed=pk[0])
                touched.setdefault(table, set()).add(pk)
    async_step = plans.table_step("amazon_payv2_async")
    for pk, row in expected["amazon_payv2_async"].items():
        if row["created_at"] < cutoffs["order"] and "-" in (row["pending_id"] or ""):
            anonymize_row(row, table="amazon_payv2_async", step=async_step, key=key, using=using, seed=pk[0])
            touched.setdefault("amazon_payv2_async", set()).add(pk)
    return expected, touched


def anonymize_row(row: dict, *, table: str, step, key: str, using: str, seed) -> None:
    live = table_columns(connections[using], table)
    for name, strategy, json_keys in step.strategies:
        if name in live:
            column = Column(**{**live[name].__dict__, "json_keys": json_keys})
            row[name] = strategy_value(strategy, value=row[name], column=column, key=key, seed=seed, namespace=step.namespace)


def without_stamps(snapshot: dict, changed: dict) -> dict:
    """Drop updated_at from the rows a run touched: the database stamps them with the time of the change
    (MariaDB when a value changed, the SQLite schema's trigger on every UPDATE)."""
    return {
        table: {pk: {k: v for k, v in row.items() if not (k == "updated_at" and pk in changed.get(table, ()))} for pk, row in rows.items()}
        for table, rows in snapshot.items()
    }
