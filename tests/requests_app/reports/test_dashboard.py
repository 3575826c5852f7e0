"""The dashboard's figures against hand counts: queue, deadlines, on-time rate, days to answer,
retention per month and the audit chain's status."""

from datetime import date, timedelta

import pytest

from privacy.audit.actors import Actor
from privacy.audit.verification import audit_chain_verify_and_record
from requests_app.models import DenialReason, Kind, PrivacyRequest
from requests_app.reports.dashboard import (
    audit_chain_status, dashboard_build, days_to_close_by_kind, deadline_queues, months_back, on_time_by_month,
    open_requests_matrix, retention_by_month,
)
from requests_app.services import privacy_request_submit
from requests_app.states import State
from retention.models import RetentionPolicy, RetentionRun
from tests.requests_app.reports.builders import completed, denied, moment, request_row

pytestmark = pytest.mark.django_db

D = date
TODAY = D(2026, 3, 10)
MONTHS = months_back(today=TODAY, count=3)  # January, February, March 2026


def every_kind(**counts) -> dict:
    """Counts for every kind of the model (0 unless given): the dashboard lists each, new kinds included."""
    return {kind: 0 for kind in Kind.values} | counts


def test_the_months_run_back_across_the_new_year_oldest_first():
    assert months_back(today=D(2026, 2, 17), count=4) == [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]


def test_open_requests_are_counted_by_state_and_kind_and_closed_ones_are_not():
    for kind, state in (("access", State.IN_REVIEW), ("access", State.IN_REVIEW), ("deletion", State.IN_REVIEW),
                        ("export", State.NEEDS_ATTENTION), ("opt_out", State.VERIFIED)):
        request_row(kind=kind, received=TODAY, state=state)
    completed("access", D(2026, 1, 5), D(2026, 1, 9))

    matrix = open_requests_matrix()

    assert matrix.total == 5
    assert matrix.cells == {("in_review", "access"): 2, ("in_review", "deletion"): 1,
                            ("needs_attention", "export"): 1, ("verified", "opt_out"): 1}
    assert [(state, total) for state, _label, total in matrix.states] == [
        ("received", 0), ("awaiting_verification", 0), ("verified", 1), ("in_review", 3), ("in_progress", 0),
        ("needs_attention", 1)]
    assert {kind: total for kind, _label, total in matrix.kinds} == every_kind(access=2, export=1, deletion=1, opt_out=1)
    label, counts, total = matrix.rows()[3]
    assert (label, dict(zip(Kind.values, counts)), total) == ("In review", every_kind(access=2, deletion=1), 3)


def test_overdue_and_due_soon_requests_are_listed_earliest_due_first(settings):
    settings.PRIVACY_DUE_SOON_DAYS = 7
    due = {}
    for name, due_date in (("late", TODAY - timedelta(days=2)), ("later", TODAY - timedelta(days=9)),
                           ("today", TODAY), ("week", TODAY + timedelta(days=7)), ("far", TODAY + timedelta(days=8))):
        row = request_row(kind="access", jurisdiction="gdpr", received=D(2026, 1, 2))
        PrivacyRequest.objects.filter(pk=row.pk).update(due_date=due_date)
        due[name] = row.pk
    closed_late = denied("access", D(2026, 1, 2), D(2026, 3, 1), DenialReason.OTHER)
    PrivacyRequest.objects.filter(pk=closed_late.pk).update(due_date=TODAY - timedelta(days=20))

    queues = deadline_queues(today=TODAY)

    assert [row.pk for row in queues.overdue] == [due["later"], due["late"]] and queues.overdue_count == 2
    assert [row.pk for row in queues.due_soon] == [due["today"], due["week"]] and queues.due_soon_count == 2


def test_the_on_time_rate_counts_answers_in_the_month_they_were_given(settings):
    # January: 2 answers, 1 on time (the other two days late); February: none; March: 3 answers, all on time
    # (a completion, a refusal and a request closed unverified); cancelled requests are no answer.
    on_time = completed("access", D(2026, 1, 2), D(2026, 1, 20), jurisdiction="gdpr")  # due 2 Feb
    late = completed("export", D(2025, 12, 1), D(2026, 1, 5), jurisdiction="gdpr")  # due 1 Jan
    completed("deletion", D(2026, 3, 1), D(2026, 3, 3))
    denied("correction", D(2026, 3, 1), D(2026, 3, 4), DenialReason.EXEMPT)
    request_row(kind="access", received=D(2026, 2, 20), state=State.CLOSED_UNVERIFIED, closed=D(2026, 3, 1))
    request_row(kind="access", received=D(2026, 2, 1), state=State.CANCELLED, closed=D(2026, 2, 2))
    completed("access", D(2025, 11, 2), D(2025, 12, 20))  # answered before the window

    rates = on_time_by_month(months=MONTHS)

    assert on_time.due_date == D(2026, 2, 2) and late.due_date == D(2026, 1, 1)
    assert [(rate.month, rate.responses, rate.on_time, rate.rate) for rate in rates] == [
        (D(2026, 1, 1), 2, 1, 50.0), (D(2026, 2, 1), 0, 0, None), (D(2026, 3, 1), 3, 3, 100.0)]


def test_the_median_days_to_answer_are_per_kind_over_the_window():
    completed("access", D(2026, 1, 2), D(2026, 1, 12))  # 10
    completed("access", D(2026, 1, 2), D(2026, 1, 22))  # 20
    denied("access", D(2026, 2, 2), D(2026, 2, 5), DenialReason.UNVERIFIABLE)  # 3
    completed("deletion", D(2026, 2, 1), D(2026, 3, 3))  # 30
    completed("deletion", D(2025, 11, 1), D(2025, 12, 30))  # before the window

    days = {entry.kind: (entry.responses, entry.median_days) for entry in days_to_close_by_kind(months=MONTHS)}

    assert days == {kind: (0, None) for kind in Kind.values} | {"access": (3, 10.0), "deletion": (1, 30.0)}


def test_retention_counts_real_runs_per_month_and_splits_anonymized_from_deleted_rows():
    orders = RetentionPolicy.objects.get(name="orders-anonymize")
    carts = RetentionPolicy.objects.get(name="guest-carts-delete")

    def run(policy, day, changed, *, state="completed", dry_run=False):
        tables = {"sales_order": {"examined": 99, "changed": changed[0]}, "sales_invoice": {"changed": changed[1]}}
        RetentionRun.objects.create(policy=policy, state=state, dry_run=dry_run, batch_size=10, started_by="test",
                                    created_at=moment(day, 2), tables=tables)

    run(orders, D(2026, 1, 3), (100, 20))
    run(carts, D(2026, 1, 4), (7, 0), state="failed")
    run(orders, D(2026, 3, 1), (5, 0))
    run(orders, D(2026, 3, 2), (1000, 1000), dry_run=True)  # counted nothing
    run(orders, D(2025, 12, 31), (50, 0))  # before the window

    months = retention_by_month(months=MONTHS)

    assert [(m.month, m.runs, m.failed, m.anonymized, m.deleted) for m in months] == [
        (D(2026, 1, 1), 2, 1, 120, 7), (D(2026, 2, 1), 0, 0, 0, 0), (D(2026, 3, 1), 1, 0, 5, 0)]


def test_the_audit_chain_status_tells_the_last_verification_and_the_head():
    # given a chain never checked
    assert audit_chain_status().last_check_ok is None

    # when three events are written and the chain is verified
    privacy_request_submit(kind="access", email="ada@example.com", jurisdiction="gdpr", channel="post",
                           verified=True, by=Actor.system("mailroom"), start_processing=False)
    result = audit_chain_verify_and_record(actor=Actor.system("verify_audit_chain_task"))

    # then the status names the check, the head it reached, and the head now (the check's own event on top)
    status = audit_chain_status()
    assert result.ok and status.last_check_ok is True and status.tone == "ok"
    assert status.last_check_head == str(result.head_seq)
    assert status.head_seq == result.head_seq and status.head_hash == result.head_hash


def test_the_dashboard_builds_every_panel_for_today():
    request_row(kind="access", received=D(2026, 3, 9))

    dashboard = dashboard_build(today=TODAY, months=12)

    assert dashboard.months[0] == D(2025, 4, 1) and dashboard.months[-1] == D(2026, 3, 1)
    assert dashboard.open.total == 1 and len(dashboard.on_time) == len(dashboard.retention) == 12
