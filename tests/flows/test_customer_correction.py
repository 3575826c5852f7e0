"""A customer corrects their details: the form with a check per detail, the e-mailed link, the officer's page with the
shop's current value beside the requested one, approval into Magento, and the reply."""

import pytest

from privacy.sources.magento.models import CustomerEntity, CustomerGridFlat
from privacy.sources.magento.router import MAGENTO_ALIAS
from requests_app.models import PrivacyRequest
from requests_app.states import State

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "magento"]),
]


def test_a_customer_corrects_their_name_and_street_and_an_officer_approves_it_beside_the_shop_s_values(
    page, staff_page, screens, mailbox, staff_login, shop_customer
):
    account = CustomerEntity.objects.using(MAGENTO_ALIAS).filter(email=shop_customer.email).order_by("pk").first()

    # given a customer who asks for a correction, with a date of birth in the wrong format first
    page.goto("/")
    page.get_by_label("Correction of my data").check()
    screens.capture("correction-section")
    page.get_by_label("Where do you live?").select_option("gdpr")
    page.get_by_label("E-mail address", exact=True).fill(shop_customer.email)
    page.get_by_label("Correct last name").fill("Lovelace-Byron")
    page.get_by_label("Correct street and number").fill("Elm Road 4")
    page.get_by_label("Correct date of birth").fill("14.07.1990")
    page.get_by_role("button", name="Send request").click()
    screens.capture("correction-refused")
    assert "Write the date as YYYY-MM-DD" in page.locator("#id_correct_dob_group").inner_text()
    assert not PrivacyRequest.objects.exists()

    # when they leave the date out, send the request and confirm it by the e-mailed link
    page.get_by_label("Correct date of birth").fill("")
    page.get_by_role("button", name="Send request").click()
    screens.capture("check-inbox")
    page.goto(mailbox.link(to=shop_customer.email, containing="/requests/verify/"))
    screens.capture("verify")
    page.get_by_role("button", name="Confirm my request").click()
    screens.capture("verified")
    privacy_request = PrivacyRequest.objects.get()
    assert privacy_request.state == State.IN_REVIEW

    # then the officer sees the shop's current value beside the requested one, and approves
    staff_login("olivia", "Privacy officer", on=staff_page)
    screens.capture("admin-index", page=staff_page)
    staff_page.goto(f"/admin/requests_app/privacyrequest/{privacy_request.pk}/change/")
    screens.capture("request-page", page=staff_page)
    surname = staff_page.locator("#correction-values tr", has_text="Last name")
    assert account.lastname in surname.inner_text() and "Lovelace-Byron" in surname.inner_text()
    staff_page.locator("#action-approve").get_by_role("button", name="Approve and fulfil").click()
    screens.capture("request-approved", page=staff_page)
    assert "Completed" in staff_page.locator(".pd-facts").first.inner_text()
    assert "customer_entity" in staff_page.locator("#correction-receipt").inner_text()

    # and the shop holds the new values, and the customer's reply lists them
    assert CustomerEntity.objects.using(MAGENTO_ALIAS).get(pk=account.pk).lastname == "Lovelace-Byron"
    assert CustomerGridFlat.objects.using(MAGENTO_ALIAS).get(pk=account.pk).billing_street == "Elm Road 4"
    reply = mailbox.titled(to=shop_customer.email, subject="Your privacy request is complete").body
    assert "Last name: Lovelace-Byron" in reply and "Street and number: Elm Road 4" in reply
