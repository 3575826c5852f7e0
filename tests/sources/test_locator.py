"""The locator: a blind index of unindexed Magento columns that keeps guest discovery off full scans,
and never attributes a row on a stale entry."""

import re
import time
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from django.db import connection as app_connection, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from privacy.sources import locator
from privacy.sources.discovery import subject_discover, subject_identify
from privacy.sources.locator import CLAIM, LocatorReader, locator_spec, locator_sync
from privacy.sources.magento import finder
from privacy.sources.models import LocatorCheckpoint, LocatorEntry
from tests.sources.discovery_oracle import by_table, dump, seeded_shop, truth_for_email

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _orders_of(email):
    findings = subject_discover(subject=subject_identify(email=email))
    return {finding.pk for finding in findings if finding.table == "sales_order"}


def _guest_order(tables):
    return next(row for row in tables["sales_order"] if row["customer_id"] is None)


def _shop_now() -> datetime:
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT CURRENT_TIMESTAMP")
        return datetime.fromisoformat(str(cursor.fetchone()[0]))


def _later_than_everything(tables):
    """A change time a writer after the sync could write: past the seeded rows' and no earlier than the shop's clock."""
    latest = max(datetime.fromisoformat(str(row["updated_at"])) for row in tables["sales_order"])
    return max(latest + timedelta(hours=1), _shop_now()).strftime("%Y-%m-%d %H:%M:%S")


@contextmanager
def _committed_guest_order(email: str):
    """One guest order committed on the shop (for tests that need a second connection or no app transaction)."""
    with connections["magento"].cursor() as cursor:
        cursor.execute(
            "INSERT INTO sales_order (increment_id, store_id, customer_email, customer_is_guest, created_at, updated_at)"
            " VALUES ('COMMITTED1', NULL, %s, 1, %s, %s)", [email, *[_shop_now().strftime("%Y-%m-%d %H:%M:%S")] * 2],
        )  # fmt: skip
        cursor.execute("SELECT entity_id FROM sales_order WHERE increment_id = 'COMMITTED1'")
        order = cursor.fetchone()[0]
    try:
        yield order
    finally:
        with connections["magento"].cursor() as cursor:
            cursor.execute("DELETE FROM sales_order WHERE entity_id = %s", [order])


def test_after_a_sync_the_guest_order_lookup_reads_only_the_tail_of_the_orders_table():
    with seeded_shop(seed=41):
        tables = dump()
        email = _guest_order(tables)["customer_email"]
        locator_sync()
        with CaptureQueriesContext(connections["magento"]) as queries:
            findings = subject_discover(subject=subject_identify(email=email))
        # the SELECTs matching sales_order.customer_email with LIKE (other statements may name sales_order, e.g. the
        # walk's one EXISTS test of its indexed links, and LIKE other tables; the locator asks in one UNION ALL)
        likes = re.compile(r'FROM "sales_order" WHERE \(?"customer_email" LIKE')
        selects = [part for q in queries for part in q["sql"].replace("`", '"').split(" UNION ALL ")]
        scans = [select for select in selects if likes.search(select)]
        assert scans and all('"entity_id" >' in q or '"updated_at" >=' in q for q in scans)
        assert by_table(findings) == truth_for_email(tables, email)


def test_an_order_written_after_the_sync_is_found_by_reading_the_new_rows():
    with seeded_shop(seed=42):
        tables = dump()
        guest = _guest_order(tables)
        locator_sync()
        with connections["magento"].cursor() as cursor:
            cursor.execute(
                "INSERT INTO sales_order (increment_id, store_id, customer_email, customer_is_guest, created_at, updated_at)"
                " VALUES ('LATE0001', 1, %s, 1, %s, %s)",
                [f" {guest['customer_email'].upper()}", guest["created_at"], guest["created_at"]],
            )
        late = dump()["sales_order"][-1]["entity_id"]
        assert late in _orders_of(guest["customer_email"])


def test_an_order_whose_email_changed_after_the_sync_moves_to_its_new_owner():
    with seeded_shop(seed=43):
        tables = dump()
        order = _guest_order(tables)
        other = next(row["email"] for row in tables["customer_entity"])
        locator_sync()
        # when staff change the order's e-mail to another customer's address after the sync
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET customer_email = %s, updated_at = %s WHERE entity_id = %s",
                           [other, _later_than_everything(tables), order["entity_id"]])  # fmt: skip
        # then the stale entry no longer gives it to its old owner, and the change time gives it to the new one
        assert order["entity_id"] not in _orders_of(order["customer_email"])
        assert order["entity_id"] in _orders_of(other)
        # and the next sync moves the entry itself
        locator_sync()
        assert LocatorEntry.objects.filter(table="sales_order", row_pk=order["entity_id"]).count() == 1
        assert order["entity_id"] in _orders_of(other)


def test_more_e_mails_than_one_statement_asks_about_find_the_same_rows():
    with seeded_shop(seed=47):
        tables = dump()
        email = _guest_order(tables)["customer_email"].strip().lower()
        locator_sync()
        spec = locator_spec(table="sales_order", column="customer_email")
        select = ("entity_id", "customer_email")
        # when one subject has more addresses than one statement matches (the others are nobody's)
        many = {email} | {f"nobody{index}@example.invalid" for index in range(finder.KEYS_PER_MATCH)}
        read = LocatorReader().rows(spec=spec, keys=many, select=select, using="magento")
        # then the reads in several statements find exactly what one statement finds for the one address
        one = LocatorReader().rows(spec=spec, keys={email}, select=select, using="magento")
        assert one and sorted(row["entity_id"] for row in read) == sorted(row["entity_id"] for row in one)


def test_the_locator_holds_keyed_hashes_never_the_addresses():
    with seeded_shop(seed=44):
        tables = dump()
        locator_sync()
        emails = {row["customer_email"].strip().lower() for row in tables["sales_order"]}
        digests = set(LocatorEntry.objects.values_list("digest", flat=True))
        assert digests and not any("@" in digest for digest in digests)
        assert not emails & digests


def test_a_sync_reads_each_row_once_and_a_second_sync_reads_nothing_new():
    with seeded_shop(seed=45):
        first = locator_sync()
        second = locator_sync()
        assert first["sales_order.customer_email"] == len(dump()["sales_order"])
        assert second["amazon_payv2_async.pending_id"] == 0 and second["quote.customer_email"] >= 0


def test_a_sync_that_reads_unchanged_rows_again_leaves_their_entries_as_they_are():
    with seeded_shop(seed=48):
        tables = dump()
        locator_sync()
        moved, touched = [row for row in tables["sales_order"] if row["customer_email"]][:2]
        before = dict(LocatorEntry.objects.filter(table="sales_order").values_list("row_pk", "id"))
        # when one order's e-mail changes and another order changes without its e-mail changing
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET customer_email = %s, updated_at = %s WHERE entity_id = %s",
                           ["moved@example.com", _later_than_everything(tables), moved["entity_id"]])  # fmt: skip
            cursor.execute("UPDATE sales_order SET updated_at = %s WHERE entity_id = %s",
                           [_later_than_everything(tables), touched["entity_id"]])  # fmt: skip
        locator_sync()
        after = dict(LocatorEntry.objects.filter(table="sales_order").values_list("row_pk", "id"))
        # then the next sync reads both, and writes only the entry whose e-mail changed
        assert {pk for pk in after if after[pk] != before.get(pk)} == {moved["entity_id"]}
        assert moved["entity_id"] in _orders_of("moved@example.com")
        assert touched["entity_id"] in _orders_of(touched["customer_email"])


@pytest.mark.postgres
def test_a_sync_that_fills_the_locator_leaves_postgresql_with_statistics_of_its_real_size(monkeypatch):
    monkeypatch.setattr(locator, "ANALYZE_AFTER_ENTRIES", 1)
    with seeded_shop(seed=49):
        locator_sync()
        # then the planner knows how many entries there are, instead of taking a freshly filled table for empty
        assert _planner_row_estimate("sources_locatorentry") == LocatorEntry.objects.count() > 0


@pytest.mark.postgres
def test_a_sync_that_adds_few_entries_leaves_the_statistics_to_autovacuum(monkeypatch):
    monkeypatch.setattr(locator, "ANALYZE_AFTER_ENTRIES", 10**9)
    with seeded_shop(seed=50):
        before = _planner_row_estimate("sources_locatorentry")
        locator_sync()
        assert _planner_row_estimate("sources_locatorentry") == before != LocatorEntry.objects.count()


def test_a_sync_deletes_the_entries_whose_value_changed_by_one_list_of_keys():
    with seeded_shop(seed=51):
        tables = dump()
        locator_sync()
        moved = next(row for row in tables["sales_order"] if row["customer_email"])
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET customer_email = %s, updated_at = %s WHERE entity_id = %s",
                           ["moved.again@example.com", _later_than_everything(tables), moved["entity_id"]])  # fmt: skip
        with CaptureQueriesContext(app_connection) as queries:
            locator_sync()
        deletes = [query["sql"] for query in queries if query["sql"].startswith("DELETE")]
        # then the DELETE names the rows once (two lists made PostgreSQL misjudge it and scan the whole table)
        assert len(deletes) == 1 and deletes[0].count('"row_pk" IN') == 1
        assert moved["entity_id"] in _orders_of("moved.again@example.com")


def _planner_row_estimate(table: str) -> float:
    with app_connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def test_a_column_another_worker_is_syncing_is_skipped():
    with seeded_shop(seed=46):
        LocatorCheckpoint.objects.create(table="sales_order", column="customer_email", claimed_until=timezone.now() + CLAIM)
        read = locator_sync()
        assert read["sales_order.customer_email"] == -1
        assert not LocatorEntry.objects.filter(table="sales_order").exists()


def test_the_locator_lives_in_the_app_database_not_the_shop():
    assert app_connection.alias == "default"
    assert "sources_locatorentry" not in connections["magento"].introspection.table_names()


@pytest.mark.django_db(transaction=True, databases=["default", "magento"])
@override_settings(PRIVACY_LOCATOR_CATCH_UP_SECONDS=0)
def test_a_discovery_after_an_old_sync_brings_the_locator_up_to_date_first():
    with _committed_guest_order("first.owner@example.com") as order:
        locator_sync()
        # when the order's e-mail changes after the sync
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET customer_email = %s, updated_at = %s WHERE entity_id = %s",
                           ["second.owner@example.com", _later_than_everything(dump()), order])  # fmt: skip
        # then a discovery (outside any app transaction) first syncs, so the entry itself has moved
        assert order in _orders_of("second.owner@example.com")
        spec = locator_spec(table="sales_order", column="customer_email")
        assert LocatorReader().pks(spec, {"second.owner@example.com"}) == {order}
        assert LocatorReader().pks(spec, {"first.owner@example.com"}) == set()


@pytest.mark.mariadb
@pytest.mark.django_db(transaction=True, databases=["default", "magento"])
@override_settings(PRIVACY_LOCATOR_CLOCK_ALLOWANCE_SECONDS=0, PRIVACY_LOCATOR_CATCH_UP_SECONDS=3600)
def test_a_change_committed_after_a_sync_by_a_transaction_open_during_it_is_still_found():
    with _committed_guest_order("late.first@example.com") as order:
        locator_sync()
        late = connections.create_connection("magento")
        try:
            with late.cursor() as cursor:
                # given a transaction that changes the order's e-mail (the shop writes the change time) and stays open
                cursor.execute("START TRANSACTION")
                cursor.execute("UPDATE sales_order SET customer_email = %s WHERE entity_id = %s", ["late.second@example.com", order])
                cursor.execute("SELECT updated_at FROM sales_order WHERE entity_id = %s", [order])
                changed_at = cursor.fetchone()[0]
                while _shop_now() < changed_at + timedelta(seconds=3):  # a window from the sync's own time would miss it
                    time.sleep(0.2)
                # when the locator syncs before it commits (the sync cannot see the change), and it then commits
                locator_sync()
                cursor.execute("COMMIT")
        finally:
            late.close()
        # then discovery still finds the order for its new owner, and the next sync indexes it there
        assert order in _orders_of("late.second@example.com")
        assert order not in _orders_of("late.first@example.com")
        locator_sync()
        spec = locator_spec(table="sales_order", column="customer_email")
        assert LocatorReader().pks(spec, {"late.second@example.com"}) == {order}
