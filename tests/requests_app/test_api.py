"""The REST API through HTTP: public intake (rate-limited, no account leak), staff endpoints, the schema."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from privacy.audit.models import AuditEvent
from tests.requests_app.helpers import CUSTOMER_EMAIL, mails_to, reload, shop_order, staff_user, submit, verify_token_sent_to

pytestmark = pytest.mark.django_db
INTAKE = "/api/v1/requests/"
STAFF = "/api/v1/staff/requests/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def intake(client: APIClient, address: str = "10.0.0.1", **body):
    payload = {"kind": "access", "email": CUSTOMER_EMAIL, "jurisdiction": "gdpr"} | body
    return client.post(INTAKE, payload, format="json", REMOTE_ADDR=address)


# The customer.


@pytest.mark.django_db(databases=["default", "magento"])
def test_intake_answers_a_customer_and_a_stranger_identically(magento_schema, django_capture_on_commit_callbacks):
    # given an address that is a customer's and one that is not
    shop_order(email="customer@example.com", increment_id="100000001", postcode="10115")
    client = APIClient()

    # when both submit through the API
    with django_capture_on_commit_callbacks(execute=True):
        known = intake(client, email="customer@example.com")
        unknown = intake(client, email="stranger@example.com")

    # then the answers are byte for byte the same, and each address got its confirmation link
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content
    assert len(mails_to("customer@example.com")) == len(mails_to("stranger@example.com")) == 1


def test_intake_errors_name_each_field_with_its_fix():
    response = intake(APIClient(), kind="everything", email="nope", jurisdiction="")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"kind", "email", "jurisdiction"}
    assert all(isinstance(messages, list) and messages for messages in body.values())


def test_intake_passes_the_services_field_errors_through():
    response = intake(APIClient(), order_number="100000001")
    assert response.status_code == 400
    assert "billing postcode" in response.json()["postcode"][0]


def test_intake_takes_an_agent_with_a_base64_permission(django_capture_on_commit_callbacks):
    agent = {"name": "Agent", "email": "agent@example.org", "document": "JVBERi0xLjcgc2lnbmVk",
             "document_name": "permission.pdf", "content_type": "application/pdf"}
    with django_capture_on_commit_callbacks(execute=True):
        response = intake(APIClient(), kind="export", jurisdiction="ccpa", agent=agent)
    assert response.status_code == 202
    assert mails_to("agent@example.org") and mails_to(CUSTOMER_EMAIL)


def test_intake_is_limited_per_client_address(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"intake": "2/hour"})
    client = APIClient()
    codes = [intake(client, email=f"person{n}@example.com").status_code for n in range(3)]
    assert codes == [202, 202, 429]
    assert intake(client, address="10.0.0.2", email="person9@example.com").status_code == 202


def test_intake_is_limited_per_email_address_across_client_addresses(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"intake": "2/hour"})
    client = APIClient()
    codes = [intake(client, address=f"10.0.1.{n}", email="Same@Example.com ").status_code for n in range(3)]
    assert codes == [202, 202, 429]
    assert intake(client, address="10.0.2.1", email="same@example.com").status_code == 429


def test_a_requester_confirms_and_follows_the_status_without_internal_notes(django_capture_on_commit_callbacks):
    # given a submitted request and its e-mailed link
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="correction")
    client = APIClient()

    # when the requester confirms through the API
    confirmed = client.post(f"{INTAKE}verify/", {"token": verify_token_sent_to(CUSTOMER_EMAIL)}, format="json")

    # then it is verified, and the status link shows the public timeline only
    assert confirmed.status_code == 200 and confirmed.json()["state"] == "verified"
    officer = staff_user("olivia", "Privacy officer")
    client_for(officer).post(f"{STAFF}{privacy_request.pk}/notes/", {"body": "called her bank"}, format="json")
    status = client.get(f"{INTAKE}status/{confirmed.json()['status_token']}/")
    assert status.status_code == 200
    labels = [entry["label"] for entry in status.json()["timeline"]]
    assert "Your identity was confirmed" in labels
    assert "bank" not in status.content.decode() and "note" not in " ".join(labels).lower()


def test_a_wrong_link_is_a_field_error_and_a_wrong_status_link_is_not_found():
    client = APIClient()
    assert client.post(f"{INTAKE}verify/", {"token": "1.guess"}, format="json").json()["token"]
    assert client.get(f"{INTAKE}status/1.guess/").status_code == 404


@pytest.mark.parametrize("token", ["\u00b2.guess", "\u0661.guess", "99999999999999999999999.guess"])
def test_a_link_whose_id_is_no_plain_number_is_refused_like_any_wrong_link(token):
    # given a link id of superscript or Arabic-Indic digits (str.isdigit() says yes, int() fails or reads 1), or too big
    client = APIClient()

    # then each public endpoint refuses it as a wrong link, never with a server error
    assert client.get(f"{INTAKE}status/{token}/").status_code == 404
    assert client.post(f"{INTAKE}verify/", {"token": token}, format="json").status_code == 400
    assert client.get(f"{INTAKE}download/{token}/").status_code == 400


# The staff member.


def test_staff_list_the_queue_filtered_and_without_personal_data():
    agent = staff_user("alex", "Agent")
    submit(kind="access")
    submit(kind="deletion", email="bob@example.com")
    response = client_for(agent).get(STAFF, {"kind": "deletion"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["results"][0]["kind"] == "deletion"
    assert "bob" not in response.content.decode()


def test_staff_enter_a_posted_letter_with_its_receipt_date_and_see_the_decrypted_requester():
    officer = staff_user("olivia", "Privacy officer")
    response = client_for(officer).post(STAFF, {
        "kind": "export", "email": "carol@example.com", "jurisdiction": "gdpr", "channel": "post",
        "received_at": "2025-01-31", "name": "Carol",
    }, format="json")
    assert response.status_code == 201
    body = response.json()
    assert (body["due_date"], body["channel"], body["requester"]["email"]) == ("2025-02-28", "post", "carol@example.com")


def test_staff_entry_with_a_future_date_is_a_field_error():
    officer = staff_user("olivia", "Privacy officer")
    response = client_for(officer).post(STAFF, {"kind": "export", "email": "c@example.com", "jurisdiction": "gdpr",
                                                "channel": "phone", "received_at": "2999-01-01"}, format="json")
    assert response.status_code == 400 and "future" in response.json()["received_at"][0]


def test_staff_work_a_request_through_every_action_and_each_is_audited():
    # given an agent and a colleague, and a request awaiting verification
    agent = staff_user("alex", "Agent")
    colleague = staff_user("casey", "Agent")
    privacy_request = submit(kind="correction")
    client, url = client_for(agent), f"{STAFF}{privacy_request.pk}"

    # when they verify it, assign it, note, extend, flag, retry and finally deny it
    steps = [
        ("verify", {}), ("assign", {"assignee": colleague.pk}), ("notes", {"body": "asked for the new address"}),
        ("extend", {"reason": "Many records across systems", "extension": 1}),
        ("needs-attention", {"reason": "waiting for legal"}), ("retry", {}),
        ("deny", {"reason": "other", "explanation": "We could not find that address in our records."}),
    ]
    for action, body in steps:
        response = client.post(f"{url}/{action}/", body, format="json")
        assert response.status_code in (200, 201), (action, response.json())

    # then the request shows it all, and every step left an audit event
    detail = client.get(f"{url}/").json()
    assert (detail["state"], detail["denial_reason"], detail["assignee"]) == ("denied", "other", "casey")
    assert detail["notes"][0]["body"] == "asked for the new address"
    assert detail["extensions"][0]["reason"] == "Many records across systems"
    actions = set(AuditEvent.objects.filter(target_id=str(privacy_request.pk)).values_list("action", flat=True))
    assert {"request.verified", "request.assigned", "request.note_added", "request.extended",
            "request.needs_attention", "request.retried", "request.denied"} <= actions


def test_an_illegal_transition_is_a_conflict_with_the_allowed_moves():
    agent = staff_user("alex", "Agent")
    privacy_request = submit(kind="export")
    response = client_for(agent).post(f"{STAFF}{privacy_request.pk}/approve/")
    assert response.status_code == 409
    assert "awaiting_verification and cannot become in_progress" in response.json()["detail"]


def test_an_agent_cannot_approve_an_erasure():
    agent = staff_user("alex", "Agent")
    privacy_request = submit(kind="deletion")
    privacy_request.__class__.objects.filter(pk=privacy_request.pk).update(state="in_review")
    refused = client_for(agent).post(f"{STAFF}{privacy_request.pk}/approve/")
    assert refused.status_code == 403 and "approve_erasure" in refused.json()["detail"]
    assert reload(privacy_request).state == "in_review"


def test_approving_a_kind_without_installed_fulfilment_is_a_conflict(monkeypatch):
    from requests_app import fulfilment

    monkeypatch.delitem(fulfilment.HANDLERS, "correction", raising=False)
    officer = staff_user("olivia", "Privacy officer")
    privacy_request = submit(kind="correction")
    privacy_request.__class__.objects.filter(pk=privacy_request.pk).update(state="in_review")
    waiting = client_for(officer).post(f"{STAFF}{privacy_request.pk}/approve/")
    assert waiting.status_code == 409 and "stays in review" in waiting.json()["detail"]
    assert reload(privacy_request).state == "in_review"


def test_an_auditor_reads_but_cannot_act():
    auditor = staff_user("audrey", "Auditor")
    privacy_request = submit()
    client = client_for(auditor)
    assert client.get(f"{STAFF}{privacy_request.pk}/").status_code == 200
    assert client.post(f"{STAFF}{privacy_request.pk}/verify/").status_code == 403
    assert reload(privacy_request).state == "awaiting_verification"


def test_a_missing_request_is_not_found_and_bad_filters_are_field_errors():
    client = client_for(staff_user("olivia", "Privacy officer"))
    assert client.get(f"{STAFF}999999/").status_code == 404
    assert "state" in client.get(STAFF, {"state": "sleeping"}).json()


# The outsider.


@pytest.mark.parametrize("who", ["anonymous", "customer account", "staff without group"])
def test_outsiders_are_refused_every_staff_endpoint(who):
    privacy_request = submit()
    user = {"anonymous": None,
            "customer account": staff_user("eve", is_staff=False),
            "staff without group": staff_user("mallory")}[who]
    client = client_for(user)
    for method, url in [("get", STAFF), ("get", f"{STAFF}{privacy_request.pk}/"), ("post", f"{STAFF}{privacy_request.pk}/verify/"),
                        ("get", f"{STAFF}{privacy_request.pk}/export/")]:
        response = getattr(client, method)(url)
        assert response.status_code in (401, 403), (who, url, response.status_code)
        assert CUSTOMER_EMAIL not in response.content.decode()
    assert reload(privacy_request).state == "awaiting_verification"


# The schema.


def test_the_openapi_schema_is_valid_openapi_3_and_lists_every_endpoint():
    from drf_spectacular.generators import SchemaGenerator
    from openapi_spec_validator import validate

    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert {"/api/v1/requests/", "/api/v1/requests/verify/", "/api/v1/staff/requests/",
            "/api/v1/staff/requests/{id}/deny/", "/api/v1/staff/requests/{id}/export/"} <= paths


def test_the_schema_is_served_and_the_docs_page_loads(client):
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200
