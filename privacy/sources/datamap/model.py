"""The shapes of the data map: a table, its columns, and how its rows link to a person."""

import re
from dataclasses import dataclass, field

from privacy.sources.datamap.vocabulary import (
    Category,
    DocumentClass,
    ErasureAction,
    Index,
    LegalBasis,
    Purpose,
    Recipient,
    Retention,
    Source,
    Strategy,
)

When = tuple[tuple[str, object], ...]

KINDS = {
    **dict.fromkeys(("char", "varchar", "text", "mediumtext", "longtext"), "text"),
    **dict.fromkeys(("tinyint", "smallint", "int", "bigint"), "integer"),
    "decimal": "decimal",
    "date": "date",
    **dict.fromkeys(("datetime", "timestamp"), "datetime"),
    **dict.fromkeys(("blob", "mediumblob", "longblob"), "blob"),
}


@dataclass(frozen=True)
class Column:
    """A mapped column. `sql_type` and `nullable` are the stock schema's; the test holds them to it.

    `held` marks a column kept during a statutory hold (needed for the tax record); it is
    anonymized when the period ends. `json_keys` names the keys JSON_REDACT pseudonymizes.
    `secret` marks a credential (password hash, token): found and erased, but withheld from
    exports, where it would only help whoever gets hold of the package (Art. 15(4) GDPR).
    """

    name: str
    sql_type: str
    category: Category
    strategy: Strategy
    nullable: bool = True
    held: bool = False
    json_keys: tuple[str, ...] = ()
    secret: bool = False

    @property
    def base_type(self) -> str:
        return self.sql_type.partition("(")[0]

    @property
    def max_length(self) -> int | None:
        match = re.fullmatch(r"(?:var)?char\((\d+)\)", self.sql_type)
        return int(match.group(1)) if match else None

    @property
    def kind(self) -> str:
        """The column kind privacy.sources.strategies works with."""
        return KINDS[self.base_type]


def col(name, sql_type, category, strategy, *, null=True, held=False, json_keys=(), secret=False) -> Column:
    return Column(name, sql_type, category, strategy, nullable=null, held=held, json_keys=tuple(json_keys), secret=secret)


@dataclass(frozen=True)
class ByCustomer:
    """Rows whose `column` holds one of the subject's Magento customer ids."""

    column: str
    index: Index = Index.BTREE
    when: When = ()


@dataclass(frozen=True)
class ByEmail:
    """Rows whose `column` holds one of the subject's e-mail addresses (any case, surrounding spaces)."""

    column: str
    index: Index = Index.BTREE
    when: When = ()


@dataclass(frozen=True)
class ByAmazonBuyer:
    """Rows whose `column` holds one of the subject's Amazon buyer ids."""

    column: str
    index: Index = Index.NONE


@dataclass(frozen=True)
class ByParent:
    """Rows whose `column` equals `parent_column` of a subject row of the mapped table `parent`."""

    column: str
    parent: str
    parent_column: str = "entity_id"
    when: When = ()
    index: Index = Index.BTREE


@dataclass(frozen=True)
class ByChargePermission:
    """Rows whose `column` names (or starts with) one of the subject's Amazon Pay charge permissions."""

    column: str
    index: Index = Index.LOCATOR


Link = ByCustomer | ByEmail | ByAmazonBuyer | ByParent | ByChargePermission


@dataclass(frozen=True)
class ChargePermissionSource:
    """Where a table's rows name Amazon Pay charge permissions: a column, or a key of its JSON."""

    column: str
    json_key: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    pk: tuple[str, ...]
    category: Category
    purpose: Purpose
    basis: LegalBasis
    retention: Retention
    erasure: ErasureAction
    columns: tuple[Column, ...]
    links: tuple[Link, ...]
    sources: tuple[Source, ...] = (Source.SUBJECT,)
    recipients: tuple[Recipient, ...] = ()
    hold: DocumentClass | None = None
    ignored: tuple[str, ...] = ()  # columns that look personal but are not the subject's data
    charge_permissions: tuple[ChargePermissionSource, ...] = ()
    change_column: str | None = None  # what the locator sync follows (None: rows are insert-only)
    change_column_indexed: bool = False
    optional: bool = False  # may be absent (indexer-built or module-specific tables)
    identifies: bool = False  # an account table: its link columns tell which ids and e-mails are one person
    note: str = ""
    column_map: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "column_map", {column.name: column for column in self.columns})

    def column(self, name: str) -> Column:
        return self.column_map[name]

    @property
    def linked(self) -> bool:
        return bool(self.links)

    @property
    def parents(self) -> tuple[str, ...]:
        return tuple(link.parent for link in self.links if isinstance(link, ByParent))


@dataclass(frozen=True)
class NotPersonal:
    """A table reviewed and found to hold no data about shoppers, with the reason."""

    name: str
    reason: str
