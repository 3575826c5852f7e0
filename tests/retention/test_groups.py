import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_the_privacy_officer_may_edit_retention_policies_and_periods():
    officer = set(Group.objects.get(name="Privacy officer").permissions.values_list("codename", flat=True))

    assert {"change_retentionpolicy", "view_retentionrun", "change_statutoryperiod"} <= officer


@pytest.mark.parametrize("group", ["Agent", "Auditor"])
def test_agents_and_auditors_read_retention_but_change_nothing(group):
    codenames = set(
        Group.objects.get(name=group).permissions.filter(content_type__app_label="retention").values_list("codename", flat=True)
    )

    assert "view_retentionpolicy" in codenames
    assert not {name for name in codenames if not name.startswith("view_")}
