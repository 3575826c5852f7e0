"""Anonymization strategies: the named ways of overwriting one personal column.

The data map names a strategy per column; erasure and retention render it with
`strategy_sql` into set-based UPDATEs (SQLite, MariaDB or MySQL; `sql_vendor(connection)`
says which), and `strategy_value` gives the same value in Python for previews and tests.

- NULL stays NULL under every strategy: an empty field reveals nothing and stays empty.
- Keyed values (`email`, `pseudonym`) are SHA-256 over a per-run key and a seed, computed by
  the database: SHA2() on MySQL/MariaDB (pure SQL), a deterministic function registered on
  every SQLite connection (SQLite has no hash function). The key is the first parameter of
  the expression, so a bulk job never loops over rows in Python.
- Outputs respect the column's maximum length; `null` refuses a NOT NULL column.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db.backends.signals import connection_created
from django.dispatch import receiver

ANONYMIZED_DOMAIN = "anonymized.invalid"
PLACEHOLDER = "anonymized"
PHONE = "0000000000"
STREET = "Anonymous Street 1"
IP_TEXT = "0.0.0.0"
PSEUDONYM_LENGTH = 32
EMAIL_LOCAL_LENGTH = 32
SQLITE_HASH_FUNCTION = "privacy_sha256"
STRATEGIES = ("null", "placeholder", "email", "phone", "street", "date", "ip", "pseudonym", "zero", "json_redact", "keep")
KINDS = ("text", "integer", "decimal", "date", "datetime", "blob")
NAMESPACE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class StrategyError(ValueError):
    """A strategy cannot apply to a column (wrong kind, NOT NULL, too short, unknown name)."""


@dataclass(frozen=True)
class Column:
    """What a strategy needs to know about a column: its kind, maximum length and nullability.

    json_keys names the keys `json_redact` pseudonymizes in a JSON object column.
    """

    name: str
    kind: str = "text"
    max_length: int | None = None
    nullable: bool = True
    json_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    """Where a rendered expression applies: the column, how the statement names it, and the row's seed.

    seed is the SQL of a per-row number (the primary key, or the parent's id so an order and its
    grid row get the same e-mail); namespace names the table that number belongs to, so ids of two
    tables never share a value. subject is the SQL a pseudonym is stable for (default: the value).
    """

    column: Column
    ref: str
    seed: str
    namespace: str
    subject: str | None = None


@dataclass(frozen=True)
class Sql:
    sql: str
    params: tuple = ()


def strategy_sql(name: str, *, vendor: str, target: Target, key: str) -> Sql | None:
    """Return the expression assigning strategy name to target (None for `keep`); key is the per-run key."""
    _check(name, target.column)
    if name == "keep":
        return None
    if not NAMESPACE.match(target.namespace):
        raise StrategyError(f"namespace {target.namespace!r} must be a lower-case table name.")
    dialect = DIALECTS[vendor]
    sql, params = RENDERERS[name](dialect, target, key)
    if name == "null":
        return Sql(sql, params)
    return Sql(f"CASE WHEN {target.ref} IS NULL THEN NULL ELSE {sql} END", params)


def strategy_value(name: str, *, value, column: Column, key: str, seed=None, namespace: str = "", subject=None):
    """Return what strategy name writes over value (the Python twin of strategy_sql)."""
    _check(name, column)
    if name == "keep":
        return value
    if value is None or name == "null":
        return None
    return VALUES[name](value, column, key, seed, namespace, value if subject is None else subject)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# -- checks ---------------------------------------------------------------------------------

TEXT_ONLY = {"email", "phone", "street", "pseudonym", "json_redact"}
JSON_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def _check(name: str, column: Column) -> None:
    where = f"strategy {name!r} on column {column.name!r}"
    if name not in STRATEGIES:
        raise StrategyError(f"unknown {where}: use one of {', '.join(STRATEGIES)}.")
    if column.kind not in KINDS:
        raise StrategyError(f"column {column.name!r} has kind {column.kind!r}: use one of {', '.join(KINDS)}.")
    if name == "null" and not column.nullable:
        raise StrategyError(f"{where}: the column is NOT NULL, use placeholder (or the matching format strategy).")
    if name in TEXT_ONLY and column.kind != "text":
        raise StrategyError(f"{where}: {name} writes text but the column holds {column.kind}; use null or placeholder.")
    if name == "placeholder" and column.kind not in ("text", "integer", "decimal"):
        raise StrategyError(f"{where}: no placeholder for {column.kind} columns; use date or null.")
    if name == "date" and column.kind not in ("date", "datetime"):
        raise StrategyError(f"{where}: date keeps the year of a date, the column holds {column.kind}.")
    if name == "ip" and column.kind not in ("text", "integer"):
        raise StrategyError(f"{where}: ip fits text or integer address columns.")
    if name == "email" and _fits(column, 12 + len(ANONYMIZED_DOMAIN) + 1) is False:
        raise StrategyError(f"{where}: {column.max_length} characters cannot hold a unique anonymized e-mail.")
    if name == "zero" and column.kind not in ("integer", "decimal"):
        raise StrategyError(f"{where}: zero fits number columns; use placeholder or null.")
    if name == "json_redact" and not (column.json_keys and all(JSON_KEY.match(key) for key in column.json_keys)):
        raise StrategyError(f"{where}: name the JSON keys to pseudonymize (json_keys), plain identifiers only.")
    if name == "pseudonym" and _fits(column, 8) is False:
        raise StrategyError(f"{where}: {column.max_length} characters are too few for a pseudonym; use placeholder.")


def _fits(column: Column, length: int) -> bool | None:
    return None if column.max_length is None else column.max_length >= length


def _limit(column: Column, length: int) -> int:
    return length if column.max_length is None else min(length, column.max_length)


def _email_local_length(column: Column) -> int:
    room = None if column.max_length is None else column.max_length - len(ANONYMIZED_DOMAIN) - 1
    return EMAIL_LOCAL_LENGTH if room is None else min(EMAIL_LOCAL_LENGTH, room)


# -- SQL ------------------------------------------------------------------------------------


class SqliteDialect:
    def concat(self, *parts: str) -> str:
        return "(" + " || ".join(parts) + ")"

    def sha256(self, expression: str) -> str:
        return f"{SQLITE_HASH_FUNCTION}({expression})"

    def year_start(self, ref: str, column: Column) -> str:
        suffix = "-01-01 00:00:00" if column.kind == "datetime" else "-01-01"
        return f"(substr({ref}, 1, 4) || '{suffix}')"

    def json_text(self, ref: str, key: str) -> str:
        return f"CAST(json_extract({ref}, '$.{key}') AS TEXT)"

    def json_replace(self, ref: str, pairs: str) -> str:
        return f"CASE WHEN json_valid({ref}) THEN json_replace({ref}, {pairs}) END"


class MysqlDialect:
    compact = False

    def concat(self, *parts: str) -> str:
        return "CONCAT(" + ", ".join(parts) + ")"

    def sha256(self, expression: str) -> str:
        return f"SHA2({expression}, 256)"

    def year_start(self, ref: str, column: Column) -> str:
        return f"MAKEDATE(YEAR({ref}), 1)"

    def json_text(self, ref: str, key: str) -> str:
        return f"JSON_UNQUOTE(JSON_EXTRACT({ref}, '$.{key}'))"

    def json_replace(self, ref: str, pairs: str) -> str:
        replaced = f"JSON_REPLACE({ref}, {pairs})"
        # MariaDB re-spaces the JSON it edits; compacting gives back the form Magento (and SQLite) write.
        return f"CASE WHEN JSON_VALID({ref}) THEN {f'JSON_COMPACT({replaced})' if self.compact else replaced} END"


class MariadbDialect(MysqlDialect):
    compact = True


DIALECTS = {"sqlite": SqliteDialect(), "mysql": MysqlDialect(), "mariadb": MariadbDialect()}


def sql_vendor(connection) -> str:
    """Return the strategy dialect for a Django connection: sqlite, mariadb or mysql."""
    if connection.vendor == "mysql" and connection.mysql_is_mariadb:
        return "mariadb"
    return connection.vendor


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _row_hash(dialect, target: Target) -> str:
    return dialect.sha256(dialect.concat("%s", "':'", _literal(target.namespace), "':'", target.seed))


def _sql_placeholder(dialect, target: Target, key: str):
    if target.column.kind == "text":
        return _literal(PLACEHOLDER[: _limit(target.column, len(PLACEHOLDER))]), ()
    return "0", ()


def _sql_email(dialect, target: Target, key: str):
    local = dialect.concat("'a'", target.seed, "'.'", _row_hash(dialect, target))
    sql = dialect.concat(f"substr({local}, 1, {_email_local_length(target.column)})", _literal("@" + ANONYMIZED_DOMAIN))
    return sql, (key,)


def _sql_pseudonym(dialect, target: Target, key: str):
    subject = target.subject or target.ref
    digest = dialect.sha256(dialect.concat("%s", "':'", subject))
    return f"substr({digest}, 1, {_limit(target.column, PSEUDONYM_LENGTH)})", (key,)


def _sql_json_redact(dialect, target: Target, key: str):
    pairs, params = [], []
    for json_key in target.column.json_keys:
        digest = dialect.sha256(dialect.concat("%s", "':'", dialect.json_text(target.ref, json_key)))
        pairs.append(f"'$.{json_key}', substr({digest}, 1, {PSEUDONYM_LENGTH})")
        params.append(key)
    return dialect.json_replace(target.ref, ", ".join(pairs)), tuple(params)


def _sql_constant(text: str):
    return lambda dialect, target, key: (_literal(text[: _limit(target.column, len(text))]), ())


RENDERERS = {
    "null": lambda dialect, target, key: ("NULL", ()),
    "placeholder": _sql_placeholder,
    "email": _sql_email,
    "phone": _sql_constant(PHONE),
    "street": _sql_constant(STREET),
    "date": lambda dialect, target, key: (dialect.year_start(target.ref, target.column), ()),
    "ip": lambda dialect, target, key: ("0" if target.column.kind == "integer" else _literal(IP_TEXT), ()),
    "pseudonym": _sql_pseudonym,
    "zero": lambda dialect, target, key: ("0", ()),
    "json_redact": _sql_json_redact,
}


# -- Python twins ---------------------------------------------------------------------------


def _value_placeholder(value, column, key, seed, namespace, subject):
    return PLACEHOLDER[: _limit(column, len(PLACEHOLDER))] if column.kind == "text" else 0


def _value_email(value, column, key, seed, namespace, subject):
    local = f"a{seed}.{sha256_hex(f'{key}:{namespace}:{seed}')}"[: _email_local_length(column)]
    return f"{local}@{ANONYMIZED_DOMAIN}"


def _value_date(value, column, key, seed, namespace, subject):
    if isinstance(value, datetime):
        return value.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if isinstance(value, date):
        return value.replace(month=1, day=1)
    return str(value)[:4] + ("-01-01 00:00:00" if column.kind == "datetime" else "-01-01")


def _value_json_redact(value, column, key, seed, namespace, subject):
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return value
    for json_key in column.json_keys:
        if data.get(json_key) is not None:
            data[json_key] = sha256_hex(f"{key}:{data[json_key]}")[:PSEUDONYM_LENGTH]
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


VALUES = {
    "placeholder": _value_placeholder,
    "email": _value_email,
    "phone": lambda value, column, *rest: PHONE[: _limit(column, len(PHONE))],
    "street": lambda value, column, *rest: STREET[: _limit(column, len(STREET))],
    "date": _value_date,
    "ip": lambda value, column, *rest: 0 if column.kind == "integer" else IP_TEXT,
    "pseudonym": lambda value, column, key, seed, namespace, subject: sha256_hex(f"{key}:{subject}")[
        : _limit(column, PSEUDONYM_LENGTH)
    ],
    "zero": lambda value, column, *rest: 0,
    "json_redact": _value_json_redact,
}


# -- SQLite support -------------------------------------------------------------------------


def _sqlite_sha256(text):
    return None if text is None else sha256_hex(str(text))


def sqlite_functions_register(dbapi_connection) -> None:
    """Give a sqlite3 connection the deterministic hash function the keyed strategies call."""
    dbapi_connection.create_function(SQLITE_HASH_FUNCTION, 1, _sqlite_sha256, deterministic=True)


@receiver(connection_created, dispatch_uid="privacy.sources.strategies.sqlite")
def _register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        sqlite_functions_register(connection.connection)
