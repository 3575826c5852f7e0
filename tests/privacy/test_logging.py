"""No personal data in logs: the representative flows run with every logger at DEBUG, and every captured
record (message, arguments, traceback) is scanned for the seeded subject's identifiers.

The tests run with settings.DEBUG off, as production does, so Django's SQL logger stays silent there too.
"""

import logging
import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import connections
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from requests_app.models import PrivacyRequest
from requests_app.services import privacy_request_approve
from retention.models import RetentionPolicy
from retention.services import retention_policy_run
from tests.requests_app.helpers import (
    OPERATOR,
    mails_to,
    reload,
    submit,
    token_from_mail,
    verify_token_sent_to,
)
from tests.sources.erasure.helpers import person
from tests.sources.erasure.test_amazon import amazon_subject  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
# The simulator stands in for Amazon, who knows the buyer already: its own records are not the service's logs.
OUTSIDE = ("privacy.sources.amazon_pay.simulator",)


@pytest.fixture
def every_record(caplog):
    """Capture every logger at DEBUG, including those that do not propagate to the root logger.

    Only the loggers the settings pin to a level of their own keep it (LOG_LEVEL=DEBUG would not lower them).
    """
    caplog.set_level(logging.DEBUG)
    detached = []
    pinned = set(settings.LOGGING.get("loggers", {}))
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and name not in pinned:
            caplog.set_level(logging.DEBUG, logger=name)
            if not logger.propagate:
                logger.addHandler(caplog.handler)
                detached.append(logger)
    yield caplog
    for logger in detached:
        logger.removeHandler(caplog.handler)


def _identifiers(customer_id: int) -> set[str]:
    """The subject's email, names, phones, street lines, billing postcodes and Amazon buyer id, from the shop."""
    who = person(customer_id)
    with connections["magento"].cursor() as cursor:
        cursor.execute(
            "SELECT postcode FROM sales_order_address WHERE customer_id = %s",
            [customer_id],
        )
        postcodes = {row[0] for row in cursor.fetchall() if row[0]}
        cursor.execute(
            "SELECT amazon_id FROM amazon_customer WHERE customer_id = %s",
            [customer_id],
        )
        buyer_ids = {row[0] for row in cursor.fetchall()}
        if not buyer_ids:  # signed in with Amazon too, so the buyer id is one of the shop's identifiers
            buyer_ids = {"amzn1.account.LOGSCAN" + "7" * 21}
            cursor.execute(
                "INSERT INTO amazon_customer (customer_id, amazon_id) VALUES (%s, %s)",
                [customer_id, *buyer_ids],
            )
    assert buyer_ids and postcodes and who.phones and who.streets, (
        "the subject must have every kind of identifier"
    )
    return {
        who.email,
        who.firstname,
        who.lastname,
        *who.phones,
        *who.streets,
        *postcodes,
        *buyer_ids,
    }


def _order_proof(customer_id: int) -> tuple[str, str]:
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT o.increment_id, a.postcode FROM sales_order o JOIN sales_order_address a ON a.parent_id = o.entity_id "
                       "WHERE o.customer_id = %s AND a.address_type = 'billing' ORDER BY o.entity_id", [customer_id])  # fmt: skip
        return cursor.fetchone()


def _record_text(record: logging.LogRecord) -> str:
    parts = [str(record.msg), repr(record.args), record.exc_text or ""]
    try:
        parts.append(record.getMessage())
    except (TypeError, ValueError):
        pass
    if record.exc_info and record.exc_info[1] is not None:
        parts.append(repr(record.exc_info[1]))
    return "\n".join(parts)


def _leaks(records, identifiers: set[str]) -> list[str]:
    patterns = {
        value: re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE)
        for value in identifiers
    }
    return [f"{record.name}: {value!r} in {record.getMessage()[:200]!r}"
            for record in records if not record.name.startswith(OUTSIDE)
            for value, pattern in patterns.items() if pattern.search(_record_text(record))]  # fmt: skip


def test_no_identifier_of_the_subject_reaches_any_log_record_through_intake_fulfilment_erasure_and_retention(
    amazon_subject,
    every_record,
    client,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    # given a seeded customer who paid with Amazon Pay, and every identifier the shop holds about them
    customer_id, _ = amazon_subject
    who = person(customer_id)
    identifiers = _identifiers(customer_id)
    order_number, postcode = _order_proof(customer_id)
    name = f"{who.firstname} {who.lastname}"

    # when they submit through the API and the form, confirm with order proof, and get their export
    api = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        answer = api.post("/api/v1/requests/", {"kind": "export", "email": who.email, "jurisdiction": "gdpr", "name": name},
                          format="json", REMOTE_ADDR="10.0.0.1")  # fmt: skip
    assert answer.status_code == 202
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = api.post("/api/v1/requests/verify/", {"token": verify_token_sent_to(who.email), "order_number": order_number,
                                                          "postcode": postcode}, format="json")  # fmt: skip
    assert confirmed.status_code == 200, confirmed.content
    with django_capture_on_commit_callbacks(execute=True):
        form = client.post(reverse("selfservice:request-form"), {"kind": "access", "jurisdiction": "gdpr", "email": who.email, "name": name,
                                                                   "order_number": order_number, "postcode": postcode},
                           REMOTE_ADDR="10.0.0.2")  # fmt: skip
    assert form.status_code == 302
    export = PrivacyRequest.objects.get(kind="export")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_approve(privacy_request=export, by=OPERATOR)
    assert reload(export).state == "completed"
    assert (
        api.get(
            f"/api/v1/requests/download/{token_from_mail(mails_to(who.email)[-1], '/download/')}/"
        ).status_code
        == 200
    )

    # and the retention policies run over the shop, then the subject is erased through a deletion request
    for policy in RetentionPolicy.objects.filter(enabled=True):
        retention_policy_run(policy=policy, actor=OPERATOR, now=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        deletion = submit(
            kind="deletion",
            email=who.email,
            channel="email",
            verified=True,
            by=OPERATOR,
            name=name,
        )
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_approve(privacy_request=reload(deletion), by=OPERATOR)
    assert reload(deletion).state == "completed"

    # then plenty was logged, from the project's own loggers too, and none of it names the subject
    records = every_record.records
    assert mail.outbox and "requests_app" in {
        record.name.split(".")[0] for record in records
    }
    assert _leaks(records, identifiers) == []
