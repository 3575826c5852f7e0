"""The residual scan: it proves an erased subject is gone, and it finds what was left behind."""

import pytest
from django.db import connections

from privacy.audit.actors import Actor
from privacy.sources.erasure.execute import (
    ErasureResidue,
    erasure_plan_open,
    erasure_run,
)
from privacy.sources.erasure.models import ErasureRun, Problem
from privacy.sources.erasure.residual import residual_scan
from tests.sources.erasure.helpers import SEEDED_AT, erasable_customer, person

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
OPERATOR = Actor.system("test")


@pytest.fixture
def erased(shop):
    """An erased customer: (their identity as it was, the run)."""
    customer_id = erasable_customer(min_orders=2)
    subject = person(customer_id)
    return subject, erasure_run(reference="manual:scan", identity={"customer_id": customer_id}, actor=OPERATOR, now=SEEDED_AT)


def _insert(sql: str, params: list) -> None:
    with connections["magento"].cursor() as cursor:
        cursor.execute(sql, params)


def test_a_clean_erasure_passes_the_deep_scan_of_every_text_column_of_the_shop(erased):
    _, run = erased
    result = residual_scan(plan=erasure_plan_open(run), deep=True)
    assert result.clean and result.mode == "deep" and result.tables_checked > 60


def test_a_row_still_linked_to_the_subject_is_residue_named_by_table_and_column(erased):
    # given an erased subject who (re)subscribes to the newsletter with their address
    subject, run = erased
    _insert("INSERT INTO newsletter_subscriber (store_id, customer_id, subscriber_email, subscriber_status) "
            "VALUES (1, 0, %s, 1)", [subject.email.upper()])  # fmt: skip

    # when the standard scan runs again
    result = residual_scan(plan=erasure_plan_open(run))

    # then it names the residue
    assert not result.clean
    assert result.summary()["residue_columns"] == ["newsletter_subscriber.subscriber_email"]


def test_only_the_deep_scan_finds_the_subject_named_in_another_customers_comment(erased):
    # given a staff comment on someone else's order that quotes the erased subject
    subject, run = erased
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT entity_id FROM sales_order WHERE customer_id IS NOT NULL ORDER BY entity_id LIMIT 1")
        other_order = cursor.fetchone()[0]
    _insert("INSERT INTO sales_order_status_history (parent_id, is_customer_notified, is_visible_on_front, comment, status, "
            "created_at, entity_name) VALUES (%s, 0, 0, %s, 'complete', '2026-01-05 10:00:00', 'order')",
            [other_order, f"Same address as {subject.firstname} {subject.lastname}, {subject.streets[0]}."])  # fmt: skip
    plan = erasure_plan_open(run)

    # when the standard and the deep scans run
    standard, deep = residual_scan(plan=plan), residual_scan(plan=plan, deep=True)

    # then the standard scan (the subject's own and linked rows) passes, the deep one finds the comment
    assert standard.clean
    assert [(hit.table, hit.kinds) for hit in deep.residues] == [("sales_order_status_history", ("name_with_address",))]


def test_residue_stops_the_erasure_before_it_is_marked_done(shop, settings):
    # given a subject, and a shop where an unmapped extension copied their e-mail into another customer's note
    customer_id = erasable_customer(min_orders=2)
    subject = person(customer_id)
    _insert("UPDATE sales_order SET customer_note = %s WHERE entity_id = (SELECT MIN(entity_id) FROM sales_order "
            "WHERE customer_id <> %s)", [f"referred by {subject.email}", customer_id])  # fmt: skip

    # when the erasure runs with the deep scan
    with pytest.raises(ErasureResidue, match="sales_order.customer_note"):
        erasure_run(reference="manual:residue", identity={"customer_id": customer_id}, actor=OPERATOR, now=SEEDED_AT, deep=True)

    # then the run stops with the residue recorded, not verified
    run = ErasureRun.objects.get(reference="manual:residue")
    assert run.problem == Problem.RESIDUE and run.step == "held" and run.scan["residues"] == 1


def _staff_logged_in_as(customer_id: int, email: str, user_name: str) -> None:
    _insert("INSERT INTO magento_login_as_customer_log (time, user_id, user_name, customer_id, customer_email) "
            "VALUES (%s, 1, %s, %s, %s)", [SEEDED_AT, user_name, customer_id, email])  # fmt: skip


def test_a_staff_member_who_shares_the_subject_s_surname_is_not_residue_of_the_subject(shop):
    # given a customer a staff member of the same surname logged in as ("Login as Customer" keeps the staff's name)
    customer_id = erasable_customer(min_orders=2)
    subject = person(customer_id)
    _staff_logged_in_as(customer_id, subject.email, user_name=f"Support {subject.lastname}")

    # when the customer is erased, then the scan passes: the log row's customer columns are anonymized, and the
    # staff member's name in it is theirs (the data map says so), not the customer's
    run = erasure_run(reference="manual:namesake", identity={"customer_id": customer_id}, actor=OPERATOR, now=SEEDED_AT)
    assert run.step == "verified" and run.scan["residues"] == 0


def test_the_subject_s_e_mail_in_a_column_of_someone_else_s_data_is_still_residue(shop):
    # given a staff member whose user name is the customer's own e-mail address
    customer_id = erasable_customer(min_orders=2)
    subject = person(customer_id)
    _staff_logged_in_as(customer_id, subject.email, user_name=subject.email)

    # when the customer is erased, then the scan names the address left in the staff column
    with pytest.raises(ErasureResidue, match="magento_login_as_customer_log.user_name"):
        erasure_run(reference="manual:email-as-user", identity={"customer_id": customer_id}, actor=OPERATOR, now=SEEDED_AT)
