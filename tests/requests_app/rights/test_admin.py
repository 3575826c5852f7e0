"""The staff console: a correction beside the shop's values with its actions, the preference lists and the
partners' keyed lists, and lifting a suppression; auditors see no values."""

import pytest
from django.urls import reverse
from django.utils import timezone

from privacy.audit.models import AuditEvent
from privacy.crypto import email_index
from privacy.sources.magento.models import CustomerEntity
from requests_app.rights.models import MarketingSuppression
from tests.requests_app.helpers import OPERATOR, reload, staff_user, submit

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def page_of(privacy_request) -> str:
    return reverse("admin:requests_app_privacyrequest_change", args=[privacy_request.pk])


def act(privacy_request, action: str) -> str:
    return reverse("admin:requests_app_privacyrequest_act", args=[privacy_request.pk, action])


@pytest.fixture
def correction(seeded_magento, django_capture_on_commit_callbacks):
    account = seeded_magento.customers[0]
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="correction", email=account["email"], channel="post", verified=True, by=OPERATOR,
                                 details={"explanation": "My surname is now Byron."})
    return account, reload(privacy_request)


def test_an_officer_records_the_details_compares_them_and_approves(client, correction, django_capture_on_commit_callbacks):
    account, privacy_request = correction
    client.force_login(staff_user("olivia", "Privacy officer"))

    client.post(act(privacy_request, "corrections"), {"corrections-correct_lastname": "Byron"})
    page = client.get(page_of(privacy_request)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(act(privacy_request, "approve"))

    assert 'id="correction-values"' in page and account["lastname"] in page and "Byron" in page
    assert "My surname is now Byron." in page
    assert approved.status_code == 302 and reload(privacy_request).state == "completed"
    assert CustomerEntity.objects.get(pk=account["entity_id"]).lastname == "Byron"
    assert 'id="correction-receipt"' in client.get(page_of(privacy_request)).content.decode()


def test_a_wrong_detail_is_refused_next_to_its_field_on_the_request_page(client, correction):
    _, privacy_request = correction
    client.force_login(staff_user("olivia", "Privacy officer"))

    response = client.post(act(privacy_request, "corrections"), {"corrections-correct_postcode": "12 345 !"})

    assert response.status_code == 400 and "letters, digits, spaces and hyphens" in response.content.decode()


def test_an_auditor_sees_the_correction_panel_without_values_or_actions(client, correction):
    account, privacy_request = correction
    client.force_login(staff_user("audrey", "Auditor"))

    page = client.get(page_of(privacy_request)).content.decode()

    assert "shown only to staff who work requests" in page and account["lastname"] not in page
    assert client.post(act(privacy_request, "documentation"), {"documentation-message": "x"}).status_code == 403


def test_an_officer_downloads_a_partner_list_from_the_preferences_page(client, settings, django_capture_on_commit_callbacks):
    settings.PRIVACY_OPT_OUT_PARTNERS = ["meta"]
    with django_capture_on_commit_callbacks(execute=False):
        submit(kind="opt_out", email="ada@example.com", jurisdiction="ccpa")
    client.force_login(staff_user("olivia", "Privacy officer"))

    listing = client.get(reverse("admin:rights_optoutpreference_changelist")).content.decode()
    download = client.post(reverse("admin:rights_optoutpreference_partner_list", args=["meta", "csv"]))

    assert 'id="partner-lists"' in listing and "ada@example.com" not in listing
    assert download["Content-Disposition"] == 'attachment; filename="opt-outs-meta.csv"'
    assert len(download.content.decode().splitlines()) == 2


def test_an_agent_sees_the_preferences_but_no_partner_list(client, settings):
    settings.PRIVACY_OPT_OUT_PARTNERS = ["meta"]
    client.force_login(staff_user("alex", "Agent"))
    assert 'id="partner-lists"' not in client.get(reverse("admin:rights_optoutpreference_changelist")).content.decode()
    assert client.post(reverse("admin:rights_optoutpreference_partner_list", args=["meta", "csv"])).status_code == 403


def test_an_officer_lifts_a_suppression_with_a_reason(client):
    suppression = MarketingSuppression.objects.create(email_index=email_index("back@example.com"), recorded_at=timezone.now())
    pk = suppression.pk
    client.force_login(staff_user("olivia", "Privacy officer"))

    page = client.get(reverse("admin:rights_marketingsuppression_change", args=[pk])).content.decode()
    refused = client.post(reverse("admin:rights_marketingsuppression_lift", args=[pk]), {"reason": ""})
    lifted = client.post(reverse("admin:rights_marketingsuppression_lift", args=[pk]), {"reason": "Asked again in writing."})

    assert 'id="lift"' in page and refused.status_code == 400
    assert lifted.status_code == 302 and not MarketingSuppression.objects.filter(pk=pk).exists()
    assert AuditEvent.objects.filter(action="marketing.suppression_lifted", target_id=str(pk)).exists()


def test_the_request_page_says_so_when_the_shop_cannot_be_read(client, correction, monkeypatch):
    from django.db import OperationalError

    _, privacy_request = correction
    client.force_login(staff_user("olivia", "Privacy officer"))
    client.post(act(privacy_request, "corrections"), {"corrections-correct_lastname": "Byron"})

    def unreachable(**kwargs):
        raise OperationalError("shop database down")

    monkeypatch.setattr("requests_app.rights.selectors.correction_preview_for", unreachable)
    page = client.get(page_of(privacy_request))

    assert page.status_code == 200 and "could not be read (OperationalError)" in page.content.decode()


def test_the_page_of_an_opt_out_says_why_the_shop_holds_no_flag(client, seeded_magento, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="opt_out", email=seeded_magento.customers[0]["email"], jurisdiction="ccpa")
    client.force_login(staff_user("audrey", "Auditor"))

    panel = client.get(page_of(privacy_request)).content.decode().split('id="outcome"')[1]

    assert reload(privacy_request).state == "completed"
    assert "none configured" in panel and "PRIVACY_OPT_OUT_ATTRIBUTE_CODE names no customer attribute" in panel
    assert "Entered by staff" not in panel and "Self-service form" in panel
