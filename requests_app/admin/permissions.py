"""The user and group pages list permissions in the staff member's language.

Django stores permission names in English. Ours are msgids of our catalogs; Django's own
"Can add <model>" names are rebuilt from the model's translated verbose name.
"""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, Permission, User
from django.utils.translation import gettext, gettext_lazy as _

BUILT_IN = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_name(permission: Permission) -> str:
    """Return permission's name in the active language (the stored name when it is not in our catalogs)."""
    model = permission.content_type.model_class()
    action = permission.codename.removesuffix(f"_{permission.content_type.model}")
    if model is not None and action in BUILT_IN:
        return BUILT_IN[action] % {"model": model._meta.verbose_name}
    return gettext(permission.name)


def permission_label(permission: Permission) -> str:
    return f"{permission.content_type} | {permission_name(permission)}"


class TranslatedPermissions:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class GroupAdmin(TranslatedPermissions, auth_admin.GroupAdmin):
    pass


class UserAdmin(TranslatedPermissions, auth_admin.UserAdmin):
    pass


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)
admin.site.unregister(User)
admin.site.register(User, UserAdmin)
