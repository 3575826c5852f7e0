"""A second identity factor checked against the shop: an order number with its billing postcode.

Read-only. The request lifecycle asks it only after the requester proved control of the
e-mail address, so its answer never reveals to a stranger whether an address is a customer.
"""

import hmac

from privacy.sources.magento.models import SalesOrderAddress
from privacy.sources.magento.router import MAGENTO_ALIAS


def postcode_normal(postcode: str) -> bytes:
    """Return postcode without spaces or hyphens, upper case: "sw1a 1aa" and "SW1A1AA" match."""
    return "".join(postcode.split()).replace("-", "").upper().encode()


def order_matches_postcode(*, email: str, increment_id: str, postcode: str, using: str = MAGENTO_ALIAS) -> bool:
    """Return True when order increment_id was placed with email (any case) and billed to postcode."""
    wanted = postcode_normal(postcode or "")
    if not ((email or "").strip() and (increment_id or "").strip() and wanted):
        return False
    billed_to = SalesOrderAddress.objects.using(using).filter(
        address_type="billing",
        parent__increment_id=increment_id.strip(),
        parent__customer_email__iexact=email.strip(),
    ).values_list("postcode", flat=True)
    return any(hmac.compare_digest(postcode_normal(found or ""), wanted) for found in billed_to)
