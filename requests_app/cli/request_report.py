"""`privacy request-report`: one request's report for a supervisory authority."""

from requests_app.cli.documents import document_write, output_argument
from requests_app.cli.output import request_get
from requests_app.reports.request_report import request_report, request_report_html

HELP = (
    "Print one request's report for a supervisory authority: timeline from the audit trail, deadlines and whether "
    "they were met, actions and the evidence of erasure. The requester's identity is left out."
)


def add_arguments(parser) -> None:
    parser.add_argument("id", type=int, help="The request's id.")
    parser.add_argument("--format", choices=("html", "json"), default="html", help="Default: html (printable).")
    output_argument(parser)


def run(options: dict, stdout) -> None:
    report = request_report(privacy_request=request_get(options["id"]), include_texts=True)
    document = request_report_html(report) if options["format"] == "html" else report
    document_write(document, options=options, stdout=stdout,
                   what=f"the report on request {options['id']} ({options['format']})")
