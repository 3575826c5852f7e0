"""Read-only summaries of the Magento database."""

from django.db import connections

from privacy.sources.magento.router import MAGENTO_ALIAS

SUMMARY_TABLES = (
    "customer_entity", "customer_address_entity", "sales_order", "sales_invoice", "sales_shipment", "sales_creditmemo",
    "quote", "newsletter_subscriber", "review_detail", "amazon_customer", "amazon_payv2_async",
)  # fmt: skip


def magento_row_counts(*, using: str = MAGENTO_ALIAS, tables: tuple[str, ...] = SUMMARY_TABLES) -> dict[str, int]:
    """Return {table: number of rows} for the given Magento tables."""
    quote = connections[using].ops.quote_name
    counts = {}
    with connections[using].cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from our own schema
            counts[table] = cursor.fetchone()[0]
    return counts
