"""A separate process for the crash tests: prepare a shop, erase a subject (optionally stopping inside
the shop transaction until killed), dump the shop database, or report a run's step.

    python -m tests.sources.erasure.crash_worker prepare
    python -m tests.sources.erasure.crash_worker erase --customer-id 7 --reference manual:crash [--pause-after 6]
    python -m tests.sources.erasure.crash_worker dump PATH
    python -m tests.sources.erasure.crash_worker status --reference manual:crash

The databases come from DATABASE_URL and MAGENTO_DATABASE_URL, as for the service itself.
"""

import argparse
import json
import os
import pickle
import sys
import time


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "privacy.settings")
    import django

    django.setup()
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("prepare", "erase", "dump", "status"))
    parser.add_argument("path", nargs="?")
    parser.add_argument("--customer-id", type=int)
    parser.add_argument("--reference")
    parser.add_argument("--pause-after", type=int)
    args = parser.parse_args(argv)
    {"prepare": prepare, "erase": erase, "dump": dump, "status": status}[args.action](args)


def prepare(args) -> None:
    from django.core.management import call_command

    from privacy.sources.magento.schema import magento_schema_create
    from privacy.sources.magento.seed.service import magento_seed
    from tests.sources.erasure.helpers import SEEDED_AT, erasable_customer

    call_command("migrate", verbosity=0, skip_checks=True)
    magento_schema_create(using="magento")
    magento_seed(using="magento", customers=30, seed=31, now=SEEDED_AT)
    print(json.dumps({"customer_id": erasable_customer(min_orders=3)}), flush=True)


def erase(args) -> None:
    from privacy.audit.actors import Actor
    from privacy.sources.erasure.execute import erasure_run
    from tests.sources.erasure.helpers import SEEDED_AT

    statements = []

    def progress(table: str, kind: str) -> None:
        statements.append((table, kind))
        if len(statements) == args.pause_after:
            print(f"PAUSED inside the shop transaction after {len(statements)} statements", flush=True)
            while True:  # until the test kills this process
                time.sleep(60)

    run = erasure_run(reference=args.reference, identity={"customer_id": args.customer_id}, actor=Actor.system("crash test"),
                      now=SEEDED_AT, progress=progress)  # fmt: skip
    print(json.dumps({"step": run.step, "statements": len(statements)}), flush=True)


def dump(args) -> None:
    from tests.sources.erasure.helpers import database_dump

    with open(args.path, "wb") as handle:
        pickle.dump(database_dump(), handle)


def status(args) -> None:
    from privacy.sources.erasure.models import ErasureRun

    run = ErasureRun.objects.filter(reference=args.reference).first()
    print(json.dumps({"step": run.step if run else None, "attempts": run.attempts if run else 0}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
