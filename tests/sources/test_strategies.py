"""The anonymization strategies, rendered as SQL on the Magento database (SQLite here, MariaDB in
the services pass) and checked cell by cell against their Python twins."""

import pytest
from django.db import connections

from privacy.sources.strategies import (
    ANONYMIZED_DOMAIN,
    Column,
    StrategyError,
    Target,
    strategy_sql,
    sql_vendor,
    strategy_value,
)

KEY = "9f" * 16
PROBE_DDL = """
CREATE TEMPORARY TABLE strategy_probe (
  id int NOT NULL PRIMARY KEY,
  email varchar(255) NULL,
  short_email varchar(40) NULL,
  name varchar(8) NOT NULL,
  phone varchar(16) NULL,
  street varchar(255) NULL,
  dob datetime NULL,
  dob_day date NULL,
  ip_text varchar(15) NULL,
  ip_int bigint NOT NULL,
  txn varchar(100) NULL,
  info text NULL,
  note text NULL,
  kept varchar(20) NULL,
  gender int NULL
)
"""
COLUMNS = {
    "email": (Column("email", "text", 255), "email"),
    "short_email": (Column("short_email", "text", 40), "email"),
    "name": (Column("name", "text", 8, nullable=False), "placeholder"),
    "phone": (Column("phone", "text", 16), "phone"),
    "street": (Column("street", "text", 255), "street"),
    "dob": (Column("dob", "datetime"), "date"),
    "dob_day": (Column("dob_day", "date"), "date"),
    "ip_text": (Column("ip_text", "text", 15), "ip"),
    "ip_int": (Column("ip_int", "integer", nullable=False), "ip"),
    "txn": (Column("txn", "text", 100), "pseudonym"),
    "info": (Column("info", "text", json_keys=("charge_permission_id", "amazon_session_id")), "json_redact"),
    "note": (Column("note", "text"), "null"),
    "kept": (Column("kept", "text", 20), "keep"),
    "gender": (Column("gender", "integer"), "zero"),
}
ROWS = [
    (1, "ada@example.com", "ada@example.com", "Lovelace", "+44 20 7946 0000", "1 Main St", "1985-06-12 10:30:00",
     "1985-06-12", "203.0.113.9", 3405803785, "S01-5105180-3221187-C056351",
     '{"method_title":"Amazon Pay","charge_permission_id":"S01-5105180-3221187"}', "call me", "stays", 2),
    (2, "bob@example.com", "bob@example.com", "Builder", "0301234", "2 Side St", "1990-12-31 23:59:59",
     "1990-12-31", "198.51.100.7", 3325256711, "S01-5105180-3221187-C056351",
     '{"amazon_session_id":"4c3f"}', "ring twice", "also stays", None),
    (3, None, None, "X", None, None, None, None, None, 0, None, "not json", None, None, 1),
]
NAMES = list(COLUMNS)


@pytest.fixture
def probe(db):
    connection = connections["magento"]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS strategy_probe")
        cursor.execute(PROBE_DDL)
        cursor.executemany(
            f"INSERT INTO strategy_probe (id, {', '.join(NAMES)}) VALUES ({', '.join(['%s'] * (len(NAMES) + 1))})", ROWS
        )
    yield connection
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE strategy_probe")


def _rows(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(NAMES)} FROM strategy_probe ORDER BY id")
        return [tuple(row) for row in cursor.fetchall()]


def _anonymize(connection):
    assignments, params = [], []
    for name, (column, strategy) in COLUMNS.items():
        target = Target(column=column, ref=name, seed="id", namespace="strategy_probe")
        rendered = strategy_sql(strategy, vendor=sql_vendor(connection), target=target, key=KEY)
        if rendered is not None:
            assignments.append(f"{name} = {rendered.sql}")
            params.extend(rendered.params)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE strategy_probe SET {', '.join(assignments)}", params)


def _expected(row):
    values = dict(zip(["id", *NAMES], row))
    return tuple(
        [values["id"]]
        + [
            strategy_value(strategy, value=values[name], column=column, key=KEY, seed=values["id"], namespace="strategy_probe")
            for name, (column, strategy) in COLUMNS.items()
        ]
    )


@pytest.mark.django_db(databases=["default", "magento"])
def test_every_strategy_writes_in_sql_exactly_what_its_python_twin_computes(probe):
    # given
    expected = [_expected(row) for row in _rows(probe)]
    # when
    _anonymize(probe)
    # then
    assert _rows(probe) == expected


@pytest.mark.django_db(databases=["default", "magento"])
def test_anonymized_values_have_the_documented_shapes(probe):
    # when
    _anonymize(probe)
    first, second, empty = _rows(probe)
    values = [dict(zip(["id", *NAMES], row)) for row in (first, second, empty)]
    # then
    assert values[0]["email"].endswith("@" + ANONYMIZED_DOMAIN) and values[0]["email"].startswith("a1.")
    assert len(values[0]["short_email"]) == 40 and values[0]["short_email"].startswith("a1.")
    assert values[0]["email"] != values[1]["email"]
    assert values[0]["name"] == "anonymiz" and values[0]["phone"] == "0000000000"
    assert values[0]["ip_text"] == "0.0.0.0" and values[0]["ip_int"] == 0
    assert str(values[0]["dob"]).startswith("1985-01-01") and str(values[1]["dob_day"]).startswith("1990-01-01")
    assert values[0]["txn"] == values[1]["txn"] and len(values[0]["txn"]) == 32
    assert values[0]["info"].startswith('{"method_title":"Amazon Pay","charge_permission_id":"')
    assert "S01-" not in values[0]["info"] and len(values[1]["info"]) == len('{"amazon_session_id":""}') + 32
    assert values[0]["gender"] == 0 and values[1]["gender"] is None
    assert values[0]["note"] is None and values[0]["kept"] == "stays"


@pytest.mark.django_db(databases=["default", "magento"])
def test_null_stays_null_and_not_null_columns_get_a_value(probe):
    # when
    _anonymize(probe)
    empty = dict(zip(["id", *NAMES], _rows(probe)[2]))
    # then
    assert [empty[name] for name in ("email", "phone", "street", "dob", "ip_text", "txn", "note")] == [None] * 7
    assert empty["name"] == "anonymiz" and empty["ip_int"] == 0 and empty["info"] is None and empty["gender"] == 0


def test_the_same_value_gets_the_same_pseudonym_within_a_run_and_another_under_a_new_key():
    # given
    column = Column("txn", "text", 100)
    # when
    first = strategy_value("pseudonym", value="S01-1", column=column, key=KEY)
    again = strategy_value("pseudonym", value="S01-1", column=column, key=KEY)
    other_run = strategy_value("pseudonym", value="S01-1", column=column, key="00" * 16)
    # then
    assert first == again != other_run


@pytest.mark.parametrize(
    ("strategy", "column", "message"),
    [
        ("null", Column("lastname", "text", 255, nullable=False), "NOT NULL"),
        ("email", Column("customer_email", "text", 20), "cannot hold"),
        ("pseudonym", Column("customer_id", "integer"), "writes text"),
        ("date", Column("lastname", "text", 255), "keeps the year"),
        ("placeholder", Column("customer_dob", "datetime"), "use date or null"),
        ("scramble", Column("lastname", "text", 255), "unknown strategy"),
        ("zero", Column("lastname", "text", 255), "number columns"),
        ("json_redact", Column("additional_information", "text"), "json_keys"),
    ],
)
def test_a_strategy_that_does_not_fit_its_column_is_refused_naming_the_column_and_the_fix(strategy, column, message):
    # when
    with pytest.raises(StrategyError) as error:
        strategy_sql(strategy, vendor="sqlite", target=Target(column=column, ref=column.name, seed="id", namespace="t"), key=KEY)
    # then
    assert message in str(error.value) and column.name in str(error.value)
