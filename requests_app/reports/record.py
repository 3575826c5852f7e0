"""The record of processing activities (GDPR Art. 30(1)), generated from the data map and the
retention policies, so it cannot drift from what discovery, erasure and retention really do.

One activity per purpose of the data map (b), with its data subjects and data categories (c),
recipients (d), transfers (e) and erasure time limits (f); the controller's contacts (a) come
from settings, the security measures (g) from security.py; the retention policies and the
statutory periods are listed in full as the evidence behind (f). The service's own processing
(answering the requests) is the last activity.
"""

from collections import defaultdict

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy, ngettext

from privacy.sources import datamap
from privacy.sources.datamap import CATEGORIES, RECIPIENTS, Purpose, RetentionRule
from requests_app.reports.documents import document_render
from requests_app.reports.security import security_measures
from retention.models import Jurisdiction, StatutoryPeriod
from retention.selectors import (
    MissingStatutoryPeriod,
    document_in_a_sentence,
    retention_record,
    shop_jurisdiction,
    statutory_period,
)

# The data map speaks to the shopper ("your orders"); the record names activities for an authority.
ACTIVITIES: dict[Purpose, str] = {
    Purpose.ACCOUNT: gettext_lazy("Customer accounts"),
    Purpose.CHECKOUT: gettext_lazy("Shopping carts and checkout"),
    Purpose.ORDER: gettext_lazy("Order processing, delivery and after-sales service"),
    Purpose.PAYMENT: gettext_lazy("Payments and refunds, including Amazon Pay"),
    Purpose.ACCOUNTING: gettext_lazy("Bookkeeping and statutory tax records"),
    Purpose.MARKETING: gettext_lazy("Newsletter and product alerts"),
    Purpose.REVIEWS: gettext_lazy("Product reviews and ratings"),
    Purpose.PERSONALISATION: gettext_lazy("Wishlists, recently viewed and compared products"),
    Purpose.SECURITY: gettext_lazy("Security of the shop and its accounts"),
    Purpose.SUPPORT: gettext_lazy("Customer service, including staff log-in as a customer"),
    Purpose.ANALYTICS: gettext_lazy("Shop statistics"),
}
SUBJECTS: dict[Purpose, tuple[str, ...]] = {
    Purpose.ACCOUNT: (gettext_lazy("Customers with an account"),),
    Purpose.CHECKOUT: (gettext_lazy("Customers"), gettext_lazy("Guest shoppers")),
    Purpose.ORDER: (gettext_lazy("Customers"), gettext_lazy("Guest buyers"), gettext_lazy("Gift recipients")),
    Purpose.PAYMENT: (gettext_lazy("Customers"), gettext_lazy("Guest buyers"), gettext_lazy("Amazon Pay users")),
    Purpose.ACCOUNTING: (gettext_lazy("Customers"), gettext_lazy("Guest buyers")),
    Purpose.MARKETING: (gettext_lazy("Newsletter subscribers"), gettext_lazy("People who asked for product alerts")),
    Purpose.REVIEWS: (gettext_lazy("Authors of reviews and ratings"),),
    Purpose.PERSONALISATION: (gettext_lazy("Customers"), gettext_lazy("Visitors")),
    Purpose.SECURITY: (gettext_lazy("Customers"), gettext_lazy("Visitors"), gettext_lazy("Users of the shop's forms")),
    Purpose.SUPPORT: (gettext_lazy("Customers who allowed staff to log in to their account"),),
    Purpose.ANALYTICS: (gettext_lazy("Visitors"), gettext_lazy("Customers")),
}
SOURCES = {
    "subject": gettext_lazy("The data subject"),
    "amazon_pay": gettext_lazy("Amazon Pay"),
    "shop_systems": gettext_lazy("The shop's own systems"),
    "staff": gettext_lazy("Shop staff"),
}
BASES = {
    "consent": gettext_lazy("Consent, Art. 6(1)(a) GDPR"),
    "contract": gettext_lazy("Contract or steps before it, Art. 6(1)(b) GDPR"),
    "legal_obligation": gettext_lazy("Legal obligation, Art. 6(1)(c) GDPR"),
    "legitimate_interests": gettext_lazy("Legitimate interests, Art. 6(1)(f) GDPR"),
}


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _statutory_years(document_class: str) -> tuple[int, str]:
    """Years kept in the shop's jurisdiction (retention's statutory periods), else the data map's default."""
    try:
        period = statutory_period(document_class=document_class)
        return period.years, period.legal_basis
    except MissingStatutoryPeriod:
        return datamap.STATUTORY_YEARS[document_class], _("the data map's default period")


def time_limit(retention) -> str:
    """The erasure time limit of a data-map retention rule, in words for the record."""
    if retention.rule is RetentionRule.ACCOUNT:
        return _("While the customer account exists; deleted when it is closed or erased on request")
    if retention.rule is RetentionRule.CONSENT:
        return _("Until consent is withdrawn or the subscription ends; then deleted")
    if retention.rule is RetentionRule.FIXED:
        return ngettext("%(days)d day from %(column)s, then deleted or anonymized",
                        "%(days)d days from %(column)s, then deleted or anonymized", retention.days) % {
            "days": retention.days, "column": retention.from_column}
    years, law = _statutory_years(retention.document_class)
    measured = f"{retention.of_table}.{retention.from_column}" if retention.of_table else retention.from_column
    return _("%(years)d years from the end of the calendar year of the %(document)s (%(column)s; %(law)s), "
             "then anonymized") % {"years": years, "document": document_in_a_sentence(retention.document_class),
                                   "column": measured, "law": law}


def _activity(purpose: Purpose, tables) -> dict:
    limits = defaultdict(list)
    for entry in tables:
        limits[time_limit(entry.retention)].append(entry.name)
    used = {column.category for entry in tables for column in entry.columns}
    recipients = {recipient.key for entry in tables for recipient in entry.recipients}
    return {
        "purpose": purpose.value,
        "name": str(ACTIVITIES[purpose]),
        "legal_bases": _unique(str(BASES[entry.basis]) for entry in tables),
        "data_subjects": [str(subject) for subject in SUBJECTS[purpose]],
        "data_categories": [str(CATEGORIES[category].label) for category in datamap.Category if category in used],
        "recipients": [_recipient(recipient) for recipient in RECIPIENTS if recipient.key in recipients],
        "sources": _unique(str(SOURCES[source]) for entry in tables for source in entry.sources),
        "erasure_time_limits": [{"limit": limit, "tables": names} for limit, names in limits.items()],
        "tables": [entry.name for entry in tables],
    }


def _recipient(recipient) -> dict:
    return {
        "name": str(recipient.name), "role": str(recipient.role),
        "independent_controller": recipient.independent_controller, "third_country": str(recipient.third_country),
    }


def _categories() -> list[dict]:
    purposes = defaultdict(set)
    for entry in datamap.TABLES:
        for column in entry.columns:
            purposes[column.category].add(entry.purpose)
    return [
        {"category": category.value, "label": str(CATEGORIES[category].label),
         "description": str(CATEGORIES[category].description),
         "activities": [str(ACTIVITIES[purpose]) for purpose in Purpose if purpose in purposes[category]]}
        for category in datamap.Category
    ]


def _transfers() -> list[dict]:
    return [
        {"recipient": str(recipient.name), "role": str(recipient.role), "where": str(recipient.third_country),
         "safeguards": _("Disclosed to an independent controller for the payment the customer chose; the "
                         "recipient answers for its own transfers and safeguards, as stated in its privacy notice.")}
        for recipient in RECIPIENTS if recipient.third_country
    ]


def _request_handling() -> dict:
    months, days = settings.PRIVACY_RECORD_KEEPING_MONTHS, settings.PRIVACY_EXPORT_RETENTION_DAYS
    return {
        "purpose": "privacy_requests",
        "name": _("Answering data-subject requests (this service, PrivacyDesk)"),
        "legal_bases": [str(BASES["legal_obligation"]) + _(" (Art. 12 to 22 GDPR; CCPA regulations §7101)")],
        "data_subjects": [_("People who make a privacy request, and their authorized agents")],
        "data_categories": [str(CATEGORIES[datamap.Category.CONTACT].label),
                            str(CATEGORIES[datamap.Category.IDENTITY].label),
                            _("The request, its verification and its outcome")],
        "recipients": [_recipient(recipient) for recipient in RECIPIENTS if recipient.key == "hosting"],
        "sources": [str(SOURCES["subject"])],
        "erasure_time_limits": [
            {"limit": _("%(months)d months after the request is closed, then its data key is destroyed and only a "
                        "minimised record remains (dates, kind, outcome)") % {"months": months},
             "tables": ["privacy requests"]},
            {"limit": _("%(days)d days after the export is made") % {"days": days}, "tables": ["export packages"]},
        ],
        "tables": [],
    }


def _controller() -> dict:
    return {
        "name": settings.PRIVACY_CONTROLLER_NAME, "address": settings.PRIVACY_CONTROLLER_ADDRESS,
        "email": settings.PRIVACY_CONTROLLER_EMAIL, "dpo_name": settings.PRIVACY_DPO_NAME,
        "dpo_email": settings.PRIVACY_DPO_EMAIL, "representative": settings.PRIVACY_EU_REPRESENTATIVE,
        "supervisory_authority": settings.PRIVACY_SUPERVISORY_AUTHORITY,
    }


def _statutory_periods() -> list[dict]:
    return [
        {"jurisdiction": period.get_jurisdiction_display(), "document": period.get_document_class_display(),
         "years": period.years, "legal_basis": period.legal_basis,
         "applies": period.jurisdiction == shop_jurisdiction()}
        for period in StatutoryPeriod.objects.order_by("jurisdiction", "document_class")
    ]


def processing_record(*, now=None) -> dict:
    """Return the Art. 30(1) record as plain data (what the JSON holds and the HTML prints)."""
    by_purpose = defaultdict(list)
    for entry in datamap.TABLES:
        by_purpose[entry.purpose].append(entry)
    return {
        "record": "gdpr_art_30_1",
        "generated_at": timezone.localtime(now or timezone.now()).isoformat(),
        "controller": _controller(),
        "activities": [_activity(purpose, by_purpose[purpose]) for purpose in Purpose if by_purpose[purpose]]
        + [_request_handling()],
        "data_categories": _categories(),
        "transfers": _transfers(),
        "retention_policies": retention_record(),
        "retention_jurisdiction": str(Jurisdiction(shop_jurisdiction()).label),
        "statutory_periods": _statutory_periods(),
        "security_measures": security_measures(),
    }


def record_html(record: dict, *, standalone: bool = True) -> str:
    return document_render("reports/record.html", {"record": record}, standalone=standalone)
