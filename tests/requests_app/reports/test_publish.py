"""The CCPA metrics as they leave the service: the CSV and JSON shapes and the page to publish."""

import csv
import io
import json
import re
from datetime import date

import pytest

from requests_app.models import DenialReason, PrivacyRequest
from requests_app.reports.ccpa import ccpa_metrics
from requests_app.reports.publish import CSV_COLUMNS, metrics_csv, metrics_html, metrics_json
from requests_app.states import State
from tests.requests_app.helpers import staff_user
from tests.requests_app.reports.builders import completed, denied, moment, request_row

pytestmark = pytest.mark.django_db

D = date


@pytest.fixture
def metrics():
    """2025: two requests to know (10 and 21 days), one deletion refused as unverifiable (5 days), one withdrawn."""
    completed("access", D(2025, 2, 1), D(2025, 2, 11))
    completed("export", D(2025, 3, 1), D(2025, 3, 22))
    denied("deletion", D(2025, 4, 1), D(2025, 4, 6), DenialReason.UNVERIFIABLE)
    request_row(kind="opt_out", received=D(2025, 5, 1), state=State.CANCELLED, closed=D(2025, 5, 1))
    return ccpa_metrics(year=2025, scope="ccpa", as_of=moment(D(2026, 2, 1)))


def test_the_csv_has_one_row_per_category_in_the_documented_columns(metrics):
    rows = list(csv.reader(io.StringIO(metrics_csv(metrics))))

    assert rows[0] == [
        "year", "scope", "category", "kinds", "received", "complied_in_whole_or_part", "denied",
        "denied_unverifiable", "denied_not_a_consumer", "denied_exempt", "denied_other", "withdrawn", "pending",
        "extended", "responses", "median_days", "mean_days",
    ] == list(CSV_COLUMNS)
    assert rows[1:] == [
        ["2025", "ccpa", "know", "access+export", "2", "2", "0", "0", "0", "0", "0", "0", "0", "0", "2", "15.5", "15.5"],
        ["2025", "ccpa", "delete", "deletion", "1", "0", "1", "1", "0", "0", "0", "0", "0", "0", "1", "5.0", "5.0"],
        ["2025", "ccpa", "correct", "correction", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "", ""],
        ["2025", "ccpa", "opt_out", "opt_out", "1", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "", ""],
        ["2025", "ccpa", "limit", "limit", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "", ""],
    ]


def test_the_json_names_each_category_its_figures_and_the_scope(metrics):
    data = json.loads(json.dumps(metrics_json(metrics)))

    assert set(data) == {"report", "business", "year", "scope", "scope_label", "as_of", "complete_year", "time_zone",
                         "duplicates_not_counted", "categories", "total"}
    assert data["report"] == "ccpa_7102_metrics" and data["complete_year"] is True
    assert data["categories"][0] == {
        "category": "know", "label": "Requests to know", "kinds": ["access", "export"], "received": 2,
        "complied_in_whole_or_part": 2,
        "denied": {"total": 0, "unverifiable": 0, "not_a_consumer": 0, "exempt": 0, "other": 0},
        "withdrawn": 0, "pending": 0, "extended": 0,
        "days_to_substantive_response": {"responses": 2, "median": 15.5, "mean": 15.5},
    }
    # the total's averages run over every response (5, 10, 21 days), not over the categories' averages
    assert data["total"]["received"] == 4 and data["total"]["days_to_substantive_response"] == {
        "responses": 3, "median": 10.0, "mean": 12.0}


def test_the_page_to_publish_shows_the_table_the_scope_and_nothing_about_staff(metrics):
    # given the requests were worked by a named staff member
    PrivacyRequest.objects.update(assignee=staff_user("arthur.dent", "Agent"))

    page = metrics_html(ccpa_metrics(year=2025, scope="ccpa", as_of=metrics.as_of))

    assert "<h1>Consumer privacy request metrics for 2025</h1>" in page
    assert "California consumers (requests made under the CCPA)" in page
    for label in ("Requests to know", "Requests to delete", "Requests to correct", "All requests",
                  "Requests to opt out of the sale or sharing of personal information",
                  "Requests to limit the use of sensitive personal information"):
        assert f'<th scope="row">{label}</th>' in page
    assert "<style>" in page  # a complete file, ready to upload
    assert "1 request was withdrawn by the consumer" in page
    assert "arthur.dent" not in page and not re.search(r"[\w.+-]+@[\w-]+\.\w+", page)


def test_a_year_still_running_says_so_on_the_page():
    metrics = ccpa_metrics(year=2026, scope="all", as_of=moment(D(2026, 3, 15)))

    page = metrics_html(metrics, standalone=False)

    assert "the year so far, up to" in page
    assert "All consumers, in every jurisdiction" in page
