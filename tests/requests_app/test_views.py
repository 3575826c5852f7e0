"""The self-service pages through Django's test client: the customer, and an outsider who must be refused."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from privacy.sources.magento.models import SalesOrder, SalesOrderAddress
from requests_app.models import PrivacyRequest
from requests_app.selectors import privacy_request_status_token
from requests_app.states import State

FORM = reverse("selfservice:request-form")
LINK = re.compile(r"https?://[^\s<>\"']+")
XSS = '<script>alert("pd")</script>'


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """Post the request form as a browser would (e-mails sent on commit); return the response."""

    def post(*, email="ada@example.com", kind="correction", address="198.51.100.7", client=client, **extra):
        fields = {"kind": kind, "jurisdiction": "gdpr", "email": email, "name": "Ada Lovelace",
                  "details": "My street is Elm Road 4.", **extra}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(FORM, fields, REMOTE_ADDR=address)

    return post


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def verify_path(to: str) -> str:
    for message in reversed(mail.outbox):
        if to in message.to:
            for url in LINK.findall(message.body):
                if "/requests/verify/" in url:
                    return path_of(url)
    raise AssertionError(f"no verification link was e-mailed to {to}")


@pytest.mark.django_db
def test_the_form_refuses_a_post_without_its_csrf_token_with_a_friendly_page():
    # given a page posted from another site, without the CSRF token
    outsider = Client(enforce_csrf_checks=True)

    # when it posts the form
    response = outsider.post(FORM, {"kind": "correction", "jurisdiction": "gdpr", "email": "ada@example.com"})

    # then it is refused, nothing is recorded, and the page tells a person what to do
    assert response.status_code == 403
    assert PrivacyRequest.objects.count() == 0
    assert "The form expired" in response.content.decode()


@pytest.mark.django_db
def test_a_form_with_its_csrf_token_is_accepted():
    customer = Client(enforce_csrf_checks=True)
    page = customer.get(FORM)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)

    response = customer.post(FORM, {"csrfmiddlewaretoken": token, "kind": "opt_out", "jurisdiction": "ccpa",
                                    "email": "ada@example.com"})

    assert response.status_code == 302
    assert PrivacyRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_filled_honeypot_is_answered_like_success_but_records_nothing(submit):
    response = submit(website="http://spam.example")

    assert response.status_code == 302 and response.url == reverse("selfservice:check-inbox")
    assert PrivacyRequest.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db(databases=["default", "magento"])
def test_the_answer_is_the_same_whether_or_not_the_address_belongs_to_a_customer(submit, client, magento_schema):
    # given a shop customer with an order, and an address the shop has never seen
    order = SalesOrder.objects.create(increment_id="000000123", customer_email="grace@example.com")
    SalesOrderAddress.objects.create(parent=order, address_type="billing", postcode="SW1A 1AA", email="grace@example.com")

    # when both submit the same request
    known = submit(email="grace@example.com")
    unknown = submit(email="nobody@example.com", address="203.0.113.9")

    # then both get the same redirect, the same page, and the same kind of e-mail
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert client.get(known.url).content == client.get(unknown.url).content
    subjects = {to: [m.subject for m in mail.outbox if to in m.to] for to in ("grace@example.com", "nobody@example.com")}
    assert subjects["grace@example.com"] == subjects["nobody@example.com"] != []


@pytest.mark.django_db
def test_invalid_answers_come_back_with_the_fix_next_to_each_field(client):
    response = client.post(FORM, {"kind": "deletion", "jurisdiction": "gdpr", "email": "not-an-address"})

    body = response.content.decode()
    assert response.status_code == 400
    assert re.search(r'id="id_email_error".*Enter an e-mail address in the form name@example.com', body, re.DOTALL)
    assert re.search(r'id="id_order_number_error".*Enter the number of one of your orders', body, re.DOTALL)
    assert 'aria-describedby="id_email_helptext id_email_error"' in body
    assert PrivacyRequest.objects.count() == 0


@pytest.mark.django_db
def test_an_agent_must_attach_a_signed_permission_in_a_known_format(client):
    # given an agent who attaches a text file instead of the signed permission
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("permission.txt", b"I allow it", content_type="text/plain")
    response = client.post(FORM, {"kind": "correction", "details": "x", "jurisdiction": "ccpa", "email": "ada@example.com",
                                  "by_agent": "on", "agent_name": "Bob Agent", "agent_email": "bob@agency.example",
                                  "permission": upload})

    assert response.status_code == 400
    assert "This file is not a PDF, PNG or JPEG" in response.content.decode()
    assert PrivacyRequest.objects.count() == 0


@pytest.mark.django_db
def test_an_agent_request_keeps_the_signed_permission_and_asks_the_consumer_to_confirm(submit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("permission.pdf", b"%PDF-1.7 signed", content_type="application/pdf")
    response = submit(by_agent="on", agent_name="Bob Agent", agent_email="bob@agency.example", permission=upload)

    assert response.status_code == 302
    privacy_request = PrivacyRequest.objects.get()
    assert privacy_request.by_agent and privacy_request.agent.document_size == len(b"%PDF-1.7 signed")
    assert verify_path("ada@example.com").startswith("/requests/verify/")


@pytest.mark.django_db
def test_submissions_for_one_address_over_the_rate_get_a_friendly_429(submit, settings):
    # given a limit of two submissions per address
    settings.PRIVACY_FORM_RATE_PER_EMAIL = "2/hour"

    # when the same address is submitted three times from different places
    answers = [submit(address=f"198.51.100.{n}", kind=kind).status_code for n, kind in enumerate(["correction", "opt_out", "access"])]

    # then the third is refused with a page that says what to do, and nothing is recorded for it
    assert answers == [302, 302, 429]
    assert PrivacyRequest.objects.count() == 2


@pytest.mark.django_db
def test_one_client_over_the_rate_is_limited_while_another_gets_through(submit, settings):
    settings.PRIVACY_FORM_RATE_PER_IP = "2/hour"

    flood = [submit(email=f"person{n}@example.com").status_code for n in range(3)]
    other = submit(email="someone@example.com", address="203.0.113.9")

    assert flood == [302, 302, 429]
    assert other.status_code == 302
    assert "Too many requests" in submit(email="late@example.com").content.decode()


@pytest.mark.django_db
def test_the_emailed_link_confirms_the_request_after_a_button_press(submit, client):
    # given a submitted correction request
    submit()
    verify = verify_path("ada@example.com")

    # when the customer opens the link (as a mail scanner would) and then presses the button
    landing = client.get(verify)
    assert PrivacyRequest.objects.get().state == State.AWAITING_VERIFICATION
    confirmed = client.post(verify)

    # then the request is verified and the page links to its status
    privacy_request = PrivacyRequest.objects.get()
    assert landing.status_code == 200 and "Confirm my request" in landing.content.decode()
    assert confirmed.status_code == 200 and privacy_request.verified_at is not None
    assert privacy_request_status_token(privacy_request=privacy_request) in confirmed.content.decode()


@pytest.mark.django_db
def test_a_used_verification_link_explains_itself(submit, client):
    submit()
    verify = verify_path("ada@example.com")
    client.post(verify)

    again = client.post(verify)

    assert again.status_code == 410
    assert "no longer needs confirming" in again.content.decode() or "already used" in again.content.decode()


@pytest.mark.django_db
def test_a_made_up_verification_link_is_refused(client):
    response = client.get(reverse("selfservice:verify", args=["1.not-a-real-secret"]))

    assert response.status_code == 410
    assert "This link is not valid" in response.content.decode()


@pytest.mark.django_db(databases=["default", "magento"])
def test_a_wrong_order_number_is_shown_next_to_the_field_and_counted(submit, client, magento_schema):
    # given a deletion request whose order details are checked at the link
    order = SalesOrder.objects.create(increment_id="000000123", customer_email="ada@example.com")
    SalesOrderAddress.objects.create(parent=order, address_type="billing", postcode="SW1A 1AA", email="ada@example.com")
    submit(kind="deletion", order_number="000000999", postcode="SW1A 1AA")
    verify = verify_path("ada@example.com")

    # when the customer confirms with the wrong order number, then with the right one
    wrong = client.post(verify)
    right = client.post(verify, {"order_number": "000000123", "postcode": "sw1a1aa"})

    # then the first is explained next to the order number, the second confirms the request
    assert wrong.status_code == 400
    assert re.search(r'id="id_order_number_error".*do not match', wrong.content.decode(), re.DOTALL)
    assert right.status_code == 200
    assert PrivacyRequest.objects.get().verified_at is not None


@pytest.mark.django_db
def test_the_status_page_shows_the_timeline_without_internal_notes(submit, client, django_user_model):
    # given a confirmed request with an internal note written by staff
    from requests_app.services import privacy_request_note_add

    submit()
    client.post(verify_path("ada@example.com"))
    privacy_request = PrivacyRequest.objects.get()
    officer = django_user_model.objects.create_superuser("officer", "officer@shop.example", "x" * 16)
    privacy_request_note_add(privacy_request=privacy_request, body="Customer sounded angry on the phone", by=officer)

    # when the customer opens the status link
    page = client.get(reverse("selfservice:status", args=[privacy_request_status_token(privacy_request=privacy_request)]))

    # then the milestones and due date show, the note and its event do not
    body = page.content.decode()
    assert page.status_code == 200
    assert "We received your request" in body and "Your identity was confirmed" in body
    assert "angry" not in body and "note" not in body.lower()
    assert page["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_another_persons_status_link_is_refused(submit, client):
    # given two requests from two people
    submit(email="ada@example.com")
    submit(email="eve@example.com", address="203.0.113.9")
    ada, eve = PrivacyRequest.objects.order_by("pk")

    # when Eve puts Ada's request number in front of her own secret, or guesses one
    eve_secret = privacy_request_status_token(privacy_request=eve).split(".", 1)[1]
    forged = client.get(reverse("selfservice:status", args=[f"{ada.pk}.{eve_secret}"]))
    guessed = client.get(reverse("selfservice:status", args=[f"{ada.pk}.{'0' * 32}"]))

    # then both are refused without revealing that the request exists
    assert forged.status_code == guessed.status_code == 404
    assert "Ada" not in forged.content.decode()


@pytest.mark.django_db
def test_the_requester_can_withdraw_an_open_request_from_the_status_page(submit, client):
    submit()
    privacy_request = PrivacyRequest.objects.get()
    token = privacy_request_status_token(privacy_request=privacy_request)

    response = client.post(reverse("selfservice:status-withdraw", args=[token]), follow=True)

    assert PrivacyRequest.objects.get().state == State.CANCELLED
    assert "The request was cancelled" in response.content.decode()


@pytest.mark.django_db
def test_names_with_markup_are_stored_as_text_and_never_rendered_as_html(submit, client):
    submit(name=XSS)
    submit(name="x", email="bad@example.com", address="203.0.113.9", details=XSS)
    form_again = client.post(FORM, {"kind": "correction", "jurisdiction": "gdpr", "email": XSS, "name": XSS})

    assert PrivacyRequest.objects.count() == 2
    assert XSS not in form_again.content.decode()
    assert "&lt;script&gt;" in form_again.content.decode()


@pytest.fixture
def download_link(magento_schema, django_capture_on_commit_callbacks, django_user_model):
    """The path of the single-use link the completion e-mail of a carried-out export request holds."""
    from requests_app.fulfilment import privacy_request_discover
    from requests_app.services import privacy_request_approve

    officer = django_user_model.objects.create_superuser("officer", "officer@shop.example", None)
    with django_capture_on_commit_callbacks(execute=True):
        export = _export_verified_by(officer)
    privacy_request_discover(request_id=export.pk)
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_approve(privacy_request=PrivacyRequest.objects.get(pk=export.pk), by=officer)
    for message in reversed(mail.outbox):
        for url in LINK.findall(message.body):
            if "/requests/download/" in url:
                return path_of(url)
    raise AssertionError("the completion e-mail holds no download link")


def _export_verified_by(officer):
    from requests_app.services import privacy_request_submit

    return privacy_request_submit(kind="export", email="ada@example.com", jurisdiction="gdpr", channel="email",
                                  verified=True, by=officer, start_processing=False)


@pytest.mark.django_db(databases=["default", "magento"])
def test_opening_the_download_link_does_not_spend_it_and_the_file_is_handed_over_once(client, download_link):
    # when a mail scanner (or the customer) opens the link twice, then the customer presses the button twice
    first_look, second_look = client.get(download_link), client.get(download_link)
    download = client.post(download_link)
    again = client.post(download_link)

    # then the page offered the file both times, the ZIP came once, and the spent link explains itself
    assert first_look.status_code == second_look.status_code == 200
    assert "Download the ZIP file" in second_look.content.decode()
    assert download["Content-Type"] == "application/zip" and download.content[:2] == b"PK"
    assert download["Content-Disposition"].startswith("attachment;") and "no-store" in download["Cache-Control"]
    assert again.status_code == 410 and "already used" in again.content.decode()


@pytest.mark.django_db(databases=["default", "magento"])
def test_a_download_link_with_a_guessed_secret_is_refused(client, download_link):
    row_id = download_link.rstrip("/").rsplit("/", 1)[1].split(".", 1)[0]

    guessed = client.post(reverse("selfservice:download", args=[f"{row_id}.{'A' * 43}"]))

    assert guessed.status_code == 410 and "This link is not valid" in guessed.content.decode()
    assert client.post(download_link).status_code == 200, "the real link still works after a wrong guess"


@pytest.mark.django_db
def test_a_refusal_from_the_intake_service_is_shown_next_to_the_field_it_names(submit):
    # an order number without its postcode passes the form for a correction, and the service names the gap
    response = submit(order_number="000000123")

    assert response.status_code == 400
    assert re.search(r'id="id_postcode_error".*Give both the order number and its billing postcode', response.content.decode(),
                     re.DOTALL)
    assert PrivacyRequest.objects.count() == 0


@pytest.mark.django_db
def test_a_client_guessing_links_is_refused_for_a_while_even_with_a_real_link(submit, client, settings):
    # given a real verification link, and a client that already tried three made-up ones
    settings.PRIVACY_BAD_LINKS_PER_IP = "3/hour"
    submit()
    real = verify_path("ada@example.com")
    guesses = [client.get(reverse(name, args=[f"{n}.made-up-secret"])).status_code
               for n, name in enumerate(["selfservice:verify", "selfservice:status", "selfservice:download"], start=1)]

    # when it opens the real link, and someone else opens it from another address
    refused = client.get(real)
    elsewhere = client.get(real, REMOTE_ADDR="203.0.113.9")

    # then the guesser is refused with a page that says why, and the link still works for the other client
    assert guesses == [410, 404, 410]
    assert refused.status_code == 429 and "Too many links that do not work" in refused.content.decode()
    assert elsewhere.status_code == 200


@pytest.mark.django_db(databases=["default", "magento"])
def test_the_status_page_sends_only_a_few_download_links_in_a_row(client, download_link, settings,
                                                                  django_capture_on_commit_callbacks):
    settings.PRIVACY_FORM_RATE_PER_EMAIL = "2/hour"
    privacy_request = PrivacyRequest.objects.get()
    ask = reverse("selfservice:status-download-link", args=[privacy_request_status_token(privacy_request=privacy_request)])
    sent_before = len(mail.outbox)

    answers = []
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(client.post(ask, follow=True).content.decode())

    assert len(mail.outbox) == sent_before + 2
    assert "We sent you several links in a short time" in answers[2]


@pytest.mark.django_db
def test_the_inbox_page_states_the_configured_link_lifetime_and_closing_delay(client, settings):
    settings.PRIVACY_VERIFICATION_LINK_HOURS = 48
    settings.PRIVACY_VERIFICATION_CLOSE_DAYS = 10

    body = client.get(reverse("selfservice:check-inbox")).content.decode()

    assert "within 48 hours to confirm" in body and "confirmed within 10 days are closed" in body
