"""Closing the subject's Amazon Pay charge permissions through the simulator over real HTTP."""

from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from privacy.sources.amazon_pay.simulator import FaultRule
from privacy.sources.amazon_pay.simulator.magento import simulator_state_from_magento
from privacy.sources.erasure.execute import erasure_plan_prepare
from privacy.sources.erasure.models import ErasureRun, Problem, Step
from requests_app.selectors import privacy_request_text
from requests_app.services import privacy_request_approve, privacy_request_retry
from tests.requests_app.helpers import OPERATOR, reload, submit
from tests.sources.erasure.helpers import database_dump, person

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
CLOSE = "charge_permission_close"


@pytest.fixture
def amazon_subject(seeded_magento, amazon_pay_settings):
    """A customer who paid with Amazon Pay in the last months, all orders finished; the simulator knows the shop."""
    recent = (timezone.now() - timedelta(days=40)).strftime("%Y-%m-%d %H:%M:%S")
    for customer_id in _amazon_customers():
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET created_at = %s, state = 'complete' WHERE customer_id = %s", [recent, customer_id])
        plan = erasure_plan_prepare(identity={"customer_id": customer_id})
        if plan.charge_permissions and not plan.blocked:
            amazon_pay_settings.state = simulator_state_from_magento()
            return customer_id, plan.charge_permissions
    raise LookupError("no Amazon Pay customer without a pending Amazon Pay action in the seeded shop")


def _amazon_customers() -> list[int]:
    with connections["magento"].cursor() as cursor:
        cursor.execute(
            "SELECT o.customer_id FROM sales_order o JOIN sales_order_payment p ON p.parent_id = o.entity_id "
            "WHERE p.method = 'amazon_payment_v2' AND o.customer_id IS NOT NULL AND p.additional_information LIKE %s "
            "GROUP BY o.customer_id ORDER BY COUNT(*) DESC, o.customer_id",
            ["%charge_permission_id%"],
        )
        return [row[0] for row in cursor.fetchall()]


def _erase_by_request(customer_id, capture):
    with capture(execute=True):
        privacy_request = submit(kind="deletion", email=person(customer_id).email, channel="email", verified=True, by=OPERATOR)
    with capture(execute=True):
        privacy_request_approve(privacy_request=reload(privacy_request), by=OPERATOR)
    return reload(privacy_request)


def test_erasure_closes_every_open_charge_permission_with_an_idempotency_key(amazon_subject, amazon_pay_settings,
                                                                             django_capture_on_commit_callbacks):  # fmt: skip
    # given a customer with recent Amazon Pay orders
    customer_id, permissions = amazon_subject

    # when their deletion request is approved
    privacy_request = _erase_by_request(customer_id, django_capture_on_commit_callbacks)

    # then Amazon closed each permission once, each call carrying its own idempotency key
    simulator = amazon_pay_settings
    closes = simulator.calls_for(CLOSE)
    assert sorted(call.path.rsplit("/", 2)[-2] for call in closes) == sorted(permissions)
    assert len({call.idempotency_key for call in closes}) == len(permissions) and all(call.idempotency_key for call in closes)
    assert all(simulator.state.charge_permissions[permission].state == "Closed" for permission in permissions)
    assert privacy_request.state == "completed"
    assert ErasureRun.objects.get(request=privacy_request).amazon["closed"] == len(permissions)


def test_a_throttled_close_is_retried_and_the_erasure_completes(amazon_subject, amazon_pay_settings,
                                                                django_capture_on_commit_callbacks):  # fmt: skip
    # given an Amazon Pay that throttles the first close call
    customer_id, _ = amazon_subject
    amazon_pay_settings.faults.add(FaultRule("throttle", count=1, operation=CLOSE))

    # when the deletion is approved
    privacy_request = _erase_by_request(customer_id, django_capture_on_commit_callbacks)

    # then the client tried again with the same key and the request completed
    first, second = amazon_pay_settings.calls_for(CLOSE)[:2]
    assert (first.status, second.status) == (429, 200) and first.idempotency_key == second.idempotency_key
    assert privacy_request.state == "completed"


def test_an_outage_beyond_the_retry_budget_parks_the_request_untouched_and_a_retry_skips_what_was_closed(
    amazon_subject, amazon_pay_settings, django_capture_on_commit_callbacks
):
    # given an Amazon Pay that is down for the last of the subject's permissions
    customer_id, permissions = amazon_subject
    amazon_pay_settings.faults.add(FaultRule("unavailable", count=50, operation=CLOSE, reference=permissions[-1]))
    before = database_dump()

    # when the deletion is approved
    privacy_request = _erase_by_request(customer_id, django_capture_on_commit_callbacks)

    # then the request waits in needs_attention with the reason, and the shop is untouched
    assert privacy_request.state == "needs_attention"
    reason = privacy_request_text(privacy_request=privacy_request, field="attention", value=privacy_request.attention_reason_sealed)
    assert "Amazon Pay" in reason and "503" in reason and "retry" in reason
    assert database_dump() == before
    assert ErasureRun.objects.get(request=privacy_request).problem == Problem.AMAZON_PAY

    # when Amazon Pay answers again and staff retry
    amazon_pay_settings.faults.clear()
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_retry(privacy_request=privacy_request, by=OPERATOR)

    # then the erasure completes, closing each permission exactly once successfully
    assert reload(privacy_request).state == "completed"
    succeeded = [call.path for call in amazon_pay_settings.calls_for(CLOSE) if call.status == 200]
    assert len(succeeded) == len(set(succeeded)) == len(permissions)
    assert ErasureRun.objects.get(request=privacy_request).step == Step.COMPLETED


@pytest.mark.parametrize("cancel", [True, False])
def test_pending_charges_are_canceled_only_when_configured(amazon_subject, amazon_pay_settings, settings, cancel,
                                                           django_capture_on_commit_callbacks):  # fmt: skip
    # given a subject with an authorized, uncaptured charge on one of their permissions
    customer_id, permissions = amazon_subject
    settings.PRIVACY_AMAZON_CANCEL_PENDING_CHARGES = cancel
    charge = next(iter(c for c in amazon_pay_settings.state.charges.values() if c.charge_permission_id == permissions[0]))
    charge.state = "Authorized"

    # when the deletion is approved
    _erase_by_request(customer_id, django_capture_on_commit_callbacks)

    # then the charge was canceled exactly when the setting asks for it
    assert (charge.state == "Canceled") is cancel


def test_with_the_connector_off_the_erasure_records_that_it_asked_amazon_nothing_and_completes(
    amazon_subject, amazon_pay_settings, settings, django_capture_on_commit_callbacks
):
    # given a customer with recent Amazon Pay orders, and the Amazon Pay connector switched off
    customer_id, permissions = amazon_subject
    settings.AMAZON_PAY_ENABLED = False

    # when their deletion request is approved
    privacy_request = _erase_by_request(customer_id, django_capture_on_commit_callbacks)

    # then nothing was asked of Amazon, the run says why, and the request completed
    assert amazon_pay_settings.calls_for(CLOSE) == []
    assert ErasureRun.objects.get(request=privacy_request).amazon == {
        "to_close": len(permissions), "skipped": "connector disabled (AMAZON_PAY_ENABLED=0)", "closed": 0, "not_found": 0,
    }
    assert privacy_request.state == "completed"
