"""Amazon Pay API v2: the public face of the connector.

    client = amazon_pay_client_from_settings()
    permission = client.charge_permission_get(charge_permission_id="S01-5105180-3221187")
    client.charge_permission_close(
        charge_permission_id=permission.charge_permission_id,
        closure_reason="Closed at the buyer's request (data erasure)",
        idempotency_key=amazon_pay_idempotency_key("erase", request.pk, permission.charge_permission_id),
    )

Failures raise `AmazonPayError` (`.permanent`, `.reason`); `AmazonPayNotFound` when Amazon no
longer knows the reference; `AmazonPayNotConfigured` when the connector is off or misconfigured.
"""

import hashlib
from pathlib import Path

from django.conf import settings

from privacy.sources.amazon_pay import signing
from privacy.sources.amazon_pay.client import AmazonPayClient, AmazonPayConfig
from privacy.sources.amazon_pay.interface import (
    Address,
    AmazonPayError,
    AmazonPayNotConfigured,
    AmazonPayNotFound,
    Buyer,
    Charge,
    ChargePermission,
    Money,
    Refund,
    Status,
)

__all__ = [
    "Address",
    "AmazonPayClient",
    "AmazonPayConfig",
    "AmazonPayError",
    "AmazonPayNotConfigured",
    "AmazonPayNotFound",
    "Buyer",
    "Charge",
    "ChargePermission",
    "Money",
    "Refund",
    "Status",
    "amazon_pay_client_from_settings",
    "amazon_pay_idempotency_key",
]


def amazon_pay_idempotency_key(*parts: str | int) -> str:
    """Derive a stable 32-character idempotency key for one logical operation from its parts."""
    if not parts:
        raise ValueError("amazon_pay_idempotency_key needs at least one part, e.g. (request_id, charge_permission_id)")
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]


def amazon_pay_client_from_settings(**options) -> AmazonPayClient:
    """Build a client from the AMAZON_PAY_* settings; `options` go to AmazonPayClient (sleep, rng, now)."""
    if not settings.AMAZON_PAY_ENABLED:
        raise AmazonPayNotConfigured(
            "Amazon Pay is switched off: set AMAZON_PAY_ENABLED=1 with AMAZON_PAY_PUBLIC_KEY_ID and "
            "AMAZON_PAY_PRIVATE_KEY_PATH to reach it."
        )
    path = settings.AMAZON_PAY_PRIVATE_KEY_PATH
    try:
        private_key = signing.private_key_load(Path(path).read_bytes())
    except (OSError, ValueError, TypeError):
        raise AmazonPayNotConfigured(
            f"AMAZON_PAY_PRIVATE_KEY_PATH={path!r} is not a readable PEM RSA private key: point it at the key "
            "whose public half is registered with Amazon Pay."
        ) from None
    config = AmazonPayConfig(
        public_key_id=settings.AMAZON_PAY_PUBLIC_KEY_ID,
        private_key=private_key,
        region=settings.AMAZON_PAY_REGION,
        sandbox=settings.AMAZON_PAY_SANDBOX,
        algorithm=settings.AMAZON_PAY_ALGORITHM,
        endpoint=settings.AMAZON_PAY_ENDPOINT,
        timeout=float(settings.AMAZON_PAY_TIMEOUT_SECONDS),
        max_retries=settings.AMAZON_PAY_MAX_RETRIES,
    )
    return AmazonPayClient(config, **options)
