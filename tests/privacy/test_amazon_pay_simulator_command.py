import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from privacy.sources.amazon_pay import AmazonPayClient, AmazonPayConfig, AmazonPayNotFound, signing

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


@pytest.fixture
def running_command(tmp_path):
    process = subprocess.Popen(
        [
            sys.executable,
            str(MANAGE),
            "amazon_pay_simulator",
            "--addr",
            "127.0.0.1:0",
            "--json",
            "--key-dir",
            str(tmp_path / "keys"),
            "--fault",
            "throttle:1",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "DEBUG": "1"},
        # Ctrl-C stops it as in a terminal even when this suite runs in a background job, whose children start
        # with SIGINT ignored (Python then keeps ignoring it instead of raising KeyboardInterrupt)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        yield json.loads(process.stdout.readline()), process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()  # leave no server behind, then report the stop that did not happen
            raise


def test_command_serves_a_simulator_that_trusts_the_key_pair_it_prints(running_command, tmp_path):
    announced, process = running_command
    environment = announced["environment"]
    key = signing.private_key_load(Path(environment["AMAZON_PAY_PRIVATE_KEY_PATH"]).read_bytes())
    config = AmazonPayConfig(
        public_key_id=environment["AMAZON_PAY_PUBLIC_KEY_ID"],
        private_key=key,
        endpoint=environment["AMAZON_PAY_ENDPOINT"],
        backoff_base=0.01,
    )

    with AmazonPayClient(config) as client, pytest.raises(AmazonPayNotFound):
        client.charge_permission_get(charge_permission_id="S01-5105180-3221187")

    calls = requests.get(f"{announced['base_url']}/__simulator/calls", timeout=5).json()["calls"]
    assert [(call["status"], call["fault"]) for call in calls] == [(429, "throttle"), (404, None)]
    assert Path(environment["AMAZON_PAY_PRIVATE_KEY_PATH"]).stat().st_mode & 0o077 == 0
    assert Path(environment["AMAZON_PAY_PRIVATE_KEY_PATH"]).parent == tmp_path / "keys"


def test_command_refuses_a_malformed_fault_naming_the_form(tmp_path):
    finished = subprocess.run(
        [sys.executable, str(MANAGE), "amazon_pay_simulator", "--fault", "meteor:2", "--key-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBUG": "1"},
        timeout=60,
    )

    assert finished.returncode != 0
    assert "KIND[:COUNT[:REFERENCE]]" in finished.stderr
