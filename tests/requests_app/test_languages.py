"""The customer's language: the self-service pages and e-mails in German, French or, for anyone else, English.

The catalogs are compiled by `make install` (`manage.py compilemessages`); without them every
page is English, and still works.
"""

import email
import uuid
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from requests_app.models import PrivacyRequest
from requests_app.notifications import request_email_send
from requests_app.services import privacy_request_deny
from tests.requests_app.celery_worker import wait_for, worker_on_own_queue
from tests.requests_app.helpers import OPERATOR, erased_with_receipt, mails_to, shop_order, submit, token_from_mail

FORM = reverse("selfservice:request-form")
CATALOGS = [Path(settings.BASE_DIR, "locale", code, "LC_MESSAGES", "django.mo") for code in ("de", "fr")]

GERMAN = {
    # Mid-sentence labels keep the capitals of German nouns ("Vorname", "Auskunft").
    "form": ["Was sollen wir für Sie tun?", "Berichtigung meiner Daten", "Anfrage senden", "Vorname berichtigen",
             "Erforderlich für: Auskunft über meine Daten,"],
    "subject": "Bitte bestätigen Sie Ihre Datenschutzanfrage",
    "mail": ["Guten Tag Ada Lovelace,", "Berichtigung meiner Daten", "Bestätigen Sie die Anfrage, indem Sie diesen Link öffnen:"],
    "inbox": "Sehen Sie in Ihrem Posteingang nach",
    "verify": "Sie haben Folgendes bei uns beantragt: Berichtigung meiner Daten.",
    "status": ["Ihre Datenschutzanfrage", "Wartet auf Ihre Bestätigung", "Wir haben Ihre Anfrage erhalten"],
    "field_errors": ["Wählen Sie aus, was wir für Sie tun sollen.", "Geben Sie Ihre E-Mail-Adresse ein."],
}
FRENCH = {
    "form": ["Que souhaitez-vous que nous fassions\u00a0?", "Rectification de mes données", "Envoyer la demande",
             "Rectifier\u00a0: prénom", "Nécessaire pour\u00a0: accès à mes données,"],
    "subject": "Veuillez confirmer votre demande relative à vos données personnelles",
    "mail": ["Bonjour Ada Lovelace,", "Rectification de mes données", "Confirmez la demande en ouvrant ce lien\u00a0:"],
    "inbox": "Consultez votre boîte de réception",
    "verify": "Vous nous avez demandé\u00a0: rectification de mes données.",
    "status": ["Votre demande relative à vos données personnelles", "En attente de votre confirmation",
               "Nous avons reçu votre demande"],
    "field_errors": ["Choisissez ce que vous souhaitez que nous fassions.", "Saisissez votre adresse e-mail."],
}
ENGLISH = {
    "form": ["What would you like us to do?", "Correction of my data", "Send request", "Correct first name",
             "Needed for: access to my data,"],
    "subject": "Please confirm your privacy request",
    "mail": ["Hello Ada Lovelace,", "Correction of my data", "Confirm the request by opening this link:"],
    "inbox": "Check your inbox",
    "verify": "You asked us for: correction of my data.",
    "status": ["Your privacy request", "Waiting for your confirmation", "We received your request"],
    "field_errors": ["Choose what you would like us to do.", "Enter your e-mail address."],
}


@pytest.fixture(autouse=True)
def _catalogs_compiled_and_fresh_rate_limits():
    missing = [str(path) for path in CATALOGS if not path.exists()]
    assert not missing, f"compile the catalogs first (`make install` or `manage.py compilemessages`): {missing}"
    cache.clear()
    yield
    cache.clear()


def form_post(client: Client, accept_language: str, email_address: str, django_capture_on_commit_callbacks):
    fields = {"kind": "correction", "jurisdiction": "gdpr", "email": email_address, "name": "Ada Lovelace",
              "details": "My street is Elm Road 4."}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(FORM, fields, HTTP_ACCEPT_LANGUAGE=accept_language, REMOTE_ADDR="198.51.100.7")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "stored", "expected"),
    [("de-DE,de;q=0.9,en;q=0.5", "de", GERMAN), ("fr-FR,fr;q=0.9", "fr", FRENCH), ("ja,ko;q=0.8", "en", ENGLISH)],
    ids=["german", "french", "unsupported-language-gets-english"],
)
def test_a_customer_gets_the_form_the_next_page_and_the_confirmation_email_in_their_browsers_language(
    client, django_capture_on_commit_callbacks, accept_language, stored, expected
):
    # given a customer whose browser asks for a language
    # when they open the request form
    page = client.get(FORM, HTTP_ACCEPT_LANGUAGE=accept_language)

    # then the page is in that language (or English), and says so
    html = page.content.decode()
    assert page.status_code == 200 and page["Content-Language"] == stored and f'<html lang="{stored}"' in html
    for text in expected["form"]:
        assert text in html

    # when they send it
    response = form_post(client, accept_language, "ada@example.com", django_capture_on_commit_callbacks)

    # then the request remembers the language, the next page and the confirmation e-mail use it
    assert response.status_code == 302
    assert PrivacyRequest.objects.get().language == stored
    assert expected["inbox"] in client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    [sent] = mails_to("ada@example.com")
    assert sent.subject == expected["subject"]
    for text in expected["mail"]:
        assert text in sent.body
    assert expected["mail"][1] in sent.alternatives[0][0]  # the HTML part too

    # and the pages its links open speak the same language
    verify = reverse("selfservice:verify", kwargs={"token": token_from_mail(sent, "/verify/")})
    assert expected["verify"] in client.get(verify, HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    status = reverse("selfservice:status", kwargs={"token": token_from_mail(sent, "/status/")})
    status_page = client.get(status, HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    for text in expected["status"]:
        assert text in status_page


@pytest.mark.django_db
@pytest.mark.parametrize(("accept_language", "expected"), [("de", GERMAN), ("fr", FRENCH), ("pt-BR", ENGLISH)])
def test_the_form_field_errors_a_customer_sees_are_in_their_language(client, accept_language, expected):
    # given a customer who sends the form without choosing anything
    response = client.post(FORM, {"name": "Ada"}, HTTP_ACCEPT_LANGUAGE=accept_language, REMOTE_ADDR="198.51.100.8")

    # then the form comes back with its errors in their language
    html = response.content.decode()
    assert response.status_code == 400
    for text in expected["field_errors"]:
        assert text in html
    assert not PrivacyRequest.objects.exists()


@pytest.mark.django_db
def test_an_email_sent_later_from_an_english_context_is_in_the_language_the_request_was_made_in(
    client, django_capture_on_commit_callbacks
):
    # given a request made from a French browser
    form_post(client, "fr", "ada@example.com", django_capture_on_commit_callbacks)
    privacy_request = PrivacyRequest.objects.get()

    # when staff, whose console is English, deny it (its e-mail sent by the task on commit)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        privacy_request_deny(privacy_request=privacy_request, reason="exempt", explanation="", by=OPERATOR)

    # then the customer's denial is in French, down to the reason's label and where to complain
    denial = mails_to("ada@example.com")[-1]
    assert denial.subject == "Notre réponse à votre demande relative à vos données personnelles"
    assert "(Rectification de mes données)" in denial.body
    assert "Les données sont exclues de ce droit" in denial.body
    assert "autorité de contrôle de la protection des données" in denial.body
    assert "Demande relative aux données personnelles n°" in denial.body  # the shared footer
    # and the English context around it is left as it was
    with translation.override("en"):
        assert request_email_send(request_id=privacy_request.pk, message="acknowledgement")
        assert translation.get_language() == "en"
    assert mails_to("ada@example.com")[-1].subject == "Nous avons bien reçu votre demande relative à vos données personnelles"


@pytest.mark.django_db
def test_the_erasure_receipt_of_a_german_request_names_what_was_erased_and_kept_in_german():
    # given a German deletion request whose erasure (run in English) stored its receipt with English labels
    privacy_request = erased_with_receipt({
        "deleted": {"Contact details": 3}, "anonymized": {"Addresses": 1},
        "held": [{"document": "Invoice", "rows": 2, "until": "2033-12-31", "years": 8, "law": "§147 AO"}],
    }, language="de")

    # when the receipt is e-mailed
    assert request_email_send(request_id=privacy_request.pk, message="erasure_receipt")

    # then it reads German throughout, the stored labels included
    sent = mails_to("ada@example.com")[-1]
    assert sent.subject == "Ihre Löschbestätigung"
    assert "Ihre Datenschutzanfrage (Löschung meiner Daten) ist abgeschlossen." in sent.body
    assert "- Kontaktdaten: 3 Datensätze" in sent.body and "- Adressen: 1 Datensatz" in sent.body
    assert "- Rechnung (2 Datensätze): bis 2033-12-31, 8 Jahre nach Ende des Jahres der Unterlage, nach §147 AO." in sent.body
    assert "<td>Rechnung</td>" in sent.alternatives[0][0]


@pytest.mark.django_db(databases=["default", "magento"])
def test_the_report_in_a_french_customers_export_is_in_french_whoever_builds_it(magento_schema):
    import io
    import zipfile

    from requests_app import sealing
    from requests_app.fulfilment import export_fulfil
    from requests_app.models import ExportPackage

    # given a French customer's verified access request, and an order of theirs in the shop
    shop_order(email="ada@example.com", increment_id="100000042", postcode="75001")
    privacy_request = submit(kind="access", language="fr", channel="email", verified=True, by=OPERATOR)

    # when the package is built from an English context (a worker, the staff console)
    with translation.override("en"):
        export_fulfil(privacy_request, timezone.now())

    # then the readable report in it is French
    package = ExportPackage.objects.get(request=privacy_request)
    archive = zipfile.ZipFile(io.BytesIO(sealing.open_bytes(privacy_request.pk, "package", package.package_sealed)))
    report = archive.read("report.html").decode()
    assert "<title>Vos données personnelles chez" in report
    assert "Pourquoi nous utilisons vos données, et sur quelle base légale" in report
    assert "Commandes et achats" in report and "100000042" in report
    assert "Ce que nous détenons" in report and "What we hold" not in report


@pytest.mark.django_db
def test_without_compiled_catalogs_a_german_customer_still_gets_the_form_in_english(client, settings, tmp_path):
    # given a deployment that did not compile the catalogs
    settings.LOCALE_PATHS = [tmp_path]

    # when a German browser opens the form
    page = client.get(FORM, HTTP_ACCEPT_LANGUAGE="de")

    # then the form works, in English
    assert page.status_code == 200
    assert "Send request" in page.content.decode() and "Anfrage senden" not in page.content.decode()


# The services pass: a REAL Celery worker, whose own language is the default (English), sends the e-mail.


@pytest.fixture
def worker(transactional_db, tmp_path):
    with worker_on_own_queue("languages-test", tmp_path) as running:
        yield running


def mail_written_to(address: str):
    """Return the message to address among those the worker's file backend wrote whole, if any yet."""
    for path in sorted(Path(settings.VAR_DIR, "mail").glob("*.log")):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n")[:-1]:  # each message ends with the rule
            message = email.message_from_bytes(raw.strip())
            if message["To"] == address:
                return message
    return None


@pytest.mark.services
@pytest.mark.django_db(transaction=True, databases=["default", "magento"])
def test_a_real_worker_sends_the_confirmation_in_the_language_of_the_german_customer(worker):
    # given a worker running with the default language, and a customer with a German browser
    process, log = worker
    address = f"sprache-{uuid.uuid4().hex[:8]}@example.com"
    fields = {"kind": "correction", "jurisdiction": "gdpr", "email": address, "name": "Ada Lovelace",
              "details": "Meine Straße ist Ulmenweg 4."}

    # when they send the form (the e-mail is queued on commit and sent by the worker)
    response = Client().post(FORM, fields, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9", REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 302

    # then the worker's e-mail is German
    message = wait_for(lambda: mail_written_to(address), what="the worker to send the e-mail", process=process, log=log)
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == GERMAN["subject"], log.read_text()[-4000:]
    text = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    assert "Bestätigen Sie die Anfrage, indem Sie diesen Link öffnen:" in text.get_payload(decode=True).decode()
