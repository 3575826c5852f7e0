"""The access / portability package: one ZIP with data.json, one CSV per table and report.html.

data.json follows privacy/sources/export_schema.json and groups the person's data by category;
the CSVs hold the same rows per Magento table; report.html is the readable summary with the
GDPR Art. 15 and CCPA right-to-know information generated from the data map. The bytes are
returned as they are: the request lifecycle encrypts them at rest.
"""

import base64
import csv
import io
import json
import zipfile
from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from privacy.sources import datamap
from privacy.sources.base import ExportContext, Finding, Subject, charge_permission_of
from privacy.sources.datamap import CATEGORIES
from privacy.sources.discovery import select_columns
from privacy.sources.export_amazon import ChargePermissionLookup, amazon_pay_section
from privacy.sources.export_info import AMAZON_PAY_ASK, AMAZON_PAY_HOLDS, ccpa_information, gdpr_information
from privacy.sources.magento import finder

FORMAT = "privacydesk-export"
VERSION = 1
WITHHELD = "[withheld: security credential]"
__all__ = ["ExportContext", "export_package_build", "export_rows"]


def export_package_build(
    *,
    subject: Subject,
    findings: list[Finding],
    context: ExportContext,
    amazon_lookup: ChargePermissionLookup | None = None,
    using: str = "magento",
) -> bytes:
    """Read the found rows afresh and return the package as ZIP bytes."""
    now = context.generated_at or timezone.now()
    rows = export_rows(findings=findings, using=using)
    amazon = amazon_pay_section(permissions=_charge_permission_dates(rows), lookup=amazon_lookup, now=now)
    data = package_data(subject=subject, rows=rows, context=context, amazon=amazon, now=now)
    report = render_to_string("export/report.html", _report_context(data, rows))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        # Compact on purpose: indenting would switch json to its pure-Python encoder, 20x slower.
        package.writestr("data.json", json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        for table, table_rows in rows.items():
            package.writestr(f"tables/{table}.csv", table_csv(datamap.table(table), table_rows))
        package.writestr("report.html", report)
    return buffer.getvalue()


def export_rows(*, findings: list[Finding], using: str = "magento") -> dict[str, list[dict]]:
    """Return {table: rows} for the findings, read again from the shop (a handful of statements per table).

    Cells are already as the package carries them (`plain_value`), credentials withheld.
    """
    wanted: dict[str, set] = {}
    for finding in findings:
        wanted.setdefault(finding.table, set()).add(finding.pk)
    rows = {}
    for entry in datamap.TABLES:
        if entry.name not in wanted:
            continue
        keys = wanted[entry.name]
        first = {key[0] for key in keys} if len(entry.pk) > 1 else keys
        found = finder.rows_in(table=entry.name, column=entry.pk[0], values=first, select=select_columns(entry.name), using=using)
        found = [_plain_row(entry, row) for row in found if _pk(entry, row) in keys]
        rows[entry.name] = sorted(found, key=lambda row: str(_pk(entry, row)))
    return rows


PLAIN_AS_IS = (str, int, float, type(None))


def _plain_row(entry, row: dict) -> dict:
    plain = {name: value if isinstance(value, PLAIN_AS_IS) else plain_value(value) for name, value in row.items()}
    for column in entry.columns:
        if column.secret and plain[column.name] not in (None, ""):
            plain[column.name] = WITHHELD
    return plain


def _pk(entry, row):
    return row[entry.pk[0]] if len(entry.pk) == 1 else tuple(row[name] for name in entry.pk)


def plain_value(value):
    """A cell as JSON and CSV carry it: text, numbers as text where exact, dates ISO, bytes decoded or base64."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        raw = bytes(value)
        try:
            return raw.decode()
        except UnicodeDecodeError:
            return "base64:" + base64.b64encode(raw).decode()
    return value


def _pk_plain(entry, row):
    pk = _pk(entry, row)
    return list(pk) if isinstance(pk, tuple) else pk


def package_data(*, subject: Subject, rows: dict, context: ExportContext, amazon: dict, now: datetime) -> dict:
    tables = list(rows)
    information = gdpr_information(table_names=tables, jurisdiction=context.jurisdiction, supervisory_authority=context.supervisory_authority)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": now.isoformat(),
        "request": {
            "id": str(context.request_id),
            "kind": context.kind,
            "jurisdiction": context.jurisdiction,
            "received_at": context.received_at.isoformat(),
        },
        "controller": {"name": context.shop_name, "contact": context.controller_contact},
        "subject": {
            "emails": sorted(subject.emails),
            "customer_ids": sorted(subject.customer_ids),
            "amazon_buyer_ids": sorted(subject.amazon_buyer_ids),
        },
        "categories": _by_category(rows),
        "amazon_pay": {**amazon, "controller_note": str(AMAZON_PAY_HOLDS), "how_to_ask_amazon": str(AMAZON_PAY_ASK)},
        "information": information,
    }
    if context.jurisdiction == "ccpa":
        data["ccpa"] = ccpa_information(table_names=tables)
    return data


def _by_category(rows: dict) -> dict:
    categories = {category.value: {"label": str(info.label), "description": str(info.description), "records": []}
                  for category, info in CATEGORIES.items()}  # fmt: skip
    for table, table_rows in rows.items():
        entry = datamap.table(table)
        for row in table_rows:
            values: dict[str, dict] = {}
            for column in entry.columns:
                if row[column.name] not in (None, ""):
                    values.setdefault(column.category.value, {})[column.name] = row[column.name]
            for category, cells in values.items():
                categories[category]["records"].append({"table": table, "pk": _pk_plain(entry, row), "values": cells})
    return {key: value for key, value in categories.items() if value["records"]}


def table_csv(entry, table_rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*entry.pk, *(column.name for column in entry.columns)])
    for row in table_rows:
        cells = [row[name] for name in entry.pk] + [row[column.name] for column in entry.columns]
        writer.writerow(["" if cell is None else cell for cell in cells])
    return out.getvalue()


def _charge_permission_dates(rows: dict) -> dict[str, datetime | None]:
    """Return {charge permission id: date of its order} for the person's Amazon Pay payments."""
    placed = {row["entity_id"]: _aware(row.get("created_at")) for row in rows.get("sales_order", [])}
    found: dict[str, datetime | None] = {}
    for payment in rows.get("sales_order_payment", []):
        try:
            info = json.loads(payment.get("additional_information") or "{}")
        except ValueError:
            info = {}
        permission = charge_permission_of(info.get("charge_permission_id") if isinstance(info, dict) else None)
        permission = permission or charge_permission_of(payment.get("last_trans_id"))
        if permission:
            found[permission] = placed.get(payment.get("parent_id"))
    return found


def _aware(value) -> datetime | None:
    if value in (None, ""):
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # Magento stores UTC


def _report_context(data: dict, rows: dict) -> dict:
    orders = [
        {name: row[name] for name in ("increment_id", "created_at", "status", "grand_total", "order_currency_code")}
        for row in rows.get("sales_order", [])
    ]
    return {
        "data": data,
        "category_counts": [(value["label"], len(value["records"])) for value in data["categories"].values()],
        "table_counts": sorted(Counter({table: len(table_rows) for table, table_rows in rows.items()}).items()),
        "orders": orders,
        "csv_files": [f"tables/{table}.csv" for table in rows],
    }
