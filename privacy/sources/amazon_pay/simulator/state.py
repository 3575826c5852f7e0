"""The simulator's memory: what Amazon Pay would hold for the shop's references.

Records are kept in Amazon's wire vocabulary (addresses are dicts with `addressLine1`, …)
and rendered as the JSON the real API returns. Amazon's retention rules are applied when
rendering: a one-time charge permission shows buyer details for 30 days after creation and
closes after 180 days; an Authorized charge is canceled after 30 days.
"""

import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from privacy.sources.amazon_pay.signing import amz_date

BUYER_DETAILS_DAYS = 30
ONE_TIME_LIFETIME_DAYS = 180
AUTHORIZATION_DAYS = 30
PENDING_CHARGE_STATES = {"AuthorizationInitiated", "Authorized"}
WIRE_CP_BUYER = ("buyerId", "name", "email", "phoneNumber", "primeMembershipTypes")  # a permission's buyer


class NotFound(Exception):
    pass


def _money(amount: Decimal, currency: str) -> dict:
    return {"amount": f"{amount:.2f}", "currencyCode": currency}


@dataclass
class SimBuyer:
    buyer_id: str
    name: str | None = None
    email: str | None = None
    phone_number: str | None = None
    postal_code: str | None = None
    country_code: str | None = None
    shipping_address: dict | None = None
    billing_address: dict | None = None

    def wire(self) -> dict:
        return {
            "buyerId": self.buyer_id,
            "name": self.name,
            "email": self.email,
            "phoneNumber": self.phone_number,
            "postalCode": self.postal_code,
            "countryCode": self.country_code,
            "shippingAddress": self.shipping_address,
            "billingAddress": self.billing_address,
            "primeMembershipTypes": None,
        }


@dataclass
class SimChargePermission:
    charge_permission_id: str
    buyer: SimBuyer
    created_at: datetime
    shipping_address: dict | None = None
    billing_address: dict | None = None
    merchant_reference_id: str | None = None
    merchant_store_name: str | None = "PrivacyDesk demo shop"
    presentment_currency: str = "EUR"
    charge_permission_type: str = "OneTime"
    state: str = "Chargeable"
    reasons: list[dict] = field(default_factory=list)
    updated_at: datetime | None = None

    @property
    def expires_at(self) -> datetime:
        return self.created_at + timedelta(days=ONE_TIME_LIFETIME_DAYS)

    def expired(self, now: datetime) -> bool:
        return self.charge_permission_type == "OneTime" and self.state != "Closed" and now > self.expires_at

    def wire(self, *, environment: str, now: datetime) -> dict:
        expires_at = self.expires_at
        state, reasons, updated_at = self.state, self.reasons, self.updated_at or self.created_at
        if self.expired(now):
            state, reasons, updated_at = "Closed", [{"reasonCode": "Expired", "reasonDescription": None}], expires_at
        one_time = self.charge_permission_type == "OneTime"
        buyer_visible = not one_time or now <= self.created_at + timedelta(days=BUYER_DETAILS_DAYS)
        buyer = {key: value for key, value in self.buyer.wire().items() if key in WIRE_CP_BUYER}
        return {
            "chargePermissionId": self.charge_permission_id,
            "chargePermissionType": self.charge_permission_type,
            "buyer": buyer if buyer_visible else None,
            "shippingAddress": self.shipping_address if buyer_visible else None,
            "billingAddress": self.billing_address if buyer_visible else None,
            "statusDetails": {"state": state, "reasons": reasons or None, "lastUpdatedTimestamp": amz_date(updated_at)},
            "merchantMetadata": {
                "merchantReferenceId": self.merchant_reference_id,
                "merchantStoreName": self.merchant_store_name,
                "noteToBuyer": None,
                "customInformation": None,
            },
            "presentmentCurrency": self.presentment_currency,
            "creationTimestamp": amz_date(self.created_at),
            "expirationTimestamp": amz_date(expires_at),
            "releaseEnvironment": environment,
            "platformId": None,
        }


@dataclass
class SimCharge:
    charge_id: str
    charge_permission_id: str
    amount: Decimal
    currency: str
    created_at: datetime
    state: str = "Captured"
    reason_code: str | None = None
    updated_at: datetime | None = None

    def wire(self, *, environment: str, now: datetime, refunded: Decimal) -> dict:
        state, reason, updated_at = self.state, self.reason_code, self.updated_at or self.created_at
        if state == "Authorized" and now > self.created_at + timedelta(days=AUTHORIZATION_DAYS):
            state, reason, updated_at = (
                "Canceled",
                "ExpiredUnused",
                self.created_at + timedelta(days=AUTHORIZATION_DAYS),
            )
        return {
            "chargeId": self.charge_id,
            "chargePermissionId": self.charge_permission_id,
            "chargeAmount": _money(self.amount, self.currency),
            "captureAmount": _money(self.amount, self.currency) if state == "Captured" else None,
            "refundedAmount": _money(refunded, self.currency),
            "softDescriptor": "AMZ*PrivacyDesk",
            "merchantMetadata": None,
            "statusDetails": {
                "state": state,
                "reasonCode": reason,
                "reasonDescription": None,
                "lastUpdatedTimestamp": amz_date(updated_at),
            },
            "creationTimestamp": amz_date(self.created_at),
            "expirationTimestamp": amz_date(self.created_at + timedelta(days=AUTHORIZATION_DAYS)),
            "releaseEnvironment": environment,
        }


@dataclass
class SimRefund:
    refund_id: str
    charge_id: str
    amount: Decimal
    currency: str
    created_at: datetime
    state: str = "Refunded"

    def wire(self, *, environment: str) -> dict:
        return {
            "refundId": self.refund_id,
            "chargeId": self.charge_id,
            "refundAmount": _money(self.amount, self.currency),
            "softDescriptor": "AMZ*PrivacyDesk",
            "statusDetails": {
                "state": self.state,
                "reasonCode": None,
                "reasonDescription": None,
                "lastUpdatedTimestamp": amz_date(self.created_at),
            },
            "creationTimestamp": amz_date(self.created_at),
            "releaseEnvironment": environment,
        }


@dataclass(frozen=True)
class Remembered:
    fingerprint: str
    status: int
    body: dict


class SimulatorState:
    """Thread-safe store of buyers, charge permissions, charges, refunds and idempotent answers.

    `apply_retention=False` shows every buyer's details and never expires anything (demo aid).
    """

    def __init__(self, *, now: Callable[[], datetime] = timezone.now, apply_retention: bool = True):
        self.now = now
        self.apply_retention = apply_retention
        self.buyers: dict[str, SimBuyer] = {}
        self.charge_permissions: dict[str, SimChargePermission] = {}
        self.charges: dict[str, SimCharge] = {}
        self.refunds: dict[str, SimRefund] = {}
        self._tokens: dict[str, str] = {}
        self._remembered: dict[str, Remembered] = {}
        self.lock = threading.RLock()

    def add(self, *records) -> None:
        with self.lock:
            for record in records:
                store, key = self._store_for(record)
                store[key] = record
                if isinstance(record, SimChargePermission):
                    self.buyers.setdefault(record.buyer.buyer_id, record.buyer)

    def _store_for(self, record):
        match record:
            case SimBuyer():
                return self.buyers, record.buyer_id
            case SimChargePermission():
                return self.charge_permissions, record.charge_permission_id
            case SimCharge():
                return self.charges, record.charge_id
            case SimRefund():
                return self.refunds, record.refund_id
        raise TypeError(f"cannot store {type(record).__name__} in the simulator")

    def buyer_token_issue(self, buyer_id: str) -> str:
        """Issue a buyerToken for a known buyer, as Amazon Sign-in would on its redirect."""
        with self.lock:
            if buyer_id not in self.buyers:
                raise NotFound(buyer_id)
            token = secrets.token_urlsafe(24)
            self._tokens[token] = buyer_id
            return token

    def counts(self) -> dict[str, int]:
        with self.lock:
            return {
                "buyers": len(self.buyers),
                "chargePermissions": len(self.charge_permissions),
                "charges": len(self.charges),
                "refunds": len(self.refunds),
            }

    # Operations, each returning the wire JSON or raising NotFound ---------------------------

    def buyer_get(self, token: str) -> dict:
        with self.lock:
            buyer_id = self._tokens.get(token)
            if buyer_id is None:
                raise NotFound(token)
            return self.buyers[buyer_id].wire()

    def charge_permission_get(self, charge_permission_id: str, *, environment: str) -> dict:
        with self.lock:
            permission = self._charge_permission(charge_permission_id)
            return permission.wire(environment=environment, now=self._clock(permission.created_at))

    def charge_permission_close(
        self, charge_permission_id: str, *, reason: str, cancel_pending: bool, environment: str
    ) -> dict:
        with self.lock:
            permission = self._charge_permission(charge_permission_id)
            now = self.now()
            if permission.state != "Closed" and not permission.expired(self._clock(permission.created_at)):
                permission.state, permission.updated_at = "Closed", now
                permission.reasons = [{"reasonCode": "MerchantClosed", "reasonDescription": reason}]
            for charge in self.charges.values():
                if (
                    cancel_pending
                    and charge.charge_permission_id == charge_permission_id
                    and (charge.state in PENDING_CHARGE_STATES)
                ):
                    charge.state, charge.reason_code, charge.updated_at = "Canceled", "ChargePermissionCanceled", now
            return permission.wire(environment=environment, now=self._clock(permission.created_at))

    def charge_get(self, charge_id: str, *, environment: str) -> dict:
        with self.lock:
            charge = self.charges.get(charge_id)
            if charge is None:
                raise NotFound(charge_id)
            refunded = sum((r.amount for r in self.refunds.values() if r.charge_id == charge_id), Decimal("0"))
            return charge.wire(environment=environment, now=self._clock(charge.created_at), refunded=refunded)

    def refund_get(self, refund_id: str, *, environment: str) -> dict:
        with self.lock:
            refund = self.refunds.get(refund_id)
            if refund is None:
                raise NotFound(refund_id)
            return refund.wire(environment=environment)

    def _clock(self, created_at: datetime) -> datetime:
        """The time Amazon's retention rules see: real now, or the creation time when they are off."""
        return self.now() if self.apply_retention else created_at

    def _charge_permission(self, charge_permission_id: str) -> SimChargePermission:
        permission = self.charge_permissions.get(charge_permission_id)
        if permission is None:
            raise NotFound(charge_permission_id)
        return permission

    # Idempotency ----------------------------------------------------------------------------

    def idempotent(self, key: str, fingerprint: bytes, answer: Callable[[], tuple[int, dict]]) -> tuple[int, dict]:
        """Replay the first answer given for `key`; refuse the key with a different request."""
        digest = hashlib.sha256(fingerprint).hexdigest()
        with self.lock:
            seen = self._remembered.get(key)
            if seen and seen.fingerprint != digest:
                return 400, {
                    "reasonCode": "DuplicateIdempotencyKey",
                    "message": "The idempotency key was already used for a different request.",
                }
            if seen:
                return seen.status, seen.body
            status, body = answer()
            if status < 500:
                self._remembered[key] = Remembered(digest, status, body)
            return status, body
