"""The staff console, on the Django admin: the request queue and each request's page with its actions."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from requests_app.admin.permissions import GroupAdmin, UserAdmin
from requests_app.admin.requests import PrivacyRequestAdmin

admin.site.site_header = _("PrivacyDesk")
admin.site.site_title = _("PrivacyDesk staff console")
admin.site.index_title = _("Staff console")

__all__ = ["GroupAdmin", "PrivacyRequestAdmin", "UserAdmin"]
