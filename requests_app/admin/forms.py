"""The forms of the staff actions; each message says what to write and why it is needed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from requests_app.models import DenialReason


def _staff_text(label, *, help_text="", required_message=None, rows=3, max_length=2000) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows}), max_length=max_length,
        required=required_message is not None, error_messages={"required": required_message} if required_message else {},
    )


class ConfirmForm(forms.Form):
    """An action without input: the button is the confirmation."""


class DenyForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=DenialReason.choices)
    explanation = _staff_text(
        _("Explanation for the requester"),
        help_text=_("Sent to the requester with the reason; required for “Another reason”."),
    )


class ExtendForm(forms.Form):
    reason = _staff_text(
        _("Reason for the extension"), help_text=_("Sent to the requester in the extension notice."),
        required_message=_("Give the reason for the extension: the law requires it in the notice."),
    )


class NoteForm(forms.Form):
    body = _staff_text(
        _("Internal note"), help_text=_("Staff only: never shown to the requester."), max_length=5000,
        required_message=_("Write the note before adding it."),
    )


class CancelForm(forms.Form):
    reason = _staff_text(
        _("Why is the request cancelled?"), rows=2,
        required_message=_("Give the reason for cancelling: it goes into the audit trail."),
    )


class ManualVerifyForm(forms.Form):
    evidence = _staff_text(
        _("How was the identity verified?"), rows=2,
        help_text=_("E.g. “Called the customer back on the phone number of order 000000123”."),
        required_message=_("Describe how you verified the identity: it goes into the audit trail."),
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody"))

    def __init__(self, *args, staff_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_queryset
