"""The erasure plan from the data map: actions per table, strategies, holds, blocks (no database needed)."""

from datetime import UTC, date, datetime

import pytest

from privacy.sources import datamap
from privacy.sources.base import Seed, Subject
from privacy.sources.erasure.codec import plan_from_json, plan_to_json
from privacy.sources.erasure.identifiers import Identifiers
from privacy.sources.erasure.plan import (
    Period,
    PlanError,
    SubjectFacts,
    erasure_plan_build,
)

NOW = datetime(2026, 6, 15, tzinfo=UTC)
PERIODS = {cls: Period(cls, "de", 8, "§147 AO") for cls in ("order", "invoice", "credit_memo", "shipment")}


def _facts(rows, *, order_day=date(2024, 5, 2), not_null=(), **overrides) -> SubjectFacts:
    live = {table: {column.name: column.nullable and (table, column.name) not in not_null for column in datamap.table(table).columns}
            for table in rows}  # fmt: skip
    dates = {(table, pk): order_day for table in rows for pk in rows[table] if datamap.table(table).hold}
    values = dict(order_states={}, pending_amazon_actions=0, open_creditmemos=0, document_dates=dates, live_columns=live)
    return SubjectFacts(**(values | overrides))


def _plan(rows, facts=None):
    subject = Subject(seed=Seed(email="ada@example.com"), emails=frozenset({"ada@example.com"}))
    return erasure_plan_build(subject=subject, rows=rows, facts=facts or _facts(rows), identifiers=Identifiers(),
                              periods=PERIODS, jurisdiction="de", token="0123456789ab", key="k", now=NOW)  # fmt: skip


def _one_row_everywhere() -> dict:
    return {entry.name: {1: {column.name: "x" for column in entry.columns}} for entry in datamap.TABLES if len(entry.pk) == 1}


def test_each_table_gets_the_action_the_data_map_names():
    # given one row in every mapped table
    plan = _plan(_one_row_everywhere())

    # then accounts are deleted, reviews anonymized, orders held
    assert plan.table("customer_entity").delete == (1,)
    assert plan.table("review_detail").anonymize == (1,)
    assert [row.pk for row in plan.table("sales_order").held] == [1] and not plan.table("sales_order").anonymize


def test_a_hold_runs_to_the_end_of_the_documents_calendar_year_plus_the_statutory_years():
    period = Period("invoice", "de", 8, "§147 AO")
    assert period.until(date(2020, 1, 1)) == period.until(date(2020, 12, 31)) == date(2028, 12, 31)
    plan = _plan({"sales_invoice": {7: {}}}, _facts({"sales_invoice": {7: {}}}, order_day=date(2021, 3, 3)))
    assert plan.table("sales_invoice").held[0].hold.until == date(2029, 12, 31)


def test_a_document_past_its_period_is_anonymized_at_once_held_columns_included():
    rows = {"sales_order_address": {3: {}}}
    plan = _plan(rows, _facts(rows, order_day=date(2015, 1, 9)))
    table = plan.table("sales_order_address")
    assert table.anonymize == (3,) and not table.held
    assert {action.column: action.strategy for action in table.columns}["street"] == "street"


def test_held_rows_keep_the_record_columns_and_lose_contact_ip_and_notes_now():
    table = _plan({"sales_order": {1: {}}}).table("sales_order")
    now = {action.column: action.strategy for action in table.columns_held}
    assert now["remote_ip"] == "null" and now["customer_note"] == "null" and now["customer_email"] == "email"
    assert "customer_lastname" in table.kept and "customer_lastname" not in now and "increment_id" not in now


def test_comments_and_gift_messages_are_scrubbed_instead_of_emptied():
    plan = _plan({"sales_order_status_history": {1: {}}, "gift_message": {2: {}}})
    assert {a.column: a.strategy for a in plan.table("sales_order_status_history").columns_held}["comment"] == "scrub"
    assert {a.column: a.strategy for a in plan.table("gift_message").columns}["message"] == "scrub"


def test_the_plan_uses_every_kind_of_strategy_and_never_touches_keep_columns():
    plan = _plan(_one_row_everywhere(), _facts(_one_row_everywhere(), order_day=date(2010, 1, 1)))
    used = {action.strategy for table in plan.tables for action in (*table.columns, *table.columns_held)}
    assert {"null", "placeholder", "email", "phone", "street", "ip", "pseudonym", "json_redact", "scrub"} <= used
    keep = {(entry.name, c.name) for entry in datamap.TABLES for c in entry.columns if c.strategy == "keep"}
    assert not {(table.table, action.column) for table in plan.tables for action in table.columns} & keep


def test_a_null_strategy_on_a_column_the_live_database_declares_not_null_is_refused():
    # given a shop whose sales_order.remote_ip is NOT NULL, unlike stock Magento
    rows = {"sales_order": {1: {}}}

    # when the plan is built, then it is refused before anything changes, naming the column
    with pytest.raises(PlanError, match=r"sales_order\.remote_ip.*NOT NULL"):
        _plan(rows, _facts(rows, not_null={("sales_order", "remote_ip")}))


def test_open_orders_pending_amazon_actions_and_open_refunds_block_the_plan():
    rows = {"sales_order": {1: {}, 2: {}}}
    facts = _facts(rows, order_states={1: "processing", 2: "complete"}, pending_amazon_actions=1, open_creditmemos=2)
    blocks = {block.reason: block.count for block in _plan(rows, facts).blocks}
    assert blocks == {"open_orders": 1, "pending_amazon_pay": 1, "open_refunds": 2}


def test_only_charge_permissions_amazon_may_still_keep_open_are_closed():
    facts = _facts({}, charge_permissions=(("S01-0000001-0000001", date(2025, 1, 2)), ("S01-0000002-0000002", date(2026, 5, 1)),
                                           ("S01-0000003-0000003", None)))  # fmt: skip
    assert _plan({}, facts).charge_permissions == ("S01-0000002-0000002", "S01-0000003-0000003")


def test_a_frozen_plan_reads_back_exactly_as_it_was_written():
    plan = _plan(_one_row_everywhere())
    assert plan_from_json(plan_to_json(plan)) == plan
