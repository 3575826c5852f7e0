"""The words the data map is written in: categories, purposes, legal bases, recipients,
sources, retention rules and anonymization strategies.

Each carries the plain-language text the Art. 15 / CCPA report prints, so the report is
generated from the map and cannot drift from it.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Category(StrEnum):
    IDENTITY = "identity"
    CONTACT = "contact"
    ADDRESS = "address"
    ORDER = "order"
    PAYMENT_REFERENCE = "payment_reference"
    MARKETING = "marketing"
    BEHAVIOUR = "behaviour"
    SECURITY_LOG = "security_log"
    FREE_TEXT = "free_text"


@dataclass(frozen=True)
class CategoryInfo:
    label: str
    description: str
    ccpa: str  # the Cal. Civ. Code 1798.140(v)(1) category it falls under


CATEGORIES: dict[Category, CategoryInfo] = {
    Category.IDENTITY: CategoryInfo(
        _("Identity"), _("name, date of birth, gender, tax/VAT number, account identifiers"),
        _("Identifiers; personal information in customer records (Cal. Civ. Code 1798.80(e))"),
    ),
    Category.CONTACT: CategoryInfo(
        _("Contact details"), _("e-mail address, telephone and fax numbers"), _("Identifiers")
    ),
    Category.ADDRESS: CategoryInfo(
        _("Addresses"), _("billing, shipping and address-book addresses, company"),
        _("Identifiers; personal information in customer records (Cal. Civ. Code 1798.80(e))"),
    ),
    Category.ORDER: CategoryInfo(
        _("Orders and purchases"), _("orders, items, invoices, shipments, credit memos, carts"),
        _("Commercial information"),
    ),
    Category.PAYMENT_REFERENCE: CategoryInfo(
        _("Payment references"),
        _("payment method, Amazon Pay charge permission, charge and refund identifiers; no card numbers"),
        _("Commercial information"),
    ),
    Category.MARKETING: CategoryInfo(
        _("Marketing preferences"), _("newsletter subscription and its history, product alerts"),
        _("Commercial information"),
    ),
    Category.BEHAVIOUR: CategoryInfo(
        _("Shop activity"), _("visits, viewed and compared products, wishlists, ratings"),
        _("Internet or other electronic network activity information"),
    ),
    Category.SECURITY_LOG: CategoryInfo(
        _("Security and log data"), _("IP addresses, log-in times, password-reset and token records"),
        _("Internet or other electronic network activity information"),
    ),
    Category.FREE_TEXT: CategoryInfo(
        _("Messages and free text"), _("order notes, comments, gift messages, reviews"),
        _("Personal information in customer records (Cal. Civ. Code 1798.80(e))"),
    ),
}


class Purpose(StrEnum):
    ACCOUNT = "account"
    CHECKOUT = "checkout"
    ORDER = "order"
    PAYMENT = "payment"
    ACCOUNTING = "accounting"
    MARKETING = "marketing"
    REVIEWS = "reviews"
    PERSONALISATION = "personalisation"
    SECURITY = "security"
    SUPPORT = "support"
    ANALYTICS = "analytics"


PURPOSES: dict[Purpose, str] = {
    Purpose.ACCOUNT: _("Running your customer account"),
    Purpose.CHECKOUT: _("Keeping your shopping cart and checkout"),
    Purpose.ORDER: _("Processing, delivering and servicing your orders"),
    Purpose.PAYMENT: _("Taking and refunding payments, including with Amazon Pay"),
    Purpose.ACCOUNTING: _("Bookkeeping and tax records the law requires us to keep"),
    Purpose.MARKETING: _("Sending the newsletter and product alerts you asked for"),
    Purpose.REVIEWS: _("Publishing the product reviews and ratings you wrote"),
    Purpose.PERSONALISATION: _("Wishlists and recently viewed or compared products"),
    Purpose.SECURITY: _("Protecting your account and the shop against misuse"),
    Purpose.SUPPORT: _("Customer service, including staff logging in to your account with your permission"),
    Purpose.ANALYTICS: _("Shop statistics"),
}


class LegalBasis(StrEnum):
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    LEGITIMATE_INTERESTS = "legitimate_interests"


LEGAL_BASES: dict[LegalBasis, str] = {
    LegalBasis.CONSENT: _("Your consent (Art. 6(1)(a) GDPR), which you can withdraw at any time"),
    LegalBasis.CONTRACT: _("Performance of a contract with you or steps before it (Art. 6(1)(b) GDPR)"),
    LegalBasis.LEGAL_OBLIGATION: _("A legal obligation, such as commercial and tax record keeping (Art. 6(1)(c) GDPR)"),
    LegalBasis.LEGITIMATE_INTERESTS: _("Our legitimate interests in security and running the shop (Art. 6(1)(f) GDPR)"),
}


class Source(StrEnum):
    SUBJECT = "subject"
    AMAZON_PAY = "amazon_pay"
    SHOP_SYSTEMS = "shop_systems"
    STAFF = "staff"


SOURCES: dict[Source, str] = {
    Source.SUBJECT: _("You, when you created an account, placed an order or used the shop"),
    Source.AMAZON_PAY: _("Amazon Pay, when you paid or signed in with Amazon (name, e-mail, addresses, payment references)"),
    Source.SHOP_SYSTEMS: _("The shop's own systems while you used it (logs, identifiers, timestamps)"),
    Source.STAFF: _("Shop staff handling your orders (comments, shipments, credit memos)"),
}


@dataclass(frozen=True)
class Recipient:
    key: str
    name: str
    role: str
    ccpa: str  # how the CCPA report names the kind of party
    independent_controller: bool = False
    third_country: str = ""


HOSTING = Recipient(
    "hosting", _("Hosting and IT service providers"), _("processors acting on our instructions"), _("service providers")
)
CARRIERS = Recipient(
    "carriers", _("Shipping carriers"), _("recipients of your delivery address and tracking data"),
    _("service providers"),
)
AMAZON_PAY = Recipient(
    "amazon_pay",
    _("Amazon Pay (Amazon Payments Europe S.C.A., Luxembourg; Amazon Payments, Inc. in the US; Amazon Japan G.K.)"),
    _("independent controller for the payment and the Amazon account"),
    _("third parties to whom we disclose personal information for a business purpose (payment processing)"),
    independent_controller=True,
    third_country=_("Amazon may process data in the United States; see Amazon Pay's privacy notice for its safeguards"),
)
PAYMENT_PROVIDERS = Recipient(
    "payment_providers", _("Other payment service providers you chose at checkout"),
    _("independent controllers for the payment"), _("third parties (payment processing)"), independent_controller=True,
)
ACCOUNTANTS = Recipient(
    "accountants", _("Accountants, auditors and tax authorities"),
    _("recipients of invoices and bookkeeping records when the law requires it"), _("service providers; government entities"),
)

RECIPIENTS: tuple[Recipient, ...] = (HOSTING, CARRIERS, AMAZON_PAY, PAYMENT_PROVIDERS, ACCOUNTANTS)


class DocumentClass(StrEnum):
    """Records a statutory retention period applies to (Art. 17(3)(b) GDPR)."""

    ORDER = "order"
    INVOICE = "invoice"
    CREDIT_MEMO = "credit_memo"
    SHIPMENT = "shipment"


# Default periods in years, counted from the end of the calendar year the record arose in.
# France (Code de commerce L123-22) keeps books and supporting documents, including order
# forms and delivery notes, 10 years; Germany keeps invoices 8 years (since 2025) and business
# letters 6. Retention policies may set shorter periods per jurisdiction; the map's default is
# the longest so nothing is erased early.
STATUTORY_YEARS: dict[DocumentClass, int] = {
    DocumentClass.ORDER: 10,
    DocumentClass.INVOICE: 10,
    DocumentClass.CREDIT_MEMO: 10,
    DocumentClass.SHIPMENT: 10,
}


class RetentionRule(StrEnum):
    ACCOUNT = "account"  # while the account exists
    CONSENT = "consent"  # until consent is withdrawn
    FIXED = "fixed"  # a fixed number of days from a date column
    STATUTORY = "statutory"  # a document class's statutory period from a date column


@dataclass(frozen=True)
class Retention:
    """How long rows are kept; `from_column` is measured on the row, or on its `of_table` parent."""

    rule: RetentionRule
    days: int | None = None
    from_column: str | None = None
    document_class: DocumentClass | None = None
    of_table: str | None = None

    def describe(self) -> str:
        if self.rule is RetentionRule.ACCOUNT:
            return str(_("As long as your account exists; deleted when you close it or ask us to erase it"))
        if self.rule is RetentionRule.CONSENT:
            return str(_("Until you unsubscribe or withdraw your consent"))
        if self.rule is RetentionRule.FIXED:
            return str(_("%(days)d days, then deleted or anonymized") % {"days": self.days})
        years = STATUTORY_YEARS[self.document_class]
        return str(
            _("%(years)d years from the end of the year of the %(document)s (statutory record keeping), then anonymized")
            % {"years": years, "document": self.document_class.replace("_", " ")}
        )


def while_account() -> Retention:
    return Retention(RetentionRule.ACCOUNT)


def until_withdrawn() -> Retention:
    return Retention(RetentionRule.CONSENT)


def fixed(days: int, *, from_column: str) -> Retention:
    return Retention(RetentionRule.FIXED, days=days, from_column=from_column)


def statutory(document_class: DocumentClass, *, from_column: str = "created_at", of_table: str | None = None) -> Retention:
    return Retention(RetentionRule.STATUTORY, from_column=from_column, document_class=document_class, of_table=of_table)


class Strategy(StrEnum):
    """How a column is anonymized; privacy.sources.strategies renders each as SQL and in Python."""

    NULL = "null"  # SQL NULL; only for nullable columns
    PLACEHOLDER = "placeholder"  # a fixed marker text cut to the column length
    EMAIL = "email"  # a unique, undeliverable address under the reserved .invalid domain
    PHONE = "phone"  # a digits-only placeholder number that passes shop validation
    STREET = "street"  # a placeholder street line
    DATE = "date"  # the date truncated to 1 January of its year
    IP = "ip"  # the unspecified address 0.0.0.0 (0 for integer columns)
    PSEUDONYM = "pseudonym"  # a keyed, deterministic token: same input, same token (keeps joins and unique keys)
    ZERO = "zero"  # 0, for NOT NULL number columns
    JSON_REDACT = "json_redact"  # pseudonymize the column's `json_keys` in a JSON object, keep the rest
    KEEP = "keep"  # left as is: describes the person only with the other columns, e.g. an order total


class ErasureAction(StrEnum):
    DELETE = "delete"  # delete the row
    ANONYMIZE = "anonymize"  # apply every column's strategy now
    HOLD = "hold"  # statutory hold: non-held columns now, held columns when the period ends


class Index(StrEnum):
    """How a link column is searched without a full scan."""

    BTREE = "btree"  # a Magento index is led by the column
    LOCATOR = "locator"  # PrivacyDesk's own blind index of the column, synced incrementally
    NONE = "none"  # small table: searched by scan
