"""Several statements to the shop in one round trip (MariaDB), or one by one (SQLite): same results, in order."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError, connections, transaction

from privacy.sources.magento import batch
from privacy.sources.magento.batch import Statement
from tests.services import MARIADB_URL

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
ROOT = Path(__file__).resolve().parents[3]


def _round_trips(function):
    calls = []

    def counted(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with connections["magento"].execute_wrapper(counted):
        result = function()
    return result, len(calls)


def _value(sql: str):
    with connections["magento"].cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


READS = [Statement("SELECT %s, %s", [1, "one"], ("n", "word")), Statement("SELECT %s WHERE 1 = 0", [2], ("n",)),
         Statement("SELECT %s", [3], ("n",))]  # fmt: skip


def test_a_batch_returns_each_read_s_rows_in_order_as_dicts():
    assert batch.rows_of_each(READS, using="magento") == [[{"n": 1, "word": "one"}], [], [{"n": 3}]]


@pytest.mark.mariadb
def test_on_mariadb_a_batch_travels_in_one_round_trip():
    rows, trips = _round_trips(lambda: batch.rows_of_each(READS, using="magento"))
    assert trips == 1 and rows == [[{"n": 1, "word": "one"}], [], [{"n": 3}]]


@pytest.mark.mariadb
def test_on_mariadb_a_failing_statement_raises_the_statements_after_it_do_not_run_and_the_connection_stays_usable():
    statements = [Statement("SET @step = 1"), Statement("SELECT * FROM no_such_table", (), ("x",)), Statement("SET @step = 3")]
    with pytest.raises(DatabaseError, match="no_such_table"):
        batch.rows_of_each(statements, using="magento")
    assert _value("SELECT @step") == 1


@pytest.mark.mariadb
def test_on_mariadb_a_caller_that_stops_reading_early_leaves_the_connection_usable():
    results = batch.results([*READS, Statement("SET @last = 4")], using="magento")
    assert next(results)[0] == [{"n": 1, "word": "one"}]
    results.close()
    assert _value("SELECT @last") == 4  # the rest ran and was read off the connection


@pytest.mark.mariadb
def test_on_mariadb_a_batch_of_writes_counts_each_statement_s_rows_inside_the_caller_s_transaction():
    with connections["magento"].cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE batch_rows (id INT PRIMARY KEY, word VARCHAR(10))")
    try:
        with transaction.atomic(using="magento"):
            writes = [Statement("INSERT INTO batch_rows VALUES (1, 'a'), (2, 'b'), (3, 'c')"),
                      Statement("UPDATE batch_rows SET word = %s WHERE id < %s", ["z", 3]), Statement("DELETE FROM batch_rows WHERE id = 9")]  # fmt: skip
            assert [count for _, count in batch.results(writes, using="magento")] == [3, 2, 0]
            assert _value("SELECT GROUP_CONCAT(word ORDER BY id) FROM batch_rows") == "z,z,c"
    finally:
        with connections["magento"].cursor() as cursor:
            cursor.execute("DROP TEMPORARY TABLE batch_rows")


def _options(**env) -> dict:
    code = ("import django, json; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.DATABASES['magento']['OPTIONS'].get('client_flag')))")  # fmt: skip
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "privacy.settings", "DEBUG": "1", **env}
    done = subprocess.run([sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_a_shop_on_mariadb_gets_multi_statements_unless_magento_multi_statements_is_off():
    from MySQLdb.constants import CLIENT

    assert _options(MAGENTO_DATABASE_URL=MARIADB_URL) == CLIENT.FOUND_ROWS | CLIENT.MULTI_STATEMENTS
    assert _options(MAGENTO_DATABASE_URL=MARIADB_URL, MAGENTO_MULTI_STATEMENTS="0") is None  # Django's own: FOUND_ROWS
    assert _options(MAGENTO_DATABASE_URL="sqlite:///var/shop.sqlite3") is None
