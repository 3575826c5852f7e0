"""Real processes: a run killed with SIGKILL resumes to the same end state; two runs of one policy race.

`manage.py retention run` runs in subprocesses against databases of their own (tests/retention/processes.py).
"""

import json
import signal
import sqlite3

import pytest

from tests.retention.processes import ShopCopy, migrated_app_database, wait_for

KEY = "3c" * 32
ORDERS = "orders-anonymize"
RUN_STATE = "SELECT state, batches FROM retention_retentionrun ORDER BY id DESC LIMIT 1"


@pytest.fixture(scope="module")
def migrated_app(tmp_path_factory):
    return migrated_app_database(tmp_path_factory.mktemp("retention-app"))


@pytest.fixture
def copies(tmp_path, request):
    vendor = request.param
    made = [ShopCopy(tmp_path, name, vendor) for name in ("killed", "straight")]
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
