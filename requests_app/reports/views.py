"""The reports in the staff console: the dashboard, the CCPA metrics, the Art. 30 record and one
request's report. Thin views: check access, read, render; every figure comes from a selector."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from requests_app import selectors
from requests_app.admin.badges import deadline_badge
from requests_app.models import PrivacyRequest
from requests_app.reports.ccpa import SCOPES, ccpa_metrics
from requests_app.reports.dashboard import dashboard_build
from requests_app.reports.dashboard_charts import dashboard_charts, month_label
from requests_app.reports.publish import metrics_csv, metrics_html, metrics_json
from requests_app.reports.record import processing_record, record_html
from requests_app.reports.request_report import request_report, request_report_html
from requests_app.services.common import PERM_VIEW, PERM_WORK

VERIFY_CHAIN_PERMISSION = "audit.view_auditevent"
FIRST_YEAR = 2020


def reports_access_check(*, user) -> None:
    """Refuse anyone but active staff allowed to view requests: the reports are made of their figures."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in as staff to see the reports.")
    if not user.is_active:
        raise PermissionDenied("This account is inactive.")
    if not user.is_staff:
        raise PermissionDenied("Only staff can see the reports.")
    if not user.has_perm(PERM_VIEW):
        raise PermissionDenied("This account may not view requests, nor the reports made of them.")


class MetricsForm(forms.Form):
    year = forms.IntegerField(label=_("Calendar year"), min_value=FIRST_YEAR)
    jurisdiction = forms.ChoiceField(label=_("Figures cover"), choices=list(SCOPES.items()), initial="ccpa")
    format = forms.ChoiceField(label=_("Format"), choices=[("html", "HTML"), ("csv", "CSV"), ("json", "JSON")],
                               initial="html", required=False)
    download = forms.BooleanField(label=_("Download"), required=False)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("That year has not begun: give this year or an earlier one."))
        return year


def metrics_form_initial() -> dict:
    """The report due next: the previous calendar year (§7102 figures are published by 1 July)."""
    return {"year": timezone.localdate().year - 1, "jurisdiction": "ccpa"}


def dashboard_view(request):
    reports_access_check(user=request.user)
    dashboard = dashboard_build()
    context = {
        **admin.site.each_context(request),
        "title": _("Compliance dashboard"),
        "dashboard": dashboard,
        "charts": dashboard_charts(dashboard),
        "overdue": [(row, deadline_badge(row, today=dashboard.today)) for row in dashboard.deadlines.overdue],
        "due_soon": [(row, deadline_badge(row, today=dashboard.today)) for row in dashboard.deadlines.due_soon],
        "month_labels": [month_label(month) for month in dashboard.months],
        "metrics_form": MetricsForm(initial=metrics_form_initial()),
        "can_verify_chain": request.user.has_perm(VERIFY_CHAIN_PERMISSION),
    }
    return TemplateResponse(request, "admin/reports/dashboard.html", context)


def ccpa_metrics_view(request):
    reports_access_check(user=request.user)
    form = MetricsForm(request.GET)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label}: {' '.join(errors)}")
        return redirect("reports:dashboard")
    data = form.cleaned_data
    metrics = ccpa_metrics(year=data["year"], scope=data["jurisdiction"])
    name = f"ccpa-metrics-{metrics.year}-{metrics.scope}"
    return _document(data["format"] or "html", name=name, download=data["download"], render={
        "html": lambda standalone: metrics_html(metrics, standalone=standalone),
        "csv": lambda _standalone: metrics_csv(metrics),
        "json": lambda _standalone: metrics_json(metrics),
    })


def record_view(request):
    reports_access_check(user=request.user)
    record = processing_record()
    return _document(request.GET.get("format", "html"), name="gdpr-art30-record", download="download" in request.GET,
                     render={"html": lambda standalone: record_html(record, standalone=standalone),
                             "json": lambda _standalone: record})


def request_report_view(request, pk):
    try:
        privacy_request = selectors.privacy_request_get_for_staff(user=request.user, pk=pk)
    except PrivacyRequest.DoesNotExist:
        raise Http404(_("No request %(pk)s.") % {"pk": pk}) from None
    report = request_report(privacy_request=privacy_request, include_texts=request.user.has_perm(PERM_WORK))
    return _document(request.GET.get("format", "html"), name=f"privacy-request-{pk}", download="download" in request.GET,
                     render={"html": lambda standalone: request_report_html(report, standalone=standalone),
                             "json": lambda _standalone: report})


CONTENT_TYPES = {"html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8", "json": "application/json"}


def _document(format: str, *, name: str, download: bool, render: dict) -> HttpResponse:
    """Answer with the document in format; a download is a complete file (stylesheet inline)."""
    if format not in render:
        raise Http404(f"No {format!r} form of this report: use one of {', '.join(render)}.")
    body = render[format](download)
    if format == "json":
        body = json.dumps(body, indent=2, ensure_ascii=False, sort_keys=False)
    response = HttpResponse(body, content_type=CONTENT_TYPES[format])
    if download or format == "csv":
        response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response
