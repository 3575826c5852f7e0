"""Corrections written to the shop: accounts, address book, grids and unshipped orders in one transaction."""

from datetime import date

import pytest
from django.utils import timezone

from privacy.sources.discovery import subject_identify
from privacy.sources.magento.correction import CorrectionConflict, correction_preview
from privacy.sources.magento.correction_apply import correction_apply
from privacy.sources.magento.models import (
    CustomerAddressEntity, CustomerEntity, CustomerEntityVarchar, CustomerGridFlat, EavAttribute, NewsletterSubscriber,
    SalesInvoiceGrid, SalesOrder, SalesOrderAddress, SalesOrderGrid,
)
from tests.sources.magento.correction_shop import order_plant

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


def apply(email: str, corrections: dict, **options):
    subject = subject_identify(email=email)
    return correction_apply(email=email, corrections=corrections, customer_ids=subject.customer_ids,
                            order_ids=subject.order_ids, now=timezone.now(), **options)


def address(pk: int) -> CustomerAddressEntity:
    return CustomerAddressEntity.objects.get(pk=pk)


def billing_and_shipping(order) -> tuple[SalesOrderAddress, SalesOrderAddress]:
    rows = {row.address_type: row for row in SalesOrderAddress.objects.filter(parent=order)}
    return rows["billing"], rows["shipping"]


def test_a_correction_reaches_every_account_of_the_address_its_address_book_and_the_customer_grid(seeded_magento):
    # given the customer with one account on each website, both billed to the same street
    email = seeded_magento.hard_cases.shared_email
    first, second = seeded_magento.hard_cases.shared_email_customer_ids
    billing = address(CustomerEntity.objects.get(pk=first).default_billing)
    others = list(CustomerAddressEntity.objects.filter(parent_id__in=(first, second)).exclude(street=billing.street))

    # when her last name and street are corrected
    outcome = apply(email, {"lastname": "Schröder-Meyer", "street": "Goethestraße 65", "postcode": "28149"})

    # then both accounts, every book entry at that address and the grid carry the new values
    assert set(CustomerEntity.objects.filter(pk__in=(first, second)).values_list("lastname", flat=True)) == {"Schröder-Meyer"}
    moved = CustomerAddressEntity.objects.filter(parent_id__in=(first, second), street="Goethestraße 65")
    assert moved.count() == 2 and set(moved.values_list("postcode", flat=True)) == {"28149"}
    for other in others:  # another address of hers keeps its street, but carries her corrected name
        assert (address(other.pk).street, address(other.pk).lastname) == (other.street, "Schröder-Meyer")
    grid = CustomerGridFlat.objects.get(pk=first)
    assert grid.name.endswith("Petra Schröder-Meyer")
    assert (grid.billing_street, grid.billing_postcode, grid.billing_lastname) == ("Goethestraße 65", "28149", "Schröder-Meyer")
    assert "Goethestraße 65" in grid.billing_full
    assert outcome.before["street"] == [billing.street] and outcome.rows["customer_entity"] == 2


def test_unshipped_orders_follow_while_invoices_and_shipped_orders_stay_as_issued(seeded_magento):
    # given three orders of one customer: open, invoiced but not shipped, and shipped
    account = CustomerEntity.objects.get(pk=seeded_magento.hard_cases.shared_email_customer_ids[0])
    email = account.email
    open_order = order_plant(customer=account, email=email, increment_id="900000001", state="processing")
    invoiced = order_plant(customer=account, email=email, increment_id="900000002", state="processing", invoiced=True)
    shipped = order_plant(customer=account, email=email, increment_id="900000003", state="complete", invoiced=True,
                          shipped=True)
    old_street = billing_and_shipping(shipped)[0].street

    # when the street and the last name are corrected
    outcome = apply(email, {"street": "Goethestraße 65", "lastname": "Meyer"})

    # then the open order follows in full, with its grid row
    billing, shipping = billing_and_shipping(open_order)
    assert (billing.street, shipping.street, billing.lastname) == ("Goethestraße 65", "Goethestraße 65", "Meyer")
    grid = SalesOrderGrid.objects.get(pk=open_order.pk)
    assert grid.billing_address.startswith("Goethestraße 65") and grid.billing_name.endswith("Meyer")
    assert SalesOrder.objects.get(pk=open_order.pk).customer_lastname == "Meyer"
    # the invoiced order ships to the new street, but its invoiced billing address and names stay
    billing, shipping = billing_and_shipping(invoiced)
    assert (shipping.street, billing.street, billing.lastname) == ("Goethestraße 65", old_street, "Schröder")
    assert SalesOrder.objects.get(pk=invoiced.pk).customer_lastname == "Schröder"
    # the shipped order and every invoice grid row are untouched
    assert {row.street for row in billing_and_shipping(shipped)} == {old_street}
    assert set(SalesInvoiceGrid.objects.filter(order_id__in=(invoiced.pk, shipped.pk)).values_list("billing_address", flat=True)) == {old_street}
    # and the outcome says which records stayed and why
    kept = {(document.document, document.number, document.reason) for document in outcome.kept}
    assert {("invoice", "INV-900000002", "invoiced"), ("invoice", "INV-900000003", "invoiced"),
            ("order", "900000003", "shipped")} <= kept
    assert "900000001" in outcome.orders_followed and "900000003" not in outcome.orders_followed


def test_a_gift_shipped_to_someone_else_keeps_its_recipient(seeded_magento):
    account = CustomerEntity.objects.get(pk=seeded_magento.hard_cases.shared_email_customer_ids[0])
    gift = order_plant(customer=account, email=account.email, increment_id="900000010", state="new", ship_to_stranger=True)

    apply(account.email, {"street": "Goethestraße 65", "lastname": "Meyer"})

    billing, shipping = billing_and_shipping(gift)
    assert (billing.street, billing.lastname) == ("Goethestraße 65", "Meyer")
    assert (shipping.street, shipping.lastname) == ("Lindenallee 9", "Gift")


def test_a_guest_correction_follows_the_guest_s_unshipped_order(seeded_magento):
    # given a guest (no account) with an open order
    guest = {"street": "Rue de Rivoli 1", "city": "Paris", "postcode": "75001", "region": None, "country_id": "FR",
             "telephone": "+33 1 00 00 00 00", "firstname": "Léa", "lastname": "Martin", "vat_id": None}
    order = order_plant(customer=None, email="lea.guest@example.com", increment_id="900000020", state="new", address=guest)

    apply("lea.guest@example.com", {"telephone": "+33 1 23 45 67 89", "city": "Paris 1er"})

    billing, shipping = billing_and_shipping(order)
    assert (billing.telephone, shipping.city) == ("+33 1 23 45 67 89", "Paris 1er")


def test_a_new_email_another_account_uses_on_the_same_website_is_refused_and_nothing_changes(seeded_magento):
    # given two customers of the first website
    first, other = [row for row in seeded_magento.customers if row["website_id"] == 1][:2]

    # when the first asks for the second's address (and a new name in the same correction)
    with pytest.raises(CorrectionConflict, match="one account per e-mail and website"):
        apply(first["email"], {"email": other["email"].upper(), "lastname": "Changed"})

    # then nothing was written
    assert CustomerEntity.objects.get(pk=first["entity_id"]).lastname == first["lastname"]


def test_the_preview_shows_current_values_conflicts_and_what_would_stay(seeded_magento):
    first, other = [row for row in seeded_magento.customers if row["website_id"] == 1][:2]
    subject = subject_identify(email=first["email"])

    preview = correction_preview(email=first["email"], corrections={"email": other["email"], "lastname": "X"},
                                 customer_ids=subject.customer_ids, order_ids=subject.order_ids)

    assert preview.found and preview.current[0].values["lastname"] == first["lastname"]
    assert preview.current[0].label.startswith(f"Account {first['entity_id']} (")
    assert len(preview.conflicts) == 1


def test_running_the_same_correction_twice_changes_nothing_the_second_time(seeded_magento):
    account = CustomerEntity.objects.get(pk=seeded_magento.hard_cases.shared_email_customer_ids[0])
    order_plant(customer=account, email=account.email, increment_id="900000030", state="processing")
    corrections = {"street": "Goethestraße 65", "lastname": "Meyer", "dob": "1980-02-29", "taxvat": "DE 123/456"}

    apply(account.email, corrections)
    again = apply(account.email, corrections)

    assert again.rows == {"customer_grid_flat": 2} and again.before == {}  # the grid is rebuilt, with the same values
    assert CustomerEntity.objects.get(pk=account.pk).dob == date(1980, 2, 29)


def test_a_merchant_attribute_kept_in_an_eav_table_is_corrected_there(seeded_magento):
    # given a shop that keeps the tax/VAT number as a varchar attribute of its own
    EavAttribute.objects.create(entity_type_id=1, attribute_code="taxvat", backend_type="varchar", frontend_input="text")
    account = CustomerEntity.objects.get(pk=seeded_magento.customers[0]["entity_id"])

    apply(account.email, {"taxvat": "FR12345678901"})

    assert CustomerEntityVarchar.objects.get(entity_id=account.pk, attribute__attribute_code="taxvat").value == "FR12345678901"
    assert CustomerEntity.objects.get(pk=account.pk).taxvat == account.taxvat  # the static column is not the store


def test_an_email_change_moves_the_subscriptions_and_ends_them_when_the_new_address_objected(seeded_magento):
    row = NewsletterSubscriber.objects.filter(customer_id__gt=0, subscriber_status=1).first()
    account = CustomerEntity.objects.get(pk=row.customer_id)

    outcome = apply(account.email, {"email": "new.address@example.com"}, unsubscribe_new_email=True)

    row = NewsletterSubscriber.objects.get(pk=row.pk)
    assert (row.subscriber_email, row.subscriber_status) == ("new.address@example.com", 3)
    assert outcome.newsletter_unsubscribed >= 1


@pytest.mark.mariadb
def test_on_mariadb_the_unique_key_backs_the_check_and_the_whole_correction_rolls_back(seeded_magento, monkeypatch):
    # given a check that misses a clash (a concurrent account), which MariaDB's case-insensitive key still catches
    first, other = [row for row in seeded_magento.customers if row["website_id"] == 1][:2]
    monkeypatch.setattr("privacy.sources.magento.correction_apply.email_conflicts", lambda *args, **kwargs: [])

    with pytest.raises(CorrectionConflict, match="nothing was written"):
        apply(first["email"], {"lastname": "Changed", "email": other["email"].upper()})

    assert CustomerEntity.objects.get(pk=first["entity_id"]).lastname == first["lastname"]
