"""The GDPR Art. 30(1) record of processing, generated from the data map and the retention policies."""

import pytest
from django.utils import translation

from privacy.sources import datamap
from privacy.sources.datamap import CATEGORIES, Purpose
from requests_app.reports.record import ACTIVITIES, SUBJECTS, processing_record, record_html, time_limit
from retention.models import RetentionPolicy, StatutoryPeriod

pytestmark = pytest.mark.django_db


def test_the_record_lists_every_category_of_the_data_map_in_json_and_html():
    record = processing_record()
    page = record_html(record)

    assert [entry["category"] for entry in record["data_categories"]] == [category.value for category in datamap.Category]
    for category, info in CATEGORIES.items():
        assert f'<tr id="category-{category.value}"><th scope="row">{info.label}</th>' in page


def test_the_record_lists_every_retention_policy_with_its_time_limit_and_legal_basis():
    # given the default policies and one added by staff
    RetentionPolicy.objects.create(name="review-drafts-purge", plan="report_event", action="delete", age_days=30,
                                   data_category="Review drafts", legal_basis="Art. 6(1)(f) GDPR, 30 days.")

    record = processing_record()
    page = record_html(record)

    names = [entry["policy"] for entry in record["retention_policies"]]
    assert names == sorted(RetentionPolicy.objects.values_list("name", flat=True)) and "review-drafts-purge" in names
    for policy in RetentionPolicy.objects.all():
        assert f'id="policy-{policy.name}"' in page
        assert policy.legal_basis.replace("'", "&#x27;") in page


def test_the_time_limits_of_the_retention_policies_read_in_the_records_language():
    # when the record is built for a German console
    with translation.override("de"):
        record = processing_record()

    # then each policy's time limit is in German, its columns kept as they are
    limits = {entry["policy"]: entry["age_rule"] for entry in record["retention_policies"]}
    assert limits["guest-carts-delete"] == "älter als 90 Tage (quote.updated_at)"
    assert limits["erasure-holds-release"] == (
        "am Tag nach Ablauf der gesetzlichen Frist der Aufbewahrung nach einer Löschung (hold_until)")
    assert limits["orders-anonymize"].startswith("gesetzliche Aufbewahrungsfristen (DE: Bestellung 8 Jahre, Rechnung")

def test_each_purpose_of_the_data_map_is_one_activity_with_subjects_bases_and_time_limits():
    record = processing_record()

    activities = {activity["purpose"]: activity for activity in record["activities"]}
    used = {entry.purpose.value for entry in datamap.TABLES}
    assert set(activities) == used | {"privacy_requests"}
    orders = activities["order"]
    assert orders["name"] == "Order processing, delivery and after-sales service"
    assert orders["legal_bases"] == ["Contract or steps before it, Art. 6(1)(b) GDPR"]
    assert "Guest buyers" in orders["data_subjects"]
    tables = [table for limit in orders["erasure_time_limits"] for table in limit["tables"]]
    assert sorted(tables) == sorted(entry.name for entry in datamap.TABLES if entry.purpose is Purpose.ORDER)


def test_every_purpose_has_an_activity_name_and_data_subjects():
    assert set(ACTIVITIES) == set(SUBJECTS) == set(Purpose)


def test_statutory_time_limits_use_the_shops_jurisdiction_periods(settings):
    # given a shop under French law, whose invoices are kept 10 years, and German law (8 years)
    invoice = datamap.table("sales_invoice").retention

    settings.RETENTION_JURISDICTION = "fr"
    french = time_limit(invoice)
    settings.RETENTION_JURISDICTION = "de"
    german = time_limit(invoice)

    assert french.startswith("10 years from the end of the calendar year of the invoice (created_at; Code de commerce")
    assert german.startswith("8 years from the end of the calendar year of the invoice (created_at; §147(1) no. 4")


def test_a_german_record_names_the_document_of_a_statutory_time_limit_in_german(settings):
    # given a shop under German law
    settings.RETENTION_JURISDICTION = "de"
    # when the record's time limit of invoices is written for a German reader
    with translation.override("de"):
        limit = time_limit(datamap.table("sales_invoice").retention)
    # then the document is named in German too
    assert limit.startswith("8 Jahre ab Ende des Kalenderjahres des Dokuments „Rechnung“ (created_at;")


def test_a_missing_statutory_period_falls_back_to_the_data_maps_default():
    StatutoryPeriod.objects.filter(jurisdiction="de", document_class="shipment").delete()

    limit = time_limit(datamap.table("sales_shipment").retention)

    assert limit.startswith("10 years from the end of the calendar year of the shipment / delivery note (created_at; "
                            "the data map's")


def test_amazon_pay_is_recorded_as_an_independent_controller_and_a_third_country_transfer():
    record = processing_record()

    [transfer] = record["transfers"]
    assert transfer["recipient"].startswith("Amazon Pay")
    assert transfer["role"] == "independent controller for the payment and the Amazon account"
    assert "United States" in transfer["where"]
    payments = next(activity for activity in record["activities"] if activity["purpose"] == "payment")
    amazon = next(recipient for recipient in payments["recipients"] if recipient["name"].startswith("Amazon Pay"))
    assert amazon["independent_controller"] is True


def test_the_controller_contacts_come_from_the_settings(settings):
    settings.PRIVACY_CONTROLLER_NAME = "Beispiel Handel GmbH"
    settings.PRIVACY_CONTROLLER_ADDRESS = "Hauptstraße 1, 10115 Berlin"
    settings.PRIVACY_DPO_NAME, settings.PRIVACY_DPO_EMAIL = "Dana Schmidt", "dpo@beispiel.example"

    page = record_html(processing_record())

    assert "Beispiel Handel GmbH, Hauptstraße 1, 10115 Berlin" in page
    assert "Dana Schmidt &lt;dpo@beispiel.example&gt;" in page


def test_the_security_measures_describe_the_real_ones_with_the_settings_in_force(settings):
    settings.PRIVACY_RECORD_KEEPING_MONTHS = 30
    settings.PRIVACY_SECOND_FACTOR_KINDS = ["deletion"]

    measures = {item["measure"]: item["description"] for item in processing_record()["security_measures"]}

    assert "AES-256-GCM" in measures["Encryption at rest"] and "envelope encryption" in measures["Encryption at rest"]
    assert "HMAC-SHA256" in measures["Blind indexes"]
    assert measures["Crypto-shredding"].startswith("30 months after a request is closed")
    assert "hash chain" in measures["Tamper-evident audit trail"] and "Ed25519" in measures["Tamper-evident audit trail"]
    assert "these kinds also need an order number with its billing postcode: deletion" in measures[
        "Verification of requesters"]
