"""Discovery finds every row of a person and none of anyone else's, checked against a brute-force
oracle over seeded shops (SQLite here; MariaDB in the services pass)."""

import random
import re

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings, strategies as st

from privacy.sources.base import SubjectLookupError
from privacy.sources.discovery import findings_from_rows, subject_discover, subject_identify, subject_identify_rows
from privacy.sources.locator import locator_sync
from privacy.sources.magento import batch
from tests.sources.discovery_oracle import by_table, dump, persons, seeded_shop, truth_for_email

pytestmark = pytest.mark.django_db(databases=["default", "magento"], transaction=False)


def _discover(**identity):
    subject = subject_identify(**identity)
    return subject, subject_discover(subject=subject)


def _assert_matches_truth(tables, email):
    _, findings = _discover(email=email)
    assert by_table(findings) == truth_for_email(tables, email), email
    return findings


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=1, max_value=100_000), synced=st.booleans())
def test_discovery_finds_every_row_of_a_person_and_no_row_of_anyone_else(seed, synced):
    # given a freshly seeded shop, with or without the locator synced
    with seeded_shop(seed=seed):
        if synced:
            locator_sync()
        tables = dump()
        people = sorted(persons(tables))
        sample = random.Random(seed).sample(people, min(8, len(people)))
        # when each sampled person is discovered by e-mail
        seen: dict[tuple, str] = {}
        for email in sample:
            findings = _assert_matches_truth(tables, email)
            # then no row is attributed to two people
            for finding in findings:
                assert seen.setdefault((finding.table, finding.pk), email) == email, finding
        # and every order belongs to somebody
        owned_orders = {pk for (table, pk) in seen if table == "sales_order"}
        assert owned_orders <= {row["entity_id"] for row in tables["sales_order"]}


def test_the_same_email_on_two_websites_is_one_person_with_both_accounts():
    with seeded_shop(seed=11) as report:
        # given the address the seeder registered on both websites
        cases = report.hard_cases
        # when it is discovered, in another case and with spaces
        subject, findings = _discover(email=f"  {cases.shared_email.upper()} ")
        # then both accounts and the orders of both are found
        assert subject.customer_ids == set(cases.shared_email_customer_ids)
        customers = {finding.pk for finding in findings if finding.table == "customer_entity"}
        assert customers == set(cases.shared_email_customer_ids)
        assert by_table(findings) == truth_for_email(dump(), cases.shared_email)


def test_guest_orders_whose_email_differs_in_case_or_spaces_are_found():
    with seeded_shop(seed=12) as report:
        customer_id, email, _ = report.hard_cases.guest_variants[0]
        variants = {variant for owner, _, variant in report.hard_cases.guest_variants if owner == customer_id}
        tables = dump()
        # when the person is discovered by the address they registered with
        findings = _assert_matches_truth(tables, email)
        # then every guest order placed with a variant of it is among the findings
        orders = {finding.pk for finding in findings if finding.table == "sales_order"}
        guest_orders = {row["entity_id"] for row in tables["sales_order"] if row["customer_email"] in variants}
        assert len(guest_orders) == len(variants) and guest_orders <= orders


def test_a_guest_is_found_by_order_number_and_email_like_by_email_alone():
    with seeded_shop(seed=13):
        tables = dump()
        guest = next(row for row in tables["sales_order"] if row["customer_id"] is None)
        # when the guest gives the order number and the address in another case
        _, by_order = _discover(email=guest["customer_email"].upper(), order_increment_id=guest["increment_id"])
        _, by_email = _discover(email=guest["customer_email"])
        # then the same rows are found, including that order
        assert by_order == by_email
        assert guest["entity_id"] in {finding.pk for finding in by_order if finding.table == "sales_order"}


def test_an_order_number_with_someone_elses_email_is_refused_naming_the_field():
    with seeded_shop(seed=13):
        tables = dump()
        order = tables["sales_order"][0]
        with pytest.raises(SubjectLookupError) as refused:
            subject_identify(email="outsider@example.com", order_increment_id=order["increment_id"])
        assert refused.value.field == "order_increment_id"


def test_an_amazon_buyer_id_finds_the_linked_customer_and_their_amazon_pay_references():
    with seeded_shop(seed=14) as report:
        tables = dump()
        customer_id = report.hard_cases.amazon_customer_id
        buyer_id = next(row["amazon_id"] for row in tables["amazon_customer"] if row["customer_id"] == customer_id)
        # when discovered by buyer id and by customer id
        subject, by_buyer = _discover(amazon_buyer_id=buyer_id)
        _, by_customer = _discover(customer_id=customer_id)
        # then both give the same rows, with the Amazon link and the customer's payments
        assert subject.customer_ids == {customer_id} and subject.amazon_buyer_ids == {buyer_id}
        assert by_buyer == by_customer
        tables_found = {finding.table for finding in by_buyer}
        assert {"amazon_customer", "customer_entity"} <= tables_found


def _account_table_statements(queries) -> int:
    return sum(len(re.findall(r"FROM .(customer_entity|amazon_customer). ", query["sql"])) for query in queries)


def test_identifying_and_discovering_in_one_walk_reads_the_account_tables_once_and_finds_every_row():
    with seeded_shop(seed=14) as report:
        # given an Amazon buyer id that signed in to a second account too
        tables = dump()
        linked = next(row for row in tables["amazon_customer"] if row["customer_id"] == report.hard_cases.amazon_customer_id)
        unlinked = {row["entity_id"] for row in tables["customer_entity"]} - {row["customer_id"] for row in tables["amazon_customer"]}
        other = min(unlinked)
        with connections["magento"].cursor() as cursor:
            cursor.execute("INSERT INTO amazon_customer (customer_id, amazon_id) VALUES (%s, %s)", [other, linked["amazon_id"]])
        email = next(row["email"] for row in tables["customer_entity"] if row["entity_id"] == linked["customer_id"])
        # when the first account's holder is identified alone, then identified and discovered in one walk
        with CaptureQueriesContext(connections["magento"]) as identifying:
            subject_identify(email=email)
        with CaptureQueriesContext(connections["magento"]) as walking:
            subject, rows = subject_identify_rows(email=email)
        # then the walk finds every row of both accounts
        assert other in subject.customer_ids
        assert by_table(findings_from_rows(rows)) == truth_for_email(dump(), email)
        # and reads the account tables no more often than identifying alone
        assert _account_table_statements(walking) == _account_table_statements(identifying)


def test_an_account_found_by_email_is_not_read_again_by_its_customer_id():
    with seeded_shop(seed=14):
        # given an account holder
        customer = dump()["customer_entity"][0]
        # when they are identified by e-mail
        with CaptureQueriesContext(connections["magento"]) as queries:
            subject = subject_identify(email=customer["email"])
        # then their account is read once, by e-mail, and still found
        assert subject.customer_ids == {customer["entity_id"]}
        assert sum(len(re.findall(r"FROM .customer_entity. ", query["sql"])) for query in queries) == 1


@pytest.mark.parametrize("synced", [False, True])
def test_async_authorization_rows_without_an_order_are_reached_through_the_charge_permission(synced):
    with seeded_shop(seed=15, customers=30):
        # given an Amazon Pay order whose authorization the plugin still holds as pending, without order_id
        tables = dump()
        payment = next(p for p in tables["sales_order_payment"] if p["method"] == "amazon_payment_v2")
        order = next(o for o in tables["sales_order"] if o["entity_id"] == payment["parent_id"])
        if synced:
            locator_sync()
        with connections["magento"].cursor() as cursor:
            cursor.execute(
                "INSERT INTO amazon_payv2_async (order_id, is_pending, pending_action, pending_id) VALUES (NULL, 1, %s, %s)",
                ["authorization", payment["last_trans_id"]],
            )
        pending = dump()["amazon_payv2_async"][-1]
        # when the order's owner is discovered
        _, findings = _discover(email=order["customer_email"])
        # then the async row is among the findings
        assert ("amazon_payv2_async", pending["entity_id"]) in {(f.table, f.pk) for f in findings}


@pytest.mark.parametrize(
    "identity, field",
    [({}, "email"), ({"email": "no-at-sign"}, "email"), ({"customer_id": 0}, "customer_id"),
     ({"amazon_buyer_id": "A2XYZ"}, "amazon_buyer_id"), ({"order_increment_id": "000000001"}, "email")],
)  # fmt: skip
def test_a_malformed_identity_is_refused_naming_the_field(identity, field):
    with pytest.raises(SubjectLookupError) as refused:
        subject_identify(**identity)
    assert refused.value.field == field


def test_an_unknown_email_or_customer_id_finds_nothing():
    with seeded_shop(seed=16):
        for identity in ({"email": "nobody@nowhere.example"}, {"customer_id": 999_999}):
            subject, findings = _discover(**identity)
            assert not subject.found and subject.customer_ids == set() and findings == []


def test_a_table_searched_by_scan_is_asked_about_once_for_all_its_links_and_its_rows_are_still_found():
    with seeded_shop(seed=12):
        # given an account holder logged into by staff, recorded by e-mail only (no customer id)
        tables = dump()
        customer = tables["customer_entity"][0]
        with connections["magento"].cursor() as cursor:
            cursor.execute("DELETE FROM magento_login_as_customer_log WHERE customer_id = %s", [customer["entity_id"]])
            cursor.execute("INSERT INTO magento_login_as_customer_log (time, user_id, user_name, customer_id, customer_email)"
                           " VALUES ('2026-01-02 03:04:05', 1, 'staff', NULL, %s)", [customer["email"].upper()])  # fmt: skip
        # when they are discovered
        with CaptureQueriesContext(connections["magento"]) as queries:
            _, findings = _discover(customer_id=customer["entity_id"])
        # then the log table (neither link column indexed) is scanned before its rows are known by one statement, not
        # one per link: an EXISTS test for both links (statements sent one by one), or one read of both (in a batch)
        statements = [sql for query in queries for sql in query["sql"].split(";\n")]
        scans = [sql for sql in statements if re.search(r"FROM .magento_login_as_customer_log. WHERE", sql)]
        if batch.sends_together("magento"):
            assert len(scans) == 1 and " OR " in scans[0]
        else:
            assert len([sql for sql in scans if sql.startswith("SELECT EXISTS")]) == 1
        # and the row found by e-mail is theirs
        assert [finding.table for finding in findings].count("magento_login_as_customer_log") == 1


@pytest.mark.mariadb
def test_on_mariadb_the_account_lookup_by_email_uses_the_unique_index():
    from privacy.sources.magento.finder import email_candidates_sql

    where, params = email_candidates_sql(column="email", emails=["ada@example.com"], indexed=True, using="magento")
    with connections["magento"].cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT entity_id FROM customer_entity WHERE {where}", params)
        plan = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    assert dict(zip(names, plan))["key"] == "CUSTOMER_ENTITY_EMAIL_WEBSITE_ID"


@pytest.mark.mariadb
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=1, max_value=100_000))
def test_on_mariadb_discovery_matches_the_oracle_including_leading_whitespace(seed):
    with seeded_shop(seed=seed):
        tables = dump()
        email = sorted(persons(tables))[0]
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET customer_email = %s WHERE entity_id = %s",
                           ["\t " + email.upper(), tables["sales_order"][0]["entity_id"]])  # fmt: skip
            cursor.execute("UPDATE newsletter_subscriber SET subscriber_email = %s WHERE subscriber_id = 1", [" " + email])
        _assert_matches_truth(dump(), email)


@pytest.mark.mariadb
def test_on_mariadb_a_walk_sent_in_batches_finds_exactly_the_rows_of_a_walk_sent_statement_by_statement_in_far_fewer_round_trips():
    with seeded_shop(seed=18, customers=30):
        tables = dump()
        options = connections["magento"].settings_dict["OPTIONS"]
        for email in sorted({row["email"] for row in tables["customer_entity"]})[:8]:
            # when the same person is discovered with the walk's levels in batches, and statement by statement
            with CaptureQueriesContext(connections["magento"]) as batched:
                in_batches = subject_identify_rows(email=email)
            options["multi_statements"] = False  # read by batch.sends_together; the open connection is unchanged
            try:
                with CaptureQueriesContext(connections["magento"]) as one_by_one:
                    statement_by_statement = subject_identify_rows(email=email)
            finally:
                options["multi_statements"] = True
            # then both find the same rows, and the batches cost less than half the round trips
            assert in_batches == statement_by_statement, email
            assert len(batched) * 2 < len(one_by_one), (len(batched), len(one_by_one))
