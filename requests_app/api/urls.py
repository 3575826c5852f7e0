from django.urls import path

from requests_app.api import public, staff
from requests_app.rights import api as rights

app_name = "requests-api"

ACTIONS = {
    "verify": staff.VerifyActionApi,
    "approve": staff.ApproveActionApi,
    "deny": staff.DenyActionApi,
    "extend": staff.ExtendActionApi,
    "assign": staff.AssignActionApi,
    "cancel": staff.CancelActionApi,
    "retry": staff.RetryActionApi,
    "notes": staff.NoteActionApi,
    "needs-attention": staff.NeedsAttentionActionApi,
    "corrections": rights.CorrectionsActionApi,
    "documentation": rights.DocumentationActionApi,
}

urlpatterns = [
    path("requests/", public.IntakeApi.as_view(), name="intake"),
    path("requests/verify/", public.VerifyApi.as_view(), name="verify"),
    path("requests/status/<str:token>/", public.StatusApi.as_view(), name="status"),
    path("requests/download/<str:token>/", public.DownloadApi.as_view(), name="download"),
    path("opt-out/", rights.OptOutApi.as_view(), name="opt-out"),
    path("staff/opt-out-lists/<str:partner>/<str:form>/", rights.PartnerListApi.as_view(), name="staff-partner-list"),
    path("staff/marketing/check/", rights.SuppressionCheckApi.as_view(), name="staff-suppression-check"),
    path("staff/requests/", staff.RequestListApi.as_view(), name="staff-list"),
    path("staff/requests/<int:pk>/", staff.RequestDetailApi.as_view(), name="staff-detail"),
    path("staff/requests/<int:pk>/export/", staff.ExportApi.as_view(), name="staff-export"),
    *(path(f"staff/requests/<int:pk>/{name}/", view.as_view(), name=f"staff-{name}") for name, view in ACTIONS.items()),
]
