"""The state machine: one table decides, every other move is refused with a message saying what is allowed."""

import itertools

import pytest

from requests_app.errors import TransitionRefused
from requests_app.models import PrivacyRequest
from requests_app.services import (
    privacy_request_approve, privacy_request_cancel, privacy_request_deny, privacy_request_retry,
    privacy_request_verify_by_staff,
)
from requests_app.states import OPEN, TERMINAL, TRANSITIONS, State, transition_check
from tests.requests_app.helpers import OPERATOR, reload, submit

ALLOWED = {(current, target) for current, targets in TRANSITIONS.items() for target in targets}
ILLEGAL = sorted(set(itertools.product(State, State)) - ALLOWED)


def test_the_table_names_every_state_exactly_as_the_contract_spells_them():
    assert [str(state) for state in State] == [
        "received", "awaiting_verification", "verified", "in_review", "in_progress", "completed", "denied",
        "cancelled", "closed_unverified", "needs_attention",
    ]
    assert set(TRANSITIONS) == set(State)


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=[f"{c}->{t}" for c, t in ILLEGAL])
def test_every_transition_missing_from_the_table_is_refused(current, target):
    with pytest.raises(TransitionRefused) as refused:
        transition_check(request_id=7, current=current, target=target)
    assert f"Request 7 is {current} and cannot become {target}" in str(refused.value)


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED), ids=[f"{c}->{t}" for c, t in sorted(ALLOWED)])
def test_every_transition_in_the_table_is_allowed(current, target):
    transition_check(request_id=7, current=current, target=target)


def test_closed_states_lead_nowhere_and_the_refusal_says_so():
    assert all(not TRANSITIONS[state] for state in TERMINAL)
    with pytest.raises(TransitionRefused, match="nothing \\(it is closed\\)"):
        transition_check(request_id=1, current="completed", target="in_progress")


def test_every_open_state_can_still_be_closed_or_flagged():
    for state in OPEN - {State.IN_PROGRESS}:
        assert TRANSITIONS[state] & {State.DENIED, State.CANCELLED}
    assert all(State.NEEDS_ATTENTION in TRANSITIONS[state] for state in OPEN - {State.NEEDS_ATTENTION})


@pytest.mark.django_db
def test_approving_a_request_that_is_not_in_review_is_refused_and_changes_nothing():
    # given a request still awaiting verification
    privacy_request = submit(kind="export")
    # when an operator tries to approve it
    with pytest.raises(TransitionRefused, match="awaiting_verification and cannot become in_progress"):
        privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
    # then it is unchanged
    assert reload(privacy_request).state == "awaiting_verification"


@pytest.mark.django_db
def test_a_closed_request_refuses_verification_denial_cancellation_and_retry():
    privacy_request = submit()
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(state="completed")
    for attempt in (
        lambda: privacy_request_verify_by_staff(privacy_request=privacy_request, by=OPERATOR),
        lambda: privacy_request_deny(privacy_request=privacy_request, reason="exempt", by=OPERATOR),
        lambda: privacy_request_cancel(privacy_request=privacy_request, by=OPERATOR),
    ):
        with pytest.raises(TransitionRefused, match="completed"):
            attempt()
    with pytest.raises(Exception, match="only requests needing attention can be retried"):
        privacy_request_retry(privacy_request=privacy_request, by=OPERATOR)
    assert reload(privacy_request).state == "completed"
