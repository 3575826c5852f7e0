"""Self-service forms: validation only; the views hand the cleaned data to a service.

Every error message names what is wrong and how to fix it, and is shown next to its field.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from requests_app.models import Jurisdiction, Kind
from requests_app.rights.forms import (
    correction_bound_fields, correction_described, correction_fields_add, corrections_form_clean,
)

PERMISSION_TYPES = {
    b"%PDF-": ("application/pdf", ".pdf"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
}
# The customer picks where they live; the law follows from it.
JURISDICTION_LABELS = [
    (Jurisdiction.GDPR, _("In the European Union or the EEA")),
    (Jurisdiction.UK_GDPR, _("In the United Kingdom")),
    (Jurisdiction.CCPA, _("In California, USA")),
    (Jurisdiction.OTHER, _("Somewhere else")),
]
KIND_HELP = {
    Kind.ACCESS: _("See the personal information we hold about you, including specific pieces of it."),
    Kind.EXPORT: _("Receive your data as a file you can keep or take to another service."),
    Kind.DELETION: _("Have your personal information erased, except what the law makes us keep."),
    Kind.CORRECTION: _("Have wrong or incomplete information about you corrected."),
    Kind.OPT_OUT: _("Stop any sale or sharing of your personal information."),
    "limit": _("Have us use sensitive information about you only as far as needed to serve you."),
    "objection": _("Stop marketing to you, and withdraw consents you gave us."),
}


def _order_number_field():
    return forms.CharField(
        label=_("Order number"),
        help_text=_("From one of your order confirmation e-mails, e.g. 000000123."),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )


def _postcode_field():
    return forms.CharField(
        label=_("Postcode of that order"),
        help_text=_("The postcode of the billing address of that order."),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )


def _second_factor_require(form, cleaned) -> None:
    """Add an error with its fix to each missing part of the order-and-postcode factor."""
    if not cleaned.get("order_number", "").strip():
        form.add_error("order_number", _("Enter the number of one of your orders, as shown in its confirmation e-mail."))
    if not cleaned.get("postcode", "").strip():
        form.add_error("postcode", _("Enter the postcode of that order's billing address."))


class RequestForm(forms.Form):
    """The public request form; `second_factor_kinds` are the kinds that need order details."""

    kind = forms.ChoiceField(
        label=_("What would you like us to do?"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you would like us to do.")},
    )
    jurisdiction = forms.ChoiceField(
        label=_("Where do you live?"),
        help_text=_("This decides which privacy law applies and how long we have to answer."),
        choices=[("", _("Choose where you live")), *JURISDICTION_LABELS],
        error_messages={"required": _("Choose where you live, or “Somewhere else”.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Use the address you shop with. We send a link to it to confirm the request is yours."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the form name@example.com."),
        },
    )
    name = forms.CharField(
        label=_("Full name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    details = forms.CharField(
        label=_("Anything else we should correct?"),
        help_text=_("For a correction: a detail not listed above, or what we should know about it."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    order_number = _order_number_field()
    postcode = _postcode_field()
    by_agent = forms.BooleanField(
        label=_("I am an authorized agent making this request for someone else"),
        required=False,
    )
    agent_name = forms.CharField(
        label=_("Your name (the agent)"), required=False, max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    agent_email = forms.EmailField(
        label=_("Your e-mail address (the agent)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter the agent's e-mail address in the form name@example.com.")},
    )
    permission = forms.FileField(
        label=_("Signed permission"),
        help_text=_("The permission the person signed for you to act for them: a PDF, PNG or JPEG file."),
        required=False,
    )
    # The honeypot: people never see or fill it; a filled one marks the submission as automated.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, second_factor_kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.second_factor_kinds = frozenset(second_factor_kinds)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        correction_fields_add(self)

    def correction_fields(self):
        """The correct_<detail> fields, in the order the correction section shows them."""
        return correction_bound_fields(self)

    def kind_options(self):
        """Pair each kind's radio button with the sentence explaining it."""
        return [(radio, KIND_HELP.get(radio.data["value"], "")) for radio in self["kind"]]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        cleaned["corrections"] = corrections_form_clean(self, cleaned) if kind == Kind.CORRECTION else {}
        if kind == Kind.CORRECTION and not correction_described(self, cleaned):
            self.add_error("details", _("Tell us what to correct: fill in the correct value of a detail above, or "
                                        "describe it here, e.g. “My street is Elm Road 4, not Elm Road 14”."))
        if kind in self.second_factor_kinds:
            _second_factor_require(self, cleaned)
        if cleaned.get("by_agent"):
            self._require_agent(cleaned)
        return cleaned

    def _require_agent(self, cleaned):
        if not cleaned.get("agent_name", "").strip():
            self.add_error("agent_name", _("Enter your own name, as the agent."))
        if not cleaned.get("agent_email") and "agent_email" not in self.errors:
            self.add_error("agent_email", _("Enter your own e-mail address, so we can reach you as the agent."))
        if not cleaned.get("permission") and "permission" not in self.errors:
            self.add_error("permission", _("Attach the permission the person signed for you (PDF, PNG or JPEG)."))

    def clean_permission(self):
        upload = self.cleaned_data.get("permission")
        if not upload:
            return upload
        limit = settings.PRIVACY_AGENT_DOCUMENT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("This file is larger than %(limit)s: attach a smaller scan or a PDF.") % {"limit": filesizeformat(limit)}
            )
        head = upload.read(8)
        upload.seek(0)
        for magic, (content_type, _extension) in PERMISSION_TYPES.items():
            if head.startswith(magic):
                upload.detected_content_type = content_type
                return upload
        raise ValidationError(_("This file is not a PDF, PNG or JPEG: attach the signed permission in one of those formats."))


class VerifyForm(forms.Form):
    """The verification landing: confirms the request, with the order details where the kind uses them.

    `needs_second_factor` shows and requires them (none given yet, or the ones given were refused);
    `uses_second_factor` alone still accepts them, e.g. corrected ones after a refusal.
    """

    order_number = _order_number_field()
    postcode = _postcode_field()

    def __init__(self, *args, uses_second_factor: bool, needs_second_factor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_second_factor = needs_second_factor
        if not (uses_second_factor or needs_second_factor):
            del self.fields["order_number"], self.fields["postcode"]

    def clean(self):
        cleaned = super().clean()
        if self.needs_second_factor:
            _second_factor_require(self, cleaned)
        return cleaned

    def refuse(self, message: str) -> None:
        """Show the shop's refusal of the order details next to them (the form may be unbound, showing initial values)."""
        self.cleaned_data = {}
        self.add_error("order_number" if "order_number" in self.fields else None, message)


def service_refusal_show(form: forms.Form, error: ValidationError, *, renamed: dict | None = None) -> None:
    """Put a service's ValidationError next to the form fields it names (renamed: service name -> field)."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages in by_field.items():
        field = (renamed or {}).get(field, field)
        form.add_error(field if field in form.fields else None, messages)
