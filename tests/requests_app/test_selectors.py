"""Reads: the two access functions (each refusal), the deadline queues, timelines, minimised records."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from privacy.audit.shredding import audit_subject_shred
from requests_app.models import PrivacyRequest
from requests_app.selectors import (
    ERASED, deadline_status, privacy_request_get_by_status_token, privacy_request_get_for_staff, privacy_request_list,
    privacy_request_requester, privacy_request_status_token, privacy_request_timeline,
    privacy_requests_acknowledgement_overdue, privacy_requests_due_soon, privacy_requests_overdue,
)
from requests_app.services import privacy_request_assign, privacy_request_note_add, privacy_request_verify_by_staff
from tests.requests_app.helpers import OPERATOR, reload, staff_user, submit

pytestmark = pytest.mark.django_db


def test_staff_with_the_view_permission_get_the_request():
    privacy_request = submit()
    assert privacy_request_get_for_staff(user=staff_user("audrey", "Auditor"), pk=privacy_request.pk) == privacy_request


def test_an_anonymous_visitor_is_refused():
    with pytest.raises(PermissionDenied, match="Sign in"):
        privacy_request_get_for_staff(user=AnonymousUser(), pk=submit().pk)


def test_an_inactive_staff_account_is_refused():
    user = staff_user("olivia", "Privacy officer")
    user.is_active = False
    with pytest.raises(PermissionDenied, match="inactive"):
        privacy_request_get_for_staff(user=user, pk=submit().pk)


def test_a_customer_account_is_refused_even_with_the_permission_through_a_group():
    with pytest.raises(PermissionDenied, match="Only staff"):
        privacy_request_get_for_staff(user=staff_user("eve", "Privacy officer", is_staff=False), pk=submit().pk)


def test_staff_without_the_view_permission_are_refused():
    with pytest.raises(PermissionDenied, match="may not view"):
        privacy_request_get_for_staff(user=staff_user("mallory"), pk=submit().pk)


def test_a_missing_request_is_reported_as_missing():
    with pytest.raises(PrivacyRequest.DoesNotExist):
        privacy_request_get_for_staff(user=staff_user("olivia", "Privacy officer"), pk=123456)


def test_the_status_link_finds_its_request_and_nothing_else():
    mine, other = submit(), submit(email="bob@example.com")
    token = privacy_request_status_token(privacy_request=mine)
    assert privacy_request_get_by_status_token(token=token) == mine
    mac = token.split(".", 1)[1]
    for forged in (f"{other.pk}.{mac}", f"{mine.pk}.{mac[:-1]}x", f"{mine.pk}", "", "abc.def", f"{mine.pk}.{mac}.x"):
        with pytest.raises(PrivacyRequest.DoesNotExist):
            privacy_request_get_by_status_token(token=forged)


def test_rotating_the_salt_revokes_the_status_link():
    privacy_request = submit()
    token = privacy_request_status_token(privacy_request=privacy_request)
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(status_salt="rotated")
    with pytest.raises(PrivacyRequest.DoesNotExist):
        privacy_request_get_by_status_token(token=token)


def _due(privacy_request, day, state=None):
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(due_date=day, **({"state": state} if state else {}))


def test_due_soon_and_overdue_queues_count_open_requests_only():
    # given requests due yesterday, today, in 7 and 8 days, and a completed one long overdue
    today = timezone.localdate()
    rows = [submit(email=f"p{n}@example.com") for n in range(5)]
    for row, offset in zip(rows, (-1, 0, 7, 8, -30)):
        _due(row, today + timedelta(days=offset))
    _due(rows[4], today - timedelta(days=30), state="completed")

    # then
    assert set(privacy_requests_overdue(today=today)) == {rows[0]}
    assert set(privacy_requests_due_soon(today=today, days=7)) == {rows[1], rows[2]}
    assert set(privacy_requests_due_soon(today=today, days=8)) == {rows[1], rows[2], rows[3]}
    assert [deadline_status(reload(row), today=today) for row in rows] == ["overdue", "due_soon", "due_soon", "on_track", "closed"]


def test_late_ccpa_acknowledgements_are_listed_until_acknowledged():
    privacy_request = submit(jurisdiction="ccpa")
    late = privacy_request.acknowledge_by + timedelta(days=1)
    assert set(privacy_requests_acknowledgement_overdue(today=late)) == {privacy_request}
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(acknowledged_at=timezone.now())
    assert not privacy_requests_acknowledgement_overdue(today=late).exists()


def test_the_queue_filters_by_state_kind_jurisdiction_and_assignee():
    agent = staff_user("alex", "Agent")
    access, deletion = submit(), submit(kind="deletion", jurisdiction="ccpa")
    privacy_request_assign(privacy_request=deletion, assignee=agent, by=OPERATOR)
    assert set(privacy_request_list(kind="deletion")) == {deletion}
    assert set(privacy_request_list(jurisdiction="gdpr")) == {access}
    assert set(privacy_request_list(assignee_id=agent.pk)) == {deletion}
    assert set(privacy_request_list(state="awaiting_verification")) == {access, deletion}
    assert set(privacy_request_list(state="completed")) == set()


def test_the_customer_timeline_leaves_out_notes_assignment_and_internal_alerts():
    privacy_request = submit(kind="correction")
    privacy_request_verify_by_staff(privacy_request=privacy_request, by=OPERATOR)
    privacy_request_note_add(privacy_request=privacy_request, body="checked ID on the phone", by=OPERATOR)
    privacy_request_assign(privacy_request=privacy_request, assignee=staff_user("alex", "Agent"), by=OPERATOR)
    customer = [entry.action for entry in privacy_request_timeline(privacy_request=privacy_request, audience="customer")]
    staff = [entry.action for entry in privacy_request_timeline(privacy_request=privacy_request, audience="staff")]
    assert customer == ["request.submitted", "request.verified"]
    assert {"request.note_added", "request.assigned"} <= set(staff)
    assert all(entry.actor_label == "" for entry in privacy_request_timeline(privacy_request=privacy_request, audience="customer"))


def test_after_the_record_keeping_period_the_request_is_kept_minimised():
    # given a closed request whose data key was shredded when its record-keeping period ended
    privacy_request = submit(name="Ada")
    audit_subject_shred(subject_scope=f"request:{privacy_request.pk}")

    # then the record (dates, kind, outcome) stays, and the identity reads as erased
    requester = privacy_request_requester(privacy_request=reload(privacy_request))
    assert (requester.email, requester.name) == (ERASED, ERASED)
    assert reload(privacy_request).kind == "access"
