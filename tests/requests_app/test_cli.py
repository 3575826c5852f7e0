"""`manage.py privacy submit|process|show`: JSON fields exactly as scripts rely on, errors naming the flag."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from requests_app.cli import SUBCOMMANDS
from requests_app.models import PrivacyRequest
from tests.requests_app.helpers import reload

pytestmark = pytest.mark.django_db
REQUIRED = {"id", "kind", "jurisdiction", "state", "received_at", "due_date", "acknowledge_by", "duplicate_of"}


def privacy(*args) -> dict:
    out = StringIO()
    call_command("privacy", *args, stdout=out)
    return json.loads(out.getvalue())


def test_submit_prints_the_id_state_and_due_dates_as_json():
    data = privacy("submit", "--kind", "access", "--email", "ada@example.com", "--jurisdiction", "ccpa",
                   "--received-at", "2025-01-31", "--json")
    assert REQUIRED <= set(data)
    assert (data["kind"], data["jurisdiction"], data["received_at"]) == ("access", "ccpa", "2025-01-31")
    assert (data["due_date"], data["acknowledge_by"], data["duplicate_of"]) == ("2025-03-17", "2025-02-14", None)
    assert data["state"] == "awaiting_verification"
    assert PrivacyRequest.objects.get(pk=data["id"]).channel == "email"


def test_submit_defaults_to_gdpr_and_verified_requests_wait_for_process():
    data = privacy("submit", "--kind", "export", "--email", "ada@example.com", "--verified", "--json")
    assert (data["jurisdiction"], data["state"], data["acknowledge_by"]) == ("gdpr", "verified", None)
    assert data["received_at"] == timezone.localdate().isoformat()


def test_a_second_submission_shows_its_duplicate_link():
    first = privacy("submit", "--kind", "deletion", "--email", "ada@example.com", "--json")
    second = privacy("submit", "--kind", "deletion", "--email", "ADA@example.com", "--json")
    assert (second["duplicate_of"], second["state"]) == (first["id"], "cancelled")


def test_show_prints_the_same_fields_with_the_due_date_after_an_extension():
    from tests.requests_app.helpers import OPERATOR
    from requests_app.services import privacy_request_extend

    created = privacy("submit", "--kind", "access", "--email", "ada@example.com", "--json")
    privacy_request_extend(privacy_request=PrivacyRequest.objects.get(pk=created["id"]), reason="complex", by=OPERATOR)
    shown = privacy("show", str(created["id"]), "--json")
    assert REQUIRED <= set(shown)
    assert shown["due_date"] > created["due_date"] and shown["extension"] == 2


def test_show_without_json_prints_readable_lines():
    created = privacy("submit", "--kind", "access", "--email", "ada@example.com", "--json")
    out = StringIO()
    call_command("privacy", "show", str(created["id"]), stdout=out)
    assert f"Request {created['id']}: access under gdpr, awaiting_verification" in out.getvalue()


@pytest.mark.parametrize(("args", "names"), [
    (["submit", "--kind", "everything", "--email", "a@example.com"], "--kind"),
    (["submit", "--kind", "access", "--email", "a@example.com", "--received-at", "31/01/2025"], "--received-at"),
    (["submit", "--kind", "access", "--email", "a@example.com", "--jurisdiction", "eu"], "--jurisdiction"),
    (["submit", "--kind", "access"], "--email"),
])
def test_bad_arguments_are_refused_naming_the_flag(args, names):
    with pytest.raises(CommandError, match=names):
        call_command("privacy", *args, stdout=StringIO())


def test_values_the_service_refuses_are_reported_per_flag():
    with pytest.raises(CommandError) as refused:
        call_command("privacy", "submit", "--kind", "access", "--email", "not-mail", "--received-at", "2999-01-01",
                     stdout=StringIO())
    assert "--email: Enter a valid e-mail address" in str(refused.value)
    assert "--received-at: The receipt date is in the future" in str(refused.value)


def test_show_and_process_of_an_unknown_id_say_so():
    with pytest.raises(CommandError, match="No privacy request has id 424242"):
        call_command("privacy", "show", "424242", "--json", stdout=StringIO())
    with pytest.raises(CommandError, match="No privacy request has id 424242"):
        call_command("privacy", "process", "424242", stdout=StringIO())


def test_process_refuses_an_unverified_request():
    created = privacy("submit", "--kind", "access", "--email", "ada@example.com", "--json")
    with pytest.raises(CommandError, match="awaiting_verification: verify it first"):
        call_command("privacy", "process", str(created["id"]), stdout=StringIO())


def test_a_failed_discovery_leaves_the_request_needing_attention_and_a_clear_error():
    # given a verified request, and a shop database this test may not reach (as if it were down)
    created = privacy("submit", "--kind", "access", "--email", "ada@example.com", "--verified", "--json")

    # when an operator processes it, discovery fails
    with pytest.raises(CommandError, match="Discovery failed for request .* it now needs attention"):
        call_command("privacy", "process", str(created["id"]), stdout=StringIO())

    # then the request is parked with the reason, not left half-done
    assert reload(PrivacyRequest(pk=created["id"])).state == "needs_attention"


def test_every_registered_subcommand_has_help_arguments_and_run():
    from importlib import import_module

    for name, path in SUBCOMMANDS.items():
        module = import_module(path)
        assert module.HELP and callable(module.add_arguments) and callable(module.run), name


def test_a_bad_flag_exits_non_zero_with_the_fix_on_stderr():
    result = subprocess.run(
        [sys.executable, "manage.py", "privacy", "submit", "--kind", "access", "--email", "a@example.com",
         "--received-at", "2025-02-30"],
        cwd=settings.BASE_DIR, env={**os.environ, "DEBUG": "1"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "--received-at: '2025-02-30' is not a date: write it as YYYY-MM-DD" in result.stderr


@pytest.mark.django_db(databases=["default", "magento"])
def test_process_runs_discovery_and_export_synchronously(magento_schema):
    from tests.requests_app.helpers import shop_order

    shop_order(email="ada@example.com", increment_id="100000042", postcode="10115")
    created = privacy("submit", "--kind", "export", "--email", "ada@example.com", "--verified", "--json")
    processed = privacy("process", str(created["id"]), "--json")
    assert (processed["state"], processed["steps"]) == ("completed", ["discovered", "approved", "fulfilled"])
    assert processed["findings"]["sales_order"] == 1 and processed["package_bytes"] > 0
    assert REQUIRED <= set(processed)


@pytest.mark.django_db(databases=["default", "magento"])
def test_process_stops_a_deletion_in_review_unless_approved(magento_schema, monkeypatch):
    from requests_app import fulfilment

    created = privacy("submit", "--kind", "deletion", "--email", "ada@example.com", "--verified", "--json")
    out = StringIO()
    call_command("privacy", "process", str(created["id"]), stdout=out)
    assert "Deletion waits for approval: run again with --approve." in out.getvalue()
    assert reload(PrivacyRequest(pk=created["id"])).state == "in_review"

    # and --approve without an installed erasure is refused, leaving it in review
    monkeypatch.delitem(fulfilment.HANDLERS, "deletion", raising=False)
    with pytest.raises(CommandError, match="No fulfilment is installed for deletion requests yet"):
        call_command("privacy", "process", str(created["id"]), "--approve", stdout=StringIO())
    assert reload(PrivacyRequest(pk=created["id"])).state == "in_review"
