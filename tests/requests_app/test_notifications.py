"""E-mails: text and HTML for every message, escaping, the right to complain, nothing the reader may not see."""

import email.policy
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from requests_app import notifications
from requests_app.models import PrivacyRequest
from requests_app.notifications import MESSAGES, deadline_digest_send, request_email_send
from requests_app.services import AgentSubmission, privacy_request_deny, privacy_request_extend
from tests.requests_app.helpers import CUSTOMER_EMAIL, OPERATOR, erased_with_receipt, mails_to, submit

pytestmark = pytest.mark.django_db
HOSTILE_NAME = 'Ada <script>alert("x")</script> & Co'


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def hostile_request():
    return submit(kind="correction", name=HOSTILE_NAME, jurisdiction="gdpr")


@pytest.mark.parametrize("message", ["verification", "reminder", "acknowledgement", "extension", "denial", "completion"])
def test_each_message_has_a_text_and_an_html_part_and_escapes_the_name_in_html(hostile_request, message):
    # given a request whose requester typed markup as their name, in the state the message belongs to
    if message == "extension":
        privacy_request_extend(privacy_request=hostile_request, reason="Archive <b>search</b>", by=OPERATOR)
    if message == "denial":
        privacy_request_deny(privacy_request=hostile_request, reason="exempt", by=OPERATOR)

    # when the e-mail is sent
    assert request_email_send(request_id=hostile_request.pk, message=message)

    # then the text part reads the name as typed and the HTML part cannot run it
    sent = mail.outbox[-1]
    assert sent.to == [CUSTOMER_EMAIL] and sent.subject == str(MESSAGES[message].subject)
    assert HOSTILE_NAME in sent.body
    html = html_of(sent)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert f"/requests/status/{hostile_request.pk}." in sent.body


def test_the_verification_email_states_the_receipt_and_due_dates_and_the_link_lifetime(hostile_request):
    request_email_send(request_id=hostile_request.pk, message="verification")
    body = mail.outbox[-1].body
    assert "/requests/verify/" in body and "for 24 hours" in body and "closed after 7 days" in body
    assert hostile_request.due_date.strftime("%Y") in body


def test_the_denial_gives_the_reason_the_explanation_and_the_authority_to_complain_to(settings):
    settings.PRIVACY_SUPERVISORY_AUTHORITY = "the Hamburg data protection authority"
    for jurisdiction, authority in [("gdpr", "edpb.europa.eu"), ("uk_gdpr", "ico.org.uk"), ("ccpa", "cppa.ca.gov")]:
        privacy_request = submit(kind="correction", jurisdiction=jurisdiction, email=f"{jurisdiction}@example.com")
        privacy_request_deny(privacy_request=privacy_request, reason="other", explanation="We hold no such record.",
                             by=OPERATOR)
        request_email_send(request_id=privacy_request.pk, message="denial")
        body = mails_to(f"{jurisdiction}@example.com")[-1].body
        assert "Another reason, explained below" in body and "We hold no such record." in body
        assert "right to complain" in body and authority in body
        assert "Hamburg data protection authority" in body


def test_the_agent_is_told_only_what_they_submitted():
    agent = AgentSubmission(name="Agent", email="agent@example.org", document=b"signed", document_name="p.pdf",
                            content_type="application/pdf")
    privacy_request = submit(kind="export", agent=agent, name="Ada Lovelace")
    request_email_send(request_id=privacy_request.pk, message="agent_acknowledgement")
    sent = mails_to("agent@example.org")[-1]
    for part in (sent.body, html_of(sent)):
        assert CUSTOMER_EMAIL not in part and "Lovelace" not in part and "/requests/" not in part


def test_the_erasure_receipt_says_the_request_is_complete_and_lists_what_was_erased_and_what_is_kept_until_when():
    # given a completed deletion whose erasure left its receipt on the request
    privacy_request = erased_with_receipt({
        "deleted": {"Account and addresses": 3}, "anonymized": {"Reviews": 1},
        "held": [{"document": "Invoice", "rows": 2, "until": "2033-12-31", "years": 8, "law": "§147 AO"}],
    })

    # when its one completion e-mail, the receipt, is sent
    assert request_email_send(request_id=privacy_request.pk, message="erasure_receipt")

    # then it says the request is complete, what was erased, and what the law keeps until when
    body = mail.outbox[-1].body
    assert "Your privacy request (Deletion of my data) is complete." in body
    assert "- Account and addresses: 3 records" in body and "- Reviews: 1 record" in body
    assert "- Invoice (2 records): until 2033-12-31, 8 years after the end of the year of the document, under §147 AO." in body
    assert "We checked 12 records afterwards" in body


@pytest.mark.parametrize("policy", [email.policy.default, email.policy.SMTP])
def test_a_request_email_is_byte_for_byte_the_message_django_would_build(policy):
    # given the receipt's parts, with the headers that change per message pinned
    parts = {"subject": "Your erasure receipt", "body": "Kept under §147 AO.\n", "to": [CUSTOMER_EMAIL],
             "headers": {"Date": "Sat, 05 Dec 2026 06:00:00 +0000", "Message-ID": "<1@localhost>"}}
    ours, djangos = notifications._Mail(**parts), EmailMultiAlternatives(**parts)
    for mail_message in (ours, djangos):
        mail_message.attach_alternative("<p>Kept under §147 AO.</p>", "text/html")

    # when both are built, twice so the remembered header classes are used (as the backends build them)
    ours.message(policy=policy)

    # then the bytes are the same (the random part boundary pinned too)
    built = [m.message(policy=policy) for m in (ours, djangos)]
    for message in built:
        message.set_boundary("part-boundary")
    assert built[0].as_bytes() == built[1].as_bytes()


def test_a_verification_email_is_not_sent_once_the_request_no_longer_awaits_it():
    privacy_request = submit(kind="correction")
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(state="verified")
    assert not request_email_send(request_id=privacy_request.pk, message="verification")
    assert mail.outbox == []


def test_the_staff_digest_lists_overdue_and_due_soon_requests_by_number_only(settings):
    # given one overdue, one due in three days, one far off, and a closed overdue one
    settings.PRIVACY_STAFF_EMAILS = ["dpo@shop.example"]
    today = timezone.localdate()
    rows = {name: submit(kind=kind, email=f"{name}@example.com")
            for name, kind in [("late", "access"), ("soon", "export"), ("far", "deletion"), ("closed", "correction")]}
    for name, due in [("late", today - timedelta(days=1)), ("soon", today + timedelta(days=3)),
                      ("far", today + timedelta(days=25)), ("closed", today - timedelta(days=9))]:
        PrivacyRequest.objects.filter(pk=rows[name].pk).update(due_date=due)
    PrivacyRequest.objects.filter(pk=rows["closed"].pk).update(state="completed")

    # when the daily digest runs
    listed = deadline_digest_send(today=today)

    # then staff get the two that matter, with links to the console and no requester addresses
    assert listed == 2
    [digest] = mail.outbox
    assert digest.to == ["dpo@shop.example"] and digest.subject == "Privacy requests: 1 overdue, 1 due soon"
    assert f"#{rows['late'].pk} access" in digest.body and f"#{rows['soon'].pk} export" in digest.body
    assert f"#{rows['far'].pk} " not in digest.body and f"#{rows['closed'].pk} " not in digest.body
    assert "@example.com" not in digest.body + html_of(digest)
    assert f"/admin/requests_app/privacyrequest/{rows['late'].pk}/change/" in html_of(digest)


def test_the_digest_stays_silent_when_nothing_is_due(settings):
    settings.PRIVACY_STAFF_EMAILS = ["dpo@shop.example"]
    submit()
    assert deadline_digest_send(today=date(2000, 1, 1)) == 0
    assert mail.outbox == []
