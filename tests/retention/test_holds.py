"""Erasure holds: written by the erasure service, anonymized with the data map's strategies once they end."""

from datetime import date

import pytest

from privacy.audit.actors import Actor
from retention import plans
from retention.models import RetentionHold, StatutoryPeriod
from retention.selectors import MissingStatutoryPeriod, statutory_hold_until
from retention.services import (
    InvalidHold,
    retention_holds_create,
    retention_holds_create_many,
    retention_policy_run,
    retention_run_create,
)
from tests.retention.conftest import SEEDED_AT
from tests.retention.oracle import anonymize_row
from tests.retention.snapshots import shop_snapshot

KEY = "7a" * 32
ENDED = date(2026, 6, 14)  # the day before SEEDED_AT
RUNNING = date(2027, 12, 31)


def _order_rows(snapshot, order_id: int) -> list[tuple[str, int]]:
    rows = [("sales_order", order_id), ("sales_order_grid", order_id)]
    rows += [("sales_order_address", key[0]) for key, row in snapshot["sales_order_address"].items() if row["parent_id"] == order_id]
    rows += [("sales_order_payment", key[0]) for key, row in snapshot["sales_order_payment"].items() if row["parent_id"] == order_id]
    return rows


def _hold(rows, *, until: date, request: str) -> int:
    return retention_holds_create(rows=rows, document_class="invoice", hold_until=until, request_ref=request, jurisdiction="de")


@pytest.mark.django_db(databases=["default", "magento"])
def test_rows_whose_holds_ended_are_anonymized_and_released_and_every_other_row_stays(shop, policy):
    # given
    before = shop_snapshot()
    ended, running, doubly = sorted(before["sales_order"])[-3:]
    _hold(_order_rows(before, ended[0]), until=ENDED, request="request:1")
    _hold(_order_rows(before, running[0]), until=RUNNING, request="request:2")
    _hold(_order_rows(before, doubly[0]), until=ENDED, request="request:3")
    _hold(_order_rows(before, doubly[0]), until=RUNNING, request="request:4")  # e.g. a later legal claim
    holds = policy("erasure-holds-release")
    retention_run_create(policy=holds, started_by="tests", key=KEY, now=SEEDED_AT, batch_size=3)
    # when
    run = retention_policy_run(policy=holds, actor=Actor.system("tests"), now=SEEDED_AT)
    # then
    expected = {table: {pk: dict(row) for pk, row in rows.items()} for table, rows in before.items()}
    for table, row_id in _order_rows(before, ended[0]):
        anonymize_row(expected[table][(row_id,)], table=table, step=plans.table_step(table), key=KEY, using="magento", seed=row_id)
    after = shop_snapshot()
    for table, row_id in _order_rows(before, ended[0]):
        after[table][(row_id,)].pop("updated_at", None)
        expected[table][(row_id,)].pop("updated_at", None)
    assert after == expected
    released = set(RetentionHold.objects.exclude(released_at=None).values_list("request_ref", flat=True))
    assert released == {"request:1"} and run.tables["sales_order"]["changed"] == 1
    assert RetentionHold.objects.filter(request_ref="request:1", released_by=run).count() == len(_order_rows(before, ended[0]))


@pytest.mark.django_db
def test_a_hold_on_a_table_the_data_map_does_not_know_is_refused_by_name():
    # when
    with pytest.raises(InvalidHold) as error:
        _hold([("core_config_data", 1)], until=RUNNING, request="request:9")
    # then
    assert "core_config_data" in str(error.value)
    assert not RetentionHold.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("document_class", "receipt", "document_class"), ("request_ref", "", "request_ref"), ("hold_until", "2030", "hold_until")],
)
def test_a_hold_with_a_bad_field_is_refused_naming_the_field(field, value, message):
    # given
    arguments = {"rows": [("sales_order", 1)], "document_class": "invoice", "hold_until": RUNNING, "request_ref": "request:1"}
    # when
    with pytest.raises(InvalidHold) as error:
        retention_holds_create(**{**arguments, field: value})
    # then
    assert message in str(error.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("jurisdiction", "document_class", "expected"),
    [("de", "invoice", date(2027, 12, 31)), ("de", "shipment", date(2025, 12, 31)), ("fr", "invoice", date(2029, 12, 31)),
     ("us", "credit_memo", date(2026, 12, 31))],
)
def test_a_document_is_held_until_the_end_of_its_year_plus_the_statutory_years(jurisdiction, document_class, expected):
    # when
    until = statutory_hold_until(document_class=document_class, document_date=date(2019, 3, 2), jurisdiction=jurisdiction)
    # then
    assert until == expected


@pytest.mark.django_db
def test_a_missing_statutory_period_says_where_to_add_it():
    # given
    StatutoryPeriod.objects.filter(jurisdiction="de", document_class="books").delete()
    # when
    with pytest.raises(MissingStatutoryPeriod) as error:
        statutory_hold_until(document_class="books", document_date=date(2019, 1, 1), jurisdiction="de")
    # then
    assert "admin" in str(error.value) and "books" in str(error.value)


@pytest.mark.django_db
def test_an_erasure_records_holds_of_several_document_classes_and_dates_in_one_call():
    # when
    written = retention_holds_create_many(
        holds=[("sales_order", 5, "order", date(2031, 12, 31)), ("sales_shipment", 9, "shipment", date(2029, 12, 31))],
        request_ref="request:7",
    )
    # then
    rows = set(RetentionHold.objects.values_list("table", "row_id", "document_class", "hold_until", "jurisdiction"))
    assert written == 2
    assert rows == {("sales_order", 5, "order", date(2031, 12, 31), "de"), ("sales_shipment", 9, "shipment", date(2029, 12, 31), "de")}
