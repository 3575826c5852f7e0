"""`privacy submit`: record a request received outside the web form (operators, scripts, imports)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management import CommandError

from privacy.audit.actors import Actor
from requests_app.cli.output import emit, request_json, summary_lines
from requests_app.models import Jurisdiction, Kind, StaffChannel
from requests_app.services import privacy_request_submit

HELP = (
    "Record a privacy request and start its legal clocks; prints its id, state and due dates. "
    "Without --verified the requester is e-mailed a confirmation link; with it, run `privacy process ID` next."
)
FLAGS = {"kind": "--kind", "email": "--email", "jurisdiction": "--jurisdiction", "received_at": "--received-at",
         "channel": "--channel", "name": "--name"}


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
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")


def run(options: dict, stdout) -> None:
    try:
        privacy_request = privacy_request_submit(
            kind=options["kind"], email=options["email"], jurisdiction=options["jurisdiction"],
            channel=options["channel"], received_at=options["received_at"], name=options["name"],
            verified=options["verified"], by=Actor.system("cli submit"), start_processing=False,
        )
    except ValidationError as error:
        raise CommandError(_flag_errors(error)) from None
    data = request_json(privacy_request)
    emit(stdout, data, as_json=options["json"], lines=summary_lines(data))


def _flag_errors(error: ValidationError) -> str:
    return "\n".join(
        f"{FLAGS.get(field, field)}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
