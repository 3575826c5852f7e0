import json
import sys

from django.core.management import BaseCommand, CommandError
from django.core.management.base import no_translations

from privacy.audit.actors import Actor
from retention import reports
from retention.models import RetentionPolicy
from retention.selectors import MissingStatutoryPeriod, retention_record
from retention.services import PolicyAlreadyRunning, retention_policy_run

OPERATOR = Actor.system("retention.command")


class Command(BaseCommand):
    help = (
        "Retention policies. `run` anonymizes or deletes what the enabled policies say is past its age (resuming an "
        "interrupted run from its checkpoint); schedule it, or let Celery beat do it. `list` shows the policies and "
        "their last runs; `record` prints the erasure time limits of the Art. 30(1)(f) GDPR record."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        run = commands.add_parser("run", help="run the enabled policies (or one) now")
        run.add_argument("--policy", help="run only this policy (by name), even if disabled")
        run.add_argument("--dry-run", action="store_true", help="count per table what would change; change nothing")
        run.add_argument("--batch-size", type=int, help="rows of the driving table per transaction")
        run.add_argument("--max-batches", type=int, help="stop after N batches; the next run resumes")
        run.add_argument("--json", action="store_true", help="print per-policy counts as JSON")
        commands.add_parser("list", help="the policies, their age rules and last runs")
        record = commands.add_parser("record", help="the Art. 30(1)(f) erasure time limits, one entry per policy")
        record.add_argument("--json", action="store_true")

    @no_translations  # scripts read the output: English whatever LANGUAGE_CODE or the caller's language
    def handle(self, *args, subcommand, **options):
        getattr(self, f"handle_{subcommand}")(**options)

    def handle_run(self, *, policy, dry_run, batch_size, max_batches, json: bool, **options):
        if batch_size is not None and not 1 <= batch_size <= 50000:
            raise CommandError("--batch-size must be between 1 and 50000.")
        results = [self._run_one(item, dry_run, batch_size, max_batches) for item in _policies(policy)]
        self.stdout.write(_json(results) if json else "\n".join(reports.run_line(result) for result in results))
        failed = [result["policy"] for result in results if result["state"] == "failed"]
        if failed:
            raise CommandError(f"failed: {', '.join(failed)} (see `retention list` and the run's errors)")

    def _run_one(self, policy, dry_run, batch_size, max_batches) -> dict:
        bar = reports.ProgressBar(policy.name) if sys.stderr.isatty() else None
        try:
            run = retention_policy_run(
                policy=policy, actor=OPERATOR, dry_run=dry_run, batch_size=batch_size, max_batches=max_batches,
                progress=bar.update if bar else None,
            )
        except PolicyAlreadyRunning as error:
            return {"policy": policy.name, "state": "already_running", "message": str(error)}
        except MissingStatutoryPeriod as error:
            return {"policy": policy.name, "state": "failed", "message": str(error)}
        finally:
            if bar:
                bar.close()
        return reports.run_result(run)

    def handle_list(self, **options):
        self.stdout.write("\n".join(reports.policy_line(policy) for policy in RetentionPolicy.objects.order_by("name")))

    def handle_record(self, *, json: bool, **options):
        entries = retention_record()
        self.stdout.write(_json(entries) if json else reports.record_text(entries))


def _policies(name: str | None) -> list[RetentionPolicy]:
    if name is None:
        return list(RetentionPolicy.objects.filter(enabled=True).order_by("name"))
    policy = RetentionPolicy.objects.filter(name=name).first()
    if policy is None:
        names = ", ".join(RetentionPolicy.objects.order_by("name").values_list("name", flat=True))
        raise CommandError(f"--policy {name!r} does not exist; policies: {names}.")
    return [policy]


def _json(value) -> str:
    return json.dumps(value, indent=2, default=str)
