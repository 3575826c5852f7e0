"""Preferences written into the shop: the opt-out flag on every account of an address, the end of its newsletters."""

import pytest
from django.utils import timezone

from privacy.sources.magento import preferences
from privacy.sources.magento.models import CustomerEntityInt, EavAttribute, NewsletterSubscriber
from privacy.sources.magento.preferences import customer_flag_set, newsletter_unsubscribe

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


@pytest.fixture
def flag_attribute(seeded_magento):
    return EavAttribute.objects.create(entity_type_id=1, attribute_code="privacy_do_not_sell", backend_type="int",
                                       frontend_input="boolean")


def flags(attribute) -> dict[int, int]:
    return dict(CustomerEntityInt.objects.filter(attribute=attribute).values_list("entity_id", "value"))


def test_the_flag_is_set_on_every_account_of_the_address_on_every_website(seeded_magento, flag_attribute):
    # given the address with an account on each website, written in another case
    email = seeded_magento.hard_cases.shared_email.upper()

    outcome = customer_flag_set(emails=[email], attribute_code="privacy_do_not_sell")

    assert (outcome.accounts, outcome.written, outcome.problem) == (2, 2, "")
    assert flags(flag_attribute) == dict.fromkeys(seeded_magento.hard_cases.shared_email_customer_ids, 1)


def test_setting_the_flag_again_writes_nothing_and_a_zero_becomes_one(seeded_magento, flag_attribute):
    account = seeded_magento.customers[0]
    CustomerEntityInt.objects.create(attribute=flag_attribute, entity_id=account["entity_id"], value=0)

    first = customer_flag_set(emails=[account["email"]], attribute_code="privacy_do_not_sell")
    second = customer_flag_set(emails=[account["email"]], attribute_code="privacy_do_not_sell")

    assert (first.written, second.written) == (1, 0)
    assert flags(flag_attribute) == {account["entity_id"]: 1}


def test_many_addresses_are_matched_in_one_pass_over_the_accounts(seeded_magento, flag_attribute, monkeypatch):
    monkeypatch.setattr(preferences, "SCAN_ABOVE", 1)
    emails = [row["email"] for row in seeded_magento.customers[:5]] + ["nobody@example.com"]

    outcome = customer_flag_set(emails=emails, attribute_code="privacy_do_not_sell")

    assert outcome.accounts == len({row["entity_id"] for row in seeded_magento.customers[:5]})


@pytest.mark.parametrize(("create", "expected"), [
    (False, "has no customer attribute 'privacy_do_not_sell'"),
    (True, "is stored as varchar, not int"),
])
def test_a_missing_or_unfit_attribute_is_reported_and_nothing_is_written(seeded_magento, create, expected):
    if create:
        EavAttribute.objects.create(entity_type_id=1, attribute_code="privacy_do_not_sell", backend_type="varchar")
    before = CustomerEntityInt.objects.count()

    outcome = customer_flag_set(emails=[seeded_magento.customers[0]["email"]], attribute_code="privacy_do_not_sell")

    assert expected in outcome.problem and outcome.written == 0
    assert CustomerEntityInt.objects.count() == before


def test_every_subscription_of_the_person_ends_in_every_store_view(seeded_magento):
    # given a customer subscribed in two store views, and the same address subscribed as a guest in a third
    account = seeded_magento.customers[3]
    now = timezone.now()
    planted = [NewsletterSubscriber.objects.create(store_id=store_id, customer_id=customer_id, subscriber_status=1,
                                                   subscriber_email=email, change_status_at=now).pk
               for store_id, customer_id, email in ((1, account["entity_id"], account["email"]),
                                                     (2, account["entity_id"], account["email"]),
                                                     (3, 0, f" {account['email'].upper()}"))]

    # when the person objects to marketing
    outcome = newsletter_unsubscribe(emails=[account["email"]], customer_ids=[account["entity_id"]], now=now)

    # then each subscription is ended, the store views are named, and a second run finds nothing to do
    assert set(NewsletterSubscriber.objects.filter(pk__in=planted).values_list("subscriber_status", flat=True)) == {3}
    assert {1, 2, 3} <= set(outcome.store_ids) and outcome.unsubscribed >= 3
    assert newsletter_unsubscribe(emails=[account["email"]], customer_ids=[account["entity_id"]], now=now).unsubscribed == 0
