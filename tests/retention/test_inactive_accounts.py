"""The optional inactive-accounts policy: warn by e-mail first, close the accounts still unused after the notice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connections

from privacy.audit.actors import Actor
from retention.models import InactivityNotice
from retention.services import retention_policy_run
from tests.retention.conftest import SEEDED_AT
from tests.retention.snapshots import changed_rows, deleted_rows, shop_snapshot

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
LATER = SEEDED_AT + timedelta(days=31)


def _text(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def inactive_customers(snapshot, *, since) -> set[int]:
    limit = _text(since)
    active = {row["customer_id"] for row in snapshot["customer_log"].values()
              if max(row["last_login_at"] or "", row["last_logout_at"] or "") >= limit}
    active |= {row["customer_id"] for row in snapshot["sales_order"].values() if row["created_at"] >= limit}
    return {
        key[0] for key, row in snapshot["customer_entity"].items()
        if row["created_at"] < limit and (row["updated_at"] or "") < limit and key[0] not in active
    }


def _run(policy, now):
    return retention_policy_run(policy=policy, actor=Actor.system("tests"), now=now, batch_size=9)


@pytest.fixture
def inactive_policy(policy):
    closing = policy("inactive-accounts-close")
    closing.enabled = True
    closing.save(update_fields=["enabled"])
    return closing


def test_inactive_accounts_are_warned_by_e_mail_once_and_nothing_in_the_shop_changes(shop, inactive_policy):
    # given
    before = shop_snapshot()
    expected = inactive_customers(before, since=SEEDED_AT - timedelta(days=1095))
    # when
    _run(inactive_policy, SEEDED_AT)
    _run(inactive_policy, SEEDED_AT + timedelta(days=1))
    # then
    assert expected and set(InactivityNotice.objects.values_list("customer_id", flat=True)) == expected
    assert len(mail.outbox) == len(expected)
    assert {message.to[0] for message in mail.outbox} == {before["customer_entity"][(c,)]["email"] for c in expected}
    assert shop_snapshot() == before


def test_accounts_still_unused_after_the_notice_are_closed_and_a_returning_customer_keeps_hers(shop, inactive_policy):
    # given
    _run(inactive_policy, SEEDED_AT)
    warned = set(InactivityNotice.objects.values_list("customer_id", flat=True))
    returning = min(warned)
    with connections["magento"].cursor() as cursor:
        cursor.execute("DELETE FROM customer_log WHERE customer_id = %s", [returning])
        cursor.execute(
            "INSERT INTO customer_log (customer_id, last_login_at) VALUES (%s, %s)", [returning, _text(SEEDED_AT + timedelta(days=5))]
        )
    before = shop_snapshot()
    closed = warned - {returning}
    # when
    _run(inactive_policy, LATER)
    # then
    after = shop_snapshot()
    assert not {(customer,) for customer in closed} & set(after["customer_entity"])
    assert (returning,) in after["customer_entity"]
    assert not [row for row in after["customer_address_entity"].values() if row["parent_id"] in closed]
    orders = [key for key, row in before["sales_order"].items() if row["customer_id"] in closed]
    assert orders and all(after["sales_order"][key]["customer_id"] is None for key in orders)
    assert changed_rows(before, after)["sales_order"] == {key: {"customer_id"} for key in orders}
    assert set(deleted_rows(before, after)) >= {"customer_entity", "customer_address_entity", "customer_grid_flat"}
    assert set(InactivityNotice.objects.exclude(closed_at=None).values_list("customer_id", flat=True)) == closed
    assert not InactivityNotice.objects.filter(customer_id=returning).exists()


def test_the_inactive_accounts_policy_is_off_by_default(policy):
    # then
    assert policy("inactive-accounts-close").enabled is False
