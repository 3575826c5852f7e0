"""Staff groups: Privacy officer (everything), Agent (works requests, cannot approve erasure), Auditor (read-only).

The Auditor group itself comes from the audit app (audit 0003); this adds read access to requests.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICER, AGENT, AUDITOR = "Privacy officer", "Agent", "Auditor"
MODELS = ("privacyrequest", "verificationtoken", "deadlineextension", "requestnote", "agentauthorization",
          "requestfindings", "exportpackage")
VIEW = tuple(f"view_{model}" for model in MODELS)
AGENT_WORK = ("add_privacyrequest", "change_privacyrequest", "add_requestnote", "add_deadlineextension")
AUDIT_TRAIL = ("view_auditevent",)
AUDIT_PAYLOADS = ("view_auditevent", "view_payload")


def _permissions(apps, alias, app_label, codenames=None):
    rows = apps.get_model("auth", "Permission").objects.using(alias).filter(content_type__app_label=app_label)
    return list(rows if codenames is None else rows.filter(codename__in=codenames))


def create_groups(apps, schema_editor):
    alias = schema_editor.connection.alias
    for label in ("requests_app", "audit"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True  # let create_permissions run before post_migrate has
        create_permissions(app_config, apps=apps, verbosity=0, using=alias)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    grants = {
        OFFICER: _permissions(apps, alias, "requests_app") + _permissions(apps, alias, "audit", AUDIT_PAYLOADS),
        AGENT: _permissions(apps, alias, "requests_app", VIEW + AGENT_WORK) + _permissions(apps, alias, "audit", AUDIT_TRAIL),
        AUDITOR: _permissions(apps, alias, "requests_app", VIEW),
    }
    for name, permissions in grants.items():
        group, _ = Group.objects.using(alias).get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    alias = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Group.objects.using(alias).filter(name__in=[OFFICER, AGENT]).delete()
    auditor = Group.objects.using(alias).filter(name=AUDITOR).first()
    if auditor is not None:  # the group belongs to the audit app: only take back what was added here
        auditor.permissions.remove(*_permissions(apps, alias, "requests_app", VIEW))


class Migration(migrations.Migration):
    dependencies = [
        ("requests_app", "0001_initial"),
        ("audit", "0003_auditor_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
