"""The export package: a ZIP with data.json (valid against its schema), one CSV per table and a
report carrying every Art. 15 item (and the CCPA right-to-know items), Amazon Pay included."""

import csv
import io
import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone

from privacy.sources.amazon_pay.simulator.faults import FaultRule
from privacy.sources.amazon_pay.simulator.magento import state_fill
from privacy.sources.base import ExportContext
from privacy.sources.discovery import subject_discover, subject_identify
from privacy.sources.export import WITHHELD, export_package_build
from privacy.sources.magento.amazon_references import amazon_pay_references
from tests.sources.discovery_oracle import dump, seeded_shop

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
SCHEMA = json.loads((Path(__file__).parents[2] / "privacy/sources/export_schema.json").read_text())
ART15_SECTIONS = ["art15-a", "art15-b", "art15-c", "art15-2", "art15-d", "art15-e", "art15-f", "art15-g", "art15-h"]
CCPA_SECTIONS = ["ccpa-categories", "ccpa-sources", "ccpa-purposes", "ccpa-third-parties", "ccpa-sale"]


def _context(jurisdiction="gdpr", **extra):
    return ExportContext(request_id=42, kind="access", jurisdiction=jurisdiction, received_at=date(2026, 5, 20),
                         shop_name="Example Shop", **extra)  # fmt: skip


def _package(email, context, **options):
    subject = subject_identify(email=email)
    findings = subject_discover(subject=subject)
    return findings, zipfile.ZipFile(io.BytesIO(export_package_build(subject=subject, findings=findings, context=context, **options)))


def test_data_json_validates_against_the_documented_schema_and_holds_every_found_row():
    with seeded_shop(seed=31) as report:
        findings, package = _package(report.hard_cases.shared_email, _context())
        data = json.loads(package.read("data.json"))
        jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
        exported = {(record["table"], record["pk"]) for category in data["categories"].values() for record in category["records"]}
        assert exported == {(finding.table, finding.pk) for finding in findings if finding.columns}


def test_there_is_one_csv_per_table_and_each_loads_with_the_csv_module():
    with seeded_shop(seed=32) as report:
        findings, package = _package(report.hard_cases.shared_email, _context())
        tables = {finding.table for finding in findings}
        assert {name for name in package.namelist() if name.startswith("tables/")} == {f"tables/{t}.csv" for t in tables}
        for table in tables:
            rows = list(csv.DictReader(io.StringIO(package.read(f"tables/{table}.csv").decode())))
            assert len(rows) == sum(finding.table == table for finding in findings)
        customers = list(csv.DictReader(io.StringIO(package.read("tables/customer_entity.csv").decode())))
        assert {row["email"] for row in customers} == {report.hard_cases.shared_email}


def test_the_report_carries_every_article_15_item():
    with seeded_shop(seed=33) as report:
        _, package = _package(report.hard_cases.shared_email, _context())
        html = package.read("report.html").decode()
        for section in ART15_SECTIONS:
            assert f'id="{section}"' in html, section
        assert "supervisory authority" in html and "Art. 22 GDPR" in html and "Amazon Pay" in html
        assert "ccpa-categories" not in html


def test_a_ccpa_request_gets_sources_purposes_and_third_parties_in_report_and_data():
    with seeded_shop(seed=34) as report:
        _, package = _package(report.hard_cases.shared_email, _context("ccpa"))
        html = package.read("report.html").decode()
        assert all(f'id="{section}"' in html for section in CCPA_SECTIONS)
        data = json.loads(package.read("data.json"))
        jsonschema.validate(data, SCHEMA)
        assert data["ccpa"]["sources"] and data["ccpa"]["business_purposes"] and data["ccpa"]["third_parties"]


def test_credentials_are_withheld_from_the_package():
    with seeded_shop(seed=35) as report:
        _, package = _package(report.hard_cases.shared_email, _context())
        hashes = {row["password_hash"] for row in dump()["customer_entity"] if row["password_hash"]}
        everything = b"".join(package.read(name) for name in package.namelist()).decode()
        assert hashes and not any(value in everything for value in hashes)
        assert WITHHELD in everything


def _recent_amazon_customer_email():
    tables = dump()
    amazon_orders = {p["parent_id"] for p in tables["sales_order_payment"] if p["method"] == "amazon_payment_v2"}
    order = max((o for o in tables["sales_order"] if o["entity_id"] in amazon_orders), key=lambda o: str(o["created_at"]))
    return order["customer_email"]


def test_the_package_includes_what_amazon_pay_returns_for_recent_charge_permissions(amazon_pay_settings):
    with seeded_shop(seed=36, customers=30, now=timezone.now()):
        # given the simulator knows the shop's Amazon Pay references
        state_fill(state=amazon_pay_settings.state, references=amazon_pay_references(using="magento"))
        _, package = _package(_recent_amazon_customer_email(), _context(generated_at=timezone.now()))
        data = json.loads(package.read("data.json"))
        jsonschema.validate(data, SCHEMA)
        answered = [entry for entry in data["amazon_pay"]["charge_permissions"] if entry["status"] == "ok"]
        assert data["amazon_pay"]["status"] == "ok" and answered
        assert all(entry["response"]["charge_permission_id"] == entry["charge_permission_id"] for entry in answered)
        assert answered[0]["charge_permission_id"] in package.read("report.html").decode()


def test_a_failing_amazon_pay_is_reported_in_the_package_and_the_export_still_succeeds(amazon_pay_settings):
    with seeded_shop(seed=36, customers=30, now=timezone.now()):
        state_fill(state=amazon_pay_settings.state, references=amazon_pay_references(using="magento"))
        amazon_pay_settings.faults.add(FaultRule("server_error", count=1000))
        _, package = _package(_recent_amazon_customer_email(), _context(generated_at=timezone.now()))
        data = json.loads(package.read("data.json"))
        assert data["amazon_pay"]["status"] == "failed"
        assert all(entry["error"] for entry in data["amazon_pay"]["charge_permissions"])
        assert "could not be reached" in package.read("report.html").decode()


def test_with_the_amazon_pay_connector_off_the_report_says_so():
    with seeded_shop(seed=36, customers=30, now=timezone.now()):
        _, package = _package(_recent_amazon_customer_email(), _context(generated_at=timezone.now()))
        data = json.loads(package.read("data.json"))
        assert data["amazon_pay"]["status"] == "disabled" and data["amazon_pay"]["not_queried"]
        assert "switched off" in package.read("report.html").decode()


def test_payments_older_than_amazon_keeps_them_readable_are_not_asked_for():
    with seeded_shop(seed=36, customers=30, now=timezone.now()):
        later = timezone.now() + timedelta(days=400)
        calls = []
        _, package = _package(_recent_amazon_customer_email(), _context(generated_at=later), amazon_lookup=calls.append)
        data = json.loads(package.read("data.json"))
        assert calls == [] and data["amazon_pay"]["status"] == "not_readable" and data["amazon_pay"]["not_queried_older"] > 0
