"""`privacy submit`: record a request received outside the web form (operators, scripts, imports)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management import CommandError

from privacy.audit.actors import Actor
from requests_app.cli.output import emit, request_json, summary_lines
from requests_app.models import Jurisdiction, Kind, StaffChannel
from requests_app.rights.fields import FIELDS, corrections_clean
from requests_app.services import privacy_request_submit

HELP = (
    "Record a privacy request and start its legal clocks; prints its id, state and due dates. "
    "Without --verified the requester is e-mailed a confirmation link; with it, run `privacy process ID` next."
)
FLAGS = {"kind": "--kind", "email": "--email", "jurisdiction": "--jurisdiction", "received_at": "--received-at",
         "channel": "--channel", "name": "--name", "corrections": "--field/--value"}


def iso_date(text: str) -> date:
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-01-31") from None


def add_arguments(parser) -> None:
    parser.add_argument("--kind", required=True, choices=Kind.values, help="What the requester asks for.")
    parser.add_argument("--email", required=True, help="The requester's e-mail address.")
    parser.add_argument("--jurisdiction", default="gdpr", choices=Jurisdiction.values, help="Default: gdpr.")
    parser.add_argument("--received-at", type=iso_date, metavar="YYYY-MM-DD",
                        help="Day the request arrived, if before today (e.g. a letter); clocks run from it.")
    parser.add_argument("--channel", default="email", choices=StaffChannel.values, help="How it arrived. Default: email.")
    parser.add_argument("--name", default="", help="The requester's name, if known.")
    parser.add_argument("--verified", action="store_true", help="The requester's identity was already checked.")
    parser.add_argument("--field", action="append", default=[], metavar="DETAIL",
                        help=f"A correction: the detail to correct ({', '.join(FIELDS)}); repeat with --value.")
    parser.add_argument("--value", action="append", default=[], metavar="VALUE",
                        help="The correct value of the --field before it; one --value per --field.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")


def run(options: dict, stdout) -> None:
    try:
        privacy_request = privacy_request_submit(
            kind=options["kind"], email=options["email"], jurisdiction=options["jurisdiction"],
            channel=options["channel"], received_at=options["received_at"], name=options["name"],
            verified=options["verified"], by=Actor.system("cli submit"), start_processing=False,
            details=_corrections(options),
        )
    except ValidationError as error:
        raise CommandError(_flag_errors(error)) from None
    data = request_json(privacy_request)
    emit(stdout, data, as_json=options["json"], lines=summary_lines(data))


def _corrections(options: dict) -> dict | None:
    """Pair each --field with its --value, checked as the form checks them; None without any."""
    fields, values = options["field"], options["value"]
    if not fields and not values:
        return None
    if len(fields) != len(values):
        raise CommandError(f"--field and --value come in pairs: got {len(fields)} --field and {len(values)} --value.")
    if options["kind"] != "correction":
        raise CommandError("--field/--value: only --kind correction names details to correct.")
    if len(set(fields)) != len(fields):
        raise CommandError("--field: name each detail once.")
    clean, errors = corrections_clean(dict(zip(fields, values)))
    if errors:
        raise CommandError("\n".join(f"--value for --field {name}: {message}" for name, message in errors.items()))
    return {"corrections": clean}


def _flag_errors(error: ValidationError) -> str:
    return "\n".join(
        f"{FLAGS.get(field, field)}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
