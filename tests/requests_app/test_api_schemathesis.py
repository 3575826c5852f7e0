"""Schemathesis against the OpenAPI schema of the public endpoints (requests/ and opt-out/): generated calls (valid
and malformed bodies, paths and tokens) through the WSGI application never get a 500, every status they get is one
the schema documents (refusals included: 400, 404, 415, 429), and answers and their headers match the schema.

The schema cannot state cross-field rules (corrections only for a correction), so the accepted-valid-data check is
left out (docs/reliability.md).
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from privacy.wsgi import application

pytestmark = pytest.mark.django_db
schema = schemathesis.openapi.from_wsgi("/api/schema/", application).include(
    path_regex=r"^/api/v1/(requests|opt-out)/"
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_open():
    """Called straight through WSGI, requests would close the connection holding the test's transaction (as Django's
    own test client avoids, so does this)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_public_endpoints_never_fail_on_generated_calls(case):
    cache.clear()  # the rate limits would otherwise answer most calls with 429
    response = case.call()
    case.validate_response(response, checks=CHECKS)


THROTTLED_CALLS = {
    "submission": ("/api/v1/requests/", {"kind": "access", "email": "twice@example.com", "jurisdiction": "gdpr"}),
    "opt-out": ("/api/v1/opt-out/", {"email": "twice@example.com", "kinds": ["opt_out"]}),
}


@pytest.mark.parametrize("call", THROTTLED_CALLS, ids=str)
def test_a_throttled_call_is_answered_as_the_schema_documents(monkeypatch, call):
    # given an allowance of one call an hour per client address
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"intake": "1/hour"})
    cache.clear()
    path, body = THROTTLED_CALLS[call]
    case = schema[path]["POST"].Case(body=body, media_type="application/json")

    # when the same client calls twice
    case.call()
    response = case.call()

    # then the second is refused with 429, a detail and a Retry-After header, all as documented
    assert response.status_code == 429
    assert int(response.headers["retry-after"][0]) > 0
    case.validate_response(response, checks=CHECKS)


@pytest.mark.parametrize(("body", "field"), [
    ({"email": "someone@example.com"}, "kinds"),  # neither opt_out nor limit, and no Sec-GPC header
    ({"email": "not an address", "kinds": ["opt_out"]}, "email"),
    ({"email": "someone@example.com", "kinds": ["sell_everything"]}, "kinds"),
], ids=["no-choice", "bad-email", "unknown-kind"])
def test_an_opt_out_refused_for_its_fields_is_answered_as_the_schema_documents(body, field):
    # given an opt-out call the endpoint must refuse
    cache.clear()
    case = schema["/api/v1/opt-out/"]["POST"].Case(body=body, media_type="application/json")

    # when it is made
    response = case.call()

    # then it is a 400 naming the field to blame, as documented
    assert response.status_code == 400
    assert list(response.json()) == [field]
    case.validate_response(response, checks=CHECKS)


def test_an_opt_out_posted_as_a_form_is_refused_with_415_as_the_schema_documents():
    # given the opt-out endpoint, which takes JSON only (a form another site posts must not count)
    cache.clear()
    case = schema["/api/v1/opt-out/"]["POST"].Case(
        body={"email": "someone@example.com", "kinds": ["opt_out"]}, media_type="application/x-www-form-urlencoded"
    )

    # when a form is posted to it
    response = case.call()

    # then it is refused with 415 and a detail, as documented
    assert response.status_code == 415
    case.validate_response(response, checks=CHECKS)


@pytest.mark.parametrize("path", ["/api/v1/requests/", "/api/v1/requests/verify/"])
def test_a_body_without_a_media_type_is_refused_with_415_as_the_schema_documents(path):
    # given a body sent with an empty Content-Type (schemathesis once generated one for the verify endpoint)
    cache.clear()
    case = schema[path]["POST"].Case(media_type="application/json")

    # when it is posted
    response = case.call(data=b'{"token": "x"}', headers={"Content-Type": ""})

    # then it is refused with 415 and a detail, as documented
    assert response.status_code == 415
    case.validate_response(response, checks=CHECKS)
