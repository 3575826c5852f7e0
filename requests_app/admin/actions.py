"""The staff actions on one request: which apply to whom, their forms, and the one service each calls.

Every action is a POST from the request page; the service checks permissions again and writes
the audit entry, so a hidden button is a convenience and never the only guard.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from requests_app import deadlines
from requests_app.admin.entry import identity_check_record
from requests_app.admin.forms import (
    AssignForm,
    CancelForm,
    ConfirmForm,
    DenyForm,
    ExtendForm,
    ManualVerifyForm,
    NoteForm,
)
from requests_app.models import Kind, PrivacyRequest
from requests_app.rights.correction import correction_documentation_request, corrections_requested, corrections_set
from requests_app.rights.forms import CorrectionsForm, DocumentationForm
from requests_app.services.common import PERM_APPROVE_ERASURE, PERM_WORK
from requests_app.services.verification import privacy_request_verify_by_staff
from requests_app.services.workflow import (
    privacy_request_approve,
    privacy_request_assign,
    privacy_request_cancel,
    privacy_request_deny,
    privacy_request_extend,
    privacy_request_note_add,
    privacy_request_retry,
)
from requests_app.states import OPEN, TRANSITIONS, State


@dataclass(frozen=True)
class StaffAction:
    name: str
    title: str
    button: str
    available: Callable[[object, PrivacyRequest], bool]
    form: Callable[..., forms.Form]
    perform: Callable[[PrivacyRequest, dict, object], str]
    danger: bool = False


def _may_work(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm(PERM_WORK)


def _can_move(privacy_request: PrivacyRequest, target: str) -> bool:
    return State(target) in TRANSITIONS[State(privacy_request.state)]


def _may_approve(user, privacy_request) -> bool:
    if privacy_request.kind == Kind.DELETION and not user.has_perm(PERM_APPROVE_ERASURE):
        return False
    return _may_work(user) and privacy_request.state == State.IN_REVIEW


def _may_extend(user, privacy_request) -> bool:
    """Open, and not yet extended as far as the law allows (the service checks the notice deadline)."""
    longest = deadlines.default_extension(privacy_request.jurisdiction)
    return _may_work(user) and privacy_request.state in OPEN and privacy_request.extension < longest


def _extend_form(data=None, *, privacy_request, **kwargs):
    form = ExtendForm(data, **kwargs)
    if privacy_request.jurisdiction != "ccpa":  # GDPR-like: one or two further months; CCPA: one fixed 45 days
        wanted = range(privacy_request.extension + 1, deadlines.GDPR_MAX_EXTENSION_MONTHS + 1)
        form.fields["extension"] = forms.TypedChoiceField(
            label=_("Extend by"), coerce=int, initial=deadlines.GDPR_MAX_EXTENSION_MONTHS,
            choices=[(months, ngettext("%(months)d further month in total", "%(months)d further months in total", months)
                      % {"months": months}) for months in wanted],
        )
        form.order_fields(["extension", "reason"])
    return form


def _assign_form(data=None, *, privacy_request, **kwargs):
    workers = get_user_model().objects.filter(is_active=True, is_staff=True).order_by("username")
    eligible = [user.pk for user in workers if user.has_perm(PERM_WORK)]
    return AssignForm(data, staff_queryset=workers.filter(pk__in=eligible), initial={"assignee": privacy_request.assignee_id}, **kwargs)


def _plain(form_class):
    return lambda data=None, *, privacy_request, **kwargs: form_class(data, **kwargs)


def _verify(privacy_request, data, user) -> str:
    privacy_request_verify_by_staff(privacy_request=privacy_request, by=user)
    identity_check_record(privacy_request=privacy_request, evidence=data["evidence"], by=user)
    return _("The requester's identity is recorded as verified by you.")


def _approve(privacy_request, data, user) -> str:
    privacy_request_approve(privacy_request=privacy_request, by=user)
    privacy_request.refresh_from_db(fields=["state"])
    if privacy_request.state == State.COMPLETED:  # fulfilment ran at once (no separate worker)
        return _("Approved and fulfilled: the requester has been notified.")
    if privacy_request.state == State.NEEDS_ATTENTION:
        return _("Approved, but fulfilment stopped: the reason is shown under “Needs attention”.")
    return _("Approved: fulfilment has started.")


def _deny(privacy_request, data, user) -> str:
    privacy_request_deny(privacy_request=privacy_request, by=user, reason=data["reason"], explanation=data["explanation"])
    return _("Denied: the requester is told why and how to complain to a supervisory authority.")


def _extend(privacy_request, data, user) -> str:
    record = privacy_request_extend(privacy_request=privacy_request, by=user, reason=data["reason"], extension=data.get("extension"))
    return _("Extended: the request is now due on %(due)s and the requester has been notified.") % {
        "due": record.new_due_date.isoformat()
    }


def _assign(privacy_request, data, user) -> str:
    privacy_request_assign(privacy_request=privacy_request, by=user, assignee=data["assignee"])
    return _("Assigned to %(name)s.") % {"name": data["assignee"].get_username()} if data["assignee"] else _("Unassigned.")


def _retry(privacy_request, data, user) -> str:
    privacy_request_retry(privacy_request=privacy_request, by=user)
    return _("Retried: the stage that failed runs again.")


def _cancel(privacy_request, data, user) -> str:
    privacy_request_cancel(privacy_request=privacy_request, by=user, reason=data["reason"])
    return _("Cancelled.")


def _may_correct(user, privacy_request) -> bool:
    return (_may_work(user) and privacy_request.kind == Kind.CORRECTION and privacy_request.state in OPEN
            and privacy_request.state != State.IN_PROGRESS)


def _corrections_form(data=None, *, privacy_request, **kwargs):
    return CorrectionsForm(data, initial_corrections=corrections_requested(privacy_request=privacy_request), **kwargs)


def _corrections(privacy_request, data, user) -> str:
    corrections_set(privacy_request=privacy_request, corrections=data["corrections"], by=user)
    return _("The details to correct are recorded: compare them with the shop's values, then approve or deny.")


def _documentation(privacy_request, data, user) -> str:
    correction_documentation_request(privacy_request=privacy_request, message=data["message"], by=user)
    return _("The requester is asked for documentation by e-mail; the request stays open.")


def _note(privacy_request, data, user) -> str:
    privacy_request_note_add(privacy_request=privacy_request, by=user, body=data["body"])
    return _("Note added.")


ACTIONS = {
    action.name: action
    for action in (
        StaffAction(
            "verify", _("Verify the identity manually"), _("Record as verified"),
            lambda user, pr: _may_work(user) and pr.state in (State.RECEIVED, State.AWAITING_VERIFICATION),
            _plain(ManualVerifyForm), _verify,
        ),
        StaffAction("approve", _("Approve"), _("Approve and fulfil"), _may_approve, _plain(ConfirmForm), _approve),
        StaffAction("corrections", _("Details to correct"), _("Record the details"), _may_correct, _corrections_form,
                    _corrections),
        StaffAction("documentation", _("Ask for documentation"), _("E-mail the requester"), _may_correct,
                    _plain(DocumentationForm), _documentation),
        StaffAction(
            "deny", _("Deny with a reason"), _("Deny the request"),
            lambda user, pr: _may_work(user) and _can_move(pr, State.DENIED), _plain(DenyForm), _deny, danger=True,
        ),
        StaffAction(
            "extend", _("Extend the deadline"), _("Extend and notify"),
            _may_extend, _extend_form, _extend,
        ),
        StaffAction(
            "assign", _("Assign"), _("Assign"), lambda user, pr: _may_work(user) and pr.state in OPEN, _assign_form, _assign
        ),
        StaffAction(
            "retry", _("Retry the failed stage"), _("Retry"),
            lambda user, pr: _may_work(user) and pr.state == State.NEEDS_ATTENTION, _plain(ConfirmForm), _retry,
        ),
        StaffAction(
            "cancel", _("Cancel the request"), _("Cancel the request"),
            lambda user, pr: _may_work(user) and _can_move(pr, State.CANCELLED), _plain(CancelForm), _cancel, danger=True,
        ),
        StaffAction("note", _("Internal note"), _("Add note"), lambda user, pr: _may_work(user), _plain(NoteForm), _note),
    )
}


def actions_available(*, user, privacy_request: PrivacyRequest) -> list[StaffAction]:
    return [action for action in ACTIONS.values() if action.available(user, privacy_request)]
