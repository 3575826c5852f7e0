"""Bulk writes into the Magento database: one interface, two ways to load.

* InsertWriter: multi-row INSERTs (executemany) on Django's own connection, chunk by chunk in
  transaction.atomic. Used for SQLite, and for MariaDB/MySQL when the caller already holds a
  transaction (the test suite rolls the seeded shop back after each test).
* LoadDataWriter (MariaDB/MySQL, no caller transaction): a background thread streams each chunk
  through LOAD DATA LOCAL INFILE on a dedicated connection and commits it, while the caller
  generates the next chunk. Several times faster than INSERT for wide rows; a large seed runs
  here. The MySQL driver is imported only in this module (for the seeder).
"""

import abc
import csv
import os
import queue
import shutil
import tempfile
import threading
from collections import defaultdict
from contextlib import contextmanager

from django.db import connections, transaction

from privacy.sources.magento.schema import schema_tables

MYSQL_SESSION = "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO'), foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'"
# Magento's admin website and store have id 0 (NO_AUTO_VALUE_ON_ZERO keeps it); the generator guarantees
# keys and uniqueness, so MySQL may skip per-row checks (SQLite keeps checking both, which the test suite relies
# on); the generated times are UTC, and converting them from time_zone=SYSTEM costs more than the load itself.


class BulkLoadError(Exception):
    """The database did not take every row it was given."""


def insert_sql(table: str, names: tuple[str, ...], quote) -> str:
    return f"INSERT INTO {quote(table)} ({', '.join(map(quote, names))}) VALUES ({', '.join(['%s'] * len(names))})"


class BulkWriter(abc.ABC):
    """Collect rows per table; commit_chunk() writes them, parents before children (the order of `columns`)."""

    def __init__(self, *, using: str, columns: dict[str, tuple[str, ...]]):
        self.using = using
        self.columns = columns
        self.buffers: dict[str, list[tuple]] = defaultdict(list)
        self.counts: dict[str, int] = dict.fromkeys(columns, 0)

    def add(self, table: str, row: tuple) -> None:
        self.buffers[table].append(row)

    def _take(self) -> list[tuple[str, list[tuple]]]:
        chunk = [(table, self.buffers.pop(table)) for table in self.columns if self.buffers.get(table)]
        for table, rows in chunk:
            self.counts[table] += len(rows)
        return chunk

    @abc.abstractmethod
    def commit_chunk(self) -> None:
        """Write the buffered rows (each writer has its own way: INSERTs or LOAD DATA)."""

    def close(self) -> None:
        """Wait until everything is written."""


class InsertWriter(BulkWriter):
    def __init__(self, *, using: str, columns: dict[str, tuple[str, ...]], batch_rows: int = 5000):
        super().__init__(using=using, columns=columns)
        self.connection = connections[using]
        self.batch_rows = batch_rows
        self._sql = {table: insert_sql(table, names, self.connection.ops.quote_name) for table, names in columns.items()}

    def commit_chunk(self) -> None:
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            for table, rows in self._take():
                for start in range(0, len(rows), self.batch_rows):
                    cursor.executemany(self._sql[table], rows[start : start + self.batch_rows])


def load_data_sql(table: str, columns: tuple[str, ...], nullable: set[str], path: str) -> str:
    """LOAD DATA for csv's tab-separated output: csv writes None as an empty field, which NULLIF turns back
    into NULL for nullable columns (the generator never writes empty strings; the test suite checks it)."""
    targets = ", ".join(f"@{name}" if name in nullable else f"`{name}`" for name in columns)
    nulls = ", ".join(f"`{name}` = NULLIF(@{name}, '')" for name in columns if name in nullable)
    return (
        f"LOAD DATA LOCAL INFILE '{path}' INTO TABLE `{table}` CHARACTER SET utf8mb4 "
        f"FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ({targets})" + (f" SET {nulls}" if nulls else "")
    )


# Small row sets go through INSERT: no faster by file, and MariaDB's LOAD DATA with a SET clause ignores
# NO_AUTO_VALUE_ON_ZERO, which the admin website/store (id 0) need.
SMALL_BATCH = 100


class LoadDataWriter(BulkWriter):
    def __init__(self, *, using: str, columns: dict[str, tuple[str, ...]]):
        super().__init__(using=using, columns=columns)
        self._queue: queue.Queue = queue.Queue(maxsize=2)  # bounded: at most two chunks wait in memory
        self._error: BaseException | None = None
        self._directory = tempfile.mkdtemp(prefix="magento-seed-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
        self._path = os.path.join(self._directory, "rows.tsv")
        self._insert_sql = {table: insert_sql(table, names, "`{}`".format) for table, names in columns.items()}
        tables = schema_tables("mysql")
        self._sql = {
            table: load_data_sql(table, names, {n for n in names if tables[table].columns[n].nullable}, self._path)
            for table, names in columns.items()
        }
        self._params = connections[using].get_connection_params()  # read here: the thread has no Django connections
        self._thread = threading.Thread(target=self._run, name="magento-seed-writer", daemon=True)
        self._thread.start()

    def commit_chunk(self) -> None:
        self._raise_if_failed()
        self._queue.put(self._take())

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        shutil.rmtree(self._directory, ignore_errors=True)
        self._raise_if_failed()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise BulkLoadError(f"bulk load into {self.using!r} failed: {self._error}") from self._error

    def _connect(self):
        import MySQLdb

        connection = MySQLdb.connect(**self._params, local_infile=True)
        connection.autocommit(False)
        connection.cursor().execute(MYSQL_SESSION)
        return connection

    def _run(self) -> None:
        connection = None
        try:
            connection = self._connect()
            while (chunk := self._queue.get()) is not None:
                if self._error is None:
                    self._load(connection, chunk)
        except BaseException as error:  # reported to the caller's thread by _raise_if_failed
            self._error = error
            while self._queue.get() is not None:  # drain so the producer never blocks
                pass
        finally:
            if connection is not None:
                connection.close()

    def _load(self, connection, chunk: list[tuple[str, list[tuple]]]) -> None:
        cursor = connection.cursor()
        for table, rows in chunk:
            if len(rows) < SMALL_BATCH:
                cursor.executemany(self._insert_sql[table], rows)
                continue
            with open(self._path, "w", encoding="utf-8", newline="") as file:
                csv.writer(file, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n").writerows(rows)
            loaded = cursor.execute(self._sql[table])
            if loaded != len(rows) or connection.warning_count():
                cursor.execute("SHOW WARNINGS LIMIT 3")
                raise BulkLoadError(f"{table}: loaded {loaded} of {len(rows)} rows; {cursor.fetchall()}")
        connection.commit()


@contextmanager
def bulk_writer(*, using: str, columns: dict[str, tuple[str, ...]]):
    """Yield the fastest writer that keeps the caller's transaction semantics."""
    connection = connections[using]
    if connection.vendor == "mysql" and not connection.in_atomic_block:
        writer = LoadDataWriter(using=using, columns=columns)
        try:
            yield writer
        finally:
            writer.close()
        return
    with _insert_session(connection):
        yield InsertWriter(using=using, columns=columns)


@contextmanager
def _insert_session(connection):
    if connection.vendor != "mysql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT @@SESSION.sql_mode, @@SESSION.foreign_key_checks, @@SESSION.unique_checks, @@SESSION.time_zone")
        saved = cursor.fetchone()
        cursor.execute(MYSQL_SESSION)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET SESSION sql_mode = %s, foreign_key_checks = %s, unique_checks = %s, time_zone = %s", list(saved))
