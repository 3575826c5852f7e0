"""A person's preferences written into the shop: an opt-out flag on their accounts, the end of their newsletters.

Both are set-based and idempotent: a second run finds nothing left to change.
- customer_flag_set: value 1 of a customer EAV attribute of backend type int (customer_entity_int)
  on every account of the given e-mail addresses, on every website. Magento integrations (feeds to
  ad platforms, analytics tags) read the attribute to leave the customer out.
- newsletter_unsubscribe: every newsletter_subscriber row of the person's accounts and of their
  e-mail addresses as a guest, in every store view, becomes status 3 (unsubscribed) now.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connections, transaction

from privacy.crypto import normalize_email
from privacy.sources.magento import finder
from privacy.sources.magento.models import CustomerEntity, EavAttribute, NewsletterSubscriber
from privacy.sources.magento.rowkeys import chunks

UNSUBSCRIBED = 3  # Magento\Newsletter\Model\Subscriber::STATUS_UNSUBSCRIBED
SCAN_ABOVE = 200  # more addresses than this: one pass over customer_entity beats per-address look-ups


@dataclass(frozen=True)
class FlagOutcome:
    accounts: int  # accounts of the addresses found in the shop
    written: int  # rows inserted or changed (0 when every account already had the flag)
    problem: str = ""  # why nothing could be written, for the request's record


@dataclass(frozen=True)
class UnsubscribeOutcome:
    subscriptions: int  # rows of the person, whatever their status
    unsubscribed: int  # rows this run changed
    store_ids: tuple[int, ...]


def _attribute(code: str, *, using: str) -> tuple[int | None, str]:
    row = (EavAttribute.objects.using(using).filter(entity_type__entity_type_code="customer", attribute_code=code)
           .values("attribute_id", "backend_type").first())
    if row is None:
        return None, (f"The shop has no customer attribute {code!r}: create it (backend type int, default 0) "
                      "or correct the attribute code in the settings.")
    if row["backend_type"] != "int":
        return None, f"The customer attribute {code!r} is stored as {row['backend_type']}, not int: it cannot hold the flag."
    return row["attribute_id"], ""


def accounts_of(emails, *, using: str) -> list[int]:
    """Return the ids of the accounts whose e-mail is one of emails (any case or spacing), on every website."""
    wanted = {normalize_email(email) for email in emails}
    if len(wanted) <= SCAN_ABOVE:
        rows = finder.rows_by_email(table="customer_entity", column="email", emails=wanted, select=("entity_id", "email"),
                                    indexed=True, using=using)
        return sorted(row["entity_id"] for row in rows)
    pairs = CustomerEntity.objects.using(using).values_list("entity_id", "email").iterator(chunk_size=5000)
    return sorted(entity_id for entity_id, email in pairs if email and normalize_email(email) in wanted)


def customer_flag_set(*, emails, attribute_code: str, using: str = "magento") -> FlagOutcome:
    """Set attribute_code to 1 on every account of emails, in one transaction."""
    attribute_id, problem = _attribute(attribute_code, using=using)
    if attribute_id is None:
        return FlagOutcome(accounts=0, written=0, problem=problem)
    ids = accounts_of(emails, using=using)
    quote = connections[using].ops.quote_name
    values, entities = quote("customer_entity_int"), quote("customer_entity")
    written = 0
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for chunk in chunks(ids):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"UPDATE {values} SET value = 1 WHERE attribute_id = %s AND entity_id IN ({marks}) AND value <> 1",
                           [attribute_id, *chunk])
            written += cursor.rowcount
            cursor.execute(
                f"INSERT INTO {values} (attribute_id, entity_id, value) SELECT %s, e.entity_id, 1 FROM {entities} e"
                f" WHERE e.entity_id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM {values} v"
                " WHERE v.attribute_id = %s AND v.entity_id = e.entity_id)", [attribute_id, *chunk, attribute_id])
            written += cursor.rowcount
    return FlagOutcome(accounts=len(ids), written=written)


def newsletter_unsubscribe(*, emails, customer_ids, now: datetime, using: str = "magento") -> UnsubscribeOutcome:
    """End every newsletter subscription of the accounts customer_ids and of emails as a guest, in every store view."""
    rows = NewsletterSubscriber.objects.using(using)
    mine = set(rows.filter(customer_id__in=list(customer_ids)).values_list("subscriber_id", flat=True))
    guests = finder.rows_by_email(table="newsletter_subscriber", column="subscriber_email",
                                  emails={normalize_email(email) for email in emails},
                                  select=("subscriber_id", "subscriber_email"),
                                  indexed=True, using=using)
    pks = sorted(mine | {row["subscriber_id"] for row in guests})
    changed, stores = 0, set()
    with transaction.atomic(using=using):
        for chunk in chunks(pks):
            changed += rows.filter(pk__in=chunk).exclude(subscriber_status=UNSUBSCRIBED).update(
                subscriber_status=UNSUBSCRIBED, change_status_at=now)
            stores |= set(rows.filter(pk__in=chunk).values_list("store_id", flat=True))
    return UnsubscribeOutcome(subscriptions=len(pks), unsubscribed=changed, store_ids=tuple(sorted(stores - {None})))
