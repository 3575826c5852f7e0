"""The production path: with a broker, a commit enqueues a delayed sealing task that a worker runs."""

import os
import time
import uuid
from contextlib import contextmanager

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from privacy.audit import seal_window, services
from privacy.audit.models import AuditEvent
from privacy.audit.verification import audit_chain_verify
from privacy.celery import app
from tests.audit.helpers import ALICE
from tests.requests_app.celery_worker import producer_on
from tests.services import service_unavailable

SEALING_PATIENCE_SECONDS = 30


@contextmanager
def _publishing(queue: str, settings, monkeypatch, **producer):
    """This process queues its sealing tasks to queue (producer_on's broker and settings), as a process
    that has not queued one yet."""
    # producer_on reads the Celery app's settings before Django's change below: app.conf loads lazily from
    # Django settings, so read afterwards it would restore task_always_eager=False for every later test.
    with producer_on(queue, **producer):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        monkeypatch.setattr(services, "_seal_due_at", 0.0)
        yield


@pytest.fixture
def celery_on_redis(settings, monkeypatch):
    """A worker thread consuming a queue of this test's own on Redis, and this process publishing to it."""
    if not os.environ.get("PRIVACY_TEST_REDIS_URL"):
        service_unavailable("needs Redis (run through `python -m tests.services`)")
    queue = f"audit-sealing-{uuid.uuid4().hex}"  # workers of other runs on the same Redis never take its tasks
    with _publishing(queue, settings, monkeypatch):
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
    with _publishing("audit-unreachable", settings, monkeypatch, broker_url="redis://127.0.0.1:9/0", task_publish_retry=False):
        yield


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


@pytest.fixture
def shared_window(settings, monkeypatch):
    """Appends publish to a queue of this test's own on Redis (no worker), with REDIS_URL set as in
    production; yields the queue's length, i.e. how many sealing tasks were queued."""
    redis_url = os.environ.get("PRIVACY_TEST_REDIS_URL")
    if not redis_url:
        service_unavailable("needs Redis (run through `python -m tests.services`)")
    queue = f"audit-window-{uuid.uuid4().hex}"
    client = redis.Redis.from_url(redis_url)
    client.delete(seal_window.WINDOW_KEY)
    with _publishing(queue, settings, monkeypatch):
        settings.REDIS_URL = redis_url
        try:
            yield lambda: client.llen(queue)
        finally:
            client.delete(queue, seal_window.WINDOW_KEY)


def _standalone_append():
    services.audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=1, details={}, standalone=True)


def _as_another_process(monkeypatch):
    monkeypatch.setattr(services, "_seal_due_at", 0.0)  # a fresh process has no window of its own


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_processes_appending_in_the_same_window_queue_one_sealing_task(shared_window, monkeypatch):
    # when one process appends, then another inside the same window
    _standalone_append()
    _as_another_process(monkeypatch)
    _standalone_append()

    # then one task was queued, and the second process waits out what is left of the window
    assert shared_window() == 1
    assert 0 < services._seal_due_at - time.monotonic() <= services.SEAL_WINDOW_SECONDS

    # and once the window is over, the next append queues the next task
    time.sleep(services.SEAL_WINDOW_SECONDS + 0.05)
    _as_another_process(monkeypatch)
    _standalone_append()
    assert shared_window() == 2


def test_the_window_closes_before_the_task_it_stands_for_reads():
    assert services.SEAL_WINDOW_SECONDS < services.SEAL_DELAY_SECONDS


def test_without_an_answer_from_redis_each_process_queues_its_own_task(settings, caplog):
    # given
    settings.REDIS_URL = "redis://127.0.0.1:9/0"

    # when / then
    assert seal_window.window_claim(window_seconds=0.4) == 0.0
    assert "this process queues its own task" in caplog.text
