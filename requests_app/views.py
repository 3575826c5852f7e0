"""The self-service pages: validate, call one service, render. No personal data is logged here."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.audit.actors import Actor
from privacy.crypto import email_index
from privacy.sources.erasure.selectors import erasure_block_reasons
from requests_app import links, selectors
from requests_app.downloads import (
    attachment,
    download_link_check,
    export_package_available,
)
from requests_app.errors import TransitionRefused, VerificationFailed
from requests_app.forms import RequestForm, VerifyForm, service_refusal_show
from requests_app.models import Kind, PrivacyRequest
from requests_app.ratelimit import client_address, rate_limit_hit, rate_limit_reached
from requests_app.rights.forms import request_details
from requests_app.rights.preferences import gpc_signal, opt_outs_record
from requests_app.services import (
    AgentSubmission,
    export_download,
    export_download_link_send,
    privacy_request_cancel,
    privacy_request_submit,
    privacy_request_verify_by_token,
    verification_link_check,
)
from requests_app.services.verification import second_factor_required
from requests_app.states import TRANSITIONS, State
from requests_app.wording import mid_sentence

WITHDRAWABLE = frozenset(state for state, targets in TRANSITIONS.items() if State.CANCELLED in targets)
# The service names the agent's upload `agent_document`; the form calls it `permission`.
SERVICE_FIELD_TO_FORM = {"agent_document": "permission"}


def _second_factor_kinds() -> tuple[str, ...]:
    return tuple(kind for kind in Kind.values if second_factor_required(kind))


def _form_context(form: RequestForm) -> dict:
    kinds = form.second_factor_kinds
    return {
        "form": form,
        "second_factor_kinds": sorted(kinds),
        "second_factor_labels": [mid_sentence(label) for value, label in Kind.choices if value in kinds],
    }


def _rate_limited(request) -> bool:
    over_ip = rate_limit_hit(scope="form-ip", key=client_address(request), setting="PRIVACY_FORM_RATE_PER_IP")
    email = request.POST.get("email", "").strip()
    over_email = bool(email) and rate_limit_hit(
        scope="form-email", key=email_index(email), setting="PRIVACY_FORM_RATE_PER_EMAIL"
    )
    return over_ip or over_email


def _bad_link_count(request) -> None:
    rate_limit_hit(scope="bad-links", key=client_address(request), setting="PRIVACY_BAD_LINKS_PER_IP")


def guessing_links_refused(view):
    """Refuse, for a while, a client that keeps trying links that do not work: secrets are not for guessing."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if rate_limit_reached(scope="bad-links", key=client_address(request), setting="PRIVACY_BAD_LINKS_PER_IP"):
            return render(request, "selfservice/too_many_bad_links.html", status=429)
        return view(request, *args, **kwargs)

    return guarded


@require_http_methods(["GET", "POST"])
def request_form(request):
    kinds = _second_factor_kinds()
    if request.method == "GET":
        return render(request, "selfservice/request_form.html", _form_context(RequestForm(second_factor_kinds=kinds)))
    form = RequestForm(request.POST, request.FILES, second_factor_kinds=kinds)
    if form.is_bot:  # answered exactly like a real submission, so the bot learns nothing
        return redirect("selfservice:check-inbox")
    if _rate_limited(request):
        return render(request, "selfservice/rate_limited.html", status=429)
    if form.is_valid() and _submitted(form, language=get_language(), gpc=gpc_signal(request.headers)):
        return redirect("selfservice:check-inbox")
    return render(request, "selfservice/request_form.html", _form_context(form), status=400)


def _submitted(form: RequestForm, *, language: str, gpc: bool) -> bool:
    """Hand the form to the intake service; put any refusal next to its field and return False."""
    data = form.cleaned_data
    try:
        privacy_request_submit(
            kind=data["kind"], email=data["email"], jurisdiction=data["jurisdiction"], channel="web",
            name=data["name"], details=request_details(data, gpc=gpc),
            order_number=data["order_number"], postcode=data["postcode"], language=language,
            agent=_agent(data),
        )
    except ValidationError as error:
        service_refusal_show(form, error, renamed=SERVICE_FIELD_TO_FORM)
        return False
    if gpc:  # the browser's Global Privacy Control signal is an opt-out of sale/sharing too (CCPA §7025)
        opt_outs_record(email=data["email"], kinds=(), gpc=True, channel="web", jurisdiction=data["jurisdiction"],
                        language=language)
    return True


def _agent(data) -> AgentSubmission | None:
    if not data["by_agent"]:
        return None
    upload = data["permission"]
    return AgentSubmission(
        name=data["agent_name"], email=data["agent_email"], document=upload.read(),
        document_name=upload.name, content_type=upload.detected_content_type,
    )


def _verification_periods() -> dict:
    return {"link_hours": settings.PRIVACY_VERIFICATION_LINK_HOURS, "close_days": settings.PRIVACY_VERIFICATION_CLOSE_DAYS}


@require_GET
def check_inbox(request):
    return render(request, "selfservice/check_inbox.html", _verification_periods())


@never_cache
@guessing_links_refused
@require_http_methods(["GET", "POST"])
def verify(request, token):
    try:
        check = verification_link_check(token=token)
    except VerificationFailed as failure:
        return _link_problem(request, failure)
    form = VerifyForm(
        request.POST if request.method == "POST" else None,
        uses_second_factor=second_factor_required(check.privacy_request.kind),
        needs_second_factor=check.needs_second_factor,
    )
    if request.method == "POST" and form.is_valid():
        try:
            privacy_request = privacy_request_verify_by_token(
                token=token, order_number=form.cleaned_data.get("order_number", ""),
                postcode=form.cleaned_data.get("postcode", ""),
            )
        except VerificationFailed as failure:
            return _verify_refused(request, token, form, failure)
        status_link = links.status_url(selectors.privacy_request_status_token(privacy_request=privacy_request))
        return render(request, "selfservice/verified.html", {"privacy_request": privacy_request, "status_link": status_link})
    context = {"form": form, "privacy_request": check.privacy_request, **_verification_periods()}
    return render(request, "selfservice/verify.html", context, status=400 if form.errors else 200)


def _verify_refused(request, token, form, failure):
    """Ask again for the order details while the link still works, else explain the link's state."""
    try:
        check = verification_link_check(token=token)
    except VerificationFailed as link_failure:
        return _link_problem(request, link_failure)
    # The details given at intake may be the wrong ones: show the fields, with what was typed, and the error.
    uses = second_factor_required(check.privacy_request.kind)
    retry = VerifyForm(initial=form.cleaned_data, uses_second_factor=uses, needs_second_factor=uses)
    retry.refuse(str(failure))
    context = {"form": retry, "privacy_request": check.privacy_request, **_verification_periods()}
    return render(request, "selfservice/verify.html", context, status=400)


def _link_problem(request, failure):
    _bad_link_count(request)
    return render(request, "selfservice/link_problem.html", {"message": str(failure)}, status=410)


# What the requester reads about each state: needs_attention is an internal matter, shown as work in progress.
PUBLIC_STATE = {
    State.RECEIVED: (_("Received"), _("We will e-mail you a link to confirm the request.")),
    State.AWAITING_VERIFICATION: (
        _("Waiting for your confirmation"),
        _("Follow the link in the e-mail we sent you to confirm the request. Without it we cannot start."),
    ),
    State.VERIFIED: (_("Confirmed"), _("We are looking for your data in our records.")),
    State.IN_REVIEW: (_("Being reviewed"), _("A member of our privacy team is reviewing your request.")),
    State.IN_PROGRESS: (_("In progress"), _("We are carrying out your request and will e-mail you when it is done.")),
    State.NEEDS_ATTENTION: (_("In progress"), _("We are carrying out your request and will e-mail you when it is done.")),
    State.COMPLETED: (_("Completed"), _("Your request is complete. We sent you an e-mail with the result.")),
    State.DENIED: (
        _("Answered with a refusal"),
        _("We e-mailed you our reasons and how to complain to a supervisory authority if you disagree."),
    ),
    State.CANCELLED: (_("Cancelled"), _("Nothing more will happen with this request. You can make a new one at any time.")),
    State.CLOSED_UNVERIFIED: (
        _("Closed: not confirmed"),
        _("The request was not confirmed in time. You can make a new one at any time."),
    ),
}


def _status_request(request, token) -> PrivacyRequest:
    try:
        return selectors.privacy_request_get_by_status_token(token=token)
    except PrivacyRequest.DoesNotExist:
        _bad_link_count(request)
        raise Http404("status link does not match a request") from None


@never_cache
@guessing_links_refused
@require_GET
def status(request, token):
    privacy_request = _status_request(request, token)
    state_label, next_step = PUBLIC_STATE[privacy_request.state]
    context = {
        "privacy_request": privacy_request,
        "state_label": state_label,
        "next_step": next_step,
        "timeline": selectors.privacy_request_timeline(privacy_request=privacy_request, audience="customer"),
        "can_withdraw": privacy_request.state in WITHDRAWABLE,
        "can_send_download_link": export_package_available(privacy_request=privacy_request),
        "erasure_waits_because": erasure_block_reasons(privacy_request=privacy_request),
    }
    return render(request, "selfservice/status.html", context)


@never_cache
@guessing_links_refused
@require_POST
def status_withdraw(request, token):
    privacy_request = _status_request(request, token)
    try:
        privacy_request_cancel(privacy_request=privacy_request, by=_status_actor(privacy_request),
                               reason="Withdrawn by the requester through the status link.")
    except TransitionRefused:
        messages.error(request, _("This request can no longer be withdrawn."))
    return redirect("selfservice:status", token=token)


@never_cache
@guessing_links_refused
@require_POST
def status_download_link(request, token):
    privacy_request = _status_request(request, token)
    # Whoever holds the status link could otherwise flood the requester's inbox with links.
    if rate_limit_hit(scope="download-link-mail", key=str(privacy_request.pk), setting="PRIVACY_FORM_RATE_PER_EMAIL"):
        messages.error(request, _("We sent you several links in a short time: use the newest one, or try again later."))
    elif export_download_link_send(privacy_request=privacy_request, by=_status_actor(privacy_request)):
        messages.success(request, _("We e-mailed you a new download link. It works once."))
    else:
        messages.error(request, _("Your export is no longer available: it is deleted when its lifetime ends."))
    return redirect("selfservice:status", token=token)


def _status_actor(privacy_request) -> Actor:
    return Actor.customer(f"status-link:{privacy_request.pk}")


@never_cache
@guessing_links_refused
@require_http_methods(["GET", "POST"])
def download(request, token):
    """Show what is ready on GET (link scanners must not spend the link); hand the ZIP over once on POST."""
    try:
        if request.method == "POST":
            package = export_download(token=token)
            return attachment(content=package.content, content_type=package.content_type, filename=package.filename)
        offer = download_link_check(token=token)
    except VerificationFailed as failure:
        return _link_problem(request, failure)
    return render(request, "selfservice/download.html", {"offer": offer})
