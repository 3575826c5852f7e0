"""Round trip through a REAL Celery worker on Redis (services pass): enqueue on commit, worker runs, state moves.

The worker is a subprocess (`celery -A privacy worker`) pointed at this test run's databases
and at a queue of its own, so workers of other test runs on the same Redis never take its tasks.
"""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connections, transaction

from privacy.celery import app
from requests_app.models import PrivacyRequest
from requests_app.services import privacy_request_approve, privacy_request_submit
from tests.requests_app.helpers import OPERATOR
from tests.services import REDIS_URL, reachable, service_unavailable

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, databases=["default", "magento"])]
WAIT_SECONDS = 90


def _database_url(alias: str) -> str:
    config = connections[alias].settings_dict
    scheme = {"postgresql": "postgres", "mysql": "mysql"}[connections[alias].vendor]
    credentials = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    return f"{scheme}://{credentials}@{config['HOST']}:{config['PORT']}/{config['NAME']}"


@contextmanager
def _producer_on(queue: str):
    """Make this process enqueue to Redis (not eagerly) for the test's duration."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    _connections_forget()  # eager tests before this one may have built a pool for the default broker
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False, task_default_queue=queue)
    try:
        yield
    finally:
        _connections_forget()
        app.conf.update(saved)


def _connections_forget() -> None:
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A celery worker subprocess on this test's databases and its own queue; yields after it is ready."""
    if connections["default"].vendor != "postgresql" or connections["magento"].vendor != "mysql":
        service_unavailable("a real worker needs the services pass (PostgreSQL + MariaDB): `python -m tests.services`")
    if not reachable("127.0.0.1", 6379):
        service_unavailable("a real worker needs Redis on 127.0.0.1:6379")
    queue = f"requests-app-test-{uuid.uuid4().hex[:12]}"
    log = tmp_path / "worker.log"
    env = {**os.environ, "DEBUG": "1", "CELERY_BROKER_URL": REDIS_URL, "PRIVACY_VAR_DIR": str(settings.VAR_DIR),
           "DATABASE_URL": _database_url("default"), "MAGENTO_DATABASE_URL": _database_url("magento")}
    command = [sys.executable, "-m", "celery", "-A", "privacy", "worker", "--pool=solo", "-Q", queue,
               "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO", "--hostname", f"{queue}@test"]
    with open(log, "w") as output, _producer_on(queue):
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_for(lambda: "ready." in log.read_text(), what="the worker to start", process=process, log=log)
            yield process, log
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_for(condition, *, what: str, process, log) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}; worker log:\n{log.read_text()[-4000:]}")
        time.sleep(0.2)


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

    _wait_for(reviewed, what="the worker to run discovery", process=process, log=log)

    # then the request moved on in the worker's process, visible here through the shared database
    privacy_request = PrivacyRequest.objects.get(pk=privacy_request.pk)
    assert privacy_request.state == "in_review", log.read_text()[-4000:]
    assert "requests_app.tasks.discover_subject_task" in log.read_text()
    assert privacy_request.findings.summary == {}  # nobody in the shop has this address

    # and once staff approve, the worker fulfils it: the (empty) export package is built and stored
    privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
    _wait_for(lambda: PrivacyRequest.objects.get(pk=privacy_request.pk).state != "in_progress",
              what="the worker to fulfil the request", process=process, log=log)
    privacy_request = PrivacyRequest.objects.get(pk=privacy_request.pk)
    assert privacy_request.state == "completed", log.read_text()[-4000:]
    assert privacy_request.package.size > 0
    assert "requests_app.tasks.fulfil_request_task" in log.read_text()
