"""Check a request's Amazon Pay signature the way the service does, with Amazon-like refusals."""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl

from django.utils import timezone

from privacy.sources.amazon_pay import signing

REQUIRED_SIGNED = ("accept", "content-type", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region")
IDEMPOTENCY_HEADER = "x-amz-pay-idempotency-key"
API_PATH = re.compile(r"^/(?:(?P<environment>sandbox|live)/)?v2/(?P<resource>.+)$")


class Rejected(Exception):
    """The request is refused before it reaches an operation; carries Amazon's status and reasonCode."""

    def __init__(self, status: int, reason_code: str, message: str):
        super().__init__(message)
        self.status, self.reason_code, self.message = status, reason_code, message

    def body(self) -> dict:
        return {"reasonCode": self.reason_code, "message": self.message}


@dataclass(frozen=True)
class Accepted:
    public_key_id: str
    algorithm: str
    environment: str  # "Sandbox" or "Live", from the key id prefix or the path segment
    resource: str  # the path after /v2/


class SignatureChecker:
    def __init__(
        self,
        *,
        public_keys: Mapping[str, signing.rsa.RSAPublicKey],
        hosts: Iterable[str],
        regions: Iterable[str] = ("na", "eu", "jp"),
        max_clock_skew: timedelta = timedelta(minutes=15),
        now: Callable[[], datetime] = timezone.now,
    ):
        self.public_keys = dict(public_keys)
        self.hosts = {host.lower() for host in hosts}
        self.regions = set(regions)
        self.max_clock_skew = max_clock_skew
        self.now = now

    def check(self, *, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> Accepted:
        """Return what the signature vouches for, or raise Rejected."""
        headers = {name.lower(): value.strip() for name, value in headers.items()}
        authorization = self._authorization(headers)
        public_key = self.public_keys.get(authorization.public_key_id)
        if public_key is None:
            raise Rejected(401, "UnauthorizedAccess", "The public key id is not registered for this merchant.")
        self._signed_headers_present(authorization, headers)
        self._header_values(headers)
        environment, resource = self._environment(authorization.public_key_id, path)
        algorithm = signing.ALGORITHMS[authorization.algorithm]
        signed = {name: headers[name] for name in authorization.signed_headers}
        canonical = signing.canonical_request(
            method=method, path=path, query=signing.canonical_query(parse_qsl(query)), headers=signed, body=body
        )
        text = signing.string_to_sign(algorithm, canonical)
        if not signing.signature_valid(public_key, algorithm, text, authorization.signature):
            raise Rejected(401, "InvalidRequestSignature", "The request signature does not match.")
        return Accepted(authorization.public_key_id, algorithm.name, environment, resource)

    def _authorization(self, headers: dict) -> signing.Authorization:
        if not headers.get("authorization"):
            raise Rejected(400, "MissingHeader", "The authorization header is missing.")
        try:
            authorization = signing.authorization_parse(headers["authorization"])
        except ValueError as error:
            raise Rejected(400, "InvalidHeaderValue", str(error)) from None
        if authorization.algorithm not in signing.ALGORITHMS:
            raise Rejected(400, "InvalidHeaderValue", f"Unsupported signing algorithm {authorization.algorithm}.")
        return authorization

    def _signed_headers_present(self, authorization: signing.Authorization, headers: dict) -> None:
        required = set(REQUIRED_SIGNED) | ({IDEMPOTENCY_HEADER} if IDEMPOTENCY_HEADER in headers else set())
        unsigned = sorted(required - set(authorization.signed_headers))
        if unsigned:
            raise Rejected(400, "MissingHeader", f"These headers must be signed: {', '.join(unsigned)}.")
        absent = sorted(name for name in authorization.signed_headers if not headers.get(name))
        if absent:
            raise Rejected(400, "MissingHeaderValue", f"Signed headers without a value: {', '.join(absent)}.")

    def _header_values(self, headers: dict) -> None:
        if headers["x-amz-pay-host"].lower() not in self.hosts:
            raise Rejected(400, "InvalidHeaderValue", "x-amz-pay-host does not name this endpoint.")
        if headers["x-amz-pay-region"] not in self.regions:
            raise Rejected(400, "InvalidHeaderValue", "x-amz-pay-region is not served by this endpoint.")
        try:
            sent_at = signing.amz_date_parse(headers["x-amz-pay-date"])
        except ValueError as error:
            raise Rejected(400, "InvalidHeaderValue", str(error)) from None
        if abs(self.now() - sent_at) > self.max_clock_skew:
            raise Rejected(400, "InvalidHeaderValue", "x-amz-pay-date is too far from the current time.")

    def _environment(self, public_key_id: str, path: str) -> tuple[str, str]:
        match = API_PATH.match(path)
        if not match:
            raise Rejected(400, "InvalidRequest", "The path is not an Amazon Pay API v2 path.")
        prefix = public_key_id.upper().partition("-")[0]
        if prefix in ("LIVE", "SANDBOX"):
            if match["environment"]:
                raise Rejected(
                    400, "InvalidRequest", "Environment-specific public key ids call /v2/… without /sandbox or /live."
                )
            return prefix.title(), match["resource"]
        if not match["environment"]:
            raise Rejected(400, "InvalidRequest", "This public key id needs /sandbox/v2/… or /live/v2/….")
        return match["environment"].title(), match["resource"]
