"""Keyed opt-out lists for ad and analytics partners: a key per partner derived from the key ring, HMAC of each
opted-out address, CSV/JSON for officers, audited hand-over, refused to everyone else."""

import csv
import hmac
import io
import json

import pytest
from django.core.exceptions import PermissionDenied

from privacy import crypto
from privacy.audit.models import AuditEvent
from requests_app.rights.partners import (
    PartnerUnknown,
    partner_key,
    partner_key_issue,
    partner_list,
    partner_list_export,
)
from tests.requests_app.helpers import OPERATOR, staff_user, submit
from tests.requests_app.rights.helpers import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def partners(settings):
    settings.PRIVACY_OPT_OUT_PARTNERS = ["google_ads", "meta"]


@pytest.fixture
def opted_out(django_capture_on_commit_callbacks):
    """Two addresses: one opted out of sale, the other of sale and limited its sensitive data (shop unreachable)."""
    with django_capture_on_commit_callbacks(execute=False):
        submit(kind="opt_out", email=" Ada@Example.com", jurisdiction="ccpa")
        submit(kind="opt_out", email="bob@example.com", jurisdiction="ccpa")
        submit(kind="limit", email="bob@example.com", jurisdiction="ccpa")


def test_each_partner_has_its_own_key_derived_from_the_key_ring():
    assert partner_key("google_ads") == crypto.derived_key("opt-out-partner:google_ads")
    assert partner_key("google_ads") != partner_key("meta") and len(partner_key("meta")) == 32
    with pytest.raises(PartnerUnknown, match="PRIVACY_OPT_OUT_PARTNERS .configured: google_ads, meta"):
        partner_key("tiktok")


def test_the_list_holds_one_keyed_hash_per_address_with_its_choices(opted_out):
    entries = partner_list(partner="google_ads")

    expected = {hmac.digest(partner_key("google_ads"), email.encode(), "sha256").hex(): kinds
                for email, kinds in (("ada@example.com", ("opt_out",)), ("bob@example.com", ("limit", "opt_out")))}
    assert {entry.hash: entry.kinds for entry in entries} == expected
    assert {entry.hash for entry in partner_list(partner="meta")}.isdisjoint(expected)


def test_an_officer_downloads_csv_or_json_and_the_hand_over_is_audited(opted_out):
    officer = staff_user("olivia", "Privacy officer")
    client = client_for(officer)

    as_csv = client.get("/api/v1/staff/opt-out-lists/google_ads/csv/")
    as_json = client.get("/api/v1/staff/opt-out-lists/google_ads/json/")

    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert as_csv["Content-Type"] == "text/csv" and len(rows) == 2
    assert {row["opt_out"] + row["limit"] for row in rows} == {"10", "11"}
    body = json.loads(as_json.content)
    assert body["algorithm"] == "HMAC-SHA256" and len(body["entries"]) == 2
    assert "example.com" not in as_csv.content.decode() + as_json.content.decode()
    assert AuditEvent.objects.filter(action="preferences.partner_list_exported", target_id="google_ads").count() == 2
    assert client.get("/api/v1/staff/opt-out-lists/tiktok/csv/").status_code == 404


def test_an_agent_may_not_hand_out_a_partner_list_or_key(opted_out):
    agent = staff_user("alex", "Agent")
    with pytest.raises(PermissionDenied):
        partner_list_export(partner="meta", form="csv", by=agent)
    with pytest.raises(PermissionDenied):
        partner_key_issue(partner="meta", by=agent)
    assert partner_key_issue(partner="meta", by=OPERATOR)  # the shell operator may
