"""Staff work the queue in a real browser: filter it, open a request, extend its deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from privacy.audit.selectors import audit_events_for_target
from requests_app.models import PrivacyRequest
from requests_app.services import privacy_request_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def officer(django_user_model):
    """Records requests received by post, as the mailroom would; not the person driving the browser."""
    return django_user_model.objects.create_user(username="mailroom", password=None, is_staff=True, is_superuser=True)


def received_by_post(officer, *, email, kind="access", jurisdiction="gdpr", days_ago=0):
    return privacy_request_submit(
        kind=kind, email=email, jurisdiction=jurisdiction, channel="post",
        received_at=timezone.localdate() - timedelta(days=days_ago), by=officer, start_processing=False,
    )


def test_staff_filter_the_queue_by_deadline_and_kind(page, screens, staff_login, officer):
    # given an overdue access request, a deletion due soon and a fresh CCPA export
    overdue = received_by_post(officer, email="old@example.com", days_ago=40)
    soon = received_by_post(officer, email="soon@example.com", kind="deletion", days_ago=27)
    received_by_post(officer, email="new@example.com", kind="export", jurisdiction="ccpa")

    # when an agent opens the queue and filters it
    staff_login("arthur", "Agent")
    screens.capture("admin-index")
    page.locator("tr.model-privacyrequest th a").click()
    screens.capture("queue")
    page.get_by_role("link", name="Overdue").click()
    screens.capture("queue-overdue")

    # then only the overdue request is left, its badge says so in words
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert rows.first.get_by_role("link").inner_text() == f"#{overdue.pk}"
    assert "overdue" in rows.first.locator(".pd-badge").inner_text()

    # and the kind filter narrows the whole queue to deletions
    page.goto("/admin/requests_app/privacyrequest/?kind=deletion")
    screens.capture("queue-deletions")
    assert page.locator("#result_list tbody tr").count() == 1
    assert page.locator("#result_list tbody tr").first.get_by_role("link").inner_text() == f"#{soon.pk}"
    assert "soon@example.com" not in page.content()


def test_staff_extend_a_deadline_with_a_reason_and_the_requester_is_told(page, screens, staff_login, officer, mailbox):
    # given a GDPR request received ten days ago
    ada = received_by_post(officer, email="ada@example.com", days_ago=10)
    first_due = ada.due_date

    # when an agent opens it from the queue and extends it with a reason
    staff_login("arthur", "Agent")
    screens.capture("admin-index")
    page.goto("/admin/requests_app/privacyrequest/")
    screens.capture("queue")
    page.get_by_role("link", name=f"#{ada.pk}").click()
    screens.capture("request-page")
    extend = page.locator("#action-extend")
    extend.get_by_label("Extend by").select_option("2")
    extend.get_by_label("Reason for the extension").fill("Your orders are spread over three of our systems.")
    extend.get_by_role("button", name="Extend and notify").click()
    screens.capture("request-extended")

    # then the page confirms the new date, the request carries it, the audit trail and the requester know
    ada.refresh_from_db()
    assert ada.due_date > first_due and ada.extension == 2
    assert "Extended: the request is now due on" in page.locator(".messagelist").inner_text()
    assert "Deadline extended" in page.locator(".pd-timeline").inner_text()
    assert "request.extended" in [e.action for e in audit_events_for_target(target_type="privacy_request", target_id=ada.pk)]
    notice = mailbox.last(to="ada@example.com")
    assert "Your orders are spread over three of our systems." in notice.body


def test_an_auditor_reads_a_request_but_has_no_button_to_change_it(page, screens, staff_login, officer):
    ada = received_by_post(officer, email="ada@example.com")

    staff_login("audrey", "Auditor")
    screens.capture("admin-index")
    page.goto(f"/admin/requests_app/privacyrequest/{ada.pk}/change/")
    screens.capture("request-page-auditor")

    assert page.get_by_text("No action is open to you on this request.").is_visible()
    assert page.locator("form.pd-action").count() == 0
    assert "ada@example.com" not in page.content()
    assert PrivacyRequest.objects.get(pk=ada.pk).state == ada.state


def test_staff_enter_a_letter_received_by_post_with_the_day_it_arrived(page, screens, staff_login, mailbox):
    arrived = timezone.localdate() - timedelta(days=12)

    staff_login("arthur", "Agent")
    screens.capture("admin-index")
    page.goto("/admin/requests_app/privacyrequest/")
    screens.capture("queue")
    page.get_by_role("link", name="Add privacy request").click()
    screens.capture("entry-form")
    page.get_by_label("Kind").select_option("deletion")
    page.get_by_label("Jurisdiction").select_option("uk_gdpr")
    page.get_by_label("Received by").select_option("post")
    page.get_by_label("Received on").fill(arrived.isoformat())
    page.get_by_label("Requester's e-mail address").fill("ada@example.com")
    page.get_by_role("button", name="Record the request").click()
    screens.capture("entered")

    letter = PrivacyRequest.objects.get()
    assert timezone.localdate(letter.received_at) == arrived
    assert f"Request #{letter.pk} recorded; it is due on {letter.due_date.isoformat()}" in page.locator(".messagelist").inner_text()
    assert mailbox.link(to="ada@example.com", containing="/requests/verify/")


def test_an_auditor_verifies_the_audit_chain_in_the_admin(page, screens, staff_login, officer):
    # given a request whose life wrote audit events
    received_by_post(officer, email="ada@example.com")

    # when an auditor opens the audit trail and verifies the chain
    staff_login("audrey", "Auditor")
    screens.capture("admin-index")
    page.goto("/admin/audit/auditevent/")
    screens.capture("audit-events")
    page.get_by_role("link", name="Verify chain").click()
    screens.capture("verify-chain")
    page.get_by_role("button", name="Verify chain").click()
    screens.capture("chain-verified")

    # then the chain is reported intact, every event counted
    assert page.locator("#verify-result").inner_text().startswith("Intact:")
