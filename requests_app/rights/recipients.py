"""Telling the recipients of corrected data (GDPR Art. 19).

Who received the corrected data follows from the data map: the recipients of every table where
discovery found the person's rows and that holds a category the correction changes. Our own
processors (hosting) are left out: they hold the very rows we corrected. Each remaining recipient
with a privacy contact in PRIVACY_CORRECTION_RECIPIENTS is e-mailed the correction; one without a
contact is recorded as not told, with the reason, for staff to follow up (Art. 19 excuses only
what is impossible or disproportionate).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from privacy.sources import datamap
from privacy.sources.datamap import Category
from requests_app.models import PrivacyRequest
from requests_app.rights.fields import FIELDS
from requests_app.selectors import privacy_request_findings, privacy_request_requester

PROCESSORS = frozenset({"hosting"})
FIELD_CATEGORIES = {
    "firstname": Category.IDENTITY, "lastname": Category.IDENTITY, "dob": Category.IDENTITY, "taxvat": Category.IDENTITY,
    "vat_id": Category.IDENTITY, "email": Category.CONTACT, "telephone": Category.CONTACT, "street": Category.ADDRESS,
    "city": Category.ADDRESS, "postcode": Category.ADDRESS, "region": Category.ADDRESS, "country_id": Category.ADDRESS,
}


def correction_recipients(*, tables, fields) -> list[datamap.Recipient]:
    """Return the recipients (data map order) of the tables that hold a category the corrected fields belong to."""
    categories = {FIELD_CATEGORIES[name] for name in fields if name in FIELD_CATEGORIES}
    keys = set()
    for name in tables:
        entry = datamap.BY_NAME.get(name)
        if entry is not None and categories & {column.category for column in entry.columns}:
            keys |= {recipient.key for recipient in entry.recipients}
    return [recipient for recipient in datamap.RECIPIENTS if recipient.key in keys - PROCESSORS]


def correction_recipients_tell(*, privacy_request: PrivacyRequest, corrections: dict) -> tuple[list[str], list[dict]]:
    """E-mail each recipient with a contact; return (names told, [{name, reason}] not told)."""
    findings = privacy_request_findings(privacy_request=privacy_request)
    tables = findings.summary if findings else {}
    told, not_told = [], []
    for recipient in correction_recipients(tables=tables, fields=corrections):
        contact = settings.PRIVACY_CORRECTION_RECIPIENTS.get(recipient.key)
        if not contact:
            not_told.append({"name": str(recipient.name), "reason": (
                f"No privacy contact for {recipient.key} in PRIVACY_CORRECTION_RECIPIENTS: tell them by hand.")})
            continue
        _notice_send(privacy_request, recipient, contact, corrections, subject=findings.subject if findings else {})
        told.append(str(recipient.name))
    return told, not_told


def _notice_send(privacy_request, recipient, contact: str, corrections: dict, *, subject: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "shop_name": settings.PRIVACY_SHOP_NAME, "controller_email": settings.DEFAULT_FROM_EMAIL,
            "recipient": recipient.name, "request_id": privacy_request.pk,
            "email": privacy_request_requester(privacy_request=privacy_request).email,
            "amazon_buyer_ids": subject.get("amazon_buyer_ids", []) if recipient.key == "amazon_pay" else [],
            "corrections": [(FIELDS[name].label, value) for name, value in corrections.items() if name in FIELDS],
        }
        text = render_to_string("emails/recipient_correction.txt", context)
        html = render_to_string("emails/recipient_correction.html", context)
        subject_line = f"{settings.PRIVACY_SHOP_NAME}: correction of personal data (GDPR Art. 19)"
    mail = EmailMultiAlternatives(subject=subject_line, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[contact])
    mail.attach_alternative(html, "text/html")
    mail.send()
