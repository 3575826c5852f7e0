"""Which tables each plan reaches, built from the data map."""

from datetime import UTC, datetime

from retention import closure, plans

LIMIT = datetime(2018, 1, 1, tzinfo=UTC)


def _tables(steps) -> list[str]:
    return [step.table for step in steps]


def test_the_order_plan_reaches_every_statutory_table_hanging_off_an_order_and_ends_with_the_order():
    # when
    steps = plans.order_steps()
    # then
    tables = _tables(steps)
    assert tables[-1] == "sales_order"
    assert {
        "sales_order_address", "sales_order_grid", "sales_invoice", "sales_invoice_grid", "sales_invoice_comment",
        "sales_shipment", "sales_shipment_grid", "sales_shipment_track", "sales_creditmemo", "sales_creditmemo_grid",
        "sales_order_status_history", "sales_order_payment", "sales_payment_transaction", "gift_message",
    } <= set(tables)
    assert "quote" not in tables


def test_an_order_grid_row_gets_the_order_e_mail_seed_and_comments_reach_the_order_through_their_document():
    # when
    steps = {step.table: step for step in plans.order_steps()}
    # then
    assert steps["sales_order_grid"].namespace == "sales_order"
    assert steps["sales_invoice_grid"].namespace == "sales_invoice_grid"
    assert [(hop.column, hop.table) for hop in steps["sales_invoice_comment"].path] == [
        ("parent_id", "sales_invoice"), ("order_id", "sales_order")
    ]


def test_amazon_pays_queue_is_walked_on_its_own_by_its_own_date():
    # when
    _orders, amazon = plans.orders_walks({name: LIMIT for name in ("order", "invoice", "credit_memo", "shipment")})
    # then
    assert amazon.driver == "amazon_payv2_async" and _tables(amazon.steps) == ["amazon_payv2_async"]
    assert "created_at < %s" in amazon.due


def test_a_cart_plan_deletes_every_child_row_before_the_cart():
    # when
    walk = plans.quotes_walk(LIMIT, guests=True)
    # then
    tables = _tables(walk.steps)
    assert tables[-1] == "quote" and set(tables[:-1]) == {"quote_id_mask", "quote_address", "quote_item", "quote_payment"}
    assert all(step.action == "delete" for step in walk.steps)


def test_closing_an_account_deletes_what_the_data_map_deletes_and_only_unlinks_what_must_stay():
    # when
    steps = {step.table: step for step in closure.closure_steps()}
    # then
    assert steps["customer_address_entity"].action == steps["quote_address"].action == "delete"
    assert steps["sales_order"].action == "anonymize" and steps["sales_order"].strategies == (("customer_id", "null", ()),)
    assert steps["sales_order_grid"].strategies == (("customer_id", "null", ()),)
    assert steps["report_event"].where == (("subtype", 0),)
    assert _tables(closure.closure_steps())[-1] == "customer_entity"
