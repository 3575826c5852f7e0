"""The statements of one batch, per database vendor: set-based UPDATE / DELETE / COUNT by id list.

A step reaches the batch's driver ids through its path. MySQL/MariaDB get a multi-table
UPDATE/DELETE with joins (MariaDB 10.11 would run `col IN (SELECT ...)` as a dependent subquery
over the whole child table); SQLite gets nested `IN (SELECT ...)`, which it answers by index.
Ids are integers read from the database in the same transaction and written as literals, so a
batch never hits a bound-parameter limit.
"""

from privacy.sources.strategies import Column, Sql, Target, sql_vendor, strategy_sql
from retention.plans import Step, Walk
from retention.schema import table_columns


def id_list(ids) -> str:
    return ", ".join(str(int(value)) for value in ids)


class Statements:
    """Render a walk's statements on one connection; the per-run key feeds the keyed strategies."""

    def __init__(self, *, connection, key: str):
        self.connection = connection
        self.vendor = sql_vendor(connection)
        self.key = key
        self.q = connection.ops.quote_name
        self._columns: dict[str, dict[str, Column]] = {}

    def columns(self, table: str) -> dict[str, Column]:
        if table not in self._columns:
            self._columns[table] = table_columns(self.connection, table)
        return self._columns[table]

    def present(self, table: str) -> bool:
        return bool(self.columns(table))

    # -- the driver ------------------------------------------------------------------------

    def walk_end(self, walk: Walk) -> Sql:
        return Sql(f"SELECT MAX({self.q(walk.pk)}) FROM {self.q(walk.driver)}")

    def batch_bound(self, walk: Walk, *, after: int, end: int, size: int) -> Sql:
        pk, table = self.q(walk.pk), self.q(walk.driver)
        return Sql(f"SELECT {pk} FROM {table} WHERE {pk} > %s AND {pk} <= %s ORDER BY {pk} LIMIT 1 OFFSET {size - 1}", (after, end))

    def rows_between(self, walk: Walk, *, after: int, end: int) -> Sql:
        pk = self.q(walk.pk)
        return Sql(f"SELECT COUNT(*) FROM {self.q(walk.driver)} WHERE {pk} > %s AND {pk} <= %s", (after, end))

    def due_ids(self, walk: Walk, *, after: int, last: int) -> Sql:
        pk, due = self.q(walk.pk), walk.due_between(after=after, last=last)
        sql = f"SELECT {pk} FROM {self.q(walk.driver)} WHERE {pk} > %s AND {pk} <= %s AND ({due}) ORDER BY {pk}"
        return Sql(sql, (after, last, *walk.params))

    def ids_among(self, *, table: str, pk: str, ids, walk: Walk | None = None) -> Sql:
        """Select those of ids whose rows exist in table (and meet walk's condition, when given)."""
        condition = walk.due_between(after=min(ids) - 1, last=max(ids)) if walk else "1 = 1"
        sql = f"SELECT {self.q(pk)} FROM {self.q(table)} WHERE {self.q(pk)} IN ({id_list(ids)}) AND ({condition})"
        return Sql(sql, walk.params if walk else ())

    # -- the steps -------------------------------------------------------------------------

    def write(self, step: Step, *, driver_pk: str, ids) -> Sql | None:
        """Return the UPDATE or DELETE of step for the driver ids, or None when nothing applies."""
        chain = self._chain(step, driver_pk)
        if step.action == "delete":
            return self._delete(step, chain, ids)
        assignments, params = self.assignments(step, joined=chain.joined and self.vendor != "sqlite")
        if not assignments:
            return None
        where, where_params = self._where(step, chain, ids)
        target = chain.from_clause(self.q) if chain.joined and self.vendor != "sqlite" else self.q(step.table)
        return Sql(f"UPDATE {target} SET {', '.join(assignments)} WHERE {where}", (*params, *where_params))

    def count(self, step: Step, *, driver_pk: str, ids) -> Sql:
        chain = self._chain(step, driver_pk)
        source = chain.from_clause(self.q) if chain.joined and self.vendor != "sqlite" else self.q(step.table)
        where, params = self._where(step, chain, ids)
        return Sql(f"SELECT COUNT(*) FROM {source} WHERE {where}", params)

    def _delete(self, step: Step, chain: "Chain", ids) -> Sql:
        where, params = self._where(step, chain, ids)
        if chain.joined and self.vendor != "sqlite":
            return Sql(f"DELETE a0 FROM {chain.from_clause(self.q)} WHERE {where}", params)
        return Sql(f"DELETE FROM {self.q(step.table)} WHERE {where}", params)

    def assignments(self, step: Step, *, joined: bool = False) -> tuple[list[str], list]:
        """Return the `column = expression` parts of step's UPDATE and their parameters."""
        live = self.columns(step.table)
        assignments, params = [], []
        pk_ref = f"a0.{self.q(step.pk)}" if joined else self.q(step.pk)
        for name, strategy, json_keys in step.strategies:
            if name not in live:
                continue  # this shop's schema has no such column (another Magento version)
            column = Column(**{**live[name].__dict__, "json_keys": json_keys})
            ref = f"a0.{self.q(name)}" if joined else self.q(name)
            target = Target(column=column, ref=ref, seed=pk_ref, namespace=step.namespace)
            rendered = strategy_sql(strategy, vendor=self.vendor, target=target, key=self.key)
            if rendered is not None:
                assignments.append(f"{ref} = {rendered.sql}")
                params.extend(rendered.params)
        return assignments, params

    def _chain(self, step: Step, driver_pk: str) -> "Chain":
        tables = [step.table, *(hop.table for hop in step.path)]
        links = [(hop.column, hop.key) for hop in step.path]
        if not step.path:
            return Chain(tables=tables, links=[], final_column=step.pk)
        if step.path[-1].key == driver_pk:
            # The last hop names the driver's own id: compare with the ids without reading the driver.
            return Chain(tables=tables[:-1], links=links[:-1], final_column=step.path[-1].column)
        return Chain(tables=tables, links=links, final_column=driver_pk)

    def _where(self, step: Step, chain: "Chain", ids) -> tuple[str, tuple]:
        """Return the condition selecting step's rows of the batch, and its parameters."""
        joined = chain.joined and self.vendor != "sqlite"
        own = "a0." if joined else ""
        extra = "".join(f" AND {own}{self.q(column)} = %s" for column, _value in step.where)
        params = tuple(value for _column, value in step.where)
        if joined:
            return self._in_ids(f"a{len(chain.tables) - 1}.{self.q(chain.final_column)}", ids) + extra, params
        condition = self._in_ids(self.q(chain.final_column), ids)
        for index in range(len(chain.links) - 1, -1, -1):
            column, key = chain.links[index]
            condition = f"{self.q(column)} IN (SELECT {self.q(key)} FROM {self.q(chain.tables[index + 1])} WHERE {condition})"
        return condition + extra, params


    @staticmethod
    def _in_ids(column: str, ids) -> str:
        # The index is reached by the BETWEEN range only: `column + 0` keeps the long IN list out of the
        # optimizer's range analysis, where MariaDB estimates it from (often stale) index statistics and
        # may pick a full scan of the table for every batch.
        return f"{column} BETWEEN {int(min(ids))} AND {int(max(ids))} AND ({column} + 0) IN ({id_list(ids)})"


class Chain:
    """The tables from a step up to the id comparison, and the column pairs joining them."""

    def __init__(self, *, tables: list[str], links: list[tuple[str, str]], final_column: str):
        self.tables, self.links, self.final_column = tables, links, final_column

    @property
    def joined(self) -> bool:
        return len(self.tables) > 1

    def from_clause(self, q) -> str:
        clause = f"{q(self.tables[0])} AS a0"
        for index, (column, key) in enumerate(self.links):
            clause += f" JOIN {q(self.tables[index + 1])} AS a{index + 1} ON a{index + 1}.{q(key)} = a{index}.{q(column)}"
        return clause
