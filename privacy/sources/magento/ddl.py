"""Read the project's Magento DDL files (MySQL or SQLite dialect) into plain table descriptions.

Only the subset of SQL our own schema files use is understood: CREATE TABLE with inline keys,
ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY, CREATE [UNIQUE] INDEX, and the SQLite triggers
that stand in for MySQL's ON UPDATE CURRENT_TIMESTAMP.
"""

import re
import sqlite3
from dataclasses import dataclass, field

INTEGER_TYPES = {"tinyint", "smallint", "int", "integer", "bigint"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # lower-case base type as written: int, varchar, decimal, timestamp, ...
    size: tuple[int, ...]  # (255,) for varchar(255), (20, 4) for decimal(20,4); () for the rest
    nullable: bool
    default: str | None  # unquoted; None for no default or DEFAULT NULL
    unsigned: bool = False
    auto_increment: bool = False
    on_update_now: bool = False


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: str


@dataclass
class Table:
    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    primary_key: tuple[str, ...] = ()
    unique: dict[str, tuple[str, ...]] = field(default_factory=dict)
    indexes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fulltext: dict[str, tuple[str, ...]] = field(default_factory=dict)
    foreign_keys: dict[str, ForeignKey] = field(default_factory=dict)


def split_statements(sql: str) -> list[str]:
    """Return the statements of sql without comment lines or trailing semicolons."""
    statements, buffer = [], ""
    for line in sql.splitlines():
        if line.lstrip().startswith("--") or not line.strip():
            continue
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip().rstrip(";").strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"unterminated SQL statement: {buffer.strip()[:80]!r}")
    return statements


def parse_schema(sql: str) -> dict[str, Table]:
    """Return {table name: Table} for every table the DDL text creates."""
    tables: dict[str, Table] = {}
    for statement in split_statements(sql):
        head = " ".join(statement.split()[:3]).upper()
        if head.startswith("CREATE TABLE"):
            table = _parse_create_table(statement)
            tables[table.name] = table
        elif head.startswith("ALTER TABLE"):
            _parse_alter_foreign_key(statement, tables)
        elif head.startswith(("CREATE INDEX", "CREATE UNIQUE INDEX")):
            _parse_create_index(statement, tables)
        elif head.startswith("CREATE TRIGGER"):
            _parse_on_update_trigger(statement, tables)
    return tables


def _name(token: str) -> str:
    return token.strip().strip('`"')


def _names(column_list: str) -> tuple[str, ...]:
    return tuple(_name(part) for part in column_list.split(","))


def _top_level_parts(body: str) -> list[str]:
    parts, depth, quoted, current = [], 0, False, ""
    for char in body:
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        if char == "," and depth == 0 and not quoted:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def _parse_create_table(statement: str) -> Table:
    match = re.match(r"CREATE TABLE\s+(?:IF NOT EXISTS\s+)?([`\"]?\w+[`\"]?)\s*\(", statement, re.I)
    table = Table(name=_name(match.group(1)))
    body = statement[match.end() : statement.rindex(")")]
    for part in _top_level_parts(body):
        _parse_table_part(part, table)
    return table


KEY_PATTERN = re.compile(
    r"^(?:CONSTRAINT\s+(?P<cname>\S+)\s+)?(?P<kind>PRIMARY KEY|UNIQUE KEY|UNIQUE|FULLTEXT KEY|KEY|INDEX|FOREIGN KEY)"
    r"\s*(?P<name>[`\"]?\w+[`\"]?)?\s*\((?P<cols>[^)]*)\)(?P<rest>.*)$",
    re.I | re.S,
)


def _parse_table_part(part: str, table: Table) -> None:
    key = KEY_PATTERN.match(part)
    if key is None:
        column = _parse_column(part)
        table.columns[column.name] = column
        if re.search(r"\bPRIMARY KEY\b", part, re.I):
            table.primary_key = (column.name,)
        return
    kind, columns = key["kind"].upper(), _names(key["cols"])
    name = _name(key["cname"] or key["name"] or "")
    if kind == "PRIMARY KEY":
        table.primary_key = columns
    elif kind.startswith("UNIQUE"):
        table.unique[name] = columns
    elif kind == "FULLTEXT KEY":
        table.fulltext[name] = columns
    elif kind == "FOREIGN KEY":
        table.foreign_keys[name] = _foreign_key(columns, key["rest"])
    else:
        table.indexes[name] = columns


def _foreign_key(columns: tuple[str, ...], references: str) -> ForeignKey:
    match = re.search(r"REFERENCES\s+(\S+)\s*\(([^)]*)\)(?:\s+ON DELETE\s+(SET NULL|NO ACTION|CASCADE|RESTRICT))?", references, re.I)
    return ForeignKey(columns, _name(match.group(1)), _names(match.group(2)), (match.group(3) or "NO ACTION").upper())


COLUMN_PATTERN = re.compile(r"^([`\"]?\w+[`\"]?)\s+(\w+)(?:\((\d+)(?:\s*,\s*(\d+))?\))?(.*)$", re.S)


def _parse_column(definition: str) -> Column:
    match = COLUMN_PATTERN.match(definition)
    if match is None:
        raise ValueError(f"cannot read column definition {definition!r}")
    name, type_name, size1, size2, rest = match.groups()
    type_name = type_name.lower()
    size = () if type_name in INTEGER_TYPES else tuple(int(s) for s in (size1, size2) if s)
    default = re.search(r"\bDEFAULT\s+('(?:[^']|'')*'|\S+)", rest, re.I)
    default_value = default.group(1).strip("'") if default else None
    return Column(
        name=_name(name),
        type=type_name,
        size=size,
        nullable=not re.search(r"\bNOT NULL\b", rest, re.I),
        default=None if default_value in (None, "NULL") else default_value,
        unsigned=bool(re.search(r"\bunsigned\b", rest, re.I)),
        auto_increment=bool(re.search(r"\bAUTO_?INCREMENT\b", rest, re.I)),
        on_update_now=bool(re.search(r"\bON UPDATE CURRENT_TIMESTAMP\b", rest, re.I)),
    )


def _parse_alter_foreign_key(statement: str, tables: dict[str, Table]) -> None:
    match = re.match(r"ALTER TABLE\s+(\S+)\s+ADD CONSTRAINT\s+(\S+)\s+FOREIGN KEY\s*\(([^)]*)\)(.*)$", statement, re.I | re.S)
    if match is None:
        raise ValueError(f"unsupported ALTER TABLE: {statement[:80]!r}")
    table, name, columns, rest = match.groups()
    tables[_name(table)].foreign_keys[_name(name)] = _foreign_key(_names(columns), rest)


def _parse_create_index(statement: str, tables: dict[str, Table]) -> None:
    match = re.match(r"CREATE (UNIQUE )?INDEX\s+(\S+)\s+ON\s+(\S+)\s*\(([^)]*)\)", statement, re.I)
    unique, name, table, columns = match.groups()
    target = tables[_name(table)].unique if unique else tables[_name(table)].indexes
    target[_name(name)] = _names(columns)


def _parse_on_update_trigger(statement: str, tables: dict[str, Table]) -> None:
    match = re.search(r"AFTER UPDATE ON\s+(\S+).*SET\s+(\S+)\s*=\s*CURRENT_TIMESTAMP", statement, re.I | re.S)
    if match is None:
        raise ValueError(f"unsupported trigger: {statement[:80]!r}")
    table = tables[_name(match.group(1))]
    column = table.columns[_name(match.group(2))]
    table.columns[column.name] = Column(**{**column.__dict__, "on_update_now": True})


SECONDARY_KEY = re.compile(r"^(?:UNIQUE KEY|FULLTEXT KEY|KEY|INDEX)\b", re.I)


def secondary_keys_split(create_table: str) -> tuple[str, str | None]:
    """Return the MySQL CREATE TABLE without its unique, plain and FULLTEXT keys, and the ALTER TABLE adding them
    back in their order (None when it has none). Running both gives the same table as the original statement."""
    match = re.match(r"CREATE TABLE\s+([`\"]?\w+[`\"]?)\s*\(", create_table, re.I)
    end = create_table.rindex(")")
    parts = _top_level_parts(create_table[match.end() : end])
    keys = [part for part in parts if SECONDARY_KEY.match(part)]
    kept = ",\n  ".join(part for part in parts if not SECONDARY_KEY.match(part))
    bare = f"{create_table[: match.end()]}\n  {kept}\n{create_table[end:]}"
    return bare, (f"ALTER TABLE {match.group(1)} " + ", ".join(f"ADD {key}" for key in keys) if keys else None)
