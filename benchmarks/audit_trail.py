"""Audit trail throughput on PostgreSQL against bare single-row inserts, measured in the same run.

    DEBUG=1 .venv/bin/python -m benchmarks.audit_trail [--seconds 10] [--rounds 3] [--verify-events 60000]

Creates (and finally drops) the database `bench_audit`. Writers are processes (no shared GIL).
Each writer commits one row at a time, in two shapes: by itself (autocommit: a bare INSERT, or a
standalone audited append) and inside BEGIN ... COMMIT (as `transaction.atomic()` does). Audited
events are sealed into the chain after commit by a real Celery worker on Redis (db 14), as in
production (the writers share one sealing window through REDIS_URL, also db 14); a run ends when
every event is sealed, so the sealing time counts. Prints events/s
and the ratio to the bare rate of the same shape and number of writers. Each scenario's seconds are
split into rounds in which bare and audited writers take turns, and each rate pools its rounds: a
slow drift in the machine's speed then hits both sides of a ratio alike.
"""

import argparse
import multiprocessing
import os
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "bench_audit"
BROKER = "redis://127.0.0.1:6379/14"
ROOT = Path(__file__).resolve().parent.parent
DETAILS = {"email": "ada.lovelace@example.com", "fields": ["firstname", "lastname", "street"], "rows": {"sales_order": 3}}
BARE_SQL = "INSERT INTO bench_bare (created_at, actor, action, target, payload) VALUES (now(), %s, %s, %s, %s)"


def main(argv: list[str]) -> int:
    options = _parse(argv)
    # REDIS_URL as production requires it: the appending processes share one sealing window through it
    # and persistent database connections (DATABASE_CONN_MAX_AGE), as docs/operations.md asks of a deployment
    os.environ.update({"DATABASE_URL": f"{POSTGRES}/{DATABASE}", "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "privacy.settings",
                       "REDIS_URL": BROKER, "DATABASE_CONN_MAX_AGE": "600"})  # fmt: skip
    _admin_sql(f"DROP DATABASE IF EXISTS {DATABASE}")
    _admin_sql(f"CREATE DATABASE {DATABASE}")
    worker = None
    try:
        _setup_schema()
        worker = _start_celery_worker()
        results = _measure(options)
        _report(results, options)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        _admin_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return 0


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="how long each writer scenario runs in all")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds the seconds are split into")
    parser.add_argument("--verify-events", type=int, default=60_000, help="chain length for the verification figure")
    return parser.parse_args(argv)


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def _django():
    import django

    django.setup()


def _setup_schema():
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True, env=os.environ)
    _django()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_bare (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, actor text NOT NULL, "
            "action text NOT NULL, target text NOT NULL, payload text NOT NULL)"
        )
    connection.close()


def _start_celery_worker():
    env = {**os.environ, "CELERY_BROKER_URL": BROKER}
    subprocess.run([sys.executable, "-m", "celery", "-A", "privacy", "purge", "-f"], cwd=ROOT, env=env, capture_output=True)
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "privacy", "worker", "-P", "solo", "-l", "WARNING",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _measure(options) -> dict:
    print(f"Audit trail on PostgreSQL ({options.seconds:g} s per scenario in {options.rounds} alternating rounds,"
          " writers are processes)", flush=True)  # fmt: skip
    results = {}
    for writers in (1, 8):
        kinds = ("bare", "audited", "bare in transaction", "audited in transaction")
        pooled = {kind: [0, 0.0] for kind in kinds}
        for _ in range(options.rounds):  # bare and audited take turns: a drift in the machine's speed hits both
            for kind in kinds:
                events, seconds = _run(kind, writers, options.seconds / options.rounds)
                pooled[kind][0] += events
                pooled[kind][1] += seconds
                print(f"  {kind}, {writers} writer(s): {events / seconds:,.0f} events/s", flush=True)
        for kind in kinds:
            results[(kind, writers)] = pooled[kind][0] / pooled[kind][1]
    events, seconds = _run("sealed in commit", 8, options.seconds)
    results[("sealed in commit", 8)] = events / seconds
    print(f"  sealed in commit, 8 writers: {results[('sealed in commit', 8)]:,.0f} events/s", flush=True)
    results["verify"] = _verify_rate(options.verify_events)
    return results


def _run(kind: str, writers: int, seconds: float) -> tuple[int, float]:
    """Return the events written and the seconds from the start barrier until every one is committed
    (and, if audited, sealed)."""
    sealed_before = _head_seq()  # every earlier event is sealed by now
    context = multiprocessing.get_context("spawn")
    barrier, counts = context.Barrier(writers + 1), context.Queue()
    processes = [context.Process(target=_writer, args=(kind, n, seconds, barrier, counts)) for n in range(writers)]
    for process in processes:
        process.start()
    try:
        barrier.wait(timeout=120)
    except threading.BrokenBarrierError:
        raise SystemExit(f"a {kind} writer failed before the start: {counts.get(timeout=5)}") from None
    started = time.perf_counter()
    reports = [counts.get() for _ in processes]
    for process in processes:
        process.join()
    failures = [report for report in reports if isinstance(report, str)]
    if failures:
        raise SystemExit(f"a {kind} writer failed: {failures[0]}")
    written = time.perf_counter()
    if kind in AUDITED:
        _wait_until_sealed(sealed_before + sum(reports))
        print(f"    ({sum(reports)} events, all sealed {time.perf_counter() - written:.2f} s after the writers stopped)")
    return sum(reports), time.perf_counter() - started


def _writer(kind: str, number: int, seconds: float, barrier, counts) -> None:
    # audited appends are sealed by the Celery worker; "sealed in commit" runs eagerly, sealing in each commit
    if kind in ("audited", "audited in transaction"):
        os.environ["CELERY_BROKER_URL"] = BROKER
    else:
        os.environ.pop("CELERY_BROKER_URL", None)
    try:
        _django()
        write = WRITES[kind]
        write(number, -1)  # connect and warm caches before the clock starts
    except BaseException:
        counts.put(traceback.format_exc())
        barrier.abort()
        return
    barrier.wait()
    deadline, count = time.perf_counter() + seconds, 1
    try:
        while time.perf_counter() < deadline:
            write(number, count)
            count += 1
    except BaseException:
        counts.put(traceback.format_exc())
        return
    counts.put(count)


def _bare_write(number: int, index: int) -> None:
    """INSERT one row as the audited append does: a prepared statement on psycopg's own cursor (no Django
    cursor wrapper, whose query log under DEBUG would slow the baseline)."""
    import psycopg
    from django.db import connection

    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:  # autocommit: the INSERT commits by itself
        values = ["staff:7 alice", "request.note_added", f"privacy_request:{number}", repr(DETAILS) * 2]
        cursor.execute(BARE_SQL, values, prepare=True)


def _bare_write_in_transaction(number: int, index: int) -> None:
    from django.db import transaction

    with transaction.atomic():
        _bare_write(number, index)


def _audited_write_in_transaction(number: int, index: int) -> None:
    from django.db import transaction

    with transaction.atomic():
        _append(number, index)


def _append(number: int, index: int) -> None:
    """Append one event; outside transaction.atomic() it commits by itself (a standalone event)."""
    from privacy.audit.actors import Actor
    from privacy.audit.services import audit_event_append

    audit_event_append(
        actor=Actor(kind="staff", id="7", label="alice"), action="request.note_added",
        target_type="privacy_request", target_id=number, details={**DETAILS, "index": index},
        subject_scope=f"request:{number}", standalone=True,
    )  # fmt: skip


WRITES = {
    "bare": _bare_write,
    "bare in transaction": _bare_write_in_transaction,
    "audited": _append,
    "audited in transaction": _audited_write_in_transaction,
    "sealed in commit": _audited_write_in_transaction,
}
AUDITED = ("audited", "audited in transaction", "sealed in commit")


def _head_seq() -> int:
    from privacy.audit.models import AuditChainHead

    return AuditChainHead.objects.filter(pk=1).values_list("seq", flat=True).first() or 0


def _wait_until_sealed(events: int) -> None:
    """Wait until the chain holds events seals (polling the head row: cheap for the database)."""
    while _head_seq() < events:
        time.sleep(0.01)


def _verify_rate(target_events: int) -> tuple[int, float]:
    from django.db import transaction

    from privacy.audit.models import AuditEvent
    from privacy.audit.services import audit_chain_seal
    from privacy.audit.verification import audit_chain_verify

    missing = target_events - AuditEvent.objects.count()
    for start in range(0, max(missing, 0), 1000):
        with transaction.atomic():
            for index in range(start, min(start + 1000, missing)):
                _append(index % 50, index)
        audit_chain_seal()
    started = time.perf_counter()
    result = audit_chain_verify(seal_first=False)
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"the benchmark chain does not verify: {result.as_dict()}")
    return result.events_checked, result.events_checked / elapsed


def _report(results: dict, options) -> None:
    print("Ratios against the bare rate with the same number of writers (audited: sealed after commit):")
    for writers in (1, 8):
        bare, bare_tx = results[("bare", writers)], results[("bare in transaction", writers)]
        audited, audited_tx = results[("audited", writers)], results[("audited in transaction", writers)]
        print(
            f"  {writers} writer(s): bare autocommit INSERT {bare:6.0f}/s, audited standalone append {audited:6.0f}/s "
            f"= {audited / bare:.2f}x bare; bare BEGIN/INSERT/COMMIT {bare_tx:6.0f}/s, audited in a transaction "
            f"{audited_tx:6.0f}/s = {audited_tx / bare_tx:.2f}x ({audited_tx / bare:.2f}x bare autocommit)"
        )
    inline, bare = results[("sealed in commit", 8)], results[("bare", 8)]
    print(f"  8 writers, each commit sealing the chain itself (one lock): {inline:6.0f}/s = {inline / bare:.2f}x bare")
    events, rate = results["verify"]
    print(f"  verification: {events} events at {rate:,.0f} events/s")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
