"""Correction requests end to end: intake with per-field checks, staff review beside the shop's values, approval
into Magento, the reply that says what stayed and why, the recipients told (Art. 19), denial, documentation."""

import pytest
from django.core.exceptions import ValidationError

from privacy.audit.models import AuditEvent
from privacy.audit.selectors import audit_event_payload
from privacy.sources.magento.models import CustomerEntity, CustomerGridFlat, SalesOrderAddress
from requests_app.rights.correction import corrections_set
from requests_app.rights.selectors import correction_view_for
from tests.requests_app.helpers import OPERATOR, mails_to, reload, staff_user, submit
from tests.requests_app.rights.helpers import client_for
from tests.sources.magento.correction_shop import order_plant

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
INTAKE = "/api/v1/requests/"
STAFF = "/api/v1/staff/requests/"




@pytest.fixture
def officer():
    return staff_user("olivia", "Privacy officer")


def correction_in_review(email: str, corrections: dict, capture, **extra):
    """A correction staff verified by phone, discovered and waiting in review."""
    with capture(execute=True):
        privacy_request = submit(kind="correction", email=email, channel="phone", verified=True, by=OPERATOR,
                                 details={"corrections": corrections}, **extra)
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "in_review"
    return privacy_request


def test_the_api_names_each_wrong_detail_and_its_fix(magento_schema):
    response = client_for().post(INTAKE, {
        "kind": "correction", "email": "ada@example.com", "jurisdiction": "gdpr",
        "corrections": {"lastname": "L0velace", "dob": "31/12/1990", "shoe_size": "42", "telephone": "+44 20 7946 0000"},
    }, format="json")

    assert response.status_code == 400
    errors = response.json()["corrections"]
    assert set(errors) == {"lastname", "dob", "shoe_size"}
    assert "letters" in errors["lastname"][0] and "YYYY-MM-DD" in errors["dob"][0] and "Unknown detail" in errors["shoe_size"][0]


def test_an_approved_correction_lands_in_the_shop_and_the_reply_says_what_stayed_and_why(
    seeded_magento, officer, settings, django_capture_on_commit_callbacks,
):
    # given a customer with an open order and a shipped, invoiced one, and Amazon Pay's privacy contact configured
    settings.PRIVACY_CORRECTION_RECIPIENTS = {"amazon_pay": "privacy@amazon-pay.example"}
    account = CustomerEntity.objects.get(pk=seeded_magento.hard_cases.amazon_customer_id)
    open_order = order_plant(customer=account, email=account.email, increment_id="910000001", state="processing")
    order_plant(customer=account, email=account.email, increment_id="910000002", state="complete", invoiced=True,
                shipped=True)
    privacy_request = correction_in_review(account.email, {"lastname": "Lovelace", "street": "Elm Road 4"},
                                           django_capture_on_commit_callbacks)

    # when an officer approves it through the API
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(officer).post(f"{STAFF}{privacy_request.pk}/approve/")

    # then it is complete, and the account, its grid row and the open order carry the new values
    assert response.status_code == 200 and reload(privacy_request).state == "completed"
    assert CustomerEntity.objects.get(pk=account.pk).lastname == "Lovelace"
    assert CustomerGridFlat.objects.get(pk=account.pk).billing_street == "Elm Road 4"
    assert set(SalesOrderAddress.objects.filter(parent=open_order).values_list("street", flat=True)) == {"Elm Road 4"}
    # the reply lists the correction, the records kept as issued with the reason, and the recipients told
    reply = [mail for mail in mails_to(account.email) if "complete" in mail.subject][-1].body
    assert "Last name: Lovelace" in reply and "910000001" in reply
    assert "invoice INV-910000002 (order 910000002)" in reply and "tax record" in reply
    assert "order 910000002: the order has shipped" in reply
    assert "Amazon Pay" in reply.split("(GDPR Art. 19)")[1]
    notice = mails_to("privacy@amazon-pay.example")[-1]
    assert "Lovelace" in notice.body and account.email in notice.body
    told = AuditEvent.objects.get(target_id=str(privacy_request.pk), action="request.recipients_told")
    not_told = audit_event_payload(event=told, viewer=officer).details["not_told"]
    assert not_told and all("PRIVACY_CORRECTION_RECIPIENTS" in item["reason"] for item in not_told)
    # and the change is audited, its values readable only through the audited payload view
    event = AuditEvent.objects.get(target_id=str(privacy_request.pk), action="request.correction_applied")
    assert "Lovelace" not in event.payload
    assert audit_event_payload(event=event, viewer=officer).details["after"] == {"lastname": "Lovelace", "street": "Elm Road 4"}


def test_staff_see_the_current_value_beside_the_requested_one_but_an_auditor_sees_no_values(
    seeded_magento, officer, django_capture_on_commit_callbacks,
):
    account = seeded_magento.customers[0]
    privacy_request = correction_in_review(account["email"], {"lastname": "Newname"}, django_capture_on_commit_callbacks)

    view = correction_view_for(privacy_request=privacy_request, viewer=officer)
    hidden = correction_view_for(privacy_request=privacy_request, viewer=staff_user("audrey", "Auditor"))

    row = view.rows[0]
    assert (row.field, row.requested, row.current[0][1]) == ("lastname", "Newname", account["lastname"])
    assert hidden.rows == [] and not hidden.may_see_personal_data


def test_a_correction_denied_as_accurate_tells_the_requester_why_and_changes_nothing(
    seeded_magento, officer, django_capture_on_commit_callbacks,
):
    account = seeded_magento.customers[1]
    privacy_request = correction_in_review(account["email"], {"lastname": "Other"}, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(officer).post(f"{STAFF}{privacy_request.pk}/deny/", {
            "reason": "accurate", "explanation": "Your passport copy shows the name we hold."}, format="json")

    assert response.status_code == 200 and response.json()["denial_reason"] == "accurate"
    answer = mails_to(account["email"])[-1].body
    assert "The data we hold is accurate" in answer and "passport copy" in answer
    assert CustomerEntity.objects.get(pk=account["entity_id"]).lastname == account["lastname"]


def test_staff_ask_for_documentation_and_the_requester_is_emailed_the_question(
    seeded_magento, officer, django_capture_on_commit_callbacks,
):
    account = seeded_magento.customers[2]
    privacy_request = correction_in_review(account["email"], {"dob": "1990-07-14"}, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(officer).post(f"{STAFF}{privacy_request.pk}/documentation/",
                                            {"message": "Please send a copy of an ID showing your date of birth."},
                                            format="json")

    assert response.status_code == 200 and response.json()["state"] == "in_review"
    mail = mails_to(account["email"])[-1]
    assert "documentation" in mail.subject and "copy of an ID" in mail.body
    assert AuditEvent.objects.filter(target_id=str(privacy_request.pk), action="request.documentation_requested").exists()


def test_a_free_text_correction_cannot_be_approved_until_staff_record_the_details(
    seeded_magento, officer, django_capture_on_commit_callbacks,
):
    # given a correction described in words only
    account = seeded_magento.customers[3]
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="correction", email=account["email"], channel="post", verified=True, by=OPERATOR,
                                 details={"explanation": "My surname is spelled Müller, with an umlaut."})
    client = client_for(officer)

    # when staff approve it at once, then record the details and approve again
    refused = client.post(f"{STAFF}{privacy_request.pk}/approve/")
    recorded = client.post(f"{STAFF}{privacy_request.pk}/corrections/", {"corrections": {"lastname": "Müller"}}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(f"{STAFF}{privacy_request.pk}/approve/")

    # then the first approval is refused with the fix, and the second writes the recorded value
    assert refused.status_code == 400 and "record the corrections" in refused.json()["corrections"][0]
    assert recorded.status_code == 200 and recorded.json()["details"]["corrections"] == {"lastname": "Müller"}
    assert approved.status_code == 200 and reload(privacy_request).state == "completed"
    assert CustomerEntity.objects.get(pk=account["entity_id"]).lastname == "Müller"


def test_approval_is_refused_when_the_new_email_belongs_to_another_account_of_the_website(
    seeded_magento, officer, django_capture_on_commit_callbacks,
):
    first, other = [row for row in seeded_magento.customers if row["website_id"] == 1][:2]
    privacy_request = correction_in_review(first["email"], {"email": other["email"]}, django_capture_on_commit_callbacks)

    refused = client_for(officer).post(f"{STAFF}{privacy_request.pk}/approve/")

    assert refused.status_code == 400 and "one account per e-mail and website" in refused.json()["corrections"][0]
    assert reload(privacy_request).state == "in_review"


def test_a_staff_member_without_work_permission_cannot_record_corrections(seeded_magento, django_capture_on_commit_callbacks):
    privacy_request = correction_in_review(seeded_magento.customers[4]["email"], {"lastname": "X"},
                                           django_capture_on_commit_callbacks)
    with pytest.raises(Exception, match="lacks the permission"):
        corrections_set(privacy_request=privacy_request, corrections={"lastname": "Y"}, by=staff_user("audrey", "Auditor"))
    with pytest.raises(ValidationError):
        corrections_set(privacy_request=privacy_request, corrections={"lastname": ""}, by=OPERATOR)


def test_staff_enter_a_correction_from_a_letter_with_its_details(officer):
    client = client_for(officer)
    response = client.post(STAFF, {
        "kind": "correction", "email": "carol@example.com", "jurisdiction": "gdpr", "channel": "post",
        "corrections": {"postcode": "SW1A 1AA", "city": "London"},
    }, format="json")
    refused = client.post(STAFF, {
        "kind": "correction", "email": "carol@example.com", "jurisdiction": "gdpr", "channel": "post",
        "corrections": {"postcode": "SW1A 1AA!"},
    }, format="json")

    assert response.status_code == 201 and response.json()["details"]["corrections"] == {"postcode": "SW1A 1AA", "city": "London"}
    assert refused.status_code == 400 and "postcode" in refused.json()["corrections"]


def test_a_correction_for_an_address_the_shop_does_not_know_says_nothing_needed_correcting(
    magento_schema, officer, django_capture_on_commit_callbacks,
):
    privacy_request = correction_in_review("stranger@example.com", {"lastname": "Nobody"}, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(officer).post(f"{STAFF}{privacy_request.pk}/approve/")

    reply = mails_to("stranger@example.com")[-1].body
    assert reload(privacy_request).state == "completed"
    assert "We found none of these details in our records" in reply and "What we corrected" not in reply
