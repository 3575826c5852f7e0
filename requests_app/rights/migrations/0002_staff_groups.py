"""Staff groups see the preference lists; only privacy officers hand keyed opt-out lists to partners."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICER, AGENT, AUDITOR = "Privacy officer", "Agent", "Auditor"
VIEW = ("view_optoutpreference", "view_marketingsuppression")
GRANTS = {OFFICER: VIEW + ("export_partner_list", "delete_marketingsuppression"), AGENT: VIEW, AUDITOR: VIEW}


def grant(apps, schema_editor):
    alias = schema_editor.connection.alias
    app_config = apps.get_app_config("rights")
    app_config.models_module = True  # let create_permissions run before post_migrate has
    create_permissions(app_config, apps=apps, verbosity=0, using=alias)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.using(alias).get_or_create(name=name)
        group.permissions.add(*Permission.objects.using(alias).filter(content_type__app_label="rights", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("rights", "0001_initial"), ("requests_app", "0002_staff_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
