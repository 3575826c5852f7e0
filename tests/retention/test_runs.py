"""Runs of the orders policy on the seeded test shop: what changes, what stays, dry runs, resuming, audit."""

import pytest
from django.db import transaction

from privacy.audit.actors import Actor
from privacy.audit.selectors import audit_events_for_target
from privacy.models import DataKey
from retention.models import RetentionRun, RunState
from retention.services import retention_policy_run, retention_run_create
from tests.retention.conftest import SEEDED_AT
from tests.retention.oracle import due_orders, expected_after_orders_policy, without_stamps
from tests.retention.snapshots import changed_rows, shop_snapshot

KEY = "5e" * 32
OPERATOR = Actor.system("tests")
pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _run(policy, **options):
    return retention_policy_run(policy=policy, actor=OPERATOR, now=SEEDED_AT, **options)


def _pinned_run(policy, **options):
    return retention_run_create(policy=policy, started_by="tests", key=KEY, now=SEEDED_AT, **options)


def test_the_orders_policy_anonymizes_exactly_the_orders_past_their_statutory_periods_and_nothing_else(shop, policy):
    # given
    orders = policy("orders-anonymize")
    before = shop_snapshot()
    due = due_orders(before)
    _pinned_run(orders, batch_size=25)
    # when
    run = _run(orders)
    # then
    after = shop_snapshot()
    expected, touched = expected_after_orders_policy(before, key=KEY)
    assert run.state == RunState.COMPLETED
    assert 0 < len(due) < len(before["sales_order"])
    assert {pk[0] for pk in changed_rows(before, after)["sales_order"]} == due
    assert without_stamps(after, touched) == without_stamps(expected, touched)


def test_the_orders_policy_touches_addresses_the_four_grids_documents_comments_and_payments(shop, policy):
    # given
    before = shop_snapshot()
    # when
    _run(policy("orders-anonymize"))
    # then
    changed = changed_rows(before, shop_snapshot())
    expected = {
        "sales_order", "sales_order_address", "sales_order_grid", "sales_invoice_grid", "sales_shipment_grid",
        "sales_creditmemo_grid", "sales_invoice", "sales_shipment", "sales_creditmemo", "sales_order_status_history",
        "sales_order_payment", "sales_payment_transaction",
    }
    assert expected <= set(changed)


def test_a_second_run_finds_nothing_left_to_change(shop, policy):
    # given
    orders = policy("orders-anonymize")
    _run(orders)
    before = shop_snapshot()
    # when
    second = _run(orders)
    # then
    assert second.totals()["changed"] == 0
    assert shop_snapshot() == before


def test_a_dry_run_changes_nothing_and_counts_what_the_real_run_then_changes(shop, policy):
    # given
    orders = policy("orders-anonymize")
    before = shop_snapshot()
    # when
    dry = _run(orders, dry_run=True)
    # then
    assert shop_snapshot() == before
    real = _run(orders)
    assert dry.state == RunState.COMPLETED and real.pk != dry.pk
    assert {table: counts.get("due", 0) for table, counts in dry.tables.items()} == {
        table: counts["changed"] for table, counts in real.tables.items()
    }


def test_a_run_stopped_after_some_batches_resumes_to_the_same_end_state_as_an_uninterrupted_run(shop, policy):
    # given
    orders = policy("orders-anonymize")
    touched = expected_after_orders_policy(shop_snapshot(), key=KEY)[1]
    savepoint = transaction.savepoint_create(using="magento")
    _pinned_run(orders, batch_size=20)
    _run(orders)
    uninterrupted = shop_snapshot()
    transaction.savepoint_rollback(savepoint, using="magento")
    # when
    _pinned_run(orders, batch_size=20)
    paused = _run(orders, max_batches=3)
    resumed = _run(orders)
    # then
    assert paused.state == RunState.PAUSED and paused.batches == 3
    assert resumed.pk == paused.pk and resumed.state == RunState.COMPLETED and resumed.batches > 3
    assert without_stamps(shop_snapshot(), touched) == without_stamps(uninterrupted, touched)


def test_a_failed_attempt_records_the_reason_and_the_next_run_resumes_from_its_checkpoint(shop, policy):
    # given
    orders = policy("orders-anonymize")
    _pinned_run(orders, batch_size=20)

    def broken_terminal(progress):
        if progress.batches == 2:
            raise BrokenPipeError("stderr closed")

    # when
    failed = _run(orders, progress=broken_terminal)
    resumed = _run(orders)
    # then
    assert failed.state == RunState.FAILED and "BrokenPipeError: stderr closed" in failed.errors[-1]["message"]
    assert resumed.pk == failed.pk and resumed.state == RunState.COMPLETED and resumed.attempts == 2


def test_every_finished_run_writes_an_audit_event_with_its_counts(shop, policy):
    # when
    _run(policy("orders-anonymize"))
    # then
    events = audit_events_for_target(target_type="retention_policy", target_id="orders-anonymize")
    assert [event.action for event in events] == ["retention.run_completed"]
    assert events[0].actor_id == "tests"


def test_the_pseudonym_key_of_a_run_is_destroyed_when_the_run_completes(shop, policy):
    # given
    orders = policy("orders-anonymize")
    pending = _pinned_run(orders)
    assert pending.key_token
    # when
    run = _run(orders)
    # then
    run.refresh_from_db()
    assert run.key_token == ""
    assert DataKey.objects.get(scope=f"retention-run:{run.pk}").shredded_at is not None
    assert RetentionRun.objects.filter(policy=orders).count() == 1
