"""The preference lists in the staff console: opt-outs and limits (with the partners' keyed lists) and suppressions.

Both are read-only records: they change through the request services only. Addresses are never
shown; the search box matches an exact address through its blind index.
"""

from typing import ClassVar

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from privacy.crypto import email_index
from requests_app.downloads import attachment
from requests_app.rights.marketing import marketing_suppression_lift
from requests_app.rights.models import MarketingSuppression, OptOutPreference
from requests_app.rights.partners import FORMATS, PERM_EXPORT, PartnerUnknown, partner_list_export


class ReadOnlyAdmin(admin.ModelAdmin):
    search_fields = ("email_index",)
    search_help_text = _("Exact e-mail address.")
    actions = None

    class Media:
        css: ClassVar[dict] = {"all": ("requests_app/admin.css",)}

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        return (queryset.filter(email_index=email_index(term)) if term else queryset), False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OptOutPreference)
class OptOutPreferenceAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "signal", "request", "recorded_at", "applied_at", "shop_accounts", "shop_note")
    list_filter = ("kind", "signal")
    fields = list_display
    change_list_template = "admin/rights/optoutpreference/change_list.html"

    def get_urls(self):
        return [path("partner-list/<str:partner>/<str:form>/", self.admin_site.admin_view(self.partner_list_view),
                     name="rights_optoutpreference_partner_list"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        partners = settings.PRIVACY_OPT_OUT_PARTNERS if request.user.has_perm(PERM_EXPORT) else []
        links = [(partner, [(form, reverse("admin:rights_optoutpreference_partner_list", args=[partner, form]))
                            for form in FORMATS]) for partner in partners]
        return super().changelist_view(request, {**(extra_context or {}), "partner_links": links})

    def partner_list_view(self, request, partner, form):
        """Hand an officer the partner's keyed list as a file; the service checks the permission and audits it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if form not in FORMATS:
            raise Http404(_("No such format."))
        try:
            document = partner_list_export(partner=partner, form=form, by=request.user)
        except PartnerUnknown as unknown:
            raise Http404(str(unknown)) from None
        return attachment(content=document.encode(), content_type=FORMATS[form], filename=f"opt-outs-{partner}.{form}")


class LiftForm(forms.Form):
    reason = forms.CharField(
        label=_("Why may this address receive marketing again?"),
        help_text=_("E.g. “Asked in writing on 2025-03-01 to receive the newsletter again”. Goes into the audit trail."),
        widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
        error_messages={"required": _("Give the reason: it goes into the audit trail.")},
    )


@admin.register(MarketingSuppression)
class MarketingSuppressionAdmin(ReadOnlyAdmin):
    list_display = ("pk", "request", "recorded_at", "unsubscribed", "store_ids")
    fields = list_display

    def get_urls(self):
        return [path("<int:object_id>/lift/", self.admin_site.admin_view(self.lift_view),
                     name="rights_marketingsuppression_lift"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        lift = LiftForm() if request.user.has_perm("rights.delete_marketingsuppression") else None
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "lift_form": lift})

    def lift_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        suppression = MarketingSuppression.objects.filter(pk=object_id).first()
        if suppression is None:
            raise Http404(_("No such suppression."))
        if not request.user.has_perm("rights.delete_marketingsuppression"):
            raise PermissionDenied(_("Only privacy officers may lift a suppression."))
        form = LiftForm(request.POST)
        if form.is_valid():
            try:
                marketing_suppression_lift(suppression=suppression, reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("admin:rights_marketingsuppression_change", object_id)
            messages.success(request, _("Lifted: this service may subscribe the address again."))
            return redirect("admin:rights_marketingsuppression_changelist")
        context = {**self.admin_site.each_context(request), "opts": self.opts, "lift_form": form, "original": suppression,
                   "title": _("Lift suppression %(pk)s") % {"pk": suppression.pk}}
        return TemplateResponse(request, "admin/rights/marketingsuppression/lift.html", context, status=400)
