"""Objection to direct marketing: confirmed by the e-mailed link, every subscription ended at once in every store
view, the addresses suppressed, and no path of this service subscribes them again."""

import pytest
from django.utils import timezone

from privacy.audit.models import AuditEvent
from privacy.crypto import email_index
from privacy.sources.magento.models import CustomerEntity, NewsletterSubscriber
from requests_app.rights.marketing import marketing_subscription_allowed, marketing_suppression_lift
from requests_app.rights.models import MarketingSuppression
from requests_app.services import privacy_request_verify_by_token
from tests.requests_app.helpers import OPERATOR, mails_to, reload, staff_user, submit, verify_token_sent_to
from tests.requests_app.rights.helpers import client_for

pytestmark = pytest.mark.django_db(databases=["default", "magento"])



def subscribed_everywhere(account: dict) -> list[int]:
    """Subscribe the customer in three store views and their address as a guest in a fourth; return the row ids."""
    now = timezone.now()
    rows = [(1, account["entity_id"], account["email"]), (2, account["entity_id"], account["email"]),
            (4, account["entity_id"], account["email"]), (5, 0, account["email"].upper())]
    return [NewsletterSubscriber.objects.create(store_id=store, customer_id=customer, subscriber_email=email,
                                                subscriber_status=1, change_status_at=now).pk
            for store, customer, email in rows]


def objection_confirmed(email: str, capture):
    with capture(execute=True):
        privacy_request = submit(kind="objection", email=email)
    assert reload(privacy_request).state == "awaiting_verification"  # nobody silences someone else's newsletter
    with capture(execute=True):
        privacy_request_verify_by_token(token=verify_token_sent_to(email))
    return reload(privacy_request)


def test_an_objection_ends_every_subscription_of_the_person_at_once_and_suppresses_the_address(
    seeded_magento, django_capture_on_commit_callbacks,
):
    # given a customer subscribed in several store views, also as a guest
    account = seeded_magento.customers[5]
    planted = subscribed_everywhere(account)

    # when they object to direct marketing and confirm by the e-mailed link
    privacy_request = objection_confirmed(account["email"], django_capture_on_commit_callbacks)

    # then the request completes without a review, every subscription is unsubscribed now
    assert privacy_request.state == "completed"
    rows = NewsletterSubscriber.objects.filter(pk__in=planted)
    assert set(rows.values_list("subscriber_status", flat=True)) == {3}
    assert all(abs((row.change_status_at - timezone.now()).total_seconds()) < 3600 for row in rows)
    # the address is suppressed (by its blind index), and when and how is in the audit trail
    suppression = MarketingSuppression.objects.get(email_index=email_index(account["email"]))
    assert suppression.request_id == privacy_request.pk and {1, 2, 4, 5} <= set(suppression.store_ids)
    stopped = AuditEvent.objects.get(target_id=str(privacy_request.pk), action="request.marketing_stopped")
    assert stopped.actor_kind == "system"
    assert not marketing_subscription_allowed(email=account["email"].upper())
    assert "every newsletter subscription" in mails_to(account["email"])[-1].body


def test_a_correction_that_moves_a_subscription_to_a_suppressed_address_ends_it(
    seeded_magento, django_capture_on_commit_callbacks,
):
    # given an address that objected, and another customer subscribed who corrects their e-mail to it
    objector = seeded_magento.customers[6]
    objection_confirmed(objector["email"], django_capture_on_commit_callbacks)
    account = seeded_magento.customers[7]
    row = NewsletterSubscriber.objects.create(store_id=1, customer_id=account["entity_id"], subscriber_status=1,
                                              subscriber_email=account["email"])
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="correction", email=account["email"], channel="phone", verified=True, by=OPERATOR,
                                 details={"corrections": {"email": f"{objector['email']}.moved"}})
    MarketingSuppression.objects.create(email_index=email_index(f"{objector['email']}.moved"), recorded_at=timezone.now())

    # when the correction is approved
    client = client_for(staff_user("olivia", "Privacy officer"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/api/v1/staff/requests/{privacy_request.pk}/approve/")

    # then the subscription follows the address, but ends: this service never subscribes a suppressed address
    row = NewsletterSubscriber.objects.get(pk=row.pk)
    assert (row.subscriber_email, row.subscriber_status) == (f"{objector['email']}.moved", 3)
    assert CustomerEntity.objects.get(pk=account["entity_id"]).email == f"{objector['email']}.moved"


def test_the_shop_integration_asks_whether_an_address_may_be_subscribed(seeded_magento, django_capture_on_commit_callbacks):
    objector = seeded_magento.customers[8]
    objection_confirmed(objector["email"], django_capture_on_commit_callbacks)
    integration = staff_user("shop-integration", "Agent")
    client = client_for(integration)

    refused = client.post("/api/v1/staff/marketing/check/", {"email": objector["email"]}, format="json").json()
    allowed = client.post("/api/v1/staff/marketing/check/", {"email": "fresh@example.com"}, format="json").json()
    anonymous = client_for().post("/api/v1/staff/marketing/check/", {"email": "fresh@example.com"}, format="json")

    assert refused["subscription_allowed"] is False and refused["suppressed_since"]
    assert allowed == {"subscription_allowed": True, "suppressed_since": None}
    assert anonymous.status_code in (401, 403)


def test_an_officer_lifts_a_suppression_with_a_reason_and_the_audit_keeps_it(seeded_magento):
    suppression = MarketingSuppression.objects.create(email_index=email_index("back@example.com"), recorded_at=timezone.now())
    pk = suppression.pk

    marketing_suppression_lift(suppression=suppression, reason="Asked in writing to receive the newsletter again.",
                               by=staff_user("olivia", "Privacy officer"))

    assert marketing_subscription_allowed(email="back@example.com")
    assert AuditEvent.objects.filter(action="marketing.suppression_lifted", target_id=str(pk)).exists()
