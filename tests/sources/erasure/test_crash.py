"""A worker killed (SIGKILL) inside the erasure's shop transaction leaves the subject untouched, and
running the erasure again completes it: on a SQLite file and on MariaDB, in real separate processes."""

import json
import os
import pickle
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.services import MARIADB_URL, service_unavailable

WORKER = [sys.executable, "-m", "tests.sources.erasure.crash_worker"]
ROOT = Path(__file__).resolve().parents[3]
REFERENCE = "manual:crash"


def _worker(env: dict, *args: str) -> dict | None:
    done = subprocess.run([*WORKER, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def _dump(env: dict, path: Path) -> dict:
    _worker(env, "dump", str(path))
    return pickle.loads(path.read_bytes())


def _kill_inside_the_transaction(env: dict, customer_id: int) -> None:
    worker = subprocess.Popen([*WORKER, "erase", "--customer-id", str(customer_id), "--reference", REFERENCE, "--pause-after", "8"],
                              env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = worker.stdout.readline()
        assert line.startswith("PAUSED"), line + worker.stderr.read()[-3000:]
        os.kill(worker.pid, signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            worker.kill()


def _crash_and_rerun(env: dict, tmp_path: Path) -> None:
    # given a prepared shop and a full dump of it
    customer_id = _worker(env, "prepare")["customer_id"]
    before = _dump(env, tmp_path / "before.pickle")

    # when a worker is killed half-way through the shop transaction
    _kill_inside_the_transaction(env, customer_id)

    # then the shop is exactly as before, and the run knows the transaction may have started
    assert _dump(env, tmp_path / "killed.pickle") == before
    assert _worker(env, "status", "--reference", REFERENCE) == {"step": "applying", "attempts": 1}

    # when the erasure is run again, then it completes from the frozen plan
    assert _worker(env, "erase", "--customer-id", str(customer_id), "--reference", REFERENCE)["step"] == "verified"
    after = _dump(env, tmp_path / "after.pickle")
    assert (customer_id,) in before["customer_entity"] and (customer_id,) not in after["customer_entity"]
    assert sum(len(rows) for rows in after.values()) < sum(len(rows) for rows in before.values())


def test_a_worker_killed_inside_the_shop_transaction_leaves_a_sqlite_file_shop_untouched_and_a_rerun_completes(tmp_path):
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}",
           "MAGENTO_DATABASE_URL": f"sqlite:///{tmp_path / 'magento.sqlite3'}", "CELERY_BROKER_URL": ""}  # fmt: skip
    _crash_and_rerun(env, tmp_path)


@pytest.mark.mariadb
def test_a_worker_killed_inside_the_shop_transaction_leaves_a_mariadb_shop_untouched_and_a_rerun_completes(tmp_path):
    import MySQLdb

    name = f"erasure_crash_{uuid.uuid4().hex[:8]}"
    server = MARIADB_URL.rsplit("/", 1)[0]
    try:
        admin = MySQLdb.connect(host="127.0.0.1", port=3306, user="root")
    except MySQLdb.OperationalError as error:
        service_unavailable(f"MariaDB refused a connection ({error})")
    admin.cursor().execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
    try:
        env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}",
               "MAGENTO_DATABASE_URL": f"{server}/{name}", "CELERY_BROKER_URL": ""}  # fmt: skip
        _crash_and_rerun(env, tmp_path)
    finally:
        admin.cursor().execute(f"DROP DATABASE {name}")
        admin.close()
