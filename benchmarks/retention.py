"""The orders retention policy on MariaDB with about 1M orders due, against one raw UPDATE per table.

    DEBUG=1 .venv/bin/python -m benchmarks.retention [--orders 1000000] [--batch-size 10000]

Builds `bench_retention` from `bench_magento` (never changed): orders, their addresses, the four
grids and the invoice, shipment and credit-memo rows, grown by whole copies (ids shifted by a fixed
stride, document numbers made unique) up to --orders. Then, on two identical builds:

1. baseline: one raw UPDATE per table of the same columns with the same SQL expressions, no batches,
   no checkpoints, no audit;
2. the engine: `retention_policy_run` of `orders-anonymize` with its ages measured from 2100, so every
   order is due; batched, checkpointed to the app database (`bench_retention_app` on PostgreSQL),
   audited. Meanwhile a second connection reads orders by entity_id (storefront-style point reads) and
   a thread samples this process's resident memory.

Prints throughput (orders/s) of both, their ratio, peak RSS and the point reads' latency percentiles.
"""

import argparse
import os
import random
import statistics
import threading
import time
from datetime import UTC, datetime

MARIADB = os.environ.get("BENCH_MARIADB_URL", "mysql://root@127.0.0.1:3306")
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "privacy.settings",
        "MAGENTO_DATABASE_URL": f"{MARIADB}/bench_retention",
        "DATABASE_URL": f"{POSTGRES}/bench_retention_app",
        "DATABASE_CONN_MAX_AGE": "600",
    }
)

import django  # noqa: E402

django.setup()

import MySQLdb  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402

from privacy.audit.actors import Actor  # noqa: E402
from retention import plans  # noqa: E402
from retention.models import RetentionPolicy  # noqa: E402
from retention.services import retention_policy_run  # noqa: E402
from retention.sql import Statements  # noqa: E402

SOURCE, TARGET = "bench_magento", "bench_retention"
STRIDE = 1_000_000
FUTURE = datetime(2100, 1, 1, tzinfo=UTC)
# table -> (id columns shifted by k * STRIDE, document numbers made unique per copy)
TABLES = {
    "sales_order": (("entity_id",), ("increment_id",)),
    "sales_order_address": (("entity_id", "parent_id"), ()),
    "sales_order_grid": (("entity_id",), ("increment_id",)),
    "sales_invoice": (("entity_id", "order_id"), ("increment_id",)),
    "sales_invoice_grid": (("entity_id", "order_id"), ("increment_id", "order_increment_id")),
    "sales_shipment": (("entity_id", "order_id"), ("increment_id",)),
    "sales_shipment_grid": (("entity_id", "order_id"), ("increment_id", "order_increment_id")),
    "sales_creditmemo": (("entity_id", "order_id", "invoice_id"), ("increment_id",)),
    "sales_creditmemo_grid": (("entity_id", "order_id"), ("increment_id", "order_increment_id")),
}


def server(*statements, database=None) -> list:
    connection = MySQLdb.connect(host="127.0.0.1", user="root", passwd="", db=database or "", charset="utf8mb4")
    try:
        cursor = connection.cursor()
        # Keep Magento's id 0 rows as they are; copy timestamps without time-zone conversion.
        cursor.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO')")
        cursor.execute("SET SESSION time_zone = '+00:00', foreign_key_checks = 0")
        rows = []
        for statement in statements:
            cursor.execute(statement)
            rows = cursor.fetchall() if cursor.description else rows
        connection.commit()
        return list(rows)
    finally:
        connection.close()


def build(orders: int) -> int:
    """(Re)create TARGET with about `orders` orders; return the exact number of orders."""
    source_orders = server(f"SELECT COUNT(*) FROM {SOURCE}.sales_order")[0][0]
    copies = max(1, -(-orders // source_orders))
    server(f"DROP DATABASE IF EXISTS {TARGET}", f"CREATE DATABASE {TARGET} CHARACTER SET utf8mb4")
    for table, (ids, numbers) in TABLES.items():
        columns = [row[0] for row in server(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            f"'{SOURCE}' AND table_name = '{table}' ORDER BY ordinal_position"
        )]  # fmt: skip
        server(f"CREATE TABLE {TARGET}.{table} LIKE {SOURCE}.{table}")
        for copy in range(copies):
            values = [_copied(column, ids, numbers, copy) for column in columns]
            server(f"INSERT INTO {TARGET}.{table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {SOURCE}.{table}")
        print(f"  {table}: {copies} copies", flush=True)
    return server(f"SELECT COUNT(*) FROM {TARGET}.sales_order")[0][0]


def _copied(column: str, ids, numbers, copy: int) -> str:
    if copy and column in ids:
        return f"IF({column} IS NULL, NULL, {column} + {copy * STRIDE})"
    if copy and column in numbers:
        return f"CONCAT({column}, '-{copy}')"
    return column


def orders_steps():
    present = set(TABLES)
    walk = plans.orders_walks({name: FUTURE for name in ("order", "invoice", "credit_memo", "shipment")})[0]
    return [step for step in walk.steps if step.table in present]


def baseline() -> float:
    """One raw UPDATE per table of the same columns with the same expressions; return the seconds."""
    connection = connections["magento"]
    statements = Statements(connection=connection, key="ab" * 32)
    total = 0.0
    with connection.cursor() as cursor:
        cursor.execute("SET time_zone = '+00:00'")
        for step in orders_steps():
            assignments, params = statements.assignments(step)
            started = time.perf_counter()
            cursor.execute(f"UPDATE {step.table} SET {', '.join(assignments)}", params)  # autocommit: one transaction
            seconds = time.perf_counter() - started
            total += seconds
            print(f"  raw UPDATE {step.table}: {cursor.rowcount} rows in {seconds:.1f} s", flush=True)
    return total


class PointReads(threading.Thread):
    """Storefront-style reads of random orders by entity_id on a connection of their own."""

    def __init__(self, max_id: int):
        super().__init__(daemon=True)
        self.max_id, self.latencies, self.stop = max_id, [], threading.Event()

    def run(self):
        connection = MySQLdb.connect(host="127.0.0.1", user="root", passwd="", db=TARGET, charset="utf8mb4")
        cursor, rng = connection.cursor(), random.Random(7)
        while not self.stop.is_set():
            started = time.perf_counter()
            cursor.execute(
                "SELECT entity_id, increment_id, status, customer_email, grand_total FROM sales_order WHERE entity_id = %s",
                [rng.randint(1, self.max_id)],
            )
            cursor.fetchall()
            self.latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(0.01)
        connection.close()

    def percentiles(self) -> dict:
        cuts = statistics.quantiles(self.latencies, n=100)
        return {"reads": len(self.latencies), "p50": cuts[49], "p95": cuts[94], "p99": cuts[98]}


class PeakMemory(threading.Thread):
    """Sample this process's resident set size (VmRSS) every 20 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak_kb, self.stop = 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            with open("/proc/self/status") as status:
                rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            self.peak_kb = max(self.peak_kb, rss)
            time.sleep(0.02)


def prepare_app_database() -> None:
    with connections["default"]._nodb_cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS bench_retention_app")
        cursor.execute("CREATE DATABASE bench_retention_app")
    call_command("migrate", verbosity=0, skip_checks=True)


def engine(max_id: int, batch_size: int):
    reads, memory = PointReads(max_id), PeakMemory()
    idle = PointReads(max_id)
    idle.start()
    time.sleep(3)
    idle.stop.set()
    idle.join()
    policy = RetentionPolicy.objects.get(name="orders-anonymize")
    memory.start()
    reads.start()
    started = time.perf_counter()
    run = retention_policy_run(policy=policy, actor=Actor.system("benchmark"), now=FUTURE, batch_size=batch_size)
    seconds = time.perf_counter() - started
    reads.stop.set()
    memory.stop.set()
    reads.join()
    memory.join()
    return run, seconds, reads.percentiles(), idle.percentiles(), memory.peak_kb


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=10_000)
    options = parser.parse_args(argv)
    print(f"building {TARGET} for the baseline ...", flush=True)
    orders = build(options.orders)
    raw_seconds = baseline()
    print(f"rebuilding {TARGET} for the engine ...", flush=True)
    build(options.orders)
    prepare_app_database()
    max_id = server(f"SELECT MAX(entity_id) FROM {TARGET}.sales_order")[0][0]
    run, seconds, during, idle, peak_kb = engine(max_id, options.batch_size)
    changed = run.tables["sales_order"]["changed"]
    print(f"\norders: {orders}, anonymized by the run: {changed} ({run.state}, {run.batches} batches of {options.batch_size})")
    print(f"baseline (raw UPDATE per table): {raw_seconds:.1f} s = {orders / raw_seconds:,.0f} orders/s")
    print(f"engine (batched, checkpointed, audited): {seconds:.1f} s = {changed / seconds:,.0f} orders/s")
    print(f"ratio engine / baseline throughput: {(changed / seconds) / (orders / raw_seconds):.2f} (goal >= 0.8)")
    print(f"peak RSS of this process during the run: {peak_kb / 1024:.0f} MB (goal <= 200 MB)")
    print(f"point reads during the run: {during['reads']} reads, p50 {during['p50']:.1f} ms, p95 {during['p95']:.1f} ms, "
          f"p99 {during['p99']:.1f} ms (goal p95 <= 20 ms); idle before: p95 {idle['p95']:.1f} ms")  # fmt: skip
    for table, counts in run.tables.items():
        print(f"  {table}: {counts}")


if __name__ == "__main__":
    main()
