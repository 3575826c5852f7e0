"""One Celery worker process for the erasure queue benchmark, with DEBUG's query log off as in production.

    python -m benchmarks.erasure_worker NAME   (started by benchmarks.erasure with its environment)
"""

import os
import sys

import django
from django.conf import settings


def main(name: str) -> None:
    django.setup()
    settings.DEBUG = False  # the dev secrets stay (DEBUG=1 at start-up); only the per-query log is switched off
    from privacy.celery import app

    app.worker_main(["worker", "--concurrency", os.environ.get("BENCH_WORKER_CONCURRENCY", "1"), "--loglevel", os.environ.get("BENCH_WORKER_LOGLEVEL", "WARNING"), "--without-gossip", "--without-mingle",
                     "--without-heartbeat", "-n", f"{name}@%h"])  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1])
