"""`privacy report`: the CCPA §7102 metrics of a calendar year, as the page to publish, CSV or JSON."""

from datetime import timedelta

from django.core.management import CommandError

from requests_app import clock
from requests_app.cli.documents import document_write, output_argument
from requests_app.cli.submit import iso_date
from requests_app.reports.ccpa import SCOPES, ReportRefused, ccpa_metrics
from requests_app.reports.publish import metrics_csv, metrics_html, metrics_json

HELP = (
    "CCPA §7102 metrics of the requests received in a calendar year: received, complied with in whole or in part, "
    "denied by reason, median and mean days to respond. Businesses over the threshold publish the previous year's "
    "by 1 July. See docs/reporting.md for what counts where."
)
RENDER = {"html": metrics_html, "csv": metrics_csv, "json": metrics_json}


def add_arguments(parser) -> None:
    parser.add_argument("--year", type=int, required=True, help="The calendar year of receipt, e.g. 2025.")
    parser.add_argument("--format", choices=list(RENDER), default="html", help="Default: html (the page to publish).")
    parser.add_argument("--jurisdiction", choices=list(SCOPES), default="ccpa",
                        help="ccpa: California requests only (default); all: every jurisdiction, labelled so.")
    parser.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                        help="Count outcomes as they stood at the end of this day (default: now).")
    output_argument(parser)


def _end_of(day):
    return clock.start_of_day(day + timedelta(days=1)) - timedelta(microseconds=1) if day else None


def run(options: dict, stdout) -> None:
    try:
        metrics = ccpa_metrics(year=options["year"], scope=options["jurisdiction"], as_of=_end_of(options["as_of"]))
    except ReportRefused as refused:
        raise CommandError(f"--year: {refused}") from None
    document_write(RENDER[options["format"]](metrics), options=options, stdout=stdout,
                   what=f"the {options['jurisdiction']} metrics of {metrics.year} ({options['format']})")
