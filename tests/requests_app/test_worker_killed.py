"""A REAL Celery worker on Redis killed with SIGKILL in the middle of a fulfilment, then a fresh one; and a worker whose
lease the sweep hands to another dispatch while it waits (services pass).

The worker is caught mid-way without sleeping and hoping: before the approval, the test takes a row
lock the fulfilment needs half-way through, on a second database connection, and waits until the
database reports the worker's transaction waiting for that lock. Then the worker is killed, the lock
released, and the database rolls the dead worker's transaction back. A fresh worker is started; the
beat sweep (run here with its clock moved past the dead worker's lease) dispatches the request again.

- Export: the lock is the request's data-key row, which the completion transaction updates after it
  stored the package and moved the request to completed (PostgreSQL).
- Erasure: the lock is the subject's customer row in the shop, which the erasure's single shop
  transaction reaches after it changed other rows (MariaDB).
- Lease taken over: the same lock; while the worker waits, the sweep (its clock past the lease) dispatches
  the request again. The worker is not killed: it must stop at its next step and leave the rest to the dispatch.
- Lease renewed: the same lock, while which the test makes the lease look expired (the step outlived it); then
  the worker is caught again in its completion (the data-key row): by then it must have renewed the lease.
"""

import os
import signal
import socket
import uuid
from contextlib import contextmanager
from datetime import timedelta

import MySQLdb
import psycopg
import pytest
from django.db import connections, transaction
from django.utils import timezone

from privacy.audit.models import AuditEvent
from privacy.audit.verification import audit_chain_verify
from privacy.models import DataKey
from privacy.sources.erasure.models import ErasureRun
from privacy.sources.magento.seed.service import magento_seed
from requests_app.models import ExportPackage, PrivacyRequest
from requests_app.services import privacy_request_approve, privacy_request_submit
from requests_app.services.lease import stuck_requests_redispatch
from tests.requests_app.celery_worker import (
    producer_on,
    services_required_for_a_worker,
    wait_for,
    worker_started,
    worker_stop,
)
from tests.requests_app.helpers import OPERATOR
from tests.services import REDIS_URL
from tests.sources.erasure.helpers import database_dump, erasable_customer

# serialized_rollback: a transactional test before this one flushed the data the migrations seeded (statutory periods).
pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "magento"]),
]


@pytest.fixture
def shop(transactional_db):
    """A seeded shop in a scratch MariaDB database the test's "magento" connection and its workers use; dropped after."""
    services_required_for_a_worker()
    magento = connections["magento"]
    name, saved = f"worker_killed_{uuid.uuid4().hex[:8]}", magento.settings_dict["NAME"]
    with magento.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
    magento.close()
    magento.settings_dict["NAME"] = name
    try:
        as_of = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        magento_seed(using="magento", customers=12, orders_per_customer=3, seed=8, now=as_of, create_schema=True)
        yield as_of
    finally:
        magento.close()
        magento.settings_dict["NAME"] = saved
        with magento.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")


@pytest.fixture
def queue(shop):
    name = f"worker-killed-{uuid.uuid4().hex[:12]}"
    with producer_on(name):
        yield name
    _unacknowledged_forget(name)


@pytest.fixture
def first_worker(queue, tmp_path):
    """The worker that will be killed: (process, log); stopped after the test if it still runs."""
    log = tmp_path / "first.log"
    process = worker_started(queue, log)
    yield process, log
    worker_stop(process)


def _unacknowledged_forget(queue: str) -> None:
    """Drop the killed worker's unacknowledged task from Redis (it would be restored to a queue nobody reads)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for tag, payload in client.hgetall("unacked").items():
        if queue.encode() in payload:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


def _customer(as_of) -> tuple[int, str]:
    customer_id = erasable_customer(using="magento", now=as_of, min_orders=2)
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT email FROM customer_entity WHERE entity_id = %s", [customer_id])
        return customer_id, cursor.fetchone()[0]


def _reviewed(kind: str, email: str, worker, log) -> PrivacyRequest:
    with transaction.atomic():
        privacy_request = privacy_request_submit(kind=kind, email=email, jurisdiction="gdpr", channel="email",
                                                 verified=True, by=OPERATOR)  # fmt: skip
    wait_for(lambda: _state(privacy_request) != "verified", what="discovery", process=worker, log=log)
    assert _state(privacy_request) == "in_review", log.read_text()[-4000:]
    return PrivacyRequest.objects.get(pk=privacy_request.pk)


def _state(privacy_request) -> str:
    return PrivacyRequest.objects.get(pk=privacy_request.pk).state


@contextmanager
def _app_row_locked(table: str, column: str, value):
    """Hold a row of the app database (PostgreSQL) locked FOR UPDATE on a second connection."""
    config = connections["default"].settings_dict
    holder = psycopg.connect(host=config["HOST"], port=config["PORT"], user=config["USER"],
                             password=config["PASSWORD"] or None, dbname=config["NAME"])  # fmt: skip
    try:
        holder.execute(f"SELECT 1 FROM {table} WHERE {column} = %s FOR UPDATE", [value])
        yield
    finally:
        holder.rollback()
        holder.close()


def _app_backend_waiting() -> int | None:
    """The pid of a backend of this database waiting for a row lock, if there is one."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        row = cursor.fetchone()
    return row and row[0]


def _app_backend_gone(pid: int) -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0] == 0


@contextmanager
def _shop_row_locked(table: str, column: str, value):
    """Hold a row of the shop database (MariaDB) locked FOR UPDATE on a second connection."""
    config = connections["magento"].settings_dict
    holder = MySQLdb.connect(host=config["HOST"], port=int(config["PORT"]), user=config["USER"],
                             passwd=config["PASSWORD"], db=config["NAME"])  # fmt: skip
    try:
        holder.cursor().execute(f"SELECT 1 FROM {table} WHERE {column} = %s FOR UPDATE", [value])
        yield
    finally:
        holder.rollback()
        holder.close()


def _shop_transaction_waiting() -> tuple[int, int] | None:
    """(thread id, rows it changed) of a shop transaction waiting for a lock, if there is one.

    Poll it at most every 0.1 s: InnoDB refreshes INNODB_TRX only after 0.1 s without a read.
    """
    with connections["magento"].cursor() as cursor:
        cursor.execute(
            "SELECT t.trx_mysql_thread_id, t.trx_rows_modified FROM information_schema.INNODB_TRX t "
            "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
            "WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()"
        )
        return cursor.fetchone()


def _shop_thread_gone(thread_id: int) -> bool:
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %s", [thread_id])
        return cursor.fetchone()[0] == 0


def _approved_and_killed_midway(privacy_request, worker, *, lock, waiting, gone):
    """Approve with lock held, wait until the worker's transaction waits for it, SIGKILL the worker, release the
    lock and wait until the database dropped the dead worker's session; return what waiting found."""
    process, log = worker
    with lock:
        privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
        caught = wait_for(waiting, what="the worker to wait for the lock", process=process, log=log)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    wait_for(lambda: gone(caught), what="the database to drop the dead worker's session", process=None, log=None)
    return caught


def _redispatched_to_a_fresh_worker(privacy_request, *, queue: str, tmp_path):
    """Start a fresh worker, run the sweep as if the dead worker's lease had expired, wait for the outcome."""
    log = tmp_path / "fresh.log"
    fresh = worker_started(queue, log)
    try:
        expired = PrivacyRequest.objects.get(pk=privacy_request.pk).lease_until + timedelta(seconds=1)
        assert stuck_requests_redispatch(now=expired) == [privacy_request.pk]
        wait_for(lambda: _state(privacy_request) != "in_progress", what="the fresh worker", process=fresh, log=log)
    finally:
        worker_stop(fresh)
    return PrivacyRequest.objects.get(pk=privacy_request.pk), log


def _events(privacy_request, action: str) -> int:
    return AuditEvent.objects.filter(target_id=str(privacy_request.pk), action=action).count()


def _dead_worker_holds(privacy_request, worker) -> bool:
    return PrivacyRequest.objects.get(pk=privacy_request.pk).claimed_by.startswith(f"{socket.gethostname()}:{worker.pid}:")


def test_a_worker_killed_inside_an_export_s_completion_leaves_it_in_progress_and_a_fresh_worker_delivers_it(
    shop, queue, first_worker, tmp_path
):
    # given a worker, and a customer's export request it discovered
    _, email = _customer(shop)
    privacy_request = _reviewed("export", email, *first_worker)

    # when staff approve it and the worker is caught inside the completion transaction, then killed
    _approved_and_killed_midway(privacy_request, first_worker, lock=_app_row_locked(DataKey._meta.db_table, "scope",
                                privacy_request.scope), waiting=_app_backend_waiting, gone=_app_backend_gone)  # fmt: skip

    # then nothing of the completion was kept: still in progress, no package, the dead worker's lease
    assert _state(privacy_request) == "in_progress"
    assert not ExportPackage.objects.filter(request=privacy_request).exists()
    assert _events(privacy_request, "request.completed") == 0 and _dead_worker_holds(privacy_request, first_worker[0])

    # when a fresh worker runs and the sweep finds the lease expired
    privacy_request, fresh_log = _redispatched_to_a_fresh_worker(privacy_request, queue=queue, tmp_path=tmp_path)

    # then the export is delivered once, the dispatch is on record, and the audit chain is intact
    assert privacy_request.state == "completed", fresh_log.read_text()[-4000:]
    assert ExportPackage.objects.get(request=privacy_request).size > 0
    assert _events(privacy_request, "request.completed") == 1 and _events(privacy_request, "request.redispatched") == 1
    verification = audit_chain_verify()
    assert verification.ok, verification.as_dict()


def test_a_worker_killed_inside_an_erasure_s_shop_transaction_leaves_the_subject_untouched_and_a_fresh_worker_erases_it(
    shop, queue, first_worker, tmp_path
):
    # given a worker, a customer's deletion request it discovered, and the whole shop as it is
    customer_id, email = _customer(shop)
    privacy_request = _reviewed("deletion", email, *first_worker)
    before = database_dump()

    # when the erasure is approved and the worker is caught inside the shop transaction, having changed rows, then killed
    _, changed = _approved_and_killed_midway(privacy_request, first_worker, lock=_shop_row_locked("customer_entity",
                                             "entity_id", customer_id), waiting=_shop_transaction_waiting,
                                             gone=lambda caught: _shop_thread_gone(caught[0]))  # fmt: skip

    # then the shop is exactly as before, the run knows the transaction may have started, the request is in progress
    assert changed > 0
    assert database_dump() == before
    run = ErasureRun.objects.get(reference=privacy_request.scope)
    assert (run.step, run.attempts) == ("applying", 1)
    assert _state(privacy_request) == "in_progress" and _dead_worker_holds(privacy_request, first_worker[0])

    # when a fresh worker runs and the sweep finds the lease expired
    privacy_request, fresh_log = _redispatched_to_a_fresh_worker(privacy_request, queue=queue, tmp_path=tmp_path)

    # then the subject is completely erased from the frozen plan, the scan is clean, and the audit chain is intact
    assert privacy_request.state == "completed", fresh_log.read_text()[-4000:]
    run = ErasureRun.objects.get(reference=privacy_request.scope)
    assert (run.step, run.attempts, run.scan["residues"]) == ("completed", 2, 0)
    after = database_dump()
    assert (customer_id,) in before["customer_entity"] and (customer_id,) not in after["customer_entity"]
    assert _events(privacy_request, "request.redispatched") == 1
    verification = audit_chain_verify()
    assert verification.ok, verification.as_dict()


def test_a_worker_whose_lease_is_taken_over_inside_the_shop_transaction_stops_after_it_and_the_dispatch_completes_once(
    shop, queue, first_worker
):
    # given a worker, and a customer's deletion request it discovered
    process, log = first_worker
    customer_id, email = _customer(shop)
    privacy_request = _reviewed("deletion", email, *first_worker)

    # when the erasure is approved, the worker is caught inside the shop transaction, and meanwhile the beat sweep
    # finds its lease expired (the sweep's clock moved past it) and dispatches the request again
    with _shop_row_locked("customer_entity", "entity_id", customer_id):
        privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
        wait_for(_shop_transaction_waiting, what="the worker to wait for the lock", process=process, log=log)
        expired = PrivacyRequest.objects.get(pk=privacy_request.pk).lease_until + timedelta(seconds=1)
        assert stuck_requests_redispatch(now=expired) == [privacy_request.pk]

    # then the worker finishes its shop transaction but stops at its next step (the holds) without writing it or
    # parking the request; the dispatched task (the same solo worker takes it next) resumes from the recorded step
    wait_for(lambda: _state(privacy_request) != "in_progress", what="the dispatched fulfilment", process=process, log=log)
    assert _state(privacy_request) == "completed", log.read_text()[-4000:]
    run = ErasureRun.objects.get(reference=privacy_request.scope)
    assert (run.step, run.attempts, run.scan["residues"]) == ("completed", 2, 0)
    assert AuditEvent.objects.filter(target_id=run.reference, action="erasure.applied").count() == 1
    assert _events(privacy_request, "request.completed") == 1 and _events(privacy_request, "request.redispatched") == 1
    assert _events(privacy_request, "request.needs_attention") == 0
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM customer_entity WHERE entity_id = %s", [customer_id])
        assert cursor.fetchone()[0] == 0
    verification = audit_chain_verify()
    assert verification.ok, verification.as_dict()


def test_a_worker_that_outlives_its_lease_inside_the_shop_transaction_renews_it_at_its_next_step_and_completes_alone(
    shop, queue, first_worker
):
    # given a worker, and a customer's deletion request it discovered
    process, log = first_worker
    customer_id, email = _customer(shop)
    privacy_request = _reviewed("deletion", email, *first_worker)
    lease = PrivacyRequest.objects.filter(pk=privacy_request.pk)

    # when the erasure is approved and its shop transaction waits so long that the lease runs out (made to look so
    # while the worker waits for the customer row the test holds), and the worker is caught again in its completion
    with _app_row_locked(DataKey._meta.db_table, "scope", privacy_request.scope):
        with _shop_row_locked("customer_entity", "entity_id", customer_id):
            privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
            wait_for(_shop_transaction_waiting, what="the worker to wait for the lock", process=process, log=log)
            lease.update(lease_until=timezone.now() - timedelta(seconds=1))
        wait_for(_app_backend_waiting, what="the worker to reach its completion", process=process, log=log)

        # then the steps it recorded after the shop transaction renewed the lease, so the sweep takes nothing over
        now = timezone.now()
        assert lease.get().lease_until > now, log.read_text()[-4000:]
        assert stuck_requests_redispatch(now=now) == []

    # and the worker completes the request alone, in one attempt
    wait_for(lambda: _state(privacy_request) != "in_progress", what="the completion", process=process, log=log)
    assert _state(privacy_request) == "completed", log.read_text()[-4000:]
    assert ErasureRun.objects.get(reference=privacy_request.scope).attempts == 1
    assert _events(privacy_request, "request.redispatched") == 0 and _events(privacy_request, "request.completed") == 1
