"""The information that must accompany a copy of personal data, generated from the data map.

GDPR Art. 15(1)(a)-(h) and 15(2); for a CCPA right-to-know, the categories of personal
information, of sources, the business purposes and the categories of third parties
(Cal. Civ. Code 1798.110). Only the tables that actually hold the person's data speak.
"""

from django.utils.translation import gettext_lazy as _

from privacy.sources import datamap
from privacy.sources.datamap import CATEGORIES, LEGAL_BASES, PURPOSES, SOURCES

SUPERVISORY_AUTHORITIES = {
    "gdpr": _(
        "the data protection supervisory authority of the EU or EEA member state where you live, work or where "
        "you believe the infringement took place (Art. 77 GDPR)"
    ),
    "uk_gdpr": _("the Information Commissioner's Office (ICO), ico.org.uk, in the United Kingdom"),
    "ccpa": _("the California Privacy Protection Agency (cppa.ca.gov) or the California Attorney General"),
    "other": _("the data protection authority responsible where you live"),
}

RIGHTS = (
    ("rectification", _("Rectification: have inaccurate data corrected and incomplete data completed (Art. 16 GDPR).")),
    ("erasure", _("Erasure: have your data deleted where no law requires us to keep it (Art. 17 GDPR).")),
    ("restriction", _("Restriction: have the use of your data limited, e.g. while its accuracy is checked (Art. 18 GDPR).")),
    ("objection", _("Objection: object to processing based on our legitimate interests, and to direct marketing at any time (Art. 21 GDPR).")),
    ("portability", _("Portability: receive the data you gave us in a machine-readable form (Art. 20 GDPR); data.json and the CSV files are that form.")),
    ("withdraw_consent", _("Withdrawal of consent at any time, without affecting earlier processing (Art. 7(3) GDPR).")),
)  # fmt: skip

CCPA_RIGHTS = (
    _("Right to know what personal information we collect, use and disclose (this report)."),
    _("Right to delete personal information, subject to legal exceptions."),
    _("Right to correct inaccurate personal information."),
    _("Right to opt out of the sale or sharing of personal information."),
    _("Right to limit the use of sensitive personal information."),
    _("Right not to be discriminated against for using these rights."),
)

AUTOMATED_DECISIONS = _(
    "We take no decision about you based solely on automated processing, including profiling, that produces legal "
    "effects for you or similarly significantly affects you (Art. 22 GDPR)."
)

AMAZON_PAY_HOLDS = _(
    "When you pay or sign in with Amazon Pay, Amazon (Amazon Payments Europe S.C.A. in the EU and UK, Amazon "
    "Payments, Inc. in the US, Amazon Japan G.K. in Japan) is a separate, independent controller of your Amazon "
    "account, the payment instruments you use, your Amazon addresses and its own records of each payment. We hold only "
    "what Amazon passed to us for your order (name, e-mail, addresses) and the payment references listed here."
)
AMAZON_PAY_ASK = _(
    "To get a copy of what Amazon holds, or to have it erased, ask Amazon directly: sign in to your Amazon account and "
    "use 'Request your data' (amazon.com/gp/privacycentral/dsar/preview.html, or the same page on your Amazon site), "
    "or contact Amazon Pay customer service. Amazon answers these requests itself."
)


def _tables(table_names):
    return [datamap.table(name) for name in sorted(set(table_names), key=list(datamap.BY_NAME).index)]


def gdpr_information(*, table_names, jurisdiction: str, supervisory_authority: str = "") -> dict:
    """Return Art. 15(1)(a)-(h) and 15(2) for the tables that hold the person's data."""
    tables = _tables(table_names)
    return {
        "purposes": _purposes(tables),
        "categories": _categories(tables),
        "recipients": _recipients(tables),
        "retention": _retention(tables),
        "rights": [str(text) for _key, text in RIGHTS],
        "complaint": str(_("You may lodge a complaint with %(authority)s."))
        % {"authority": supervisory_authority or SUPERVISORY_AUTHORITIES.get(jurisdiction, SUPERVISORY_AUTHORITIES["other"])},
        "sources": _texts(SOURCES[source] for entry in tables for source in entry.sources),
        "automated_decision_making": str(AUTOMATED_DECISIONS),
        "transfers": _texts(recipient.third_country for entry in tables for recipient in entry.recipients if recipient.third_country),
    }


def _texts(items) -> list[str]:
    return sorted({str(item) for item in items})


def ccpa_information(*, table_names) -> dict:
    """Return what a CCPA right-to-know response states besides the specific pieces."""
    tables = _tables(table_names)
    return {
        "categories": _texts(CATEGORIES[column.category].ccpa for entry in tables for column in entry.columns),
        "sources": _texts(SOURCES[source] for entry in tables for source in entry.sources),
        "business_purposes": _texts(PURPOSES[entry.purpose] for entry in tables),
        "third_parties": _texts(f"{recipient.name}: {recipient.ccpa}" for entry in tables for recipient in entry.recipients),
        "sold_or_shared": str(
            _("None. We do not sell your personal information or share it for cross-context behavioural advertising.")
        ),
        "rights": [str(text) for text in CCPA_RIGHTS],
    }


def _purposes(tables) -> list[dict]:
    grouped: dict = {}
    for entry in tables:
        item = grouped.setdefault((entry.purpose, entry.basis), set())
        item.update(CATEGORIES[column.category].label for column in entry.columns)
    return [
        {"purpose": str(PURPOSES[purpose]), "legal_basis": str(LEGAL_BASES[basis]), "categories": sorted(str(label) for label in labels)}
        for (purpose, basis), labels in grouped.items()
    ]


def _categories(tables) -> list[dict]:
    used = {column.category for entry in tables for column in entry.columns}
    return [
        {"category": category.value, "label": str(CATEGORIES[category].label), "description": str(CATEGORIES[category].description)}
        for category in datamap.Category
        if category in used
    ]


def _recipients(tables) -> list[dict]:
    seen = {recipient.key: recipient for entry in tables for recipient in entry.recipients}
    return [
        {"name": str(recipient.name), "role": str(recipient.role), "independent_controller": recipient.independent_controller}
        for recipient in datamap.RECIPIENTS
        if recipient.key in seen
    ]


def _retention(tables) -> list[dict]:
    grouped: dict[str, list[str]] = {}
    for entry in tables:
        grouped.setdefault(str(entry.retention.describe()), []).append(entry.name)
    return [{"period": period, "tables": names} for period, names in grouped.items()]
