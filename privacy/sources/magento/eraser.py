"""Apply an erasure plan to the Magento database: one transaction, a handful of statements per table.

Per table and chunk of primary keys: one UPDATE for the rows anonymized now, one for the rows kept
under a hold (only the columns the hold does not keep), a SELECT and a CASE-UPDATE for text that
is scrubbed of the subject's identifiers, one CASE-UPDATE for values the plan fixed in advance,
and one DELETE. Deletes run last, children before parents. Either every statement commits or
none does: a worker killed half-way leaves the subject untouched.

Every value written is idempotent: strategies derive it from the row key and the subject (never
from the value they overwrite), scrubbed text has nothing left to scrub, and value-dependent
results are literals fixed in the plan. Running the same plan twice changes nothing the second time.
"""

import re
from collections import defaultdict
from collections.abc import Callable

from django.db import connections, transaction

from privacy.sources import datamap, strategies
from privacy.sources.erasure.identifiers import matcher_for
from privacy.sources.erasure.plan import (
    SCRUB,
    ErasurePlan,
    TablePlan,
    strategies_column,
)
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
        for table_plan in plan.tables:
            applier.update(table_plan)
        for table_plan in reversed(plan.tables):
            applier.delete(table_plan)
    return {table: dict(counts) for table, counts in applier.counts.items()}


class _Applier:
    def __init__(self, connection, plan: ErasurePlan, key: str, progress: Progress):
        self.connection, self.plan, self.key, self.progress = connection, plan, key, progress
        self.vendor = strategies.sql_vendor(connection)
        self.live = live_columns(using=connection.alias, database=connection.settings_dict["NAME"])
        self.matcher = matcher_for(plan.identifiers)
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def quote(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    def execute(self, table: str, kind: str, sql: str, params) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            count = cursor.rowcount
        self.progress(table, kind)
        return count

    # -- statements --------------------------------------------------------------------------

    def update(self, table_plan: TablePlan) -> None:
        plain = [action for action in table_plan.columns if action.strategy != SCRUB and action.column not in table_plan.literals]
        held = [action for action in table_plan.columns_held if action.strategy != SCRUB]
        self._set(table_plan, table_plan.anonymize, plain, "anonymized")
        self._set(table_plan, [row.pk for row in table_plan.held], held, "held")
        for actions, pks in ((table_plan.columns, table_plan.anonymize), (table_plan.columns_held, table_plan.held_pks())):
            for action in actions:
                if action.strategy == SCRUB:
                    self._scrub(table_plan, action.column, pks)
        for column, values in table_plan.literals.items():
            self._literals(table_plan, column, values)

    def delete(self, table_plan: TablePlan) -> None:
        entry = datamap.table(table_plan.table)
        for chunk in chunks(table_plan.delete):
            where, params = self._where(entry.pk, chunk)
            count = self.execute(table_plan.table, "delete", f"DELETE FROM {self.quote(table_plan.table)} WHERE {where}", params)
            self.counts[table_plan.table]["deleted"] += count

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
            self.execute(entry.name, kind, sql, [*params, *where_params, *params])

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
        entry = datamap.table(table_plan.table)
        pk, name = self.quote(entry.pk[0]), self.quote(column)
        for chunk in chunks(pks):
            where, params = self._where(entry.pk, chunk)
            with self.connection.cursor() as cursor:
                cursor.execute(f"SELECT {pk}, {name} FROM {self.quote(entry.name)} WHERE {where} AND {name} IS NOT NULL", params)
                texts = cursor.fetchall()
            changed = {key: scrubbed for key, text in texts if (scrubbed := self.matcher.scrub(str(text))) != text}
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
        self.counts[entry.name][kind] += self.execute(entry.name, kind, sql, [*case_params, *params, *case_params])

    def _where(self, pk_columns: tuple[str, ...], chunk: list) -> tuple[str, list]:
        return pk_where(self.quote, pk_columns, chunk)
