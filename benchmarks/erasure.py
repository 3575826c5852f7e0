"""Erasure on MariaDB with 100k customers / 1M orders: one subject with 50 orders against a Fides-style
baseline (one UPDATE or DELETE per row, each its own transaction), and a queue of approved deletions
drained by two Celery workers on Redis (one pool process each, or --concurrency N each).

    DEBUG=1 .venv/bin/python -m benchmarks.erasure --prepare     # once: builds bench_erasure (minutes)
    DEBUG=1 .venv/bin/python -m benchmarks.erasure [--samples 5] [--queue 1000] [--concurrency 1] [--deep]

Databases: the shop `bench_erasure` on MariaDB (copied from bench_magento, which is never changed, and
grown to 100k customers), the app database `bench_erasure_app` on PostgreSQL (BENCH_ERASURE_APP_DATABASE
names another, e.g. a copy), Redis database 11. Each run consumes subjects (they are erased); --prepare
rebuilds everything.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid

MARIADB = os.environ.get("BENCH_MARIADB_URL", "mysql://root@127.0.0.1:3306")
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
ENV = {
    "DJANGO_SETTINGS_MODULE": "privacy.settings",
    "MAGENTO_DATABASE_URL": f"{MARIADB}/bench_erasure",
    "DATABASE_URL": f"{POSTGRES}/{os.environ.get('BENCH_ERASURE_APP_DATABASE', 'bench_erasure_app')}",
    "CELERY_BROKER_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11"),
    "DATABASE_CONN_MAX_AGE": "600",
    "AMAZON_PAY_ENABLED": "0",
}
os.environ.update(ENV)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()
settings.DEBUG = False  # measured code runs without DEBUG's per-query log, as in production (dev secrets stay)

import redis  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.db import connections, transaction  # noqa: E402

from benchmarks.cpu import CpuSample, loop_seconds, per_subject_line, reference_line  # noqa: E402
from benchmarks.erasure_shop import bench_erasure_build, sql, subject_with_orders  # noqa: E402
from privacy.audit.actors import Actor  # noqa: E402
from privacy.celery import app  # noqa: E402
from privacy.sources import datamap, strategies  # noqa: E402
from privacy.sources.erasure import execute  # noqa: E402
from privacy.sources.erasure.identifiers import matcher_for  # noqa: E402
from privacy.sources.erasure.plan import SCRUB, strategies_column  # noqa: E402
from privacy.sources.erasure.residual import residual_scan  # noqa: E402
from privacy.sources.locator import locator_sync  # noqa: E402
from privacy.sources.magento.erasure_facts import live_columns  # noqa: E402
from privacy.sources.magento.residual import text_columns  # noqa: E402

BENCH = Actor.system("benchmark")
ORDERS = 50


def prepare(customers: int) -> None:
    copies = bench_erasure_build(source="bench_magento", target="bench_erasure", customers=customers,
                                 progress=lambda line: print(line, flush=True))  # fmt: skip
    with connections["default"]._nodb_cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS bench_erasure_app")
        cursor.execute("CREATE DATABASE bench_erasure_app")
    call_command("migrate", verbosity=0, skip_checks=True)
    started = time.perf_counter()
    read = locator_sync()  # production keeps the locator synced (beat); unsynced, discovery scans sales_order
    print(f"first locator sync: {sum(read.values())} rows in {time.perf_counter() - started:.0f} s", flush=True)
    counts = sql("SELECT (SELECT COUNT(*) FROM customer_entity), (SELECT COUNT(*) FROM sales_order)")[0]
    print(f"bench_erasure: {counts[0]} customers, {counts[1]} orders ({copies} copies of bench_magento added)")


# -- one subject --------------------------------------------------------------------------------


class Phases:
    """Wall time of the erasure's phases, by wrapping the functions execute.py calls."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        for name in ("erasure_plan_prepare", "plan_apply", "residual_scan"):
            setattr(execute, name, self._timed(name, getattr(execute, name)))

    def _timed(self, name, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = time.perf_counter() - started
        return timed


def fides_style_apply(plan) -> int:
    """The baseline: one statement per row, each in its own transaction (autocommit), same values as ours."""
    connection, statements = connections["magento"], 0
    vendor, key, quote = strategies.sql_vendor(connection), execute.pseudonym_key(), connection.ops.quote_name
    matcher = matcher_for(plan.identifiers)

    def one(statement: str, params) -> None:
        nonlocal statements
        with transaction.atomic(using="magento"), connection.cursor() as cursor:
            cursor.execute(statement, params)
            statements += 1
            return cursor.fetchall() if cursor.description else None

    for table in plan.tables:
        entry = datamap.table(table.table)
        name, pk = quote(entry.name), quote(entry.pk[0])
        for keys, actions in ((table.anonymize, table.columns), ([row.pk for row in table.held], table.columns_held)):
            assignments, params = [], []
            for action in (a for a in actions if a.strategy != SCRUB and a.column not in table.literals):
                target = strategies.Target(column=strategies_column(entry.column(action.column), nullable=True),
                                           ref=quote(action.column), seed=pk, namespace=entry.name)  # fmt: skip
                if rendered := strategies.strategy_sql(action.strategy, vendor=vendor, target=target, key=key):
                    assignments.append(f"{quote(action.column)} = {rendered.sql}")
                    params += rendered.params
            for row in keys:
                if assignments:
                    one(f"UPDATE {name} SET {', '.join(assignments)} WHERE {pk} = %s", [*params, row])
                for action in (a for a in actions if a.strategy == SCRUB):
                    text = one(f"SELECT {quote(action.column)} FROM {name} WHERE {pk} = %s", [row])[0][0]
                    one(f"UPDATE {name} SET {quote(action.column)} = %s WHERE {pk} = %s", [matcher.scrub(text or ""), row])
                for column, values in table.literals.items():
                    if row in values:
                        one(f"UPDATE {name} SET {quote(column)} = %s WHERE {pk} = %s", [values[row], row])
        for row in reversed(table.delete):
            where = " AND ".join(f"{quote(column)} = %s" for column in entry.pk)
            one(f"DELETE FROM {name} WHERE {where}", list(row) if isinstance(row, tuple) else [row])
    return statements


def one_subject(samples: int, *, with_deep_scan: bool) -> dict:
    database = connections["magento"].settings_dict["NAME"]
    live_columns(using="magento", database=database), text_columns(using="magento", database=database)  # read once per process
    phases, ours, ours_apply, base_total, base_apply, used, pairs = Phases(), [], [], [], [], set(), []
    statements = rows = 0
    for _ in range(samples):
        subject, _ = subject_with_orders(orders=ORDERS, exclude=used)
        twin, _ = subject_with_orders(orders=ORDERS, exclude=used | {subject})
        used |= {subject, twin}
        pairs.append((subject, twin))
    locator_sync()  # as the beat keeps it: the orders just given to the subjects are located
    for subject, twin in pairs:
        started = time.perf_counter()
        run = execute.erasure_run(reference=f"manual:bench-{uuid.uuid4().hex[:12]}", identity={"customer_id": subject}, actor=BENCH)
        ours.append(time.perf_counter() - started)
        ours_apply.append(phases.seconds["plan_apply"])
        assert run.step == "verified" and run.scan["clean"], run.problem_reason
        rows, last = run.summary["totals"]["rows"], run
        started = time.perf_counter()
        plan = execute.erasure_plan_prepare(identity={"customer_id": twin})
        applied = time.perf_counter()
        statements = fides_style_apply(plan)
        base_apply.append(time.perf_counter() - applied)
        base_total.append(time.perf_counter() - started)
    deep = None
    if with_deep_scan:
        started = time.perf_counter()
        deep = (residual_scan(plan=execute.erasure_plan_open(last), deep=True), time.perf_counter() - started)
    return {"ours": ours, "ours_apply": ours_apply, "base_total": base_total, "base_apply": base_apply,
            "phases": dict(phases.seconds), "rows": rows, "statements": statements, "deep": deep}  # fmt: skip


# -- the queue ----------------------------------------------------------------------------------


def queue_subjects(count: int) -> list[str]:
    """Customers whose orders are all finished, with no pending Amazon Pay action and no open refund.

    An address with an account on both websites (or with guest orders of its own) is left out: one
    deletion request covers all of them, and a second request for it would be a duplicate."""
    pending = {row[0] for row in sql("SELECT LEFT(pending_id, 19) FROM amazon_payv2_async WHERE is_pending = 1")}
    rows = sql(
        "SELECT c.entity_id, c.email, GROUP_CONCAT(COALESCE(JSON_UNQUOTE(JSON_EXTRACT(p.additional_information, "
        "'$.charge_permission_id')), '')) FROM customer_entity c JOIN sales_order o ON o.customer_id = c.entity_id "
        "JOIN sales_order_payment p ON p.parent_id = o.entity_id LEFT JOIN sales_creditmemo m ON m.order_id = o.entity_id "
        "AND m.state = 1 WHERE c.email NOT IN (SELECT email FROM customer_entity GROUP BY email HAVING COUNT(*) > 1) "
        "GROUP BY c.entity_id, c.email HAVING SUM(o.state NOT IN ('complete', 'closed', 'canceled')) = 0 "
        "AND COUNT(m.entity_id) = 0 AND SUM(o.customer_email <> c.email) = 0 ORDER BY c.entity_id DESC LIMIT %s", [count * 3]
    )  # fmt: skip
    return [email for _, email, permissions in rows if not set(permissions.split(",")) & pending][:count]


def queue_prepare(emails, count: int) -> list[int]:
    """Submit, discover and approve deletions for the next count subjects of the iterator emails.

    A subject whose earlier request is still open (a run stopped before draining it) gets a duplicate, born
    cancelled: it is passed over."""
    from requests_app import fulfilment
    from requests_app.services import privacy_request_approve, privacy_request_submit

    ids = []
    for email in emails if count else ():
        privacy_request = privacy_request_submit(kind="deletion", email=email, jurisdiction="gdpr", channel="email",
                                                 verified=True, by=BENCH, start_processing=False)  # fmt: skip
        if privacy_request.duplicate_of_id:
            continue
        fulfilment.privacy_request_discover(request_id=privacy_request.pk)
        privacy_request_approve(privacy_request=privacy_request, by=BENCH, start_processing=False)
        ids.append(privacy_request.pk)
        if len(ids) == count:
            break
    return ids


def workers(count: int, *, concurrency: int = 1) -> list[subprocess.Popen]:
    env = {**os.environ, **ENV, "BENCH_WORKER_CONCURRENCY": str(concurrency)}
    return [subprocess.Popen([sys.executable, "-m", "benchmarks.erasure_worker", f"erasure{index}"], env=env)
            for index in range(count)]  # fmt: skip


def queue_idle(timeout: float = 600) -> None:
    """Wait until the broker's queue is empty and stays empty for a second (every queued task ran)."""
    broker = redis.Redis.from_url(ENV["CELERY_BROKER_URL"])
    deadline, quiet_since = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        if broker.llen("celery") == 0 and not broker.keys("unacked*"):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 1.0:
                return
        else:
            quiet_since = None
        time.sleep(0.1)
    raise TimeoutError("the Celery queue did not drain")


def drain(ids: list[int]) -> tuple[float, float]:
    """Queue the fulfilment of every id; return seconds until all are completed, and until every follow-up ran."""
    from requests_app.models import PrivacyRequest
    from requests_app.tasks import fulfil_request_task

    # The poll asks by the queue's key range (its requests are the only ones in it, queue_prepare made them in a row):
    # a list of 1,000 keys ten times a second cost the measured machine ~4% of its CPU, in this process and PostgreSQL.
    pending = PrivacyRequest.objects.filter(pk__range=(min(ids), max(ids)), state="in_progress")
    started = time.perf_counter()
    for request_id in ids:
        fulfil_request_task.delay(request_id)
    while pending.exists():
        time.sleep(0.1)
    completed = time.perf_counter() - started
    queue_idle()
    states = dict(PrivacyRequest.objects.filter(pk__in=ids).values_list("state").annotate(n=Count("pk")))
    print(f"  states after draining: {states}", flush=True)
    return completed, time.perf_counter() - started


def fides_style_rate(emails: list[str]) -> float:
    """Subjects per second of the baseline, sequential like one Fides worker: discovery, then row-by-row writes."""
    started = time.perf_counter()
    for email in emails:
        fides_style_apply(execute.erasure_plan_prepare(identity={"email": email}))
    return len(emails) / (time.perf_counter() - started)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", action="store_true", help="(Re)build bench_erasure and its app database first.")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=5, help="Subjects with 50 orders erased (and as many twins).")
    parser.add_argument("--queue", type=int, default=1000, help="Approved deletions in the queue.")
    parser.add_argument("--concurrency", type=int, default=1,
                        help="Pool processes per Celery worker (1: each worker runs one erasure at a time; Celery's own "
                             "default is the number of CPUs).")
    parser.add_argument("--deep", action="store_true", help="Also time one --deep residual scan (about 20 minutes).")
    options = parser.parse_args(argv)
    if options.prepare:
        prepare(options.customers)
    counts = sql("SELECT (SELECT COUNT(*) FROM customer_entity), (SELECT COUNT(*) FROM sales_order)")[0]
    print(f"shop: {counts[0]} customers, {counts[1]} orders (MariaDB bench_erasure); app database on PostgreSQL;"
          f" {servers_describe()}")
    if options.samples:
        report_one_subject(options.samples, with_deep_scan=options.deep)
    if options.queue:
        report_queue(options.queue, concurrency=options.concurrency)
    return 0


def report_one_subject(samples: int, *, with_deep_scan: bool) -> None:
    single = one_subject(samples, with_deep_scan=with_deep_scan)
    ours, base = statistics.median(single["ours"]), statistics.median(single["base_apply"])
    apply = statistics.median(single["ours_apply"])
    print(f"one subject with {ORDERS} orders ({single['rows']} rows), median of {samples}:")
    print(f"  ours, whole erasure (plan, shop transaction, holds, residual scan, receipt): {ours * 1000:.0f} ms")
    print(f"  ours, the shop transaction alone: {apply * 1000:.1f} ms; last run's phases: "
          + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in single["phases"].items()))
    print(f"  baseline, Fides-style writes ({single['statements']} statements, one transaction each): {base * 1000:.0f} ms;"
          f" with the same discovery: {statistics.median(single['base_total']) * 1000:.0f} ms")
    print(f"  ratio baseline writes / our shop transaction: {base / apply:.1f}x;"
          f" baseline (discovery + writes) / our whole erasure: {statistics.median(single['base_total']) / ours:.1f}x")
    if single["deep"] is None:
        return
    deep, seconds = single["deep"]
    print(f"  --deep residual scan of the last subject (every text column of {deep.tables_checked} tables): {seconds:.1f} s,"
          f" {'clean' if deep.clean else 'RESIDUE'}; the standard scan took {single['phases']['residual_scan'] * 1000:.0f} ms")


def servers_describe() -> str:
    """The server settings the figures depend on, printed with them."""
    pool = sql("SELECT @@innodb_buffer_pool_size")[0][0]
    return f"MariaDB buffer pool {pool // 2**20} MB; PostgreSQL autovacuum {_autovacuum()}"


def _autovacuum() -> str:
    return sql("SHOW autovacuum", using="default")[0][0]


def app_tables_vacuum() -> bool:
    """With autovacuum off (as on some test machines), do its work once before the drain: VACUUM ANALYZE the app
    database, whose request, run and locator rows every earlier run left as dead versions. True if it ran."""
    if _autovacuum() == "on":
        return False
    with connections["default"].cursor() as cursor:  # outside any transaction: VACUUM refuses to run inside one
        cursor.execute("VACUUM ANALYZE")
    return True


def report_queue(size: int, *, concurrency: int = 1) -> None:
    warm = 2 * concurrency  # one first erasure per pool process
    emails = queue_subjects(size + warm + 120)
    baseline_rate = fides_style_rate(emails[-20:])
    candidates = iter(emails[:-20])
    warm_up, ids = queue_prepare(candidates, warm), queue_prepare(candidates, size)
    if len(ids) < size:
        raise SystemExit(f"only {len(ids)} subjects without an open request are left for a queue of {size}: run --prepare")
    locator_sync()
    if app_tables_vacuum():
        print("  PostgreSQL autovacuum is off on this server: the app database was vacuumed and analyzed before the drain")
    app.control.purge()  # what the preparation queued (acknowledgement e-mails, audit sealing) is not measured
    reference = loop_seconds()  # before the workers start, so they do not slow it
    processes = workers(2, concurrency=concurrency)
    try:
        drain(warm_up)  # each pool process reads the shop's schema once (information_schema) on its first erasure
        # the window holds the follow-up tasks too (receipt e-mail, audit sealing): a subject's whole cost
        with CpuSample(roots=[process.pid for process in processes]) as cpu:
            completed, idle = drain(ids)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
    rate = len(ids) / completed
    print(f"queue: {len(ids)} approved deletions drained by 2 Celery workers on Redis ({concurrency} pool process(es) each):"
          f" all completed in {completed:.1f} s"
          f" = {rate:.1f} subjects/s; with every follow-up task (the receipt e-mail, audit sealing)"
          f" {idle:.1f} s = {len(ids) / idle:.1f} subjects/s")  # fmt: skip
    print(per_subject_line(cpu.use(), subjects=len(ids)))
    print(reference_line(reference))
    print(f"  baseline, Fides-style sequential (discovery + row-by-row writes) on 20 subjects: {baseline_rate:.1f} subjects/s;"
          f" ratio {rate / baseline_rate:.1f}x")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
