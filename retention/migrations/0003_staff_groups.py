"""Staff groups see retention: the Privacy officer edits policies and periods, Agents and Auditors read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICER, AGENT, AUDITOR = "Privacy officer", "Agent", "Auditor"


def grant(apps, schema_editor):
    alias = schema_editor.connection.alias
    app_config = apps.get_app_config("retention")
    app_config.models_module = True  # let create_permissions run before post_migrate has
    create_permissions(app_config, apps=apps, verbosity=0, using=alias)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    everything = Permission.objects.using(alias).filter(content_type__app_label="retention")
    for name, permissions in {OFFICER: everything, AGENT: everything.filter(codename__startswith="view_"),
                              AUDITOR: everything.filter(codename__startswith="view_")}.items():
        group, _ = Group.objects.using(alias).get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    alias = schema_editor.connection.alias
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.using(alias).filter(name__in=[OFFICER, AGENT, AUDITOR]):
        group.permissions.remove(*Permission.objects.using(alias).filter(content_type__app_label="retention"))


class Migration(migrations.Migration):
    dependencies = [
        ("retention", "0002_default_policies"),
        ("requests_app", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
