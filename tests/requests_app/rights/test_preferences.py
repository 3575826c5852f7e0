"""Opt-out of sale/sharing and limit of sensitive data: Global Privacy Control from the storefront, no verification,
15 business days, the preference stored encrypted and written to the shop where the merchant configured a place."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle

from privacy.audit.models import AuditEvent
from privacy.crypto import email_index
from privacy.sources.magento.models import CustomerEntity, CustomerEntityInt, EavAttribute
from requests_app import deadlines
from requests_app.models import PrivacyRequest
from requests_app.rights.models import OptOutPreference
from requests_app.rights.preferences import opt_out_preferences_apply, preference_email
from tests.requests_app.helpers import mails_to, reload, submit
from tests.requests_app.rights.helpers import client_for

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
OPT_OUT = "/api/v1/opt-out/"



@pytest.fixture
def flag(seeded_magento, settings):
    """The shop's opt-out attribute, configured in the settings."""
    settings.PRIVACY_OPT_OUT_ATTRIBUTE_CODE = "privacy_do_not_sell"
    return EavAttribute.objects.create(entity_type_id=1, attribute_code="privacy_do_not_sell", backend_type="int")


def storefront_call(body: dict, *, gpc: bool, address: str = "203.0.113.5"):
    headers = {"HTTP_SEC_GPC": "1"} if gpc else {}
    return client_for().post(OPT_OUT, body, format="json", REMOTE_ADDR=address, **headers)


def test_a_gpc_signal_from_the_storefront_records_an_opt_out_and_flags_every_account_of_the_address(
    seeded_magento, flag, django_capture_on_commit_callbacks,
):
    # given a customer with an account on each website, browsing with Global Privacy Control on
    email = seeded_magento.hard_cases.shared_email

    # when the storefront forwards the signal with the signed-in customer's address
    with django_capture_on_commit_callbacks(execute=True):
        response = storefront_call({"email": email}, gpc=True)

    # then an opt-out request is recorded without verification and completed at once
    assert response.status_code == 202 and response.json()["gpc"] is True
    privacy_request = PrivacyRequest.objects.get(kind="opt_out")
    assert (privacy_request.state, privacy_request.verification_method, privacy_request.channel) == (
        "completed", "not_required", "api")
    # the preference is stored under the blind index, its address encrypted, with the signal that carried it
    preference = OptOutPreference.objects.get(email_index=email_index(email))
    assert (preference.kind, preference.signal, preference.shop_accounts) == ("opt_out", "gpc", 2)
    assert email not in preference.email_sealed and preference_email(preference) == email
    # both accounts carry the flag, and the requester is told how the choice reached us
    flagged = CustomerEntityInt.objects.filter(attribute=flag, value=1).values_list("entity_id", flat=True)
    assert set(flagged) == set(seeded_magento.hard_cases.shared_email_customer_ids)
    assert "Global Privacy Control" in mails_to(email)[-1].body


def test_the_same_signal_again_records_nothing_new_and_gets_the_same_answer(seeded_magento, flag):
    email = seeded_magento.customers[0]["email"]
    first = storefront_call({"email": email}, gpc=True)
    second = storefront_call({"email": email.upper()}, gpc=True, address="203.0.113.6")

    assert first.json() == second.json()
    assert PrivacyRequest.objects.filter(kind="opt_out").count() == 1


def test_a_call_without_the_signal_or_a_choice_is_refused_naming_the_field(magento_schema):
    response = storefront_call({"email": "ada@example.com"}, gpc=False)
    assert response.status_code == 400 and "Sec-GPC" in response.json()["kinds"][0]
    assert PrivacyRequest.objects.count() == 0


def test_a_form_encoded_post_from_another_site_is_refused(magento_schema):
    response = client_for().post(OPT_OUT, {"email": "ada@example.com", "kinds": ["opt_out"]}, HTTP_SEC_GPC="1")
    assert response.status_code == 415 and PrivacyRequest.objects.count() == 0


def test_the_storefront_call_is_rate_limited_per_client_address(magento_schema, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"intake": "2/hour"})
    codes = [storefront_call({"email": f"p{n}@example.com", "kinds": ["limit"]}, gpc=False).status_code for n in range(3)]
    assert codes == [202, 202, 429]


def test_a_limit_request_needs_no_verification_and_is_due_within_fifteen_business_days(
    magento_schema, django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="limit", jurisdiction="gdpr", channel="web")
    privacy_request = reload(privacy_request)
    received = timezone.localdate(privacy_request.received_at)
    assert privacy_request.due_date == deadlines.ccpa_opt_out_due_date(received)
    assert privacy_request.verification_method == "not_required" and privacy_request.state == "completed"


def test_without_a_configured_attribute_the_request_record_says_so(seeded_magento, django_capture_on_commit_callbacks):
    # given no place for the preference in the shop
    email = seeded_magento.customers[1]["email"]

    with django_capture_on_commit_callbacks(execute=True):
        storefront_call({"email": email, "kinds": ["opt_out", "limit"]}, gpc=False)

    # then both requests complete, and their record says the shop holds no flag and why
    for privacy_request in PrivacyRequest.objects.filter(email_index=email_index(email)):
        assert privacy_request.state == "completed"
        applied = AuditEvent.objects.get(target_id=str(privacy_request.pk), action="request.preference_applied")
        assert applied.action and OptOutPreference.objects.get(request=privacy_request).shop_note.startswith("Not written")
    assert set(OptOutPreference.objects.values_list("signal", flat=True)) == {"api"}


def test_preferences_reach_accounts_opened_later_and_an_attribute_configured_later(
    seeded_magento, settings, django_capture_on_commit_callbacks,
):
    # given an address that opted out before it had an account, and before the shop had an attribute
    with django_capture_on_commit_callbacks(execute=True):
        storefront_call({"email": "later@example.com"}, gpc=True)
    account = CustomerEntity.objects.create(website_id=1, email="Later@Example.com", firstname="L", lastname="Ater")
    attribute = EavAttribute.objects.create(entity_type_id=1, attribute_code="privacy_do_not_sell", backend_type="int")
    settings.PRIVACY_OPT_OUT_ATTRIBUTE_CODE = "privacy_do_not_sell"

    # when the daily job applies every preference again
    summary = opt_out_preferences_apply(now=timezone.now() + timedelta(days=1))

    # then the new account carries the flag
    assert CustomerEntityInt.objects.get(attribute=attribute, entity_id=account.pk).value == 1
    assert summary["opt_out"]["accounts"] == 1 and summary["limit"]["addresses"] == 0
    assert AuditEvent.objects.filter(action="preferences.applied").count() == 1


@pytest.mark.mariadb
def test_on_mariadb_a_gpc_opt_out_flags_accounts_whatever_the_case_of_the_stored_address(
    seeded_magento, flag, django_capture_on_commit_callbacks,
):
    account = CustomerEntity.objects.create(website_id=2, email="  Mixed.Case@Example.COM", firstname="M", lastname="C")
    with django_capture_on_commit_callbacks(execute=True):
        storefront_call({"email": "mixed.case@example.com"}, gpc=True)
    assert CustomerEntityInt.objects.get(attribute=flag, entity_id=account.pk).value == 1
