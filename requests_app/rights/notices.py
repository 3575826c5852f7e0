"""What the requester's e-mails say about a correction, a preference or an objection (context builders)."""

from django.utils.translation import gettext_lazy as _

from requests_app.rights.fields import FIELDS
from requests_app.selectors import privacy_request_details

# Why a record was not rewritten, for the requester.
KEPT_REASONS = {
    "invoiced": _("an issued invoice is a tax record: the law requires it to stay exactly as it was issued"),
    "shipped": _("the order has shipped: its invoice and delivery documents are tax records that stay as issued"),
    "complete": _("the order is complete: its documents are tax records that stay as issued"),
    "closed": _("the order is closed (refunded): its documents are tax records that stay as issued"),
    "canceled": _("the order was canceled: its record stays as it was when canceled"),
}
SIGNALS = {
    "gpc": _("the Global Privacy Control signal your browser sent"),
    "form": _("our privacy request form"),
    "api": _("the shop"),
    "staff": _("our staff, who took your request"),
}


def rights_receipt_context(receipt: dict | None) -> dict:
    """Return the completion e-mail's context for a correction, preference or objection receipt ({} otherwise)."""
    receipt = receipt or {}
    if "correction" in receipt:
        correction = receipt["correction"]
        return {"correction": correction | {
            "corrected": [(FIELDS[item["field"]].label, item["value"]) for item in correction.get("corrected", [])
                          if item["field"] in FIELDS],
            "kept": [item | {"why": KEPT_REASONS.get(item["reason"], item["reason"])} for item in correction.get("kept", [])],
        }}
    if "preference" in receipt:
        preference = receipt["preference"]
        return {"preference": preference | {"how": SIGNALS.get(preference.get("signal"), "")}}
    if "marketing" in receipt:
        return {"marketing": receipt["marketing"]}
    return {}


def documentation_context(privacy_request, base: dict, now) -> dict | None:
    asked = privacy_request_details(privacy_request=privacy_request).get("documentation_requests") or []
    return base | {"message": asked[-1]["message"]} if asked else None
