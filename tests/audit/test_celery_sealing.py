"""The production path: with a broker, a commit enqueues a delayed sealing task that a worker runs."""

import os
import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction
from kombu import pools

from privacy.audit import services
from privacy.audit.models import AuditEvent
from privacy.audit.verification import audit_chain_verify
from privacy.celery import app
from tests.audit.helpers import ALICE
from tests.services import service_unavailable

SEALING_PATIENCE_SECONDS = 30
BROKER_SETTINGS = ("broker_url", "task_always_eager", "task_default_queue")


def _broker_connections_forget() -> None:
    """Drop the app's broker connection and producer pools.

    The app builds them once, for the broker configured at that moment: an eager `delay()` in an
    earlier test builds them for the default broker, and this test's tasks would then be published
    there (the error logged and swallowed by the robust on_commit) and never reach the worker.
    """
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()  # kombu keeps a producer pool per broker URL, which would hand out the closed connections again


@pytest.fixture
def celery_on_redis(settings, monkeypatch):
    """A worker thread consuming a queue of this test's own on Redis, and this process publishing to it."""
    redis_url = os.environ.get("PRIVACY_TEST_REDIS_URL")
    if not redis_url:
        service_unavailable("needs Redis (run through `python -m tests.services`)")
    # Read the app's settings BEFORE changing Django's: app.conf loads lazily from Django settings, so read
    # afterwards it would remember task_always_eager=False and restore it for every later test.
    saved = {key: app.conf[key] for key in BROKER_SETTINGS}
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(services, "_seal_due_at", 0.0)
    queue = f"audit-sealing-{uuid.uuid4().hex}"  # workers of other runs on the same Redis never take its tasks
    _broker_connections_forget()
    app.conf.update(broker_url=redis_url, task_always_eager=False, task_default_queue=queue)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30, queues=[queue]):
            yield
    finally:
        _broker_connections_forget()
        app.conf.update(saved)


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
