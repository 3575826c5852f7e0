"""A real Celery worker on Redis SIGKILLed in the middle of a retention run; a fresh worker resumes it.

The shop is a scratch MariaDB database and the app an SQLite file of their own (tests/retention/processes.py);
the worker takes `run_retention_policy_task` from a queue of this test's own, as the beat's dispatch sends it.
"""

import json
import signal
import subprocess
import sys
import uuid

import pytest

from tests.requests_app.celery_worker import worker_started, worker_stop
from tests.retention.processes import ROOT, ShopCopy, migrated_app_database, wait_for
from tests.services import REDIS_URL, reachable, service_unavailable

KEY = "5d" * 32
ORDERS = "orders-anonymize"
RUN_STATE = "SELECT state, batches FROM retention_retentionrun ORDER BY id DESC LIMIT 1"
ENQUEUE = (
    "import django; django.setup()\n"
    "from retention.models import RetentionPolicy\n"
    "from retention.tasks import run_retention_policy_task\n"
    "run_retention_policy_task.apply_async(args=[RetentionPolicy.objects.get(name={policy!r}).pk], queue={queue!r})\n"
)


@pytest.fixture
def shops(tmp_path):
    if not reachable("127.0.0.1", 6379):
        service_unavailable("a real worker needs Redis on 127.0.0.1:6379")
    run = uuid.uuid4().hex[:8]
    made = [ShopCopy(tmp_path, f"{name}_{run}", "mysql") for name in ("worker", "straight")]
    yield made
    for copy in made:
        copy.drop()


def _enqueue(copy: ShopCopy, queue: str) -> None:
    code = ENQUEUE.format(policy=ORDERS, queue=queue)
    env = {**copy.env, "CELERY_BROKER_URL": REDIS_URL}
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.mariadb
def test_a_celery_worker_killed_mid_retention_run_leaves_a_run_a_fresh_worker_resumes_to_the_uninterrupted_end_state(
    shops, tmp_path
):
    # given: two identical MariaDB shops with the same pending run (same pseudonym key), a worker on a queue of its own
    worked, straight = shops
    worked.create(customers=150, migrated_app=migrated_app_database(tmp_path))
    worked.pin_run(policy=ORDERS, key=KEY, batch_size=5)
    worked.copy_to(straight)
    queue = f"retention-{uuid.uuid4().hex[:8]}"
    first = worker_started(queue, tmp_path / "first.log", env=worked.env)
    # when: the worker is SIGKILLed after its third committed batch, and the next dispatch goes to a fresh worker
    try:
        _enqueue(worked, queue)
        wait_for(lambda: (worked.app_rows(RUN_STATE) or [("", 0)])[0][1] >= 3, timeout=90)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        worker_stop(first)
    killed_state, killed_batches = worked.app_rows(RUN_STATE)[0]
    second = worker_started(queue, tmp_path / "second.log", env=worked.env)
    try:
        _enqueue(worked, queue)
        wait_for(lambda: worked.app_rows(RUN_STATE)[0][0] == "completed", timeout=120)
    finally:
        worker_stop(second)
    uninterrupted = json.loads(straight.manage("retention", "run", "--policy", ORDERS, "--json", check=True).stdout)[0]
    # then
    assert killed_state == "running" and killed_batches >= 3
    errors = worked.app_rows("SELECT errors FROM retention_retentionrun ORDER BY id DESC LIMIT 1")[0][0]
    assert "resumed after the previous worker stopped" in errors
    assert uninterrupted["state"] == "completed"
    assert worked.magento_snapshot() == straight.magento_snapshot()
