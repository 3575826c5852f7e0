"""The self-service pages: the opt-out page and the request form's correction details, with Global Privacy Control."""

import re

import pytest
from django.urls import reverse

from requests_app.models import PrivacyRequest
from requests_app.rights.models import OptOutPreference
from requests_app.selectors import privacy_request_details

pytestmark = pytest.mark.django_db
OPT_OUT = reverse("selfservice:opt-out")
FORM = reverse("selfservice:request-form")



def test_a_browser_sending_gpc_is_told_the_signal_is_honoured(client):
    page = client.get(OPT_OUT, HTTP_SEC_GPC="1").content.decode()
    plain = client.get(OPT_OUT).content.decode()

    assert "Global Privacy Control" in page and 'value="opt_out" id="id_kinds_0" checked' in page.replace("\n", " ")
    assert "Global Privacy Control" not in plain


def test_submitting_the_page_with_gpc_records_an_opt_out_even_without_a_ticked_box(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(OPT_OUT, {"email": "ada@example.com", "jurisdiction": "ccpa"}, HTTP_SEC_GPC="1")

    assert response.status_code == 302 and response.url == reverse("selfservice:opt-out-done")
    preference = OptOutPreference.objects.get()
    assert (preference.kind, preference.signal) == ("opt_out", "gpc")
    assert PrivacyRequest.objects.get().state == "verified"  # no verification link: not a verifiable request


def test_without_gpc_the_page_asks_for_a_choice_next_to_the_boxes(client):
    response = client.post(OPT_OUT, {"email": "ada@example.com", "jurisdiction": "ccpa"})

    assert response.status_code == 400
    assert re.search(r'id="id_kinds_error".*Choose at least one', response.content.decode(), re.S)
    assert not PrivacyRequest.objects.exists()


def test_the_limit_box_alone_records_a_limit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        client.post(OPT_OUT, {"email": "ada@example.com", "jurisdiction": "ccpa", "kinds": ["limit"]})
    assert list(OptOutPreference.objects.values_list("kind", "signal")) == [("limit", "form")]


def test_the_request_form_takes_the_correct_value_of_each_detail(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(FORM, {"kind": "correction", "jurisdiction": "gdpr", "email": "ada@example.com",
                                      "correct_lastname": "Lovelace", "correct_country_id": "gb",
                                      "details": "Both changed at my wedding."})

    assert response.status_code == 302
    details = privacy_request_details(privacy_request=PrivacyRequest.objects.get())
    assert details == {"corrections": {"lastname": "Lovelace", "country_id": "GB"}, "explanation": "Both changed at my wedding."}


def test_a_wrong_value_is_refused_next_to_its_own_field(client):
    response = client.post(FORM, {"kind": "correction", "jurisdiction": "gdpr", "email": "ada@example.com",
                                  "correct_dob": "2999-01-01", "correct_telephone": "call me"})

    body = response.content.decode()
    assert response.status_code == 400 and not PrivacyRequest.objects.exists()
    assert re.search(r'id="id_correct_dob_error".*between 1900-01-01 and today', body, re.S)
    assert re.search(r'id="id_correct_telephone_error".*6 to 20 digits', body, re.S)


def test_a_correction_naming_nothing_is_refused_with_the_fix(client):
    response = client.post(FORM, {"kind": "correction", "jurisdiction": "gdpr", "email": "ada@example.com"})
    assert response.status_code == 400 and "fill in the correct value of a detail above" in response.content.decode()


def test_any_request_sent_with_gpc_also_records_an_opt_out_of_sale(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        client.post(FORM, {"kind": "correction", "jurisdiction": "ccpa", "email": "ada@example.com",
                           "correct_firstname": "Ada"}, HTTP_SEC_GPC="1")

    assert sorted(PrivacyRequest.objects.values_list("kind", flat=True)) == ["correction", "opt_out"]
    assert OptOutPreference.objects.get().signal == "gpc"
