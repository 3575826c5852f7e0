"""The fulfilment lease: one worker at a time carries a request out, and a dead worker's request is dispatched again.

The end-to-end proof with a real worker killed by SIGKILL is tests/requests_app/test_worker_killed.py (services).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from privacy.audit.models import AuditEvent
from requests_app import fulfilment
from requests_app.models import ExportPackage, PrivacyRequest
from requests_app.services import privacy_request_approve
from requests_app.services.lease import (
    lease_length,
    request_claim,
    request_release,
    stuck_requests_redispatch,
)
from tests.requests_app.helpers import OPERATOR, reload, submit

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


@pytest.fixture
def approved(magento_schema):
    """An access request approved for fulfilment whose task nobody has run yet."""
    privacy_request = submit(kind="access", channel="email", verified=True, by=OPERATOR, start_processing=False)
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(state="in_review")
    return privacy_request_approve(privacy_request=reload(privacy_request), by=OPERATOR, start_processing=False)


def _worker_died_holding(privacy_request, *, since):
    assert request_claim(request_id=privacy_request.pk, owner="host:4242:dead", now=since)


def test_a_second_delivery_of_the_task_leaves_a_request_another_live_worker_holds_alone(approved):
    # given a live worker holding the request's lease
    assert request_claim(request_id=approved.pk, owner="host:1:busy")

    # when the task is delivered again to another worker
    fulfilment.privacy_request_fulfil(request_id=approved.pk)

    # then it did nothing: the request is still the first worker's
    approved = reload(approved)
    assert (approved.state, approved.claimed_by) == ("in_progress", "host:1:busy")
    assert not ExportPackage.objects.filter(request=approved).exists()


def test_a_fulfilment_releases_its_lease_when_it_ends_so_a_retry_can_claim_it(approved, monkeypatch):
    # given a fulfilment that fails with an error the task would retry
    def unreachable(privacy_request, now):
        raise ConnectionError("shop unreachable")

    monkeypatch.setitem(fulfilment.HANDLERS, "access", unreachable)
    with pytest.raises(ConnectionError):
        fulfilment.privacy_request_fulfil(request_id=approved.pk)

    # then the lease is free again and the next attempt claims it at once
    assert (reload(approved).claimed_by, reload(approved).lease_until) == ("", None)
    assert request_claim(request_id=approved.pk, owner="host:2:next")


def test_completing_the_request_ends_the_lease_with_the_state(approved):
    fulfilment.privacy_request_fulfil(request_id=approved.pk)
    approved = reload(approved)
    assert (approved.state, approved.claimed_by, approved.lease_until) == ("completed", "", None)
    assert not request_claim(request_id=approved.pk, owner="host:3:late")


def test_the_sweep_leaves_a_request_alone_while_its_worker_s_lease_runs(approved):
    # given a worker that claimed the request a minute ago
    now = timezone.now()
    _worker_died_holding(approved, since=now - timedelta(minutes=1))

    # when the sweep runs, then nothing is dispatched again
    assert stuck_requests_redispatch(now=now) == []
    assert reload(approved).claimed_by == "host:4242:dead"


def test_a_request_whose_worker_died_is_dispatched_again_once_its_lease_expired_and_completes(
    approved, django_capture_on_commit_callbacks
):
    # given a worker that claimed the request and died: its lease is never released
    now = timezone.now()
    _worker_died_holding(approved, since=now)

    # when the sweep runs after the lease expired (the task runs eagerly on commit here)
    with django_capture_on_commit_callbacks(execute=True):
        redispatched = stuck_requests_redispatch(now=now + lease_length() + timedelta(seconds=1))

    # then the request was dispatched again, said so in the audit trail, and is fulfilled
    assert redispatched == [approved.pk]
    approved = reload(approved)
    assert approved.state == "completed" and ExportPackage.objects.filter(request=approved).exists()
    event = AuditEvent.objects.get(target_id=str(approved.pk), action="request.redispatched")
    assert event.subject_scope == f"request:{approved.pk}"


def test_an_approved_request_no_worker_ever_claimed_is_dispatched_again_after_a_lease(approved):
    # given an approved request whose task was lost before any worker took it
    approved_at = reload(approved).state_changed_at

    # when the sweep runs within a lease, then after one
    early = stuck_requests_redispatch(now=approved_at + lease_length() - timedelta(seconds=1))
    late = stuck_requests_redispatch(now=approved_at + lease_length() + timedelta(seconds=1))

    # then only the late sweep dispatched it, and it marked it so the next worker may claim it at once
    assert (early, late) == ([], [approved.pk])
    assert reload(approved).claimed_by == "dispatched"
    assert request_claim(request_id=approved.pk, owner="host:5:fresh")


def test_a_request_is_dispatched_again_once_per_lease_however_often_the_sweep_runs(approved):
    later = reload(approved).state_changed_at + lease_length() + timedelta(seconds=1)
    assert stuck_requests_redispatch(now=later) == [approved.pk]
    assert stuck_requests_redispatch(now=later + timedelta(minutes=5)) == []
    assert stuck_requests_redispatch(now=later + lease_length() + timedelta(seconds=1)) == [approved.pk]


def test_the_sweep_never_touches_requests_that_are_not_in_progress(magento_schema):
    # given requests waiting in review, parked, and completed long ago
    waiting = submit(kind="access", channel="email", verified=True, by=OPERATOR, start_processing=False)
    PrivacyRequest.objects.filter(pk=waiting.pk).update(state="in_review")

    # when the sweep runs a day later, then it dispatches nothing
    assert stuck_requests_redispatch(now=timezone.now() + timedelta(days=1)) == []
    assert not AuditEvent.objects.filter(action="request.redispatched").exists()


def test_release_only_ends_the_owner_s_own_lease(approved):
    assert request_claim(request_id=approved.pk, owner="host:6:mine")
    request_release(request_id=approved.pk, owner="host:7:other")
    assert reload(approved).claimed_by == "host:6:mine"
