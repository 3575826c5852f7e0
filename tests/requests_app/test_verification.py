"""Verification: single-use e-mailed links, expiry, one reminder, closure after 7 days, the order factor."""

import pytest
from django.core import mail

from privacy.audit.models import AuditEvent
from requests_app.errors import SecondFactorRequired, VerificationFailed
from requests_app.models import VerificationToken
from requests_app.selectors import privacy_request_text
from requests_app.services import (
    privacy_request_verify_by_staff, privacy_request_verify_by_token, unverified_requests_close,
    verification_link_check, verification_reminders_send,
)
from tests.requests_app.helpers import (
    CUSTOMER_EMAIL, LINK, OPERATOR, later, mails_to, reload, shop_order, staff_user, submit, verify_token_sent_to,
)

pytestmark = pytest.mark.django_db
with_shop = pytest.mark.django_db(databases=["default", "magento"])


@pytest.fixture
def awaiting(django_capture_on_commit_callbacks):
    """An export request (no second factor configured for it here) whose link was e-mailed."""

    def make(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            privacy_request = submit(**({"kind": "correction"} | overrides))
        return reload(privacy_request), verify_token_sent_to(overrides.get("email", CUSTOMER_EMAIL))

    return make


def test_the_link_is_stored_only_as_a_hash(awaiting):
    privacy_request, token = awaiting()
    secret = token.split(".", 1)[1]
    row = VerificationToken.objects.get(request=privacy_request)
    assert secret not in row.token_hash and len(row.token_hash) == 64


def test_the_link_confirms_the_request_once_and_then_refuses(awaiting):
    # given an e-mailed link
    privacy_request, token = awaiting()

    # when the requester follows it
    privacy_request_verify_by_token(token=token)

    # then the request is verified, and the same link no longer works
    privacy_request = reload(privacy_request)
    assert (privacy_request.state, privacy_request.verification_method) == ("verified", "email_link")
    with pytest.raises(VerificationFailed, match="no longer needs confirming|already used"):
        privacy_request_verify_by_token(token=token)


def test_a_link_older_than_24_hours_is_refused(awaiting):
    privacy_request, token = awaiting()
    with pytest.raises(VerificationFailed, match="expired"):
        privacy_request_verify_by_token(token=token, now=later(hours=24.01))
    assert reload(privacy_request).state == "awaiting_verification"


@pytest.mark.parametrize("bad", ["", "garbage", "1.", ".abc", "999999.abc", "1.wrong-secret"])
def test_malformed_or_guessed_links_are_refused_with_one_message(awaiting, bad):
    awaiting()
    with pytest.raises(VerificationFailed, match="This link is not valid"):
        privacy_request_verify_by_token(token=bad)


def test_one_reminder_with_a_fresh_link_goes_out_after_the_first_link_expired(awaiting, django_capture_on_commit_callbacks):
    # given a request whose link was sent
    privacy_request, first_token = awaiting()

    # when the reminder job runs before and after 24 hours, and again later
    with django_capture_on_commit_callbacks(execute=True):
        early = verification_reminders_send(now=later(hours=23))
        due = verification_reminders_send(now=later(hours=25))
        again = verification_reminders_send(now=later(hours=48))

    # then exactly one reminder went out, with a new link that works
    assert (early, due, again) == (0, 1, 0)
    reminder = mails_to(CUSTOMER_EMAIL)[-1]
    assert reminder.subject == "Reminder: please confirm your privacy request"
    fresh = verify_token_sent_to(CUSTOMER_EMAIL)
    assert fresh != first_token
    privacy_request_verify_by_token(token=fresh)
    assert reload(privacy_request).state == "verified"


def test_requests_unconfirmed_for_7_days_are_closed_as_unverified(awaiting):
    privacy_request, token = awaiting()
    assert unverified_requests_close(now=later(days=6.9)) == 0
    assert unverified_requests_close(now=later(days=7.01)) == 1
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "closed_unverified" and privacy_request.closed_at is not None
    assert AuditEvent.objects.filter(target_id=str(privacy_request.pk), action="request.closed_unverified").exists()
    with pytest.raises(VerificationFailed):
        privacy_request_verify_by_token(token=token)


def test_staff_can_verify_a_request_by_hand(awaiting):
    privacy_request, _ = awaiting()
    agent = staff_user("alex", "Agent")
    privacy_request_verify_by_staff(privacy_request=privacy_request, by=agent)
    assert reload(privacy_request).verification_method == "staff"


@with_shop
def test_deletion_needs_the_order_number_and_billing_postcode_besides_the_link(awaiting, magento_schema):
    # given a customer with an order, and their deletion request's link
    shop_order(email="ADA@example.com", increment_id="100000042", postcode="SW1A 1AA")
    privacy_request, token = awaiting(kind="deletion")

    # when the link is followed without the order details, the landing page must ask for them
    assert verification_link_check(token=token).needs_second_factor
    with pytest.raises(SecondFactorRequired):
        privacy_request_verify_by_token(token=token)

    # and with them (postcode spacing and case do not matter) the request is verified
    privacy_request_verify_by_token(token=token, order_number="100000042", postcode="sw1a1aa")
    assert reload(privacy_request).verification_method == "email_link_and_order"


@with_shop
def test_order_details_given_on_the_form_are_checked_when_the_link_is_followed_then_forgotten(awaiting, magento_schema):
    shop_order(email=CUSTOMER_EMAIL, increment_id="100000042", postcode="10115")
    privacy_request, token = awaiting(kind="deletion", order_number="100000042", postcode="10115")
    assert not verification_link_check(token=token).needs_second_factor
    privacy_request_verify_by_token(token=token)
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "verified" and privacy_request.factor_sealed == ""


@with_shop
def test_an_order_of_another_customer_does_not_verify(awaiting, magento_schema):
    shop_order(email="someone.else@example.com", increment_id="100000042", postcode="10115")
    privacy_request, token = awaiting(kind="deletion")
    with pytest.raises(VerificationFailed, match="do not match"):
        privacy_request_verify_by_token(token=token, order_number="100000042", postcode="10115")
    assert reload(privacy_request).state == "awaiting_verification"


@with_shop
def test_five_wrong_order_details_block_the_link_and_hand_the_request_to_staff(awaiting, magento_schema, settings):
    # given a deletion request's link and a limit of 5 attempts
    settings.PRIVACY_VERIFICATION_MAX_ATTEMPTS = 5
    shop_order(email=CUSTOMER_EMAIL, increment_id="100000042", postcode="10115")
    privacy_request, token = awaiting(kind="deletion")

    # when someone guesses wrong five times
    for guess in range(5):
        with pytest.raises(VerificationFailed):
            privacy_request_verify_by_token(token=token, order_number="100000042", postcode=f"9999{guess}")

    # then even the right answer is refused, and staff see why the request needs attention
    with pytest.raises(VerificationFailed, match="blocked"):
        privacy_request_verify_by_token(token=token, order_number="100000042", postcode="10115")
    privacy_request = reload(privacy_request)
    assert privacy_request.state == "needs_attention"
    reason = privacy_request_text(privacy_request=privacy_request, field="attention", value=privacy_request.attention_reason_sealed)
    assert "blocked after 5 wrong" in reason
    assert VerificationToken.objects.get(request=privacy_request).failed_attempts == 5


@with_shop
def test_a_customer_and_a_stranger_receive_the_same_answer_and_the_same_email(django_capture_on_commit_callbacks, magento_schema):
    # given one address that belongs to a customer and one that does not
    shop_order(email="customer@example.com", increment_id="100000001", postcode="10115")

    # when both submit the same request
    with django_capture_on_commit_callbacks(execute=True):
        known = submit(email="customer@example.com", kind="deletion")
        unknown = submit(email="stranger@example.com", kind="deletion")

    # then the requests look alike and so do the e-mails, apart from the link and the request number
    assert (known.state, known.due_date) == (unknown.state, unknown.due_date)
    known_mail, unknown_mail = mails_to("customer@example.com")[0], mails_to("stranger@example.com")[0]
    assert known_mail.subject == unknown_mail.subject

    def normalised(message, privacy_request):
        without_links = LINK.sub("<link>", message.body)
        return without_links.replace(f"request {privacy_request.pk} ", "request <n> ")

    assert normalised(known_mail, known) == normalised(unknown_mail, unknown)
    assert len(mail.outbox) == 2


def test_an_agent_request_records_that_the_consumer_confirmed_directly(django_capture_on_commit_callbacks):
    from requests_app.services import AgentSubmission

    agent = AgentSubmission(name="Agent", email="agent@example.org", document=b"signed", document_name="p.pdf",
                            content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request = submit(kind="correction", agent=agent)
    privacy_request_verify_by_token(token=verify_token_sent_to(CUSTOMER_EMAIL))
    assert reload(privacy_request).agent.consumer_confirmed_at is not None


def test_an_operator_may_verify_but_a_customer_actor_may_not_use_staff_verification(awaiting):
    from django.core.exceptions import PermissionDenied

    from privacy.audit.actors import Actor

    privacy_request, _ = awaiting()
    with pytest.raises(PermissionDenied):
        privacy_request_verify_by_staff(privacy_request=privacy_request, by=Actor.customer("status:1"))
    privacy_request_verify_by_staff(privacy_request=privacy_request, by=OPERATOR)
