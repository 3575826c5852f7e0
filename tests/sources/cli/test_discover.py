"""`manage.py privacy discover`: the rows of one person, by table and key, never their values."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.sources.discovery_oracle import by_table, dump, seeded_shop, truth_for_email

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _run(*args) -> str:
    out = StringIO()
    call_command("privacy", "discover", *args, stdout=out)
    return out.getvalue()


def test_discover_json_prints_one_object_with_every_row_of_the_person():
    with seeded_shop(seed=21) as report:
        # given a person registered on two websites
        email = report.hard_cases.shared_email
        # when the operator asks for JSON
        data = json.loads(_run("--email", email.upper(), "--json"))
        # then it is one object whose rows are the person's rows, by Magento table and primary key
        assert set(data) == {"rows"}
        assert {(row["table"], row["pk"]) for row in data["rows"]} == {
            (table, pk) for table, keys in truth_for_email(dump(), email).items() for pk in keys
        }
        assert all(set(row) == {"table", "pk", "category", "columns"} for row in data["rows"])


def test_discover_never_prints_personal_values():
    with seeded_shop(seed=22) as report:
        email = report.hard_cases.shared_email
        tables = dump()
        customer = next(row for row in tables["customer_entity"] if row["email"] == email)
        for output in (_run("--email", email, "--json"), _run("--email", email)):
            assert email not in output.lower()
            assert customer["lastname"] not in output and customer["firstname"] not in output


def test_discover_without_json_summarises_rows_per_table_and_category():
    with seeded_shop(seed=23) as report:
        email = report.hard_cases.shared_email
        findings = by_table_counts = {table: len(keys) for table, keys in truth_for_email(dump(), email).items() if keys}
        output = _run("--email", email)
        assert output.splitlines()[0].startswith(f"{sum(findings.values())} rows in {len(by_table_counts)} tables")
        assert "customer_entity" in output and "By category:" in output


def test_discover_refuses_a_malformed_address_naming_the_option():
    with pytest.raises(CommandError, match="--email"):
        _run("--email", "not-an-address")
