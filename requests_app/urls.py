"""The self-service pages. Paths match the links the e-mails carry (requests_app.links)."""

from django.urls import path

from requests_app import views
from requests_app.rights import views as rights

app_name = "selfservice"

urlpatterns = [
    path("", views.request_form, name="request-form"),
    path("sent/", views.check_inbox, name="check-inbox"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("status/<str:token>/", views.status, name="status"),
    path("status/<str:token>/withdraw/", views.status_withdraw, name="status-withdraw"),
    path("status/<str:token>/download-link/", views.status_download_link, name="status-download-link"),
    path("download/<str:token>/", views.download, name="download"),
    path("opt-out/", rights.opt_out, name="opt-out"),
    path("opt-out/done/", rights.opt_out_done, name="opt-out-done"),
]
