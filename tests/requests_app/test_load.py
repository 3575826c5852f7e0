"""Load: the intake endpoint under gunicorn with the app database on PostgreSQL, 50 concurrent clients from a
second process on loopback; every 2xx answer is one stored request, nothing lost or duplicated.

It prints requests per second and p95 (recorded in docs/reliability.md); nothing here asserts on time.
"""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.services import POSTGRES_URL, reachable, service_unavailable

pytestmark = [pytest.mark.slow, pytest.mark.services, pytest.mark.postgres]
ROOT = Path(__file__).resolve().parents[2]
REQUESTS, CLIENTS = 2000, 50


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database():
    """An app database of its own on the local PostgreSQL, dropped afterwards."""
    if not reachable("127.0.0.1", 5432):
        service_unavailable("PostgreSQL is not reachable on 127.0.0.1:5432")
    name = f"load_intake_{os.getpid()}"
    server = POSTGRES_URL.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def intake_server(database, tmp_path):
    """gunicorn serving the app on loopback, throttles raised for the run, Celery eager (no broker)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CELERY_BROKER_URL", "REDIS_URL")
    }
    env |= {
        "DEBUG": "1",
        "DATABASE_URL": database,
        "PRIVACY_INTAKE_RATE": "1000000/hour",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "privacy.wsgi", "--workers", "2", "--threads", "4",
                               "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=tmp_path.joinpath("gunicorn.log").open("w"), stderr=subprocess.STDOUT)  # fmt: skip
    try:
        for _ in range(300):
            if reachable("127.0.0.1", port, timeout=0.2):
                break
            assert server.poll() is None, tmp_path.joinpath("gunicorn.log").read_text()[
                -3000:
            ]
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", database
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_fifty_concurrent_clients_lose_and_duplicate_no_submission(intake_server):
    url, database = intake_server

    # when 50 clients of a second process post 2,000 submissions, each for its own address
    load = subprocess.run([sys.executable, "-m", "tests.requests_app.load_client", url, str(REQUESTS), str(CLIENTS)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900, check=True)  # fmt: skip
    figures = json.loads(load.stdout.strip().splitlines()[-1])
    print(f"\nintake under gunicorn on PostgreSQL, {CLIENTS} clients: {figures}")

    # then every submission was answered 202, and the database holds exactly one request per answer
    assert figures["statuses"] == {"202": REQUESTS}, figures
    with psycopg.connect(database) as connection:
        rows, distinct = connection.execute(
            "SELECT COUNT(*), COUNT(DISTINCT email_index) FROM requests_app_privacyrequest"
        ).fetchone()
    assert rows == distinct == REQUESTS
