"""Statutory holds: the periods an erasure plans with, and the holds it leaves for retention.

The periods are retention's (`retention.StatutoryPeriod`, editable in the admin, defaults in
docs/retention.md: Germany 8 years for orders, invoices and credit memos, 6 for delivery notes,
10 for books; France 10; United States 7), counted from the end of the document's calendar year.
Retention anonymizes a held row once its hold has ended.
"""

from datetime import datetime

from privacy.sources import datamap
from privacy.sources.erasure.plan import ErasurePlan, Period, PlanError
from retention.selectors import (
    MissingStatutoryPeriod,
    shop_jurisdiction,
    statutory_periods_of,
)
from retention.services import retention_holds_create_many


def statutory_periods(*, jurisdiction: str | None = None) -> dict[str, Period]:
    """Return the period of every document class the data map holds, for jurisdiction (the shop's by default)."""
    jurisdiction = jurisdiction or shop_jurisdiction()
    classes = sorted({entry.hold.value for entry in datamap.TABLES if entry.hold is not None})
    try:
        found = statutory_periods_of(document_classes=classes, jurisdiction=jurisdiction)
    except MissingStatutoryPeriod as error:
        raise PlanError(str(error)) from None
    return {name: Period(name, jurisdiction, period.years, period.legal_basis) for name, period in found.items()}


def holds_record(*, plan: ErasurePlan, reference: str, now: datetime) -> int:
    """Write one RetentionHold per held row; return the count.

    Call inside the transaction that records the step, with the run's row locked and its step
    checked: holds and progress then commit together, so a run that has its holds has passed the
    step and never comes here again (no need to count the holds already written: that query read
    every hold of the shop, as request_ref has no index).
    """
    holds = [(table.table, row.pk, row.hold.document_class, row.hold.until) for table in plan.tables for row in table.held]
    return retention_holds_create_many(holds=holds, request_ref=reference, jurisdiction=plan.jurisdiction, now=now)
