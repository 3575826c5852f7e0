"""Close the subject's Amazon Pay charge permissions before the shop database is erased.

Closing is idempotent on Amazon's side (the same idempotency key per run and permission), so a
retry repeats nothing harmful; permissions closed in an earlier attempt are skipped. The client
already retries transient failures (throttling, 5xx, time-outs) with back-off; a failure that
outlives its retries stops the erasure before anything in the shop changed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

from privacy.sources.amazon_pay import (
    AmazonPayError,
    AmazonPayNotFound,
    amazon_pay_client_from_settings,
    amazon_pay_idempotency_key,
)

CLOSURE_REASON = "Closed at the buyer's request (erasure of personal data)"


class AmazonPayStepFailed(Exception):
    """Amazon Pay did not close a charge permission; `reason` holds no personal data."""

    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


@dataclass
class AmazonProgress:
    done: dict[str, str] = field(default_factory=dict)  # chargePermissionId -> closed | not_found

    def counts(self) -> dict[str, int]:
        totals = {"closed": 0, "not_found": 0}
        for outcome in self.done.values():
            totals[outcome] += 1
        return totals


def charge_permissions_close(
    *, permissions: tuple[str, ...], reference: str, progress: AmazonProgress, save: Callable[[AmazonProgress], None],
    client=None,
) -> AmazonProgress:  # fmt: skip
    """Close every permission not yet done; save(progress) after each one. Raises AmazonPayStepFailed."""
    pending = [permission for permission in permissions if permission not in progress.done]
    if not pending:
        return progress
    client = client or amazon_pay_client_from_settings()
    cancel = settings.PRIVACY_AMAZON_CANCEL_PENDING_CHARGES
    for index, permission in enumerate(pending, start=1):
        try:
            client.charge_permission_close(
                charge_permission_id=permission, closure_reason=CLOSURE_REASON, cancel_pending_charges=cancel,
                idempotency_key=amazon_pay_idempotency_key("erasure", reference, permission),
            )  # fmt: skip
            progress.done[permission] = "closed"
        except AmazonPayNotFound:
            progress.done[permission] = "not_found"  # Amazon no longer keeps it: nothing left to close
        except AmazonPayError as error:
            save(progress)
            raise AmazonPayStepFailed(
                f"Amazon Pay: charge permission {index} of {len(pending)} not closed: {error.reason}", permanent=error.permanent
            ) from None
        save(progress)
    return progress
