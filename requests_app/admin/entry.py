"""Staff entry of a request received by e-mail, phone or post, with the day it really arrived."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from requests_app.admin.forms import StaffEntryForm
from requests_app.forms import service_refusal_show
from requests_app.services import privacy_request_note_add, privacy_request_submit

# The service names the receipt `received_at`; the form asks for the day.
SERVICE_FIELD_TO_FORM = {"received_at": "received_on"}


def identity_check_record(*, privacy_request, evidence: str, by) -> None:
    """Keep how staff verified the requester, as an internal note beside the verification event."""
    privacy_request_note_add(privacy_request=privacy_request, by=by, body=f"Identity verified by staff: {evidence}")


def staff_entry_view(model_admin, request):
    form = StaffEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        privacy_request = _submitted(form, by=request.user)
        if privacy_request is not None:
            _announce(request, privacy_request)
            return redirect(reverse("admin:requests_app_privacyrequest_change", args=[privacy_request.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Enter a request received by e-mail, phone or post"),
        "form": form,
    }
    return TemplateResponse(request, "admin/requests_app/privacyrequest/entry.html", context,
                            status=400 if form.errors else 200)


def _submitted(form, *, by):
    data = form.cleaned_data
    evidence = data["evidence"].strip()
    try:
        privacy_request = privacy_request_submit(
            kind=data["kind"], email=data["email"], jurisdiction=data["jurisdiction"], channel=data["channel"],
            received_at=data["received_on"], name=data["name"], verified=bool(evidence), by=by,
            details={"correction": data["details"]} if data["details"].strip() else None,
        )
    except ValidationError as error:
        service_refusal_show(form, error, renamed=SERVICE_FIELD_TO_FORM)
        return None
    if evidence and privacy_request.duplicate_of_id is None:
        identity_check_record(privacy_request=privacy_request, evidence=evidence, by=by)
    return privacy_request


def _announce(request, privacy_request) -> None:
    if privacy_request.duplicate_of_id:
        messages.warning(request, _("This person already has an open request of this kind (#%(original)s): "
                                    "this one is recorded as its duplicate and not worked.")
                         % {"original": privacy_request.duplicate_of_id})
    else:
        messages.success(request, _("Request #%(pk)s recorded; it is due on %(due)s.")
                         % {"pk": privacy_request.pk, "due": privacy_request.due_date.isoformat()})
