"""The locator: PrivacyDesk's own blind index of the Magento columns the shop never indexed.

Stock Magento has no index on sales_order.customer_email, quote.customer_email or
amazon_payv2_async.pending_id, so finding a guest by e-mail would scan a million orders.
Instead of altering the shop's schema, `locator_sync` copies a keyed hash (HMAC, never the
value) of each such column into the app database, following new rows by primary key and
changed rows by the table's change column. Discovery then asks a `LocatorReader`, which reads the
hashed candidates plus the rows written since the last sync, and re-checks every candidate on
the shop database, so a stale entry can never attribute a row to the wrong person.

The change window. A row the last sync did not see (changed after it, or committed after it by a
transaction that was already open) must still be found: discovery and the next sync read the rows
whose change time is at or after the window start the sync recorded *before* it read anything
(`LocatorCheckpoint.watermark`). On MariaDB/MySQL that start is the earliest of now, the start of
the oldest open InnoDB transaction and the start of the longest-running statement, less one second
and the clock allowance (`PRIVACY_LOCATOR_CLOCK_ALLOWANCE_SECONDS`). Why that is enough: a version
the sync could not see was committed after the sync began, so its transaction was open then (listed
in `information_schema.innodb_trx`, which InnoDB caches for up to 0.1 s: hence the second) or began
later; a statement already running, e.g. waiting for a metadata lock before InnoDB lists its
transaction, is in the process list. The change time the database writes (`ON UPDATE
CURRENT_TIMESTAMP`, `NOW()`) is its statement's start, never before its transaction's, stored in
whole seconds like the window start. Only a writer that sets the change time from its own clock (or
the server's clock stepping back) can write an earlier one: the allowance covers how far that clock
may lag. Reading those lists needs the PROCESS privilege; without it, and on SQLite (the demo), the
window starts `CHANGE_MARGIN` before the newest change time.

Keeping the window small. Erasures change the orders they keep, so during a burst of erasures every
window would hold the burst's rows and each discovery would read more than the one before. A
discovery whose locator was last synced more than `PRIVACY_LOCATOR_CATCH_UP_SECONDS` ago first syncs
the located columns whose change window it reads (one worker at a time; never inside an app-database
transaction, where its claim would hold other workers' claims until the transaction ends): a changed
row is then read about once by a sync rather than by every later discovery.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Q
from django.utils import timezone

from privacy import crypto
from privacy.sources import datamap
from privacy.sources.base import charge_permission_of
from privacy.sources.datamap import ByChargePermission, ByEmail, Index
from privacy.sources.magento import finder
from privacy.sources.models import LocatorCheckpoint, LocatorEntry

EMAIL = "email"
CHARGE_PERMISSION = "charge_permission"
# Without the server's list of open work (SQLite, or no PROCESS privilege), a change window starts this long before
# the newest change time: a transaction can commit a little after the change time it wrote.
CHANGE_MARGIN = timedelta(minutes=15)
SYNC_BATCH = 5000
# A sync claims each column; a crashed worker's claim lapses after this long.
CLAIM = timedelta(minutes=10)
# A sync that adds at least this many entries has PostgreSQL re-read the entry table's statistics (_statistics_refresh).
ANALYZE_AFTER_ENTRIES = 10_000


@dataclass(frozen=True)
class LocatorSpec:
    table: str
    column: str
    kind: str
    pk: str
    change_column: str | None
    change_column_indexed: bool


@cache
def locator_specs() -> tuple[LocatorSpec, ...]:
    specs = []
    for entry in datamap.TABLES:
        for link in entry.links:
            if link.index is Index.LOCATOR:
                kind = EMAIL if isinstance(link, ByEmail) else CHARGE_PERMISSION
                assert isinstance(link, (ByEmail, ByChargePermission)), entry.name
                specs.append(
                    LocatorSpec(entry.name, link.column, kind, entry.pk[0], entry.change_column, entry.change_column_indexed)
                )
    return tuple(specs)


@cache
def _specs_by_column() -> dict[tuple[str, str], LocatorSpec]:
    return {(spec.table, spec.column): spec for spec in locator_specs()}


def locator_spec(*, table: str, column: str) -> LocatorSpec:
    return _specs_by_column()[(table, column)]


def locator_key(kind: str, value) -> str | None:
    """Return the normalized value the locator indexes for a column value, or None when it indexes nothing."""
    if value is None:
        return None
    if kind == EMAIL:
        email = crypto.normalize_email(str(value))
        return email if "@" in email else None
    return charge_permission_of(str(value))


def locator_digest(kind: str, key: str) -> str:
    return crypto.blind_index(key, purpose=f"locator:{kind}")


def _parse_time(value) -> datetime | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _as_stored(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


# -- sync (writes the app database) ----------------------------------------------------------


def locator_sync(*, using: str = "magento", batch: int = SYNC_BATCH, now=None) -> dict[str, int]:
    """Bring every located column up to date; return the rows read per `table.column`.

    Resumable: the checkpoint is saved after each batch, so a killed run loses one batch. A
    column another worker is syncing is skipped (reported as -1).
    """
    return {f"{spec.table}.{spec.column}": _claimed_sync(spec, using=using, batch=batch, now=now) for spec in locator_specs()}


def _claimed_sync(spec: LocatorSpec, *, using: str, batch: int, now, checkpoint: LocatorCheckpoint | None = None) -> int:
    """Sync spec's column unless another worker holds it (-1); checkpoint, when given, is refreshed."""
    if checkpoint is None:
        checkpoint, _ = LocatorCheckpoint.objects.get_or_create(table=spec.table, column=spec.column)
    moment = now or timezone.now()
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=moment)
    if not LocatorCheckpoint.objects.filter(free, pk=checkpoint.pk).update(claimed_until=moment + CLAIM):
        return -1
    try:
        checkpoint.refresh_from_db()
        return _sync_spec(spec, checkpoint, using=using, batch=batch, now=now)
    finally:
        LocatorCheckpoint.objects.filter(pk=checkpoint.pk).update(claimed_until=None)


def _sync_spec(spec: LocatorSpec, checkpoint: LocatorCheckpoint, *, using: str, batch: int, now) -> int:
    select = (spec.pk, spec.column)
    window_start = _window_start(spec, using=using) if spec.change_column else None  # before reading anything
    known_up_to = checkpoint.last_pk
    read = added = 0
    if checkpoint.watermark:
        since = checkpoint.watermark
        after = 0
        while rows := finder.rows_changed_between(
            table=spec.table, pk=spec.pk, change_column=spec.change_column, since=since, up_to_pk=known_up_to,
            select=select, after_pk=after, limit=batch, using=using,
        ):
            added += _store(spec, rows, checkpoint=checkpoint, now=now)
            after, read = rows[-1][spec.pk], read + len(rows)
    while rows := finder.rows_after(table=spec.table, pk=spec.pk, after=checkpoint.last_pk, select=select, limit=batch, using=using):
        checkpoint.last_pk = rows[-1][spec.pk]
        added += _store(spec, rows, checkpoint=checkpoint, now=now)
        read += len(rows)
    if window_start is not None:
        checkpoint.watermark = _as_stored(window_start)
    _save(checkpoint, now=now)
    if added >= ANALYZE_AFTER_ENTRIES:
        _statistics_refresh()
    return read


def _statistics_refresh() -> None:
    """Have PostgreSQL re-read the entry table's statistics now (ANALYZE; other databases need nothing).

    A table a sync has just filled (the first sync writes one entry per order) looks almost empty to the planner
    until autovacuum analyzes it, which it never does where autovacuum is off. Meanwhile each lookup of a sync's
    entries by (table, kind, row_pk) reads every entry of the table and filters on row_pk: 300 ms per statement on
    a million orders, against a fraction of a millisecond through the whole index."""
    connection = connections[LocatorEntry.objects.db]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(LocatorEntry._meta.db_table)}")


def _window_start(spec: LocatorSpec, *, using: str) -> datetime | None:
    """The earliest change time a row version this sync may not see can carry (module docstring)."""
    allowance = timedelta(seconds=settings.PRIVACY_LOCATOR_CLOCK_ALLOWANCE_SECONDS)
    start = finder.oldest_open_work(using=using)
    if start is not None:
        return start - finder.OPEN_WORK_RESOLUTION - allowance
    latest = _parse_time(finder.column_max(table=spec.table, column=spec.change_column, using=using))
    return None if latest is None else latest - CHANGE_MARGIN


def _store(spec: LocatorSpec, rows: list[dict], *, checkpoint: LocatorCheckpoint, now) -> int:
    """Index rows and return how many entries were written; entries that already hold a row's digest stay as they
    are (change windows overlap, so a sync reads again rows the previous one indexed)."""
    digests = {}
    for row in rows:
        key = locator_key(spec.kind, row[spec.column])
        digests[row[spec.pk]] = None if key is None else locator_digest(spec.kind, key)
    with transaction.atomic():
        entries = LocatorEntry.objects.filter(table=spec.table, kind=spec.kind)
        current = dict(entries.filter(row_pk__in=list(digests)).values_list("row_pk", "digest"))
        changed = [pk for pk, digest in digests.items() if current.get(pk) != digest]
        # one list of keys: with the read's list and this one both in the DELETE, PostgreSQL estimated one row and
        # scanned the whole table (220 ms for 400 entries among a million, against 1.6 ms through the index)
        entries.filter(row_pk__in=[pk for pk in changed if pk in current]).delete()
        written = LocatorEntry.objects.bulk_create([LocatorEntry(kind=spec.kind, table=spec.table, row_pk=pk, digest=digests[pk])
                                                    for pk in changed if digests[pk] is not None])  # fmt: skip
        _save(checkpoint, now=now)
    return len(written)


def _save(checkpoint: LocatorCheckpoint, *, now) -> None:
    checkpoint.synced_at = now or timezone.now()
    checkpoint.save(update_fields=["last_pk", "watermark", "synced_at"])


# -- lookup (reads) ----------------------------------------------------------------------------


class LocatorReader:
    """One discovery's view of the locator: checkpoints read once, entries once per kind and key set."""

    def __init__(self):
        self._checkpoints: dict[tuple[str, str], LocatorCheckpoint] | None = None
        self._entries: dict[tuple[str, frozenset], dict[str, set[int]]] = {}

    def checkpoint(self, spec: LocatorSpec, *, using: str) -> LocatorCheckpoint | None:
        """spec's checkpoint, caught up first when discovery would read a change window an old sync left wide."""
        if self._checkpoints is None:
            self._checkpoints = {(cp.table, cp.column): cp for cp in LocatorCheckpoint.objects.filter(synced_at__isnull=False)}
            specs = _specs_by_column()
            for key, checkpoint in self._checkpoints.items():
                if key in specs and _stale(specs[key], checkpoint):
                    _claimed_sync(specs[key], using=using, batch=SYNC_BATCH, now=None, checkpoint=checkpoint)
        return self._checkpoints.get((spec.table, spec.column))

    def pks(self, spec: LocatorSpec, keys: set[str]) -> set[int]:
        cache_key = (spec.kind, frozenset(keys))
        if cache_key not in self._entries:
            by_table: dict[str, set[int]] = {}
            digests = [locator_digest(spec.kind, key) for key in keys]
            for table, pk in LocatorEntry.objects.filter(digest__in=digests, kind=spec.kind).values_list("table", "row_pk"):
                by_table.setdefault(table, set()).add(pk)
            self._entries[cache_key] = by_table
        return self._entries[cache_key].get(spec.table, set())

    def rows(self, *, spec: LocatorSpec, keys: set[str], select: tuple[str, ...], using: str) -> list[dict]:
        """Return the rows of spec's table whose column holds one of keys (normalized), checked on the shop.

        Never synced: falls back to scanning the table (correct, slow) so discovery is never incomplete.
        """
        if not keys:
            return []
        checkpoint = self.checkpoint(spec, using=using)
        if checkpoint is None:
            return _matching(spec, keys, select=select, using=using)
        pks, since = self.pks(spec, keys), _since(spec, checkpoint, using=using)
        if len(keys) > finder.KEYS_PER_MATCH or len(pks) > finder.CHUNK:  # more than one statement can ask
            rows = finder.rows_in(table=spec.table, column=spec.pk, values=pks, select=select, using=using)
            for extra, params in since:
                rows += _matching(spec, keys, select=select, using=using, extra=extra, params=params)
        else:  # one statement: the located rows, and the candidates written or changed since the last sync
            match, params = _match_sql(spec, keys, using=using)
            conditions = [finder.in_sql(column=spec.pk, values=pks, using=using)] if pks else []
            conditions += [(match + extra, [*params, *extra_params]) for extra, extra_params in since]
            rows = finder.rows_matching_any(table=spec.table, select=select, conditions=conditions, using=using)
        return list({row[spec.pk]: row for row in _exact(spec, rows, keys)}.values())


def _stale(spec: LocatorSpec, checkpoint: LocatorCheckpoint) -> bool:
    """Whether discovery should sync spec's column before reading it: its change window is read by every
    discovery (an indexed change column), the last sync is older than the catch-up age, and no app transaction is
    open (a claim inside one would hold other workers' claims until it ends)."""
    age = timedelta(seconds=settings.PRIVACY_LOCATOR_CATCH_UP_SECONDS)
    return (
        spec.change_column_indexed and checkpoint.synced_at < timezone.now() - age
        and not connections[DEFAULT_DB_ALIAS].in_atomic_block
    )  # fmt: skip


def _since(spec: LocatorSpec, checkpoint: LocatorCheckpoint, *, using: str) -> list[tuple[str, tuple]]:
    """Conditions for the rows the locator may not know yet: written after the last synced key, or (when the
    change column is indexed) changed at or after the window start the last sync recorded."""
    since = [(f" AND {finder.quote(using, spec.pk)} > %s", (checkpoint.last_pk,))]
    if spec.change_column_indexed and checkpoint.watermark:
        since.append((f" AND {finder.quote(using, spec.change_column)} >= %s", (checkpoint.watermark,)))
    return since


def _matching(spec: LocatorSpec, keys: set[str], *, select, using: str, extra: str = "", params: tuple = ()) -> list[dict]:
    if spec.kind == EMAIL:
        return finder.rows_by_email(
            table=spec.table, column=spec.column, emails=keys, select=select, indexed=False, using=using,
            extra=extra, extra_params=params,
        )
    rows = finder.rows_by_prefix(
        table=spec.table, column=spec.column, prefixes=keys, select=select, using=using, extra=extra, extra_params=params
    )
    return _exact(spec, rows, keys)


def _match_sql(spec: LocatorSpec, keys: set[str], *, using: str) -> tuple[str, list]:
    """The condition `_matching` reads with, for at most finder.KEYS_PER_MATCH keys."""
    if spec.kind == EMAIL:
        return finder.email_candidates_sql(column=spec.column, emails=sorted(keys), indexed=False, using=using)
    return finder.prefix_sql(column=spec.column, prefixes=sorted(keys), using=using)


def _exact(spec: LocatorSpec, rows: list[dict], keys: set[str]) -> list[dict]:
    return [row for row in rows if locator_key(spec.kind, row[spec.column]) in keys]
