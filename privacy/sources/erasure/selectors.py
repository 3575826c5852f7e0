"""Reads about erasures for other parts of the service (e-mails, the staff console)."""

from privacy.sources.erasure.models import ErasureRun, Problem
from privacy.sources.erasure.receipt import customer_block_reasons


def erasure_for_request(*, privacy_request) -> ErasureRun | None:
    return ErasureRun.objects.filter(reference=privacy_request.scope).first()


def erasure_block_reasons(*, privacy_request) -> list[str]:
    """The customer's reasons why their erasure waits (empty unless it is blocked)."""
    run = erasure_for_request(privacy_request=privacy_request)
    if run is None or run.problem != Problem.BLOCKED:
        return []
    return customer_block_reasons(run.summary.get("blocks", []))
