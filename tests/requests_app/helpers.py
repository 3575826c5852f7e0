"""Plain helpers for the request-lifecycle tests: personas, submissions, links read from e-mails."""

import re
from datetime import datetime, timedelta

from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from privacy.audit.actors import Actor
from privacy.sources.magento.models import SalesOrder, SalesOrderAddress
from requests_app.models import PrivacyRequest
from requests_app.services import privacy_request_submit

OPERATOR = Actor.system("test operator")
CUSTOMER_EMAIL = "ada@example.com"
LINK = re.compile(r"https?://[^\s<>\"']+")


def staff_user(username: str, *groups: str, superuser: bool = False, is_staff: bool = True) -> User:
    user = User.objects.create_user(username=username, password="x" * 16, is_staff=is_staff, is_superuser=superuser)
    user.groups.set(Group.objects.filter(name__in=groups))
    return User.objects.get(pk=user.pk)  # fresh permission cache


def submit(**overrides) -> PrivacyRequest:
    values = {"kind": "access", "email": CUSTOMER_EMAIL, "jurisdiction": "gdpr", "channel": "web"} | overrides
    return privacy_request_submit(**values)


def reload(privacy_request: PrivacyRequest) -> PrivacyRequest:
    return PrivacyRequest.objects.get(pk=privacy_request.pk)


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def token_from_mail(message, path: str) -> str:
    """Return the token of the first link in message's text part whose path contains path."""
    for url in LINK.findall(message.body):
        if path in url:
            return url.rstrip("/").rsplit("/", 1)[-1]
    raise AssertionError(f"no {path} link in {message.subject!r}")


def verify_token_sent_to(address: str) -> str:
    return token_from_mail(mails_to(address)[-1], "/verify/")


def later(hours: float = 0, days: float = 0, *, since: datetime | None = None) -> datetime:
    return (since or timezone.now()) + timedelta(hours=hours, days=days)


def shop_order(*, email: str, increment_id: str, postcode: str) -> SalesOrder:
    """Put one order with a billing address into the test Magento database."""
    order = SalesOrder.objects.using("magento").create(
        increment_id=increment_id, customer_email=email, state="complete", status="complete"
    )
    SalesOrderAddress.objects.using("magento").create(parent=order, address_type="billing", postcode=postcode)
    return order


def erased_with_receipt(receipt_rows: dict, **overrides) -> PrivacyRequest:
    """A deletion request whose erasure left a receipt: what was deleted, anonymized and held (labels as stored)."""
    from requests_app import sealing

    privacy_request = submit(kind="deletion", **overrides)
    receipt = receipt_rows | {"amazon_pay": {"closed": 0}, "verified": True, "rows_checked": 12}
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(
        receipt_sealed=sealing.seal_json(privacy_request.pk, "receipt", receipt)
    )
    return privacy_request
