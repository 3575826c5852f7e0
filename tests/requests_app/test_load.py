"""Load: the intake endpoint under gunicorn (2 workers x 4 threads) with the app database on PostgreSQL and Redis as
broker and cache, as in production, clients in a second process on loopback. Every 2xx answer is one stored request
and one queued verification e-mail, nothing lost or duplicated; a flood from one client address is held to its
allowance across the workers while another address still gets through.

The throughput test prints requests per second and p95 (recorded in docs/reliability.md); nothing here asserts on time.
"""

import json
import os
from collections import Counter
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import redis

from requests_app.ratelimit import Rate, window_of
from tests.services import POSTGRES_URL, REDIS_URL, reachable, service_unavailable

pytestmark = [pytest.mark.slow, pytest.mark.services, pytest.mark.postgres]
ROOT = Path(__file__).resolve().parents[2]
REQUESTS, CLIENTS = 2000, 50
FLOOD, FLOOD_CLIENTS, OTHER_SUBMISSIONS = 1000, 100, 3
ALLOWANCE = Rate(limit=20, seconds=3600)  # the default PRIVACY_INTAKE_RATE, 20/hour
THROTTLE_KEYS = "*throttle_intake*"
QUEUE = "celery"  # Celery's default queue: a Redis list of the messages no worker has taken
EMAIL_TASK = "requests_app.tasks.send_request_email_task"


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


@contextmanager
def _gunicorn(database: str, tmp_path: Path, settings: dict):
    """gunicorn serving the app on 127.0.0.1 with settings, Celery eager (no broker); yields its URL."""
    env = {key: value for key, value in os.environ.items() if key not in ("CELERY_BROKER_URL", "REDIS_URL")}
    env |= {"DEBUG": "1", "DATABASE_URL": database, "PRIVACY_VAR_DIR": str(tmp_path / "var"), **settings}
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True, timeout=300)
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "privacy.wsgi", "--workers", "2", "--threads", "4",
                               "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)  # fmt: skip
    try:
        for _ in range(300):
            if reachable("127.0.0.1", port, timeout=0.2):
                break
            assert server.poll() is None, log.read_text()[-3000:]
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _stored_requests(database: str) -> tuple[int, int]:
    """Return (rows, distinct e-mail blind indexes) of the stored requests."""
    with psycopg.connect(database) as connection:
        return connection.execute(
            "SELECT COUNT(*), COUNT(DISTINCT email_index) FROM requests_app_privacyrequest"
        ).fetchone()


def _queued_tasks(client: redis.Redis) -> Counter:
    """Count the task messages waiting in the queue by task name."""
    return Counter(json.loads(message)["headers"]["task"] for message in client.lrange(QUEUE, 0, -1))


@pytest.fixture
def shared_redis():
    """The test Redis database (cache of every gunicorn worker, and broker), without throttle counts or queued tasks of
    earlier runs; yields a client of it."""
    if not reachable("127.0.0.1", 6379):
        service_unavailable("Redis is not reachable on 127.0.0.1:6379")
    client = redis.Redis.from_url(REDIS_URL)

    def clean():
        for key in [*client.scan_iter(match=THROTTLE_KEYS), QUEUE]:
            client.delete(key)

    clean()
    yield client
    clean()
    client.close()


@pytest.fixture
def intake_server(database, shared_redis, tmp_path):
    """The server as in production (tasks go to the broker, which no worker reads here), the throttle raised for the run."""
    settings = {"PRIVACY_INTAKE_RATE": "1000000/hour", "CELERY_BROKER_URL": REDIS_URL, "REDIS_URL": REDIS_URL}
    with _gunicorn(database, tmp_path, settings) as url:
        yield url, database, shared_redis


@pytest.fixture
def limited_intake_server(database, shared_redis, tmp_path):
    """The server with the production allowance, counting in the shared cache (REDIS_URL) as production does."""
    settings = {"PRIVACY_INTAKE_RATE": f"{ALLOWANCE.limit}/hour", "REDIS_URL": REDIS_URL}
    with _gunicorn(database, tmp_path, settings) as url:
        yield url, database


def test_fifty_concurrent_clients_lose_and_duplicate_no_submission(intake_server):
    url, database, broker = intake_server

    # when 50 clients of a second process post 2,000 submissions, each for its own address
    load = subprocess.run([sys.executable, "-m", "tests.requests_app.load_client", url, str(REQUESTS), str(CLIENTS)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900, check=True)  # fmt: skip
    figures = json.loads(load.stdout.strip().splitlines()[-1])
    print(f"\nintake under gunicorn on PostgreSQL, {CLIENTS} clients: {figures}")

    # then every submission was answered 202, the database holds exactly one request per answer, and exactly one
    # verification e-mail per request waits for a worker
    assert figures["statuses"] == {"202": REQUESTS}, figures
    rows, distinct = _stored_requests(database)
    assert rows == distinct == REQUESTS
    assert _queued_tasks(broker)[EMAIL_TASK] == REQUESTS


def test_a_thousand_concurrent_submissions_from_one_address_get_only_the_allowance_while_another_address_gets_through(
    limited_intake_server,
):
    url, database = limited_intake_server

    # when one client address fires 1,000 submissions over 100 connections of a second process, and another address
    # submits three times once the flood is under way
    flood = subprocess.run([sys.executable, "-m", "tests.requests_app.flood_client", url, str(FLOOD), str(FLOOD_CLIENTS),
                            str(OTHER_SUBMISSIONS)], cwd=ROOT, capture_output=True, text=True, timeout=900, check=True)  # fmt: skip
    figures = json.loads(flood.stdout.strip().splitlines()[-1])
    print(f"\nflood of {FLOOD} from one address under gunicorn (2 workers), allowance {ALLOWANCE}: {figures}")

    # then the flood got at most the allowance of each window it spanned (one, unless it crossed the hour) and the
    # rest was refused with 429: never a server error or a dropped connection
    windows = window_of(figures["ended"], ALLOWANCE) - window_of(figures["started"], ALLOWANCE) + 1
    accepted, refused = figures["flood"].get("202", 0), figures["flood"].get("429", 0)
    assert accepted + refused == FLOOD, figures
    assert 0 < accepted <= ALLOWANCE.limit * windows, figures

    # and the other address got through every time, its first answer while the flood was still being answered
    assert figures["other"] == {"202": OTHER_SUBMISSIONS}, figures
    assert figures["flood_unanswered"][0] > 0, figures

    # and exactly the accepted submissions were stored, once each
    rows, distinct = _stored_requests(database)
    assert rows == distinct == accepted + OTHER_SUBMISSIONS
