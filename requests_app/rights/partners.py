"""Keyed lists of opted-out addresses for ad and analytics partners (CCPA §7026(f): pass the opt-out on).

Each partner gets HMAC-SHA256(partner key, e-mail trimmed and lower-cased) of every address that
opted out of sale/sharing or limited its sensitive data, never the address itself. The partner key
is derived from the key ring's integrity root with HKDF-SHA256 (info `opt-out-partner:<name>`,
privacy.crypto.derived_key), so it needs no storage of its own, stays the same as long as the
ring's blind-index key, and differs per partner: two partners cannot join their lists. The partner
gets its key once (`privacy opt-outs partner-key`) and hashes its own users' addresses the same way.
"""

import base64
import csv
import hmac
import io
import json
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from privacy import crypto
from privacy.audit import events
from privacy.crypto import normalize_email
from requests_app.rights.models import OptOutPreference
from requests_app.rights.preferences import preference_email
from requests_app.services.common import actor_of, permission_require

PERM_EXPORT = "rights.export_partner_list"
FORMATS = {"csv": "text/csv", "json": "application/json"}


class PartnerUnknown(ValueError):
    """The partner is not configured; the message lists those that are."""


def partner_key(partner: str) -> bytes:
    """Return the partner's 32-byte HMAC key; raise PartnerUnknown unless PRIVACY_OPT_OUT_PARTNERS names it."""
    if partner not in settings.PRIVACY_OPT_OUT_PARTNERS:
        configured = ", ".join(settings.PRIVACY_OPT_OUT_PARTNERS) or "none yet"
        raise PartnerUnknown(f"Unknown partner {partner!r}: add it to PRIVACY_OPT_OUT_PARTNERS (configured: {configured}).")
    return crypto.derived_key(f"opt-out-partner:{partner}")


def partner_key_issue(*, partner: str, by) -> str:
    """Return the partner's key as URL-safe base64, for handing to the partner once; the hand-over is audited."""
    permission_require(by, PERM_EXPORT)
    key = base64.urlsafe_b64encode(partner_key(partner)).decode()
    with transaction.atomic():
        events.partner_list_exported(actor=actor_of(by), partner=partner, details={"format": "key", "entries": 0})
    return key


def partner_hash(key: bytes, email: str) -> str:
    return hmac.digest(key, normalize_email(email).encode(), "sha256").hex()


@dataclass(frozen=True)
class PartnerEntry:
    hash: str
    kinds: tuple[str, ...]
    since: date


def partner_list(*, partner: str) -> list[PartnerEntry]:
    """Return one entry per opted-out address, sorted by hash (the order says nothing about when or who)."""
    key = partner_key(partner)
    by_address: dict[str, dict] = {}
    for preference in OptOutPreference.objects.order_by("pk").iterator():
        entry = by_address.setdefault(preference.email_index, {"kinds": set(), "since": preference.recorded_at,
                                                               "email": None})
        entry["kinds"].add(preference.kind)
        entry["since"] = min(entry["since"], preference.recorded_at)
        entry["email"] = entry["email"] or preference_email(preference)
    entries = [PartnerEntry(partner_hash(key, entry["email"]), tuple(sorted(entry["kinds"])),
                            timezone.localdate(entry["since"])) for entry in by_address.values()]
    return sorted(entries, key=lambda entry: entry.hash)


def partner_list_render(*, partner: str, entries: list[PartnerEntry], form: str, generated_at: datetime) -> str:
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["email_hmac_sha256", "opt_out", "limit", "since"])
        for entry in entries:
            writer.writerow([entry.hash, int("opt_out" in entry.kinds), int("limit" in entry.kinds), entry.since.isoformat()])
        return out.getvalue()
    return json.dumps({
        "partner": partner, "generated_at": generated_at.isoformat(), "algorithm": "HMAC-SHA256",
        "input": "the e-mail address, surrounding spaces removed, lower case, UTF-8",
        "entries": [{"hash": entry.hash, "kinds": list(entry.kinds), "since": entry.since.isoformat()} for entry in entries],
    }, indent=2) + "\n"


def partner_list_export(*, partner: str, form: str, by, now: datetime | None = None) -> str:
    """Return the partner's keyed list as CSV or JSON; the hand-over is audited (counts only)."""
    permission_require(by, PERM_EXPORT)
    if form not in FORMATS:
        raise ValueError(f"Unknown format {form!r}: use csv or json.")
    now = now or timezone.now()
    entries = partner_list(partner=partner)
    document = partner_list_render(partner=partner, entries=entries, form=form, generated_at=now)
    with transaction.atomic():
        events.partner_list_exported(actor=actor_of(by), partner=partner, details={"format": form, "entries": len(entries)})
    return document
