import pytest
from django.core import mail
from django.test import override_settings

from privacy.audit.models import AuditEvent
from privacy.audit.tasks import seal_audit_events_task, verify_audit_chain_task
from tests.audit.helpers import TABLE, append_events, tamper

pytestmark = pytest.mark.django_db


def test_the_seal_task_seals_pending_events():
    append_events(3, sealed=False)

    assert seal_audit_events_task.delay().get() == 3
    assert not AuditEvent.objects.filter(seal__isnull=True).exists()


@override_settings(PRIVACY_STAFF_EMAILS=["dpo@example.com", "ops@example.com"])
def test_daily_verification_of_an_intact_chain_sends_no_mail():
    append_events(2)

    report = verify_audit_chain_task.delay().get()

    assert report["ok"] is True and mail.outbox == []


@override_settings(PRIVACY_STAFF_EMAILS=["dpo@example.com", "ops@example.com"])
def test_daily_verification_of_a_broken_chain_mails_staff_naming_the_event():
    # given
    events = append_events(3, subject_scope="request:1")
    tamper(f"DELETE FROM {TABLE} WHERE id = %s", [events[1].pk])

    # when
    report = verify_audit_chain_task.delay().get()

    # then
    assert report["ok"] is False and report["reason"] == "missing"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dpo@example.com", "ops@example.com"]
    assert "event #2 is missing" in message.body
    assert AuditEvent.objects.filter(action="audit.verification_failed").exists()


@override_settings(PRIVACY_STAFF_EMAILS=[])
def test_a_broken_chain_with_no_staff_address_is_logged_as_an_error(caplog):
    events = append_events(2)
    tamper(f"DELETE FROM {TABLE} WHERE id = %s", [events[0].pk])

    verify_audit_chain_task.delay().get()

    assert "PRIVACY_STAFF_EMAILS is empty" in caplog.text
