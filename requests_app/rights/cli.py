"""`privacy opt-outs`: the keyed opt-out list for a partner, the partner's key, and writing preferences to the shop."""

import json

from django.core.management import CommandError

from privacy.audit.actors import Actor
from requests_app.cli.documents import document_write, output_argument
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
    output_argument(listing)
    key = actions.add_parser("partner-key", help="Print the partner's HMAC key (URL-safe base64).")
    key.add_argument("--partner", required=True, help="A partner named in PRIVACY_OPT_OUT_PARTNERS.")
    actions.add_parser("apply", help="Write every recorded preference into the shop; prints counts as JSON.")


def run(options: dict, stdout) -> None:
    try:
        if options["action"] == "list":
            document = partner_list_export(partner=options["partner"], form=options["format"], by=CLI)
            document_write(document, options=options, stdout=stdout, what=f"the {options['format']} list for {options['partner']}")
        elif options["action"] == "partner-key":
            stdout.write(partner_key_issue(partner=options["partner"], by=CLI))
        else:
            stdout.write(json.dumps(opt_out_preferences_apply(by=CLI), sort_keys=True))
    except PartnerUnknown as unknown:
        raise CommandError(f"--partner: {unknown}") from None

