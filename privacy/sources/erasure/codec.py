"""Plans to and from JSON, so a run can freeze its plan (encrypted) and resume from it after a crash."""

from datetime import date, datetime

from privacy.sources.base import Subject
from privacy.sources.erasure.identifiers import Identifiers
from privacy.sources.erasure.plan import (
    Block,
    ColumnAction,
    ErasurePlan,
    HeldRow,
    Hold,
    TablePlan,
)


def plan_to_json(plan: ErasurePlan) -> dict:
    return {
        "subject": plan.subject.as_dict(),
        "tables": [_table_to_json(table) for table in plan.tables],
        "blocks": [[block.reason, block.count] for block in plan.blocks],
        "identifiers": plan.identifiers.as_dict(),
        "charge_permissions": list(plan.charge_permissions),
        "token": plan.token,
        "jurisdiction": plan.jurisdiction,
        "created_at": plan.created_at.isoformat(),
    }


def plan_from_json(data: dict) -> ErasurePlan:
    return ErasurePlan(
        subject=Subject.from_dict(data["subject"]),
        tables=tuple(_table_from_json(table) for table in data["tables"]),
        blocks=tuple(Block(reason, count) for reason, count in data["blocks"]),
        identifiers=Identifiers.from_dict(data["identifiers"]),
        charge_permissions=tuple(data["charge_permissions"]),
        token=data["token"],
        jurisdiction=data["jurisdiction"],
        created_at=datetime.fromisoformat(data["created_at"]),
    )


def _table_to_json(table: TablePlan) -> dict:
    return {
        "table": table.table, "action": table.action, "delete": [_pk_out(pk) for pk in table.delete],
        "anonymize": [_pk_out(pk) for pk in table.anonymize],
        "held": [[_pk_out(row.pk), _hold_out(row.hold)] for row in table.held],
        "columns": [_action_out(action) for action in table.columns],
        "columns_held": [_action_out(action) for action in table.columns_held], "kept": list(table.kept),
        "literals": {column: [[_pk_out(pk), value] for pk, value in values.items()] for column, values in table.literals.items()},
    }  # fmt: skip


def _table_from_json(data: dict) -> TablePlan:
    return TablePlan(
        table=data["table"], action=data["action"], delete=tuple(_pk_in(pk) for pk in data["delete"]),
        anonymize=tuple(_pk_in(pk) for pk in data["anonymize"]),
        held=tuple(HeldRow(_pk_in(pk), _hold_in(hold)) for pk, hold in data["held"]),
        columns=tuple(ColumnAction(*action) for action in data["columns"]),
        columns_held=tuple(ColumnAction(*action) for action in data["columns_held"]), kept=tuple(data["kept"]),
        literals={column: {_pk_in(pk): value for pk, value in pairs} for column, pairs in data["literals"].items()},
    )  # fmt: skip


def _action_out(action: ColumnAction) -> list:
    return [action.column, action.strategy, action.per_subject]


def _hold_out(hold: Hold) -> list:
    return [hold.document_class, hold.jurisdiction, hold.years, hold.law, hold.until.isoformat()]


def _hold_in(data: list) -> Hold:
    document_class, jurisdiction, years, law, until = data
    return Hold(document_class, jurisdiction, years, law, date.fromisoformat(until))


def _pk_out(pk):
    return list(pk) if isinstance(pk, tuple) else pk


def _pk_in(pk):
    return tuple(pk) if isinstance(pk, list) else pk
