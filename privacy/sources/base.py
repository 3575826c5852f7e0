"""Plain dataclasses that cross the boundary of the personal-data sources.

Discovery returns them, the request lifecycle stores them encrypted, the export and the
erasure (privacy.sources.erasure, which plans from the data map) read them. They hold
identifiers and table keys, never cursor rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

Pk = int | str | tuple

CHARGE_PERMISSION = re.compile(r"^([A-Z0-9]{3}-[0-9]{7}-[0-9]{7})(?:-.+)?$")


def charge_permission_of(reference: str | None) -> str | None:
    """Return the Amazon Pay chargePermissionId a charge, refund, capture or void id belongs to.

    The id is its first three dash-separated segments (S01-5105180-3221187-C056351 belongs to
    S01-5105180-3221187); anything else (a checkout session UUID, another gateway's id) gives None.
    """
    match = CHARGE_PERMISSION.match((reference or "").strip())
    return match.group(1) if match else None


class SubjectLookupError(ValueError):
    """The identity given cannot be looked up: a field is missing, malformed or does not match."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Seed:
    """What the person gave us to be found by."""

    email: str | None = None
    customer_id: int | None = None
    amazon_buyer_id: str | None = None
    order_increment_id: str | None = None

    def as_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if value is not None}


@dataclass(frozen=True)
class Subject:
    """A person as the shop database knows them: the seed plus every identifier it resolves to.

    Emails are normalized (trimmed, lower case). `order_ids` are sales_order.entity_id values
    the identity resolves to directly (by customer id or e-mail); discovery walks from them.
    """

    seed: Seed
    emails: frozenset[str] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    amazon_buyer_ids: frozenset[str] = frozenset()
    order_ids: frozenset[int] = frozenset()

    @property
    def found(self) -> bool:
        return bool(self.customer_ids or self.order_ids)

    def as_dict(self) -> dict:
        return {
            "seed": self.seed.as_dict(),
            "emails": sorted(self.emails),
            "customer_ids": sorted(self.customer_ids),
            "amazon_buyer_ids": sorted(self.amazon_buyer_ids),
            "order_ids": sorted(self.order_ids),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Subject:
        return cls(
            seed=Seed(**data.get("seed", {})),
            emails=frozenset(data.get("emails", ())),
            customer_ids=frozenset(data.get("customer_ids", ())),
            amazon_buyer_ids=frozenset(data.get("amazon_buyer_ids", ())),
            order_ids=frozenset(data.get("order_ids", ())),
        )


@dataclass(frozen=True)
class Finding:
    """One row of one mapped table that belongs to the subject.

    `pk` is the row's primary-key value (a tuple for composite keys), `category` the table's
    main data category, `columns` the mapped columns of the row that hold a value.
    """

    table: str
    pk: Pk
    category: str
    columns: tuple[str, ...]

    def as_dict(self) -> dict:
        pk = list(self.pk) if isinstance(self.pk, tuple) else self.pk
        return {"table": self.table, "pk": pk, "category": self.category, "columns": list(self.columns)}

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        pk = tuple(data["pk"]) if isinstance(data["pk"], list) else data["pk"]
        return cls(table=data["table"], pk=pk, category=data["category"], columns=tuple(data["columns"]))


@dataclass(frozen=True)
class ExportContext:
    """The request an export package answers, as the report shows it."""

    request_id: int | str
    kind: str
    jurisdiction: str
    received_at: date | datetime
    shop_name: str
    controller_contact: str = ""
    supervisory_authority: str = ""
    generated_at: datetime | None = None
