"""Real processes: a run killed with SIGKILL resumes to the same end state; two runs of one policy race.

`manage.py retention run` runs in subprocesses against databases of their own (tests/retention/processes.py).
"""

import json
import signal
import sqlite3
import uuid

import MySQLdb
import pytest

from tests.retention.processes import MARIADB, ShopCopy, migrated_app_database, wait_for

KEY = "3c" * 32
ORDERS = "orders-anonymize"
RUN_STATE = "SELECT state, batches FROM retention_retentionrun ORDER BY id DESC LIMIT 1"
RUN_CHECKPOINT = "SELECT state, batches, last_pk FROM retention_retentionrun ORDER BY id DESC LIMIT 1"
ANONYMIZED_ORDERS = "SELECT entity_id FROM sales_order WHERE customer_email LIKE '%%@anonymized.invalid' ORDER BY entity_id"


@pytest.fixture(scope="module")
def migrated_app(tmp_path_factory):
    return migrated_app_database(tmp_path_factory.mktemp("retention-app"))


@pytest.fixture
def copies(tmp_path, request):
    vendor = request.param
    run = uuid.uuid4().hex[:8]  # scratch MariaDB databases of their own, whatever else runs on the server
    made = [ShopCopy(tmp_path, f"{name}_{run}", vendor) for name in ("killed", "straight")]
    yield made
    for copy in made:
        copy.drop()


def _kill_mid_run(copy: ShopCopy) -> tuple[str, int]:
    process = copy.start("retention", "run", "--policy", ORDERS)
    wait_for(lambda: (copy.app_rows(RUN_STATE) or [("", 0)])[0][1] >= 3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return copy.app_rows(RUN_STATE)[0]


def _killed_and_resumed_equals_uninterrupted(copies, migrated_app):
    # given: two identical shops with the same pending run (same pseudonym key)
    killed, straight = copies
    killed.create(customers=150, migrated_app=migrated_app)
    killed.pin_run(policy=ORDERS, key=KEY, batch_size=5)
    killed.copy_to(straight)
    # when
    state, batches = _kill_mid_run(killed)
    resumed = killed.manage("retention", "run", "--policy", ORDERS, "--json", check=True)
    uninterrupted = straight.manage("retention", "run", "--policy", ORDERS, "--json", check=True)
    # then
    assert state == "running" and batches >= 3
    resumed_run, straight_run = json.loads(resumed.stdout)[0], json.loads(uninterrupted.stdout)[0]
    assert resumed_run["state"] == straight_run["state"] == "completed"
    assert resumed_run["run"] == 1 and "resumed after the previous worker stopped" in resumed_run["errors"][0]
    assert resumed_run["tables"]["sales_order"]["examined"] >= straight_run["tables"]["sales_order"]["examined"]
    assert killed.magento_snapshot() == straight.magento_snapshot()


@pytest.mark.slow
@pytest.mark.parametrize("copies", ["sqlite"], indirect=True)
def test_a_run_killed_with_sigkill_resumes_from_its_checkpoint_to_the_end_state_of_an_uninterrupted_run(copies, migrated_app):
    _killed_and_resumed_equals_uninterrupted(copies, migrated_app)


@pytest.mark.slow
@pytest.mark.mariadb
@pytest.mark.parametrize("copies", ["mysql"], indirect=True)
def test_on_mariadb_a_run_killed_with_sigkill_resumes_to_the_end_state_of_an_uninterrupted_run(copies, migrated_app):
    _killed_and_resumed_equals_uninterrupted(copies, migrated_app)


@pytest.mark.slow
@pytest.mark.parametrize("copies", ["sqlite"], indirect=True)
def test_of_two_concurrent_runs_of_one_policy_exactly_one_works_and_the_other_says_it_is_already_running(copies, migrated_app):
    # given: the first run claimed the policy, started its run and waits at its first batch because the shop
    # database is locked; it is frozen there (SIGSTOP, holding no app-database lock) while the second one starts.
    shop = copies[0]
    shop.create(customers=40, migrated_app=migrated_app)
    lock = sqlite3.connect(shop.magento, isolation_level=None, timeout=30)
    lock.execute("BEGIN IMMEDIATE")
    first = shop.start("retention", "run", "--policy", ORDERS, "--json")
    wait_for(lambda: shop.app_rows(RUN_STATE) == [("running", 0)])
    first.send_signal(signal.SIGSTOP)
    lock.execute("ROLLBACK")
    # when
    second = shop.manage("retention", "run", "--policy", ORDERS, "--json")
    first.send_signal(signal.SIGCONT)
    first_out, _ = first.communicate(timeout=300)
    # then
    assert json.loads(second.stdout) == [
        {"policy": ORDERS, "state": "already_running", "message": json.loads(second.stdout)[0]["message"]}
    ]
    assert "already running" in json.loads(second.stdout)[0]["message"]
    worked = json.loads(first_out)[0]
    assert worked["state"] == "completed" and worked["tables"]["sales_order"]["changed"] > 0
    assert shop.app_rows("SELECT COUNT(*) FROM retention_retentionrun") == [(1,)]


def _batch_waiting(copy: ShopCopy) -> tuple[int, int] | None:
    """(thread id, rows changed) of the run's shop transaction while it waits for a row lock, if it does.

    Poll it at most every 0.1 s: InnoDB refreshes INNODB_TRX only after 0.1 s without a read.
    """
    rows = _mariadb_rows(
        copy, "SELECT t.trx_mysql_thread_id, t.trx_rows_modified FROM information_schema.INNODB_TRX t "
        "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()"
    )  # fmt: skip
    return rows[0] if rows else None


def _mariadb_rows(copy: ShopCopy, sql: str, params=()) -> list[tuple]:
    connection = MySQLdb.connect(db=copy.magento, **MARIADB)
    try:
        cursor = connection.cursor()
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.mariadb
@pytest.mark.parametrize("copies", ["mysql"], indirect=True)
def test_on_mariadb_a_batch_whose_connection_is_killed_rolls_back_and_the_run_resumes_to_the_end_state_of_an_uninterrupted_run(
    copies, migrated_app
):
    # given two identical shops with the same pending run, one run uninterrupted to know which orders are due, and on
    # the other shop the median due order locked by a second connection: the batch that reaches it has changed its
    # child rows (addresses, grid, payments...) and waits at its last step, the order itself
    killed, straight = copies
    killed.create(customers=150, migrated_app=migrated_app)
    killed.pin_run(policy=ORDERS, key=KEY, batch_size=5)
    killed.copy_to(straight)
    uninterrupted = json.loads(straight.manage("retention", "run", "--policy", ORDERS, "--json", check=True).stdout)[0]
    due = [row[0] for row in _mariadb_rows(straight, ANONYMIZED_ORDERS)]
    holder = MySQLdb.connect(db=killed.magento, **MARIADB)
    holder.cursor().execute("SELECT entity_id FROM sales_order WHERE entity_id = %s FOR UPDATE", [due[len(due) // 2]])

    # when the run's batch waits there, having changed rows, and its connection is killed from the server side
    process = killed.start("retention", "run", "--policy", ORDERS, "--json")
    try:
        thread, changed = wait_for(lambda: _batch_waiting(killed), interval=0.25)
        checkpoint = killed.app_rows(RUN_CHECKPOINT)[0]
        _mariadb_rows(killed, f"KILL {int(thread)}")
        # the run reconnects and redoes the batch on a new connection, which waits for the same rows again
        again = wait_for(lambda: (waiting := _batch_waiting(killed)) and waiting[0] != thread and waiting, interval=0.25)
        checkpoint_while_redoing = killed.app_rows(RUN_CHECKPOINT)[0]
    except BaseException:
        process.kill()
        raise
    finally:
        holder.rollback()
        holder.close()
    out, err = process.communicate(timeout=300)

    # then the killed batch was rolled back and not checkpointed, the run recorded the error and resumed from the
    # checkpoint in the same process, and ended exactly where the uninterrupted run did
    assert process.returncode == 0, err[-3000:]
    assert changed > 0 and again[0] != thread and checkpoint[1] >= 2
    assert checkpoint_while_redoing == checkpoint
    resumed = json.loads(out)[0]
    assert resumed["state"] == uninterrupted["state"] == "completed"
    lost = [message for message in resumed["errors"] if "connection lost" in message]
    assert len(lost) == 1 and f"in the batch after id {checkpoint[2]} of walk 0" in lost[0], resumed["errors"]
    assert (resumed["batches"], resumed["changed"]) == (uninterrupted["batches"], uninterrupted["changed"])
    assert killed.magento_snapshot() == straight.magento_snapshot()
