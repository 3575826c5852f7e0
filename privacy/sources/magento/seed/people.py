"""People, addresses and contact details drawn from the locale word lists."""

import time
from dataclasses import dataclass, replace
from random import Random

from privacy.sources.magento.seed.locales import Locale, ascii_name

MALE, FEMALE = 1, 2  # Magento's customer gender option ids
DAY = 86_400


@dataclass(frozen=True)
class Address:
    prefix: str | None
    firstname: str
    lastname: str
    company: str | None
    street: str  # Magento keeps street lines separated by "\n"
    city: str
    region: str | None
    region_id: int | None
    postcode: str
    country_id: str
    telephone: str
    vat_id: str | None


@dataclass(frozen=True)
class Person:
    locale: Locale
    gender: int
    prefix: str | None
    firstname: str
    lastname: str
    email: str
    dob: str | None  # YYYY-MM-DD
    taxvat: str | None
    address: Address

    @property
    def name(self) -> str:
        return f"{self.firstname} {self.lastname}"


def fill_digits(rng: Random, template: str) -> str:
    """Replace each '#' in template with a random digit."""
    random = rng.random
    return "".join([DIGITS[int(random() * 10)] if char == "#" else char for char in template])


DIGITS = "0123456789"
_DAYS: dict[int, str] = {}


def sql_time(epoch: int) -> str:
    """Return the UTC 'YYYY-MM-DD HH:MM:SS' both MySQL and SQLite store (cheaper than strftime per call)."""
    day, second = divmod(epoch, DAY)
    date = _DAYS.get(day) or _DAYS.setdefault(day, time.strftime("%Y-%m-%d", time.gmtime(day * DAY)))
    return f"{date} {second // 3600:02d}:{second % 3600 // 60:02d}:{second % 60:02d}"


def house_number(rng: Random, locale: Locale) -> str:
    if locale.code == "ja_JP":
        return f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
    if locale.code == "en_US":
        return str(rng.randint(100, 9899))
    return str(rng.randint(1, 180))


def address_new(rng: Random, locale: Locale, *, firstname: str, lastname: str, prefix: str | None) -> Address:
    city = rng.choice(locale.cities)
    street = locale.street_format.format(street=rng.choice(locale.streets), number=house_number(rng, locale))
    if rng.random() < 0.12:
        street += "\n" + rng.choice(("2. OG", "Apt 4B", "Bâtiment C", "Flat 3", "c/o Reception", "Hinterhaus"))
    company = rng.choice(("Nordlicht GmbH", "Atelier Lumière SARL", "Blue Harbour Ltd", "Acme Corp", "山川商事株式会社")) if rng.random() < 0.07 else None
    return Address(
        prefix=prefix, firstname=firstname, lastname=lastname, company=company, street=street, city=city.name,
        region=city.region, region_id=city.region_id, postcode=fill_digits(rng, city.postcode),
        country_id=locale.country_id, telephone=fill_digits(rng, locale.phone),
        vat_id=f"{locale.country_id}{fill_digits(rng, '#########')}" if company and locale.code != "en_US" else None,
    )


def person_new(rng: Random, locale: Locale, *, number: int, anchor: int) -> Person:
    """Return a new person; number makes the e-mail address unique among everyone seeded."""
    gender = rng.choice((MALE, FEMALE))
    firstname = rng.choice(locale.male if gender == MALE else locale.female)
    lastname = rng.choice(locale.surnames)
    prefix = locale.prefixes[0 if gender == FEMALE else 1] if locale.prefixes and rng.random() < 0.6 else None
    return Person(
        locale=locale, gender=gender, prefix=prefix, firstname=firstname, lastname=lastname,
        email=email_for(rng, locale, firstname, lastname, number),
        dob=time.strftime("%Y-%m-%d", time.gmtime(anchor - rng.randint(18 * 365, 85 * 365) * DAY)) if rng.random() < 0.7 else None,
        taxvat=f"{locale.country_id}{fill_digits(rng, '#########')}" if rng.random() < 0.05 else None,
        address=address_new(rng, locale, firstname=firstname, lastname=lastname, prefix=prefix),
    )  # fmt: skip


def email_for(rng: Random, locale: Locale, firstname: str, lastname: str, number: int) -> str:
    first, last = ascii_name(locale, firstname), ascii_name(locale, lastname)
    local_part = rng.choice((f"{first}.{last}{number}", f"{first[0]}{last}{number}", f"{last}.{first}{number}"))
    return f"{local_part}@{rng.choice(locale.domains)}"


def namesake_of(rng: Random, person: Person, *, number: int, anchor: int, same_firstname: bool) -> Person:
    """Return a different person with the same surname in the same city (and maybe the same first name)."""
    other = person_new(rng, person.locale, number=number, anchor=anchor)
    firstname = person.firstname if same_firstname else other.firstname
    address = replace(other.address, firstname=firstname, lastname=person.lastname, city=person.address.city,
                      region=person.address.region, region_id=person.address.region_id)  # fmt: skip
    return replace(other, firstname=firstname, lastname=person.lastname, address=address,
                   email=email_for(rng, person.locale, firstname, person.lastname, number))  # fmt: skip


def ip_v4(rng: Random) -> str:
    """Return an address from the documentation ranges (RFC 5737), never a real host."""
    return f"{rng.choice(('192.0.2', '198.51.100', '203.0.113'))}.{rng.randint(1, 254)}"


def ip_to_int(ip: str) -> int:
    a, b, c, d = (int(part) for part in ip.split("."))
    return (a << 24) | (b << 16) | (c << 8) | d


def address_line(address: Address) -> str:
    """Return the address as Magento's sales grids write it: CONCAT_WS(',', street, city, region, postcode)."""
    return ",".join(part for part in (address.street, address.city, address.region, address.postcode) if part)
