"""A customer exports their data: form, e-mailed link, staff approval in the admin, single-use download."""

import io
import json
import zipfile
from urllib.parse import urlencode

import pytest

from requests_app.models import PrivacyRequest
from requests_app.states import State
from tests.flows.conftest import request_form_fill

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "magento"]),
]


def test_a_customer_exports_their_data_from_the_form_to_the_download(
    page, staff_page, screens, mailbox, staff_login, shop_customer
):
    # given a customer of the shop who fills in the request form
    page.goto("/")
    screens.capture("request-form")
    request_form_fill(page, shop_customer, kind="Export of my data (portability)")
    screens.capture("request-form-filled")
    page.get_by_role("button", name="Send request").click()
    screens.capture("check-inbox")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your inbox"

    # when they follow the e-mailed link and confirm
    page.goto(mailbox.link(to=shop_customer.email, containing="/requests/verify/"))
    screens.capture("verify")
    page.get_by_role("button", name="Confirm my request").click()
    screens.capture("verified")
    privacy_request = PrivacyRequest.objects.get()
    assert privacy_request.state == State.IN_REVIEW, "discovery ran once the request was confirmed"

    # and a privacy officer finds it by the exact address and approves it
    staff_login("olivia", "Privacy officer", on=staff_page)
    screens.capture("admin-index", page=staff_page)
    staff_page.goto(f"/admin/requests_app/privacyrequest/?{urlencode({'q': shop_customer.email})}")
    screens.capture("queue-search", page=staff_page)
    staff_page.get_by_role("link", name=f"#{privacy_request.pk}").click()
    screens.capture("request-page", page=staff_page)
    assert staff_page.locator(".pd-table tbody tr").count() >= 2, "the findings list the shop tables holding the data"
    staff_page.locator("#action-approve").get_by_role("button", name="Approve and fulfil").click()
    screens.capture("request-approved", page=staff_page)
    assert "Completed" in staff_page.locator(".pd-facts").first.inner_text()

    # then the completion e-mail's link downloads the export once
    page.goto(mailbox.link(to=shop_customer.email, containing="/requests/download/"))
    screens.capture("download")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the ZIP file").click()
    package = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    names = package.namelist()
    assert {"data.json", "report.html"} <= set(names) and any(name.endswith(".csv") for name in names)
    assert shop_customer.email in json.dumps(json.loads(package.read("data.json")))

    page.reload()
    screens.capture("download-link-spent")
    assert page.get_by_role("heading", level=1).inner_text() == "This link does not work"

    # and the status link shows the request completed and e-mails a fresh single-use link on demand
    page.goto(mailbox.link(to=shop_customer.email, containing="/requests/status/"))
    screens.capture("status")
    assert "Completed" in page.locator(".facts").inner_text()
    assert "Your export was downloaded" in page.locator(".timeline").inner_text()
    links_before = len(mailbox.messages(to=shop_customer.email))
    page.get_by_role("button", name="E-mail me a download link").click()
    screens.capture("status-new-link-sent")
    assert "We e-mailed you a new download link" in page.get_by_role("status").inner_text()
    assert len(mailbox.messages(to=shop_customer.email)) == links_before + 1
