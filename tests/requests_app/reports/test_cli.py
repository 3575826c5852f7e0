"""`manage.py privacy report|record|request-report`: the documents on standard output or in a file."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from requests_app.models import DenialReason
from tests.requests_app.reports.builders import completed, denied, request_row

pytestmark = pytest.mark.django_db

D = date


def privacy(*args) -> str:
    out = io.StringIO()
    call_command("privacy", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def year_2025():
    completed("access", D(2025, 12, 20), D(2026, 1, 9))  # 20 days, answered in 2026
    denied("deletion", D(2025, 6, 2), D(2025, 6, 4), DenialReason.NOT_A_CONSUMER, jurisdiction="gdpr")


def test_report_prints_the_california_csv_of_a_year(year_2025):
    rows = list(csv.DictReader(io.StringIO(privacy("report", "--year", "2025", "--format", "csv"))))

    assert [(row["category"], row["received"], row["complied_in_whole_or_part"], row["median_days"]) for row in rows] == [
        ("know", "1", "1", "20.0"), ("delete", "0", "0", ""), ("correct", "0", "0", ""), ("opt_out", "0", "0", ""),
        ("limit", "0", "0", "")]


def test_report_for_all_jurisdictions_as_json_counts_the_gdpr_refusal(year_2025):
    data = json.loads(privacy("report", "--year", "2025", "--format", "json", "--jurisdiction", "all"))

    delete = data["categories"][1]
    assert (data["scope"], delete["received"], delete["denied"]["not_a_consumer"]) == ("all", 1, 1)


def test_report_as_of_a_day_counts_later_answers_as_pending(year_2025):
    data = json.loads(privacy("report", "--year", "2025", "--format", "json", "--as-of", "2026-01-08"))

    know = data["categories"][0]
    assert (know["received"], know["complied_in_whole_or_part"], know["pending"]) == (1, 0, 1)
    assert data["as_of"].startswith("2026-01-08T23:59:59")


def test_report_writes_the_page_to_publish_into_a_file(year_2025, tmp_path):
    target = tmp_path / "ccpa-2025.html"

    line = privacy("report", "--year", "2025", "--output", str(target))

    assert line.startswith(f"Wrote the ccpa metrics of 2025 (html) to {target} (")
    page = target.read_text()
    assert page.startswith("<!doctype html>") and "<style>" in page and "metrics for 2025" in page


def test_report_refuses_a_year_that_has_not_begun_naming_the_flag():
    with pytest.raises(CommandError, match=r"^--year: Year \d+ has not begun"):
        privacy("report", "--year", str(timezone.localdate().year + 1))


def test_report_refuses_an_unwritable_output_naming_the_flag(tmp_path):
    with pytest.raises(CommandError, match="^--output: cannot write"):
        privacy("report", "--year", "2025", "--output", str(tmp_path / "missing" / "file.html"))


def test_record_prints_the_art_30_record_as_json_and_html():
    data = json.loads(privacy("record", "--format", "json"))
    page = privacy("record")

    assert data["record"] == "gdpr_art_30_1" and data["retention_policies"]
    assert "<h1>Record of processing activities</h1>" in page


def test_request_report_prints_one_request_and_refuses_an_unknown_id():
    privacy_request = request_row(kind="access", received=D(2025, 3, 3))

    data = json.loads(privacy("request-report", str(privacy_request.pk), "--format", "json"))

    assert data["request"]["id"] == privacy_request.pk and data["outcome"]["result"] == "pending"
    with pytest.raises(CommandError, match="No privacy request has id 999999"):
        privacy("request-report", "999999")
