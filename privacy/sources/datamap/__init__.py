"""The one data map: every table and column of the shop database that holds personal data.

It drives discovery (how rows link to a person), the export and its Art. 15 / CCPA report
(categories, purposes, legal bases, recipients, sources, retention), erasure (delete,
anonymize with a named strategy, or hold under statutory retention) and retention.
Adding a Magento extension's table is one `Table` entry here, or one `NotPersonal` entry
when it was reviewed and holds nothing about shoppers.
"""

from functools import cache

from privacy.sources.datamap import customer, engagement, sales
from privacy.sources.datamap.model import (
    ByAmazonBuyer,
    ByChargePermission,
    ByCustomer,
    ByEmail,
    ByParent,
    ChargePermissionSource,
    Column,
    Link,
    NotPersonal,
    Table,
)
from privacy.sources.datamap.vocabulary import (
    CATEGORIES,
    LEGAL_BASES,
    PURPOSES,
    RECIPIENTS,
    SOURCES,
    STATUTORY_YEARS,
    Category,
    DocumentClass,
    ErasureAction,
    Index,
    LegalBasis,
    Purpose,
    Recipient,
    Retention,
    RetentionRule,
    Source,
    Strategy,
)

TABLES: tuple[Table, ...] = (*customer.TABLES, *sales.TABLES, *engagement.TABLES)

NOT_PERSONAL: tuple[NotPersonal, ...] = (
    NotPersonal("catalog_product_entity", "the product catalogue"),
    NotPersonal("eav_attribute", "attribute definitions"),
    NotPersonal("eav_entity_type", "entity type definitions"),
    NotPersonal("store", "store views; names are the shop's"),
    NotPersonal("store_group", "store groups; names are the shop's"),
    NotPersonal("store_website", "websites; names are the shop's"),
    NotPersonal("rating", "rating definitions"),
    NotPersonal("rating_entity", "rating targets"),
    NotPersonal("rating_option", "rating scale options"),
    NotPersonal("review", "which product a review is about and its status; the author is in review_detail"),
    NotPersonal("review_entity", "review targets"),
    NotPersonal("review_status", "review statuses"),
    NotPersonal("report_event_types", "event type names"),
    NotPersonal("newsletter_template", "newsletter templates; the sender is the shop"),
    NotPersonal("newsletter_queue", "newsletter issues; the sender is the shop"),
    NotPersonal("oauth_consumer", "integrations registered by the shop, not shoppers"),
    NotPersonal("quote_id_mask", "random masks of cart ids; deleted with the cart"),
    NotPersonal("downloadable_link_purchased_item", "download links of a purchase; the buyer is on the purchase"),
    NotPersonal("vault_payment_token_order_payment_link", "ids only, joining a stored payment method to an order"),
    NotPersonal("paypal_billing_agreement_order", "ids only, joining a billing agreement to an order"),
)

BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
NOT_PERSONAL_NAMES: frozenset[str] = frozenset(entry.name for entry in NOT_PERSONAL)


def table(name: str) -> Table:
    return BY_NAME[name]


def linked_tables() -> tuple[Table, ...]:
    return tuple(entry for entry in TABLES if entry.linked)


@cache
def resolution_order() -> tuple[Table, ...]:
    """Return the linked tables so that every table comes after those its links depend on.

    A ByParent link depends on its parent table; a ByChargePermission link on every table
    that names charge permissions.
    """
    providers = {entry.name for entry in TABLES if entry.charge_permissions}
    pending = {entry.name: set(_dependencies(entry, providers)) for entry in linked_tables()}
    ordered: list[Table] = []
    while pending:
        ready = [name for name, needs in pending.items() if not needs - {done.name for done in ordered}]
        if not ready:
            raise ValueError(f"data map links form a cycle among: {', '.join(sorted(pending))}")
        for name in sorted(ready, key=list(BY_NAME).index):
            ordered.append(BY_NAME[name])
            del pending[name]
    return tuple(ordered)


def _dependencies(entry: Table, providers: set[str]):
    for link in entry.links:
        if isinstance(link, ByParent):
            yield link.parent
        elif isinstance(link, ByChargePermission):
            yield from providers - {entry.name}


__all__ = [
    "BY_NAME", "CATEGORIES", "LEGAL_BASES", "NOT_PERSONAL", "NOT_PERSONAL_NAMES", "PURPOSES", "RECIPIENTS",
    "SOURCES", "STATUTORY_YEARS", "TABLES", "ByAmazonBuyer", "ByChargePermission", "ByCustomer", "ByEmail",
    "ByParent", "Category", "ChargePermissionSource", "Column", "DocumentClass", "ErasureAction", "Index",
    "LegalBasis", "Link", "NotPersonal", "Purpose", "Recipient", "Retention", "RetentionRule", "Source",
    "Strategy", "Table", "linked_tables", "resolution_order", "table",
]
