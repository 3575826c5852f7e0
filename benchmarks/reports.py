"""Compliance reports over a large year of requests on PostgreSQL, against the bare read they need.

    DEBUG=1 .venv/bin/python -m benchmarks.reports [--requests 200000] [--repeat 3]

Creates (and finally drops) the database `bench_reports`, fills one calendar year with requests
of every kind, jurisdiction and outcome (5 % extended, 1 % duplicates), then times, best of
--repeat: the baseline (fetching the five columns the metrics read, for the same rows, into a
list), the CCPA metrics of the year for all jurisdictions, and the whole dashboard. Prints
seconds and the ratio of each to the baseline.
"""

import argparse
import os
import random
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "bench_reports"
ROOT = Path(__file__).resolve().parent.parent
YEAR = 2025
BATCH = 5000


def main(argv: list[str]) -> int:
    options = _parse(argv)
    os.environ.update({"DATABASE_URL": f"{POSTGRES}/{DATABASE}", "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "privacy.settings"})
    _admin_sql(f"DROP DATABASE IF EXISTS {DATABASE}")
    _admin_sql(f"CREATE DATABASE {DATABASE}")
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True, env=os.environ)
        import django

        django.setup()
        started = time.perf_counter()
        _fill(options.requests)
        print(f"filled {options.requests:,} requests in {time.perf_counter() - started:.1f} s")
        _report(_measure(options.repeat), options.requests)
    finally:
        from django.db import connections

        connections.close_all()
        _admin_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return 0


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200_000, help="requests received in the year")
    parser.add_argument("--repeat", type=int, default=3, help="timings per measurement; the best counts")
    return parser.parse_args(argv)


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def _row(number: int, rng: random.Random):
    from django.utils import timezone

    from requests_app.models import PrivacyRequest

    received = timezone.make_aware(datetime(YEAR, 1, 1) + timedelta(minutes=rng.randrange(365 * 24 * 60)))
    state = rng.choices(["completed", "denied", "closed_unverified", "cancelled", "in_review"], [70, 10, 10, 5, 5])[0]
    closed = received + timedelta(days=rng.randrange(0, 60)) if state != "in_review" else None
    return PrivacyRequest(
        kind=rng.choice(["access", "export", "deletion", "correction", "opt_out"]),
        jurisdiction=rng.choices(["ccpa", "gdpr", "uk_gdpr"], [60, 30, 10])[0], channel="web", state=state,
        email_index=f"bench-{number}", identity_sealed="", status_salt="bench", received_at=received,
        state_changed_at=closed or received, closed_at=closed, due_date=(received + timedelta(days=45)).date(),
        denial_reason=rng.choice(["unverifiable", "exempt", "other"]) if state == "denied" else "",
    )


def _fill(count: int) -> None:
    from requests_app.models import DeadlineExtension, PrivacyRequest

    rng = random.Random(7)
    for start in range(0, count, BATCH):
        PrivacyRequest.objects.bulk_create([_row(number, rng) for number in range(start, min(count, start + BATCH))])
    requests = list(PrivacyRequest.objects.order_by("pk").values_list("pk", "received_at", "due_date"))
    extended = rng.sample(requests, len(requests) // 20)
    DeadlineExtension.objects.bulk_create([
        DeadlineExtension(request_id=pk, extension=45, unit="days", previous_due_date=due,
                          new_due_date=due + timedelta(days=45), reason_sealed="", created_at=received + timedelta(days=20))
        for pk, received, due in extended
    ], batch_size=BATCH)
    originals = rng.sample(requests, len(requests) // 100)
    PrivacyRequest.objects.bulk_create([
        PrivacyRequest(kind="access", jurisdiction="ccpa", channel="web", state="cancelled", email_index=f"dup-{pk}",
                       identity_sealed="", status_salt="bench", received_at=received, state_changed_at=received,
                       closed_at=received, due_date=due, duplicate_of_id=pk)
        for pk, received, due in originals
    ], batch_size=BATCH)


def _best(function, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def _measure(repeat: int) -> dict[str, float]:
    from requests_app.models import PrivacyRequest
    from requests_app.reports.ccpa import ccpa_metrics, year_bounds
    from requests_app.reports.dashboard import dashboard_build

    start, end = year_bounds(YEAR)
    rows = PrivacyRequest.objects.filter(received_at__gte=start, received_at__lt=end)
    fields = ("kind", "state", "denial_reason", "received_at", "closed_at")
    return {
        "baseline: fetch the 5 columns of the year's requests": _best(lambda: list(rows.values_list(*fields)), repeat),
        "CCPA §7102 metrics of the year, all jurisdictions": _best(
            lambda: ccpa_metrics(year=YEAR, scope="all", as_of=end + timedelta(days=90)), repeat),
        "dashboard (12 months up to December of the year)": _best(lambda: dashboard_build(today=date(YEAR, 12, 31)),
                                                                  repeat),
    }


def _report(results: dict[str, float], count: int) -> None:
    baseline = next(iter(results.values()))
    print(f"{count:,} requests in {YEAR} (PostgreSQL, best of the runs)")
    for name, seconds in results.items():
        print(f"  {name:55} {seconds:7.3f} s   {seconds / baseline:5.1f}x baseline")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
