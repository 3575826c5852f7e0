"""Objection to direct marketing (GDPR Art. 21(2)/(3)) and withdrawal of consent to it (Art. 7(3)).

A request of kind `objection`: the requester confirms the address by the e-mailed link (so no one
can silence someone else's newsletter), then the system approves it after discovery and
objection_fulfil ends every newsletter subscription of the person at once (their accounts and
their addresses as a guest, every store view) and suppresses each of their addresses. Whatever in
this service would subscribe an address asks marketing_subscription_allowed first; Magento's own
subscribe form is outside it (docs/rights.md says what the merchant can do).
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.audit import events
from privacy.crypto import email_index
from requests_app import sealing
from requests_app.models import PrivacyRequest
from requests_app.rights.models import MarketingSuppression
from requests_app.selectors import privacy_request_requester
from requests_app.services.common import PERM_WORK, SYSTEM, actor_of, permission_require


def marketing_subscription_allowed(*, email: str) -> bool:
    """False when the address objected to direct marketing: nothing in this service may subscribe it."""
    return not MarketingSuppression.objects.filter(email_index=email_index(email)).exists()


def marketing_suppression_for(*, email: str) -> MarketingSuppression | None:
    return MarketingSuppression.objects.filter(email_index=email_index(email)).first()


def objection_fulfil(privacy_request: PrivacyRequest, now: datetime) -> dict:
    """Handler: unsubscribe every newsletter subscription of the person and suppress each of their addresses."""
    from privacy.sources.discovery import subject_identify
    from privacy.sources.magento.preferences import newsletter_unsubscribe

    subject = subject_identify(email=privacy_request_requester(privacy_request=privacy_request).email)
    emails = sorted(subject.emails)
    outcome = newsletter_unsubscribe(emails=emails, customer_ids=subject.customer_ids, now=now)
    for email in emails:
        MarketingSuppression.objects.get_or_create(email_index=email_index(email), defaults={
            "request": privacy_request, "recorded_at": now, "unsubscribed": outcome.unsubscribed,
            "store_ids": list(outcome.store_ids),
        })
    facts = {"subscriptions": outcome.subscriptions, "unsubscribed": outcome.unsubscribed,
             "store_ids": list(outcome.store_ids), "addresses_suppressed": len(emails)}
    receipt = {"marketing": {**facts, "stopped_at": now.isoformat()}}
    privacy_request.receipt_sealed = sealing.seal_json(privacy_request.pk, "receipt", receipt)
    privacy_request.save(update_fields=["receipt_sealed"])
    events.request_marketing_stopped(actor=SYSTEM, request=privacy_request, details=facts)
    return facts


def marketing_suppression_lift(*, suppression: MarketingSuppression, reason: str, by, now: datetime | None = None) -> None:
    """Remove an address from the suppression list, e.g. the person asked to receive the newsletter again."""
    permission_require(by, PERM_WORK)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for lifting the suppression: it goes into the audit trail.")})
    with transaction.atomic():
        events.marketing_suppression_lifted(actor=actor_of(by), suppression=suppression, details={
            "reason": reason.strip(), "recorded_at": suppression.recorded_at.isoformat(),
            "lifted_at": (now or timezone.now()).isoformat(), "request_id": suppression.request_id,
        })
        suppression.delete()
