"""Fill the simulator from a Magento database, so Amazon "knows" the buyers the shop knows.

Amazon holds its own copy of the buyer: the name, e-mail and addresses the plugin copied into
the order came from Amazon, so the order's values stand in for Amazon's. Guest orders carry no
buyerId in Magento; Amazon still has one, so a stable one is derived from the e-mail address.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from privacy.sources.amazon_pay.simulator.state import (
    SimBuyer,
    SimCharge,
    SimChargePermission,
    SimRefund,
    SimulatorState,
)
from privacy.sources.magento.amazon_references import (
    AmazonReferences,
    ChargePermissionReference,
    ChargeReference,
    ShopAddress,
    amazon_pay_references,
)
from privacy.sources.magento.router import MAGENTO_ALIAS

BUYER_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
NAME_LIMIT = 50  # Amazon's limit for names in buyer and address objects


def simulator_state_from_magento(
    *, using: str = MAGENTO_ALIAS, now: Callable[[], datetime] = timezone.now, apply_retention: bool = True
) -> SimulatorState:
    """Build simulator state from every Amazon Pay reference in the Magento database `using`."""
    state = SimulatorState(now=now, apply_retention=apply_retention)
    state_fill(state=state, references=amazon_pay_references(using=using))
    return state


def state_fill(*, state: SimulatorState, references: AmazonReferences) -> None:
    buyers = {
        ref.buyer_id: SimBuyer(
            buyer_id=ref.buyer_id,
            name=_name(ref.firstname, ref.lastname),
            email=ref.email,
            phone_number=ref.telephone,
            postal_code=ref.postcode,
            country_code=ref.country_id,
        )
        for ref in references.buyers
    }
    state.add(*buyers.values())
    charges_of = {}
    for charge in references.charges:
        charges_of.setdefault(charge.charge_permission_id, []).append(charge)
        state.add(_charge(charge))
    for permission in references.charge_permissions:
        buyer = buyers.get(permission.buyer_id) or _order_buyer(permission)
        state.add(_charge_permission(permission, buyer, charges_of.get(permission.charge_permission_id, [])))
    for refund in references.refunds:
        if refund.charge_id:
            amount = refund.amount if refund.amount is not None else Decimal("0.00")
            state.add(
                SimRefund(
                    refund.refund_id,
                    refund.charge_id,
                    amount,
                    refund.currency or "EUR",
                    refund.created_at,
                    state="RefundInitiated" if refund.pending else "Refunded",
                )
            )


def guest_buyer_id(email: str | None, fallback: str) -> str:
    """A stable Amazon-shaped buyerId (`amzn1.account.` + 28 of [A-Z0-9]) for a buyer the shop cannot name."""
    digest = hashlib.sha256((email or fallback).strip().lower().encode()).digest()
    return "amzn1.account." + "".join(BUYER_ID_ALPHABET[byte % len(BUYER_ID_ALPHABET)] for byte in digest[:28])


def _order_buyer(permission: ChargePermissionReference) -> SimBuyer:
    billing = permission.billing_address
    return SimBuyer(
        buyer_id=permission.buyer_id or guest_buyer_id(permission.email, permission.charge_permission_id),
        name=_name(permission.firstname, permission.lastname),
        email=permission.email,
        phone_number=billing.telephone if billing else None,
        postal_code=billing.postcode if billing else None,
        country_code=billing.country_id if billing else None,
    )


def _charge_permission(permission: ChargePermissionReference, buyer: SimBuyer, charges) -> SimChargePermission:
    # A one-time permission closes on cancellation and after full capture (Amazon's rule).
    if permission.state == "canceled" or any(charge.voided for charge in charges):
        state, reasons = "Closed", [{"reasonCode": "MerchantClosed", "reasonDescription": "Order canceled"}]
    elif charges and all(charge.captured for charge in charges):
        state, reasons = "Closed", [{"reasonCode": "AmazonClosed", "reasonDescription": "Fully captured"}]
    else:
        state, reasons = "Chargeable", []
    return SimChargePermission(
        charge_permission_id=permission.charge_permission_id,
        buyer=buyer,
        created_at=permission.created_at,
        shipping_address=_wire_address(permission.shipping_address),
        billing_address=_wire_address(permission.billing_address),
        merchant_reference_id=permission.increment_id,
        merchant_store_name=_store_view(permission.store_name),
        presentment_currency=permission.currency or "EUR",
        state=state,
        reasons=reasons,
    )


def _charge(charge: ChargeReference) -> SimCharge:
    if charge.voided:
        state, reason = "Canceled", "MerchantCanceled"
    elif charge.captured:
        state, reason = "Captured", None
    else:
        state, reason = ("AuthorizationInitiated" if charge.pending else "Authorized"), None
    amount = charge.amount if charge.amount is not None else Decimal("0.00")
    return SimCharge(
        charge.charge_id,
        charge.charge_permission_id,
        amount,
        charge.currency or "EUR",
        charge.created_at,
        state=state,
        reason_code=reason,
    )


def _wire_address(address: ShopAddress | None) -> dict | None:
    if address is None:
        return None
    lines = (address.street or "").splitlines() + [None, None, None]
    return {
        "name": _name(address.firstname, address.lastname),
        "addressLine1": lines[0],
        "addressLine2": lines[1],
        "addressLine3": lines[2],
        "city": address.city,
        "county": None,
        "district": None,
        "stateOrRegion": address.region,
        "postalCode": address.postcode,
        "countryCode": address.country_id,
        "phoneNumber": address.telephone,
    }


def _store_view(store_name: str | None) -> str | None:
    """Magento keeps "website\\nstore\\nstore view"; Amazon shows one store name."""
    lines = (store_name or "").splitlines()
    return lines[-1] if lines else None


def _name(first: str | None, last: str | None) -> str | None:
    return " ".join(part for part in (first, last) if part)[:NAME_LIMIT] or None
