"""Erasing a seeded subject end to end on the shop database (SQLite here, MariaDB in the services pass)."""

import json
import re
import threading
import time
from datetime import date

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from privacy import keys
from privacy.audit.actors import Actor
from privacy.sources import datamap
from privacy.sources.base import Seed, Subject
from privacy.sources.erasure.codec import plan_to_json
from privacy.sources.erasure.execute import (
    ErasureBlocked,
    erasure_plan_open,
    erasure_plan_prepare,
    erasure_run,
    erasure_run_open,
    erasure_scan_open,
    pseudonym_key,
)
from privacy.sources.erasure.identifiers import Identifiers
from privacy.sources.erasure.models import ErasureRun, Problem, Step
from privacy.sources.erasure.plan import Period, SubjectFacts, erasure_plan_build
from privacy.sources.magento.eraser import plan_apply
from privacy.sources.magento.erasure_facts import live_columns
from retention.models import RetentionHold
from tests.sources.erasure.helpers import (
    SEEDED_AT,
    cells,
    database_dump,
    erasable_customer,
    person,
)

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
OPERATOR = Actor.system("test")


def _erase(identity: dict, reference: str = "manual:test"):
    return erasure_run(reference=reference, identity=identity, actor=OPERATOR, now=SEEDED_AT)


def _own_rows(plan) -> set[tuple[str, tuple]]:
    return {(table.table, _key(pk)) for table in plan.tables for pk in (*table.delete, *table.anonymize, *table.held_pks())}


def _key(pk) -> tuple:
    return pk if isinstance(pk, tuple) else (pk,)


def _held_cells(reference: str) -> set[tuple[str, tuple, str]]:
    """(table, key, column) the holds keep: the held columns of every row retention holds for this erasure."""
    kept = set()
    for hold in RetentionHold.objects.filter(request_ref=reference):
        for column in datamap.table(hold.table).columns:
            if column.held:
                kept.add((hold.table, (hold.row_id,), column.name))
    return kept


def test_after_erasure_a_full_dump_holds_no_identifier_of_the_subject_outside_held_rows_and_every_other_row_is_unchanged(shop):
    # given a customer with several finished orders, and a full dump of the shop
    customer_id = erasable_customer(min_orders=3)
    subject = person(customer_id)
    before = database_dump()

    # when the customer is erased
    run = _erase({"email": subject.email})
    after = database_dump()

    # then every row that is not the subject's is byte-for-byte unchanged, and no row appeared
    own = _own_rows(erasure_plan_open(run))
    for table, rows in before.items():
        assert set(after[table]) <= set(rows), table
        changed = [key for key, row in rows.items() if after[table].get(key, row) != row and (table, key) not in own]
        assert changed == [], f"{table}: rows of other people changed: {changed[:5]}"
    # and the subject's e-mail is nowhere; their name, street or phone only in columns a hold keeps
    held = _held_cells(run.reference)
    for table, rows in after.items():
        for key, (names, row) in rows.items():
            for column, value in zip(names, row):
                found = _mentions(value, subject)
                assert "email" not in found, (table, key, column)
                if (table, key) in own and (table, key, column) not in held:
                    assert not found, (table, key, column, found)
    assert run.step == Step.VERIFIED and run.scan["clean"] and run.holds > 0


def _mentions(value, subject) -> set[str]:
    """Which of the subject's identifiers value contains (an oracle independent of the erasure code)."""
    if not isinstance(value, str):
        return set()
    text, digits = value.lower(), re.sub(r"\D", "", value)
    words = set(re.findall(r"\w+", text))
    found = {"email"} if subject.email.lower() in text else set()
    found |= {"name" for part in (subject.firstname, subject.lastname) if part.lower() in words}
    found |= {"street" for street in subject.streets if street.lower() in text}
    found |= {"phone" for phone in subject.phones if len(re.sub(r"\D", "", phone)) >= 7 and re.sub(r"\D", "", phone) in digits}
    return found


def test_the_account_can_no_longer_log_in_and_its_sessions_and_grid_row_are_gone(shop):
    # given an erasable customer
    customer_id = erasable_customer()

    # when they are erased
    _erase({"customer_id": customer_id})

    # then the account, its sessions, tokens, visits, addresses and the admin grid rows are gone
    with connections["magento"].cursor() as cursor:
        for table, column in (("customer_entity", "entity_id"), ("customer_grid_flat", "entity_id"),
                              ("persistent_session", "customer_id"), ("oauth_token", "customer_id"),
                              ("customer_visitor", "customer_id"), ("customer_address_entity", "parent_id"),
                              ("amazon_customer", "customer_id"), ("sales_order_grid", "customer_id")):  # fmt: skip
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = %s", [customer_id])
            assert cursor.fetchone()[0] == 0, table


def test_kept_orders_share_one_pseudonymous_address_so_accounting_can_still_link_them(shop):
    # given a customer with several orders
    customer_id = erasable_customer(min_orders=3)
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT entity_id FROM sales_order WHERE customer_id = %s", [customer_id])
        orders = [row[0] for row in cursor.fetchall()]

    # when the customer is erased
    _erase({"customer_id": customer_id})

    # then the kept orders no longer name the person but all carry the same address on the reserved domain
    with connections["magento"].cursor() as cursor:
        marks = ", ".join(["%s"] * len(orders))
        cursor.execute(f"SELECT DISTINCT customer_email, customer_id FROM sales_order WHERE entity_id IN ({marks})", orders)
        rows = cursor.fetchall()
        cursor.execute(f"SELECT DISTINCT customer_email FROM sales_order_grid WHERE entity_id IN ({marks})", orders)
        grid = cursor.fetchall()
    assert len(rows) == 1 and rows[0][0].endswith("@anonymized.invalid") and rows[0][1] is None
    assert list(grid) == [(rows[0][0],)]


def test_staff_comments_on_kept_orders_keep_their_text_without_the_subjects_name(shop):
    # given a customer's order with a staff comment naming them
    customer_id = erasable_customer()
    subject = person(customer_id)
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT entity_id FROM sales_order WHERE customer_id = %s ORDER BY entity_id", [customer_id])
        order_id = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO sales_order_status_history (parent_id, is_customer_notified, is_visible_on_front, comment, status, "
            "created_at, entity_name) VALUES (%s, 0, 0, %s, 'complete', '2026-01-05 10:00:00', 'order')",
            [order_id, f"{subject.firstname} {subject.lastname} ({subject.email}) asked to leave it at the door."],
        )

    # when the customer is erased
    _erase({"customer_id": customer_id})

    # then the comment is still there, with what happened but not who
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT comment FROM sales_order_status_history WHERE comment LIKE %s", ["%leave it at the door%"])
        (comment,) = cursor.fetchone()
    assert comment == "[removed] ([removed]) asked to leave it at the door."


def test_holds_are_left_for_retention_with_the_period_counted_from_the_end_of_the_documents_year(shop, settings):
    # given a French shop (10 years for every document class)
    settings.RETENTION_JURISDICTION = "fr"
    customer_id = erasable_customer(min_orders=2)

    # when a customer is erased
    run = _erase({"customer_id": customer_id})

    # then every kept order row is held until 31 December of its year plus 10
    holds = RetentionHold.objects.filter(request_ref=run.reference, table="sales_order")
    with connections["magento"].cursor() as cursor:
        for hold in holds:
            cursor.execute("SELECT created_at FROM sales_order WHERE entity_id = %s", [hold.row_id])
            created = str(cursor.fetchone()[0])
            assert hold.hold_until.isoformat() == f"{int(created[:4]) + 10}-12-31"
            assert hold.jurisdiction == "fr" and hold.document_class == "order"
    assert holds.count() > 0 and run.holds == RetentionHold.objects.filter(request_ref=run.reference).count()


def test_a_held_document_is_held_from_its_own_date_and_an_open_order_found_with_it_blocks_the_plan(shop, settings):
    # given a German customer whose order grid rows carry a date of their own, years before their orders
    settings.RETENTION_JURISDICTION = "de"
    customer_id = erasable_customer(min_orders=2)
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order_grid SET created_at = '2019-02-01 10:00:00' WHERE customer_id = %s", [customer_id])

    # when the customer is erased
    run = _erase({"customer_id": customer_id})

    # then the grid rows are held from their own year (the plan's facts come from the rows discovery read)
    grid = RetentionHold.objects.filter(request_ref=run.reference, table="sales_order_grid")
    assert grid.exists() and set(grid.values_list("hold_until", flat=True)) == {date(2027, 12, 31)}

    # and another customer's order in processing, found with their rows, refuses their erasure
    other = erasable_customer(min_orders=2, exclude=(customer_id,))
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'processing' WHERE entity_id = "
                       "(SELECT MAX(entity_id) FROM sales_order WHERE customer_id = %s)", [other])  # fmt: skip
    assert [(block.reason, block.count) for block in erasure_plan_prepare(identity={"customer_id": other}).blocks] == [("open_orders", 1)]


def test_an_order_whose_period_has_ended_is_anonymized_completely_and_not_held(shop, settings):
    # given a customer whose orders are older than the US period of 7 years
    settings.RETENTION_JURISDICTION = "us"
    customer_id = erasable_customer()
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET created_at = '2015-03-01 10:00:00' WHERE customer_id = %s", [customer_id])
        cursor.execute("SELECT entity_id FROM sales_order WHERE customer_id = %s", [customer_id])
        orders = [row[0] for row in cursor.fetchall()]

    # when the customer is erased
    run = _erase({"customer_id": customer_id})

    # then those orders are not held and their names are anonymized now
    assert not RetentionHold.objects.filter(request_ref=run.reference, table="sales_order", row_id__in=orders).exists()
    with connections["magento"].cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT customer_firstname FROM sales_order WHERE entity_id IN ({', '.join(['%s'] * len(orders))})", orders)
        assert list(cursor.fetchall()) == [("anonymized",)]


def test_running_the_same_erasure_again_changes_nothing(shop):
    # given an erased customer
    customer_id = erasable_customer()
    run = _erase({"customer_id": customer_id})
    after_first = database_dump()

    # when the frozen plan is applied again (a retry after a crash right after the commit) and the
    # subject is erased again from scratch
    plan_apply(plan=erasure_plan_open(run), key=pseudonym_key(), using="magento")
    again = _erase({"customer_id": customer_id}, reference="manual:again")

    # then the shop database is exactly as after the first run
    assert database_dump() == after_first
    assert again.summary["totals"]["rows"] == 0


@pytest.mark.mariadb
def test_on_mariadb_the_shop_transaction_reads_the_text_to_scrub_in_one_round_trip_and_writes_everything_in_one_more(shop):
    # given a customer's erasure plan
    plan = erasure_plan_prepare(identity={"customer_id": erasable_customer(min_orders=3)})
    # when it is applied
    with CaptureQueriesContext(connections["magento"]) as queries:
        counts = plan_apply(plan=plan, key=pseudonym_key(), using="magento")
    # then the shop saw at most one batch of reads, then one batch of every write, and the counts are per table
    sent = [query["sql"] for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    *reads, writes = sent
    assert len(reads) <= 1 and all(sql.startswith("SELECT") for sql in reads)
    assert writes.count(";\n") + 1 == len(re.findall(r"(?:^|;\n)(?:UPDATE|DELETE) ", writes)) >= 5
    assert counts["customer_entity"]["deleted"] == 1


def test_a_failure_inside_the_shop_transaction_leaves_the_subject_untouched_and_the_retry_completes(shop):
    # given a customer, and a database that fails on the fifth statement of the erasure
    customer_id = erasable_customer(min_orders=3)
    before = database_dump()
    statements = []

    def fail_on_fifth(table, kind):
        statements.append(table)
        if len(statements) == 5:
            raise RuntimeError("connection lost")

    # when the erasure runs into it
    with pytest.raises(RuntimeError):
        erasure_run(reference="manual:crash", identity={"customer_id": customer_id}, actor=OPERATOR, now=SEEDED_AT,
                    progress=fail_on_fifth)  # fmt: skip

    # then nothing in the shop changed, the run knows it may have started, and a retry completes it
    assert database_dump() == before
    assert ErasureRun.objects.get(reference="manual:crash").step == Step.APPLYING
    run = erasure_run(reference="manual:crash", identity=None, actor=OPERATOR, now=SEEDED_AT)
    assert run.step == Step.VERIFIED and run.attempts == 2


def test_a_subject_with_an_open_order_is_refused_and_left_untouched(shop):
    # given a customer whose latest order is still being processed
    customer_id = erasable_customer()
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'processing' WHERE entity_id = "
                       "(SELECT MAX(entity_id) FROM sales_order WHERE customer_id = %s)", [customer_id])  # fmt: skip
    before = database_dump()

    # when the erasure is attempted
    with pytest.raises(ErasureBlocked) as blocked:
        _erase({"customer_id": customer_id})

    # then nothing changed and the reason names the open order
    assert database_dump() == before
    run = ErasureRun.objects.get(reference="manual:test")
    assert run.problem == Problem.BLOCKED and run.step == Step.NONE
    assert "1 open order(s)" in blocked.value.staff_reason


def test_the_residual_scan_is_stored_encrypted_and_lists_only_allowed_hits(shop):
    # given an erased customer
    customer_id = erasable_customer(min_orders=2)
    run = _erase({"customer_id": customer_id})

    # when the stored scan is opened
    scan = erasure_scan_open(run)

    # then it lists hits in held columns only, and the stored copy is a ciphertext
    assert scan["clean"] and scan["hits"] and all(hit[4] for hit in scan["hits"])
    assert run.scan_sealed.startswith("pd1.") and "sales_order" not in run.scan_sealed


def test_the_dry_run_plan_counts_rows_per_table_and_changes_nothing(shop):
    # given a customer
    customer_id = erasable_customer()
    before = database_dump()

    # when the erasure is only planned
    plan = erasure_plan_prepare(identity={"customer_id": customer_id}, now=SEEDED_AT)

    # then it deletes the account, holds the orders, and nothing changed
    assert plan.table("customer_entity").delete == (customer_id,)
    assert plan.table("sales_order").held and not plan.table("sales_order").delete
    assert database_dump() == before


def test_order_cells_of_the_subject_are_kept_only_in_held_columns(shop):
    # given an erased customer
    customer_id = erasable_customer()
    subject = person(customer_id)
    before = database_dump()
    run = _erase({"customer_id": customer_id})
    after = database_dump()

    # then an order keeps the name (held) but lost the e-mail and the IP address
    order = next(key for key, (names, row) in before["sales_order"].items() if dict(zip(names, row))["customer_id"] == customer_id)
    kept = cells(after, "sales_order", order)
    assert kept["customer_lastname"] == subject.lastname
    assert kept["remote_ip"] is None and kept["customer_email"].endswith("@anonymized.invalid")
    assert run.step == Step.VERIFIED


def test_no_strategy_the_plan_applies_writes_null_into_a_column_the_shop_declares_not_null(magento_schema):
    # given the test shop's own schema (NOT NULL as the database declares it, not as the map says)
    live = live_columns(using="magento", database=connections["magento"].settings_dict["NAME"])

    # when a plan touches one row of every mapped table, kept and past its hold
    rows = {entry.name: {1: {}} for entry in datamap.TABLES if entry.name in live and len(entry.pk) == 1}
    facts = SubjectFacts(order_states={}, pending_amazon_actions=0, open_creditmemos=0, live_columns=live,
                         document_dates={(table, 1): SEEDED_AT.date().replace(year=2010) for table in rows})  # fmt: skip
    periods = {c: Period(c, "de", 8, "§147 AO") for c in ("order", "invoice", "credit_memo", "shipment")}
    plan = erasure_plan_build(subject=Subject(seed=Seed(email="a@b.example")), rows=rows, facts=facts,
                              identifiers=Identifiers(), periods=periods, jurisdiction="de", token="0" * 12, key="k",
                              now=SEEDED_AT)  # fmt: skip

    # then no column that gets NULL is declared NOT NULL by the shop
    nulled = {(t.table, a.column) for t in plan.tables for a in (*t.columns, *t.columns_held) if a.strategy == "null"}
    assert nulled and all(live[table][column] for table, column in nulled)


def test_a_new_run_is_opened_with_one_insert_and_without_reading_first():
    # when a run that does not exist yet is opened
    with CaptureQueriesContext(connections["default"]) as queries:
        run = erasure_run_open(reference="manual:new", now=SEEDED_AT)

    # then its one statement is the INSERT (the savepoints are the test's own transaction's)
    statements = [query["sql"] for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(statements) == 1 and statements[0].startswith('INSERT INTO "erasure_erasurerun"')
    assert run.attempts == 1 and ErasureRun.objects.get(reference="manual:new").pk == run.pk


def test_opening_a_run_again_counts_one_more_attempt_of_the_same_run():
    # given a run a first attempt opened
    first = erasure_run_open(reference="manual:again", now=SEEDED_AT)

    # when a retry opens it again
    again = erasure_run_open(reference="manual:again", now=SEEDED_AT)

    # then it is the same run, counted twice
    assert again.pk == first.pk and again.attempts == 2
    assert ErasureRun.objects.filter(reference="manual:again").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_opening_the_same_new_run_at_once_end_with_one_run_counted_twice():
    # given a worker whose transaction created the run and has not committed yet
    opened, errors = [], []

    def second_worker():
        try:
            opened.append(erasure_run_open(reference="manual:race", now=SEEDED_AT))
        except Exception as error:  # reported below: a thread's failure must fail the test
            errors.append(error)
        finally:
            connections.close_all()

    with transaction.atomic():
        first = erasure_run_open(reference="manual:race", now=SEEDED_AT)
        # when a second worker opens the same run meanwhile, and waits on the first one's uncommitted row
        racer = threading.Thread(target=second_worker)
        racer.start()
        assert _until_a_statement_waits_on_a_lock(), "the second worker never waited on the first one's row"
    racer.join()

    # then both have the one run, which counts two attempts
    assert not errors and [run.pk for run in opened] == [first.pk]
    assert list(ErasureRun.objects.filter(reference="manual:race").values_list("attempts", flat=True)) == [2]


def _until_a_statement_waits_on_a_lock(polls: int = 1000) -> bool:
    with connections["default"].cursor() as cursor:
        for _ in range(polls):
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted)")
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.01)
    return False


def test_the_frozen_plan_is_stored_compressed_and_encrypted_and_opens_as_it_was(shop):
    # given an erased customer
    run = _erase({"customer_id": erasable_customer()})

    # when its frozen plan is opened
    plan = erasure_plan_open(run)

    # then the stored copy is a ciphertext a fraction of the plan's JSON, which opens to the plan the erasure applied
    assert run.plan_sealed.startswith("pd1.") and len(run.plan_sealed) * 3 < len(json.dumps(plan_to_json(plan)))
    assert plan == erasure_plan_open(ErasureRun.objects.get(pk=run.pk)) and plan.table("customer_entity").delete


def test_a_plan_sealed_before_plans_were_compressed_still_opens(shop):
    # given a run whose plan an earlier version sealed: its JSON encrypted as text, under the same key and AAD
    plan = erasure_plan_prepare(identity={"customer_id": erasable_customer()}, now=SEEDED_AT)
    run = erasure_run_open(reference="manual:earlier", now=SEEDED_AT)
    key = keys.data_key_for_scope(scope=run.reference)
    run.plan_sealed = keys.encrypt_text(json.dumps(plan_to_json(plan)), key=key, aad=b"manual:earlier:erasure:plan")

    # when it is opened, then it is that plan
    assert erasure_plan_open(run) == plan
