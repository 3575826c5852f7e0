"""The bulk engine: walk each table by primary-key ranges, change one batch per short transaction.

A batch reads the driver ids that are due inside its range and applies every step's set-based
statement for those ids, all in one transaction on the shop database; then `checkpoint` records
the range as done in the app database. Memory holds one batch of ids at most. A killed run loses
at most the batch in flight, and redoing it is harmless: due rows are re-read and the
statements are idempotent.
"""

import time
from dataclasses import dataclass, field

from django.db import transaction

from retention.plans import Walk
from retention.sql import Statements


@dataclass
class Batch:
    after: int
    last: int
    examined: int
    ids: list[int] = field(default_factory=list)
    groups: dict = field(default_factory=dict)
    commit: object = None  # callable(run, now): app-database changes made with the checkpoint


@dataclass
class Progress:
    walk: str
    last_pk: int
    end: int
    batches: int


class Engine:
    """Run walks on the shop connection; checkpoint(...) is called after every committed batch."""

    def __init__(self, *, connection, key: str, batch_size: int, dry_run: bool, checkpoint, progress=None, context=None):
        self.connection = connection
        self.statements = Statements(connection=connection, key=key)
        self.batch_size = batch_size
        self.dry_run = dry_run
        self.checkpoint = checkpoint
        self.progress = progress
        self.context = context or {}
        self.batches = 0

    def run(self, walks: tuple[Walk, ...], *, start_walk: int, after: int | None, end: int | None, max_batches=None) -> bool:
        """Walk from the checkpoint on; return False when max_batches stopped the run early."""
        self._prepare()
        for index in range(start_walk, len(walks)):
            driver = self.driver(walks[index])
            resume = index == start_walk
            position = after if resume and after is not None else -1
            walk_end = end if resume and end is not None else driver.end()
            while walk_end is not None:
                if max_batches is not None and self.batches >= max_batches:
                    return False
                batch = driver.next(after=position, end=walk_end)
                if batch is None:
                    break
                counts = self._apply(driver, batch)
                self.checkpoint(walk=index, last_pk=batch.last, walk_end=walk_end, counts=counts, batch=batch)
                self.connection.queries_log.clear()  # with DEBUG on, Django keeps every statement (ids included)
                self.batches += 1
                position = batch.last
                if self.progress:
                    self.progress(Progress(walk=walks[index].driver, last_pk=batch.last, end=walk_end, batches=self.batches))
        return True

    def driver(self, walk: Walk):
        from retention import drivers

        return drivers.DRIVERS[walk.source](engine=self, walk=walk)

    def absent_tables(self, walks: tuple[Walk, ...]) -> list[str]:
        tables = {step.table for walk in walks for step in walk.steps}
        tables |= {walk.driver for walk in walks if walk.source in ("table", "warn")}
        return sorted(table for table in tables if not self.statements.present(table))

    def _prepare(self):
        if self.connection.vendor == "mysql":
            with self.connection.cursor() as cursor:
                # Magento stores timestamps in UTC; compare them in UTC whatever the server's zone.
                cursor.execute("SET time_zone = '+00:00'")

    def _apply(self, driver, batch: Batch) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        if self.dry_run:
            driver.execute(batch, counts)
            return counts
        with transaction.atomic(using=self.connection.alias):
            driver.execute(batch, counts)
        return counts

    # -- statements, used by the drivers ---------------------------------------------------------

    def run_steps(self, steps, *, driver_pk: str, ids, counts, examined: dict[str, int]) -> None:
        """Apply (or, in a dry run, count) every step for the driver ids; add the rows and seconds to counts."""
        for step in steps:
            if not self.statements.present(step.table):
                continue
            entry = counts.setdefault(step.table, {"examined": 0, "changed": 0})
            if not ids:
                entry["examined"] += examined.get(step.table, 0)
                continue
            if self.dry_run:
                due = self.scalar(self.statements.count(step, driver_pk=driver_pk, ids=ids))
                entry["examined"] += examined.get(step.table, due)
                entry["due"] = entry.get("due", 0) + due
                continue
            statement = self.statements.write(step, driver_pk=driver_pk, ids=ids)
            started = time.perf_counter()
            changed = self.execute(statement) if statement else 0
            entry["seconds"] = entry.get("seconds", 0.0) + time.perf_counter() - started
            entry["examined"] += examined.get(step.table, changed)
            entry["changed"] += changed

    def execute(self, statement) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params)
            return max(cursor.rowcount, 0)

    def scalar(self, statement):
        with self.connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params)
            row = cursor.fetchone()
        return row[0] if row else None

    def column(self, statement) -> list:
        with self.connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params)
            return [row[0] for row in cursor.fetchall()]
