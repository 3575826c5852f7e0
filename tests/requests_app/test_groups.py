"""The staff groups made by the data migration, and the permissions the services enforce with them."""

import pytest
from django.contrib.auth.models import Group

from tests.requests_app.helpers import staff_user

pytestmark = pytest.mark.django_db


def _codenames(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_the_privacy_officer_may_do_everything_with_requests_including_approving_erasure():
    officer = _codenames("Privacy officer")
    assert {"requests_app.approve_erasure", "requests_app.change_privacyrequest", "requests_app.view_privacyrequest",
            "audit.view_auditevent", "audit.view_payload"} <= officer


def test_an_agent_works_requests_but_cannot_approve_erasure_or_read_audit_payloads():
    agent = _codenames("Agent")
    assert {"requests_app.change_privacyrequest", "requests_app.view_privacyrequest", "audit.view_auditevent"} <= agent
    assert "requests_app.approve_erasure" not in agent and "audit.view_payload" not in agent


def test_the_auditor_reads_requests_and_the_audit_trail_and_changes_nothing():
    auditor = _codenames("Auditor")
    assert {"requests_app.view_privacyrequest", "requests_app.view_requestnote", "audit.view_auditevent",
            "audit.view_payload"} <= auditor
    assert not any(code.split(".")[1].startswith(("add_", "change_", "delete_", "approve_")) for code in auditor)


def test_the_auditor_group_exists_once_shared_with_the_audit_app():
    assert Group.objects.filter(name="Auditor").count() == 1


def test_group_membership_is_what_the_services_check():
    assert staff_user("olivia", "Privacy officer").has_perm("requests_app.approve_erasure")
    assert not staff_user("alex", "Agent").has_perm("requests_app.approve_erasure")
