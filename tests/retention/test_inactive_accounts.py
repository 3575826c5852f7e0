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


def _store_code_by_email() -> dict[str, str | None]:
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT email, store.code FROM customer_entity LEFT JOIN store ON store.store_id = customer_entity.store_id")
        return dict(cursor.fetchall())


def _warnings_by_store() -> dict[str | None, list]:
    store_of = _store_code_by_email()
    by_store: dict[str | None, list] = {}
    for message in mail.outbox:
        by_store.setdefault(store_of[message.to[0]], []).append(message)
    return by_store


def test_a_customer_of_a_store_view_mapped_to_german_is_warned_in_german_and_one_of_a_store_not_mapped_in_english(
    shop, inactive_policy, settings
):
    # given the German and French store views mapped to their languages, the others not
    settings.PRIVACY_STORE_LANGUAGES = {"de": "de", "fr": "fr"}
    shop_name = settings.PRIVACY_SHOP_NAME
    # when
    _run(inactive_policy, SEEDED_AT)
    # then
    by_store = _warnings_by_store()
    german, french = by_store.pop("de"), by_store.pop("fr")
    unmapped = [message for messages in by_store.values() for message in messages]
    assert german and french and unmapped
    assert {message.subject for message in german} == {"Ihr Kundenkonto wird geschlossen"}
    assert all(f"Sie haben Ihr Kundenkonto bei {shop_name} seit 3 Jahren nicht genutzt" in m.body for m in german)
    assert all("15. Juli 2026" in message.body for message in german)  # SEEDED_AT and the policy's 30 days' notice
    assert {message.subject for message in french} == {"Votre compte client va être fermé"}
    assert all(f"Vous n'avez pas utilisé votre compte client chez {shop_name}" in m.body for m in french)
    assert all("à partir du 15 juillet 2026" in message.body for message in french)
    assert {message.subject for message in unmapped} == {"Your account will be closed"}
    assert all(f"you have not used your customer account at {shop_name} for 3 years" in m.body for m in unmapped)
    assert all("on or after July 15, 2026" in message.body for message in unmapped)


def test_without_a_store_mapping_every_warning_is_in_the_default_language(shop, inactive_policy, settings):
    # given no store view mapped (the default) and a German LANGUAGE_CODE
    settings.PRIVACY_STORE_LANGUAGES = {}
    settings.LANGUAGE_CODE = "de"
    # when
    _run(inactive_policy, SEEDED_AT)
    # then
    assert mail.outbox and {message.subject for message in mail.outbox} == {"Ihr Kundenkonto wird geschlossen"}


def test_the_inactive_accounts_policy_is_off_by_default(policy):
    # then
    assert policy("inactive-accounts-close").enabled is False
