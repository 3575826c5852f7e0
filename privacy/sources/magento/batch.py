"""Several statements to the shop database in one round trip.

On MariaDB/MySQL with multi statements on (settings.MAGENTO_MULTI_STATEMENTS, the default) the statements
of a batch travel together, separated by semicolons, and their results come back in order, one result set
each. Elsewhere (SQLite, or multi statements off) they run one by one on the same cursor. Either way the
caller gets one result per statement, in order, on its own connection and inside its own transaction: a
statement that fails raises when its result is reached, and the statements after it do not run.

An erasure's writes and a level of discovery's reads each cost one round trip this way instead of one per
statement (about 60 fewer round trips a queued deletion): less waiting, and less work per statement in the
worker and in the server.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db import connections
from MySQLdb.constants.CLIENT import MULTI_STATEMENTS

STATEMENTS_PER_TRIP = 64


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple | list = ()
    columns: tuple[str, ...] = ()  # a read's column names: its rows come back as dicts keyed by them


def sends_together(using: str) -> bool:
    """Whether the connection `using` carries a batch in one round trip."""
    connection = connections[using]
    return connection.vendor == "mysql" and bool(connection.settings_dict["OPTIONS"].get("client_flag", 0) & MULTI_STATEMENTS)


def rows_of_each(statements: Sequence[Statement], *, using: str) -> list[list[dict]]:
    """Return the rows each read returned, in the order of statements."""
    return [rows for rows, _ in results(statements, using=using)]


def results(statements: Sequence[Statement], *, using: str) -> Iterator[tuple[list[dict], int]]:
    """Yield each statement's (rows, row count) in order; rows stay empty for a write.

    A caller that stops early closes the generator: closing the cursor reads off the results left unread (the
    driver's Cursor.close), so the connection takes the next statement."""
    size = STATEMENTS_PER_TRIP if sends_together(using) else 1
    with connections[using].cursor() as cursor:
        for start in range(0, len(statements), size):
            part = statements[start : start + size]
            cursor.execute(";\n".join(statement.sql for statement in part), [param for statement in part for param in statement.params])
            for index, statement in enumerate(part):
                if index:
                    cursor.nextset()
                yield _result(cursor, statement)


def _result(cursor, statement: Statement) -> tuple[list[dict], int]:
    rows = [dict(zip(statement.columns, row)) for row in cursor.fetchall()] if statement.columns else []
    return rows, cursor.rowcount
