"""The erasure plan: what happens to each of a subject's rows, computed from the data map.

Per table the map's erasure action decides: `delete` removes the rows, `anonymize` applies every
column's strategy, `hold` keeps the row for its statutory period (only the columns the record
does not need are anonymized now; the held columns follow when the period ends). A row whose
period has already ended is anonymized completely at once.

Two choices the map leaves to erasure:
- Staff comments and gift messages on kept documents are scrubbed of the subject's identifiers
  rather than emptied: what happened to the order stays, who it happened to goes.
- E-mail columns of kept documents all get the same pseudonymous address for one subject, so
  the kept orders stay linkable for accounting without naming anyone.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from privacy.sources import datamap, strategies
from privacy.sources.base import Pk, Subject
from privacy.sources.datamap import ErasureAction, Strategy
from privacy.sources.erasure.identifiers import Identifiers

SCRUB = "scrub"
SCRUBBED = frozenset({
    ("sales_order_status_history", "comment"),
    ("sales_invoice_comment", "comment"),
    ("sales_shipment_comment", "comment"),
    ("sales_creditmemo_comment", "comment"),
    ("gift_message", "message"),
})  # fmt: skip
# Strategies whose output depends on the value they overwrite: applying them twice would change
# the value again, so the plan fixes their result per row and a re-run writes the same literal.
VALUE_DEPENDENT = frozenset({Strategy.JSON_REDACT.value})
FINAL_ORDER_STATES = frozenset({"complete", "closed", "canceled"})
# Amazon closes a one-time charge permission itself 180 days after creation; only younger ones
# (and recurring ones, which carry no date) can still be open. A day of margin for time zones.
AMAZON_ONE_TIME_DAYS = 181


class PlanError(Exception):
    """The plan cannot be built safely: the message names the table, column and fix."""


@dataclass(frozen=True)
class ColumnAction:
    column: str
    strategy: str  # a privacy.sources.strategies name, or "scrub"
    per_subject: bool = False  # keyed on the subject rather than the row


@dataclass(frozen=True)
class Hold:
    document_class: str
    jurisdiction: str
    years: int
    law: str
    until: date


@dataclass(frozen=True)
class HeldRow:
    pk: Pk
    hold: Hold


@dataclass(frozen=True)
class TablePlan:
    table: str
    action: str
    delete: tuple[Pk, ...] = ()
    anonymize: tuple[Pk, ...] = ()  # every column's strategy now
    held: tuple[HeldRow, ...] = ()  # kept under a statutory hold
    columns: tuple[ColumnAction, ...] = ()  # applied to `anonymize` rows
    columns_held: tuple[ColumnAction, ...] = ()  # applied now to `held` rows
    kept: tuple[str, ...] = ()  # columns a hold keeps until it ends
    literals: dict[str, dict] = field(default_factory=dict)  # column -> {pk: value} for value-dependent strategies

    @property
    def rows(self) -> int:
        return len(self.delete) + len(self.anonymize) + len(self.held)

    def held_pks(self) -> set:
        return {row.pk for row in self.held}


@dataclass(frozen=True)
class Block:
    reason: str  # open_orders | pending_amazon_pay | open_refunds
    count: int


@dataclass(frozen=True)
class Period:
    """A statutory retention period: years from the end of the document's calendar year."""

    document_class: str
    jurisdiction: str
    years: int
    law: str

    def until(self, document_date: date) -> date:
        return date(document_date.year + self.years, 12, 31)


@dataclass(frozen=True)
class SubjectFacts:
    """What the Magento side reads besides discovery: states, pending actions, document dates, live columns."""

    order_states: dict[int, str]
    pending_amazon_actions: int
    open_creditmemos: int
    document_dates: dict[tuple[str, Pk], date]
    live_columns: dict[str, dict[str, bool]]  # table -> column -> nullable
    charge_permissions: tuple[tuple[str, date | None], ...] = ()  # (id, day of its order; None if recurring)


@dataclass(frozen=True)
class ErasurePlan:
    subject: Subject
    tables: tuple[TablePlan, ...]
    blocks: tuple[Block, ...]
    identifiers: Identifiers
    charge_permissions: tuple[str, ...]
    token: str  # the subject's pseudonym seed (keyed, not reversible)
    jurisdiction: str
    created_at: datetime

    @property
    def blocked(self) -> bool:
        return bool(self.blocks)

    def table(self, name: str) -> TablePlan | None:
        return next((entry for entry in self.tables if entry.table == name), None)


def erasure_plan_build(
    *, subject: Subject, rows: dict[str, dict], facts: SubjectFacts, identifiers: Identifiers,
    periods: dict[str, Period], jurisdiction: str, token: str, key: str, now: datetime,
) -> ErasurePlan:  # fmt: skip
    """Return the plan for subject's discovered rows ({table: {pk: row}}); raises PlanError before any change."""
    today = now.date()
    tables = []
    for entry in datamap.TABLES:
        pks = sorted(rows.get(entry.name, {}), key=str)
        if pks and entry.name in facts.live_columns:
            tables.append(_table_plan(entry, pks, rows[entry.name], facts, periods, today, key))
    return ErasurePlan(
        subject=subject, tables=tuple(tables), blocks=_blocks(facts), identifiers=identifiers,
        charge_permissions=_open_charge_permissions(facts, today), token=token, jurisdiction=jurisdiction,
        created_at=now,
    )  # fmt: skip


def _table_plan(entry, pks, rows, facts: SubjectFacts, periods, today: date, key: str) -> TablePlan:
    live = facts.live_columns[entry.name]
    if entry.erasure is ErasureAction.DELETE:
        return TablePlan(entry.name, entry.erasure.value, delete=tuple(pks))
    every = _actions(entry, live, held=False)
    if entry.erasure is ErasureAction.ANONYMIZE:
        literals = _literals(entry, every, pks, rows, key)
        return TablePlan(entry.name, entry.erasure.value, anonymize=tuple(pks), columns=every, literals=literals)
    period = periods.get(entry.hold.value) if entry.hold else None
    if period is None:
        raise PlanError(f"no statutory period for {entry.hold} documents (table {entry.name}): configure one for the jurisdiction.")
    held, expired = [], []
    for pk in pks:
        until = period.until(_document_date(entry.name, pk, facts))
        if until >= today:
            held.append(HeldRow(pk, Hold(period.document_class, period.jurisdiction, period.years, period.law, until)))
        else:
            expired.append(pk)
    kept = tuple(column.name for column in entry.columns if column.held and column.strategy is not Strategy.KEEP and column.name in live)
    return TablePlan(
        entry.name, entry.erasure.value, anonymize=tuple(expired), held=tuple(held), columns=every,
        columns_held=_actions(entry, live, held=True), kept=kept,
        literals=_literals(entry, every, expired, rows, key),
    )  # fmt: skip


def _actions(entry, live: dict[str, bool], *, held: bool) -> tuple[ColumnAction, ...]:
    """The column changes for entry's rows: every mapped column, or only those a hold does not keep."""
    kept_document = entry.erasure is ErasureAction.HOLD
    actions = []
    for column in entry.columns:
        if column.name not in live or column.strategy is Strategy.KEEP or (held and column.held):
            continue
        strategy = column.strategy.value
        if (entry.name, column.name) in SCRUBBED and (held or entry.erasure is ErasureAction.ANONYMIZE):
            strategy = SCRUB
        else:
            _check_live(entry.name, column, strategy, nullable=live[column.name])
        actions.append(ColumnAction(column.name, strategy, per_subject=kept_document and strategy == Strategy.EMAIL.value))
    return tuple(actions)


def _check_live(table: str, column, strategy: str, *, nullable: bool) -> None:
    """Refuse, before anything changes, a strategy the live column cannot take (e.g. NULL into NOT NULL)."""
    target = strategies_column(column, nullable=nullable)
    try:
        strategies.strategy_value(strategy, value=None, column=target, key="check")
    except strategies.StrategyError as error:
        raise PlanError(f"{table}.{column.name}: {error} Fix privacy/sources/datamap.") from None


def strategies_column(column, *, nullable: bool) -> strategies.Column:
    return strategies.Column(column.name, column.kind, column.max_length, nullable, column.json_keys)


def _literals(entry, actions, pks, rows, key: str) -> dict[str, dict]:
    literals = {}
    for action in actions:
        if action.strategy in VALUE_DEPENDENT and pks:
            target = strategies_column(entry.column(action.column), nullable=True)
            literals[action.column] = {
                pk: strategies.strategy_value(action.strategy, value=rows[pk].get(action.column), column=target, key=key)
                for pk in pks
            }
    return literals


def _document_date(table: str, pk: Pk, facts: SubjectFacts) -> date:
    try:
        return facts.document_dates[(table, pk)]
    except KeyError:
        raise PlanError(f"{table} row {pk}: no document date found, so its statutory period cannot be computed.") from None


def _open_charge_permissions(facts: SubjectFacts, today: date) -> tuple[str, ...]:
    cutoff = today - timedelta(days=AMAZON_ONE_TIME_DAYS)
    return tuple(sorted(permission for permission, day in facts.charge_permissions if day is None or day >= cutoff))


def _blocks(facts: SubjectFacts) -> tuple[Block, ...]:
    open_orders = sum(1 for state in facts.order_states.values() if state not in FINAL_ORDER_STATES)
    counts = (("open_orders", open_orders), ("pending_amazon_pay", facts.pending_amazon_actions),
              ("open_refunds", facts.open_creditmemos))  # fmt: skip
    return tuple(Block(reason, count) for reason, count in counts if count)
