"""What crosses the Amazon Pay boundary: plain frozen dataclasses and the error types.

Nothing here knows the wire format; `client.py` builds these from Amazon's JSON.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Address:
    name: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    address_line3: str | None = None
    city: str | None = None
    county: str | None = None
    district: str | None = None
    state_or_region: str | None = None
    postal_code: str | None = None
    country_code: str | None = None
    phone_number: str | None = None


@dataclass(frozen=True)
class Buyer:
    buyer_id: str
    name: str | None = None
    email: str | None = None
    phone_number: str | None = None
    postal_code: str | None = None
    country_code: str | None = None
    shipping_address: Address | None = None
    billing_address: Address | None = None
    prime_membership_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency_code: str


@dataclass(frozen=True)
class Status:
    """statusDetails of any Amazon object; `reasons` holds reason codes only."""

    state: str
    reasons: tuple[str, ...] = ()
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ChargePermission:
    charge_permission_id: str
    charge_permission_type: str
    status: Status
    buyer: Buyer | None
    shipping_address: Address | None
    billing_address: Address | None
    merchant_reference_id: str | None
    merchant_store_name: str | None
    presentment_currency: str | None
    created_at: datetime | None
    expires_at: datetime | None
    release_environment: str | None

    @property
    def state(self) -> str:
        return self.status.state


@dataclass(frozen=True)
class Charge:
    charge_id: str
    charge_permission_id: str
    status: Status
    charge_amount: Money | None
    capture_amount: Money | None
    refunded_amount: Money | None
    soft_descriptor: str | None
    merchant_reference_id: str | None
    created_at: datetime | None
    expires_at: datetime | None
    release_environment: str | None

    @property
    def state(self) -> str:
        return self.status.state


@dataclass(frozen=True)
class Refund:
    refund_id: str
    charge_id: str
    status: Status
    refund_amount: Money | None
    soft_descriptor: str | None
    created_at: datetime | None
    release_environment: str | None

    @property
    def state(self) -> str:
        return self.status.state


class AmazonPayError(Exception):
    """A call to Amazon Pay failed; `reason` is a human sentence without personal data.

    `permanent` says whether trying again later can help: False for throttling, server errors,
    time-outs, connection failures and malformed answers (already retried `attempts` times);
    True for refusals (bad credentials, bad request, unknown reference).
    """

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool,
        status: int | None = None,
        reason_code: str | None = None,
        attempts: int = 1,
    ):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.status = status
        self.reason_code = reason_code
        self.attempts = attempts


class AmazonPayNotFound(AmazonPayError):
    """Amazon Pay does not know (or no longer keeps) the reference: permanent, never retried."""


class AmazonPayNotConfigured(ImproperlyConfigured):
    """The Amazon Pay connector is switched off or its settings cannot be used."""
