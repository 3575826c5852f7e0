"""The one module that speaks the Amazon Pay API v2 protocol.

One pooled `requests.Session`, every request signed (see `signing.py`), bounded retries with
exponential backoff and jitter on 408/425/429/5xx, time-outs, connection failures and
malformed answers; anything else is a permanent `AmazonPayError`. Callers get frozen
dataclasses from `interface.py`, never the JSON.
"""

import json
import logging
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from urllib.parse import quote, urlsplit

import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.utils import timezone

from privacy.sources.amazon_pay import signing
from privacy.sources.amazon_pay.interface import (
    Address,
    AmazonPayError,
    AmazonPayNotFound,
    Buyer,
    Charge,
    ChargePermission,
    Money,
    Refund,
    Status,
)

logger = logging.getLogger(__name__)

REGION_HOSTS = {"na": "pay-api.amazon.com", "eu": "pay-api.amazon.eu", "jp": "pay-api.amazon.jp"}
REGION_ALIASES = {"us": "na", "de": "eu", "uk": "eu"}
RETRY_STATUSES = {408, 425, 429}
USER_AGENT = f"privacydesk-amazon-pay/1 (python-requests/{requests.__version__})"
CLOSURE_REASON_MAX = 255

CHARGE_PERMISSION_ID = re.compile(r"^[A-Z0-9]{3}-[0-9]{7}-[0-9]{7}$")
CHARGE_ID = re.compile(r"^[A-Z0-9]{3}-[0-9]{7}-[0-9]{7}-C[0-9]{6}$")
REFUND_ID = re.compile(r"^[A-Z0-9]{3}-[0-9]{7}-[0-9]{7}-R[0-9]{6}$")
IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass(frozen=True)
class AmazonPayConfig:
    public_key_id: str
    private_key: rsa.RSAPrivateKey = field(repr=False)
    region: str = "eu"
    sandbox: bool = True
    algorithm: str = signing.V2.name
    endpoint: str | None = None
    timeout: float = 10.0
    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0

    def __post_init__(self):
        region = REGION_ALIASES.get(self.region.lower(), self.region.lower())
        if region not in REGION_HOSTS:
            raise ValueError(f"region {self.region!r} is not one of na, eu, jp (aliases us, de, uk)")
        object.__setattr__(self, "region", region)
        object.__setattr__(self, "algorithm", signing.algorithm_named(self.algorithm).name)
        if not self.public_key_id.strip():
            raise ValueError("public_key_id is empty: use the key id Amazon Pay shows in Seller Central")
        if self.endpoint and not urlsplit(self.endpoint).hostname:
            raise ValueError(f"endpoint {self.endpoint!r} is not a URL: use https://host[:port]")

    @property
    def environment_specific_key(self) -> bool:
        return self.public_key_id.upper().startswith(("LIVE-", "SANDBOX-"))

    @property
    def host(self) -> str:
        return urlsplit(self.endpoint).hostname if self.endpoint else REGION_HOSTS[self.region]

    @property
    def origin(self) -> str:
        if not self.endpoint:
            return f"https://{self.host}"
        parts = urlsplit(self.endpoint)
        return f"{parts.scheme}://{parts.netloc}"

    def path(self, resource: str) -> str:
        """Return the request path: `/{sandbox|live}/v2/…`, or `/v2/…` for LIVE-/SANDBOX- key ids."""
        prefix = urlsplit(self.endpoint).path.rstrip("/") if self.endpoint else ""
        if not self.environment_specific_key:
            prefix += "/sandbox" if self.sandbox else "/live"
        return f"{prefix}/v2/{resource}"


@dataclass(frozen=True)
class SignedRequest:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes


class _Transient(Exception):
    def __init__(self, reason: str, *, status: int | None = None, reason_code: str | None = None):
        super().__init__(reason)
        self.reason, self.status, self.reason_code = reason, status, reason_code


class AmazonPayClient:
    """Amazon Pay API v2 operations the privacy service needs; keep one per worker and close it when done."""

    def __init__(
        self,
        config: AmazonPayConfig,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        now: Callable[[], datetime] = timezone.now,
    ):
        self.config = config
        self._algorithm = signing.algorithm_named(config.algorithm)
        self._sleep, self._rng, self._now = sleep, rng or random.Random(), now
        self._session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=8, max_retries=0)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    def close(self) -> None:
        self._session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # Operations -------------------------------------------------------------------------

    def buyer_get(self, *, buyer_token: str) -> Buyer:
        if not buyer_token or len(buyer_token) > 2048:
            raise ValueError("buyer_token must be the non-empty token from the Amazon Sign-in redirect")
        return self._call("get buyer", "GET", f"buyers/{quote(buyer_token, safe='')}", parse=_buyer)

    def charge_permission_get(self, *, charge_permission_id: str) -> ChargePermission:
        _check("charge_permission_id", charge_permission_id, CHARGE_PERMISSION_ID, "S01-1234567-1234567")
        return self._call(
            "get charge permission", "GET", f"chargePermissions/{charge_permission_id}", parse=_charge_permission
        )

    def charge_permission_close(
        self,
        *,
        charge_permission_id: str,
        closure_reason: str,
        idempotency_key: str,
        cancel_pending_charges: bool = False,
    ) -> ChargePermission:
        """Close a charge permission (DELETE …/close); repeating it with the same key is safe."""
        _check("charge_permission_id", charge_permission_id, CHARGE_PERMISSION_ID, "S01-1234567-1234567")
        _check("idempotency_key", idempotency_key, IDEMPOTENCY_KEY, "amazon_pay_idempotency_key(request_id, cp_id)")
        if not closure_reason.strip() or len(closure_reason) > CLOSURE_REASON_MAX:
            raise ValueError(f"closure_reason must be 1 to {CLOSURE_REASON_MAX} characters, got {len(closure_reason)}")
        payload = {"closureReason": closure_reason, "cancelPendingCharges": cancel_pending_charges}
        return self._call(
            "close charge permission",
            "DELETE",
            f"chargePermissions/{charge_permission_id}/close",
            payload=payload,
            idempotency_key=idempotency_key,
            parse=_charge_permission,
        )

    def charge_get(self, *, charge_id: str) -> Charge:
        _check("charge_id", charge_id, CHARGE_ID, "S01-1234567-1234567-C123456")
        return self._call("get charge", "GET", f"charges/{charge_id}", parse=_charge)

    def refund_get(self, *, refund_id: str) -> Refund:
        _check("refund_id", refund_id, REFUND_ID, "S01-1234567-1234567-R123456")
        return self._call("get refund", "GET", f"refunds/{refund_id}", parse=_refund)

    # Signing ------------------------------------------------------------------------------

    def request_sign(
        self, *, method: str, resource: str, body: bytes = b"", idempotency_key: str | None = None
    ) -> SignedRequest:
        """Build the signed request for `resource` (e.g. `charges/{id}`) without sending it."""
        url = self.config.origin + self.config.path(resource)
        headers = {
            "accept": "application/json",
            "content-type": "application/json",
            "x-amz-pay-date": signing.amz_date(self._now()),
            "x-amz-pay-host": self.config.host,
            "x-amz-pay-region": self.config.region,
        }
        if idempotency_key:
            headers["x-amz-pay-idempotency-key"] = idempotency_key
        canonical = signing.canonical_request(
            method=method, path=urlsplit(url).path, query="", headers=headers, body=body
        )
        signature = signing.signature_create(
            self.config.private_key, self._algorithm, signing.string_to_sign(self._algorithm, canonical)
        )
        headers["authorization"] = signing.authorization_header(
            algorithm=self._algorithm,
            public_key_id=self.config.public_key_id,
            signed_headers=headers,
            signature=signature,
        )
        headers["user-agent"] = USER_AGENT
        return SignedRequest(method=method, url=url, headers=headers, body=body)

    # Transport ----------------------------------------------------------------------------

    def _call(self, operation, method, resource, *, parse, payload=None, idempotency_key=None):
        body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
        attempt = 1
        while True:
            try:
                return self._attempt(operation, method, resource, body, idempotency_key, parse)
            except _Transient as failure:
                if attempt > self.config.max_retries:
                    raise AmazonPayError(
                        f"{failure.reason}; gave up after {attempt} attempts",
                        permanent=False,
                        status=failure.status,
                        reason_code=failure.reason_code,
                        attempts=attempt,
                    ) from failure
                delay = self._backoff(attempt)
                logger.warning("amazon pay: attempt %d failed: %s; retrying in %.2f s", attempt, failure.reason, delay)
                self._sleep(delay)
                attempt += 1

    def _attempt(self, operation, method, resource, body, idempotency_key, parse):
        signed = self.request_sign(method=method, resource=resource, body=body, idempotency_key=idempotency_key)
        try:
            response = self._session.request(
                method, signed.url, data=body or None, headers=signed.headers, timeout=self.config.timeout
            )
        except requests.Timeout:
            raise _Transient(f"{operation}: Amazon Pay did not answer within {self.config.timeout:g} s") from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as error:
            raise _Transient(f"{operation}: connection to Amazon Pay failed ({_root_cause(error)})") from None
        except requests.RequestException as error:
            raise AmazonPayError(
                f"{operation}: request could not be sent ({type(error).__name__})", permanent=True
            ) from None
        if response.ok:
            return _decode(operation, response, parse)
        raise _refusal(operation, response)

    def _backoff(self, attempt: int) -> float:
        """Exponential back-off with "equal jitter": half the ceiling fixed, half random."""
        ceiling = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)


def _check(name: str, value: str, pattern: re.Pattern, example: str) -> None:
    if not isinstance(value, str) or not pattern.match(value):
        raise ValueError(f"{name} {value!r} is not valid: expected the form {example}")


def _decode(operation, response, parse):
    try:
        return parse(response.json())
    except (ValueError, KeyError, TypeError, AttributeError, ArithmeticError):
        raise _Transient(
            f"{operation}: Amazon Pay answered {response.status_code} with malformed JSON", status=response.status_code
        ) from None


def _refusal(operation: str, response: requests.Response) -> Exception:
    status = response.status_code
    try:
        body = response.json()
        code, message = str(body.get("reasonCode") or ""), str(body.get("message") or "")
    except (ValueError, AttributeError):
        code, message = "", ""
    label = f"{status} {code}".strip()
    if status == 429:
        return _Transient(f"{operation}: Amazon Pay is throttling requests ({label})", status=status, reason_code=code)
    if status in RETRY_STATUSES or status >= 500:
        return _Transient(
            f"{operation}: Amazon Pay could not serve the request ({label})", status=status, reason_code=code
        )
    if status == 404:
        return AmazonPayNotFound(
            f"{operation}: Amazon Pay does not know this reference ({label})",
            permanent=True,
            status=status,
            reason_code=code,
        )
    if status in (401, 403):
        return AmazonPayError(
            f"{operation}: Amazon Pay refused the credentials ({label}); check AMAZON_PAY_PUBLIC_KEY_ID, "
            "AMAZON_PAY_PRIVATE_KEY_PATH, AMAZON_PAY_ALGORITHM and the server clock",
            permanent=True,
            status=status,
            reason_code=code,
        )
    detail = f": {message[:200]}" if message else ""
    return AmazonPayError(
        f"{operation}: Amazon Pay rejected the request ({label}){detail}",
        permanent=True,
        status=status,
        reason_code=code,
    )


def _root_cause(error: BaseException) -> str:
    """Name the innermost exception (e.g. ConnectionResetError) inside requests' wrappers."""
    seen = error
    while True:
        inner = next((arg for arg in getattr(seen, "args", ()) if isinstance(arg, BaseException)), None)
        inner = inner or seen.__cause__ or seen.__context__
        if inner is None or inner is seen:
            return type(seen).__name__
        seen = inner


# Wire format -> dataclasses (KeyError/TypeError here means a malformed answer) -----------


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return signing.amz_date_parse(value)
    except ValueError:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _money(data: dict | None) -> Money | None:
    return Money(amount=Decimal(str(data["amount"])), currency_code=data["currencyCode"]) if data else None


ADDRESS_FIELDS = {
    "name": "name",
    "address_line1": "addressLine1",
    "address_line2": "addressLine2",
    "address_line3": "addressLine3",
    "city": "city",
    "county": "county",
    "district": "district",
    "state_or_region": "stateOrRegion",
    "postal_code": "postalCode",
    "country_code": "countryCode",
    "phone_number": "phoneNumber",
}


def _address(data: dict | None) -> Address | None:
    return Address(**{name: data.get(key) for name, key in ADDRESS_FIELDS.items()}) if data else None


def _status(data: dict) -> Status:
    reasons = [item["reasonCode"] for item in data.get("reasons") or ()]
    if data.get("reasonCode"):
        reasons.append(data["reasonCode"])
    return Status(state=data["state"], reasons=tuple(reasons), updated_at=_timestamp(data.get("lastUpdatedTimestamp")))


def _buyer(data: dict | None) -> Buyer | None:
    if not data:
        return None
    return Buyer(
        buyer_id=data["buyerId"],
        name=data.get("name"),
        email=data.get("email"),
        phone_number=data.get("phoneNumber"),
        postal_code=data.get("postalCode"),
        country_code=data.get("countryCode"),
        shipping_address=_address(data.get("shippingAddress")),
        billing_address=_address(data.get("billingAddress")),
        prime_membership_types=tuple(data.get("primeMembershipTypes") or ()),
    )


def _charge_permission(data: dict) -> ChargePermission:
    merchant = data.get("merchantMetadata") or {}
    return ChargePermission(
        charge_permission_id=data["chargePermissionId"],
        charge_permission_type=data.get("chargePermissionType") or "OneTime",
        status=_status(data["statusDetails"]),
        buyer=_buyer(data.get("buyer")),
        shipping_address=_address(data.get("shippingAddress")),
        billing_address=_address(data.get("billingAddress")),
        merchant_reference_id=merchant.get("merchantReferenceId"),
        merchant_store_name=merchant.get("merchantStoreName"),
        presentment_currency=data.get("presentmentCurrency"),
        created_at=_timestamp(data.get("creationTimestamp")),
        expires_at=_timestamp(data.get("expirationTimestamp")),
        release_environment=data.get("releaseEnvironment"),
    )


def _charge(data: dict) -> Charge:
    return Charge(
        charge_id=data["chargeId"],
        charge_permission_id=data["chargePermissionId"],
        status=_status(data["statusDetails"]),
        charge_amount=_money(data.get("chargeAmount")),
        capture_amount=_money(data.get("captureAmount")),
        refunded_amount=_money(data.get("refundedAmount")),
        soft_descriptor=data.get("softDescriptor"),
        merchant_reference_id=(data.get("merchantMetadata") or {}).get("merchantReferenceId"),
        created_at=_timestamp(data.get("creationTimestamp")),
        expires_at=_timestamp(data.get("expirationTimestamp")),
        release_environment=data.get("releaseEnvironment"),
    )


def _refund(data: dict) -> Refund:
    return Refund(
        refund_id=data["refundId"],
        charge_id=data["chargeId"],
        status=_status(data["statusDetails"]),
        refund_amount=_money(data.get("refundAmount")),
        soft_descriptor=data.get("softDescriptor"),
        created_at=_timestamp(data.get("creationTimestamp")),
        release_environment=data.get("releaseEnvironment"),
    )
