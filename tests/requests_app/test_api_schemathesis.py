"""Schemathesis against the OpenAPI schema of the public endpoints: generated calls (valid and malformed bodies,
paths and tokens) through the WSGI application never get a 500, and documented answers match their schema.

The schema documents only the success answers and cannot state cross-field rules (corrections only for a correction),
so the undocumented-status and accepted-valid-data checks are left out (docs/reliability.md).
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from privacy.wsgi import application

pytestmark = pytest.mark.django_db
schema = schemathesis.openapi.from_wsgi("/api/schema/", application).include(
    path_regex=r"^/api/v1/requests/"
)


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
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
