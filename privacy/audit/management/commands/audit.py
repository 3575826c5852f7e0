import json
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from privacy.audit.actors import Actor
from privacy.audit.chain import GENESIS_HASH
from privacy.audit.export import ExportInvalid, audit_export_check, audit_export_write, export_public_key
from privacy.audit.selectors import audit_chain_head
from privacy.audit.services import audit_chain_seal
from privacy.audit.verification import audit_chain_verify_and_record

EXIT_BROKEN = 1


class Command(BaseCommand):
    help = (
        "The audit trail. `verify` walks the hash chain and names the first bad event (beat runs it daily; "
        "run it after any incident); `head` prints the head hash to anchor elsewhere; `export` writes signed "
        "JSON lines for a regulator; `verify-export` checks such a file; `public-key` prints the signing key."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("verify").add_argument("--json", action="store_true", help="print the report as JSON")
        actions.add_parser("head").add_argument("--json", action="store_true", help="print seq and hash as JSON")
        export = actions.add_parser("export")
        export.add_argument("--since", help="ISO date or datetime: export the chain from the first event since then")
        export.add_argument("--output", required=True, help="file to write (created with mode 0600)")
        check = actions.add_parser("verify-export")
        check.add_argument("file")
        check.add_argument("--public-key", help="base64 Ed25519 public key expected (default: this installation's)")
        actions.add_parser("public-key")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action.replace('-', '_')}")(**options)

    def _verify(self, *, json: bool, **options):
        result = audit_chain_verify_and_record(actor=Actor.system("manage.py audit verify"))
        self.stdout.write(_json(result.as_dict()) if json else _summary(result))
        if not result.ok:
            raise CommandError(f"audit chain broken at {result.first_bad_event}: {result.reason}", returncode=EXIT_BROKEN)

    def _head(self, *, json: bool, **options):
        audit_chain_seal()
        head = audit_chain_head()
        seq, chain_hash = (head.seq, head.chain_hash) if head else (0, GENESIS_HASH)
        self.stdout.write(_json({"seq": seq, "hash": chain_hash}) if json else f"{chain_hash} #{seq}")

    def _export(self, *, since: str | None, output: str, **options):
        summary = audit_export_write(output=output, since=_since(since), actor=Actor.system("manage.py audit export"))
        self.stdout.write(
            f"Wrote {summary.events} events to {output}, signed with Ed25519 key {summary.public_key} "
            f"(head #{summary.head_seq} {summary.head_hash})."
        )

    def _verify_export(self, *, file: str, public_key: str | None, **options):
        try:
            count = audit_export_check(path=file, public_key=public_key or export_public_key())
        except (ExportInvalid, OSError, ValueError, KeyError) as error:
            raise CommandError(f"{file} does not verify: {error}", returncode=EXIT_BROKEN) from error
        self.stdout.write(f"{file}: signature valid, {count} events linked in chain order.")

    def _public_key(self, **options):
        self.stdout.write(export_public_key())


def _json(data: dict) -> str:
    return json.dumps(data, sort_keys=True)


def _summary(result) -> str:
    if result.ok:
        return f"OK: {result.events_checked} events verified, head #{result.head_seq} {result.head_hash}"
    return f"BROKEN ({result.reason}): {result.message}; first bad event {result.first_bad_event}"


def _since(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = parse_datetime(text)
    if moment is None and parse_date(text) is not None:
        moment = datetime.combine(parse_date(text), time.min)
    if moment is None:
        raise CommandError(f"--since {text!r} is not a date: use YYYY-MM-DD or an ISO datetime.")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
