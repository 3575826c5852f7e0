"""`manage.py privacy erase`: the dry-run preview as JSON, a real run only with --yes, resumable runs."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from privacy.sources.erasure.models import ErasureRun
from tests.sources.erasure.helpers import database_dump, erasable_customer, person

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def privacy(*args) -> dict:
    out = StringIO()
    call_command("privacy", *args, stdout=out)
    return json.loads(out.getvalue())


def test_dry_run_prints_rows_per_table_strategies_and_holds_and_changes_nothing(shop):
    # given a customer with orders
    email = person(erasable_customer(min_orders=2)).email
    before = database_dump()

    # when the erasure is previewed
    preview = privacy("erase", "--email", email, "--dry-run", "--json")

    # then the preview says what would happen to each table, and nothing happened
    tables = {table["table"]: table for table in preview["tables"]}
    assert tables["customer_entity"]["delete"] == 1 and tables["customer_entity"]["action"] == "delete"
    assert tables["sales_order"]["held"] >= 2
    assert tables["sales_order"]["columns_while_held"]["customer_email"] == "email (per subject)"
    assert tables["sales_order"]["columns_while_held"]["remote_ip"] == "null"
    assert "customer_lastname" in tables["sales_order"]["kept_while_held"]
    assert tables["sales_order_status_history"]["columns_while_held"]["comment"] == "scrub"
    assert {hold["document_class"] for hold in preview["holds"]} >= {"order", "invoice"}
    assert all(hold["until"].endswith("-12-31") and hold["law"] for hold in preview["holds"])
    assert preview["totals"]["rows"] == sum(t["delete"] + t["anonymize"] + t["held"] for t in preview["tables"])
    assert email not in json.dumps(preview)
    assert database_dump() == before


def test_a_real_run_without_yes_is_refused(shop):
    with pytest.raises(CommandError, match="--yes"):
        call_command("privacy", "erase", "--email", person(erasable_customer()).email)


def test_a_subject_named_by_nothing_is_refused_with_the_flags_to_use(shop):
    with pytest.raises(CommandError, match="--email"):
        call_command("privacy", "erase", "--dry-run")


def test_a_real_run_with_yes_erases_and_prints_the_receipt(shop):
    # given a customer
    customer_id = erasable_customer()

    # when the operator erases them
    data = privacy("erase", "--customer-id", str(customer_id), "--yes", "--json")

    # then the run completed, with holds, a clean scan and a receipt
    assert data["step"] == "completed" and data["holds"] > 0 and data["scan"]["clean"]
    assert data["receipt"]["kept"] and data["reference"].startswith("manual:")
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM customer_entity WHERE entity_id = %s", [customer_id])
        assert cursor.fetchone()[0] == 0


def test_a_blocked_subject_is_refused_with_the_reason(shop):
    # given a customer with an order still being processed
    customer_id = erasable_customer()
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'new' WHERE customer_id = %s", [customer_id])

    # when the operator tries to erase them
    with pytest.raises(CommandError, match=r"open order\(s\)"):
        call_command("privacy", "erase", "--customer-id", str(customer_id), "--yes")

    # then the run is kept, blocked, and can be resumed later by its reference
    run = ErasureRun.objects.get()
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'complete' WHERE customer_id = %s", [customer_id])
    assert privacy("erase", "--resume", run.reference, "--yes", "--json")["step"] == "completed"


def test_privacy_process_with_approve_erases_the_requester_and_completes_the_request(shop):
    # given a verified deletion request of a customer
    customer_id = erasable_customer()
    created = privacy("submit", "--kind", "deletion", "--email", person(customer_id).email, "--verified", "--json")

    # when an operator processes it with --approve
    data = privacy("process", str(created["id"]), "--approve", "--json")

    # then it was discovered, approved, erased and completed
    assert data["state"] == "completed" and data["steps"] == ["discovered", "approved", "fulfilled"]
    assert ErasureRun.objects.get(request_id=created["id"]).step == "completed"
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM customer_entity WHERE entity_id = %s", [customer_id])
        assert cursor.fetchone()[0] == 0
