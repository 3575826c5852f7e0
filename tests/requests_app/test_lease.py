"""The fulfilment lease: one worker at a time carries a request out, renewing its lease while it makes progress,
and a dead worker's request (or a verified request whose discovery task was lost) is dispatched again.

The end-to-end proofs with a real Celery worker are in tests/requests_app/test_worker_killed.py (a worker killed by
SIGKILL, and a worker whose lease was taken over while it waited), services pass.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connections
from django.db.models.signals import pre_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from privacy.audit.models import AuditEvent
from privacy.sources.amazon_pay.simulator import FaultRule
from privacy.sources.erasure.models import ErasureRun
from privacy.sources.magento.seed.service import magento_seed
from requests_app import fulfilment
from requests_app.admin.casefile import STAFF_LABELS, casefile_for
from requests_app.models import ExportPackage, PrivacyRequest
from requests_app.services import privacy_request_approve
from requests_app.services.lease import (
    LeaseLost,
    lease_length,
    request_claim,
    request_release,
    request_renew,
    stuck_requests_redispatch,
    verified_grace,
)
from tests.requests_app.helpers import OPERATOR, reload, staff_user, submit
from tests.sources.erasure.helpers import SEEDED_AT, erasable_customer, person
from tests.sources.erasure.test_amazon import amazon_subject  # noqa: F401 (fixture: a customer who paid with Amazon Pay)

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


def test_the_sweep_never_touches_a_request_waiting_in_review(magento_schema):
    # given a request waiting for staff in review
    waiting = submit(kind="access", channel="email", verified=True, by=OPERATOR, start_processing=False)
    PrivacyRequest.objects.filter(pk=waiting.pk).update(state="in_review")

    # when the sweep runs a day later, then it dispatches nothing
    assert stuck_requests_redispatch(now=timezone.now() + timedelta(days=1)) == []
    assert not AuditEvent.objects.filter(action="request.redispatched").exists()


def test_release_only_ends_the_owner_s_own_lease(approved):
    assert request_claim(request_id=approved.pk, owner="host:6:mine")
    request_release(request_id=approved.pk, owner="host:7:other")
    assert reload(approved).claimed_by == "host:6:mine"


def test_renewing_extends_the_owner_s_lease_to_a_full_lease_from_now(approved):
    # given a worker that claimed the request long ago: its lease has run out
    now = timezone.now()
    assert request_claim(request_id=approved.pk, owner="host:8:slow", now=now - 2 * lease_length())

    # when it reaches a progress point, then it holds a full lease from now again
    request_renew(request_id=approved.pk, owner="host:8:slow", now=now)
    assert reload(approved).lease_until == now + lease_length()
    assert stuck_requests_redispatch(now=now) == []


def test_a_worker_whose_lease_was_taken_over_cannot_renew_it(approved):
    # given a worker whose lease expired and that the sweep replaced
    now = timezone.now()
    assert request_claim(request_id=approved.pk, owner="host:9:slow", now=now - 2 * lease_length())
    assert stuck_requests_redispatch(now=now) == [approved.pk]

    # when it reaches its next progress point, then it is told to stop, and the dispatch stands
    with pytest.raises(LeaseLost):
        request_renew(request_id=approved.pk, owner="host:9:slow", now=now)
    assert reload(approved).claimed_by == "dispatched"


def test_a_worker_whose_lease_was_taken_over_before_the_completion_neither_completes_nor_parks_the_request(
    approved, monkeypatch
):
    # given a kind whose work before the completion outlasts the lease, and the sweep handing it to another worker
    def long_work_meanwhile_taken_over(privacy_request, now, progress):
        later = reload(privacy_request).lease_until + timedelta(seconds=1)
        assert stuck_requests_redispatch(now=later) == [privacy_request.pk]
        return True

    monkeypatch.setitem(fulfilment.PREPARERS, "access", long_work_meanwhile_taken_over)

    # when the first worker reaches the completion, then it stops there: nothing completed, packaged or parked
    stopped = fulfilment.privacy_request_fulfil(request_id=approved.pk)
    assert (stopped.state, stopped.claimed_by) == ("in_progress", "dispatched")
    assert not ExportPackage.objects.filter(request=approved).exists()
    assert _events(stopped, "request.needs_attention") == 0

    # when the worker it was dispatched to runs it, then it completes
    monkeypatch.delitem(fulfilment.PREPARERS, "access")
    assert fulfilment.privacy_request_fulfil(request_id=approved.pk).state == "completed"


# -- a deletion's fulfilment: its recorded erasure steps are the progress points -----------------------------------


@pytest.fixture
def approved_deletion(magento_schema, django_capture_on_commit_callbacks):
    """A deletion request of an erasable customer, discovered and approved; its fulfilment task nobody has run yet."""
    magento_seed(using="magento", customers=12, orders_per_customer=3, seed=8, now=SEEDED_AT)
    email = person(erasable_customer(now=SEEDED_AT)).email
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="deletion", email=email, channel="email", verified=True, by=OPERATOR)
    assert reload(privacy_request).state == "in_review"
    return privacy_request_approve(privacy_request=reload(privacy_request), by=OPERATOR, start_processing=False)


@contextmanager
def _on_erasure_saves(receiver):
    """Call receiver(instance, update_fields) as the erasure saves its run, after the worker's own progress point."""
    def relay(sender, instance, update_fields=None, **kwargs):
        receiver(instance, update_fields or frozenset())

    pre_save.connect(relay, sender=ErasureRun, weak=False)
    try:
        yield
    finally:
        pre_save.disconnect(relay, sender=ErasureRun)


@contextmanager
def _when_the_erasure_records(step: str, meanwhile):
    """Call meanwhile() once, when the erasure is about to record step: after the worker passed that progress point."""
    done = []

    def receiver(instance, update_fields):
        if instance.step == step and not done:
            done.append(meanwhile())

    with _on_erasure_saves(receiver):
        yield done
    assert done, f"the erasure never recorded {step}"


def _events(privacy_request, action: str) -> int:
    return AuditEvent.objects.filter(target_id=str(privacy_request.pk), action=action).count()


def test_a_fulfilment_that_outlives_its_lease_renews_it_at_each_step_so_the_sweep_leaves_it_to_its_worker(
    approved_deletion,
):
    # given a deletion whose shop transaction took longer than a whole lease (the lease is made to look expired as
    # the plan is recorded with "applying", right before it)
    def shop_transaction_outlived_the_lease():
        PrivacyRequest.objects.filter(pk=approved_deletion.pk).update(lease_until=timezone.now() - timedelta(seconds=1))

    def sweep_while_the_holds_are_recorded():
        now = timezone.now()
        return stuck_requests_redispatch(now=now), reload(approved_deletion).lease_until > now

    # when its worker goes on to record the shop transaction's holds and the beat sweep runs at that moment
    with (
        _when_the_erasure_records("applying", shop_transaction_outlived_the_lease),
        _when_the_erasure_records("held", sweep_while_the_holds_are_recorded) as sweeps,
    ):
        fulfilment.privacy_request_fulfil(request_id=approved_deletion.pk)

    # then the worker had renewed its lease at that step, so the sweep took nothing over, and the worker completed it
    assert sweeps == [([], True)]
    privacy_request = reload(approved_deletion)
    assert privacy_request.state == "completed"
    assert ErasureRun.objects.get(request=privacy_request).attempts == 1
    assert _events(privacy_request, "request.redispatched") == 0 and _events(privacy_request, "request.completed") == 1


def test_a_deletion_s_worker_renews_its_lease_once_per_step_the_erasure_records_and_checks_it_at_the_completion(
    approved_deletion,
):
    # when the worker fulfils the deletion
    with CaptureQueriesContext(connections["default"]) as queries:
        privacy_request = fulfilment.privacy_request_fulfil(request_id=approved_deletion.pk)

    # then it renewed its lease before each of the three steps the erasure recorded (the plan with "applying", as
    # nothing is to be closed at Amazon Pay; held; verified), not when the run was opened right after the claim nor
    # in the completion, whose locked row shows the lease; the completion ended the lease with the state (saving the
    # receipt too), so nothing was left to release
    heads = [query["sql"].split(" WHERE ")[0] for query in queries if query["sql"].startswith('UPDATE "requests_app_privacyrequest"')]
    renewals = [head for head in heads if '"lease_until"' in head and '"claimed_by"' not in head]
    [claim, completion] = [head for head in heads if '"claimed_by"' in head]
    assert len(renewals) == 3 and len(heads) == 5 and '"receipt_sealed"' in completion
    assert privacy_request.state == "completed" and ErasureRun.objects.get(request=privacy_request).step == "completed"


@pytest.mark.parametrize(("taken_over_while", "held"), [("applying", False), ("verified", True)],
                         ids=["shop_transaction", "residual_scan"])  # fmt: skip
def test_a_worker_whose_lease_was_taken_over_stops_before_its_next_step_and_the_new_worker_completes_it(
    approved_deletion, taken_over_while, held
):
    # given a deletion's worker whose lease the sweep finds expired while it works on a step (the shop
    # transaction; the residual scan) and hands to another worker
    def sweep_after_the_lease():
        return stuck_requests_redispatch(now=reload(approved_deletion).lease_until + timedelta(seconds=1))

    # when the first worker goes on
    with _when_the_erasure_records(taken_over_while, sweep_after_the_lease) as sweeps:
        stopped = fulfilment.privacy_request_fulfil(request_id=approved_deletion.pk)

    # then it finished the step under way but wrote nothing after it: no holds after the shop transaction, no
    # completion after the scan, nothing parked; the request waits for the worker it was dispatched to
    assert sweeps == [[approved_deletion.pk]]
    run = ErasureRun.objects.get(request=approved_deletion)
    assert (stopped.state, stopped.claimed_by, run.step, run.holds > 0) == ("in_progress", "dispatched", taken_over_while, held)
    assert _events(stopped, "request.completed") == 0 and _events(stopped, "request.needs_attention") == 0

    # when the dispatched task runs, then that worker resumes the erasure from the recorded step and completes it once
    privacy_request = fulfilment.privacy_request_fulfil(request_id=approved_deletion.pk)
    run = ErasureRun.objects.get(request=privacy_request)
    assert (privacy_request.state, run.step, run.attempts) == ("completed", "completed", 2)
    assert run.holds > 0 and _events(privacy_request, "request.completed") == 1


def test_an_erasure_waiting_on_amazon_pay_retries_renews_its_lease_with_each_closure_it_records(
    amazon_subject, amazon_pay_settings, django_capture_on_commit_callbacks
):
    # given a deletion of a customer with several Amazon Pay charge permissions, each close throttled once (retried)
    customer_id, permissions = amazon_subject
    assert len(permissions) >= 2
    for permission in permissions:
        amazon_pay_settings.faults.add(FaultRule("throttle", count=1, operation="charge_permission_close", reference=permission))
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="deletion", email=person(customer_id).email, channel="email", verified=True, by=OPERATOR)
    approved = privacy_request_approve(privacy_request=reload(privacy_request), by=OPERATOR, start_processing=False)

    # when the first closure with its retries outlives the lease (made to look expired as it is recorded), and the
    # beat sweep runs as the next closure is recorded
    seen = []

    def at_each_recorded_closure(instance, update_fields):
        if "amazon_sealed" not in update_fields or len(seen) == 2:
            return
        now = timezone.now()
        if not seen:
            PrivacyRequest.objects.filter(pk=approved.pk).update(lease_until=now - timedelta(seconds=1))
            seen.append("expired")
        else:
            seen.append((stuck_requests_redispatch(now=now), reload(approved).lease_until > now))

    with _on_erasure_saves(at_each_recorded_closure):
        fulfilment.privacy_request_fulfil(request_id=approved.pk)

    # then recording that closure renewed the lease, the sweep took nothing over, and the worker erased alone
    assert seen == ["expired", ([], True)]
    privacy_request = reload(approved)
    run = ErasureRun.objects.get(request=privacy_request)
    assert (privacy_request.state, run.attempts, run.amazon["closed"]) == ("completed", 1, len(permissions))
    assert _events(privacy_request, "request.redispatched") == 0


# -- verified requests whose discovery task was lost ------------------------------------------------------------------


@pytest.fixture
def verified_lost(magento_schema):
    """A verified request whose discovery task was lost (here: never queued) on its way to a worker."""
    return reload(submit(kind="access", channel="email", verified=True, by=OPERATOR, start_processing=False))


def test_a_verified_request_whose_discovery_task_was_lost_is_dispatched_again_after_the_grace_period_and_discovered(
    verified_lost, django_capture_on_commit_callbacks
):
    verified_at = verified_lost.state_changed_at

    # when the sweep runs within the grace period, then after it (the task runs eagerly on commit here)
    early = stuck_requests_redispatch(now=verified_at + verified_grace() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        late = stuck_requests_redispatch(now=verified_at + verified_grace() + timedelta(seconds=1))

    # then only the late sweep dispatched it; it was discovered and waits in review, and staff see the dispatch in
    # the request's history
    assert (early, late) == ([], [verified_lost.pk])
    privacy_request = reload(verified_lost)
    assert (privacy_request.state, privacy_request.claimed_by, privacy_request.lease_until) == ("in_review", "", None)
    assert _events(privacy_request, "request.redispatched") == 1 and _events(privacy_request, "request.discovered") == 1
    timeline = casefile_for(privacy_request=privacy_request, viewer=staff_user("olivia", "Privacy officer")).timeline
    assert STAFF_LABELS["request.redispatched"] in [entry.label for entry in timeline]


def test_a_verified_request_is_dispatched_again_once_per_lease_however_often_the_sweep_runs(verified_lost):
    later = verified_lost.state_changed_at + verified_grace() + timedelta(seconds=1)
    assert stuck_requests_redispatch(now=later) == [verified_lost.pk]
    assert stuck_requests_redispatch(now=later + timedelta(minutes=5)) == []
    assert stuck_requests_redispatch(now=later + lease_length() + timedelta(seconds=1)) == [verified_lost.pk]
    assert _events(verified_lost, "request.redispatched") == 2


def test_a_discovery_a_live_worker_has_under_way_is_neither_dispatched_again_nor_run_twice(verified_lost):
    # given a worker discovering the request, slowly: past the grace period it still holds its lease
    later = verified_lost.state_changed_at + verified_grace() + timedelta(seconds=1)
    assert request_claim(request_id=verified_lost.pk, owner="host:10:busy", now=later, state="verified")

    # when the sweep runs and the discovery task is delivered again
    assert stuck_requests_redispatch(now=later) == []
    fulfilment.privacy_request_discover(request_id=verified_lost.pk)

    # then both leave it to the worker holding it
    privacy_request = reload(verified_lost)
    assert (privacy_request.state, privacy_request.claimed_by) == ("verified", "host:10:busy")
    assert _events(privacy_request, "request.redispatched") == 0 and _events(privacy_request, "request.discovered") == 0
