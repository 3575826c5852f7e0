"""Retention in the staff console: editable, validated and audited policies; read-only runs and holds."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from privacy.audit.selectors import audit_events_for_target
from retention.models import RetentionPolicy, RetentionRun, StatutoryPeriod

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _form(policy: RetentionPolicy, **changes) -> dict:
    fields = ("name", "plan", "action", "data_category", "legal_basis", "description", "schedule", "batch_size")
    data = {field: getattr(policy, field) for field in fields}
    data.update(age_days=policy.age_days or "", notice_days=policy.notice_days or "", enabled="on")
    return {**data, **changes}


def test_staff_change_a_policy_age_and_the_change_is_audited(admin_client):
    # given
    policy = RetentionPolicy.objects.get(name="guest-carts-delete")
    # when
    response = admin_client.post(reverse("admin:retention_retentionpolicy_change", args=[policy.pk]), _form(policy, age_days=60))
    # then
    assert response.status_code == 302
    assert RetentionPolicy.objects.get(pk=policy.pk).age_days == 60
    events = audit_events_for_target(target_type="retention_policy", target_id="guest-carts-delete")
    assert [event.action for event in events] == ["retention.setting_changed"]


def test_a_bad_cron_schedule_is_refused_with_the_expected_form(admin_client):
    # given
    policy = RetentionPolicy.objects.get(name="guest-carts-delete")
    # when
    response = admin_client.post(
        reverse("admin:retention_retentionpolicy_change", args=[policy.pk]), _form(policy, schedule="daily")
    )
    # then
    assert response.status_code == 200
    assert "minute hour day-of-month month day-of-week" in response.content.decode()
    assert RetentionPolicy.objects.get(pk=policy.pk).schedule == "0 3 * * *"


def test_run_now_from_the_policy_list_runs_the_policy_as_the_staff_member(admin_client, magento_schema, django_capture_on_commit_callbacks):
    # given
    policy = RetentionPolicy.objects.get(name="visitor-sessions-purge")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:retention_retentionpolicy_changelist"), {"action": "dry_run_now", "_selected_action": [policy.pk]}
        )
    # then
    run = policy.runs.get()
    assert run.dry_run and run.state == "completed" and run.started_by.startswith("staff:")


@pytest.mark.parametrize("model", ["retentionrun", "retentionhold"])
def test_runs_and_holds_cannot_be_added_or_edited_in_the_console(admin_client, model):
    # when
    response = admin_client.get(reverse(f"admin:retention_{model}_add"))
    # then
    assert response.status_code == 403
    assert admin_client.get(reverse(f"admin:retention_{model}_changelist")).status_code == 200


def test_the_policy_form_names_the_model_and_labels_its_fields_in_german(admin_client):
    # given a staff member whose browser asks for German
    policy = RetentionPolicy.objects.get(name="guest-carts-delete")
    # when they open a policy
    page = admin_client.get(reverse("admin:retention_retentionpolicy_change", args=[policy.pk]), HTTP_ACCEPT_LANGUAGE="de")
    # then the model and every field, the read-only claim included, are named in German
    labels = ("Aufbewahrungsregel ändern", ">Datenkategorie:<", ">Alter in Tagen:<", ">Zeitplan:<", ">Beansprucht von:<")
    assert [label for label in labels if label not in page.content.decode()] == []
    assert "Age days" not in page.content.decode() and "Claimed by" not in page.content.decode()


def test_a_statutory_period_and_a_run_are_named_in_german_on_their_pages(admin_client):
    # given a German statutory period and a completed run, and a staff member whose browser asks for German
    period = StatutoryPeriod.objects.get(jurisdiction="de", document_class="invoice")
    policy = RetentionPolicy.objects.get(name="guest-carts-delete")
    run = RetentionRun.objects.create(policy=policy, state="completed", batch_size=10, started_by="test", created_at=timezone.now())
    # when they open each one
    period_page = admin_client.get(reverse("admin:retention_statutoryperiod_change", args=[period.pk]), HTTP_ACCEPT_LANGUAGE="de")
    run_page = admin_client.get(reverse("admin:retention_retentionrun_change", args=[run.pk]), HTTP_ACCEPT_LANGUAGE="de")
    # then each is named in German, its identifiers and values kept as they are
    assert "Deutschland: Rechnung 8 Jahre" in period_page.content.decode()
    assert f"Aufbewahrungslauf {run.pk} von guest-carts-delete (completed)" in run_page.content.decode()
    assert "Rechnung 8 years" not in period_page.content.decode() and "guest-carts-delete run" not in run_page.content.decode()


def test_a_statutory_period_of_one_year_reads_in_the_singular_in_french_and_english():
    # given a one-year period
    period = StatutoryPeriod(jurisdiction="fr", document_class="invoice", years=1)
    # then its name agrees with the number, in French and in English
    with translation.override("fr"):
        assert str(period) == "France\u00a0: Facture 1 an"
    with translation.override("en"):
        assert str(period) == "France: Invoice 1 year"


def test_the_policy_list_states_each_age_rule_in_german(admin_client):
    # given a staff member whose browser asks for German
    # when they open the list of policies
    page = admin_client.get(reverse("admin:retention_retentionpolicy_changelist"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    # then every age rule reads in German, the shop's columns and the law's country code kept as they are
    assert "älter als 90 Tage (quote.updated_at)" in page
    assert "älter als 1 Tag (sendfriend_log: time, Unix-Sekunden)" in page
    assert "gesetzliche Aufbewahrungsfristen (DE: Bestellung 8 Jahre, Rechnung 8 Jahre, Gutschrift 8 Jahre, " in page
    assert "1095 Tage lang keine Anmeldung, Bestellung oder Kontoänderung; 30 Tage nach einer Warn-E-Mail" in page
    assert "older than" not in page and "statutory periods in" not in page
