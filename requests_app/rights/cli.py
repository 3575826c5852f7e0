"""`privacy opt-outs`: the keyed opt-out list for a partner, the partner's key, and writing preferences to the shop."""

import json
from pathlib import Path

from django.core.management import CommandError

from privacy.audit.actors import Actor
from requests_app.rights.partners import PartnerUnknown, partner_key_issue, partner_list_export
from requests_app.rights.preferences import opt_out_preferences_apply

HELP = (
    "Opt-outs of sale/sharing and limits of sensitive data. `list --partner P` prints the partner's keyed "
    "(HMAC-SHA256) list of opted-out addresses to hand over; `partner-key --partner P` prints the key the partner "
    "hashes its own addresses with (once, securely); `apply` writes every preference into the shop again (daily by beat)."
)
CLI = Actor.system("cli opt-outs")


def add_arguments(parser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="{list,partner-key,apply}")
    listing = actions.add_parser("list", help="Print a partner's keyed list (CSV or JSON).")
    listing.add_argument("--partner", required=True, help="A partner named in PRIVACY_OPT_OUT_PARTNERS.")
    listing.add_argument("--format", choices=("csv", "json"), default="csv", help="Default: csv.")
    listing.add_argument("--output", metavar="FILE", help="Write to FILE instead of standard output.")
    key = actions.add_parser("partner-key", help="Print the partner's HMAC key (URL-safe base64).")
    key.add_argument("--partner", required=True, help="A partner named in PRIVACY_OPT_OUT_PARTNERS.")
    actions.add_parser("apply", help="Write every recorded preference into the shop; prints counts as JSON.")


def run(options: dict, stdout) -> None:
    try:
        if options["action"] == "list":
            _write(partner_list_export(partner=options["partner"], form=options["format"], by=CLI), options, stdout)
        elif options["action"] == "partner-key":
            stdout.write(partner_key_issue(partner=options["partner"], by=CLI))
        else:
            stdout.write(json.dumps(opt_out_preferences_apply(by=CLI), sort_keys=True))
    except PartnerUnknown as unknown:
        raise CommandError(f"--partner: {unknown}") from None


def _write(document: str, options: dict, stdout) -> None:
    if not options.get("output"):
        stdout.write(document, ending="")
        return
    path = Path(options["output"])
    try:
        path.write_text(document, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"--output: cannot write {path} ({error.strerror}); give a writable file path.") from None
    stdout.write(f"Wrote the {options['format']} list for {options['partner']} to {path}.")
