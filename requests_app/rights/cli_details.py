"""The kind-specific part of a request as `privacy show --json` prints it for operators (values included)."""

from privacy.keys import KeyShredded
from requests_app.models import Kind, PrivacyRequest
from requests_app.notifications import privacy_request_receipt
from requests_app.rights.models import OptOutPreference
from requests_app.selectors import privacy_request_details

OUTCOME = {Kind.CORRECTION: "correction", Kind.OPT_OUT: "preference", Kind.LIMIT: "preference", Kind.OBJECTION: "marketing"}


def kind_details(*, privacy_request: PrivacyRequest) -> dict:
    """Return what the request asks for and what came of it; {} for kinds without details of their own."""
    if privacy_request.kind not in OUTCOME:
        return {}
    asked = privacy_request_details(privacy_request=privacy_request)
    try:
        receipt = privacy_request_receipt(privacy_request) or {}
    except KeyShredded:  # a minimised record: the outcome went with the request's key
        receipt = {}
    details = {"outcome": receipt.get(OUTCOME[privacy_request.kind])}
    if privacy_request.kind == Kind.CORRECTION:
        details |= {"corrections": asked.get("corrections", {}), "explanation": asked.get("explanation", asked.get("correction", "")),
                    "documentation_requested": len(asked.get("documentation_requests", []))}
    else:
        preference = OptOutPreference.objects.filter(request=privacy_request).first()
        details["signal"] = preference.signal if preference else asked.get("signal", "")
    return details
