import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from privacy.audit.models import AuditEvent
from privacy.audit.payloads import payload_decrypt
from tests.audit.helpers import TABLE, append_events, tamper

pytestmark = pytest.mark.django_db

PASSWORD = "a long password 1"
NOTE = "called the customer, attempt 1"


@pytest.fixture
def event():
    return append_events(1, subject_scope="request:1")[0]


def staff_client(client, django_user_model, *codenames):
    user = django_user_model.objects.create_user("staff", password=PASSWORD, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="audit", codename__in=codenames))
    client.force_login(user)
    return client, user


def test_the_auditor_group_may_browse_events_and_open_payloads():
    group = Group.objects.get(name="Auditor")

    assert {"view_auditevent", "view_payload"} <= set(group.permissions.values_list("codename", flat=True))


def test_staff_without_the_payload_permission_sees_metadata_but_no_payload(client, django_user_model, event):
    # given
    client, _ = staff_client(client, django_user_model, "view_auditevent")

    # when
    page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    opened = client.post(reverse("admin:audit_auditevent_payload", args=[event.pk]))

    # then
    assert page.status_code == 200
    assert "request.note_added" in page.text and NOTE not in page.text
    assert "Decrypt payload" not in page.text
    assert opened.status_code == 403
    assert not AuditEvent.objects.filter(action="audit.payload_viewed").exists()


def test_staff_with_the_payload_permission_sees_it_and_the_view_is_audited(client, django_user_model, event):
    # given
    client, user = staff_client(client, django_user_model, "view_auditevent", "view_payload")

    # when
    page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    opened = client.post(reverse("admin:audit_auditevent_payload", args=[event.pk]))

    # then
    assert "Decrypt payload" in page.text and NOTE not in page.text
    assert opened.status_code == 200 and NOTE in opened.text
    viewed = AuditEvent.objects.get(action="audit.payload_viewed")
    assert (viewed.actor_id, viewed.target_id) == (str(user.pk), str(event.pk))


def test_opening_a_payload_by_get_is_refused(client, django_user_model, event):
    client, _ = staff_client(client, django_user_model, "view_auditevent", "view_payload")

    response = client.get(reverse("admin:audit_auditevent_payload", args=[event.pk]))

    assert response.status_code == 405


def test_the_admin_allows_no_add_change_or_delete(client, django_user_model, event):
    # given even a superuser
    user = django_user_model.objects.create_superuser("root", password=PASSWORD)
    client.force_login(user)

    # when
    add = client.get(reverse("admin:audit_auditevent_add"))
    delete = client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"})
    change = client.post(reverse("admin:audit_auditevent_change", args=[event.pk]), {"action": "forged"})

    # then
    assert add.status_code == 403 and delete.status_code == 403 and change.status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "request.note_added"


def test_the_verify_page_shows_an_intact_chain(client, django_user_model, event):
    client, _ = staff_client(client, django_user_model, "view_auditevent")

    response = client.post(reverse("admin:audit_auditevent_verify"))

    assert response.status_code == 200 and "Intact: 1 events verified" in response.text


def test_the_verify_page_names_a_broken_chain(client, django_user_model, event):
    # given
    client, _ = staff_client(client, django_user_model, "view_auditevent")
    tamper(f"UPDATE {TABLE} SET target_id = '99' WHERE id = %s", [event.pk])

    # when
    response = client.post(reverse("admin:audit_auditevent_verify"))

    # then
    assert "Broken (tampered)" in response.text and f"&#x27;id&#x27;: {event.pk}" in response.text


def test_the_verify_page_names_a_broken_chain_in_german_and_the_trail_records_it_in_english(
    client, django_user_model, event
):
    # given an event a database administrator altered, and a staff member whose browser asks for German
    client, _ = staff_client(client, django_user_model, "view_auditevent")
    tamper(f"UPDATE {TABLE} SET target_id = '99' WHERE id = %s", [event.pk])

    # when they verify the chain
    response = client.post(reverse("admin:audit_auditevent_verify"), HTTP_ACCEPT_LANGUAGE="de")

    # then the page names the break in German
    assert "Gebrochen (verändert): Ereignis #1 wurde verändert: sein Inhalt stimmt nicht mehr" in response.text
    # and the check's own audit event keeps the reason code and the English message, as recorded before
    recorded = payload_decrypt(AuditEvent.objects.get(action="audit.verification_failed")).details
    assert (recorded["reason"], recorded["message"]) == ("tampered", "event #1 was altered: its content no longer matches its MAC")


def test_the_event_list_names_the_model_and_its_columns_in_french(client, django_user_model, event):
    client, _ = staff_client(client, django_user_model, "view_auditevent")

    page = client.get(reverse("admin:audit_auditevent_changelist"), HTTP_ACCEPT_LANGUAGE="fr").text

    assert "<title>Sélectionnez l’objet événement d&#x27;audit à afficher |" in page
    assert [text for text in ("Numéro d&#x27;ordre", "Date d&#x27;enregistrement", "Type d&#x27;acteur", "Type de cible") if text not in page] == []
    assert "Actor kind" not in page and "Target type" not in page


def test_an_outsider_without_view_permission_cannot_verify_or_browse(client, django_user_model, event):
    client, _ = staff_client(client, django_user_model)

    assert client.post(reverse("admin:audit_auditevent_verify")).status_code == 403
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 403


def test_an_event_and_its_seal_are_named_in_german_with_their_action_target_and_number_kept(event):
    # given a sealed event and one not sealed yet
    [waiting] = append_events(1, sealed=False)
    # when they are named for a German console
    with translation.override("de"):
        names = (str(event), str(event.seal), str(waiting))
    # then the words are German, the identifiers as stored
    assert names == ("request.note_added zu privacy_request:1 (Ereignis 1)", "Audit-Siegel #1",
                     "request.note_added zu privacy_request:1 (unversiegeltes Ereignis)")
