"""The second verification factor: an order number with its billing postcode, read-only from the shop."""

import pytest

from privacy.sources.magento.models import SalesOrder, SalesOrderAddress
from privacy.sources.magento.verification import order_matches_postcode

pytestmark = pytest.mark.django_db(databases=["default", "magento"])


@pytest.fixture
def order(magento_schema):
    placed = SalesOrder.objects.using("magento").create(increment_id="000000123", customer_email="Ada@Example.com")
    SalesOrderAddress.objects.using("magento").create(parent=placed, address_type="billing", postcode="SW1A 1AA")
    SalesOrderAddress.objects.using("magento").create(parent=placed, address_type="shipping", postcode="EC1A 1BB")
    return placed


@pytest.mark.parametrize("postcode", ["SW1A 1AA", "sw1a1aa", " SW1A-1AA "])
def test_the_billing_postcode_matches_whatever_its_spacing_and_case(order, postcode):
    assert order_matches_postcode(email="ada@example.com", increment_id="000000123", postcode=postcode)


@pytest.mark.parametrize(("email", "increment_id", "postcode"), [
    ("ada@example.com", "000000123", "EC1A 1BB"),  # the shipping postcode does not count
    ("bob@example.com", "000000123", "SW1A 1AA"),  # someone else's order
    ("ada@example.com", "000000124", "SW1A 1AA"),  # no such order
    ("ada@example.com", "123", "SW1A 1AA"),  # the number as printed, not a prefix
    ("", "000000123", "SW1A 1AA"),
    ("ada@example.com", "000000123", "  "),
])
def test_anything_else_does_not_match(order, email, increment_id, postcode):
    assert not order_matches_postcode(email=email, increment_id=increment_id, postcode=postcode)


@pytest.mark.mariadb
def test_the_check_runs_on_mariadb_too(order):
    assert order_matches_postcode(email="ADA@example.com", increment_id="000000123", postcode="sw1a 1aa")
