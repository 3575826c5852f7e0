"""What every request service shares: who acts, what they may do, and the one way to change state."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from privacy.audit.actors import Actor
from privacy.audit.shredding import audit_subject_retain
from requests_app.models import PrivacyRequest
from requests_app.states import TERMINAL, transition_check

PERM_WORK = "requests_app.change_privacyrequest"
PERM_VIEW = "requests_app.view_privacyrequest"
PERM_APPROVE_ERASURE = "requests_app.approve_erasure"

# `by` on every service is either a staff user (permissions checked) or an Actor: a customer
# acting through a token, or a trusted system job / shell operator (the CLI, Celery beat).
SYSTEM = Actor.system("requests_app")


def actor_of(by) -> Actor:
    return by if isinstance(by, Actor) else Actor.staff(by)


def user_of(by):
    """Return the staff user behind by, or None for customers and system jobs."""
    return None if isinstance(by, Actor) else by


def permission_require(by, perm: str, *, customer_allowed: bool = False) -> None:
    """Refuse unless by is a system actor, an allowed customer, or an active staff user holding perm."""
    if isinstance(by, Actor):
        if by.kind == "customer" and not customer_allowed:
            raise PermissionDenied("Only staff can do this.")
        return
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(f"{by.get_username()} is not active staff.")
    if not by.has_perm(perm):
        raise PermissionDenied(f"{by.get_username()} lacks the permission {perm}.")


def request_lock(pk: int) -> PrivacyRequest:
    """Return the request row locked for the rest of the caller's transaction."""
    return PrivacyRequest.objects.select_for_update().get(pk=pk)


def state_move(privacy_request: PrivacyRequest, target: str, *, now, fields: tuple[str, ...] = ()) -> str:
    """Move to target if the state machine allows it, saving fields too; return the previous state.

    A fulfilment's lease (services/lease.py) belongs to its state: it ends with it.
    """
    previous = privacy_request.state
    transition_check(request_id=privacy_request.pk, current=previous, target=target)
    privacy_request.state, privacy_request.state_changed_at = target, now
    privacy_request.claimed_by, privacy_request.lease_until = "", None
    privacy_request.save(update_fields=["state", "state_changed_at", "claimed_by", "lease_until", *fields])
    if target in TERMINAL:
        record_keeping_start(privacy_request.pk, closed_at=now)
    return previous


def record_keeping_start(request_id: int, *, closed_at) -> None:
    """Start the record-keeping period (CCPA §7101) after which the request's data key is shredded."""
    audit_subject_retain(subject_scope=f"request:{request_id}", closed_at=closed_at, actor=SYSTEM)


def enqueue(task, request_id: int, *args) -> None:
    """Send task after the current transaction commits, so the worker sees the committed row.

    A queue that refuses the task (broker down) parks the request in needs_attention rather
    than leaving it waiting for a job that will never run.
    """

    def send():
        try:
            task.delay(request_id, *args)
        except Exception as error:
            from requests_app.fulfilment import stage_failed

            stage_failed(request_id=request_id, reason=f"Could not queue {task.name} ({type(error).__name__}).")

    transaction.on_commit(send)
