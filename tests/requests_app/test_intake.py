"""Taking requests in: encryption at rest, duplicates, staff entry with a past receipt date, agents."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from privacy.audit.actors import Actor
from privacy.audit.models import AuditEvent
from privacy.crypto import email_index
from requests_app.models import AgentAuthorization, PrivacyRequest
from requests_app.selectors import privacy_request_agent, privacy_request_agent_document, privacy_request_requester
from requests_app.services import AgentSubmission
from tests.requests_app.helpers import CUSTOMER_EMAIL, OPERATOR, mails_to, reload, staff_user, submit

pytestmark = pytest.mark.django_db


def _raw_row(table: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])
        return repr(cursor.fetchone())


def test_a_web_request_keeps_no_clear_email_or_name_in_its_row_and_is_found_by_blind_index():
    # given a customer's web request
    privacy_request = submit(email="Ada.Lovelace@Example.com", name="Ada Lovelace", order_number="100000123",
                             postcode="SW1A 1AA", kind="deletion")

    # then neither the row nor its audit events hold the address, the name or the second factor in clear
    stored = _raw_row("requests_app_privacyrequest", privacy_request.pk).lower()
    for secret in ("ada.lovelace", "lovelace", "100000123", "sw1a"):
        assert secret not in stored
    payloads = " ".join(AuditEvent.objects.values_list("payload", flat=True)).lower()
    assert "lovelace" not in payloads
    # and the blind index finds it by the normalised address, the key opens it again
    assert PrivacyRequest.objects.filter(email_index=email_index("ada.lovelace@example.com")).get() == privacy_request
    assert privacy_request_requester(privacy_request=reload(privacy_request)).email == "Ada.Lovelace@Example.com"


def test_a_web_request_waits_for_verification_with_deadlines_from_today(django_capture_on_commit_callbacks):
    # given a customer submitting a GDPR access request
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit()

    # then it awaits verification, due one GDPR month from today, and a confirmation link went out
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "awaiting_verification"
    assert privacy_request.due_date >= timezone.localdate() + timedelta(days=28)
    assert privacy_request.acknowledge_by is None
    [message] = mails_to(CUSTOMER_EMAIL)
    assert "/requests/verify/" in message.body
    assert privacy_request.verification_sent_at is not None and privacy_request.acknowledged_at is not None


def test_a_ccpa_request_carries_its_acknowledgement_date():
    privacy_request = submit(jurisdiction="ccpa", kind="deletion")
    assert privacy_request.acknowledge_by is not None
    assert privacy_request.due_date == timezone.localdate() + timedelta(days=45)


def test_a_second_open_request_of_the_same_kind_is_linked_as_a_duplicate_and_not_worked(django_capture_on_commit_callbacks):
    # given an open access request
    first = submit()

    # when the same person asks again (different case in the address)
    with django_capture_on_commit_callbacks(execute=True):
        second = submit(email=CUSTOMER_EMAIL.upper())

    # then the second is recorded, linked to the first and closed; the first is untouched
    assert (second.duplicate_of_id, second.state) == (first.pk, "cancelled")
    assert reload(first).state == "awaiting_verification"
    # and since the first still waits for confirmation, the requester receives a fresh link for it
    assert "/requests/verify/" in mails_to(CUSTOMER_EMAIL)[-1].body
    assert AuditEvent.objects.filter(target_id=str(second.pk), action="request.duplicate_linked").exists()


def test_a_duplicate_of_a_request_already_in_work_gets_a_notice_pointing_at_the_first(django_capture_on_commit_callbacks):
    # given an access request staff already verified
    first = submit(channel="email", verified=True, by=OPERATOR, start_processing=False)

    # when the requester submits the same kind again on the web
    with django_capture_on_commit_callbacks(execute=True):
        submit()

    # then they are told about the first one, with its status link
    [notice] = mails_to(CUSTOMER_EMAIL)[-1:]
    assert notice.subject == "You already have a privacy request with us"
    assert f"/requests/status/{first.pk}." in notice.body


def test_requests_of_other_kinds_or_after_the_first_closed_are_not_duplicates():
    first = submit()
    other_kind = submit(kind="export")
    PrivacyRequest.objects.filter(pk=first.pk).update(state="completed")
    again = submit()
    assert other_kind.duplicate_of is None and other_kind.state == "awaiting_verification"
    assert again.duplicate_of is None and again.state == "awaiting_verification"


def test_staff_enter_a_letter_received_weeks_ago_and_its_clocks_run_from_that_day():
    # given a postal request received on 31 January 2025, entered by staff much later
    officer = staff_user("olivia", "Privacy officer")
    privacy_request = submit(channel="post", received_at=date(2025, 1, 31), by=officer, jurisdiction="gdpr")

    # then the receipt date is kept and the month ends 28 February 2025 (a Friday)
    assert timezone.localdate(privacy_request.received_at) == date(2025, 1, 31)
    assert privacy_request.due_date == date(2025, 2, 28)


def test_a_receipt_date_in_the_future_is_refused_by_field():
    officer = staff_user("olivia", "Privacy officer")
    with pytest.raises(ValidationError) as refused:
        submit(channel="phone", received_at=timezone.localdate() + timedelta(days=2), by=officer)
    assert "future" in refused.value.message_dict["received_at"][0]


def test_a_web_request_cannot_backdate_its_receipt():
    with pytest.raises(ValidationError) as refused:
        submit(received_at=date(2025, 1, 1))
    assert "staff entry" in refused.value.message_dict["received_at"][0]


def test_a_naive_receipt_time_is_refused():
    with pytest.raises(ValidationError, match="time zone"):
        submit(channel="post", received_at=datetime(2025, 1, 1, 12, 0), by=OPERATOR)


def test_customers_cannot_enter_staff_channels_or_claim_to_be_verified():
    customer = Actor.customer("web-form")
    with pytest.raises(PermissionDenied):
        submit(verified=True, by=customer)
    with pytest.raises(PermissionDenied):
        submit(channel="post", by=customer)


def test_a_staff_user_without_the_work_permission_cannot_enter_requests():
    auditor = staff_user("audrey", "Auditor")
    with pytest.raises(PermissionDenied, match="change_privacyrequest"):
        submit(channel="phone", by=auditor)


def test_bad_input_is_refused_with_a_message_for_each_field():
    with pytest.raises(ValidationError) as refused:
        submit(kind="erase", email="not-an-address", jurisdiction="mars", channel="fax", order_number="1")
    errors = refused.value.message_dict
    assert set(errors) == {"kind", "email", "jurisdiction", "channel", "postcode"}
    assert "access, export, deletion, correction, opt_out" in errors["kind"][0]
    assert "postcode" in errors["postcode"][0]


def test_an_opt_out_needs_no_verification_and_is_acknowledged(django_capture_on_commit_callbacks):
    # given a CCPA opt-out of sale (not a verifiable request)
    with django_capture_on_commit_callbacks(execute=False):
        privacy_request = submit(kind="opt_out", jurisdiction="ccpa")
    # then it is verified at once
    privacy_request = reload(privacy_request)
    assert (privacy_request.state, privacy_request.verification_method) == ("verified", "not_required")


def test_an_agent_submission_keeps_the_signed_permission_encrypted_and_writes_to_both_parties(
    django_capture_on_commit_callbacks,
):
    # given an authorized agent submitting with the consumer's signed permission
    agent = AgentSubmission(name="Agent Smith", email="agent@example.org", document=b"%PDF-1.7 signed permission",
                            document_name="permission.pdf", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="export", jurisdiction="ccpa", agent=agent)

    # then the document is stored encrypted and opens again for staff
    row = AgentAuthorization.objects.get(request=privacy_request)
    assert b"signed permission" not in bytes(row.document_sealed)
    assert privacy_request_agent_document(privacy_request=privacy_request) == b"%PDF-1.7 signed permission"
    assert privacy_request_agent(privacy_request=privacy_request).email == "agent@example.org"
    # and the consumer is asked to confirm directly, while the agent gets only an acknowledgement
    [consumer_mail] = mails_to(CUSTOMER_EMAIL)
    assert "authorized agent" in consumer_mail.body and "/requests/verify/" in consumer_mail.body
    [agent_mail] = mails_to("agent@example.org")
    assert "/requests/" not in agent_mail.body and CUSTOMER_EMAIL not in agent_mail.body
    assert "must confirm it directly" in agent_mail.body


def test_an_agent_without_the_signed_permission_is_refused():
    agent = AgentSubmission(name="A", email="agent@example.org", document=b"", document_name="", content_type="")
    with pytest.raises(ValidationError) as refused:
        submit(agent=agent)
    assert "signed permission" in refused.value.message_dict["agent_document"][0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_open_one_request_and_link_the_other():
    import threading

    from django.db import connection as main_connection, connections

    # given two requesters' browsers sending the same request at the same moment
    barrier, results, errors = threading.Barrier(2), [], []

    def send():
        try:
            barrier.wait()
            results.append(submit(email="race@example.com", kind="export"))
        except Exception as error:  # reported below: a thread's failure must fail the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then exactly one is open and the other is linked to it as a duplicate
    assert not errors and main_connection.vendor == "postgresql"
    rows = list(PrivacyRequest.objects.filter(email_index=email_index("race@example.com")).order_by("pk"))
    assert [row.state for row in rows] == ["awaiting_verification", "cancelled"]
    assert rows[1].duplicate_of_id == rows[0].pk
