"""Apply an erasure plan to the Magento database: one transaction, a handful of statements per table.

Per table and chunk of primary keys: one UPDATE for the rows anonymized now, one for the rows kept
under a hold (only the columns the hold does not keep), a CASE-UPDATE for text that is scrubbed of
the subject's identifiers (read first, every table's in one batch), one CASE-UPDATE for values the
plan fixed in advance, and one DELETE. Deletes run last, children before parents. The writes travel
as one batch too (batch.py: on MariaDB/MySQL one round trip for up to 64 statements, which the
server has all run by the time the first result, and so the progress callback, comes back). Either
every statement commits or none does: a worker killed half-way leaves the subject untouched.

Every value written is idempotent: strategies derive it from the row key and the subject (never
from the value they overwrite), scrubbed text has nothing left to scrub, and value-dependent
results are literals fixed in the plan. Running the same plan twice changes nothing the second time.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing

from django.db import connections, transaction

from privacy.sources import datamap, strategies
from privacy.sources.erasure.identifiers import matcher_for
from privacy.sources.erasure.plan import (
    SCRUB,
    ErasurePlan,
    TablePlan,
    strategies_column,
)
from privacy.sources.magento import batch, finder
from privacy.sources.magento.batch import Statement
from privacy.sources.magento.erasure_facts import live_columns
from privacy.sources.magento.rowkeys import chunks, pk_where

TOKEN = re.compile(r"^[0-9a-f]{8,64}$")
Progress = Callable[[str, str], None]


def plan_apply(*, plan: ErasurePlan, key: str, using: str, progress: Progress | None = None) -> dict[str, dict[str, int]]:
    """Carry out plan in one transaction on `using`; return rows touched per table and kind of change."""
    if not TOKEN.match(plan.token):
        raise ValueError("plan.token must be the hex subject pseudonym the plan was built with")
    applier = _Applier(connections[using], plan, key, progress or (lambda table, kind: None))
    with transaction.atomic(using=using):
        applier.scrubbed_texts_read()
        for table_plan in plan.tables:
            applier.update(table_plan)
        for table_plan in reversed(plan.tables):
            applier.delete(table_plan)
        applier.run()
    return {table: dict(counts) for table, counts in applier.counts.items()}


class _Applier:
    def __init__(self, connection, plan: ErasurePlan, key: str, progress: Progress):
        self.connection, self.plan, self.key, self.progress = connection, plan, key, progress
        self.vendor = strategies.sql_vendor(connection)
        self.live = live_columns(using=connection.alias, database=connection.settings_dict["NAME"])
        self.matcher = matcher_for(plan.identifiers)
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.texts: dict[tuple[str, str], dict] = {}  # (table, scrubbed column) -> {pk: text before}
        self.queued: list[tuple[Statement, str, str, str | None]] = []  # (write, table, kind, the count its rows add to)

    def quote(self, name: str) -> str:
        return finder.quote(self.connection.alias, name)

    def queue(self, table: str, kind: str, sql: str, params, *, counted_as: str | None) -> None:
        self.queued.append((Statement(sql, params), table, kind, counted_as))

    def run(self) -> None:
        """Send the queued writes, in order, as one batch; add the rows each changed to its count, if it has one."""
        with closing(batch.results([statement for statement, *_ in self.queued], using=self.connection.alias)) as results:
            for (_, count), (_, table, kind, counted_as) in zip(results, self.queued):
                if counted_as:
                    self.counts[table][counted_as] += count
                self.progress(table, kind)

    def scrubbed_texts_read(self) -> None:
        """Read the text of every scrubbed column of the plan's rows, every table's in one batch, before any write."""
        statements, owners = [], []
        for table_plan in self.plan.tables:
            pk = datamap.table(table_plan.table).pk[0]
            for column, pks in _scrubbed(table_plan):
                reads = finder.in_statements(table=table_plan.table, column=pk, values=pks, select=(pk, column),
                                             extra=f" AND {self.quote(column)} IS NOT NULL", using=self.connection.alias)  # fmt: skip
                statements += reads
                owners += [(table_plan.table, pk, column)] * len(reads)
        for (table, pk, column), rows in zip(owners, batch.rows_of_each(statements, using=self.connection.alias)):
            self.texts.setdefault((table, column), {}).update((row[pk], row[column]) for row in rows)

    # -- statements --------------------------------------------------------------------------

    def update(self, table_plan: TablePlan) -> None:
        plain = [action for action in table_plan.columns if action.strategy != SCRUB and action.column not in table_plan.literals]
        held = [action for action in table_plan.columns_held if action.strategy != SCRUB]
        self._set(table_plan, table_plan.anonymize, plain, "anonymized")
        self._set(table_plan, [row.pk for row in table_plan.held], held, "held")
        for column, pks in _scrubbed(table_plan):
            self._scrub(table_plan, column, pks)
        for column, values in table_plan.literals.items():
            self._literals(table_plan, column, values)

    def delete(self, table_plan: TablePlan) -> None:
        entry = datamap.table(table_plan.table)
        for chunk in chunks(table_plan.delete):
            where, params = self._where(entry.pk, chunk)
            self.queue(table_plan.table, "delete", f"DELETE FROM {self.quote(table_plan.table)} WHERE {where}", params, counted_as="deleted")

    def _set(self, table_plan: TablePlan, pks, actions, kind: str) -> None:
        if not pks:
            return
        entry = datamap.table(table_plan.table)
        assignments, differs, params = [], [], []
        for action in actions:
            rendered = strategies.strategy_sql(action.strategy, vendor=self.vendor, target=self._target(entry, action), key=self.key)
            if rendered is not None:
                assignments.append(f"{self.quote(action.column)} = {rendered.sql}")
                differs.append(self._differs(self.quote(action.column), rendered.sql))
                params += rendered.params
        self.counts[entry.name][kind] += len(pks)
        if not assignments:
            return
        for chunk in chunks(pks):
            where, where_params = self._where(entry.pk, chunk)
            # Only rows that still differ are written: a re-run leaves every row (and its updated_at) alone.
            sql = f"UPDATE {self.quote(entry.name)} SET {', '.join(assignments)} WHERE {where} AND ({' OR '.join(differs)})"
            self.queue(entry.name, kind, sql, [*params, *where_params, *params], counted_as=None)

    def _differs(self, column: str, expression: str) -> str:
        """Null-safe 'column is not expression'."""
        return f"{column} IS NOT {expression}" if self.vendor == "sqlite" else f"NOT ({column} <=> {expression})"

    def _target(self, entry, action) -> strategies.Target:
        column = strategies_column(entry.column(action.column), nullable=self.live[entry.name][action.column])
        pk = self.quote(entry.pk[0])
        seed, namespace = (f"'{self.plan.token}'", "subject") if action.per_subject else (pk, entry.name)
        row_subject = strategies.DIALECTS[self.vendor].concat(f"'{self.plan.token}:{entry.name}:'", pk)
        return strategies.Target(column=column, ref=self.quote(action.column), seed=seed, namespace=namespace, subject=row_subject)

    def _scrub(self, table_plan: TablePlan, column: str, pks) -> None:
        """Replace the subject's identifiers inside free text; rows whose text has none stay as they are."""
        entry, texts = datamap.table(table_plan.table), self.texts.get((table_plan.table, column), {})
        for chunk in chunks(pks):
            present = ((key, texts[key]) for key in chunk if key in texts)
            changed = {key: scrubbed for key, text in present if (scrubbed := self.matcher.scrub(str(text))) != text}
            if changed:
                self._case_update(entry, column, changed, "scrubbed")

    def _literals(self, table_plan: TablePlan, column: str, values: dict) -> None:
        entry = datamap.table(table_plan.table)
        for chunk in chunks(values):
            self._case_update(entry, column, {pk: values[pk] for pk in chunk}, "fixed")

    def _case_update(self, entry, column: str, values: dict, kind: str) -> None:
        pk, name = self.quote(entry.pk[0]), self.quote(column)
        case = f"CASE {pk} {' '.join('WHEN %s THEN %s' for _ in values)} END"
        case_params = [part for item in values.items() for part in item]
        where, params = self._where(entry.pk, list(values))
        sql = f"UPDATE {self.quote(entry.name)} SET {name} = {case} WHERE {where} AND {self._differs(name, case)}"
        self.queue(entry.name, kind, sql, [*case_params, *params, *case_params], counted_as=kind)

    def _where(self, pk_columns: tuple[str, ...], chunk: list) -> tuple[str, list]:
        return pk_where(self.quote, pk_columns, chunk)


def _scrubbed(table_plan: TablePlan) -> Iterator[tuple[str, list]]:
    """(column, primary keys) of the text table_plan scrubs: in the rows anonymized now, then in the held ones."""
    for actions, pks in ((table_plan.columns, table_plan.anonymize), (table_plan.columns_held, table_plan.held_pks())):
        for action in actions:
            if action.strategy == SCRUB:
                yield action.column, pks
