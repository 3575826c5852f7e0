"""A privacy officer reads the compliance reports in a real browser: the dashboard, the CCPA
metrics page ready to publish, the Art. 30 record and one request's report for a regulator."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from privacy.audit.actors import Actor
from privacy.audit.verification import audit_chain_verify_and_record
from privacy.sources.datamap import CATEGORIES
from requests_app.models import DenialReason, PrivacyRequest
from requests_app.services import privacy_request_approve, privacy_request_cancel, privacy_request_submit
from requests_app.states import State
from retention.models import RetentionPolicy, RetentionRun
from tests.requests_app.reports.builders import completed, denied, moment, request_row
from tests.sources.erasure.helpers import erasable_customer, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

KINDS = ("access", "deletion", "export", "opt_out", "correction")


def _answered(today: date) -> None:
    """A year of answered requests: more each month, a few late, every kind."""
    for months_ago in range(12):
        day = (today.replace(day=1) - timedelta(days=months_ago * 30)).replace(day=3)
        for number in range(2 + (11 - months_ago) % 4):
            kind = KINDS[(months_ago + number) % len(KINDS)]
            late = (months_ago + number) % 7 == 0
            days = 50 if late else 5 + 3 * number + months_ago % 5
            received = day - timedelta(days=days)
            if number == 3:
                denied(kind, received, day, DenialReason.UNVERIFIABLE, jurisdiction="gdpr")
            else:
                completed(kind, received, day, jurisdiction="ccpa" if number % 2 else "gdpr")


def _open(today: date) -> None:
    for days_ago, kind, jurisdiction, state in (
        (2, "access", "gdpr", State.AWAITING_VERIFICATION), (3, "opt_out", "ccpa", State.VERIFIED),
        (6, "deletion", "ccpa", State.IN_REVIEW), (9, "export", "gdpr", State.IN_REVIEW),
        (26, "access", "gdpr", State.IN_PROGRESS), (27, "deletion", "gdpr", State.IN_REVIEW),
        (38, "correction", "ccpa", State.NEEDS_ATTENTION), (41, "access", "gdpr", State.IN_REVIEW),
    ):
        request_row(kind=kind, jurisdiction=jurisdiction, received=today - timedelta(days=days_ago), state=state)


def _retention(today: date) -> None:
    orders, carts = RetentionPolicy.objects.get(name="orders-anonymize"), RetentionPolicy.objects.get(name="guest-carts-delete")
    for months_ago in range(12):
        day = today.replace(day=1) - timedelta(days=months_ago * 30)
        for policy, changed, state in ((orders, 900 + 170 * (months_ago % 5), "completed"),
                                       (carts, 300 + 40 * months_ago, "failed" if months_ago == 4 else "completed")):
            RetentionRun.objects.create(policy=policy, state=state, batch_size=5000, started_by="beat",
                                        created_at=moment(day.replace(day=2), 2),
                                        tables={"sales_order": {"examined": changed + 12, "changed": changed}})


def _last_year(year: int) -> None:
    for month, kind in enumerate(("access", "export", "deletion", "deletion", "opt_out", "correction"), start=1):
        completed(kind, date(year, month, 4), date(year, month, 4) + timedelta(days=9 * month))
    denied("deletion", date(year, 7, 1), date(year, 7, 20), DenialReason.NOT_A_CONSUMER)
    denied("access", date(year, 8, 1), date(year, 8, 9), DenialReason.UNVERIFIABLE)
    request_row(kind="access", received=date(year, 12, 29), state=State.COMPLETED, closed=date(year + 1, 1, 21))


def _withdrawn(today: date) -> None:
    """One request through the services, so the audit chain has events to verify."""
    officer = Actor.system("mailroom")
    withdrawn = privacy_request_submit(kind="access", email="ada@example.com", jurisdiction="gdpr", channel="post",
                                       verified=True, by=officer, start_processing=False)
    privacy_request_cancel(privacy_request=withdrawn, by=officer, reason="Withdrawn by phone.")


@pytest.fixture
def history():
    today = timezone.localdate()
    _withdrawn(today)
    _answered(today)
    _open(today)
    _retention(today)
    _last_year(today.year - 1)
    audit_chain_verify_and_record(actor=Actor.system("verify_audit_chain_task"))
    return today


def test_an_officer_reads_the_dashboard_publishes_the_metrics_and_prints_the_records(page, screens, staff_login,
                                                                                     history):
    # given a year of history, when a privacy officer signs in and opens the dashboard from the admin index
    staff_login("olivia", "Privacy officer")
    screens.capture("admin-index")
    page.locator("#compliance-reports").get_by_role("link", name="Dashboard").click()
    screens.capture("dashboard")

    # then every chart is an image with a name, and the queue's figures are there in words
    for name in ("Open requests by state", "Open requests by kind", "Requests answered on time, per month of the answer",
                 "Median days from receipt to answer, per kind", "Retention runs started per month",
                 "Rows anonymized and deleted by retention, per month"):
        assert page.get_by_role("img", name=name).is_visible()
    assert page.locator(".pd-dash__tiles li").first.inner_text().startswith("8")
    assert "Intact" in page.locator(".pd-dash__tiles").inner_text()

    # when the officer shows last year's CCPA metrics
    page.get_by_label("Calendar year").fill(str(history.year - 1))
    page.get_by_role("button", name="Show the page").click()
    screens.capture("ccpa-metrics")

    # then the page to publish holds one row per §7102 category
    rows = page.locator("tbody tr")
    assert rows.count() == 5
    assert rows.nth(0).locator("th").inner_text() == "Requests to know"
    assert [cell.inner_text() for cell in rows.nth(1).locator("td").all()][:3] == ["3", "2", "1"]

    # when the officer opens the Art. 30 record
    page.goto("/admin/reports/")
    screens.capture("dashboard-again")
    page.get_by_role("link", name="Show the record").click()
    screens.capture("art30-record")

    # then every category of the data map is in it
    record = page.locator("#categories").locator("xpath=following-sibling::div[1]").inner_text()
    for info in CATEGORIES.values():
        assert str(info.label) in record


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "magento"])
def test_an_officer_prints_the_report_of_an_erased_request_from_its_page(page, screens, staff_login, seeded_shop):
    # given a customer of the shop whose deletion request was verified by staff, approved and carried out
    mailroom = Actor.staff(get_user_model().objects.create_user("mailroom", is_staff=True, is_superuser=True))
    email = person(erasable_customer(now=timezone.now(), min_orders=1)).email
    privacy_request = privacy_request_submit(kind="deletion", email=email, jurisdiction="ccpa", channel="post",
                                             verified=True, by=mailroom)
    privacy_request_approve(privacy_request=PrivacyRequest.objects.get(pk=privacy_request.pk), by=mailroom)
    audit_chain_verify_and_record(actor=Actor.system("verify_audit_chain_task"))

    # when the officer opens it and follows the report link
    staff_login("olivia", "Privacy officer")
    screens.capture("admin-index")
    page.goto(f"/admin/requests_app/privacyrequest/{privacy_request.pk}/change/")
    screens.capture("request-page")
    page.get_by_role("link", name="Report for a supervisory authority (printable)").click()
    screens.capture("request-report")

    # then the report shows the deadlines met, every step, and the evidence of erasure, never the address
    assert page.get_by_role("heading", name=f"Request #{privacy_request.pk}: Deletion of my data").is_visible()
    deadlines = page.locator("#deadlines").locator("xpath=following-sibling::div[1]").inner_text()
    assert deadlines.count("\tmet") == 2
    timeline = page.locator(".pd-doc__timeline").inner_text()
    for label in ("Request received", "Erasure planned from the data map", "Residual scan clean", "Completed"):
        assert label in timeline
    assert "clean" in page.locator("#erasure").locator("xpath=following-sibling::dl[1]").inner_text()
    assert email not in page.content()
