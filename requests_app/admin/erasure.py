"""The erasure side of a deletion request's page: the dry-run preview before approval, the run after.

Counts, tables, strategies and holds only: the preview never shows a personal value.
"""

from dataclasses import dataclass

from privacy.sources.base import SubjectLookupError
from privacy.sources.erasure.execute import erasure_plan_prepare
from privacy.sources.erasure.plan import PlanError
from privacy.sources.erasure.receipt import plan_preview, staff_block_reason
from privacy.sources.erasure.selectors import erasure_for_request
from requests_app.models import Kind
from requests_app.selectors import ERASED, privacy_request_requester
from requests_app.states import State

PREVIEW_STATES = frozenset({State.VERIFIED, State.IN_REVIEW, State.NEEDS_ATTENTION})


@dataclass(frozen=True)
class ErasureView:
    preview: dict | None  # plan_preview(...) before the erasure ran
    blocked_reason: str
    problem: str  # why a plan could not be made
    run: object | None  # the ErasureRun once approved


def erasure_view_for(*, privacy_request) -> ErasureView | None:
    """Return what the request page shows about erasure, or None for other kinds of request."""
    if privacy_request.kind != Kind.DELETION:
        return None
    run = erasure_for_request(privacy_request=privacy_request)
    if run is not None or privacy_request.state not in PREVIEW_STATES:
        return ErasureView(preview=None, blocked_reason="", problem="", run=run)
    email = privacy_request_requester(privacy_request=privacy_request).email
    if email == ERASED:
        return ErasureView(preview=None, blocked_reason="", problem="", run=None)
    try:
        preview = plan_preview(erasure_plan_prepare(identity={"email": email}))
    except (SubjectLookupError, PlanError) as error:
        return ErasureView(preview=None, blocked_reason="", problem=str(error), run=None)
    blocked = staff_block_reason(preview["blocks"]) if preview["blocked"] else ""
    return ErasureView(preview=preview, blocked_reason=blocked, problem="", run=None)
