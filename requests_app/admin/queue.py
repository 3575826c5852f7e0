"""The queue's filters: how close the deadline is, and who works the request."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from requests_app import selectors
from requests_app.ids import id_parse


class DeadlineFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("due_soon", _("Due within %(days)d days") % {"days": settings.PRIVACY_DUE_SOON_DAYS}),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset & selectors.privacy_requests_overdue()
        if self.value() == "due_soon":
            return queryset & selectors.privacy_requests_due_soon()
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assignee")
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        assigned = get_user_model().objects.filter(
            pk__in=model_admin.model.objects.exclude(assignee=None).values("assignee")
        ).order_by("username")
        return [("me", _("Assigned to me")), ("none", _("Unassigned"))] + [
            (str(user.pk), user.get_username()) for user in assigned
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.filter(assignee=request.user)
        if value == "none":
            return queryset.filter(assignee=None)
        if not value:
            return queryset
        if (pk := id_parse(value, field=get_user_model()._meta.pk)) is None:
            return queryset.none()  # names no one who could be assigned
        return queryset.filter(assignee_id=pk)
