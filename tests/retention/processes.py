"""Real `manage.py` processes on their own databases, for the tests that kill or race retention runs.

Each copy is an app database (an SQLite file) plus a Magento database (an SQLite file, or a
scratch MariaDB database) seeded by the project's own seeder, so the processes share nothing
with the test's own databases.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import MySQLdb

ROOT = Path(__file__).resolve().parents[2]
MARIADB = {"host": "127.0.0.1", "port": 3306, "user": "root", "passwd": ""}
SEED = (
    "import django; django.setup()\n"
    "from datetime import datetime, UTC\n"
    "from privacy.sources.magento.schema import magento_schema_create\n"
    "from privacy.sources.magento.seed.service import magento_seed\n"
    "magento_schema_create()\n"
    "magento_seed(customers={customers}, seed=5, now=datetime(2026, 6, 15, 12, tzinfo=UTC))\n"
)
PIN_RUN = (
    "import django; django.setup()\n"
    "from datetime import datetime, UTC\n"
    "from retention.models import RetentionPolicy\n"
    "from retention.services import retention_run_create\n"
    "retention_run_create(policy=RetentionPolicy.objects.get(name={policy!r}), started_by='tests', key={key!r},\n"
    "                     now=datetime(2026, 6, 15, 12, tzinfo=UTC), batch_size={batch_size})\n"
)


def migrated_app_database(directory: Path) -> Path:
    """Return an SQLite app database with every migration applied (made once, copied by each ShopCopy)."""
    path = directory / "migrated-app.sqlite3"
    env = {**ShopCopy(directory, "template", "sqlite").env, "DATABASE_URL": f"sqlite:///{path}"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], env=env, cwd=ROOT, check=True, capture_output=True)
    return path


class ShopCopy:
    """One app database and one Magento database that manage.py processes run against."""

    def __init__(self, directory: Path, name: str, vendor: str):
        self.directory, self.name, self.vendor = directory, name, vendor
        self.app = directory / f"{name}-app.sqlite3"
        self.magento = directory / f"{name}-magento.sqlite3" if vendor == "sqlite" else f"retention_test_{name}"

    @property
    def env(self) -> dict:
        magento = f"sqlite:///{self.magento}" if self.vendor == "sqlite" else f"mysql://root@127.0.0.1:3306/{self.magento}"
        env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
        return {**env, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{self.app}", "MAGENTO_DATABASE_URL": magento,
                "DJANGO_SETTINGS_MODULE": "privacy.settings"}

    def python(self, code: str) -> None:
        subprocess.run([sys.executable, "-c", code], env=self.env, cwd=ROOT, check=True, capture_output=True)

    def manage(self, *args: str, **options) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "manage.py", *args], env=self.env, cwd=ROOT, capture_output=True, text=True, **options)

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args], env=self.env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def create(self, *, customers: int, migrated_app: Path) -> None:
        shutil.copyfile(migrated_app, self.app)
        if self.vendor == "mysql":
            _mariadb(f"DROP DATABASE IF EXISTS {self.magento}", f"CREATE DATABASE {self.magento}")
        self.python(SEED.format(customers=customers))

    def copy_to(self, other: "ShopCopy") -> None:
        shutil.copyfile(self.app, other.app)
        if self.vendor == "sqlite":
            shutil.copyfile(self.magento, other.magento)
            return
        _mariadb(f"DROP DATABASE IF EXISTS {other.magento}", f"CREATE DATABASE {other.magento}")
        for table in self.magento_tables():
            _mariadb(
                f"CREATE TABLE {other.magento}.{table} LIKE {self.magento}.{table}",
                f"INSERT INTO {other.magento}.{table} SELECT * FROM {self.magento}.{table}",
            )

    def drop(self) -> None:
        if self.vendor == "mysql":
            _mariadb(f"DROP DATABASE IF EXISTS {self.magento}")

    def pin_run(self, *, policy: str, key: str, batch_size: int) -> None:
        self.python(PIN_RUN.format(policy=policy, key=key, batch_size=batch_size))

    def app_rows(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.app, timeout=30) as connection:
            return connection.execute(sql).fetchall()

    def magento_tables(self) -> list[str]:
        return [row[0] for row in self._magento_rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                                                      if self.vendor == "mysql" else
                                                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]

    def magento_snapshot(self, *, ignore: tuple[str, ...] = ("updated_at",)) -> dict[str, list[tuple]]:
        """Every row of every Magento table, in primary-key order, without the modification stamps."""
        snapshot = {}
        for table in self.magento_tables():
            rows, names = self._magento_rows(f"SELECT * FROM {table}", with_names=True)
            keep = [index for index, name in enumerate(names) if name not in ignore]
            snapshot[table] = sorted((tuple(row[index] for index in keep) for row in rows), key=repr)
        return snapshot

    def _magento_rows(self, sql: str, *, with_names: bool = False):
        if self.vendor == "sqlite":
            connection = sqlite3.connect(self.magento, timeout=30)
        else:
            connection = MySQLdb.connect(db=self.magento, charset="utf8mb4", **MARIADB)
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            rows = cursor.fetchall()
            return (rows, [column[0] for column in cursor.description]) if with_names else rows
        finally:
            connection.close()


def _mariadb(*statements: str) -> None:
    connection = MySQLdb.connect(**MARIADB)
    try:
        # Copies keep id 0 (Magento's admin store and website) instead of renumbering it.
        connection.cursor().execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')")
        for statement in statements:
            connection.cursor().execute(statement)
        connection.commit()
    finally:
        connection.close()


def wait_for(predicate, *, timeout: float = 60.0, interval: float = 0.005):
    """Poll predicate until it returns a truthy value; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
