"""Statutory holds: the periods an erasure plans with, and the holds it leaves for retention.

The periods are retention's (`retention.StatutoryPeriod`, editable in the admin, defaults in
docs/retention.md: Germany 8 years for orders, invoices and credit memos, 6 for delivery notes,
10 for books; France 10; United States 7), counted from the end of the document's calendar year.
Retention anonymizes a held row once its hold has ended.
"""

from datetime import datetime

from privacy.sources import datamap
from privacy.sources.erasure.plan import ErasurePlan, Period, PlanError
from retention.models import RetentionHold
from retention.selectors import (
    MissingStatutoryPeriod,
    shop_jurisdiction,
    statutory_period,
)
from retention.services import retention_holds_create_many


def statutory_periods(*, jurisdiction: str | None = None) -> dict[str, Period]:
    """Return the period of every document class the data map holds, for jurisdiction (the shop's by default)."""
    jurisdiction = jurisdiction or shop_jurisdiction()
    classes = sorted({entry.hold.value for entry in datamap.TABLES if entry.hold is not None})
    periods = {}
    for document_class in classes:
        try:
            period = statutory_period(document_class=document_class, jurisdiction=jurisdiction)
        except MissingStatutoryPeriod as error:
            raise PlanError(str(error)) from None
        periods[document_class] = Period(document_class, jurisdiction, period.years, period.legal_basis)
    return periods


def holds_record(*, plan: ErasurePlan, reference: str, now: datetime) -> int:
    """Write one RetentionHold per held row (once per reference: a retry finds them written); return the count.

    Call inside the transaction that records the step, so holds and progress commit together.
    """
    written = RetentionHold.objects.filter(request_ref=reference).count()
    if written:
        return written
    holds = [(table.table, row.pk, row.hold.document_class, row.hold.until) for table in plan.tables for row in table.held]
    return retention_holds_create_many(holds=holds, request_ref=reference, jurisdiction=plan.jurisdiction, now=now)
