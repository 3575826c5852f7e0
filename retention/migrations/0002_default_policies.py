"""The documented default policies and statutory periods (docs/retention.md explains each choice).

Every value stays editable in the admin; this migration only creates rows that do not exist yet.
"""

from django.db import migrations

DE_VOUCHERS = "§147(1) no. 4, (3) AO; §257(1) no. 4, (4) HGB; §14b UStG: accounting vouchers, 8 years since 1 Jan 2025 (BEG IV)"
FR_BOOKS = "Code de commerce L123-22: books and supporting documents (invoices, order forms, delivery notes), 10 years"
US_IRS = (
    "IRS record keeping (Publication 583): 3 years in general, 6 if income was under-reported by more than 25%, "
    "7 for bad-debt or worthless-securities claims; 7 covers all three"
)

PERIODS = [
    ("de", "order", 8, DE_VOUCHERS),
    ("de", "invoice", 8, DE_VOUCHERS),
    ("de", "credit_memo", 8, DE_VOUCHERS),
    ("de", "shipment", 6, "§147(1) no. 2, 3, (3) AO; §257(1) no. 2, 3, (4) HGB: business letters (delivery notes), 6 years"),
    ("de", "books", 10, "§147(1) no. 1, (3) AO; §257(1) no. 1, (4) HGB: books, ledgers, annual accounts, 10 years"),
    *[("fr", document, 10, FR_BOOKS) for document in ("order", "invoice", "credit_memo", "shipment", "books")],
    *[("us", document, 7, US_IRS) for document in ("order", "invoice", "credit_memo", "shipment", "books")],
]

SECURITY = "Art. 6(1)(f) GDPR, legitimate interest in the security of the shop and its accounts"
POLICIES = [
    dict(
        name="orders-anonymize", plan="orders", action="anonymize", schedule="30 2 * * *",
        data_category=(
            "Orders with their addresses, admin grids, items, invoices, shipments, credit memos, comments, "
            "payment details and Amazon Pay references"
        ),
        legal_basis=(
            "Kept under Art. 6(1)(c) and Art. 17(3)(b) GDPR for commercial and tax record keeping (the statutory "
            "period of the shop's jurisdiction per document class). When the last period of an order and its "
            "documents has ended the obligation lapses and the personal fields are anonymized (Art. 5(1)(e)); "
            "amounts, items and dates stay for statistics."
        ),
    ),
    dict(
        name="erasure-holds-release", plan="holds", action="anonymize", schedule="45 2 * * *",
        data_category="Order and document rows kept after an erasure request for statutory record keeping",
        legal_basis=(
            "Kept after erasure only under Art. 17(3)(b) GDPR (legal obligation to keep records); anonymized the "
            "day after the statutory period recorded with the hold ends."
        ),
    ),
    dict(
        name="guest-carts-delete", plan="guest_quotes", action="delete", age_days=90, schedule="0 3 * * *",
        data_category="Guest carts (abandoned or converted): e-mail, name, addresses, items, payment method",
        legal_basis=(
            "Art. 6(1)(b) GDPR while the checkout is in progress; a guest cart untouched for 90 days is no "
            "longer needed (Art. 5(1)(e))."
        ),
    ),
    dict(
        name="customer-carts-delete", plan="customer_quotes", action="delete", age_days=365, schedule="10 3 * * *",
        data_category="Saved carts of customer accounts: items, addresses, payment method",
        legal_basis=(
            "Art. 6(1)(b) GDPR: the cart is kept for the customer's return; after a year without change it is "
            "no longer needed (Art. 5(1)(e))."
        ),
    ),
    dict(
        name="visitor-sessions-purge", plan="customer_visitor", action="delete", age_days=90, schedule="20 3 * * *",
        data_category="Visitor sessions (customer_visitor: customer id, visit times)",
        legal_basis=f"{SECURITY}; 90 days cover session and fraud investigations.",
    ),
    dict(
        name="last-logins-purge", plan="customer_log", action="delete", age_days=1095, schedule="25 3 * * *",
        data_category="Last log-in and log-out times per customer (customer_log)",
        legal_basis=(
            f"{SECURITY}; kept three years, as long as the inactive-accounts rule looks back, then no longer needed."
        ),
    ),
    dict(
        name="report-events-purge", plan="report_event", action="delete", age_days=180, schedule="30 3 * * *",
        data_category="Product views, comparisons and cart additions per customer or visitor (report_event)",
        legal_basis="Art. 6(1)(f) GDPR, legitimate interest in shop statistics; 180 days cover two seasons.",
    ),
    dict(
        name="password-reset-requests-purge", plan="password_reset_request_event", action="delete", age_days=90,
        schedule="35 3 * * *",
        data_category="Password-reset requests: account e-mail and IP address (password_reset_request_event)",
        legal_basis=f"{SECURITY} (abuse limits); 90 days cover abuse investigations.",
    ),
    dict(
        name="send-to-friend-log-purge", plan="sendfriend_log", action="delete", age_days=1, schedule="40 3 * * *",
        data_category="Send-to-a-friend rate-limit log: IP address and time (sendfriend_log)",
        legal_basis=f"{SECURITY} (spam limits); Magento's limit counts the last hour, one day is ample.",
    ),
    dict(
        name="login-as-customer-log-purge", plan="magento_login_as_customer_log", action="delete", age_days=365,
        schedule="45 3 * * *",
        data_category="Staff log-ins as a customer: customer id and e-mail (magento_login_as_customer_log)",
        legal_basis="Art. 6(1)(f) GDPR, accountability for staff access to customer accounts; one year.",
    ),
    dict(
        name="inactive-accounts-close", plan="inactive_accounts", action="close", age_days=1095, notice_days=30,
        schedule="30 4 * * 1", enabled=False,
        data_category="Customer accounts without log-in, order or change for three years, and what hangs off them",
        legal_basis=(
            "Art. 6(1)(b) GDPR ends when the customer stops using the account; after a warning e-mail and 30 "
            "days without a log-in the account is deleted (Art. 5(1)(e)). Off by default: enable it deliberately."
        ),
    ),
]


def create_defaults(apps, schema_editor):
    StatutoryPeriod = apps.get_model("retention", "StatutoryPeriod")
    RetentionPolicy = apps.get_model("retention", "RetentionPolicy")
    for jurisdiction, document_class, years, basis in PERIODS:
        StatutoryPeriod.objects.get_or_create(
            jurisdiction=jurisdiction, document_class=document_class, defaults={"years": years, "legal_basis": basis}
        )
    for policy in POLICIES:
        RetentionPolicy.objects.get_or_create(name=policy["name"], defaults=policy)


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
