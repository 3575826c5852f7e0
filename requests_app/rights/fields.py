"""The details a requester may ask to correct, and how each new value is checked.

Pure functions: the form, the API, the CLI and the intake service all call corrections_clean,
so every channel refuses the same values with the same message naming the detail and the fix.
Lengths are the tightest column the value is written to (e.g. sales_order.customer_taxvat holds 32).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.crypto import normalize_email

NAME = re.compile(r"^[\w\s.,'’`-]+$")  # letters of any script, spaces, and the punctuation names use
PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
POSTCODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]*$")
TAXVAT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")
VAT_ID = re.compile(r"^[A-Z]{2}[0-9A-Z]{2,13}$")
# ISO 3166-1 alpha-2, the codes Magento's directory_country table ships with.
COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS XK YE YT ZA ZM ZW
""".split())


@dataclass(frozen=True)
class CorrectionField:
    name: str
    label: str
    level: str  # "account" (customer_entity), "address" (the address book) or "name" (both)
    max_length: int
    help: str


FIELDS: dict[str, CorrectionField] = {field.name: field for field in (
    CorrectionField("firstname", _("First name"), "name", 128, _("As it should appear on your account and parcels.")),
    CorrectionField("lastname", _("Last name"), "name", 128, _("As it should appear on your account and parcels.")),
    CorrectionField("email", _("E-mail address"), "account", 128, _("The address we should use from now on.")),
    CorrectionField("telephone", _("Phone number"), "address", 30, _("With the country code, e.g. +49 30 1234567.")),
    CorrectionField("street", _("Street and number"), "address", 255, _("One line per address line, at most 4.")),
    CorrectionField("city", _("Town or city"), "address", 255, ""),
    CorrectionField("postcode", _("Postcode"), "address", 20, ""),
    CorrectionField("region", _("State, province or region"), "address", 255, ""),
    CorrectionField("country_id", _("Country"), "address", 2, _("Two-letter code, e.g. DE, FR, GB, US.")),
    CorrectionField("dob", _("Date of birth"), "account", 10, _("As YYYY-MM-DD, e.g. 1990-07-14.")),
    CorrectionField("taxvat", _("Tax/VAT number"), "account", 32, _("The tax or VAT number on your account.")),
    CorrectionField("vat_id", _("Company VAT number"), "address", 15, _("With its country prefix, e.g. DE123456789.")),
)}
ADDRESS_FIELDS = tuple(name for name, field in FIELDS.items() if field.level == "address")
NAME_FIELDS = ("firstname", "lastname")


def _printable(value: str, *, lines: int = 1) -> bool:
    text = value.replace("\n", "") if lines > 1 else value
    return value.count("\n") < lines and not any(unicodedata.category(char)[0] == "C" for char in text)


def _name(value: str) -> str:
    if not NAME.match(value) or any(char.isdigit() for char in value):
        raise ValidationError(_("Use letters, spaces, apostrophes, hyphens and full stops only."))
    return value


def _email(value: str) -> str:
    try:
        validate_email(normalize_email(value))
    except ValidationError:
        raise ValidationError(_("Enter an e-mail address in the form name@example.com.")) from None
    return value


def _telephone(value: str) -> str:
    digits = sum(char.isdigit() for char in value)
    if not PHONE.match(value) or not 6 <= digits <= 20:
        raise ValidationError(_("Enter 6 to 20 digits; you may use +, spaces, brackets and hyphens, e.g. +49 30 1234567."))
    return value


def _street(value: str) -> str:
    value = "\n".join(line.strip() for line in value.replace("\r\n", "\n").split("\n") if line.strip())
    if not _printable(value, lines=4):
        raise ValidationError(_("Write the street on at most 4 lines, without special characters."))
    return value


def _postcode(value: str) -> str:
    if not POSTCODE.match(value):
        raise ValidationError(_("Use letters, digits, spaces and hyphens only, e.g. 10115 or SW1A 1AA."))
    return value


def _country(value: str) -> str:
    value = value.upper()
    if value not in COUNTRIES:
        raise ValidationError(_("Enter the two-letter ISO code of the country, e.g. DE, FR, GB or US."))
    return value


def _dob(value: str) -> str:
    try:
        born = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(_("Write the date as YYYY-MM-DD, e.g. 1990-07-14.")) from None
    if not date(1900, 1, 1) <= born <= timezone.localdate():
        raise ValidationError(_("Enter a date between 1900-01-01 and today."))
    return born.isoformat()


def _taxvat(value: str) -> str:
    if not TAXVAT.match(value):
        raise ValidationError(_("Use letters, digits, spaces, dots, slashes and hyphens only."))
    return value


def _vat_id(value: str) -> str:
    value = re.sub(r"[\s.-]", "", value).upper()
    if not VAT_ID.match(value):
        raise ValidationError(_("Write the VAT number with its two-letter country prefix, e.g. DE123456789."))
    return value


def _plain(value: str) -> str:
    if not _printable(value):
        raise ValidationError(_("Remove line breaks and special characters."))
    return value


CHECKS = {
    "firstname": _name, "lastname": _name, "email": _email, "telephone": _telephone, "street": _street,
    "city": _plain, "postcode": _postcode, "region": _plain, "country_id": _country, "dob": _dob,
    "taxvat": _taxvat, "vat_id": _vat_id,
}


def correction_value_clean(name: str, value) -> str:
    """Return value as it will be written, or raise ValidationError with the fix for this detail."""
    if name not in FIELDS:
        raise ValidationError(_("Unknown detail %(name)r: correct one of %(names)s.") % {
            "name": name, "names": ", ".join(FIELDS)})
    text = (value if isinstance(value, str) else "").strip()
    if not text:
        raise ValidationError(_("Enter the correct value, or leave this detail out."))
    limit = FIELDS[name].max_length
    if len(text) > limit and name != "dob":
        raise ValidationError(_("Keep it to %(max)s characters: the shop's records hold no more.") % {"max": limit})
    return CHECKS[name](text)


def corrections_clean(raw) -> tuple[dict[str, str], dict[str, str]]:
    """Return (the values to write, an error message per detail) for a mapping of detail -> new value."""
    if not isinstance(raw, dict):
        return {}, {"corrections": str(_("Give the corrections as an object of detail names and new values."))}
    clean, errors = {}, {}
    for name, value in raw.items():
        try:
            clean[name] = correction_value_clean(name, value)
        except ValidationError as error:
            errors[name] = error.messages[0]
    return clean, errors
