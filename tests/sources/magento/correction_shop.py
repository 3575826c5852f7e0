"""Orders at a known stage, planted next to the seeded shop for the correction tests."""

from django.utils import timezone

from privacy.sources.magento.models import (
    CustomerAddressEntity, CustomerEntity, SalesInvoice, SalesInvoiceGrid, SalesOrder, SalesOrderAddress, SalesOrderGrid,
    SalesShipment,
)

POSTAL = ("street", "city", "postcode", "region", "country_id", "telephone", "firstname", "lastname", "vat_id")
STRANGER = {"street": "Lindenallee 9", "city": "Kassel", "postcode": "34117", "region": None, "country_id": "DE",
            "telephone": "+49 561 000000", "firstname": "Anna", "lastname": "Gift", "vat_id": None}


def order_plant(*, customer: CustomerEntity | None, email: str, increment_id: str, state: str, invoiced: bool = False,
                shipped: bool = False, ship_to_stranger: bool = False, address: dict | None = None) -> SalesOrder:
    """An order of customer (or a guest, with address) billed to the customer's default billing address."""
    book = CustomerAddressEntity.objects.get(pk=customer.default_billing) if customer else None
    billing = {name: getattr(book, name) for name in POSTAL} if book else dict(address)
    order = SalesOrder.objects.create(
        increment_id=increment_id, state=state, status=state, store_id=1, customer_id=customer.pk if customer else None,
        customer_is_guest=0 if customer else 1, customer_email=email, customer_firstname=billing["firstname"],
        customer_lastname=billing["lastname"], customer_taxvat=customer.taxvat if customer else None,
    )
    rows = {}
    for kind, values, book_id in (("billing", billing, book.pk if book else None),
                                  ("shipping", STRANGER if ship_to_stranger else billing, None if ship_to_stranger else (book.pk if book else None))):
        rows[kind] = SalesOrderAddress.objects.create(parent=order, address_type=kind, customer_address_id=book_id,
                                                      customer_id=order.customer_id, email=email, **values)
    SalesOrderGrid.objects.create(
        entity_id=order.pk, increment_id=increment_id, status=state, customer_id=order.customer_id, customer_email=email,
        customer_name=f"{billing['firstname']} {billing['lastname']}",
        billing_name=f"{billing['firstname']} {billing['lastname']}",
        shipping_name=f"{rows['shipping'].firstname} {rows['shipping'].lastname}",
        billing_address=",".join(p for p in (billing["street"], billing["city"], billing["region"], billing["postcode"]) if p),
    )
    if invoiced:
        invoice = SalesInvoice.objects.create(order=order, increment_id=f"INV-{increment_id}",
                                              billing_address_id=rows["billing"].pk, shipping_address_id=rows["shipping"].pk)
        SalesInvoiceGrid.objects.create(entity_id=invoice.pk, increment_id=invoice.increment_id, order_id=order.pk,
                                        order_increment_id=increment_id, billing_name=f"{billing['firstname']} {billing['lastname']}",
                                        billing_address=billing["street"], customer_email=email)
    if shipped:
        SalesShipment.objects.create(order=order, increment_id=f"SHP-{increment_id}", created_at=timezone.now())
    return order
