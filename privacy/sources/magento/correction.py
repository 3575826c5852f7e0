"""Correcting a customer's details in the shop: what the shop holds now, and what a correction would touch.

The person is the accounts of one e-mail address (one per website) plus their orders (the
discovery's order ids, guest orders included). A correction writes to:
- the accounts (customer_entity, or the EAV table of a merchant's attribute) and customer_grid_flat;
- the address book: the default billing address and every entry repeating its postal address
  (street, city, postcode, country); names on the entries that carry the account holder's name;
- orders not yet shipped (no shipment, not complete/closed/canceled): sales_order, the order's
  addresses that are the corrected address (its book entry, or the same postal address) and
  sales_order_grid. An invoice points at its order's billing address: once an order is invoiced,
  its billing address, the names and the tax numbers on it stay as issued.
Shipped, complete, closed and canceled orders and every invoice are never rewritten (tax records);
`kept` lists them so the reply can say so. correction_apply (correction_apply.py) writes it all.
"""

from dataclasses import dataclass, field

from privacy.crypto import normalize_email
from privacy.sources.magento import finder
from privacy.sources.magento.eav import Storage, attribute_storage, eav_values_read
from privacy.sources.magento.models import (
    CustomerAddressEntity, SalesInvoice, SalesOrder, SalesOrderAddress, SalesShipment, StoreWebsite,
)

ACCOUNT_COLUMNS = ("firstname", "lastname", "email", "dob", "taxvat")
ADDRESS_COLUMNS = ("firstname", "lastname", "telephone", "street", "city", "postcode", "region", "country_id", "vat_id")
POSTAL = ("street", "city", "postcode", "country_id")
CLOSED_STATES = frozenset({"complete", "closed", "canceled"})
INVOICE_RECORD_FIELDS = frozenset({"firstname", "lastname", "taxvat", "vat_id"})  # what an issued invoice shows


class CorrectionConflict(Exception):
    """The correction cannot be written as asked (e.g. the new e-mail belongs to another account)."""


@dataclass(frozen=True)
class CurrentValues:
    """What the shop holds now for one account (or, for a guest, on the latest order)."""

    label: str
    values: dict[str, str | None]


@dataclass(frozen=True)
class KeptDocument:
    """A record the correction leaves as it is, and why (invoiced, shipped, complete, closed, canceled)."""

    document: str  # "invoice" or "order"
    number: str
    order: str
    reason: str

    def as_dict(self) -> dict:
        return {"document": self.document, "number": self.number, "order": self.order, "reason": self.reason}


@dataclass(frozen=True)
class CorrectionPreview:
    current: tuple[CurrentValues, ...]
    conflicts: tuple[str, ...]
    orders_follow: tuple[str, ...]
    kept: tuple[KeptDocument, ...]

    @property
    def found(self) -> bool:
        return bool(self.current)


@dataclass
class Scope:
    """The person's rows, read once: accounts, their address book, orders and their documents."""

    email: str
    accounts: list[dict]
    book: dict[int, dict]  # customer_address_entity rows by id
    orders: list[dict]
    order_addresses: dict[int, list[dict]]  # by order id
    shipped: set[int]
    invoices: dict[int, list[str]]  # order id -> invoice numbers
    storages: dict[tuple[str, str], Storage] = field(default_factory=dict)

    def follows(self, order: dict) -> bool:
        return order["state"] not in CLOSED_STATES and order["entity_id"] not in self.shipped

    def followed(self) -> list[dict]:
        return [order for order in self.orders if self.follows(order)]

    def old_postal(self) -> set[tuple]:
        """The postal addresses being corrected: each account's default billing, or a guest's latest order's."""
        rows = [self.book[account["default_billing"]] for account in self.accounts if account["default_billing"] in self.book]
        if not self.accounts and self.orders:
            latest = max(self.orders, key=lambda order: order["entity_id"])
            rows = [row for row in self.order_addresses.get(latest["entity_id"], []) if row["address_type"] == "billing"]
        return {postal(row) for row in rows}

    def old_names(self) -> set[tuple]:
        names = {(account["firstname"], account["lastname"]) for account in self.accounts}
        return names | {(order["customer_firstname"], order["customer_lastname"]) for order in self.orders}


def postal(row: dict) -> tuple:
    return tuple(" ".join(str(row.get(part) or "").split()).casefold() for part in POSTAL)


def scope_load(*, email: str, customer_ids, order_ids, using: str) -> Scope:
    """Read the accounts of email among customer_ids, their address books, and the orders order_ids."""
    email = normalize_email(email)
    accounts = [row for row in finder.rows_in(
        table="customer_entity", column="entity_id", values=customer_ids, using=using,
        select=("entity_id", "website_id", "email", "prefix", "firstname", "middlename", "lastname", "suffix", "dob",
                "taxvat", "default_billing", "default_shipping"),
    ) if normalize_email(row["email"] or "") == email]
    scope = Scope(email=email, accounts=sorted(accounts, key=lambda row: row["entity_id"]), book={}, orders=[],
                  order_addresses={}, shipped=set(), invoices={})
    ids = [account["entity_id"] for account in scope.accounts]
    scope.book = {row["entity_id"]: row for row in CustomerAddressEntity.objects.using(using).filter(parent_id__in=ids).values()}
    orders = SalesOrder.objects.using(using).filter(entity_id__in=list(order_ids)).order_by("entity_id")
    scope.orders = list(orders.values("entity_id", "increment_id", "state", "customer_id", "customer_email",
                                      "customer_firstname", "customer_lastname", "customer_dob", "customer_taxvat"))
    order_pks = [order["entity_id"] for order in scope.orders]
    for row in SalesOrderAddress.objects.using(using).filter(parent_id__in=order_pks).order_by("entity_id").values():
        scope.order_addresses.setdefault(row["parent_id"], []).append(row)
    scope.shipped = set(SalesShipment.objects.using(using).filter(order_id__in=order_pks).values_list("order_id", flat=True))
    for order_id, number in SalesInvoice.objects.using(using).filter(order_id__in=order_pks).values_list("order_id", "increment_id"):
        scope.invoices.setdefault(order_id, []).append(number)
    _eav_overlay(scope, using=using)
    return scope


def _eav_overlay(scope: Scope, *, using: str) -> None:
    """Replace the static column values by the EAV values where the shop keeps an attribute in a value table."""
    for entity_type, columns, rows in (("customer", ACCOUNT_COLUMNS, {a["entity_id"]: a for a in scope.accounts}),
                                       ("customer_address", ADDRESS_COLUMNS, scope.book)):
        for column in columns:
            storage = attribute_storage(entity_type=entity_type, code=column, using=using)
            scope.storages[(entity_type, column)] = storage
            if not storage.static:
                found = eav_values_read(storage, rows, using=using)
                for entity_id, row in rows.items():
                    row[column] = found.get(entity_id)


def kept_documents(scope: Scope) -> list[KeptDocument]:
    """Every invoice of the person's orders, and every order that is shipped or over: none is rewritten."""
    kept = []
    for order in scope.orders:
        for number in scope.invoices.get(order["entity_id"], []):
            kept.append(KeptDocument("invoice", number, order["increment_id"], "invoiced"))
        if not scope.follows(order):
            reason = "shipped" if order["entity_id"] in scope.shipped else order["state"]
            kept.append(KeptDocument("order", order["increment_id"], order["increment_id"], reason))
    return kept


def email_conflicts(scope: Scope, new_email: str, *, using: str) -> list[str]:
    """Return why new_email cannot go on the accounts: Magento keeps one account per e-mail and website."""
    mine = {account["entity_id"] for account in scope.accounts}
    websites = {account["website_id"] for account in scope.accounts}
    taken = finder.rows_by_email(table="customer_entity", column="email", emails=[normalize_email(new_email)],
                                 select=("entity_id", "website_id", "email"), indexed=True, using=using)
    clashes = sorted({row["website_id"] for row in taken if row["entity_id"] not in mine and row["website_id"] in websites})
    names = dict(StoreWebsite.objects.using(using).filter(website_id__in=clashes).values_list("website_id", "name"))
    return [f"Another account on website {names.get(website, website)} already uses the new e-mail address; "
            "Magento allows one account per e-mail and website." for website in clashes]


def _account_values(scope: Scope, account: dict) -> dict:
    billing = scope.book.get(account["default_billing"], {})
    values = {column: account[column] for column in ACCOUNT_COLUMNS}
    values |= {column: billing.get(column) for column in ADDRESS_COLUMNS if column not in values}
    return {key: None if value is None else str(value) for key, value in values.items()}


def _guest_values(scope: Scope) -> dict:
    latest = max(scope.orders, key=lambda order: order["entity_id"])
    billing = next((row for row in scope.order_addresses.get(latest["entity_id"], []) if row["address_type"] == "billing"), {})
    values = {"firstname": latest["customer_firstname"], "lastname": latest["customer_lastname"],
              "email": latest["customer_email"], "dob": latest["customer_dob"], "taxvat": latest["customer_taxvat"]}
    values |= {column: billing.get(column) for column in ADDRESS_COLUMNS if column not in values}
    return {key: None if value is None else str(value) for key, value in values.items()}


def correction_preview(*, email: str, corrections: dict, customer_ids, order_ids, using: str = "magento") -> CorrectionPreview:
    """Return the shop's current values beside nothing personal else: labels, conflicts, orders that follow, kept records."""
    scope = scope_load(email=email, customer_ids=customer_ids, order_ids=order_ids, using=using)
    websites = dict(StoreWebsite.objects.using(using).values_list("website_id", "name"))
    current = [CurrentValues(f"Account {account['entity_id']} ({websites.get(account['website_id'], account['website_id'])})",
                             _account_values(scope, account)) for account in scope.accounts]
    if not scope.accounts and scope.orders:
        current.append(CurrentValues(f"Guest orders (latest {max(o['increment_id'] or '' for o in scope.orders)})",
                                     _guest_values(scope)))
    conflicts = email_conflicts(scope, corrections["email"], using=using) if "email" in corrections else []
    return CorrectionPreview(
        current=tuple(current), conflicts=tuple(conflicts),
        orders_follow=tuple(order["increment_id"] for order in scope.followed()), kept=tuple(kept_documents(scope)),
    )
