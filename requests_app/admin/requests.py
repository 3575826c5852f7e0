"""The request queue (changelist) and the request page (a read-only case file with action forms)."""

from typing import ClassVar

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from privacy.crypto import email_index
from requests_app import selectors
from requests_app.admin.actions import ACTIONS, actions_available
from requests_app.admin.badges import deadline_badge
from requests_app.admin.casefile import casefile_for
from requests_app.admin.entry import staff_entry_view
from requests_app.admin.erasure import erasure_view_for
from requests_app.admin.queue import AssigneeFilter, DeadlineFilter
from requests_app.downloads import attachment, export_package_available
from requests_app.errors import (
    ExtensionRefused,
    FulfilmentUnavailable,
    TransitionRefused,
)
from requests_app.forms import service_refusal_show
from requests_app.ids import id_parse
from requests_app.models import ExportPackage, PrivacyRequest
from requests_app.rights.selectors import correction_view_for, outcome_view_for
from requests_app.services import export_package_open_for_staff
from requests_app.services.common import PERM_WORK

# Refusals a service explains in words: shown to the staff member as they are.
EXPLAINED_REFUSALS = (TransitionRefused, ExtensionRefused, FulfilmentUnavailable, PermissionDenied)


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    list_display = ("reference", "kind_code", "law", "state", "deadline", "assignee", "received")
    list_display_links = ("reference",)
    list_filter = ("state", "kind", "jurisdiction", DeadlineFilter, AssigneeFilter)
    list_select_related = ("assignee",)
    list_per_page = 50
    # Identities are encrypted: the search box matches an exact e-mail through its blind index, or a request number.
    search_fields = ("email_index",)
    search_help_text = _("Exact e-mail address of the requester, or a request number such as 42.")
    actions = None

    class Media:
        css: ClassVar[dict] = {"all": ("requests_app/admin.css",)}

    @admin.display(description=_("request"), ordering="pk")
    def reference(self, obj):
        return format_html("#{}", obj.pk)

    @admin.display(description=_("kind"), ordering="kind")
    def kind_code(self, obj):
        return obj.kind.replace("_", "-")  # the short spelling of the API and CLI keeps the queue narrow

    @admin.display(description=_("law"), ordering="jurisdiction")
    def law(self, obj):
        return obj.jurisdiction.replace("_", " ").upper()

    @admin.display(description=_("deadline"), ordering="due_date")
    def deadline(self, obj):
        badge = deadline_badge(obj)
        return format_html('<span class="pd-badge pd-badge--{}">{}</span><br><span class="pd-muted">{}</span>',
                           badge.tone, badge.text, date_format(obj.due_date))

    @admin.display(description=_("received"), ordering="received_at")
    def received(self, obj):
        return date_format(timezone.localdate(obj.received_at))

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, extra_context={"title": _("Request queue"), **(extra_context or {})})

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        if (pk := id_parse(term.lstrip("#"), field=self.model._meta.pk)) is not None:
            return queryset.filter(pk=pk), False
        return queryset.filter(email_index=email_index(term)), False

    def has_add_permission(self, request):
        return request.user.has_perm(PERM_WORK)  # staff entry of a request received by e-mail, phone or post

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied(_("Only staff who work requests may enter one."))
        return staff_entry_view(self, request)

    def has_delete_permission(self, request, obj=None):
        return False  # requests are records: they are closed, never deleted

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:object_id>/act/<str:action>/", view(self.action_view), name="requests_app_privacyrequest_act"),
            path("<int:object_id>/package/", view(self.package_view), name="requests_app_privacyrequest_package"),
            path("<int:object_id>/agent-document/", view(self.agent_document_view),
                 name="requests_app_privacyrequest_agent_document"),
            *super().get_urls(),
        ]

    def _get_for_staff(self, request, object_id) -> PrivacyRequest:
        try:
            return selectors.privacy_request_get_for_staff(user=request.user, pk=object_id)
        except PrivacyRequest.DoesNotExist:
            raise Http404(_("No request %(pk)s.") % {"pk": object_id}) from None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return self._case_response(request, self._get_for_staff(request, object_id))

    def action_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        privacy_request = self._get_for_staff(request, object_id)
        staff_action = ACTIONS.get(action)
        if staff_action is None:
            raise Http404(_("No such action."))
        if not staff_action.available(request.user, privacy_request):
            raise PermissionDenied(_("You may not do this to this request in its current state."))
        form = staff_action.form(request.POST, privacy_request=privacy_request, prefix=action)
        if form.is_valid():
            try:
                messages.success(request, staff_action.perform(privacy_request, form.cleaned_data, request.user))
                return redirect(self._case_url(privacy_request))
            except ValidationError as error:
                service_refusal_show(form, error)
            except EXPLAINED_REFUSALS as refusal:
                messages.error(request, str(refusal))
                return redirect(self._case_url(privacy_request))
        return self._case_response(request, privacy_request, bound={action: form}, status=400)

    def package_view(self, request, object_id):
        """Hand the export package to staff who work requests (e.g. to post it); the service audits the access."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        privacy_request = self._get_for_staff(request, object_id)
        try:
            package = export_package_open_for_staff(privacy_request=privacy_request, by=request.user)
        except ExportPackage.DoesNotExist as missing:
            messages.error(request, str(missing))
            return redirect(self._case_url(privacy_request))
        return attachment(content=package.content, content_type=package.content_type, filename=package.filename)

    def agent_document_view(self, request, object_id):
        """Show the agent's signed permission to staff who work requests."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        privacy_request = self._get_for_staff(request, object_id)
        agent = selectors.privacy_request_agent(privacy_request=privacy_request)
        if not request.user.has_perm(PERM_WORK) or agent is None:
            raise PermissionDenied(_("Only staff who work requests may open an agent's permission."))
        document = selectors.privacy_request_agent_document(privacy_request=privacy_request)
        extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(agent.content_type, "bin")
        return attachment(content=document, content_type=agent.content_type or "application/octet-stream",
                          filename=f"privacy-request-{privacy_request.pk}-agent-permission.{extension}")

    def _case_url(self, privacy_request) -> str:
        return reverse("admin:requests_app_privacyrequest_change", args=[privacy_request.pk])

    def _case_response(self, request, privacy_request, *, bound=None, status=200):
        bound = bound or {}
        action_forms = [
            (action, bound.get(action.name) or action.form(privacy_request=privacy_request, prefix=action.name),
             reverse("admin:requests_app_privacyrequest_act", args=[privacy_request.pk, action.name]))
            for action in actions_available(user=request.user, privacy_request=privacy_request)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Request #%(pk)s") % {"pk": privacy_request.pk},
            "subtitle": None,
            "privacy_request": privacy_request,
            "badge": deadline_badge(privacy_request),
            "case": casefile_for(privacy_request=privacy_request, viewer=request.user),
            "erasure": erasure_view_for(privacy_request=privacy_request),
            "correction": correction_view_for(privacy_request=privacy_request, viewer=request.user),
            "outcome": outcome_view_for(privacy_request=privacy_request),
            "package_available": export_package_available(privacy_request=privacy_request),
            "action_forms": action_forms,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/requests_app/privacyrequest/case.html", context, status=status)
