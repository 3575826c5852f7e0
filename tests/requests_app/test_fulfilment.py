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


def test_a_kind_without_an_installed_fulfilment_cannot_be_approved(monkeypatch):
    from requests_app.errors import FulfilmentUnavailable

    monkeypatch.delitem(fulfilment.HANDLERS, "opt_out", raising=False)
    privacy_request = verified(kind="opt_out")
    privacy_request.__class__.objects.filter(pk=privacy_request.pk).update(state="in_review")
    with pytest.raises(FulfilmentUnavailable, match="No fulfilment is installed for opt_out"):
        privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
    assert reload(privacy_request).state == "in_review"


@pytest.fixture
def completed_export(magento_schema, django_capture_on_commit_callbacks):
    """A customer's export request, verified with order details, approved by an officer and fulfilled."""
    from tests.requests_app.helpers import verify_token_sent_to
    from requests_app.services import privacy_request_verify_by_token

    shop_order(email="ada@example.com", increment_id="100000042", postcode="10115")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="export")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_verify_by_token(token=verify_token_sent_to("ada@example.com"), order_number="100000042",
                                        postcode="10115")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_approve(privacy_request=reload(privacy_request), by=staff_user("olivia", "Privacy officer"))
    return reload(privacy_request)


@with_shop
def test_an_approved_export_is_packaged_encrypted_and_the_requester_gets_a_single_use_link(completed_export):
    import io
    import json
    import zipfile

    from rest_framework.test import APIClient

    from requests_app.models import ExportPackage
    from tests.requests_app.helpers import mails_to, token_from_mail

    # given a fulfilled export request
    assert completed_export.state == "completed" and completed_export.closed_at is not None

    # then the package is stored encrypted
    package = ExportPackage.objects.get(request=completed_export)
    assert b"ada@example.com" not in bytes(package.package_sealed) and not bytes(package.package_sealed).startswith(b"PK")

    # and the completion e-mail carries a download link that works exactly once
    completion = mails_to("ada@example.com")[-1]
    assert completion.subject == "Your privacy request is complete"
    token = token_from_mail(completion, "/download/")
    client = APIClient()
    first = client.get(f"/api/v1/requests/download/{token}/")
    assert first.status_code == 200 and first["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(first.content))
    assert {"data.json", "report.html"} <= set(archive.namelist())
    assert "ada@example.com" in json.dumps(json.loads(archive.read("data.json")))
    second = client.get(f"/api/v1/requests/download/{token}/")
    assert second.status_code == 400 and "already used" in second.json()["token"][0]
    assert AuditEvent.objects.filter(target_id=str(completed_export.pk), action="request.export_downloaded").count() == 1


@with_shop
def test_a_new_download_link_proves_control_of_the_address_again(completed_export, django_capture_on_commit_callbacks):
    from privacy.audit.actors import Actor
    from requests_app.services import export_download, export_download_link_send
    from tests.requests_app.helpers import mails_to, token_from_mail

    # when the requester asks for a new link from the status page
    with django_capture_on_commit_callbacks(execute=True):
        assert export_download_link_send(privacy_request=completed_export, by=Actor.customer("status:x"))

    # then it arrives by e-mail (to the verified address only) and opens the package
    message = mails_to("ada@example.com")[-1]
    assert message.subject == "Your download link"
    assert export_download(token=token_from_mail(message, "/download/")).content.startswith(b"PK")


@with_shop
def test_packages_are_purged_when_their_lifetime_ends_and_links_stop_working(completed_export):
    from requests_app.errors import VerificationFailed
    from requests_app.models import ExportPackage
    from requests_app.services import export_download, export_packages_purge
    from tests.requests_app.helpers import later, mails_to, token_from_mail

    token = token_from_mail(mails_to("ada@example.com")[-1], "/download/")
    assert export_packages_purge(now=later(days=29)) == 0
    assert export_packages_purge(now=later(days=31)) == 1
    package = ExportPackage.objects.get(request=completed_export)
    assert package.package_sealed is None and package.purged_at is not None
    with pytest.raises(VerificationFailed, match="no longer available"):
        export_download(token=token)
    assert export_packages_purge(now=later(days=40)) == 0


@with_shop
def test_staff_download_of_a_package_is_audited_and_refused_to_auditors(completed_export):
    from django.core.exceptions import PermissionDenied

    from requests_app.services import export_package_open_for_staff

    officer = staff_user("oscar", "Privacy officer")
    assert export_package_open_for_staff(privacy_request=completed_export, by=officer).content.startswith(b"PK")
    with pytest.raises(PermissionDenied):
        export_package_open_for_staff(privacy_request=completed_export, by=staff_user("audrey", "Auditor"))
    events = AuditEvent.objects.filter(target_id=str(completed_export.pk), action="request.export_downloaded")
    assert [event.actor_label for event in events] == ["oscar"]
