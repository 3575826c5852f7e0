"""System check: does the data map classify everything in the shop database that looks personal?

Shops run extensions, and an extension's table of e-mails would otherwise escape every export
and erasure. It runs with every `manage.py check` (and at the start of runserver and other
commands) and costs one information_schema query; it never stops a command, and an unreachable
shop database gives a warning instead of a crash.

- privacydesk.W001: a table the map neither maps nor lists as not personal has a text column
  that looks personal (or a customer_id column).
- privacydesk.W002: a mapped table has a text column that looks personal but is not classified.
- privacydesk.W003: the Magento database cannot be reached, so nothing was checked.
- privacydesk.W004: a table the map needs is missing from the Magento database.
"""

import re

from django.core.checks import Warning, register
from django.db import DatabaseError, connections

from privacy.sources import datamap
from privacy.sources.magento.finder import table_columns

ALIAS = "magento"
TEXT_FIELDS = {"CharField", "TextField"}
PERSONAL_PARTS = re.compile(
    r"e_?mail|phone|mobile|street|postcode|postal|zipcode|firstname|lastname|middlename|fullname|nickname|username|"
    r"birth|taxvat|address|passport|iban"
)
PERSONAL_WORDS = {
    "name", "city", "zip", "ip", "dob", "vat", "fax", "gender", "company", "note", "notes", "comment",
    "message", "sender", "recipient", "owner", "ssn", "forwarded", "remote",
}  # fmt: skip
DJANGO_BOOKKEEPING = {"django_migrations"}  # Django creates it in every database it connects for tests
HINT = "Add it to privacy/sources/datamap (a Table entry, or NotPersonal with the reason) so exports and erasure cover it."


def looks_personal(column: str) -> bool:
    name = column.lower()
    return bool(PERSONAL_PARTS.search(name)) or bool(PERSONAL_WORDS & set(name.split("_")))


@register()
def check_magento_coverage(app_configs=None, **kwargs):
    return coverage_warnings(connection=connections[ALIAS])


def coverage_warnings(*, connection) -> list[Warning]:
    try:
        columns = {
            table: ([name for name, text in described if text], [name for name, _ in described])
            for table, described in table_columns(connection=connection).items()
            if table not in DJANGO_BOOKKEEPING
        }
    except DatabaseError as error:
        return [
            Warning(
                f"The Magento database ({connection.alias!r}) could not be read ({type(error).__name__}), so the data map's "
                "coverage of it was not checked.",
                hint="Check MAGENTO_DATABASE_URL and that the database accepts connections, then run "
                "`manage.py check --database magento` again.",
                id="privacydesk.W003",
            )
        ]
    missing = [entry.name for entry in datamap.TABLES if entry.name not in columns and not entry.optional]
    warnings = [_missing(missing)] if missing else []
    for table, (text, all_columns) in sorted(columns.items()):
        warnings += _unclassified(table, text, all_columns)
    return warnings


def _unclassified(table: str, text: list[str], all_columns: list[str]) -> list[Warning]:
    if table in datamap.NOT_PERSONAL_NAMES:
        return []
    entry = datamap.BY_NAME.get(table)
    suspects = [name for name in text if looks_personal(name)]
    if entry is None:
        suspects += [name for name in all_columns if name == "customer_id" and name not in suspects]
        if suspects:
            return [
                Warning(
                    f"Magento table {table!r} looks personal ({', '.join(suspects)}) but the data map does not classify it.",
                    hint=HINT, obj=table, id="privacydesk.W001",
                )
            ]
        return []
    known = {column.name for column in entry.columns} | set(entry.ignored) | {link.column for link in entry.links}
    unknown = [name for name in suspects if name not in known]
    if not unknown:
        return []
    return [
        Warning(
            f"Mapped Magento table {table!r} has columns that look personal but are not classified: {', '.join(unknown)}.",
            hint="Map them in the table's entry in privacy/sources/datamap, or list them in its `ignored` columns.",
            obj=table, id="privacydesk.W002",
        )
    ]


def _missing(tables: list[str]) -> Warning:
    listed = ", ".join(tables[:8]) + (f" and {len(tables) - 8} more" if len(tables) > 8 else "")
    return Warning(
        f"The shop database lacks {len(tables)} table(s) the data map names: {listed}.",
        hint="Check that MAGENTO_DATABASE_URL names the shop's database; if the shop lacks a module, mark its "
        "tables optional in the data map.",
        id="privacydesk.W004",
    )
