"""Write a correction to the shop in one transaction: accounts, address book, grids, unshipped orders.

What is touched and what is kept is described in correction.py. Every write sets the target
value (never a value derived from the one it replaces), so running the same correction twice
changes nothing the second time. A new e-mail that another account of the same website uses is
refused before anything is written (CorrectionConflict); the database's own unique key backs it up.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.db import IntegrityError, transaction

from privacy.crypto import normalize_email
from privacy.sources.magento.correction import (
    ACCOUNT_COLUMNS, ADDRESS_COLUMNS, INVOICE_RECORD_FIELDS, CorrectionConflict, KeptDocument, Scope, email_conflicts,
    kept_documents, postal, scope_load,
)
from privacy.sources.magento.eav import eav_values_write
from privacy.sources.magento.models import (
    CustomerAddressEntity, CustomerEntity, CustomerGridFlat, NewsletterSubscriber, SalesOrder, SalesOrderAddress,
    SalesOrderGrid,
)

UNSUBSCRIBED = 3  # Magento\Newsletter\Model\Subscriber::STATUS_UNSUBSCRIBED


@dataclass(frozen=True)
class CorrectionOutcome:
    before: dict[str, list[str]]  # the distinct values replaced, per detail
    rows: dict[str, int]  # rows written per table
    orders_followed: tuple[str, ...]
    kept: tuple[KeptDocument, ...]
    newsletter_unsubscribed: int


def correction_apply(*, email: str, corrections: dict, customer_ids, order_ids, unsubscribe_new_email: bool = False,
                     now: datetime, using: str = "magento") -> CorrectionOutcome:
    """Write corrections for the person behind email in one transaction on `using`; raise CorrectionConflict.

    unsubscribe_new_email: the new address objected to marketing, so subscriptions moved to it end.
    """
    try:
        with transaction.atomic(using=using):
            _lock(customer_ids, order_ids, using=using)
            scope = scope_load(email=email, customer_ids=customer_ids, order_ids=order_ids, using=using)
            if "email" in corrections and (conflicts := email_conflicts(scope, corrections["email"], using=using)):
                raise CorrectionConflict(" ".join(conflicts))
            writer = _Writer(scope, corrections, now, using)
            writer.run(unsubscribe_new_email=unsubscribe_new_email)
    except IntegrityError as error:  # a concurrent account took the address between the check and the write
        raise CorrectionConflict(f"The shop refused the change ({type(error).__name__}); nothing was written.") from None
    return CorrectionOutcome(
        before={key: sorted(values) for key, values in writer.before.items()}, rows=dict(writer.rows),
        orders_followed=tuple(order["increment_id"] for order in scope.followed()), kept=tuple(kept_documents(scope)),
        newsletter_unsubscribed=writer.unsubscribed,
    )


def _lock(customer_ids, order_ids, *, using: str) -> None:
    """Hold the accounts and orders until commit, so Magento cannot ship or edit them half-way through."""
    list(CustomerEntity.objects.using(using).select_for_update().filter(entity_id__in=list(customer_ids)).values_list("pk"))
    list(SalesOrder.objects.using(using).select_for_update().filter(entity_id__in=list(order_ids)).values_list("pk"))


def _stored(column: str, value: str):
    return date.fromisoformat(value) if column == "dob" else value


class _Writer:
    def __init__(self, scope: Scope, corrections: dict, now: datetime, using: str):
        self.scope, self.corrections, self.now, self.using = scope, corrections, now, using
        self.before: dict[str, set] = defaultdict(set)
        self.rows: dict[str, int] = defaultdict(int)
        self.unsubscribed = 0
        self.old_postal, self.old_names = scope.old_postal(), scope.old_names()
        self.corrected_book: set[int] = set()

    def run(self, *, unsubscribe_new_email: bool) -> None:
        for account in self.scope.accounts:
            self._account(account)
        for row in self.scope.book.values():
            self._book_entry(row)
        for order in self.scope.followed():
            self._order(order)
        for account in self.scope.accounts:
            self._customer_grid(account["entity_id"])
        if "email" in self.corrections:
            self._newsletter(unsubscribe_new_email)

    def _changes(self, row: dict, columns) -> dict:
        """The corrected columns whose value differs in row, remembering what they held."""
        changes = {}
        for column in columns:
            new = self.corrections[column]
            old = row.get(column)
            if (old.isoformat() if isinstance(old, (date, datetime)) else old) != new:
                changes[column] = new
                if old not in (None, ""):
                    self.before[column].add(str(old))
        return changes

    def _write(self, entity_type: str, model, pk: int, changes: dict, **extra) -> None:
        static = {}
        for column, value in changes.items():
            storage = self.scope.storages[(entity_type, column)]
            if storage.static:
                static[column] = _stored(column, value)
            else:
                eav_values_write(storage, {pk: value}, using=self.using)
                self.rows[storage.value_table] += 1
        self.rows[model._meta.db_table] += model.objects.using(self.using).filter(pk=pk).update(**static, **extra)

    def _account(self, account: dict) -> None:
        columns = [column for column in ACCOUNT_COLUMNS if column in self.corrections]
        changes = self._changes(account, columns)
        if changes:
            self._write("customer", CustomerEntity, account["entity_id"], changes, updated_at=self.now)

    def _address_columns(self, row: dict, *, linked: bool) -> list[str]:
        columns = []
        if linked or postal(row) in self.old_postal:
            columns += [column for column in ADDRESS_COLUMNS if column in self.corrections and column not in ("firstname", "lastname")]
        if (row.get("firstname"), row.get("lastname")) in self.old_names:
            columns += [column for column in ("firstname", "lastname") if column in self.corrections]
        return columns

    def _book_entry(self, row: dict) -> None:
        columns = self._address_columns(row, linked=False)
        changes = self._changes(row, columns)
        if set(columns) - {"firstname", "lastname"}:
            self.corrected_book.add(row["entity_id"])
        if changes:
            self._write("customer_address", CustomerAddressEntity, row["entity_id"], changes, updated_at=self.now,
                        **self._region_reset(changes))
            row.update(changes)

    @staticmethod
    def _region_reset(changes: dict) -> dict:
        # The region id points into Magento's directory of the old country/region; the text is what we know now.
        return {"region_id": None} if {"region", "country_id"} & set(changes) else {}

    def _order(self, order: dict) -> None:
        invoiced = order["entity_id"] in self.scope.invoices
        order_changes = self._order_changes(order, invoiced=invoiced)
        if order_changes:
            SalesOrder.objects.using(self.using).filter(pk=order["entity_id"]).update(**order_changes, updated_at=self.now)
            order.update(order_changes)
            self.rows["sales_order"] += 1
        changed = bool(order_changes)
        for row in self.scope.order_addresses.get(order["entity_id"], []):
            if invoiced and row["address_type"] == "billing":
                continue  # the invoice shows this address: it stays as issued
            changed |= self._order_address(row, invoiced=invoiced)
        if changed:
            self._order_grid(order)

    def _order_changes(self, order: dict, *, invoiced: bool) -> dict:
        wanted = {}
        if "email" in self.corrections and normalize_email(order["customer_email"] or "") == self.scope.email:
            wanted["customer_email"] = self.corrections["email"]
        if "dob" in self.corrections:
            wanted["customer_dob"] = datetime.combine(date.fromisoformat(self.corrections["dob"]), time(), tzinfo=UTC)
        if not invoiced and (order["customer_firstname"], order["customer_lastname"]) in self.old_names:
            wanted |= {f"customer_{name}": self.corrections[name] for name in ("firstname", "lastname") if name in self.corrections}
        if not invoiced and "taxvat" in self.corrections:
            wanted["customer_taxvat"] = self.corrections["taxvat"]
        changes = {}
        for column, value in wanted.items():
            old = order[column]
            if old != value:
                changes[column] = value
                if old not in (None, ""):
                    self.before[column.removeprefix("customer_")].add(str(old.date() if column == "customer_dob" else old))
        return changes

    def _order_address(self, row: dict, *, invoiced: bool) -> bool:
        linked = row["customer_address_id"] in self.corrected_book
        columns = [column for column in self._address_columns(row, linked=linked)
                   if not (invoiced and column in INVOICE_RECORD_FIELDS)]
        changes = self._changes(row, columns)
        if "email" in self.corrections and normalize_email(row["email"] or "") == self.scope.email:
            changes["email"] = self.corrections["email"]
        if not changes:
            return False
        self.rows["sales_order_address"] += SalesOrderAddress.objects.using(self.using).filter(pk=row["entity_id"]).update(
            **changes, **self._region_reset(changes))
        row.update(changes)
        return True

    def _order_grid(self, order: dict) -> None:
        rows = {row["address_type"]: row for row in self.scope.order_addresses.get(order["entity_id"], [])}
        values = {"customer_email": order["customer_email"],
                  "customer_name": f"{order['customer_firstname']} {order['customer_lastname']}", "updated_at": self.now}
        for kind in ("billing", "shipping"):
            if kind in rows:
                values[f"{kind}_name"] = f"{rows[kind]['firstname']} {rows[kind]['lastname']}"
                values[f"{kind}_address"] = ",".join(str(rows[kind][part]) for part in ("street", "city", "region", "postcode")
                                                     if rows[kind][part])
        self.rows["sales_order_grid"] += SalesOrderGrid.objects.using(self.using).filter(pk=order["entity_id"]).update(**values)

    def _customer_grid(self, entity_id: int) -> None:
        """Rebuild the account's customer_grid_flat row the way Magento's customer grid indexer does."""
        account = CustomerEntity.objects.using(self.using).filter(pk=entity_id).values().first()
        values = {
            "name": " ".join(account[part] for part in ("prefix", "firstname", "middlename", "lastname", "suffix") if account[part]),
            "email": account["email"], "dob": account["dob"], "taxvat": account["taxvat"],
        }
        billing = self._book_row(account["default_billing"])
        shipping = self._book_row(account["default_shipping"])
        if billing:
            values |= {f"billing_{column}": billing[column] for column in (
                "firstname", "lastname", "telephone", "postcode", "country_id", "region", "region_id", "street", "city",
                "fax", "vat_id", "company")}
            values["billing_full"] = _full(billing)
        if shipping:
            values["shipping_full"] = _full(shipping)
        self.rows["customer_grid_flat"] += CustomerGridFlat.objects.using(self.using).filter(pk=entity_id).update(**values)

    def _book_row(self, address_id) -> dict | None:
        return CustomerAddressEntity.objects.using(self.using).filter(pk=address_id).values().first() if address_id else None

    def _newsletter(self, unsubscribe: bool) -> None:
        """Move the person's subscriptions to the new address, ending them if that address objected to marketing."""
        ids = [account["entity_id"] for account in self.scope.accounts]
        rows = NewsletterSubscriber.objects.using(self.using)
        mine = [row for row in rows.filter(customer_id__in=ids).values("subscriber_id")]
        guests = rows.filter(customer_id=0, subscriber_email__iexact=self.scope.email).values("subscriber_id")
        pks = [row["subscriber_id"] for row in [*mine, *guests]]
        self.rows["newsletter_subscriber"] += rows.filter(pk__in=pks).update(subscriber_email=self.corrections["email"])
        if unsubscribe:
            self.unsubscribed = rows.filter(pk__in=pks).exclude(subscriber_status=UNSUBSCRIBED).update(
                subscriber_status=UNSUBSCRIBED, change_status_at=self.now)


def _full(address: dict) -> str:
    # The indexer's CONCAT_WS(' ', street, city, region, postcode)
    return " ".join(str(address[part]) for part in ("street", "city", "region", "postcode") if address[part])
