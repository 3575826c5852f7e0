"""The user and group pages of the staff console name every permission in the staff member's language."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from requests_app.admin.permissions import permission_name
from requests_app.models import PrivacyRequest

pytestmark = pytest.mark.django_db


def test_the_group_page_names_our_permissions_and_djangos_own_in_german(admin_client):
    # given the privacy officers' group and an administrator whose browser asks for German
    group = Group.objects.get(name="Privacy officer")
    # when they open the group
    page = admin_client.get(reverse("admin:auth_group_change", args=[group.pk]), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    # then our own permission and Django's built-in ones read in German, after their app and model
    assert ">Datenschutzanfragen | Datenschutzanfrage | Kann die Löschung der Daten einer betroffenen Person freigeben<" in page
    assert ">Datenschutzanfragen | Datenschutzanfrage | Kann Datenschutzanfrage ansehen<" in page
    assert ">Authentifizierung und Autorisierung | Benutzer | Kann Benutzer hinzufügen<" in page
    assert "Can approve the erasure" not in page and "Can view" not in page


def test_the_user_page_names_the_permissions_in_french(admin_client, admin_user):
    # when an administrator whose browser asks for French opens a user
    page = admin_client.get(reverse("admin:auth_user_change", args=[admin_user.pk]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    # then the permissions they can grant read in French
    assert "| Peut télécharger la liste à clé des oppositions pour un partenaire<" in page
    assert "| Peut supprimer utilisateur<" in page
    assert "Can download the keyed opt-out list" not in page and "Can delete" not in page


def test_a_permission_our_catalogs_do_not_know_keeps_its_stored_name():
    # given a permission someone added by hand
    content_type = ContentType.objects.get_for_model(PrivacyRequest)
    permission = Permission.objects.create(codename="export_all", name="Can export every request", content_type=content_type)
    # when it is named for a German console
    with translation.override("de"):
        name = permission_name(permission)
    # then it is shown as stored
    assert name == "Can export every request"
