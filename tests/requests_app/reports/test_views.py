"""The reports in the staff console: who sees them, and what each URL answers."""

import csv
import io
import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from requests_app.models import DenialReason
from tests.requests_app.helpers import staff_user
from tests.requests_app.reports.builders import completed, denied, request_row

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reports:dashboard")
METRICS = reverse("reports:ccpa-metrics")
RECORD = reverse("reports:record")


@pytest.fixture
def agent(client):
    client.force_login(staff_user("arthur", "Agent"))
    return client


@pytest.fixture
def last_year():
    year = timezone.localdate().year - 1
    completed("access", date(year, 2, 1), date(year, 2, 11))
    denied("deletion", date(year, 3, 1), date(year, 3, 5), DenialReason.UNVERIFIABLE)
    return year


def test_staff_who_may_view_requests_see_the_dashboard_with_its_charts(agent):
    # given an open request and one overdue
    request_row(kind="access", jurisdiction="gdpr", received=timezone.localdate())
    late = request_row(kind="deletion", jurisdiction="gdpr", received=date(2025, 1, 6))

    # when an agent opens the dashboard
    response = agent.get(DASHBOARD)

    # then it answers with the figures, drawn as accessible SVG charts, and lists the overdue request
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<svg role="img"') == 6
    assert '<title id="chart-open-state-title">Open requests by state</title>' in page
    assert "In review: 2" in page  # in the chart's <desc>
    assert reverse("admin:requests_app_privacyrequest_change", args=[late.pk]) in page


@pytest.mark.parametrize("groups", [("Auditor",), ("Privacy officer",)])
def test_auditors_and_officers_see_the_dashboard_too(client, groups):
    client.force_login(staff_user("reader", *groups))

    assert client.get(DASHBOARD).status_code == 200


def test_an_outsider_is_sent_to_the_staff_login_and_sees_no_report(client):
    client.force_login(staff_user("mallory", is_staff=False))

    for url in (DASHBOARD, METRICS + "?year=2025", RECORD):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitors_are_sent_to_the_staff_login(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_view_permission_are_refused(client):
    client.force_login(staff_user("intern"))

    assert client.get(DASHBOARD).status_code == 403
    assert client.get(RECORD).status_code == 403
    assert client.get(METRICS, {"year": 2025, "jurisdiction": "ccpa"}).status_code == 403


def test_the_metrics_page_is_served_with_the_sites_stylesheet_and_downloads_complete(agent, last_year):
    # when the page is shown, then downloaded
    shown = agent.get(METRICS, {"year": last_year, "jurisdiction": "ccpa", "format": "html"})
    downloaded = agent.get(METRICS, {"year": last_year, "jurisdiction": "ccpa", "format": "html", "download": "1"})

    # then the shown page links the stylesheet (the CSP forbids inline styles), the file carries it inline
    assert shown.status_code == 200 and "Content-Disposition" not in shown
    assert '<link rel="stylesheet" href="/static/requests_app/reports.css">' in shown.content.decode()
    assert downloaded["Content-Disposition"] == f'attachment; filename="ccpa-metrics-{last_year}-ccpa.html"'
    assert "<style>" in downloaded.content.decode()


def test_the_metrics_download_as_csv_and_json_hold_the_same_figures(agent, last_year):
    as_csv = agent.get(METRICS, {"year": last_year, "jurisdiction": "all", "format": "csv"})
    as_json = agent.get(METRICS, {"year": last_year, "jurisdiction": "all", "format": "json"})

    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"] == f'attachment; filename="ccpa-metrics-{last_year}-all.csv"'
    assert [(row["category"], row["received"], row["denied_unverifiable"]) for row in rows] == [
        ("know", "1", "0"), ("delete", "1", "1"), ("correct", "0", "0"), ("opt_out", "0", "0"), ("limit", "0", "0")]
    data = json.loads(as_json.content)
    assert [entry["received"] for entry in data["categories"]] == [1, 1, 0, 0, 0]
    assert data["scope"] == "all" and data["year"] == last_year


def test_a_year_that_has_not_begun_returns_to_the_dashboard_naming_the_field(agent):
    response = agent.get(METRICS, {"year": timezone.localdate().year + 1, "jurisdiction": "ccpa"}, follow=True)

    assert response.redirect_chain == [(DASHBOARD, 302)]
    assert "Calendar year: That year has not begun" in response.content.decode()


def test_the_record_is_served_as_html_and_json(agent):
    html = agent.get(RECORD)
    data = json.loads(agent.get(RECORD, {"format": "json"}).content)

    assert "Record of processing activities" in html.content.decode()
    assert data["record"] == "gdpr_art_30_1" and data["activities"]


def test_a_request_report_opens_from_the_request_page(agent):
    # given a denied request
    privacy_request = denied("deletion", date(2025, 1, 6), date(2025, 1, 9), DenialReason.UNVERIFIABLE)
    report_url = reverse("reports:request-report", args=[privacy_request.pk])

    # when staff open its page in the console, then its report
    page = agent.get(reverse("admin:requests_app_privacyrequest_change", args=[privacy_request.pk]))
    report = agent.get(report_url)

    # then the page links the report, which prints the case
    assert report_url in page.content.decode()
    assert report.status_code == 200 and f"Request #{privacy_request.pk}" in report.content.decode()
    assert json.loads(agent.get(report_url, {"format": "json"}).content)["request"]["id"] == privacy_request.pk


def test_a_request_report_of_an_unknown_request_is_not_found_and_staff_without_permission_are_refused(agent):
    intern = Client()
    intern.force_login(staff_user("intern"))
    privacy_request = request_row(kind="access", received=date(2025, 1, 6))

    assert agent.get(reverse("reports:request-report", args=[9999])).status_code == 404
    assert intern.get(reverse("reports:request-report", args=[privacy_request.pk])).status_code == 403


def test_the_admin_index_links_the_reports_only_for_staff_who_may_see_them(agent):
    intern = Client()
    intern.force_login(staff_user("intern"))

    assert DASHBOARD in agent.get(reverse("admin:index")).content.decode()
    assert DASHBOARD not in intern.get(reverse("admin:index")).content.decode()


def test_an_unknown_format_is_not_found(agent):
    assert agent.get(RECORD, {"format": "pdf"}).status_code == 404


def test_the_dashboard_and_the_console_index_speak_german_to_a_browser_that_asks_for_it(agent):
    # given an overdue request
    request_row(kind="deletion", jurisdiction="gdpr", received=date(2025, 1, 6))

    # when an agent whose browser asks for German opens the dashboard and the console's index
    dashboard = agent.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    index = agent.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="de").content.decode()

    # then the charts, the panels, the reports and our apps are named in German
    assert '<title id="chart-open-state-title">Offene Anfragen nach Status</title>' in dashboard
    assert '<h2 id="deadline-heading">Fristen</h2>' in dashboard and "<h3>Überfällig (1)</h3>" in dashboard
    assert "Compliance-Berichte" in index and "Datenschutzanfragen" in index
    assert "Open requests by state" not in dashboard and "Compliance reports" not in index


def test_a_request_report_opened_by_a_french_browser_is_in_french(agent):
    # given a denied request
    privacy_request = denied("deletion", date(2025, 1, 6), date(2025, 1, 9), DenialReason.UNVERIFIABLE)

    # when staff whose browser asks for French open its report
    report = agent.get(reverse("reports:request-report", args=[privacy_request.pk]), HTTP_ACCEPT_LANGUAGE="fr")

    # then its sections and deadlines read in French
    page = report.content.decode()
    for heading in ("La demande", "Échéances", "Actions et historique", "Conservation des preuves et intégrité"):
        assert f">{heading}</h2>" in page
    assert f"Demande n° {privacy_request.pk}" in page and '<th scope="row">Répondre</th>' in page


def test_the_record_opened_by_a_german_browser_is_in_german(agent):
    # when staff whose browser asks for German open the Art. 30 record
    page = agent.get(RECORD, HTTP_ACCEPT_LANGUAGE="de").content.decode()

    # then its headings, activities and measures read in German
    assert "Verzeichnis von Verarbeitungstätigkeiten" in page and "a) Verantwortlicher und Kontakte" in page
    assert "Kundenkonten" in page and "Manipulationssicheres Prüfprotokoll" in page
    assert "Record of processing activities" not in page


def test_the_metrics_page_follows_the_browser_and_the_command_line_stays_in_english(agent, last_year):
    # when staff whose browser asks for French show the CCPA metrics page
    page = agent.get(METRICS, {"year": last_year, "jurisdiction": "ccpa"}, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    # then it is French, while the default language (the command line's) keeps the English page to publish
    assert "Demandes d'accès" in page and "Comment nous comptons" in page
    assert "Requests to know" in agent.get(METRICS, {"year": last_year, "jurisdiction": "ccpa"}).content.decode()
