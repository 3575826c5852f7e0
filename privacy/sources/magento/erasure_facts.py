"""What an erasure plan needs beyond discovery: order states, pending Amazon Pay actions, open
refunds, the date of each held document, the Amazon Pay charge permissions, and which mapped
columns the live database has (with their nullability).

Discovery reads the columns these facts come from with the subject's rows (`fact_columns`), so
working them out reads nothing more from the shop.
"""

import json
from datetime import date, datetime
from functools import cache

from django.db import connections
from django.utils.dateparse import parse_datetime

from privacy.sources import datamap
from privacy.sources.base import charge_permission_of
from privacy.sources.datamap import ByParent, ErasureAction
from privacy.sources.erasure.plan import SubjectFacts

OPEN_CREDITMEMO = 1  # Magento\Sales\Model\Order\Creditmemo::STATE_OPEN


# The state columns the facts are read from (order states, pending Amazon Pay actions, credit memo states).
STATE_COLUMNS = {"sales_order": "state", "amazon_payv2_async": "is_pending", "sales_creditmemo": "state"}


def fact_columns(*, using: str) -> dict[str, tuple[str, ...]]:
    """Return {table: columns} that discovery should read besides its own so subject_facts reads nothing more:
    order and credit memo states, pending Amazon Pay flags, and the date column of every held table."""
    return _fact_columns(using, connections[using].settings_dict["NAME"])


@cache
def _fact_columns(using: str, database) -> dict[str, tuple[str, ...]]:
    live = live_columns(using=using, database=database)
    wanted = {table: [column] for table, column in STATE_COLUMNS.items()}
    for entry in datamap.TABLES:
        if entry.erasure is ErasureAction.HOLD:
            wanted.setdefault(entry.name, []).append(entry.retention.from_column or "created_at")
    return {table: tuple(c for c in columns if c in live[table]) for table, columns in wanted.items() if table in live}


def subject_facts(*, rows: dict[str, dict], using: str) -> SubjectFacts:
    """Return the facts about the subject's discovered rows ({table: {pk: row}}, read with `fact_columns`)
    a plan is built from."""
    live = live_columns(using=using, database=connections[using].settings_dict["NAME"])
    states, pending, memos = (
        {pk: row.get(column) for pk, row in rows.get(table, {}).items()} for table, column in STATE_COLUMNS.items()
    )
    return SubjectFacts(
        order_states={pk: state for pk, state in states.items()},
        pending_amazon_actions=sum(1 for flag in pending.values() if flag),
        open_creditmemos=sum(1 for state in memos.values() if state == OPEN_CREDITMEMO),
        document_dates=_document_dates(rows, live),
        live_columns={name: live[name] for name in live if name in datamap.BY_NAME},
        charge_permissions=charge_permissions_of(rows),
    )


@cache
def live_columns(*, using: str, database) -> dict[str, dict[str, bool]]:
    """Return {table: {column: nullable}} for the mapped tables the database has (cached per database)."""
    connection = connections[using]
    present = set(connection.introspection.table_names()) & set(datamap.BY_NAME)
    with connection.cursor() as cursor:
        return {
            table: {info.name: bool(info.null_ok) for info in connection.introspection.get_table_description(cursor, table)}
            for table in sorted(present)
        }


def charge_permissions_of(rows: dict[str, dict]) -> tuple[tuple[str, date | None], ...]:
    """Return (chargePermissionId, day of its order) for the subject; recurring ones (vault) carry None."""
    orders = rows.get("sales_order", {})
    found: dict[str, date | None] = {}
    for payment in rows.get("sales_order_payment", {}).values():
        placed = _as_date(orders.get(payment.get("parent_id"), {}).get("created_at"))
        for reference in (_json_key(payment.get("additional_information"), "charge_permission_id"), payment.get("last_trans_id")):
            if (permission := charge_permission_of(reference)) is not None:
                found[permission] = max(filter(None, (found.get(permission), placed)), default=None)
    for token in rows.get("vault_payment_token", {}).values():
        if (permission := charge_permission_of(token.get("gateway_token"))) is not None:
            found[permission] = None
    return tuple(sorted(found.items()))


def _document_dates(rows: dict[str, dict], live: dict) -> dict:
    """Return {(table, pk): date} for every row of a held table: its own date column, else its parent's."""
    dates = {}
    for entry in datamap.TABLES:
        table_rows = rows.get(entry.name, {})
        if entry.erasure is not ErasureAction.HOLD or not table_rows or entry.name not in live:
            continue
        dates |= {(entry.name, pk): day for pk, day in _dates_of(entry, table_rows, rows).items()}
    return dates


def _dates_of(entry, table_rows: dict, rows: dict) -> dict:
    own = {pk: _as_date(row.get(entry.retention.from_column or "created_at")) for pk, row in table_rows.items()}
    missing = [pk for pk, day in own.items() if day is None]
    parent = next((link for link in entry.links if isinstance(link, ByParent)), None)
    if missing and parent is not None:
        parents = {row[parent.parent_column]: row for row in rows.get(parent.parent, {}).values()}
        for pk in missing:
            own[pk] = _as_date(parents.get(table_rows[pk].get(parent.column), {}).get("created_at"))
    return {pk: day for pk, day in own.items() if day is not None}


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        moment = parse_datetime(value)
        return moment.date() if moment else date.fromisoformat(value[:10])
    return None


def _json_key(text, key: str):
    try:
        data = json.loads(text) if text else None
    except (TypeError, ValueError):
        return None
    return data.get(key) if isinstance(data, dict) else None

