import hashlib
import re
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from privacy.sources.magento.schema import schema_tables
from privacy.sources.magento.seed import magento_seed

MAGENTO_DB = pytest.mark.django_db(databases=["default", "magento"])
AS_OF = datetime(2025, 6, 1, tzinfo=UTC)


def _dump(alias: str) -> dict[str, str]:
    digests = {}
    with connections[alias].cursor() as cursor:
        for name, table in schema_tables(connections[alias].vendor).items():
            cursor.execute(f"SELECT * FROM {name} ORDER BY {', '.join(table.primary_key)}")
            digests[name] = hashlib.sha256(repr(list(cursor.fetchall())).encode()).hexdigest()
    return digests


@MAGENTO_DB
def test_seed_command_creates_the_schema_seeds_the_shop_and_prints_a_summary(scratch_magento, capsys):
    # when
    call_command("seed_magento", "--create-schema", "--customers", "15", "--as-of", "2025-06-01", "--database", scratch_magento)

    # then
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("Seeded ") and "rows/s" in summary
    assert "customer_entity 16," in summary  # 15 customers + the one registered on both websites


@MAGENTO_DB
def test_seed_command_refuses_to_create_the_schema_over_existing_magento_tables(magento_schema):
    # when
    with pytest.raises(CommandError) as refused:
        call_command("seed_magento", "--create-schema", "--customers", "1")

    # then
    assert "already has Magento tables" in str(refused.value)


@MAGENTO_DB
def test_seed_command_rejects_a_bad_option_naming_it(magento_schema):
    # when
    with pytest.raises(CommandError) as rejected:
        call_command("seed_magento", "--customers", "5", "--guest-ratio", "1.5")

    # then
    assert "guest_ratio=1.5" in str(rejected.value)


@pytest.mark.mariadb
@MAGENTO_DB
def test_bulk_load_outside_a_transaction_writes_the_same_shop_as_inserts_inside_one(magento_schema, scratch_magento):
    # given: the scratch database is outside the test transaction, so the seeder streams it with LOAD DATA
    call_command("seed_magento", "--create-schema", "--customers", "30", "--seed", "4", "--as-of", "2025-06-01",
                 "--database", scratch_magento)  # fmt: skip

    # when: the test database is inside the test transaction, so the seeder uses multi-row INSERTs
    magento_seed(using="magento", customers=30, seed=4, now=AS_OF)

    # then
    assert _dump(scratch_magento) == _dump("magento")


def _create_statements(alias: str) -> dict[str, str]:
    statements = {}
    with connections[alias].cursor() as cursor:
        for name in schema_tables("mysql"):
            cursor.execute(f"SHOW CREATE TABLE `{name}`")
            statements[name] = re.sub(r" AUTO_INCREMENT=\d+", "", cursor.fetchone()[1])
    return statements


@pytest.mark.mariadb
@MAGENTO_DB
def test_a_seed_that_creates_the_schema_ends_with_exactly_the_projects_schema(magento_schema, scratch_magento):
    # given: the test database was created by magento_schema_create, keys and foreign keys in the CREATE TABLEs

    # when: the seeder creates the schema itself, adding keys and foreign keys after the load
    call_command("seed_magento", "--create-schema", "--customers", "20", "--as-of", "2025-06-01", "--database", scratch_magento)

    # then
    seeded, created = _create_statements(scratch_magento), _create_statements("magento")
    assert [name for name in created if seeded[name] != created[name]] == []
    assert "FULLTEXT KEY" in seeded["sales_order_grid"] and "FOREIGN KEY" in seeded["sales_order_item"]
