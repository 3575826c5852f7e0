"""The forms of the staff actions; each message says what to write and why it is needed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from requests_app.models import Channel, DenialReason, Jurisdiction, Kind


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


class StaffEntryForm(forms.Form):
    """A request that reached staff by e-mail, phone or post, entered with the day it really arrived."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    jurisdiction = forms.ChoiceField(label=_("Jurisdiction"), choices=Jurisdiction.choices)
    channel = forms.ChoiceField(
        label=_("Received by"), choices=[(c.value, c.label) for c in (Channel.EMAIL, Channel.PHONE, Channel.POST)]
    )
    received_on = forms.DateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the request arrived: the legal clock starts then, not today."),
        error_messages={"invalid": _("Enter the day as YYYY-MM-DD."), "required": _("Enter the day the request arrived.")},
    )
    email = forms.EmailField(
        label=_("Requester's e-mail address"), max_length=254,
        error_messages={"invalid": _("Enter an e-mail address in the form name@example.com."),
                        "required": _("Enter the requester's e-mail address: the answer goes there.")},
    )
    name = forms.CharField(label=_("Requester's name"), required=False, max_length=200)
    details = _staff_text(_("What should be corrected?"), help_text=_("For a correction request only."))
    evidence = _staff_text(
        _("How was the identity verified?"), rows=2,
        help_text=_("Fill in only if you verified the requester yourself (e.g. a call-back); otherwise they get a link."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"received_on": timezone.localdate(), "channel": Channel.POST})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Kind.CORRECTION and not cleaned.get("details", "").strip():
            self.add_error("details", _("Say what should be corrected, as the requester asked."))
        return cleaned
