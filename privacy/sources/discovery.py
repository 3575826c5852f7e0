"""Find a person in the shop database: who they are (`subject_identify`) and every row that is
theirs (`subject_discover`), by walking the data map's links level by level.

The walk is generic: each mapped table is read once per link with one set-based statement per
chunk of keys (customer ids, e-mails, parent keys collected at the level above, Amazon Pay
charge permissions), in the map's resolution order. On MariaDB/MySQL the links ready at one level of
the walk are read in one round trip (magento.batch); elsewhere the links that find nothing (most of
them, for most people) are told apart first by one statement of EXISTS tests per level, and not
read. No table-specific code lives here.
"""

import json
from dataclasses import replace
from functools import cache

from django.conf import settings

from privacy.crypto import normalize_email
from privacy.sources import datamap, locator
from privacy.sources.base import Finding, Seed, Subject, SubjectLookupError, charge_permission_of
from privacy.sources.datamap import ByAmazonBuyer, ByCustomer, ByEmail, ByParent, Index, Table
from privacy.sources.magento import batch, finder

MAX_IDENTITY_ROUNDS = 8  # each round follows one more hop (e-mail -> account -> buyer id -> account ...)
AMAZON_BUYER_PREFIX = "amzn1.account."


def subject_identify(
    *,
    email: str | None = None,
    customer_id: int | None = None,
    amazon_buyer_id: str | None = None,
    order_increment_id: str | None = None,
    using: str = "magento",
) -> Subject:
    """Resolve an identity to every e-mail, customer id, Amazon buyer id and order id it stands for.

    An order number identifies a guest only together with the e-mail the order was placed with;
    a mismatch raises SubjectLookupError naming `order_increment_id`.
    """
    seed = _seed(email=email, customer_id=customer_id, amazon_buyer_id=amazon_buyer_id, order_increment_id=order_increment_id)
    return _identified(seed, using=using)[0]


def subject_identify_rows(
    *, email: str | None = None, customer_id: int | None = None, amazon_buyer_id: str | None = None,
    order_increment_id: str | None = None, using: str = "magento", also: dict[str, tuple[str, ...]] | None = None,
) -> tuple[Subject, dict[str, dict]]:  # fmt: skip
    """subject_identify, then subject_rows of that subject, as one walk: the orders identifying read are where
    discovery starts (the same statements a moment apart, so read once), and the locator is read once.
    `also` as for subject_rows."""
    seed = _seed(email=email, customer_id=customer_id, amazon_buyer_id=amazon_buyer_id, order_increment_id=order_increment_id)
    subject, walk = _identified(seed, using=using, also=also)
    return subject, subject_rows(subject=subject, using=using, walk=walk, also=also)


def _identified(seed: Seed, *, using: str, also: dict[str, tuple[str, ...]] | None = None) -> tuple[Subject, "_Walk"]:
    ids = {
        ByEmail: {normalize_email(seed.email)} if seed.email else set(),
        ByCustomer: {seed.customer_id} if seed.customer_id else set(),
        ByAmazonBuyer: {seed.amazon_buyer_id} if seed.amazon_buyer_id else set(),
    }
    orders = _guest_order(seed, using=using) if seed.order_increment_id else set()
    ids[ByCustomer], account_rows = _identity_closure(ids, using=using, also=also or {})  # only the accounts that exist
    probe = Subject(seed=seed, emails=frozenset(ids[ByEmail]), customer_ids=frozenset(ids[ByCustomer]))
    walk = _Walk(probe, using=using)
    walk.also = also or {}  # the orders read here are the walk's: they carry the same columns
    found = walk.linked_rows(datamap.table("sales_order"))
    subject = Subject(
        seed=seed,
        emails=frozenset(ids[ByEmail]),
        customer_ids=frozenset(ids[ByCustomer]),
        amazon_buyer_ids=frozenset(ids[ByAmazonBuyer]),
        order_ids=frozenset(orders | set(found)),
    )
    # Same e-mails, accounts and buyer ids: the links of sales_order and of the account tables agree.
    walk.subject, walk.known = subject, {**account_rows, "sales_order": found}
    return subject, walk


def subject_discover(*, subject: Subject, using: str = "magento") -> list[Finding]:
    """Return every row of every mapped table that belongs to subject, in data-map order."""
    return findings_from_rows(subject_rows(subject=subject, using=using))


def subject_rows(
    *, subject: Subject, using: str = "magento", walk: "_Walk | None" = None, also: dict[str, tuple[str, ...]] | None = None
) -> dict[str, dict]:
    """Return {table: {pk: row}} for the subject; rows hold the mapped and link columns, and the columns
    `also` names per table (e.g. the residual scan's text columns, read in the same statements)."""
    present = _present_tables(using, settings.DATABASES[using]["NAME"])
    walk = walk or _Walk(subject, using=using)
    walk.also = also or {}
    walk.probing = [entry for entry in datamap.resolution_order() if entry.name in present and entry.name not in walk.known]
    for entry in datamap.resolution_order():
        if entry.name in walk.known:
            rows = walk.known.pop(entry.name)
        else:
            rows = walk.linked_rows(entry) if entry.name in present else {}
        if entry.name == "sales_order" and subject.order_ids:
            missing = subject.order_ids - rows.keys()
            rows |= _by_pk(entry, finder.rows_in(table=entry.name, column="entity_id", values=missing, select=walk.select(entry), using=using))
        walk.found[entry.name] = rows
        walk.charge_permissions |= _charge_permissions(entry, rows.values())
    return walk.found


def findings_from_rows(found: dict[str, dict]) -> list[Finding]:
    findings = []
    for entry in datamap.TABLES:
        for pk, row in sorted(found.get(entry.name, {}).items(), key=lambda item: str(item[0])):
            columns = tuple(column.name for column in entry.columns if row.get(column.name) not in (None, ""))
            findings.append(Finding(table=entry.name, pk=pk, category=entry.category.value, columns=columns))
    return findings


# -- identity ----------------------------------------------------------------------------------


def _seed(*, email, customer_id, amazon_buyer_id, order_increment_id) -> Seed:
    email = (email or "").strip() or None
    if email is not None and "@" not in email:
        raise SubjectLookupError(f"email {email!r} is not an e-mail address: give the full address.", field="email")
    if customer_id is not None and (not isinstance(customer_id, int) or customer_id <= 0):
        raise SubjectLookupError("customer_id must be a positive whole number (Magento's customer entity id).", field="customer_id")
    amazon_buyer_id = (amazon_buyer_id or "").strip() or None
    if amazon_buyer_id is not None and not amazon_buyer_id.startswith(AMAZON_BUYER_PREFIX):
        raise SubjectLookupError(f"amazon_buyer_id must start with {AMAZON_BUYER_PREFIX!r}.", field="amazon_buyer_id")
    order_increment_id = (order_increment_id or "").strip() or None
    if order_increment_id is not None and email is None:
        raise SubjectLookupError("an order number identifies a guest only with the e-mail used for the order: give email too.", field="email")
    if not (email or customer_id or amazon_buyer_id):
        raise SubjectLookupError("give an e-mail, a customer id, an Amazon buyer id, or an order number with its e-mail.", field="email")
    return Seed(email=email, customer_id=customer_id, amazon_buyer_id=amazon_buyer_id, order_increment_id=order_increment_id)


def _guest_order(seed: Seed, *, using: str) -> set[int]:
    orders = finder.increment_id_orders(increment_id=seed.order_increment_id, select=("entity_id", "customer_email"), using=using)
    matching = {row["entity_id"] for row in orders if normalize_email(row["customer_email"] or "") == normalize_email(seed.email)}
    if not matching:
        raise SubjectLookupError("no order with this number was placed with this e-mail address.", field="order_increment_id")
    return matching


def _identity_closure(ids: dict[type, set], *, using: str, also: dict[str, tuple[str, ...]]) -> tuple[set[int], dict[str, dict]]:
    """Grow ids through the account tables until no new customer id, e-mail or buyer id appears.

    Each round looks up only the values the previous rounds have not asked about. Returns the
    customer ids of the account rows found, and those rows ({table: {pk: row}}, with the columns
    `also` names) once every value found was asked about: then they are every row the final ids
    link to, and discovery need not read the account tables again. Empty if the rounds ran out.
    """
    tables = [entry for entry in datamap.TABLES if entry.identifies]
    asked: dict[type, set] = {kind: set() for kind in ids}
    accounts: set[int] = set()
    rows: dict[str, dict] = {entry.name: {} for entry in tables}
    for _ in range(MAX_IDENTITY_ROUNDS):
        new = {kind: values - asked[kind] for kind, values in ids.items()}
        if not any(new.values()):
            return accounts, rows
        for kind, values in new.items():
            asked[kind] |= values
        probe = Subject(seed=Seed(), emails=frozenset(new[ByEmail]), customer_ids=frozenset(new[ByCustomer]),
                        amazon_buyer_ids=frozenset(new[ByAmazonBuyer]))  # fmt: skip
        walk = _Walk(probe, using=using)
        walk.also = also
        for entry in tables:
            walk.subject = _not_read_yet(probe, entry, rows[entry.name])
            found = walk.linked_rows(entry)
            rows[entry.name] |= found
            for row in found.values():
                for link in entry.links:
                    _harvest(ids, link, row[link.column])
                    if isinstance(link, ByCustomer):
                        accounts.add(row[link.column])
    return accounts, {}


def _not_read_yet(probe: Subject, entry: Table, rows: dict) -> Subject:
    """probe without the customer ids that key rows of entry already read (an account found by e-mail): the key
    finds that row alone."""
    if not any(isinstance(link, ByCustomer) and entry.pk == (link.column,) for link in entry.links):
        return probe
    return replace(probe, customer_ids=probe.customer_ids - rows.keys())


def _harvest(ids: dict[type, set], link, value) -> None:
    if value in (None, ""):
        return
    if isinstance(link, ByEmail):
        email = normalize_email(str(value))
        if "@" in email:
            ids[ByEmail].add(email)
    elif type(link) in ids:
        ids[type(link)].add(value)


# -- the walk ----------------------------------------------------------------------------------


@cache
def select_columns(table_name: str) -> tuple[str, ...]:
    """The columns read for a table: key, mapped, link and filter columns, and keys its children follow."""
    entry = datamap.table(table_name)
    names = [*entry.pk, *(column.name for column in entry.columns)]
    for link in entry.links:
        names += [link.column, *(name for name, _ in getattr(link, "when", ()))]
    names += [source.column for source in entry.charge_permissions]
    for child in datamap.TABLES:
        names += [link.parent_column for link in child.links if isinstance(link, ByParent) and link.parent == table_name]
    return tuple(dict.fromkeys(names))


@cache
def _present_tables(using: str, database_name) -> frozenset[str]:
    """Tables of the map that exist (cached per database: optional tables come with modules)."""
    return frozenset(finder.table_names(using=using)) & frozenset(datamap.BY_NAME)


def _pk(entry: Table, row: dict):
    return row[entry.pk[0]] if len(entry.pk) == 1 else tuple(row[name] for name in entry.pk)


def _by_pk(entry: Table, rows) -> dict:
    return {_pk(entry, row): row for row in rows}


class _Walk:
    """The state of one walk: rows found so far per table, charge permissions seen, the locator view.

    Most links of a subject find nothing (no wishlist, no stored card, no price alert...). Before
    reading a table, the walk takes every link it can follow at that point (the subject's own ids,
    and children of the tables already read) and, where the shop's connection carries batches, reads
    them all in one round trip; elsewhere it asks in ONE statement which of them find any row at all
    and reads only those. Either way an empty link costs a share of one round trip, not one each.
    """

    def __init__(self, subject: Subject, *, using: str):
        self.subject = subject
        self.using = using
        self.found: dict[str, dict] = {}  # tables read completely
        self.known: dict[str, dict] = {}  # rows of a table read before the walk reached it
        self.charge_permissions: set[str] = set()
        self.locator = locator.LocatorReader()
        self.also: dict[str, tuple[str, ...]] = {}  # columns read besides select_columns, per table
        self.probing: list[Table] = []  # the tables still to read, in order (empty: no probing)
        self.empty: set[tuple[str, int]] = set()  # (table, link index) known to find nothing
        self.probed: set[tuple[str, int]] = set()
        self.prefetched: dict[tuple[str, int], list[dict]] = {}  # (table, link index) -> rows read by a probe

    def linked_rows(self, entry: Table) -> dict:
        rows: dict = {}
        for index, link in enumerate(entry.links):
            if not self._known_empty(entry, index):
                prefetched = self.prefetched.pop((entry.name, index), None)
                rows |= _by_pk(entry, prefetched if prefetched is not None else self.follow(link, entry))
        return rows

    def follow(self, link, entry: Table) -> list[dict]:
        using, select, read = self.using, self.select(entry), self.read(link)
        if read is None:
            keys = set(self.subject.emails) if isinstance(link, ByEmail) else self.charge_permissions
            spec = locator.locator_spec(table=entry.name, column=link.column)
            return self.locator.rows(spec=spec, keys=keys, select=select, using=using)
        return finder.linked(table=entry.name, read=read, select=select, using=using) if read.values else []

    def select(self, entry: Table) -> tuple[str, ...]:
        if entry.name not in self.also:
            return select_columns(entry.name)
        return tuple(dict.fromkeys((*select_columns(entry.name), *self.also[entry.name])))

    def read(self, link) -> "finder.LinkRead | None":
        """What following link reads (column values, or e-mails), or None for a link the locator answers."""
        scanned = link.index is Index.NONE
        if isinstance(link, ByCustomer):
            return finder.LinkRead(link.column, frozenset(self.subject.customer_ids), link.when, scanned=scanned)
        if isinstance(link, ByAmazonBuyer):
            return finder.LinkRead(link.column, frozenset(self.subject.amazon_buyer_ids), (), scanned=scanned)
        if isinstance(link, ByParent):
            keys = {row[link.parent_column] for row in self.found.get(link.parent, {}).values()} - {None, 0}
            return finder.LinkRead(link.column, frozenset(keys), link.when, scanned=scanned)
        if isinstance(link, ByEmail) and link.index is not Index.LOCATOR:
            return finder.LinkRead(link.column, frozenset(self.subject.emails), link.when, emails=True,
                                   indexed=link.index is Index.BTREE, scanned=scanned)  # fmt: skip
        return None

    def _known_empty(self, entry: Table, index: int) -> bool:
        if self.probing and (entry.name, index) not in self.probed:
            self._probe()
        return (entry.name, index) in self.empty

    def _probe(self) -> None:
        """Ask which links that can be followed now (their keys are known) find a row; remember the empty ones.

        Where the shop's connection carries several statements at once, the links are read instead, all in one
        round trip (a read that finds nothing costs the server what asking about it costs)."""
        together = batch.sends_together(self.using)
        ready = {}
        for entry in self.probing:
            for index, link in enumerate(entry.links):
                if (entry.name, index) in self.probed or (isinstance(link, ByParent) and link.parent not in self.found):
                    continue
                read = self.read(link)
                self.probed.add((entry.name, index))
                if read is not None:
                    if not read.values:
                        self.empty.add((entry.name, index))
                    elif together or finder.probe_fits(read):
                        ready[(entry.name, index)] = (entry, read)
        if together and ready:
            self._prefetch(ready)
        elif len(ready) > 1:  # one link alone is cheaper to read than to ask about
            answers = finder.links_with_rows(reads=[(entry.name, read) for entry, read in ready.values()], using=self.using)
            self.empty |= {key for key, has_rows in zip(ready, answers) if not has_rows}

    def _prefetch(self, ready: dict[tuple[str, int], tuple[Table, "finder.LinkRead"]]) -> None:
        """Read every ready link in one batch; the scanned links of a table share one read (one scan)."""
        statements, readers, scanned = [], [], {}  # readers: per statement, the (link, read, flag column) it serves
        for key, (entry, read) in ready.items():
            if read.scanned:
                scanned.setdefault(entry.name, (entry, []))[1].append((key, read))
                continue
            for statement in finder.link_statements(table=entry.name, read=read, select=self.select(entry), using=self.using):
                statements.append(statement)
                readers.append([(key, read, None)])
        for entry, reads in scanned.values():
            statements.append(finder.any_link_statement(table=entry.name, reads=[read for _, read in reads],
                                                        select=self.select(entry), using=self.using))  # fmt: skip
            readers.append([(key, read, finder.link_flag(index)) for index, (key, read) in enumerate(reads)])
        for rows, reads in zip(batch.rows_of_each(statements, using=self.using), readers):
            for key, read, flag in reads:
                self.prefetched.setdefault(key, []).extend(finder.link_rows(read, rows, flag=flag))
        self.empty |= {key for key in ready if not self.prefetched.get(key)}


def _charge_permissions(entry: Table, rows) -> set[str]:
    found = set()
    for source in entry.charge_permissions:
        for row in rows:
            value = row.get(source.column)
            if source.json_key:
                value = _json_value(value, source.json_key)
            if (permission := charge_permission_of(value)) is not None:
                found.add(permission)
    return found


def _json_value(text, key: str):
    try:
        data = json.loads(text) if text else None
    except (TypeError, ValueError):
        return None
    return data.get(key) if isinstance(data, dict) else None
