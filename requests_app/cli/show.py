"""`privacy show`: one request as scripts and operators read it (personal values only in its kind's details)."""

from requests_app.cli.output import emit, request_get, request_json, summary_lines

HELP = "Show one request: id, kind, jurisdiction, state, receipt and due dates, duplicate link, findings."


def add_arguments(parser) -> None:
    parser.add_argument("id", type=int, help="The request's id.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")


def run(options: dict, stdout) -> None:
    data = request_json(request_get(options["id"]))
    emit(stdout, data, as_json=options["json"], lines=summary_lines(data))
