"""A customer has their data erased: form, e-mailed link with order proof, an officer approves the erasure
in the admin after reading its preview, Amazon Pay permissions close, the receipt arrives."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import connections
from django.utils import timezone

from privacy.sources.amazon_pay.simulator.magento import simulator_state_from_magento
from privacy.sources.discovery import subject_identify
from privacy.sources.erasure.execute import erasure_plan_prepare
from requests_app.models import PrivacyRequest
from requests_app.states import State
from tests.flows.conftest import ShopCustomer, request_form_fill, shop_customer_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "magento"]),
]


@pytest.fixture
def amazon_pay_customer(seeded_shop, amazon_pay_settings) -> tuple[ShopCustomer, int]:
    """A customer who paid with Amazon Pay, every order finished, whom the simulator knows; with their open permissions."""
    recent = (timezone.now() - timedelta(days=40)).strftime("%Y-%m-%d %H:%M:%S")
    for customer_id in _amazon_pay_customers():
        with connections["magento"].cursor() as cursor:
            cursor.execute("UPDATE sales_order SET created_at = %s, state = 'complete' WHERE customer_id = %s",
                           [recent, customer_id])
        plan = erasure_plan_prepare(identity={"customer_id": customer_id})
        if plan.charge_permissions and not plan.blocked:
            amazon_pay_settings.state = simulator_state_from_magento()
            return shop_customer_of(customer_id=customer_id), len(plan.charge_permissions)
    raise LookupError("the seeded shop has no Amazon Pay customer whose erasure is not blocked")


def _amazon_pay_customers() -> list[int]:
    with connections["magento"].cursor() as cursor:
        cursor.execute(
            "SELECT o.customer_id FROM sales_order o JOIN sales_order_payment p ON p.parent_id = o.entity_id "
            "WHERE p.method = 'amazon_payment_v2' AND o.customer_id IS NOT NULL AND p.additional_information LIKE %s "
            "GROUP BY o.customer_id ORDER BY COUNT(*) DESC, o.customer_id",
            ["%charge_permission_id%"],
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_customer_deletion_goes_through_officer_approval_to_the_erasure_receipt(
    page, staff_page, screens, mailbox, staff_login, amazon_pay_customer, amazon_pay_settings
):
    customer, open_permissions = amazon_pay_customer

    # given a customer who asks for deletion, proving one of their orders
    page.goto("/")
    screens.capture("request-form")
    request_form_fill(page, customer, kind="Deletion of my data")
    page.get_by_role("button", name="Send request").click()
    screens.capture("check-inbox")

    # when they confirm through the e-mailed link
    page.goto(mailbox.link(to=customer.email, containing="/requests/verify/"))
    screens.capture("verify")
    page.get_by_role("button", name="Confirm my request").click()
    screens.capture("verified")
    privacy_request = PrivacyRequest.objects.get()
    assert privacy_request.state == State.IN_REVIEW

    # and a privacy officer reads the erasure preview and approves
    staff_login("olivia", "Privacy officer", on=staff_page)
    screens.capture("admin-index", page=staff_page)
    staff_page.goto(f"/admin/requests_app/privacyrequest/?{urlencode({'q': customer.email})}")
    screens.capture("queue-search", page=staff_page)
    staff_page.get_by_role("link", name=f"#{privacy_request.pk}").click()
    screens.capture("request-page-with-erasure-preview", page=staff_page)
    preview = staff_page.locator("#erasure")
    assert "Dry run of what approval will do" in preview.inner_text()
    assert f"Amazon Pay: {open_permissions} charge permission" in preview.inner_text()
    staff_page.locator("#action-approve").get_by_role("button", name="Approve and fulfil").click()
    screens.capture("request-erased", page=staff_page)

    # then the request is complete, the shop no longer knows the customer, Amazon Pay closed the permissions
    assert PrivacyRequest.objects.get().state == State.COMPLETED
    assert "Completed" in staff_page.locator("#erasure").inner_text()
    assert not subject_identify(email=customer.email).found
    closes = [call for call in amazon_pay_settings.calls if call.operation == "charge_permission_close"]
    assert len(closes) == open_permissions

    # and the customer holds a receipt saying what was erased and what the law keeps
    receipt = mailbox.titled(to=customer.email, subject="Your erasure receipt")
    assert "Deleted:" in receipt.body and "Kept because the law requires it" in receipt.body
    page.goto(mailbox.link(to=customer.email, containing="/requests/status/"))
    screens.capture("status-completed")
    assert "Completed" in page.locator(".facts").inner_text()
