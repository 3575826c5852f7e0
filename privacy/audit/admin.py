"""Staff console for the audit trail: read-only browsing, audited payload views, chain verification."""

import json

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from privacy.audit.actors import Actor
from privacy.audit.models import AuditEvent, AuditSeal
from privacy.audit.selectors import VIEW_PAYLOAD_PERMISSION, audit_event_payload
from privacy.audit.verification import audit_chain_verify_and_record

METADATA_FIELDS = (
    "seq", "event_id", "created_at", "actor_kind", "actor_id", "actor_label", "action", "target_type",
    "target_id", "subject_scope", "sealed_at", "prev_hash", "chain_hash", "row_mac",
)  # fmt: skip


def _seal_column(name: str):
    """An admin column showing the event's seal field `name`, labelled with that field's verbose name."""
    return admin.display(description=AuditSeal._meta.get_field(name).verbose_name)(lambda model_admin, event: getattr(event, name))


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("seq", "created_at", "actor_kind", "actor_label", "action", "target_type", "target_id")
    list_filter = ("action", "actor_kind", "target_type")
    search_fields = ("=target_id", "=subject_scope")
    list_select_related = ("seal",)
    ordering = ("-id",)
    fields = METADATA_FIELDS
    readonly_fields = METADATA_FIELDS
    actions = None

    # The seal's columns live on AuditSeal, and are shown under its fields' names.
    seq, sealed_at, prev_hash, chain_hash = (_seal_column(name) for name in ("seq", "sealed_at", "prev_hash", "chain_hash"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("verify/", view(self.verify_view), name="audit_auditevent_verify"),
            path("<int:pk>/payload/", view(require_POST(self.payload_view)), name="audit_auditevent_payload"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = {
            "can_view_payload": request.user.has_perm(VIEW_PAYLOAD_PERMISSION),
            "payload_url": reverse("admin:audit_auditevent_payload", args=[object_id]),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def payload_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        event = get_object_or_404(AuditEvent, pk=pk)
        payload = audit_event_payload(event=event, viewer=request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Audit payload of event %(seq)s") % {"seq": event.seq or event.pk},
            "event": event,
            "payload": payload,
            "details_json": json.dumps(payload.details, indent=2, sort_keys=True, ensure_ascii=False),
        }
        return TemplateResponse(request, "admin/audit/auditevent/payload.html", context)

    def verify_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        result = None
        if request.method == "POST":
            result = audit_chain_verify_and_record(actor=Actor.staff(request.user))
        context = {**self.admin_site.each_context(request), "opts": self.opts, "title": _("Verify the audit chain"), "result": result}
        return TemplateResponse(request, "admin/audit/auditevent/verify.html", context)
