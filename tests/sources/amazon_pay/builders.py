"""Clients and references the Amazon Pay tests build (the simulator itself is a fixture)."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from privacy.sources.amazon_pay import AmazonPayClient, AmazonPayConfig, signing
from privacy.sources.amazon_pay.simulator import SimBuyer, SimCharge, SimChargePermission, SimRefund

PERMISSION_ID = "S01-5105180-3221187"
CHARGE_ID = "S01-5105180-3221187-C056351"
PENDING_CHARGE_ID = "S01-5105180-3221187-C056352"
REFUND_ID = "S01-5105180-3221187-R022311"
OTHER_PERMISSION_ID = "S01-7000001-7000002"
BUYER_ID = "amzn1.account.AH3X6Q5J2KLM7NPQR8STUV9WXYZ0"
SHIPPING = {
    "name": "Ada Lovelace",
    "addressLine1": "12 Analytical Row",
    "addressLine2": None,
    "addressLine3": None,
    "city": "London",
    "county": None,
    "district": None,
    "stateOrRegion": None,
    "postalCode": "NW1 6XE",
    "countryCode": "GB",
    "phoneNumber": "+44 20 7946 0000",
}


def client_for(simulator, keys, *, sleeps: list | None = None, **config) -> AmazonPayClient:
    """A client signed with `keys`, aimed at `simulator`, with tiny time-outs and recorded (not slept) back-offs."""
    settings = {
        "public_key_id": keys.public_key_id,
        "endpoint": simulator.base_url,
        "timeout": 0.3,
        "max_retries": 3,
        "backoff_base": 0.01,
        **config,
    }
    private_key = signing.private_key_load(keys.private_key_path.read_bytes())
    sleep = sleeps.append if sleeps is not None else (lambda seconds: None)
    return AmazonPayClient(AmazonPayConfig(private_key=private_key, **settings), sleep=sleep, rng=random.Random(7))


def references_add(simulator, *, created_days_ago: int = 2) -> None:
    """Ada's one-time charge permission with a captured charge, a pending one and a refund."""
    created = timezone.now() - timedelta(days=created_days_ago)
    buyer = SimBuyer(
        BUYER_ID,
        name="Ada Lovelace",
        email="ada@example.com",
        phone_number="+44 20 7946 0000",
        postal_code="NW1 6XE",
        country_code="GB",
        shipping_address=SHIPPING,
    )
    simulator.state.add(
        SimChargePermission(
            PERMISSION_ID,
            buyer=buyer,
            created_at=created,
            shipping_address=SHIPPING,
            billing_address=SHIPPING,
            merchant_reference_id="000000042",
        ),
        SimChargePermission(OTHER_PERMISSION_ID, buyer=buyer, created_at=created),
        SimCharge(CHARGE_ID, PERMISSION_ID, Decimal("59.90"), "EUR", created),
        SimCharge(PENDING_CHARGE_ID, PERMISSION_ID, Decimal("5.00"), "EUR", created, state="Authorized"),
        SimRefund(REFUND_ID, CHARGE_ID, Decimal("10.00"), "EUR", created),
    )
