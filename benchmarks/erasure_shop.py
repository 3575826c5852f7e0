"""Build and refill the MariaDB shop the erasure benchmark runs on (`bench_erasure`).

`bench_erasure_build` copies every table of `bench_magento` (never changing it) and, when that shop
is smaller than the target, grows it by whole copies of its customers with everything that hangs
off them: ids shifted by a fixed stride per copy, e-mail addresses, document numbers, Amazon buyer
ids and charge permission ids made unique per copy. Tables without a customer (stores, catalogue,
ratings) are copied once; small activity tables (reviews, wishlists, visits) stay at their size.

`subject_with_orders` turns finished guest orders into one registered customer's orders, which is
how the benchmark gets subjects with exactly N orders and their documents.
"""

from django.db import connections

STRIDE = 10_000_000
IDS = "ids"
EMAILS = "emails"
NUMBERS = "numbers"
AMAZON = "amazon"
NAMES = "names"
# table -> {rule: columns}; "ids" are shifted by k * STRIDE (when > 0), the others made unique per copy (a
# surname gets the copy's letter, so a copy is a namesake, never the same person at the same address).
GROWN = {
    "customer_entity": {IDS: ("entity_id", "default_billing", "default_shipping"), EMAILS: ("email",), NAMES: ("lastname",)},
    "customer_address_entity": {IDS: ("entity_id", "parent_id"), NAMES: ("lastname",)},
    **{f"customer_entity_{kind}": {IDS: ("value_id", "entity_id")} for kind in ("varchar", "datetime", "int", "text", "decimal")},
    **{f"customer_address_entity_{kind}": {IDS: ("value_id", "entity_id")}
       for kind in ("varchar", "datetime", "int", "text", "decimal")},  # fmt: skip
    "customer_grid_flat": {IDS: ("entity_id",), EMAILS: ("email",), NAMES: ("name", "billing_lastname")},
    "customer_log": {IDS: ("log_id", "customer_id")},
    "amazon_customer": {IDS: ("entity_id", "customer_id"), AMAZON: ("amazon_id",)},
    "sales_order": {IDS: ("entity_id", "customer_id", "quote_id", "billing_address_id", "shipping_address_id", "gift_message_id"),
                    EMAILS: ("customer_email",), NUMBERS: ("increment_id",), NAMES: ("customer_lastname",)},  # fmt: skip
    "sales_order_address": {IDS: ("entity_id", "parent_id", "customer_id", "customer_address_id"), EMAILS: ("email",),
                            NAMES: ("lastname",)},  # fmt: skip
    "sales_order_grid": {IDS: ("entity_id", "customer_id"), EMAILS: ("customer_email",), NUMBERS: ("increment_id",),
                         NAMES: ("customer_name", "billing_name", "shipping_name")},  # fmt: skip
    "sales_order_item": {IDS: ("item_id", "order_id", "parent_item_id")},
    "sales_order_payment": {IDS: ("entity_id", "parent_id"), AMAZON: ("last_trans_id", "additional_information")},
    "sales_payment_transaction": {IDS: ("transaction_id", "parent_id", "order_id", "payment_id"), AMAZON: ("txn_id", "parent_txn_id")},
    "sales_order_status_history": {IDS: ("entity_id", "parent_id"), AMAZON: ("comment",)},
    "sales_invoice": {IDS: ("entity_id", "order_id", "billing_address_id", "shipping_address_id"), NUMBERS: ("increment_id",),
                      AMAZON: ("transaction_id",)},  # fmt: skip
    "sales_invoice_grid": {IDS: ("entity_id", "order_id"), EMAILS: ("customer_email",), NUMBERS: ("increment_id", "order_increment_id"),
                           NAMES: ("customer_name", "billing_name")},  # fmt: skip
    "sales_invoice_comment": {IDS: ("entity_id", "parent_id")},
    "sales_shipment": {IDS: ("entity_id", "order_id", "customer_id", "billing_address_id", "shipping_address_id"),
                       NUMBERS: ("increment_id",)},  # fmt: skip
    "sales_shipment_grid": {IDS: ("entity_id", "order_id"), EMAILS: ("customer_email",), NUMBERS: ("increment_id", "order_increment_id"),
                            NAMES: ("customer_name", "billing_name", "shipping_name")},  # fmt: skip
    "sales_shipment_track": {IDS: ("entity_id", "parent_id", "order_id")},
    "sales_shipment_comment": {IDS: ("entity_id", "parent_id")},
    "sales_creditmemo": {IDS: ("entity_id", "order_id", "invoice_id", "billing_address_id", "shipping_address_id"),
                         NUMBERS: ("increment_id",), AMAZON: ("transaction_id",)},  # fmt: skip
    "sales_creditmemo_grid": {IDS: ("entity_id", "order_id"), EMAILS: ("customer_email",), NUMBERS: ("increment_id", "order_increment_id"),
                              NAMES: ("customer_name", "billing_name")},  # fmt: skip
    "sales_creditmemo_comment": {IDS: ("entity_id", "parent_id")},
    "amazon_payv2_async": {IDS: ("entity_id", "order_id"), AMAZON: ("pending_id",)},
    "gift_message": {IDS: ("gift_message_id", "customer_id"), NAMES: ("sender", "recipient")},
    "quote": {IDS: ("entity_id", "customer_id"), EMAILS: ("customer_email",), NAMES: ("customer_lastname",)},
    "quote_address": {IDS: ("address_id", "quote_id", "customer_id", "customer_address_id"), EMAILS: ("email",),
                      NAMES: ("lastname",)},  # fmt: skip
    "quote_payment": {IDS: ("payment_id", "quote_id"), AMAZON: ("additional_information",)},
    "newsletter_subscriber": {IDS: ("subscriber_id", "customer_id"), EMAILS: ("subscriber_email",)},
}


def sql(statement: str, params=(), *, using: str = "magento"):
    with connections[using].cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def bench_erasure_build(*, source: str, target: str, customers: int, progress=print) -> int:
    """(Re)create `target` as a copy of `source` grown to about `customers` customers; return the copies made."""
    with connections["magento"]._nodb_cursor() as cursor:  # the target may not exist yet: no database selected
        run = lambda statement, params=(): (cursor.execute(statement, params), cursor.fetchall())[1]  # noqa: E731
        # Magento's admin website and store have id 0, which INSERT ... SELECT would otherwise renumber.
        run("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO')")
        run(f"DROP DATABASE IF EXISTS {target}")
        run(f"CREATE DATABASE {target} CHARACTER SET utf8mb4")
        tables = [row[0] for row in run("SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [source])]
        for table in tables:
            run(f"CREATE TABLE {target}.{table} LIKE {source}.{table}")
            run(f"INSERT INTO {target}.{table} SELECT * FROM {source}.{table}")
        base = run(f"SELECT COUNT(*) FROM {source}.customer_entity")[0][0]
        copies = max(0, -(-customers // max(base, 1)) - 1)
        run("SET SESSION foreign_key_checks = 0, unique_checks = 0")
        for copy in range(1, copies + 1):
            for table, rules in GROWN.items():
                columns = [row[0] for row in run("SELECT column_name FROM information_schema.columns WHERE table_schema = %s"
                                                 " AND table_name = %s ORDER BY ordinal_position", [source, table])]  # fmt: skip
                names = ", ".join(f"`{column}`" for column in columns)
                expressions = ", ".join(_expression(column, rules, copy) for column in columns)
                run(f"INSERT INTO {target}.{table} ({names}) SELECT {expressions} FROM {source}.{table}")
            progress(f"copy {copy}/{copies} written")
        run("SET SESSION foreign_key_checks = 1, unique_checks = 1")
        for table in tables:
            run(f"ANALYZE TABLE {target}.{table}")
    return copies


def _expression(column: str, rules: dict, copy: int) -> str:
    quoted = f"`{column}`"
    if column in rules.get(IDS, ()):
        return f"CASE WHEN {quoted} > 0 THEN {quoted} + {copy * STRIDE} ELSE {quoted} END"
    if column in rules.get(EMAILS, ()):
        return f"CONCAT('r{copy}.', {quoted})"
    if column in rules.get(NUMBERS, ()):
        return f"CONCAT('{copy}-', {quoted})"
    if column in rules.get(NAMES, ()):
        return f"CONCAT({quoted}, '{chr(ord('a') + copy - 1)}')"
    if column in rules.get(AMAZON, ()):
        letter = chr(ord("A") + copy - 1)  # S01-… becomes SA1-…, SB1-…: still a valid chargePermissionId
        if column == "amazon_id":  # the first of the 28 characters becomes the copy's lower-case letter: never an original's
            return f"CONCAT('amzn1.account.{letter.lower()}', SUBSTRING({quoted}, 16))"
        return f"REPLACE({quoted}, 'S01-', 'S{letter}1-')"
    return quoted


def subject_with_orders(*, orders: int, exclude: set[int]) -> tuple[int, str]:
    """Give one registered customer exactly `orders` finished orders (theirs plus former guest orders)."""
    customer_id, email, first, last, own = sql(
        "SELECT c.entity_id, c.email, c.firstname, c.lastname, COUNT(o.entity_id) FROM customer_entity c "
        "LEFT JOIN sales_order o ON o.customer_id = c.entity_id WHERE c.entity_id NOT IN "
        f"({', '.join(str(i) for i in exclude) or '0'}) GROUP BY c.entity_id HAVING COUNT(o.entity_id) < %s AND "
        "SUM(CASE WHEN o.state IN ('complete', 'closed', 'canceled') OR o.state IS NULL THEN 0 ELSE 1 END) = 0 "
        "ORDER BY c.entity_id LIMIT 1", [orders]
    )[0]  # fmt: skip
    picked = [row[0] for row in sql(
        "SELECT entity_id FROM sales_order WHERE customer_is_guest = 1 AND state IN ('complete', 'closed', 'canceled') "
        "ORDER BY entity_id LIMIT %s", [orders - own])]  # fmt: skip
    marks = ", ".join(str(order) for order in picked)
    name = f"{first} {last}"
    sql(f"UPDATE sales_order SET customer_id = %s, customer_is_guest = 0, customer_email = %s, customer_firstname = %s, "
        f"customer_lastname = %s WHERE entity_id IN ({marks})", [customer_id, email, first, last])  # fmt: skip
    sql(f"UPDATE sales_order_address SET customer_id = %s, email = %s, firstname = %s, lastname = %s WHERE parent_id IN ({marks})",
        [customer_id, email, first, last])  # fmt: skip
    sql(f"UPDATE sales_order_grid SET customer_id = %s, customer_email = %s, customer_name = %s, billing_name = %s, "
        f"shipping_name = %s WHERE entity_id IN ({marks})", [customer_id, email, name, name, name])  # fmt: skip
    quotes = f"SELECT quote_id FROM sales_order WHERE entity_id IN ({marks})"
    sql(f"UPDATE quote SET customer_id = %s, customer_email = %s, customer_firstname = %s, customer_lastname = %s "
        f"WHERE entity_id IN ({quotes})", [customer_id, email, first, last])  # fmt: skip
    sql(f"UPDATE quote_address SET customer_id = %s, email = %s, firstname = %s, lastname = %s WHERE quote_id IN ({quotes})",
        [customer_id, email, first, last])  # fmt: skip
    for grid in ("sales_invoice_grid", "sales_shipment_grid", "sales_creditmemo_grid"):
        sql(f"UPDATE {grid} SET customer_email = %s, customer_name = %s, billing_name = %s WHERE order_id IN ({marks})",
            [email, name, name])  # fmt: skip
    return customer_id, email
