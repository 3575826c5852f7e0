"""The erasure receipt for the customer, and the preview for staff: what is deleted, what is
anonymized, what is kept under which law until when. Counts and categories only, never values.

The receipt has the sentences the request report lists (`erased`; `kept`: category, reason, until)
and the detail the erasure-receipt e-mail prints; that e-mail is a deletion's only completion e-mail.
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from privacy.sources import datamap
from privacy.sources.erasure.plan import ErasurePlan
from retention.models import DocumentClass

BLOCK_REASONS = {
    "open_orders": (
        gettext_noop("%(count)d open order(s) (not complete, closed or canceled)"),
        gettext_noop("you have orders that are not finished yet (still being processed, shipped or paid)"),
    ),
    "pending_amazon_pay": (
        gettext_noop("%(count)d Amazon Pay action(s) still pending (authorization or refund)"),
        gettext_noop("a payment or refund with Amazon Pay is still being processed"),
    ),
    "open_refunds": (
        gettext_noop("%(count)d open refund(s) (credit memo not yet refunded)"),
        gettext_noop("a refund to you is not finished yet"),
    ),
}


def staff_block_reason(blocks) -> str:
    """Why a plan is blocked, for staff (blocks: Block or {"reason", "count"} items), in the active language."""
    reasons = "; ".join(_(BLOCK_REASONS[_field(b, "reason")][0]) % {"count": _field(b, "count")} for b in blocks)
    return _("Erasure refused for now: %(reasons)s. Retry once they are settled; nothing was changed.") % {"reasons": reasons}


def customer_block_reasons(blocks) -> list[str]:
    """Why the erasure waits, in words for the customer, one sentence per kind of block."""
    return [_(BLOCK_REASONS[_field(block, "reason")][1]) for block in blocks]


def _field(block, name: str):
    return block[name] if isinstance(block, dict) else getattr(block, name)


def plan_preview(plan: ErasurePlan) -> dict:
    """The dry-run view: rows per table and action, columns and strategies, holds, Amazon Pay, blocks."""
    tables = [
        {
            "table": table.table, "action": table.action, "delete": len(table.delete), "anonymize": len(table.anonymize),
            "held": len(table.held), "columns": {action.column: _label(action) for action in table.columns},
            "columns_while_held": {action.column: _label(action) for action in table.columns_held},
            "kept_while_held": list(table.kept),
        }
        for table in plan.tables
    ]  # fmt: skip
    totals = Counter()
    for row in tables:
        totals.update({key: row[key] for key in ("delete", "anonymize", "held")})
    return {
        "found": bool(plan.tables),
        "subject": {"customer_accounts": len(plan.subject.customer_ids), "emails": len(plan.subject.emails),
                    "orders": len(plan.subject.order_ids), "amazon_buyer_ids": len(plan.subject.amazon_buyer_ids)},
        "jurisdiction": plan.jurisdiction,
        "blocked": plan.blocked,
        "blocks": [{"reason": block.reason, "count": block.count} for block in plan.blocks],
        "totals": dict(totals, rows=sum(totals.values())),
        "tables": tables,
        "holds": _holds(plan),
        "amazon_pay": {"charge_permissions_to_close": len(plan.charge_permissions),
                       "cancel_pending_charges": settings.PRIVACY_AMAZON_CANCEL_PENDING_CHARGES,
                       "connector_enabled": settings.AMAZON_PAY_ENABLED},
    }  # fmt: skip


def receipt_build(*, plan: ErasurePlan, amazon: dict, scan: dict) -> dict:
    """The customer's receipt: deleted, anonymized and kept data by category, with law and date for what is kept."""
    deleted, anonymized = Counter(), Counter()
    for table in plan.tables:
        label = str(datamap.CATEGORIES[datamap.table(table.table).category].label)
        deleted[label] += len(table.delete)
        anonymized[label] += len(table.anonymize)
    held = _holds(plan)
    erased = [_("%(category)s: %(rows)d record(s) deleted") % {"category": label, "rows": rows} for label, rows in sorted(deleted.items()) if rows]
    erased += [_("%(category)s: %(rows)d record(s) anonymized") % {"category": label, "rows": rows}
               for label, rows in sorted(anonymized.items()) if rows]  # fmt: skip
    kept = [
        {"category": hold["document"], "until": hold["until"], "rows": hold["rows"],
         "reason": _("kept for statutory record keeping (%(law)s); your contact details, IP addresses and notes on it "
                     "were removed now, the rest is anonymized when the period ends") % {"law": hold["law"]}}
        for hold in held
    ]  # fmt: skip
    return {
        "erased": erased, "kept": kept, "deleted": dict(deleted), "anonymized": dict(anonymized), "held": held,
        "amazon_pay": amazon, "verified": bool(scan.get("clean")), "rows_checked": scan.get("rows_checked", 0),
    }  # fmt: skip


def _holds(plan: ErasurePlan) -> list[dict]:
    groups: dict[tuple, int] = defaultdict(int)
    for table in plan.tables:
        for row in table.held:
            hold = row.hold
            groups[(hold.document_class, hold.jurisdiction, hold.years, hold.until, hold.law)] += 1
    return [
        {"document_class": document_class, "document": str(DocumentClass(document_class).label), "jurisdiction": jurisdiction,
         "years": years, "until": until.isoformat(), "law": law, "rows": rows}
        for (document_class, jurisdiction, years, until, law), rows in sorted(groups.items())
    ]  # fmt: skip


def _label(action) -> str:
    return f"{action.strategy} (per subject)" if action.per_subject else action.strategy
