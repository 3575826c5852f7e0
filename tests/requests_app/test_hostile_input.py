"""Hostile input (hypothesis): unicode, spaces, quotes, SQL metacharacters, NUL bytes and huge strings sent to the
intake API, the request form and `privacy submit` never cause a 500 or a traceback; every refusal names its field."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from requests_app.models import Jurisdiction, Kind

pytestmark = pytest.mark.django_db
INTAKE = "/api/v1/requests/"
FORM = reverse("selfservice:request-form")
NASTY = [
    "", " ", "ada@example.com", " ada@example.com ", "ada @example.com", "ädä@exämple.com", "\"ada\"@example.com",
    "ada'@example.com", "x' OR '1'='1", "'; DROP TABLE requests_app_privacyrequest; --", "ada@example.com\x00",
    "\x00", "%s%s%n", "<script>alert(1)</script>@example.com", "ada@" + "a" * 5000 + ".com", "a" * 100_000,
    "\u202eada@example.com", "ada@example.com\r\nBcc: everyone@example.com", "🦄@example.com", "\\", "NULL",
]  # fmt: skip
hostile = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.text(alphabet="'\";%_\\\x00-@ .", max_size=40),
)
choice = st.one_of(st.sampled_from(Kind.values + Jurisdiction.values), hostile)
examples = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])  # fmt: skip


def _refusals_name_fields(errors: dict, fields: set[str]) -> None:
    assert errors and set(errors) <= fields, errors
    for messages in errors.values():
        assert messages and all(str(message).strip() for message in messages), errors


@examples
@given(
    kind=choice,
    jurisdiction=choice,
    email=hostile,
    name=hostile,
    order_number=hostile,
    postcode=hostile,
)
def test_the_intake_api_accepts_or_refuses_hostile_input_per_field_and_never_fails(kind, jurisdiction, email, name,
                                                                                   order_number, postcode):  # fmt: skip
    # given a fresh rate window, when hostile values are posted as JSON
    cache.clear()
    body = {"kind": kind, "jurisdiction": jurisdiction, "email": email, "name": name, "order_number": order_number,
            "postcode": postcode}  # fmt: skip
    response = APIClient().post(INTAKE, body, format="json")

    # then it is accepted, or refused with a message per field it names
    assert response.status_code in (202, 400), response.content[:500]
    if response.status_code == 400:
        _refusals_name_fields(response.json(), set(body))


@examples
@given(kind=choice, jurisdiction=choice, email=hostile, name=hostile, details=hostile)
def test_the_request_form_accepts_or_refuses_hostile_input_per_field_and_never_fails(kind, jurisdiction, email, name,
                                                                                     details):  # fmt: skip
    # given a fresh rate window, when hostile values are posted through the form
    cache.clear()
    fields = {
        "kind": kind,
        "jurisdiction": jurisdiction,
        "email": email,
        "name": name,
        "details": details,
    }
    response = Client().post(FORM, fields, REMOTE_ADDR="198.51.100.7")

    # then the requester is sent on, or the form comes back with the fix next to each field it names
    assert response.status_code in (302, 400), response.content[:500]
    if response.status_code == 400:
        form = response.context["form"]
        _refusals_name_fields(form.errors, set(form.fields) | {"__all__"})
        assert "Please check the form" in response.content.decode()


@examples
@given(
    kind=choice, jurisdiction=choice, email=hostile, name=hostile, received_at=hostile
)
def test_privacy_submit_accepts_or_refuses_hostile_arguments_naming_the_flag(
    kind, jurisdiction, email, name, received_at
):
    # when privacy submit is given hostile arguments
    args = ["submit", "--kind", kind, "--jurisdiction", jurisdiction, "--email", email, "--name", name,
            "--received-at", received_at, "--json"]  # fmt: skip
    try:
        call_command("privacy", *args, stdout=StringIO(), stderr=StringIO())
    except CommandError as refused:
        # then a refusal is a command error naming a flag it was given (a non-zero exit with that message)
        assert any(flag in str(refused) for flag in args if flag.startswith("--")), str(
            refused
        )
