"""The residual scan: proof that, after an erasure, the subject's identifiers remain only where a
statutory hold keeps them.

The standard scan reads every text column (mapped or not) of every row of a mapped table that
belongs to the subject: the rows the plan touched, and every row discovery still links to the
subject through any link of the data map (customer ids, e-mails, Amazon buyer ids, orders, charge
permissions). Both are read in one walk: discovery's statements read the text columns too, and the
plan's rows the walk no longer reaches are read by key (the deleted ones of every table asked about
in one statement of EXISTS tests). `deep=True` adds a full pass over every text column of every table of the shop
database for the strong identifiers (e-mails, buyer ids, and names next to one of the subject's
streets or telephone numbers).

A hit is allowed only in a column a hold keeps, on a row that is held. Anything else is residue.
"""

from dataclasses import dataclass

from django.db import connections

from privacy.sources import datamap
from privacy.sources.discovery import subject_rows
from privacy.sources.erasure.identifiers import matcher_for
from privacy.sources.erasure.plan import ErasurePlan
from privacy.sources.magento.residual import rows_containing, rows_text, tables_without, text_columns

NOT_DELETED = "row_not_deleted"


@dataclass(frozen=True)
class Hit:
    table: str
    pk: object
    column: str
    kinds: tuple[str, ...]
    allowed: bool


@dataclass(frozen=True)
class ScanResult:
    mode: str  # mapped | deep
    rows_checked: int
    tables_checked: int
    hits: tuple[Hit, ...]

    @property
    def residues(self) -> tuple[Hit, ...]:
        return tuple(hit for hit in self.hits if not hit.allowed)

    @property
    def clean(self) -> bool:
        return not self.residues

    def summary(self) -> dict:
        """Counts and where residues are (tables and columns only): safe to show and log."""
        return {
            "mode": self.mode, "clean": self.clean, "rows_checked": self.rows_checked, "tables_checked": self.tables_checked,
            "held_hits": len(self.hits) - len(self.residues), "residues": len(self.residues),
            "residue_columns": sorted({f"{hit.table}.{hit.column}" for hit in self.residues}),
        }  # fmt: skip

    def as_dict(self) -> dict:
        hits = [[hit.table, _json_pk(hit.pk), hit.column, list(hit.kinds), hit.allowed] for hit in self.hits]
        return self.summary() | {"hits": hits}


def residual_scan(*, plan: ErasurePlan, deep: bool = False, using: str = "magento") -> ScanResult:
    """Scan the shop database for plan's subject after the plan was applied; never changes anything."""
    scanner = _Scanner(plan, using)
    scanner.linked_rows()
    scanner.planned_rows()
    if deep:
        scanner.every_table()
    return ScanResult("deep" if deep else "mapped", len(scanner.checked), scanner.tables, tuple(scanner.hits))


class _Scanner:
    def __init__(self, plan: ErasurePlan, using: str):
        self.plan, self.using = plan, using
        self.matcher = matcher_for(plan.identifiers)
        self.tables_text = text_columns(using=using, database=connections[using].settings_dict["NAME"])
        self.kept = {(table.table, row.pk): set(table.kept) for table in plan.tables for row in table.held}
        self.own = {(table.table, pk) for table in plan.tables for pk in (*table.delete, *table.anonymize, *table.held_pks())}
        self.deleted = {(table.table, pk) for table in plan.tables for pk in table.delete}
        self.checked: set[tuple[str, object]] = set()
        self.hits: list[Hit] = []
        self.tables = 0
        self.seen: dict[tuple[str, bool], set[str]] = {}

    def linked_rows(self) -> None:
        """Every row discovery links to the subject now, text columns included (the same statements read both);
        the plan's rows are among them unless erasure unlinked or deleted them."""
        text = {table: columns for table, (_, columns) in self.tables_text.items() if table in datamap.BY_NAME}
        for table, rows in subject_rows(subject=self.plan.subject, using=self.using, also=text).items():
            if rows:
                self.tables += 1
                primary = self._primary(table)
                for pk, row in rows.items():
                    self._check_read(table, pk, {name: row[name] for name in (*primary, *text.get(table, ()))}, primary)

    def planned_rows(self) -> None:
        """The plan's rows the walk did not reach, by key: deleted ones should be gone, anonymized ones unlinked."""
        missing = {table.table: [pk for pk in (*table.delete, *table.anonymize, *sorted(table.held_pks(), key=str))
                                 if (table.table, pk) not in self.checked] for table in self.plan.tables}  # fmt: skip
        gone = self._deleted_tables_gone(missing)
        for table in self.plan.tables:
            pks = missing[table.table]
            if not pks or table.table not in self.tables_text:
                continue
            self.tables += 1
            if table.table not in gone:  # a table whose planned rows all had to go, and did, needs no read
                self._check_rows(table.table, pks)
            self.checked |= {(table.table, pk) for pk in pks}

    def _deleted_tables_gone(self, missing: dict) -> set[str]:
        """Tables whose unreached planned rows were all to be deleted and none is left, asked in one statement."""
        deleting = [(table.table, self._primary(table.table), missing[table.table]) for table in self.plan.tables
                    if table.table in self.tables_text and missing[table.table]
                    and all((table.table, pk) in self.deleted for pk in missing[table.table])]  # fmt: skip
        return tables_without(tables=deleting, using=self.using) if len(deleting) > 1 else set()

    def every_table(self) -> None:
        literals = sorted({*self.plan.identifiers.emails, *self.plan.identifiers.buyer_ids, *self.plan.identifiers.streets,
                           *self.plan.identifiers.phones}, key=lambda text: (-len(text), text))  # fmt: skip
        for table, (primary, text) in self.tables_text.items():
            self.tables += 1
            for row in rows_containing(table=table, literals=literals, using=self.using):
                pk = _pk(primary, row)
                if (table, pk) not in self.checked:
                    self.checked.add((table, pk))
                    self._check_row(table, pk, row, primary, own=(table, pk) in self.own, whole_row=True)

    def _primary(self, table: str) -> tuple[str, ...]:
        entry = datamap.BY_NAME.get(table)
        return entry.pk if entry else self.tables_text[table][0]

    def _check_rows(self, table: str, pks) -> None:
        primary = self._primary(table)
        for row in rows_text(table=table, pk_columns=primary, pks=pks, using=self.using):
            self._check_read(table, _pk(primary, row), row, primary)

    def _check_read(self, table: str, pk, row: dict, primary) -> None:
        """Check one of the subject's rows (planned or linked): a row the plan deleted must be gone."""
        self.checked.add((table, pk))
        if (table, pk) in self.deleted:
            self.hits.append(Hit(table, pk, "*", (NOT_DELETED,), allowed=False))
        self._check_row(table, pk, row, primary, own=True, whole_row=False)

    def _kinds(self, value: str, own: bool) -> set[str]:
        """The matcher's answer, once per distinct text of this scan (names, streets and statuses repeat across rows)."""
        key = (value, own)
        if key not in self.seen:
            self.seen[key] = self.matcher.kinds(value, own_row=own)
        return self.seen[key]

    def _check_row(self, table: str, pk, row: dict, primary, *, own: bool, whole_row: bool) -> None:
        kept = self.kept.get((table, pk), set())
        # columns the data map marks as someone else's (the staff member who logged in as the subject, a store's
        # name): a name there is that person's, so only what identifies the subject anywhere counts
        not_theirs = datamap.BY_NAME[table].ignored if table in datamap.BY_NAME else ()
        found = set()
        for column, value in row.items():
            if column in primary or not isinstance(value, str) or not value:
                continue
            kinds = self._kinds(value, own and column not in not_theirs)
            if kinds:
                found |= kinds
                self.hits.append(Hit(table, pk, column, tuple(sorted(kinds)), allowed=column in kept))
        if whole_row and not own and "name_with_address" not in found:
            # a name in one column and the street in another of the same row identify too
            joined = "\n".join(value for column, value in row.items() if column not in primary and isinstance(value, str))
            if "name_with_address" in self.matcher.kinds(joined, own_row=False):
                self.hits.append(Hit(table, pk, "*", ("name_with_address",), allowed=False))


def _pk(primary: tuple[str, ...], row: dict):
    return row[primary[0]] if len(primary) == 1 else tuple(row[name] for name in primary)


def _json_pk(pk):
    return list(pk) if isinstance(pk, tuple) else pk
