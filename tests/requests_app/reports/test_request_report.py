"""One request's report for a supervisory authority: timeline, deadlines, actions, evidence of erasure."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from privacy.sources.magento.seed.service import magento_seed
from requests_app.reports.request_report import request_report, request_report_html
from requests_app.services import privacy_request_approve, privacy_request_deny, privacy_request_extend
from tests.requests_app.helpers import OPERATOR, reload, submit
from tests.requests_app.reports.builders import moment, request_row
from tests.sources.erasure.helpers import SEEDED_AT, erasable_customer, person

D = date


def statuses(report) -> dict:
    return {check["deadline"]: (check["status"], check["days_late"]) for check in report["deadlines"]}


@pytest.fixture
def erased_request(magento_schema, django_capture_on_commit_callbacks):
    """A CCPA deletion of a seeded customer, verified, discovered, approved and erased through the services."""
    magento_seed(using="magento", customers=40, seed=23, now=SEEDED_AT)
    email = person(erasable_customer(min_orders=2)).email
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="deletion", email=email, jurisdiction="ccpa", channel="email", verified=True,
                                 by=OPERATOR)
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_approve(privacy_request=reload(privacy_request), by=OPERATOR)
    return reload(privacy_request), email


@pytest.mark.django_db(databases=["default", "magento"])
def test_an_erased_request_reports_its_timeline_its_deadlines_met_and_the_evidence_of_erasure(erased_request):
    # given a deletion carried out today
    privacy_request, email = erased_request

    # when its report is made
    report = request_report(privacy_request=privacy_request, include_texts=True)

    # then the outcome, the deadlines and every step from the audit trail are there
    assert privacy_request.state == "completed"
    assert report["outcome"] == {"result": "complied", "denial_reason": None, "denial_reason_label": None,
                                 "denial_group": None, "denial_explanation": None, "days_to_response": 0}
    assert statuses(report) == {"Confirm receipt (10 business days)": ("met", 0), "Respond": ("met", 0)}
    actions = [entry["action"] for entry in report["timeline"]]
    for action in ("request.submitted", "request.verified", "request.discovered", "request.approved",
                   "erasure.planned", "erasure.applied", "erasure.verified", "request.completed",
                   "subject.retention_scheduled"):
        assert action in actions
    assert actions.index("request.submitted") < actions.index("erasure.applied") < actions.index("request.completed")
    # and the evidence: a clean residual scan, rows changed, order records kept under a statutory hold
    erasure = report["erasure"]
    assert erasure["step"] == "completed" and erasure["residual_scan"]["clean"] is True
    assert erasure["residual_scan"]["rows_checked"] > 0 and erasure["holds"] > 0
    assert erasure["receipt"]["kept"] and erasure["receipt"]["verified"] is True
    assert report["record_keeping"]["keep_until"] > timezone.localdate().isoformat()
    # and nowhere does the requester's address appear
    assert email not in str(report) and email not in request_report_html(report)


@pytest.mark.django_db
def test_a_denied_extended_request_reports_the_extension_notice_and_a_missed_answer():
    # given a GDPR request received on 1 March, extended on 20 March to 1 June, denied on 5 June
    privacy_request = submit(kind="access", email="ada@example.com", channel="post", received_at=D(2025, 3, 1),
                             verified=True, by=OPERATOR, start_processing=False, now=moment(D(2025, 3, 1)))
    privacy_request_extend(privacy_request=privacy_request, reason="Our archive is off-site.", by=OPERATOR,
                           now=moment(D(2025, 3, 20)))
    privacy_request_deny(privacy_request=reload(privacy_request), reason="other", by=OPERATOR,
                         explanation="We hold no data about you.", now=moment(D(2025, 6, 5)))

    # when the report is made with and without the staff texts
    full = request_report(privacy_request=reload(privacy_request), include_texts=True)
    redacted = request_report(privacy_request=reload(privacy_request), include_texts=False)

    # then the notice went out in the first month, the answer came 4 days after the extended date (2 June, a Monday)
    assert statuses(full) == {"Notify the extension within the first period": ("met", 0),
                              "Respond (after extensions)": ("missed", 3)}
    assert full["extensions"][0] | {"reason": None} == {
        "granted": "2025-03-20", "extension": 2, "unit": "months", "previous_due_date": "2025-04-01",
        "new_due_date": "2025-06-02", "reason": None}
    assert full["outcome"]["days_to_response"] == 96 and full["outcome"]["denial_group"] == "other"
    assert full["extensions"][0]["reason"] == "Our archive is off-site."
    assert full["outcome"]["denial_explanation"] == "We hold no data about you."
    assert redacted["extensions"][0]["reason"] is None and redacted["outcome"]["denial_explanation"] is None
    assert "Our archive is off-site." not in request_report_html(redacted)


@pytest.mark.django_db
def test_an_open_request_past_its_due_date_is_reported_overdue_by_the_days_late():
    today = timezone.localdate()
    privacy_request = request_row(kind="access", jurisdiction="gdpr", received=today - timedelta(days=50))

    report = request_report(privacy_request=privacy_request, include_texts=False)

    [respond] = report["deadlines"]
    assert respond["status"] == "overdue"
    assert respond["days_late"] == (today - privacy_request.due_date).days > 0
    assert report["outcome"]["result"] == "pending" and report["erasure"] is None


@pytest.mark.django_db
def test_the_printable_report_names_each_section_and_links_its_stylesheet_only_when_served():
    privacy_request = request_row(kind="deletion", received=D(2025, 1, 6), state="denied", closed=D(2025, 1, 9),
                                  reason="unverifiable")
    report = request_report(privacy_request=privacy_request, include_texts=False)

    served = request_report_html(report, standalone=False)
    standalone = request_report_html(report)

    for heading in ("The request", "Deadlines", "Actions and timeline", "Record keeping and integrity"):
        assert f">{heading}</h2>" in served
    assert f"Request #{privacy_request.pk}" in served
    assert '<link rel="stylesheet"' in served and "<style>" not in served
    assert "<style>" in standalone and '<link rel="stylesheet"' not in standalone
