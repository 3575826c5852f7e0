"""`privacy submit --kind correction --field F --value V`, `--kind opt_out|limit`, `privacy show` with the kind's
details, and `privacy opt-outs list|partner-key|apply`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from privacy.sources.magento.models import CustomerEntity
from requests_app.rights.partners import partner_key

pytestmark = pytest.mark.django_db
REQUIRED = {"id", "kind", "jurisdiction", "state", "received_at", "due_date", "acknowledge_by", "duplicate_of"}


def privacy(*args) -> dict | str:
    out = StringIO()
    call_command("privacy", *args, stdout=out)
    text = out.getvalue()
    return json.loads(text) if "--json" in args or args[:2] == ("opt-outs", "apply") else text


def test_a_correction_takes_repeated_field_and_value_pairs_and_show_prints_them():
    created = privacy("submit", "--kind", "correction", "--email", "ada@example.com", "--field", "lastname", "--value",
                      "Lovelace", "--field", "country_id", "--value", "gb", "--json")
    shown = privacy("show", str(created["id"]), "--json")

    assert REQUIRED <= set(created) and created["state"] == "awaiting_verification"
    assert shown["details"]["corrections"] == {"lastname": "Lovelace", "country_id": "GB"}
    assert shown["details"]["outcome"] is None


@pytest.mark.parametrize(("args", "message"), [
    (("--field", "lastname"), "--field and --value come in pairs: got 1 --field and 0 --value"),
    (("--field", "dob", "--value", "14.07.1990"), "--value for --field dob: Write the date as YYYY-MM-DD"),
    (("--field", "nickname", "--value", "Ada"), "--value for --field nickname: Unknown detail 'nickname'"),
])
def test_a_wrong_pair_is_refused_naming_the_flag_and_the_fix(args, message):
    with pytest.raises(CommandError, match=message):
        privacy("submit", "--kind", "correction", "--email", "ada@example.com", *args)


def test_only_a_correction_takes_fields():
    with pytest.raises(CommandError, match="only --kind correction"):
        privacy("submit", "--kind", "access", "--email", "ada@example.com", "--field", "lastname", "--value", "X")


@pytest.mark.parametrize("kind", ["opt_out", "limit"])
def test_an_opt_out_or_limit_needs_no_verification(kind, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        created = privacy("submit", "--kind", kind, "--email", "ada@example.com", "--jurisdiction", "ccpa", "--json")
    assert (created["kind"], created["state"], created["acknowledge_by"]) == (kind, "verified", None)
    assert created["details"] == {"outcome": None, "signal": "staff"}


@pytest.mark.django_db(databases=["default", "magento"])
def test_process_carries_out_a_verified_correction_and_show_prints_its_outcome(seeded_magento, django_capture_on_commit_callbacks):
    account = seeded_magento.customers[0]
    created = privacy("submit", "--kind", "correction", "--email", account["email"], "--verified", "--field", "lastname",
                      "--value", "Byron", "--json")

    with django_capture_on_commit_callbacks(execute=True):
        processed = privacy("process", str(created["id"]), "--json")

    assert processed["state"] == "completed" and processed["steps"] == ["discovered", "approved", "fulfilled"]
    assert processed["details"]["outcome"]["corrected"] == [{"field": "lastname", "value": "Byron"}]
    assert CustomerEntity.objects.get(pk=account["entity_id"]).lastname == "Byron"


def test_opt_outs_list_prints_the_partner_s_keyed_list_and_the_partner_key(settings, tmp_path,
                                                                             django_capture_on_commit_callbacks):
    settings.PRIVACY_OPT_OUT_PARTNERS = ["meta"]
    with django_capture_on_commit_callbacks(execute=False):
        privacy("submit", "--kind", "opt_out", "--email", "ada@example.com", "--json")

    listing = privacy("opt-outs", "list", "--partner", "meta")
    key = privacy("opt-outs", "partner-key", "--partner", "meta").strip()
    privacy("opt-outs", "list", "--partner", "meta", "--format", "json", "--output", str(tmp_path / "meta.json"))

    assert listing.splitlines()[0] == "email_hmac_sha256,opt_out,limit,since" and len(listing.splitlines()) == 2
    assert "ada@" not in listing and len(key) == 44
    assert json.loads((tmp_path / "meta.json").read_text())["partner"] == "meta"
    assert partner_key("meta").hex() not in listing
    with pytest.raises(CommandError, match="--partner: Unknown partner 'google'"):
        privacy("opt-outs", "list", "--partner", "google")


@pytest.mark.django_db(databases=["default", "magento"])
def test_opt_outs_apply_prints_counts_per_kind(magento_schema):
    summary = privacy("opt-outs", "apply")
    assert set(summary) == {"opt_out", "limit"} and summary["opt_out"]["addresses"] == 0
