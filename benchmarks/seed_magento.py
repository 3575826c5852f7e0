"""Seeding a MariaDB Magento database: 100k customers / 1M orders against a raw INSERT ... SELECT baseline.

    DEBUG=1 .venv/bin/python -m benchmarks.seed_magento [--customers 100000] [--orders-per-customer 8]

Recreates the database `bench_magento` with the project's schema and seeds it with seed_magento's
service (guest ratio 0.2, so 8 orders per customer make about 1M orders). The baseline, measured in
the same run in a scratch database that is dropped afterwards, is the server alone writing the same
number of sales_order rows with INSERT ... SELECT from the SEQUENCE engine: no client, no other table.
bench_magento is KEPT: the discovery, erasure and retention benchmarks run on it.
"""

import argparse
import os
import sys
import time

import django

MARIADB = os.environ.get("BENCH_MARIADB_URL", "mysql://root@127.0.0.1:3306")
DATABASE, BASELINE = "bench_magento", "bench_magento_baseline"
os.environ.update({"DJANGO_SETTINGS_MODULE": "privacy.settings", "MAGENTO_DATABASE_URL": f"{MARIADB}/{DATABASE}"})
django.setup()

from django.db import connections  # noqa: E402
from tqdm import tqdm  # noqa: E402

from privacy.sources.magento.ddl import split_statements  # noqa: E402
from privacy.sources.magento.schema import schema_file  # noqa: E402
from privacy.sources.magento.seed import magento_seed  # noqa: E402

BASELINE_SQL = (
    "INSERT INTO {db}.sales_order (entity_id, state, status, store_id, customer_is_guest, customer_email,"
    " customer_firstname, customer_lastname, increment_id, grand_total, base_grand_total, subtotal, tax_amount,"
    " order_currency_code, base_currency_code, remote_ip, store_name, created_at, updated_at)"
    " SELECT seq, 'complete', 'complete', 1 + seq MOD 5, seq MOD 2, CONCAT('guest', seq, '@mail.example'), 'Anna',"
    " CONCAT('Schmidt', seq MOD 997), LPAD(seq, 9, '0'), 119.0000, 119.0000, 100.0000, 19.0000, 'EUR', 'EUR',"
    " '192.0.2.1', 'Main Website', NOW() - INTERVAL (seq MOD 4380) DAY, NOW() - INTERVAL (seq MOD 4380) DAY"
    " FROM {db}.seq_1_to_{rows}"
)


def _admin(sql: str) -> None:
    with connections["magento"]._nodb_cursor() as cursor:  # no database selected: it may not exist yet
        cursor.execute(sql)


def _baseline(rows: int) -> float:
    """Seconds the server alone needs to write `rows` sales_order rows (INSERT ... SELECT, one statement)."""
    create = next(s for s in split_statements(schema_file("mysql").read_text()) if s.startswith("CREATE TABLE `sales_order` ("))
    _admin(f"DROP DATABASE IF EXISTS {BASELINE}")
    _admin(f"CREATE DATABASE {BASELINE} CHARACTER SET utf8mb4")
    try:
        _admin(create.replace("CREATE TABLE `sales_order`", f"CREATE TABLE {BASELINE}.sales_order"))
        started = time.perf_counter()
        _admin(BASELINE_SQL.format(db=BASELINE, rows=rows))
        return time.perf_counter() - started
    finally:
        _admin(f"DROP DATABASE IF EXISTS {BASELINE}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders-per-customer", type=float, default=8.0)
    options = parser.parse_args(argv)
    _admin(f"DROP DATABASE IF EXISTS {DATABASE}")
    _admin(f"CREATE DATABASE {DATABASE} CHARACTER SET utf8mb4")
    with tqdm(total=options.customers, unit="customer", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
        report = magento_seed(using="magento", customers=options.customers, orders_per_customer=options.orders_per_customer,
                              guest_ratio=0.2, amazon_pay_ratio=0.3, seed=1, progress=bar.update,
                              create_schema=True)  # fmt: skip
    baseline = _baseline(report.orders)
    print(f"seeded {report.customers} customers, {report.orders} orders, {report.total_rows} rows in {len(report.rows)} tables")
    print(f"wall time {report.seconds:.1f} s = {report.seconds / 60:.1f} min; {report.total_rows / report.seconds:.0f} rows/s,"
          f" {report.orders / report.seconds:.0f} orders/s")  # fmt: skip
    print(f"baseline: INSERT ... SELECT of {report.orders} bare sales_order rows from seq_1_to_N: {baseline:.1f} s")
    print(f"ratio seeding / baseline: {report.seconds / baseline:.1f}x (the seed writes {report.total_rows / report.orders:.1f} rows per order)")
    print(f"database {DATABASE} kept for the discovery, erasure and retention benchmarks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
