"""`make demo`'s set-up, run as make runs it: `manage.py migrate`, then `manage.py demo_prepare`, in fresh SQLite files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PRIVACY_", "AMAZON_PAY", "SECRET_KEY", "CELERY_"))}  # fmt: skip
    env.update({
        "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "privacy.settings", "PRIVACY_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}", "MAGENTO_DATABASE_URL": f"sqlite:///{tmp_path / 'shop.sqlite3'}",
        "AMAZON_PAY_ENABLED": "0",
    })  # fmt: skip
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One fresh set-up, as `make demo` runs it the first time: migrate, then demo_prepare; the tests below read
    this one run instead of each seeding a shop of their own."""
    directory = tmp_path_factory.mktemp("demo")
    migrated = manage(directory, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    return directory, manage(directory, "demo_prepare", "--env-file", str(directory / ".env"))


def test_demo_prepare_seeds_the_shop_and_prints_the_staff_logins_and_sample_customers(first_run):
    directory, finished = first_run

    assert finished.returncode == 0, finished.stderr
    assert "seeded the demo Magento database" in finished.stdout
    for username in ("officer", "agent", "auditor"):
        assert f"  {username} " in finished.stdout
    assert finished.stdout.count("@") >= 3  # the sample customers to try the form with
    assert "AMAZON_PAY_ENABLED=1" in (directory / ".env").read_text()


def test_demo_prepare_does_not_warn_that_the_shop_it_is_about_to_create_is_missing(first_run):
    _, finished = first_run

    assert finished.returncode == 0, finished.stderr
    assert "privacydesk.W004" not in finished.stderr + finished.stdout


def test_demo_prepare_run_again_keeps_the_shop_and_the_same_passwords(first_run):
    directory, first = first_run

    second = manage(directory, "demo_prepare", "--env-file", str(directory / ".env"))

    assert second.returncode == 0, second.stderr
    assert "demo Magento database already seeded" in second.stdout
    logins = [line for line in first.stdout.splitlines() if line.startswith("  officer")]
    assert logins and logins[0] in second.stdout
    assert (directory / ".env").read_text().count("AMAZON_PAY_ENABLED=") == 1
