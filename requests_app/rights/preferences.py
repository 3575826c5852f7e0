"""Opt-out of sale/sharing and limit of sensitive personal information (CCPA §7026, §7027).

Neither is a verifiable request: intake records the preference at once (preference_record, in
the intake transaction), the request is verified without a link, approved by the system after
discovery, and fulfilled by writing the preference into the shop (preference_fulfil). A Global
Privacy Control signal (`Sec-GPC: 1`) counts as an opt-out of sale/sharing (§7025): opt_outs_record
turns it, or a storefront call, into a request only the first time for an address, so a browser
that sends the signal on every page never floods the queue.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from privacy import keys
from privacy.audit import events
from privacy.audit.actors import Actor
from privacy.crypto import email_index, normalize_email
from requests_app import sealing
from requests_app.models import PrivacyRequest
from requests_app.rights.models import PREFERENCES_SCOPE, OptOutPreference, PreferenceKind, Signal
from requests_app.selectors import privacy_request_requester
from requests_app.services.common import SYSTEM, actor_of
from requests_app.states import OPEN

ATTRIBUTE_SETTINGS = {PreferenceKind.OPT_OUT: "PRIVACY_OPT_OUT_ATTRIBUTE_CODE", PreferenceKind.LIMIT: "PRIVACY_LIMIT_ATTRIBUTE_CODE"}
CHANNEL_SIGNALS = {"web": Signal.FORM, "api": Signal.API}


def gpc_signal(headers) -> bool:
    """True when the request carries the Global Privacy Control signal (`Sec-GPC: 1`)."""
    return (headers.get("Sec-GPC") or "").strip() == "1"


def _aad(kind: str, index: str) -> bytes:
    return f"preference:{kind}:{index}".encode()


def preference_email(preference: OptOutPreference) -> str:
    return keys.decrypt_text(preference.email_sealed, aad=_aad(preference.kind, preference.email_index))


def preference_record(*, privacy_request: PrivacyRequest, email: str, signal: str, by, now: datetime) -> OptOutPreference:
    """Inside the intake transaction: store the request's preference (once per address and kind) and audit it."""
    index = email_index(email)
    signal = signal if signal in Signal.values else CHANNEL_SIGNALS.get(privacy_request.channel, Signal.STAFF)
    key = keys.data_key_for_scope(scope=PREFERENCES_SCOPE)
    preference, created = OptOutPreference.objects.get_or_create(email_index=index, kind=privacy_request.kind, defaults={
        "email_sealed": keys.encrypt_text(normalize_email(email), key=key, aad=_aad(privacy_request.kind, index)),
        "signal": signal, "request": privacy_request, "recorded_at": now,
    })
    events.request_preference_recorded(actor=actor_of(by), request=privacy_request, details={
        "kind": privacy_request.kind, "signal": signal, "new": created, "preference_id": preference.pk,
    })
    return preference


def preference_active(*, email: str, kind: str) -> bool:
    """True when the address already opted out (or limited), or has such a request open."""
    index = email_index(email)
    return (OptOutPreference.objects.filter(email_index=index, kind=kind).exists()
            or PrivacyRequest.objects.filter(email_index=index, kind=kind, state__in=OPEN).exists())


def opt_outs_record(*, email: str, kinds, jurisdiction: str, channel: str, gpc: bool, language: str = "",
                    now: datetime | None = None) -> list[str]:
    """Record the preferences kinds (plus an opt-out when gpc) not yet recorded for email; return the new ones.

    Callers answer the same whatever this returns: the answer must not tell who opted out before.
    """
    from requests_app.services import privacy_request_submit

    wanted = sorted(set(kinds) | ({PreferenceKind.OPT_OUT} if gpc else set()))
    recorded = []
    for kind in wanted:
        if preference_active(email=email, kind=kind):
            continue
        signal = Signal.GPC if gpc and kind == PreferenceKind.OPT_OUT else CHANNEL_SIGNALS.get(channel, Signal.STAFF)
        privacy_request_submit(kind=kind, email=email, jurisdiction=jurisdiction, channel=channel, language=language,
                               details={"signal": str(signal)}, by=Actor.customer(f"{channel}-opt-out"), now=now)
        recorded.append(kind)
    return recorded


def preference_fulfil(privacy_request: PrivacyRequest, now: datetime) -> dict:
    """Handler: write the request's preference into the shop where the merchant configured a place for it."""
    email = privacy_request_requester(privacy_request=privacy_request).email
    preference = OptOutPreference.objects.filter(email_index=privacy_request.email_index, kind=privacy_request.kind).first()
    if preference is None:  # recorded before preferences existed, or removed by staff: record it now
        preference = preference_record(privacy_request=privacy_request, email=email, signal="", by=SYSTEM, now=now)
    shop = preference_apply(preference, emails=[email], now=now)
    receipt = {"preference": {"kind": privacy_request.kind, "signal": preference.signal, **shop}}
    privacy_request.receipt_sealed = sealing.seal_json(privacy_request.pk, "receipt", receipt)
    privacy_request.save(update_fields=["receipt_sealed"])
    events.request_preference_applied(actor=SYSTEM, request=privacy_request, details=shop)
    return {"kind": privacy_request.kind, "preference_id": preference.pk, **shop}


def preference_apply(preference: OptOutPreference, *, emails: list[str], now: datetime) -> dict:
    """Flag the accounts of emails with the configured attribute; remember the outcome on the preference."""
    from privacy.sources.magento.preferences import customer_flag_set

    code = getattr(settings, ATTRIBUTE_SETTINGS[preference.kind])
    if not code:
        outcome = {"attribute": "", "accounts": 0, "note": (
            f"Not written to the shop: {ATTRIBUTE_SETTINGS[preference.kind]} names no customer attribute. Partners get "
            "the preference through the keyed opt-out list.")}
    else:
        flagged = customer_flag_set(emails=emails, attribute_code=code)
        outcome = {"attribute": code, "accounts": flagged.accounts, "note": flagged.problem}
    preference.applied_at = now if not outcome["note"] else preference.applied_at
    preference.shop_accounts, preference.shop_note = outcome["accounts"], outcome["note"][:255]
    preference.save(update_fields=["applied_at", "shop_accounts", "shop_note"])
    return outcome


def opt_out_preferences_apply(*, by=SYSTEM, now: datetime | None = None) -> dict:
    """Write every recorded preference into the shop again (accounts opened since, a newly configured attribute)."""
    from privacy.sources.magento.preferences import customer_flag_set

    now = now or timezone.now()
    summary = {}
    for kind, setting in ATTRIBUTE_SETTINGS.items():
        code = getattr(settings, setting)
        rows = OptOutPreference.objects.filter(kind=kind)
        if not code or not rows.exists():
            summary[kind] = {"attribute": code, "addresses": rows.count(), "accounts": 0, "written": 0}
            continue
        emails = [preference_email(row) for row in rows.iterator()]
        flagged = customer_flag_set(emails=emails, attribute_code=code)
        if not flagged.problem:
            rows.update(applied_at=now)
        summary[kind] = {"attribute": code, "addresses": len(emails), "accounts": flagged.accounts,
                         "written": flagged.written, "problem": flagged.problem}
    with transaction.atomic():
        events.preferences_applied(actor=actor_of(by), details=summary)
    return summary
