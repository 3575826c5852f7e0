"""The INSERT of one audit event, built once per process; on PostgreSQL a named prepared statement.

Appends must keep pace with bare single-row inserts (docs/benchmarks.md, audit trail), so this is
the one place the audit trail writes below the ORM.
"""

import re
import weakref
from functools import lru_cache

import psycopg  # the PostgreSQL backend's own driver, a dependency of the project
from django.db import connection

from privacy.audit.models import AuditEvent

INSERTED_FIELDS = (
    "event_id", "created_at", "actor_kind", "actor_id", "actor_label", "action", "target_type", "target_id",
    "subject_scope", "payload", "row_mac",
)  # fmt: skip
PREPARED_NAME = b"privacydesk_audit_event_insert"
_prepared_on = weakref.WeakSet()  # psycopg connections that hold the prepared INSERT


def event_insert(db, values: tuple) -> AuditEvent:
    """Insert one event with a statement built once per process; return it as loaded from the database.

    Appends must keep pace with bare inserts, and the ORM's per-call INSERT compilation and field
    preparation were most of an append's CPU. Only the UUID and the time need adapting per backend.
    """
    event_id, created_at, *rest = values
    params = [
        event_id if db.features.has_native_uuid_field else event_id.hex,
        db.ops.adapt_datetimefield_value(created_at),
        *rest,
    ]
    if db.vendor == "postgresql":
        event_pk = _insert_prepared(db, params)
    else:
        with db.cursor() as cursor:
            cursor.execute(_insert_sql(db.vendor), params)
            event_pk = cursor.fetchone()[0]
    return AuditEvent.from_db(db.alias, None, (event_pk, *values))


def _insert_prepared(db, params: list) -> int:
    """Run the INSERT as a named prepared statement, in db's transaction (or by itself in autocommit).

    PostgreSQL parses and plans it once per connection. The values go to libpq as text, without
    psycopg's per-call cursor, adaptation and statement cache: together two fifths of what an
    append costs the client beyond the bare insert. When this is the first statement of an atomic
    block, the transaction is opened here with the plain BEGIN psycopg would send; a connection
    with an isolation level, read-only or deferrable setting leaves that to psycopg's cursor.
    """
    if db.connection is None:
        db.ensure_connection()
    db.validate_no_broken_transaction()
    conn = db.connection
    with db.wrap_database_errors:
        if not (conn.autocommit or conn.pgconn.transaction_status == psycopg.pq.TransactionStatus.INTRANS):
            if not _plain_begin(conn):
                with psycopg.Cursor(conn) as cursor:
                    cursor.execute(_insert_sql(db.vendor), params, prepare=True)
                    return cursor.fetchone()[0]
            _raise_for(conn, conn.pgconn.exec_(b"BEGIN"))
        if conn not in _prepared_on:
            _raise_for(conn, conn.pgconn.prepare(PREPARED_NAME, _numbered(_insert_sql(db.vendor)).encode()))
            _prepared_on.add(conn)
        values = [str(value).encode() if value is not None else None for value in params]
        result = conn.pgconn.exec_prepared(PREPARED_NAME, values)
        _raise_for(conn, result)
        return int(result.get_value(0, 0))


def _plain_begin(conn) -> bool:
    """Whether psycopg would open conn's transactions with a bare BEGIN (no isolation level or access mode)."""
    return conn.isolation_level is None and conn.read_only is None and conn.deferrable is None


SUCCEEDED = frozenset((psycopg.pq.ExecStatus.COMMAND_OK, psycopg.pq.ExecStatus.TUPLES_OK))


def _raise_for(conn, result) -> None:
    if result.status in SUCCEEDED:
        return
    error = psycopg.errors.error_from_result(result, encoding=conn.info.encoding)
    if isinstance(error, psycopg.errors.InvalidSqlStatementName):
        _prepared_on.discard(conn)  # gone (DEALLOCATE, DISCARD ALL): the next append prepares it again
    raise error


def _numbered(sql: str) -> str:
    """Return sql with its %s placeholders as PostgreSQL's $1, $2, ..."""
    count = iter(range(1, sql.count("%s") + 1))
    return re.sub("%s", lambda _: f"${next(count)}", sql)


@lru_cache(maxsize=2)
def _insert_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(AuditEvent._meta.get_field(name).column) for name in INSERTED_FIELDS)
    placeholders = ", ".join(["%s"] * len(INSERTED_FIELDS))
    return f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) VALUES ({placeholders}) RETURNING {quote('id')}"
