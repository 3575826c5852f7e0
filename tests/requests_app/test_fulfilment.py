"""Discovery and fulfilment: findings kept encrypted, failures parked visibly, retries bounded."""

import pytest
from django.db import OperationalError

from privacy.audit.models import AuditEvent
from requests_app import fulfilment, tasks
from requests_app.models import RequestFindings
from requests_app.selectors import privacy_request_findings, privacy_request_text
from requests_app.services import privacy_request_approve, privacy_request_retry
from tests.requests_app.helpers import OPERATOR, reload, shop_order, staff_user, submit

pytestmark = pytest.mark.django_db
with_shop = pytest.mark.django_db(databases=["default", "magento"])


def verified(**overrides):
    values = {"kind": "access", "channel": "email", "verified": True, "by": OPERATOR, "start_processing": False}
    return submit(**(values | overrides))


@with_shop
def test_a_verified_request_is_discovered_on_commit_and_waits_in_review(magento_schema, django_capture_on_commit_callbacks):
    # given a customer with an order, who asks for access and whom staff verified
    shop_order(email="ada@example.com", increment_id="100000042", postcode="10115")

    # when the request is entered (discovery is queued on commit and runs eagerly here)
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = verified(start_processing=True)

    # then it waits in review with what was found, stored encrypted
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "in_review"
    findings = privacy_request_findings(privacy_request=privacy_request)
    assert findings.summary.get("sales_order") == 1 and findings.summary.get("sales_order_address") == 1
    assert "ada@example.com" in findings.subject["emails"]
    row = RequestFindings.objects.get(request=privacy_request)
    assert b"ada@example.com" not in bytes(row.subject_sealed) and b"sales_order" not in bytes(row.findings_sealed)
    event = AuditEvent.objects.get(target_id=str(privacy_request.pk), action="request.discovered")
    assert event.subject_scope == f"request:{privacy_request.pk}"


@with_shop
def test_discovery_runs_once_even_when_the_task_is_delivered_twice(magento_schema):
    privacy_request = verified()
    fulfilment.privacy_request_discover(request_id=privacy_request.pk)
    fulfilment.privacy_request_discover(request_id=privacy_request.pk)
    assert AuditEvent.objects.filter(target_id=str(privacy_request.pk), action="request.discovered").count() == 1


def test_a_discovery_that_cannot_reach_the_shop_parks_the_request_with_the_reason():
    # given a verified request and a shop database this test may not reach
    privacy_request = verified()

    # when the discovery task runs
    tasks.discover_subject_task.delay(privacy_request.pk)

    # then the request needs attention and says why
    privacy_request = reload(privacy_request)
    assert (privacy_request.state, privacy_request.attention_from_state) == ("needs_attention", "verified")
    reason = privacy_request_text(privacy_request=privacy_request, field="attention", value=privacy_request.attention_reason_sealed)
    assert reason.startswith("Discovery failed (")


def test_transient_failures_are_retried_a_bounded_number_of_times_then_parked(monkeypatch):
    # given a verified request, and a shop database that keeps timing out (the outside failure)
    privacy_request = verified()
    calls = []

    def unreachable(**kwargs):
        calls.append(kwargs)
        raise OperationalError("server has gone away")

    monkeypatch.setattr(fulfilment, "privacy_request_discover", unreachable)

    # when the task runs
    tasks.discover_subject_task.delay(privacy_request.pk)

    # then it tried 1 + 3 times and then handed the request to staff
    assert len(calls) == tasks.discover_subject_task.max_retries + 1
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "needs_attention"
    reason = privacy_request_text(privacy_request=privacy_request, field="attention", value=privacy_request.attention_reason_sealed)
    assert "failed 4 times (OperationalError)" in reason


@with_shop
def test_retry_after_a_failure_runs_the_failed_stage_again(magento_schema, django_capture_on_commit_callbacks):
    # given a request parked in needs_attention by a failed discovery
    privacy_request = verified()
    fulfilment.stage_failed(request_id=privacy_request.pk, reason="Discovery failed (OperationalError).")

    # when staff retry it
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_retry(privacy_request=privacy_request, by=staff_user("alex", "Agent"))

    # then discovery ran again and the request is in review
    assert reload(privacy_request).state == "in_review"


def test_a_closed_request_is_never_parked():
    privacy_request = verified()
    privacy_request.__class__.objects.filter(pk=privacy_request.pk).update(state="completed")
    assert not fulfilment.stage_failed(request_id=privacy_request.pk, reason="late failure")
    assert reload(privacy_request).state == "completed"


def test_kinds_without_an_installed_fulfilment_cannot_be_approved():
    from requests_app.errors import FulfilmentUnavailable

    for kind in ("correction", "opt_out"):
        privacy_request = verified(kind=kind)
        privacy_request.__class__.objects.filter(pk=privacy_request.pk).update(state="in_review")
        if not fulfilment.fulfilment_available(kind):
            with pytest.raises(FulfilmentUnavailable, match=f"No fulfilment is installed for {kind}"):
                privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
            assert reload(privacy_request).state == "in_review"
