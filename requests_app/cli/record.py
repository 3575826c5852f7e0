"""`privacy record`: the GDPR Art. 30(1) record of processing, generated from the data map and retention policies."""

from requests_app.cli.documents import document_write, output_argument
from requests_app.reports.record import processing_record, record_html

HELP = (
    "Print the record of processing activities (GDPR Art. 30(1)) generated from the data map and the retention "
    "policies: purposes, data subjects and categories, recipients, transfers, erasure time limits, security measures."
)


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("html", "json"), default="html", help="Default: html (printable).")
    output_argument(parser)


def run(options: dict, stdout) -> None:
    record = processing_record()
    document = record_html(record) if options["format"] == "html" else record
    document_write(document, options=options, stdout=stdout, what=f"the Art. 30 record ({options['format']})")
