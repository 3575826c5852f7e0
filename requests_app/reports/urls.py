"""The reports' pages, under /admin/reports/ and behind the admin's own login."""

from django.contrib import admin
from django.urls import path

from requests_app.reports import views

app_name = "reports"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard_view), name="dashboard"),
    path("ccpa/", admin.site.admin_view(views.ccpa_metrics_view), name="ccpa-metrics"),
    path("record/", admin.site.admin_view(views.record_view), name="record"),
    path("requests/<int:pk>/", admin.site.admin_view(views.request_report_view), name="request-report"),
]
