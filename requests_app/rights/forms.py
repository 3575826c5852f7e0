"""Form pieces of the remaining rights: the correction details on the request form, the opt-out page, staff actions.

The request form (requests_app.forms.RequestForm) gets one optional field per correctable detail,
named `correct_<detail>`; corrections_form_clean checks them with the same rules as every other
channel and puts each message next to its field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from requests_app.models import Jurisdiction
from requests_app.rights.fields import FIELDS, corrections_clean
from requests_app.rights.models import PreferenceKind
from requests_app.wording import mid_sentence

PREFIX = "correct_"
AUTOCOMPLETE = {
    "firstname": "given-name", "lastname": "family-name", "email": "email", "telephone": "tel",
    "street": "street-address", "city": "address-level2", "postcode": "postal-code", "region": "address-level1",
    "country_id": "country", "dob": "bday",
}


def _widget(name: str):
    attrs = {"autocomplete": AUTOCOMPLETE.get(name, "off")}
    if name == "street":
        return forms.Textarea(attrs=attrs | {"rows": 2})
    if name == "dob":
        return forms.TextInput(attrs=attrs | {"placeholder": "YYYY-MM-DD", "inputmode": "numeric"})
    if name == "email":
        return forms.EmailInput(attrs=attrs | {"spellcheck": "false"})
    return forms.TextInput(attrs=attrs | ({"inputmode": "tel"} if name == "telephone" else {}))


def correction_fields_add(form: forms.Form) -> None:
    """Add one optional field per correctable detail to form, labelled with what the detail should say."""
    for name, detail in FIELDS.items():
        form.fields[PREFIX + name] = forms.CharField(
            label=_("Correct %(detail)s") % {"detail": mid_sentence(detail.label)},
            help_text=detail.help, required=False, max_length=300, strip=True, widget=_widget(name),
        )


def correction_bound_fields(form: forms.Form) -> list:
    return [form[PREFIX + name] for name in FIELDS]


def corrections_form_clean(form: forms.Form, cleaned: dict) -> dict:
    """Return the corrections filled in on form; add each refusal to its own field."""
    given = {name: cleaned.get(PREFIX + name, "") for name in FIELDS if cleaned.get(PREFIX + name, "")}
    clean, errors = corrections_clean(given)
    for name, message in errors.items():
        form.add_error(PREFIX + name, message)
    return clean


def correction_described(form: forms.Form, cleaned: dict) -> bool:
    """True when the form says what to correct: a detail's new value (even a refused one) or a description."""
    return bool(cleaned.get("corrections") or cleaned.get("details", "").strip()
                or any(PREFIX + name in form.errors for name in FIELDS))


def request_details(data: dict, *, gpc: bool) -> dict | None:
    """The details the request form hands to intake: corrections and words, or the signal behind an opt-out."""
    details = {"corrections": data.get("corrections") or None, "explanation": data.get("details", "").strip() or None,
               "signal": "gpc" if gpc and data.get("kind") == PreferenceKind.OPT_OUT else None}
    return {key: value for key, value in details.items() if value} or None


class OptOutForm(forms.Form):
    """The "Do not sell or share my personal information" page: no verification, just the address and the choices."""

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The address you shop with, so we can apply your choice to your account."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your e-mail address."),
                        "invalid": _("Enter an e-mail address in the form name@example.com.")},
    )
    kinds = forms.MultipleChoiceField(
        label=_("What would you like?"),
        choices=[(PreferenceKind.OPT_OUT, _("Do not sell or share my personal information")),
                 (PreferenceKind.LIMIT, _("Limit the use of my sensitive personal information"))],
        widget=forms.CheckboxSelectMultiple, required=False,
    )
    jurisdiction = forms.ChoiceField(
        label=_("Where do you live?"), choices=Jurisdiction.choices, initial=Jurisdiction.CCPA,
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)  # the honeypot

    def __init__(self, *args, gpc: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.gpc = gpc
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        if not (self.gpc or cleaned.get("kinds")):
            self.add_error("kinds", _("Choose at least one: not selling or sharing, or limiting sensitive information."))
        return cleaned


class CorrectionsForm(forms.Form):
    """Staff record the details a correction asks for (e.g. from a letter or a description in words)."""

    def __init__(self, *args, initial_corrections: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        correction_fields_add(self)
        for name, value in (initial_corrections or {}).items():
            self.fields[PREFIX + name].initial = value

    def clean(self):
        cleaned = super().clean()
        cleaned["corrections"] = corrections_form_clean(self, cleaned)
        if not cleaned["corrections"] and not self.errors:
            raise forms.ValidationError(_("Fill in the correct value of at least one detail."))
        return cleaned


class DocumentationForm(forms.Form):
    message = forms.CharField(
        label=_("What documentation do you need?"),
        help_text=_("E-mailed to the requester as written, e.g. “A copy of an ID showing your date of birth”."),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
        error_messages={"required": _("Write what the requester should send.")},
    )
