from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction
from django.test import override_settings

from privacy import keys
from privacy.audit.models import AuditEvent
from privacy.audit.payloads import payload_decrypt
from privacy.audit.services import audit_event_append
from privacy.audit.shredding import (
    audit_subject_retain,
    audit_subject_shred,
    audit_subjects_shred_expired,
    subject_scopes_due_for_shredding,
)
from privacy.audit.tasks import shred_expired_subject_keys_task
from privacy.audit.verification import audit_chain_verify
from tests.audit.helpers import ALICE, append_events

pytestmark = pytest.mark.django_db

CLOSED = datetime(2025, 1, 31, 9, 30, tzinfo=UTC)


def test_shredding_a_subject_keeps_the_chain_and_metadata_but_erases_the_details():
    # given
    events = append_events(3, subject_scope="request:42")
    other = append_events(1, subject_scope="request:43")[0]

    # when
    shredded = audit_subject_shred(subject_scope="request:42")

    # then
    assert shredded is True
    result = audit_chain_verify()
    assert result.ok
    for event in AuditEvent.objects.filter(pk__in=[e.pk for e in events]):
        assert event.action == "request.note_added" and event.target_type == "privacy_request"
        assert payload_decrypt(event).status == "shredded"
    assert payload_decrypt(other).details == {"note": "called the customer, attempt 1"}
    assert AuditEvent.objects.filter(action="subject.key_shredded", target_id="request:42").exists()


def test_shredding_twice_reports_nothing_left_to_shred():
    append_events(1, subject_scope="request:44")
    audit_subject_shred(subject_scope="request:44")

    assert audit_subject_shred(subject_scope="request:44") is False


def test_nothing_more_can_be_recorded_under_a_shredded_subject_key():
    append_events(1, subject_scope="request:45")
    audit_subject_shred(subject_scope="request:45")

    with pytest.raises(keys.KeyShredded, match="request:45"):
        append_events(1, subject_scope="request:45")


def test_retaining_a_subject_schedules_its_key_24_months_after_closing_by_default():
    # when
    shred_after = audit_subject_retain(subject_scope="request:46", closed_at=CLOSED)

    # then
    assert shred_after == datetime(2027, 1, 31, 9, 30, tzinfo=UTC)
    assert keys.data_key_for_scope(scope="request:46").shred_after == shred_after


@override_settings(PRIVACY_RECORD_KEEPING_MONTHS=36)
def test_the_record_keeping_period_follows_the_setting():
    assert audit_subject_retain(subject_scope="request:47", closed_at=CLOSED) == datetime(2028, 1, 31, 9, 30, tzinfo=UTC)


def test_a_subject_is_due_once_its_scheduled_period_has_ended_and_not_before():
    # given
    shred_after = audit_subject_retain(subject_scope="request:48", closed_at=CLOSED)

    # then
    assert "request:48" not in subject_scopes_due_for_shredding(now=shred_after - timedelta(seconds=1))
    assert "request:48" in subject_scopes_due_for_shredding(now=shred_after)


def test_a_subject_nobody_scheduled_is_due_24_months_after_its_last_event():
    # given
    with transaction.atomic():
        audit_event_append(
            actor=ALICE, action="request.completed", target_type="privacy_request", target_id=49,
            details={"email": "ada@example.com"}, subject_scope="request:49", now=CLOSED,
        )

    # then
    assert "request:49" not in subject_scopes_due_for_shredding(now=datetime(2027, 1, 30, tzinfo=UTC))
    assert "request:49" in subject_scopes_due_for_shredding(now=datetime(2027, 2, 1, tzinfo=UTC))


def test_a_schedule_later_than_the_last_event_rule_is_honoured():
    # given: events long ago, but the request closed recently
    append_events(1, subject_scope="request:50")
    audit_subject_retain(subject_scope="request:50", closed_at=datetime(2030, 6, 1, tzinfo=UTC))

    # then
    assert "request:50" not in subject_scopes_due_for_shredding(now=datetime(2031, 1, 1, tzinfo=UTC))


def test_the_scheduled_task_shreds_only_subjects_whose_period_ended():
    # given
    append_events(1, subject_scope="request:51")
    audit_subject_retain(subject_scope="request:51", closed_at=datetime(2020, 1, 1, tzinfo=UTC))
    append_events(1, subject_scope="request:52")

    # when
    shredded = shred_expired_subject_keys_task.delay().get()

    # then
    assert shredded == 1
    assert keys.data_key_for_scope(scope="request:51").shredded_at is not None
    assert keys.data_key_for_scope(scope="request:52").shredded_at is None
    assert audit_subjects_shred_expired() == 0
