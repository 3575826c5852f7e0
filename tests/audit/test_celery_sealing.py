"""The production path: with a broker, a commit enqueues a delayed sealing task that a worker runs."""

import os
import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from privacy.audit import services
from privacy.audit.models import AuditEvent
from privacy.audit.verification import audit_chain_verify
from privacy.celery import app
from tests.audit.helpers import ALICE
from tests.requests_app.celery_worker import celery_connections_forget, producer_on
from tests.services import service_unavailable

SEALING_PATIENCE_SECONDS = 30


@pytest.fixture
def celery_on_redis(settings, monkeypatch):
    """A worker thread consuming a queue of this test's own on Redis, and this process publishing to it."""
    if not os.environ.get("PRIVACY_TEST_REDIS_URL"):
        service_unavailable("needs Redis (run through `python -m tests.services`)")
    queue = f"audit-sealing-{uuid.uuid4().hex}"  # workers of other runs on the same Redis never take its tasks
    # producer_on reads the Celery app's settings before Django's change below: app.conf loads lazily from
    # Django settings, so read afterwards it would restore task_always_eager=False for every later test.
    with producer_on(queue):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        monkeypatch.setattr(services, "_seal_due_at", 0.0)
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30, queues=[queue]):
            yield


@pytest.mark.services
@pytest.mark.django_db(transaction=True, databases=["default", "magento"])  # the worker runs system checks
def test_with_a_broker_committed_events_are_sealed_by_the_worker(celery_on_redis):
    # when two transactions commit events
    for index in range(2):
        with transaction.atomic():
            services.audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=index, details={})

    # then the worker seals them shortly after, without anyone asking
    deadline = time.monotonic() + SEALING_PATIENCE_SECONDS
    while AuditEvent.objects.filter(seal__isnull=True).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(AuditEvent.objects.order_by("seal__seq").values_list("seal__seq", flat=True)) == [1, 2]
    assert audit_chain_verify(seal_first=False).ok


@pytest.fixture
def broker_unreachable(settings, monkeypatch):
    """This process publishes to a Redis address nobody listens on, without retrying."""
    keys = ("broker_url", "task_always_eager", "task_publish_retry")
    saved = {key: app.conf[key] for key in keys}
    celery_connections_forget()
    app.conf.update(broker_url="redis://127.0.0.1:9/0", task_always_eager=False, task_publish_retry=False)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(services, "_seal_due_at", 0.0)
    try:
        yield
    finally:
        celery_connections_forget()
        app.conf.update(saved)


@pytest.mark.django_db(transaction=True)
def test_a_standalone_event_stays_committed_when_its_sealing_task_cannot_be_queued(broker_unreachable, caplog):
    # when
    event = services.audit_event_append(
        actor=ALICE, action="audit.payload_viewed", target_type="audit_event", target_id=1, details={}, standalone=True
    )

    # then: the append returned, the event is stored, and the failure is logged for the scheduled sealing
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert "could not ask for sealing" in caplog.text
    assert services.audit_chain_seal() == 1
