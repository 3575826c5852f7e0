"""Erasure as the fulfilment of an approved deletion request (requests_app.fulfilment).

`erasure_prepare` runs before the completion transaction, because each erasure step commits on
its own (the shop database is another database, Amazon Pay another system): it runs or resumes
the erasure and, when it has to stop, parks the request in needs_attention with the reason (a
retry resumes after the last finished step). `erasure_fulfil` runs inside the completion
transaction: it leaves the receipt for the requester and marks the erasure completed; the completion
e-mail is the receipt (requests_app.fulfilment.COMPLETION_EMAILS).
"""

from collections.abc import Callable
from datetime import datetime

from privacy.audit.actors import Actor
from privacy.sources.erasure.amazon import AmazonPayStepFailed
from privacy.sources.erasure.execute import (
    ErasureBlocked,
    ErasureResidue,
    erasure_plan_prepare,
    erasure_run,
    erasure_run_complete,
)
from privacy.sources.erasure.models import ErasureRun, Problem, Step

ERASURE = Actor.system("erasure")


def erasure_prepare(privacy_request, now: datetime, progress: Callable[[], None]) -> bool:
    """Erase the requester's data up to a clean residual scan, calling progress() before each step it records;
    False when the request had to be parked."""
    from requests_app.fulfilment import stage_failed
    from requests_app.selectors import privacy_request_requester

    identity = {"email": privacy_request_requester(privacy_request=privacy_request).email}
    try:
        erasure_run(reference=privacy_request.scope, identity=identity, request=privacy_request, actor=ERASURE, now=now,
                    before_record=progress)  # fmt: skip
    except ErasureBlocked as blocked:
        if stage_failed(request_id=privacy_request.pk, reason=blocked.staff_reason, now=now):
            _email(privacy_request.pk, "erasure_blocked")
        return False
    except AmazonPayStepFailed as failed:
        stage_failed(request_id=privacy_request.pk, now=now, reason=(
            f"{failed.reason}. Nothing in the shop was changed; retry once Amazon Pay answers (permissions already "
            "closed are skipped)."
        ))  # fmt: skip
        return False
    except ErasureResidue as residue:
        stage_failed(request_id=privacy_request.pk, reason=str(residue), now=now)
        return False
    return True


def erasure_fulfil(privacy_request, now: datetime) -> dict:
    """Inside the completion transaction: leave the receipt for the requester (the completion saves it) and complete
    the erasure; return the facts of the request's completion event (which is the erasure's completion event too)."""
    from requests_app import sealing

    run = ErasureRun.objects.select_for_update().get(reference=privacy_request.scope)
    if not run.reached(Step.VERIFIED):
        raise RuntimeError(f"erasure {run.reference} stopped at {run.step or 'the start'}: it cannot complete yet.")
    privacy_request.receipt_sealed = sealing.seal_json(privacy_request.pk, "receipt", run.receipt)
    erasure_run_complete(run=run, actor=ERASURE, now=now, audit=False)
    return {  # the request's completion event, in this transaction, records the erasure's completion too
        "erasure": run.reference, "rows": run.summary.get("totals", {}), "holds": run.holds,
        "amazon_pay": run.amazon, "scan": run.scan, "receipt": run.receipt,
    }


def blocked_erasures_retry(*, now: datetime | None = None) -> int:
    """Retry every deletion parked by a block (open orders, pending Amazon Pay actions, open refunds) that is
    gone now; return how many were retried. The blocked e-mail promised the customer exactly this."""
    from requests_app.selectors import privacy_request_requester
    from requests_app.services import privacy_request_retry
    from requests_app.states import State

    retried = 0
    runs = ErasureRun.objects.filter(problem=Problem.BLOCKED, request__state=State.NEEDS_ATTENTION).select_related("request")
    for run in runs:
        identity = {"email": privacy_request_requester(privacy_request=run.request).email}
        if not erasure_plan_prepare(identity=identity, jurisdiction=run.jurisdiction, now=now).blocked:
            privacy_request_retry(privacy_request=run.request, by=ERASURE, now=now)
            retried += 1
    return retried


def _email(request_id: int, message: str) -> None:
    from requests_app.services.common import enqueue
    from requests_app.tasks import send_request_email_task

    enqueue(send_request_email_task, request_id, message)
