"""Each default purge and cart policy on the seeded shop: exactly the rows past their age go, nothing else moves."""

from datetime import timedelta

import pytest
from django.db import connections

from privacy.audit.actors import Actor
from retention.models import RunState
from retention.services import retention_policy_run
from tests.retention.conftest import SEEDED_AT
from tests.retention.snapshots import changed_rows, deleted_rows, shop_snapshot

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def _ago(days: int) -> str:
    return (SEEDED_AT - timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")


def _older(column: str, days: int):
    # The test shop's timestamps are UTC 'YYYY-MM-DD HH:MM:SS' texts, so text order is time order.
    return lambda row: row[column] is not None and row[column] < _ago(days)


def _last_login_older(days: int):
    return lambda row: all(row[column] is None or row[column] < _ago(days) for column in ("last_login_at", "last_logout_at"))


def _unix(days: int) -> int:
    return int((SEEDED_AT - timedelta(days=days)).timestamp())


# One row per table, built around its age column, to plant rows on both sides of a policy's age.
PLANTED = {
    "customer_visitor": lambda n, days: {"customer_id": None, "created_at": _ago(days), "last_visit_at": _ago(days)},
    "customer_log": lambda n, days: {"customer_id": 900000 + n, "last_login_at": _ago(days), "last_logout_at": None},
    "report_event": lambda n, days: {
        "logged_at": _ago(days), "event_type_id": 1, "object_id": 1, "subject_id": n, "subtype": 1, "store_id": 1
    },
    "password_reset_request_event": lambda n, days: {
        "request_type": 0, "account_reference": f"planted{n}@example.com", "created_at": _ago(days), "ip": "192.0.2.1"
    },
    "sendfriend_log": lambda n, days: {"ip": 3221225985, "time": _unix(days), "website_id": 1},
    "magento_login_as_customer_log": lambda n, days: {
        "time": _ago(days), "user_id": 1, "user_name": "staff", "customer_id": n, "customer_email": f"p{n}@example.com"
    },
}


def _plant(table: str, *, days: int, n: int) -> None:
    row = PLANTED[table](n, days)
    quote = connections["magento"].ops.quote_name
    with connections["magento"].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in row)}) VALUES ({', '.join(['%s'] * len(row))})",
            list(row.values()),
        )


PURGES = [
    ("visitor-sessions-purge", "customer_visitor", _older("last_visit_at", 90)),
    ("last-logins-purge", "customer_log", _last_login_older(1095)),
    ("report-events-purge", "report_event", _older("logged_at", 180)),
    ("password-reset-requests-purge", "password_reset_request_event", _older("created_at", 90)),
    ("send-to-friend-log-purge", "sendfriend_log", lambda row: row["time"] < _unix(1)),
    ("login-as-customer-log-purge", "magento_login_as_customer_log", _older("time", 365)),
]


def _run(policy, **options):
    return retention_policy_run(policy=policy, actor=Actor.system("tests"), now=SEEDED_AT, batch_size=7, **options)


@pytest.mark.parametrize(("name", "table", "past_age"), PURGES, ids=[entry[0] for entry in PURGES])
def test_a_purge_policy_deletes_exactly_the_log_rows_past_its_age(shop, policy, name, table, past_age):
    # given
    days = policy(name).age_days
    _plant(table, days=days + 1, n=1)
    _plant(table, days=days - 1, n=2)
    before = shop_snapshot()
    expected = {key for key, row in before[table].items() if past_age(row)}
    # when
    run = _run(policy(name))
    # then
    after = shop_snapshot()
    assert run.state == RunState.COMPLETED
    assert deleted_rows(before, after) == {table: expected} and len(after[table]) >= 1
    assert changed_rows(before, after, ignore=()) == {}
    assert run.tables[table]["changed"] == len(expected)


def _age_quotes(*, guests: bool, days: int) -> set[int]:
    """Make every other guest (or customer) cart untouched for `days` days; return their ids."""
    who = "(customer_id IS NULL OR customer_id = 0)" if guests else "customer_id > 0"
    with connections["magento"].cursor() as cursor:
        cursor.execute(f"SELECT entity_id FROM quote WHERE {who} ORDER BY entity_id")
        aged = {row[0] for row in cursor.fetchall()[::2]}
        cursor.execute(f"UPDATE quote SET updated_at = %s WHERE entity_id IN ({', '.join(map(str, aged))})", [_ago(days)])
    return aged


def _cart_rows(snapshot, quotes: set[int]) -> dict[str, set[tuple]]:
    rows = {"quote": {(quote,) for quote in quotes}}
    for table in ("quote_address", "quote_item", "quote_payment", "quote_id_mask"):
        rows[table] = {key for key, row in snapshot[table].items() if row["quote_id"] in quotes}
    return {table: keys for table, keys in rows.items() if keys}


@pytest.mark.parametrize(
    ("name", "guests", "days"), [("guest-carts-delete", True, 91), ("customer-carts-delete", False, 366)]
)
def test_a_cart_policy_deletes_its_abandoned_carts_with_their_addresses_items_and_payments(shop, policy, name, guests, days):
    # given
    aged = _age_quotes(guests=guests, days=days)
    _age_quotes(guests=not guests, days=days)  # the other kind of cart must stay whatever its age
    before = shop_snapshot()
    # when
    run = _run(policy(name))
    # then
    after = shop_snapshot()
    assert run.state == RunState.COMPLETED and aged
    assert deleted_rows(before, after) == _cart_rows(before, aged)
    assert changed_rows(before, after, ignore=()) == {}


def test_a_cart_younger_than_the_policy_age_stays(shop, policy):
    # given
    _age_quotes(guests=True, days=89)
    before = shop_snapshot()
    # when
    _run(policy("guest-carts-delete"))
    # then
    assert shop_snapshot() == before
