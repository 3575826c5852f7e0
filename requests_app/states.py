"""The request state machine: one table of allowed transitions, nothing else decides."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    RECEIVED = "received", _("Received")
    AWAITING_VERIFICATION = "awaiting_verification", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    IN_REVIEW = "in_review", _("In review")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DENIED = "denied", _("Denied")
    CANCELLED = "cancelled", _("Cancelled")
    CLOSED_UNVERIFIED = "closed_unverified", _("Closed unverified")
    NEEDS_ATTENTION = "needs_attention", _("Needs attention")


S = State
TERMINAL = frozenset({S.COMPLETED, S.DENIED, S.CANCELLED, S.CLOSED_UNVERIFIED})
OPEN = frozenset(State) - TERMINAL
# A failed stage parks the request in needs_attention; retry returns it to the state it failed in.
RESUMABLE = frozenset({S.RECEIVED, S.AWAITING_VERIFICATION, S.VERIFIED, S.IN_REVIEW, S.IN_PROGRESS})

TRANSITIONS: dict[State, frozenset[State]] = {
    S.RECEIVED: frozenset({S.AWAITING_VERIFICATION, S.VERIFIED, S.DENIED, S.CANCELLED, S.NEEDS_ATTENTION}),
    S.AWAITING_VERIFICATION: frozenset({S.VERIFIED, S.CLOSED_UNVERIFIED, S.DENIED, S.CANCELLED, S.NEEDS_ATTENTION}),
    S.VERIFIED: frozenset({S.IN_REVIEW, S.DENIED, S.CANCELLED, S.NEEDS_ATTENTION}),
    S.IN_REVIEW: frozenset({S.IN_PROGRESS, S.DENIED, S.CANCELLED, S.NEEDS_ATTENTION}),
    S.IN_PROGRESS: frozenset({S.COMPLETED, S.NEEDS_ATTENTION}),
    S.NEEDS_ATTENTION: RESUMABLE | {S.DENIED, S.CANCELLED},
    S.COMPLETED: frozenset(),
    S.DENIED: frozenset(),
    S.CANCELLED: frozenset(),
    S.CLOSED_UNVERIFIED: frozenset(),
}


class TransitionRefused(Exception):
    """The state machine does not allow this move; the message says what is allowed instead."""

    def __init__(self, request_id, current: str, target: str):
        self.current, self.target = current, target
        allowed = ", ".join(sorted(TRANSITIONS[State(current)])) or "nothing (it is closed)"
        super().__init__(
            f"Request {request_id} is {current} and cannot become {target}; from {current} it can become: {allowed}."
        )


def transition_check(*, request_id, current: str, target: str) -> None:
    if State(target) not in TRANSITIONS[State(current)]:
        raise TransitionRefused(request_id, current, target)
