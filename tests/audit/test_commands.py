import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from privacy.audit.export import audit_export_check, export_public_key
from privacy.audit.models import AuditChainHead, AuditEvent, AuditSeal
from tests.audit.helpers import TABLE, append_events, tamper

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out)
    return out.getvalue()


def test_verify_reports_an_intact_chain_as_json():
    # given
    append_events(3)

    # when
    report = json.loads(run("verify", "--json"))

    # then
    assert report["ok"] is True
    assert report["events_checked"] == 3
    assert report["first_bad_event"] is None and report["reason"] is None
    assert report["head"] == {"seq": 3, "hash": AuditSeal.objects.get(seq=3).chain_hash}


def test_verify_exits_non_zero_naming_the_first_bad_event():
    # given
    events = append_events(3)
    tamper(f"UPDATE {TABLE} SET action = 'request.denied' WHERE id = %s", [events[1].pk])
    out = StringIO()

    # when
    with pytest.raises(CommandError) as raised:
        call_command("audit", "verify", "--json", stdout=out)

    # then
    assert raised.value.returncode == 1
    report = json.loads(out.getvalue())
    assert report["ok"] is False and report["reason"] == "tampered"
    assert report["first_bad_event"]["id"] == events[1].pk
    assert report["events_checked"] == 1


def test_each_verification_is_itself_recorded_in_the_chain():
    append_events(1)

    run("verify")

    assert AuditEvent.objects.filter(action="audit.verified", actor_kind="system").count() == 1


def test_head_prints_the_current_head_hash_after_sealing_pending_events():
    # given
    append_events(2, sealed=False)

    # when
    printed = run("head").split()

    # then
    head = AuditChainHead.objects.get()
    assert printed == [head.chain_hash, "#2"]


def test_export_writes_signed_lines_that_the_public_key_verifies(tmp_path):
    # given
    append_events(4, subject_scope="request:1")
    target = tmp_path / "audit.jsonl"

    # when
    run("export", "--output", str(target))

    # then
    lines = target.read_text().splitlines()
    assert len(lines) == 5
    assert [json.loads(line)["seq"] for line in lines[:4]] == [1, 2, 3, 4]
    assert "called the customer" not in target.read_text()
    assert json.loads(lines[-1])["signature"]["public_key"] == export_public_key()
    assert audit_export_check(path=target, public_key=export_public_key()) == 4
    assert (target.stat().st_mode & 0o777) == 0o600
    assert AuditEvent.objects.filter(action="audit.exported").exists()
    assert "signature valid, 4 events" in run("verify-export", str(target))


def test_an_export_with_one_changed_line_fails_its_check(tmp_path):
    # given
    append_events(3)
    target = tmp_path / "audit.jsonl"
    run("export", "--output", str(target))
    target.write_text(target.read_text().replace('"actor_label":"alice"', '"actor_label":"mallory"', 1))

    # when / then
    with pytest.raises(CommandError, match="not the ones that were signed"):
        run("verify-export", str(target))


def test_an_export_checked_against_another_key_fails(tmp_path):
    append_events(1)
    target = tmp_path / "audit.jsonl"
    run("export", "--output", str(target))

    with pytest.raises(CommandError, match="another key"):
        run("verify-export", str(target), "--public-key", "A" * 43 + "=")


def test_export_since_a_date_starts_at_the_first_event_of_that_date(tmp_path):
    append_events(2)
    target = tmp_path / "audit.jsonl"

    run("export", "--since", "2999-01-01", "--output", str(target))

    assert len(target.read_text().splitlines()) == 1


def test_export_with_a_malformed_since_names_the_option_and_the_form(tmp_path):
    with pytest.raises(CommandError, match="--since 'last week' is not a date: use YYYY-MM-DD"):
        run("export", "--since", "last week", "--output", str(tmp_path / "x.jsonl"))


def test_head_of_an_empty_chain_is_the_genesis_hash():
    assert run("head", "--json").strip() == json.dumps({"hash": "0" * 64, "seq": 0}, sort_keys=True)
