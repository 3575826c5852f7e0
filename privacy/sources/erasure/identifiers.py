"""The values that identify a subject, gathered from their rows before erasure, and the matching
rules the text scrubber and the residual scan share.

Strong identifiers point at one person wherever they appear: an e-mail address, an Amazon buyer
id, or one of the subject's names in the same text as one of their streets or telephone numbers.
Weak identifiers are shared by many people (a surname, a street, an IP address behind a NAT, a
telephone number from a range kept for fiction), so they count only inside the subject's own rows.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from privacy.crypto import normalize_email

MIN_NAME = 3  # shorter Latin names ("Li", "Al") match inside ordinary words; two CJK characters are specific
MIN_STREET = 6
MIN_PHONE_DIGITS = 7
REPLACEMENT = "[removed]"
NAME_COLUMNS = (("firstname", "lastname"), ("customer_firstname", "customer_lastname"), ("billing_firstname", "billing_lastname"))
STREET_COLUMNS = ("street", "billing_street")
PHONE_COLUMNS = ("telephone", "fax", "billing_telephone", "billing_fax")
IP_COLUMNS = ("remote_ip", "x_forwarded_for", "ip")
UNUSABLE_IPS = {"", "0.0.0.0", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class Identifiers:
    emails: frozenset[str] = frozenset()
    names: frozenset[tuple[str, str]] = frozenset()  # (first name, last name)
    streets: frozenset[str] = frozenset()  # one street line each
    phones: frozenset[str] = frozenset()  # as the shop stored them
    buyer_ids: frozenset[str] = frozenset()
    ips: frozenset[str] = frozenset()

    def as_dict(self) -> dict:
        return {
            "emails": sorted(self.emails), "names": sorted(list(name) for name in self.names),
            "streets": sorted(self.streets), "phones": sorted(self.phones), "buyer_ids": sorted(self.buyer_ids),
            "ips": sorted(self.ips),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict) -> "Identifiers":
        return cls(
            emails=frozenset(data["emails"]), names=frozenset(tuple(name) for name in data["names"]),
            streets=frozenset(data["streets"]), phones=frozenset(data["phones"]),
            buyer_ids=frozenset(data["buyer_ids"]), ips=frozenset(data["ips"]),
        )  # fmt: skip

    def literals(self) -> list[str]:
        """Every text a strong or weak match starts from: what a database pre-filter looks for."""
        parts = [*self.emails, *self.buyer_ids, *self.streets, *self.phones, *self.ips]
        parts += [part for name in self.names for part in name if _usable_name(part)]
        return sorted(set(parts), key=lambda text: (-len(text), text))


def identifiers_collect(*, rows: dict[str, dict], emails: Iterable[str] = (), buyer_ids: Iterable[str] = ()) -> Identifiers:
    """Gather identifiers from a subject's discovered rows ({table: {pk: row}}) and their known ids."""
    found = {"emails": {normalize_email(email) for email in emails}, "buyer_ids": set(buyer_ids), "names": set(),
             "streets": set(), "phones": set(), "ips": set()}  # fmt: skip
    for table_rows in rows.values():
        for row in table_rows.values():
            _harvest(found, row)
    found["buyer_ids"] |= {str(row["amazon_id"]) for row in rows.get("amazon_customer", {}).values() if row.get("amazon_id")}
    return Identifiers(**{key: frozenset(values) for key, values in found.items()})


def _harvest(found: dict, row: dict) -> None:
    for first_column, last_column in NAME_COLUMNS:
        first, last = _text(row.get(first_column)), _text(row.get(last_column))
        if first and last:
            found["names"].add((first, last))
    for column, value in row.items():
        text = _text(value)
        if not text:
            continue
        if "@" in text and ("email" in column or column in ("user_name", "account_reference")):
            found["emails"].add(normalize_email(text))
        elif column in STREET_COLUMNS and len(line := text.splitlines()[0].strip()) >= MIN_STREET:
            found["streets"].add(line)  # the first line names the street; further lines say "Flat 3"
        elif column in PHONE_COLUMNS and len(_digits(text)) >= MIN_PHONE_DIGITS:
            found["phones"].add(text)
        elif column in IP_COLUMNS:
            found["ips"] |= {part.strip() for part in text.split(",") if part.strip() not in UNUSABLE_IPS}


def _usable_name(part: str) -> bool:
    return len(part) >= MIN_NAME or (len(part) >= 2 and not part.isascii())


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# -- matching ------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def matcher_for(identifiers: Identifiers) -> "Matcher":
    """The compiled matcher of identifiers, built once per process (the erasure and its scan share it)."""
    return Matcher(identifiers)


class Matcher:
    """Compiled patterns for one subject's identifiers; case-insensitive, whole words for names."""

    def __init__(self, identifiers: Identifiers):
        self.identifiers = identifiers
        self.email = _alternation(identifiers.emails)
        self.buyer = _alternation(identifiers.buyer_ids)
        self.street = _alternation(identifiers.streets)
        # Compiling one separator-tolerant pattern per number costs about 0.3 ms a number (a subject with 50 orders
        # may have 30): texts are first asked for the bare digits with separators taken out, and the pattern that
        # finds them with their separators is compiled only when a text to scrub holds one.
        self.phone_digits = _alternation(_digits(phone) for phone in identifiers.phones)
        self.ip = _alternation(identifiers.ips, boundary=r"(?<![\d.])", end=r"(?![\d.])")
        names = {part for name in identifiers.names for part in name if _usable_name(part)}
        self.full_name = _alternation(
            spelled for first, last in identifiers.names for spelled in (f"{first} {last}", f"{last} {first}", f"{last}{first}")
        )
        self.name = _alternation(names, boundary=r"\b", end=r"\b")

    @cached_property
    def phone(self) -> re.Pattern | None:
        return _alternation(_phone_pattern(phone) for phone in self.identifiers.phones)

    def has_phone(self, text: str) -> bool:
        """Whether text holds one of the telephone numbers however punctuated (what `phone` finds, without it)."""
        return _search(self.phone_digits, PHONE_SEPARATORS.sub("", text))

    def kinds(self, text: str, *, own_row: bool) -> set[str]:
        """Return the kinds of identifier found in text; weak kinds only when the text is in the subject's own row."""
        found = {kind for kind, pattern in (("email", self.email), ("buyer_id", self.buyer)) if _search(pattern, text)}
        has_name = _search(self.name, text)
        has_street, has_phone = _search(self.street, text), self.has_phone(text)
        if has_name and (has_street or has_phone):
            found.add("name_with_address")
        if own_row:
            found |= {kind for kind, hit in (("name", has_name), ("street", has_street), ("phone", has_phone),
                                             ("ip", _search(self.ip, text))) if hit}  # fmt: skip
        return found

    def scrub(self, text: str) -> str:
        """Replace every identifier inside text, keeping the rest (full names before single names)."""
        for pattern in (self.email, self.buyer, self.street):
            text = _sub(pattern, text)
        if self.has_phone(text):
            text = _sub(self.phone, text)
        for pattern in (self.ip, self.full_name, self.name):
            text = _sub(pattern, text)
        return text


def _alternation(values: Iterable[str], *, boundary: str = "", end: str = "") -> re.Pattern | None:
    parts = sorted({value for value in values if value}, key=lambda text: (-len(text), text))
    if not parts:
        return None
    body = "|".join(part if part.startswith("(?") else re.escape(part) for part in parts)
    return re.compile(f"{boundary}(?:{body}){end}", re.IGNORECASE)


PHONE_SEPARATORS = re.compile(r"[\s()./-]")


def _phone_pattern(phone: str) -> str:
    """Match the number however it is punctuated: the same digits with any separators (PHONE_SEPARATORS) between them."""
    digits = _digits(phone)
    return r"(?:\+?" + f"{PHONE_SEPARATORS.pattern}*".join(digits) + ")"


def _sub(pattern: re.Pattern | None, text: str) -> str:
    return text if pattern is None else pattern.sub(REPLACEMENT, text)


def _search(pattern: re.Pattern | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None
