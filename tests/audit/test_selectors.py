import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from privacy.audit.models import AuditEvent
from privacy.audit.selectors import audit_event_payload, audit_events_for_target
from tests.audit.helpers import append_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor(django_user_model):
    user = django_user_model.objects.create_user("auditor", password="a long password 1", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_payload"))
    return django_user_model.objects.get(pk=user.pk)


def test_events_for_a_target_come_oldest_first_without_other_targets():
    append_events(3)

    events = audit_events_for_target(target_type="privacy_request", target_id=2)

    assert [event.target_id for event in events] == ["2"]


def test_a_viewer_without_the_payload_permission_is_refused_and_nothing_is_recorded(django_user_model):
    # given
    event = append_events(1, subject_scope="request:1")[0]
    staff = django_user_model.objects.create_user("staff", password="a long password 1", is_staff=True)

    # when / then
    with pytest.raises(PermissionDenied, match="audit.view_payload"):
        audit_event_payload(event=event, viewer=staff)
    assert not AuditEvent.objects.filter(action="audit.payload_viewed").exists()


def test_a_viewer_with_the_permission_reads_the_details_and_the_view_is_audited(auditor):
    # given
    event = append_events(1, subject_scope="request:1")[0]

    # when
    payload = audit_event_payload(event=event, viewer=auditor)

    # then
    assert payload.status == "ok" and payload.details == {"note": "called the customer, attempt 1"}
    viewed = AuditEvent.objects.get(action="audit.payload_viewed")
    assert (viewed.actor_kind, viewed.actor_id, viewed.target_id) == ("staff", str(auditor.pk), str(event.pk))
