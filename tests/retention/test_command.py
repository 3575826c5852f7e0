"""`manage.py retention`: run (with --json for scripts), list, and the Art. 30(1)(f) record."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from retention.models import RetentionPolicy, StatutoryPeriod
from retention.services.claims import retention_policy_claim
from tests.retention.snapshots import shop_snapshot

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _call(*args) -> str:
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_run_with_json_prints_the_counts_per_table_of_the_policy(shop):
    # when
    result = json.loads(_call("run", "--policy", "visitor-sessions-purge", "--batch-size", "10", "--json"))
    # then
    assert [entry["policy"] for entry in result] == ["visitor-sessions-purge"]
    assert result[0]["state"] == "completed" and result[0]["changed"] == result[0]["tables"]["customer_visitor"]["changed"]


def test_a_dry_run_of_every_enabled_policy_changes_nothing_and_reports_each(shop):
    # given
    before = shop_snapshot()
    enabled = list(RetentionPolicy.objects.filter(enabled=True).order_by("name").values_list("name", flat=True))
    # when
    result = json.loads(_call("run", "--dry-run", "--json"))
    # then
    assert [entry["policy"] for entry in result] == enabled
    assert all(entry["state"] == "completed" and entry["dry_run"] for entry in result)
    assert shop_snapshot() == before


def test_a_policy_running_elsewhere_is_reported_as_already_running(shop):
    # given
    policy = RetentionPolicy.objects.get(name="orders-anonymize")
    retention_policy_claim(policy=policy, owner="other-host:4242:cafe", now=timezone.now())
    # when
    output = _call("run", "--policy", "orders-anonymize")
    # then
    assert output.startswith("orders-anonymize: policy orders-anonymize is already running (other-host:4242:cafe")


@pytest.mark.parametrize(
    ("args", "message"),
    [(("run", "--policy", "nope"), "--policy 'nope' does not exist"), (("run", "--batch-size", "0"), "--batch-size")],
)
def test_bad_arguments_are_refused_naming_the_option(args, message):
    # when
    with pytest.raises(CommandError) as error:
        _call(*args)
    # then
    assert message in str(error.value)


def test_the_record_lists_every_policy_with_its_category_time_limit_action_and_legal_basis():
    # when
    entries = json.loads(_call("record", "--json"))
    text = _call("record")
    # then
    assert {entry["policy"] for entry in entries} == set(RetentionPolicy.objects.values_list("name", flat=True))
    orders = next(entry for entry in entries if entry["policy"] == "orders-anonymize")
    assert "invoice 8 years" in orders["age_rule"] and "sales_order_grid" in orders["tables"]
    assert all(entry["data_category"] and entry["legal_basis"] and entry["action"] for entry in entries)
    assert "Art. 30(1)(f)" in text and "guest-carts-delete" in text


def test_list_shows_each_policy_with_its_switch_and_age_rule():
    # when
    lines = _call("list").splitlines()
    # then
    assert len(lines) == RetentionPolicy.objects.count()
    assert any(line.startswith("off inactive-accounts-close") for line in lines)


def test_a_policy_that_cannot_start_fails_with_a_reason_that_says_what_to_fix(shop):
    # given
    StatutoryPeriod.objects.filter(jurisdiction="de", document_class="invoice").delete()
    out = StringIO()
    # when
    with pytest.raises(CommandError) as error:
        call_command("retention", "run", "--policy", "orders-anonymize", stdout=out)
    # then
    assert "failed: orders-anonymize" in str(error.value)
    assert "No statutory period for invoice documents in jurisdiction 'de'" in out.getvalue()


def test_the_list_and_the_record_stay_in_english_when_called_from_a_german_session():
    # given a caller whose language is German (a staff session, or LANGUAGE_CODE = "de")
    with translation.override("de"):
        # when the list and the record are printed
        listed, record = _call("list"), json.loads(_call("record", "--json"))
    # then they are in English, as the scripts that read them expect
    assert "older than 90 days (quote.updated_at)" in listed and "older than 1 day (sendfriend_log: time, Unix seconds)" in listed
    orders = next(entry for entry in record if entry["policy"] == "orders-anonymize")
    assert orders["age_rule"].startswith("statutory periods in DE (order 8 years, invoice 8 years, credit memo 8 years")
    assert "älter" not in listed and orders["action"] == "Anonymize"
