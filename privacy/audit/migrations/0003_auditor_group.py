"""The Auditor group: browses audit events and may open their decrypted payloads."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Auditor"
PERMISSIONS = ("view_auditevent", "view_payload")


def create_group(apps, schema_editor):
    audit_app = apps.get_app_config("audit")
    audit_app.models_module = True  # let create_permissions run before post_migrate has
    create_permissions(audit_app, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    audit_app.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(schema_editor.connection.alias).get_or_create(name=GROUP)
    permissions = Permission.objects.filter(content_type__app_label="audit", codename__in=PERMISSIONS)
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
