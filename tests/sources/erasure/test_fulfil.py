"""Erasure as the fulfilment of an approved deletion request: completion, receipt, blocks, the stored proof."""

import pytest
from django.db import connections

from privacy import keys
from privacy.audit.models import AuditEvent
from privacy.audit.payloads import payload_decrypt
from privacy.sources.erasure.execute import erasure_scan_open
from privacy.sources.erasure.models import ErasureRun, Problem, Step
from privacy.sources.erasure.tasks import retry_blocked_erasures_task
from requests_app.selectors import privacy_request_text
from requests_app.services import privacy_request_approve, privacy_request_retry
from tests.requests_app.helpers import OPERATOR, mails_to, reload, submit
from tests.sources.erasure.helpers import database_dump, erasable_customer, person

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


@pytest.fixture
def deletion(shop, django_capture_on_commit_callbacks):
    """A verified deletion request of an erasable customer, discovered and waiting in review."""

    def make(customer_id: int):
        with django_capture_on_commit_callbacks(execute=True):
            privacy_request = submit(kind="deletion", email=person(customer_id).email, channel="email", verified=True,
                                     by=OPERATOR, name="Ada")  # fmt: skip
        assert reload(privacy_request).state == "in_review"
        return reload(privacy_request)

    return make


def _approve(privacy_request, capture):
    with capture(execute=True):
        privacy_request_approve(privacy_request=privacy_request, by=OPERATOR)
    return reload(privacy_request)


def test_approving_a_deletion_erases_the_subject_completes_the_request_and_sends_the_receipt_as_its_one_email(
    deletion, django_capture_on_commit_callbacks
):
    # given a customer's deletion request in review
    customer_id = erasable_customer(min_orders=2)
    email = person(customer_id).email
    privacy_request = deletion(customer_id)
    mails_before = len(mails_to(email))

    # when staff approve it
    privacy_request = _approve(privacy_request, django_capture_on_commit_callbacks)

    # then the request is completed, the account is gone, and the customer got one e-mail: the receipt, saying so
    assert privacy_request.state == "completed"
    with connections["magento"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM customer_entity WHERE entity_id = %s", [customer_id])
        assert cursor.fetchone()[0] == 0
    run = ErasureRun.objects.get(request=privacy_request)
    assert run.step == Step.COMPLETED and run.reference == privacy_request.scope
    [receipt_mail] = mails_to(email)[mails_before:]
    assert receipt_mail.subject == "Your erasure receipt" and "Your privacy request (Deletion of my data) is complete." in receipt_mail.body
    assert "Kept because the law requires it" in receipt_mail.body and "Order" in receipt_mail.body
    receipt = privacy_request_text(privacy_request=privacy_request, field="receipt", value=privacy_request.receipt_sealed)
    assert '"kept"' in receipt and email not in receipt
    # and the audit trail has one event per transaction: the shop transaction's with its counts and holds, and the
    # request's completion carrying the receipt
    events = {event.action: event for event in AuditEvent.objects.filter(target_id__in=(run.reference, str(privacy_request.pk)))}
    assert {"erasure.planned", "erasure.applied", "erasure.verified", "request.completed"} <= events.keys()
    assert not {"erasure.held", "erasure.completed"} & events.keys()
    applied = payload_decrypt(events["erasure.applied"]).details
    assert applied["counts"] and applied["holds"] == run.holds > 0 and applied["groups"]
    assert payload_decrypt(events["request.completed"]).details["receipt"] == run.receipt


def test_a_blocked_deletion_waits_in_needs_attention_and_the_customer_is_told_why(deletion, django_capture_on_commit_callbacks):
    # given a deletion request of a customer whose last order is still being shipped
    customer_id = erasable_customer()
    privacy_request = deletion(customer_id)
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'processing' WHERE entity_id = "
                       "(SELECT MAX(entity_id) FROM sales_order WHERE customer_id = %s)", [customer_id])  # fmt: skip
    before = database_dump()

    # when staff approve it
    privacy_request = _approve(privacy_request, django_capture_on_commit_callbacks)

    # then nothing was erased, staff see the reason, and the customer is told why it waits
    assert database_dump() == before
    assert privacy_request.state == "needs_attention"
    reason = privacy_request_text(privacy_request=privacy_request, field="attention", value=privacy_request.attention_reason_sealed)
    assert "1 open order(s)" in reason
    message = next(message for message in mails_to(person(customer_id).email) if message.subject == "We cannot erase your data yet")
    assert "orders that are not finished yet" in message.body


def test_a_retry_after_the_order_is_finished_completes_the_erasure(deletion, django_capture_on_commit_callbacks):
    # given a deletion parked because of an open order
    customer_id = erasable_customer()
    privacy_request = deletion(customer_id)
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'processing' WHERE customer_id = %s", [customer_id])
    privacy_request = _approve(privacy_request, django_capture_on_commit_callbacks)
    assert ErasureRun.objects.get(request=privacy_request).problem == Problem.BLOCKED

    # when the orders are completed and staff retry
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'complete' WHERE customer_id = %s", [customer_id])
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_retry(privacy_request=privacy_request, by=OPERATOR)

    # then the request completes
    assert reload(privacy_request).state == "completed"
    assert ErasureRun.objects.get(request=privacy_request).attempts == 2


def test_the_plan_and_the_scan_are_kept_encrypted_under_the_requests_own_key(deletion, django_capture_on_commit_callbacks):
    # given a completed deletion
    customer_id = erasable_customer()
    privacy_request = _approve(deletion(customer_id), django_capture_on_commit_callbacks)
    run = ErasureRun.objects.get(request=privacy_request)

    # when the request's data key is shredded (its record-keeping period ended)
    assert erasure_scan_open(run)["clean"]
    keys.data_key_shred(key=keys.data_key_for_scope(scope=privacy_request.scope))

    # then the stored scan can no longer be read
    with pytest.raises(keys.KeyShredded):
        erasure_scan_open(run)
    assert run.scan["clean"] and "residues" in run.scan  # the summary holds counts only


def test_the_daily_job_resumes_a_blocked_deletion_once_its_orders_are_finished(deletion, django_capture_on_commit_callbacks):
    # given a deletion parked because of an open order, and a second one still blocked
    waiting = erasable_customer()
    still_open = erasable_customer(exclude=(waiting,))
    first, second = deletion(waiting), deletion(still_open)
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'processing' WHERE customer_id IN (%s, %s)", [waiting, still_open])
    first, second = _approve(first, django_capture_on_commit_callbacks), _approve(second, django_capture_on_commit_callbacks)

    # when the first customer's orders are completed and the daily job runs
    with connections["magento"].cursor() as cursor:
        cursor.execute("UPDATE sales_order SET state = 'complete' WHERE customer_id = %s", [waiting])
    with django_capture_on_commit_callbacks(execute=True):
        retried = retry_blocked_erasures_task.delay().get()

    # then only the unblocked deletion was resumed, and it completed
    assert retried == 1
    assert (reload(first).state, reload(second).state) == ("completed", "needs_attention")
