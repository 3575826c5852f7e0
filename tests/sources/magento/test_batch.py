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
from privacy.sources.magento.finder import quote
from tests.services import MARIADB_URL, POSTGRES_URL

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
ROOT = Path(__file__).resolve().parents[3]
READS = [Statement("SELECT %s, %s", [1, "one"], ("n", "word")), Statement("SELECT %s WHERE 1 = 0", [2], ("n",)),
         Statement("SELECT %s", [3], ("n",))]  # fmt: skip


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


@pytest.fixture
def scratch_table():
    """A temporary InnoDB table on the shop's connection (MariaDB): transactional, gone with the session."""
    with connections["magento"].cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE batch_rows (id INT PRIMARY KEY, word VARCHAR(10)) ENGINE=InnoDB")
    yield "batch_rows"
    with connections["magento"].cursor() as cursor:
        cursor.execute("DROP TEMPORARY TABLE batch_rows")


def test_a_batch_returns_each_read_s_rows_in_order_as_dicts():
    assert batch.rows_of_each(READS, using="magento") == [[{"n": 1, "word": "one"}], [], [{"n": 3}]]


@pytest.mark.mariadb
def test_on_mariadb_a_batch_travels_in_one_round_trip():
    rows, trips = _round_trips(lambda: batch.rows_of_each(READS, using="magento"))
    assert trips == 1 and rows == [[{"n": 1, "word": "one"}], [], [{"n": 3}]]


@pytest.mark.mariadb
def test_on_mariadb_a_batch_larger_than_a_trip_takes_more_trips_with_the_same_results(monkeypatch):
    # given trips of at most two statements, or of 120 bytes (two of these statements)
    for limit, value in (("STATEMENTS_PER_TRIP", 2), ("BYTES_PER_TRIP", 120)):
        with monkeypatch.context() as patched:
            patched.setattr(batch, limit, value)
            # when five reads are sent, then they take three trips and come back as one batch would
            reads = [Statement("SELECT %s", [f"value {index:040}"], ("v",)) for index in range(5)]
            rows, trips = _round_trips(lambda: batch.rows_of_each(reads, using="magento"))
            assert trips == 3 and rows == [[{"v": f"value {index:040}"}] for index in range(5)]


@pytest.mark.mariadb
def test_on_mariadb_a_failing_statement_raises_the_statements_after_it_do_not_run_and_the_connection_stays_usable():
    # given a batch whose second statement fails
    statements = [Statement("SET @step = 1"), Statement("SELECT * FROM no_such_table", (), ("x",)), Statement("SET @step = 3")]
    # when it is sent, then the failure is raised and the third statement never ran
    with pytest.raises(DatabaseError, match="no_such_table"):
        batch.rows_of_each(statements, using="magento")
    assert _value("SELECT @step") == 1


@pytest.mark.mariadb
def test_on_mariadb_a_failing_statement_inside_a_transaction_takes_the_writes_before_it_back_with_the_transaction(scratch_table):
    # given a batch that writes, then fails, inside the caller's transaction
    statements = [Statement("INSERT INTO batch_rows VALUES (1, 'a')"), Statement("SELECT * FROM no_such_table", (), ("x",))]
    # when it is sent, then the failure ends the transaction and the write is gone with it
    with pytest.raises(DatabaseError, match="no_such_table"), transaction.atomic(using="magento"):
        batch.rows_of_each(statements, using="magento")
    assert _value("SELECT COUNT(*) FROM batch_rows") == 0


@pytest.mark.mariadb
def test_on_mariadb_a_caller_that_stops_reading_early_leaves_the_connection_usable():
    # given a batch whose first result only is read
    results = batch.results([*READS, Statement("SET @last = 4")], using="magento")
    assert next(results)[0] == [{"n": 1, "word": "one"}]
    # when the caller stops there, then the rest of the trip ran and was read off the connection
    results.close()
    assert _value("SELECT @last") == 4


@pytest.mark.mariadb
def test_on_mariadb_a_caller_that_stops_early_still_hears_of_a_failure_in_the_unread_statements():
    results = batch.results([*READS, Statement("SELECT * FROM no_such_table", (), ("x",))], using="magento")
    next(results)
    with pytest.raises(DatabaseError, match="no_such_table"):
        results.close()
    assert _value("SELECT 5") == 5


@pytest.mark.mariadb
def test_on_mariadb_a_batch_of_writes_counts_each_statement_s_rows_inside_the_caller_s_transaction(scratch_table):
    with transaction.atomic(using="magento"):
        writes = [Statement("INSERT INTO batch_rows VALUES (1, 'a'), (2, 'b'), (3, 'c')"),
                  Statement("UPDATE batch_rows SET word = %s WHERE id < %s", ["z", 3]), Statement("DELETE FROM batch_rows WHERE id = 9")]  # fmt: skip
        assert [count for _, count in batch.results(writes, using="magento")] == [3, 2, 0]
        assert _value("SELECT GROUP_CONCAT(word ORDER BY id) FROM batch_rows") == "z,z,c"


@pytest.mark.parametrize("name", ["customer`; DROP TABLE customer_entity; --", "100%", "a b", 'quote"d', ""])
def test_a_table_or_column_name_with_anything_but_letters_digits_underscore_and_dollar_is_refused(name):
    with pytest.raises(ValueError, match="refusing the table or column name"):
        quote("magento", name)


def _multi_statements(**env) -> dict:
    code = ("import django, json; django.setup(); from django.conf import settings; "
            "print(json.dumps({alias: settings.DATABASES[alias]['OPTIONS'].get('multi_statements') for alias in ('default', 'magento')}))")  # fmt: skip
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "privacy.settings", "DEBUG": "1", **env}
    done = subprocess.run([sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_only_the_shop_s_mariadb_connection_takes_several_statements_at_once_and_magento_multi_statements_0_turns_it_off():
    app_on_mariadb = MARIADB_URL.rsplit("/", 1)[0] + "/privacydesk_app"
    assert _multi_statements(MAGENTO_DATABASE_URL=MARIADB_URL, DATABASE_URL=POSTGRES_URL) == {"default": None, "magento": True}
    assert _multi_statements(MAGENTO_DATABASE_URL=MARIADB_URL, DATABASE_URL=app_on_mariadb) == {"default": False, "magento": True}
    assert _multi_statements(MAGENTO_DATABASE_URL=MARIADB_URL, MAGENTO_MULTI_STATEMENTS="0")["magento"] is False
    assert _multi_statements(MAGENTO_DATABASE_URL="sqlite:///var/shop.sqlite3")["magento"] is None
