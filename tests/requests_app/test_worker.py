"""Round trip through a REAL Celery worker on Redis (services pass): enqueue on commit, worker runs, state moves.

The worker is a subprocess (`celery -A privacy worker`) pointed at this test run's databases
and at a queue of its own, so workers of other test runs on the same Redis never take its tasks.
"""

import uuid
from datetime import timedelta

import pytest
from django.db import transaction

from privacy.audit.models import AuditEvent
from requests_app.models import PrivacyRequest
from requests_app.services import privacy_request_approve, privacy_request_submit
from requests_app.services.lease import stuck_requests_redispatch, verified_grace
from tests.requests_app.celery_worker import wait_for, worker_on_own_queue
from tests.requests_app.helpers import OPERATOR

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, databases=["default", "magento"])]


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A celery worker subprocess on this test's databases and its own queue; yields after it is ready."""
    with worker_on_own_queue("requests-app-test", tmp_path) as running:
        yield running


def test_a_request_is_discovered_and_fulfilled_by_a_real_worker_after_each_commit(worker):
    # given a running worker, and staff entering a verified request (discovery is queued on commit)
    process, log = worker
    with transaction.atomic():
        privacy_request = privacy_request_submit(
            kind="access", email=f"worker-{uuid.uuid4().hex[:8]}@example.com", jurisdiction="gdpr", channel="email",
            verified=True, by=OPERATOR,
        )

    # when the worker picks the task up from Redis and runs discovery against the real databases
    def reviewed():
        return PrivacyRequest.objects.get(pk=privacy_request.pk).state != "verified"

    wait_for(reviewed, what="the worker to run discovery", process=process, log=log)

    # then the request moved on in the worker's process, visible here through the shared database
    privacy_request = PrivacyRequest.objects.get(pk=privacy_request.pk)
    assert privacy_request.state == "in_review", log.read_text()[-4000:]
    assert "requests_app.tasks.discover_subject_task" in log.read_text()
    assert privacy_request.findings.summary == {}  # nobody in the shop has this address

    # and once staff approve, the worker fulfils it: the (empty) export package is built and stored
    privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
    wait_for(lambda: PrivacyRequest.objects.get(pk=privacy_request.pk).state != "in_progress",
             what="the worker to fulfil the request", process=process, log=log)
    privacy_request = PrivacyRequest.objects.get(pk=privacy_request.pk)
    assert privacy_request.state == "completed", log.read_text()[-4000:]
    assert privacy_request.package.size > 0
    assert "requests_app.tasks.fulfil_request_task" in log.read_text()


def test_a_verified_request_whose_discovery_task_was_lost_is_dispatched_by_the_sweep_and_discovered_by_a_real_worker(
    worker,
):
    # given a running worker, and a verified request whose discovery task never reached the queue
    process, log = worker
    with transaction.atomic():
        privacy_request = privacy_request_submit(
            kind="access", email=f"lost-{uuid.uuid4().hex[:8]}@example.com", jurisdiction="gdpr", channel="email",
            verified=True, by=OPERATOR, start_processing=False,
        )
    verified_at = PrivacyRequest.objects.get(pk=privacy_request.pk).state_changed_at

    # when the beat sweep runs once the grace period has passed (its clock moved past it)
    assert stuck_requests_redispatch(now=verified_at + verified_grace() + timedelta(seconds=1)) == [privacy_request.pk]

    # then the worker takes the dispatched discovery from Redis, the request waits in review, and the dispatch is on record
    wait_for(lambda: PrivacyRequest.objects.get(pk=privacy_request.pk).state != "verified",
             what="the worker to run the dispatched discovery", process=process, log=log)
    privacy_request = PrivacyRequest.objects.get(pk=privacy_request.pk)
    assert (privacy_request.state, privacy_request.claimed_by) == ("in_review", ""), log.read_text()[-4000:]
    actions = list(AuditEvent.objects.filter(target_id=str(privacy_request.pk)).values_list("action", flat=True))
    assert actions.count("request.redispatched") == 1 and actions.count("request.discovered") == 1
