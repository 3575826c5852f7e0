"""Where a walk's batches come from: a shop table walked by key ranges, or rows of the app database.

Each driver gives the end of its walk, the next batch after a checkpoint, and what to execute
for a batch inside the shop transaction. App-database changes (holds released, notices recorded)
go in `batch.commit` and are written with the checkpoint.
"""

from abc import ABC, abstractmethod

from django.db.models import Exists, OuterRef

from retention import notices
from retention.engine import Batch
from retention.models import InactivityNotice, RetentionHold
from retention.plans import table_step


class TableDriver:
    """A shop table walked by primary-key ranges; the walk's condition picks the due rows of each range."""

    def __init__(self, *, engine, walk):
        self.engine, self.walk, self.statements = engine, walk, engine.statements

    def end(self) -> int | None:
        if not self.statements.present(self.walk.driver):
            return None
        return self.engine.scalar(self.statements.walk_end(self.walk))

    def next(self, *, after: int, end: int) -> Batch | None:
        size = self.engine.batch_size
        bound = self.engine.scalar(self.statements.batch_bound(self.walk, after=after, end=end, size=size))
        if bound is not None:
            return Batch(after=after, last=bound, examined=size)
        remaining = self.engine.scalar(self.statements.rows_between(self.walk, after=after, end=end))
        return Batch(after=after, last=end, examined=remaining) if remaining else None

    def execute(self, batch: Batch, counts: dict) -> None:
        batch.ids = self.engine.column(self.statements.due_ids(self.walk, after=batch.after, last=batch.last))
        self.engine.run_steps(
            self.walk.steps, driver_pk=self.walk.pk, ids=batch.ids, counts=counts, examined={self.walk.driver: batch.examined}
        )


class AppRowsDriver(ABC):
    """Batches of rows of an app-database model, in id order, up to the highest id seen when the walk began."""

    def __init__(self, *, engine, walk):
        self.engine, self.walk, self.statements = engine, walk, engine.statements

    @abstractmethod
    def rows(self):
        """The queryset of app rows this walk works through."""

    @abstractmethod
    def next(self, *, after: int, end: int) -> Batch | None:
        """The next batch after the checkpoint `after`, or None when the walk is done."""

    def end(self) -> int | None:
        return self.rows().order_by("-id").values_list("id", flat=True).first()

    def page(self, *, after: int, end: int, fields: tuple[str, ...]) -> list[tuple]:
        return list(self.rows().filter(id__gt=after, id__lte=end).order_by("id").values_list("id", *fields)[: self.engine.batch_size])


class HoldDriver(AppRowsDriver):
    """Holds whose statutory period ended (and no other hold keeps the row): anonymize each held row."""

    def rows(self):
        today = self.engine.context["today"]
        still_held = RetentionHold.objects.filter(
            table=OuterRef("table"), row_id=OuterRef("row_id"), released_at=None, hold_until__gte=today
        )
        return RetentionHold.objects.filter(released_at=None, hold_until__lt=today).exclude(Exists(still_held))

    def next(self, *, after: int, end: int) -> Batch | None:
        rows = self.page(after=after, end=end, fields=("table", "row_id"))
        if not rows:
            return None
        batch = Batch(after=after, last=rows[-1][0], examined=len(rows))
        released = []
        for hold_id, table, row_id in rows:
            batch.groups.setdefault(table, []).append(row_id)
            released.append(hold_id)
        if not self.engine.dry_run:
            batch.commit = lambda run, now: RetentionHold.objects.filter(id__in=released).update(released_at=now, released_by=run)
        return batch

    def execute(self, batch: Batch, counts: dict) -> None:
        for table, row_ids in batch.groups.items():
            step = table_step(table)
            self.engine.run_steps((step,), driver_pk=step.pk, ids=row_ids, counts=counts, examined={table: len(row_ids)})


class WarnDriver(TableDriver):
    """Inactive customers not warned yet: send each the warning e-mail and record a notice."""

    def execute(self, batch: Batch, counts: dict) -> None:
        batch.ids = self.engine.column(self.statements.due_ids(self.walk, after=batch.after, last=batch.last))
        counts.setdefault("customer_entity", {"examined": 0, "changed": 0})["examined"] += batch.examined
        policy = self.engine.context["policy"]
        unwarned = notices.unwarned(policy=policy, customer_ids=batch.ids)
        entry = counts.setdefault("inactivity_notice", {"examined": 0, "changed": 0})
        entry["examined"] += len(unwarned)
        if self.engine.dry_run:
            entry["due"] = entry.get("due", 0) + len(unwarned)
            return
        moment = self.engine.context["now"]  # the run's time, so a resumed run dates its notices like the first attempt
        warned = notices.warn(connection=self.engine.connection, policy=policy, customer_ids=unwarned, now=moment)
        entry["changed"] += len(warned)
        batch.commit = lambda run, now: notices.record(policy=policy, customer_ids=warned, now=moment)


class NoticeDriver(AppRowsDriver):
    """Warned customers past the notice period: close the still-inactive accounts, forget the others' notices."""

    def rows(self):
        policy, warned_before = self.engine.context["policy"], self.engine.context["warned_before"]
        return InactivityNotice.objects.filter(policy=policy, closed_at=None, warned_at__lt=warned_before)

    def next(self, *, after: int, end: int) -> Batch | None:
        rows = self.page(after=after, end=end, fields=("customer_id",))
        if not rows:
            return None
        batch = Batch(after=after, last=rows[-1][0], examined=len(rows))
        batch.groups = {customer_id: notice_id for notice_id, customer_id in rows}
        return batch

    def execute(self, batch: Batch, counts: dict) -> None:
        customers = list(batch.groups)
        existing = set(self.engine.column(self.statements.ids_among(table="customer_entity", pk="entity_id", ids=customers)))
        inactive = self.engine.column(
            self.statements.ids_among(table="customer_entity", pk="entity_id", ids=customers, walk=self.walk)
        )
        self.engine.run_steps(
            self.walk.steps, driver_pk="entity_id", ids=inactive, counts=counts, examined={"customer_entity": len(customers)}
        )
        if not self.engine.dry_run:
            closed = [batch.groups[customer] for customer in customers if customer in set(inactive) or customer not in existing]
            active = [batch.groups[customer] for customer in customers if customer in existing and customer not in set(inactive)]
            batch.commit = lambda run, now: notices.settle(closed=closed, active=active, now=now)


DRIVERS = {"table": TableDriver, "holds": HoldDriver, "warn": WarnDriver, "notices": NoticeDriver}
