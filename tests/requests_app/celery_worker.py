"""A REAL Celery worker on Redis for the services pass: a subprocess on the test's databases and a queue of its own.

`worker_started(queue, log)` starts `celery -A privacy worker` pointed at this test run's databases
(as connections name them at that moment) and returns once it is ready; `producer_on(queue)` makes
this process enqueue to that queue on Redis instead of running tasks eagerly. A queue per test
keeps workers of other test runs on the same Redis from taking its tasks.
"""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from kombu import pools
from django.db import connections

from privacy.celery import app
from tests.services import REDIS_URL, reachable, service_unavailable

WAIT_SECONDS = 90


def services_required_for_a_worker() -> None:
    if connections["default"].vendor != "postgresql" or connections["magento"].vendor != "mysql":
        service_unavailable("a real worker needs the services pass (PostgreSQL + MariaDB): `python -m tests.services`")
    if not reachable("127.0.0.1", 6379):
        service_unavailable("a real worker needs Redis on 127.0.0.1:6379")


def database_url(alias: str) -> str:
    config = connections[alias].settings_dict
    scheme = {"postgresql": "postgres", "mysql": "mysql"}[connections[alias].vendor]
    credentials = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    return f"{scheme}://{credentials}@{config['HOST']}:{config['PORT']}/{config['NAME']}"


@contextmanager
def producer_on(queue: str, *, broker_url: str = REDIS_URL, **conf):
    """Make this process enqueue to broker_url (this run's Redis by default), not eagerly, for the block's
    duration; conf sets more Celery settings for it."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue", *conf)}
    _connections_forget()  # eager tests before this one may have built a pool for the default broker
    app.conf.update(broker_url=broker_url, task_always_eager=False, task_default_queue=queue, **conf)
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
    pools.reset()  # kombu keeps a producer pool per broker URL, which would hand out the closed connections again


def worker_started(queue: str, log: Path, *, env: dict | None = None) -> subprocess.Popen:
    """Start a solo-pool worker on queue (its output in log) and return it once it is ready.

    By default it runs on this test run's databases; env replaces that environment (the broker is always Redis)."""
    if env is None:
        env = {**os.environ, "DEBUG": "1", "PRIVACY_VAR_DIR": str(settings.VAR_DIR),
               "DATABASE_URL": database_url("default"), "MAGENTO_DATABASE_URL": database_url("magento")}  # fmt: skip
    env = {**env, "CELERY_BROKER_URL": REDIS_URL}
    command = [sys.executable, "-m", "celery", "-A", "privacy", "worker", "--pool=solo", "-Q", queue,
               "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO",
               "--hostname", f"{log.stem}-{queue}@test"]  # fmt: skip
    with open(log, "w") as output:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    wait_for(lambda: "ready." in log.read_text(), what="the worker to start", process=process, log=log)
    return process


@contextmanager
def worker_on_own_queue(name: str, tmp_path: Path):
    """Yield (process, log) of a ready worker on a queue of its own, this process enqueuing to it; stop it after."""
    services_required_for_a_worker()
    queue = f"{name}-{uuid.uuid4().hex[:12]}"
    log = tmp_path / "worker.log"
    with producer_on(queue):
        process = worker_started(queue, log)
        try:
            yield process, log
        finally:
            worker_stop(process)


def worker_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def wait_for(condition, *, what: str, process: subprocess.Popen | None, log: Path | None):
    """Poll condition until it returns something truthy (returned); fail if the worker (if any) exits or after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not (value := condition()):
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}; worker log:\n{log.read_text()[-4000:] if log else '-'}")
        time.sleep(0.2)
    return value
