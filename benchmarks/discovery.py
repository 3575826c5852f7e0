"""Discovery and export on MariaDB with the stock Magento schema (no index on sales_order.customer_email).

    DEBUG=1 MAGENTO_DATABASE_URL=mysql://root@127.0.0.1:3306/bench_discovery \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_discovery_app \\
    .venv/bin/python -m benchmarks.discovery [--prepare] [--samples 200] [--with-email-index]

--prepare (once): seeds an empty database with magento_seed (100k customers, 7.5 orders each, a quarter
of all orders by guests), tops it up to exactly 100k customers / 1M orders with bare guest orders if the
seed fell short, gives one customer exactly 200 fully seeded orders, migrates the app database and runs
the first locator sync. Figures are printed as p50/p95 in ms and as ratios to a
primary-key lookup of one order measured in the same run; the naive guest lookup (a scan of
sales_order by customer_email) is measured too.
"""

import argparse
import os
import random
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "privacy.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402

from privacy.sources.base import ExportContext  # noqa: E402
from privacy.sources.discovery import subject_discover, subject_identify  # noqa: E402
from privacy.sources.export import export_package_build  # noqa: E402
from privacy.sources.locator import locator_sync  # noqa: E402
from privacy.sources.magento.schema import magento_schema_create, magento_tables_present  # noqa: E402
from privacy.sources.magento.seed import magento_seed  # noqa: E402

BIG_SUBJECT = "bench-200-orders@bench.invalid"
MAGENTO = "magento"


def _sql(sql, params=()):
    with connections[MAGENTO].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def _count(table):
    return _sql(f"SELECT COUNT(*) FROM {table}")[0][0]  # noqa: S608 - fixed names


def prepare(*, customers: int, orders: int):
    _seed_if_empty(customers)
    _top_up_customers(customers)
    _top_up_orders(orders)
    _big_subject()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    read = locator_sync()
    print(f"first locator sync: {sum(read.values())} rows in {time.perf_counter() - started:.1f} s")


def _seed_if_empty(customers: int):
    """Seed an empty database the way the recorded run was seeded (about 80 minutes at load 10)."""
    if not magento_tables_present(using=MAGENTO):
        magento_schema_create(using=MAGENTO)
    if not _count("customer_entity"):
        report = magento_seed(using=MAGENTO, customers=customers, orders_per_customer=7.5, guest_ratio=0.25,
                              amazon_pay_ratio=0.3, seed=1)  # fmt: skip
        print(f"seeded {report.customers} customers, {report.orders} orders in {report.seconds:.0f} s")


def _top_up_customers(target: int):
    missing = target - _count("customer_entity")
    if missing > 0:
        _sql(
            "INSERT INTO customer_entity (website_id, email, group_id, store_id, firstname, lastname, created_in)"
            " SELECT 1, CONCAT('pad-customer-', seq, '@bench.invalid'), 1, 1, 'Pad', CONCAT('Customer', seq), 'Default'"
            f" FROM seq_1_to_{missing}"
        )


def _top_up_orders(target: int):
    missing = target - _count("sales_order")
    if missing > 0:
        _sql(
            "INSERT INTO sales_order (state, status, store_id, customer_is_guest, customer_email, customer_firstname,"
            " customer_lastname, increment_id, grand_total, order_currency_code, created_at, updated_at)"
            " SELECT 'complete', 'complete', 1, 1, CONCAT('pad-guest-', seq DIV 2, '@bench.invalid'), 'Pad', 'Guest',"
            " CONCAT('PAD', LPAD(seq, 9, '0')), 10.00, 'EUR', NOW() - INTERVAL (seq MOD 3650) DAY,"
            f" NOW() - INTERVAL (seq MOD 3650) DAY FROM seq_1_to_{missing}"
        )


def _big_subject():
    """Give one registered customer exactly 200 fully seeded orders (with all their children)."""
    if _sql("SELECT COUNT(*) FROM customer_entity WHERE email = %s", [BIG_SUBJECT])[0][0]:
        return
    owner = _sql("SELECT entity_id FROM customer_entity WHERE email NOT LIKE 'pad-%%' ORDER BY entity_id LIMIT 1")[0][0]
    _sql("UPDATE customer_entity SET email = %s WHERE entity_id = %s", [BIG_SUBJECT, owner])
    orders = [row[0] for row in _sql(
        "SELECT entity_id FROM sales_order WHERE customer_id IS NOT NULL AND customer_id <> %s"
        " AND increment_id NOT LIKE 'PAD%%' ORDER BY entity_id LIMIT 200", [owner]
    )]  # fmt: skip
    marks = ", ".join(["%s"] * len(orders))
    _sql(f"UPDATE sales_order SET customer_id = %s, customer_email = %s WHERE entity_id IN ({marks})", [owner, BIG_SUBJECT, *orders])
    _sql(f"UPDATE sales_order_grid SET customer_id = %s, customer_email = %s WHERE entity_id IN ({marks})", [owner, BIG_SUBJECT, *orders])


def _timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def _cpu_timed(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return (time.process_time() - started) * 1000


class _Counter:
    """An execute wrapper counting the statements a connection runs."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _quantiles(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _discover(email):
    subject_discover(subject=subject_identify(email=email))


def _export(email):
    subject = subject_identify(email=email)
    findings = subject_discover(subject=subject)
    context = ExportContext(request_id="bench", kind="export", jurisdiction="gdpr", received_at=django.utils.timezone.now(), shop_name="Bench")
    return export_package_build(subject=subject, findings=findings, context=context)  # Amazon Pay connector off


def measure(samples: int, with_email_index: bool):
    rng = random.Random(7)
    customers, orders = _count("customer_entity"), _count("sales_order")
    pool = _sql("SELECT @@innodb_buffer_pool_size")[0][0] // 2**20
    print(f"shop: {customers} customers, {orders} orders (MariaDB, stock schema, buffer pool {pool} MB);"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    registered = [row[0] for row in _sql("SELECT email FROM customer_entity WHERE email NOT LIKE 'pad-%%' AND email <> %s", [BIG_SUBJECT])]
    guests = [row[0] for row in _sql("SELECT DISTINCT customer_email FROM sales_order WHERE customer_id IS NULL AND increment_id NOT LIKE 'PAD%%'")]
    order_ids = [row[0] for row in _sql("SELECT entity_id FROM sales_order ORDER BY RAND(7) LIMIT 1000")]
    baseline = [_timed(_sql, "SELECT * FROM sales_order WHERE entity_id = %s", [rng.choice(order_ids)]) for _ in range(samples)]
    base50, base95 = _quantiles(baseline)
    print(f"baseline: one order by primary key        p50 {base50:7.2f} ms  p95 {base95:7.2f} ms")
    scans = [_timed(_sql, "SELECT entity_id FROM sales_order WHERE customer_email = %s", [rng.choice(guests)]) for _ in range(5)]
    print(f"naive guest lookup (scan by customer_email) p50 {statistics.median(scans):7.1f} ms  ({statistics.median(scans) / base50:.0f}x baseline)")
    for label, emails in (("registered", registered), ("guest", guests)):
        picks = [rng.choice(emails) for _ in range(samples)]
        for email in picks[:5]:
            _discover(email)  # warm the connections and Python's caches as a running service has them
        cold = [_timed(_discover, email) for email in picks]  # first look at each person: their pages are on disk
        warm = [_timed(_discover, email) for email in picks]  # the same people again: their pages are cached
        for state, times in (("cold", cold), ("warm", warm)):
            p50, p95 = _quantiles(times)
            print(f"discovery, {label:<10} {state} (identify + discover) p50 {p50:7.2f} ms  p95 {p95:7.2f} ms"
                  f"  ({p50 / base50:.1f}x / {p95 / base50:.1f}x baseline p50)")
        cpu = statistics.median(_cpu_timed(_discover, email) for email in picks[:50])
        shop, app = _Counter(), _Counter()
        with connections[MAGENTO].execute_wrapper(shop), connections["default"].execute_wrapper(app):
            for email in picks[:50]:
                _discover(email)
        print(f"  per {label} discovery: {shop.count / 50:.0f} shop statements, {app.count / 50:.0f} app statements,"
              f" Python CPU p50 {cpu:.1f} ms")
    runs = [_timed(_export, BIG_SUBJECT) for _ in range(5)]
    cpu = [_cpu_timed(_export, BIG_SUBJECT) for _ in range(3)]
    rows = len(subject_discover(subject=subject_identify(email=BIG_SUBJECT)))
    print(f"export of a subject with 200 orders ({rows} rows): p50 {statistics.median(runs):7.1f} ms  max {max(runs):7.1f} ms"
          f"  (Python CPU {statistics.median(cpu):.0f} ms)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if with_email_index:
        _optional_index(guests, rng, base50)


def _optional_index(guests, rng, base50):
    started = time.perf_counter()
    _sql("CREATE INDEX bench_customer_email ON sales_order (customer_email, customer_is_guest, store_id)")
    print(f"optional index (customer_email, customer_is_guest, store_id) built in {time.perf_counter() - started:.1f} s")
    try:
        lookups = [_timed(_sql, "SELECT entity_id FROM sales_order WHERE customer_email = %s", [rng.choice(guests)]) for _ in range(200)]
        p50, p95 = _quantiles(lookups)
        print(f"indexed guest lookup (exact e-mail only)     p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  ({p50 / base50:.1f}x baseline)")
    finally:
        _sql("DROP INDEX bench_customer_email ON sales_order")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--with-email-index", action="store_true")
    parser.add_argument("--customers", type=int, default=100_000, help="--prepare tops the shop up to this many accounts")
    parser.add_argument("--orders", type=int, default=1_000_000, help="--prepare tops the shop up to this many orders")
    options = parser.parse_args()
    if connections[MAGENTO].vendor != "mysql":
        raise SystemExit("MAGENTO_DATABASE_URL must point to the MariaDB bench database (see the module docstring).")
    if options.prepare:
        prepare(customers=options.customers, orders=options.orders)
    measure(options.samples, options.with_email_index)


if __name__ == "__main__":
    main()
