"""Amazon Pay API v2 request signing (RSASSA-PSS over a canonical request).

The scheme, as the official SDKs implement it (PHP `Client.php`, Node `clientHelper.js`,
Java `SignatureHelper.java`):

    canonical request = METHOD \\n path \\n canonical query \\n
                        one "name:value" line per signed header, sorted, then an empty line \\n
                        signed header names joined by ";" \\n
                        hex SHA-256 of the body
    string to sign    = ALGORITHM \\n hex SHA-256 of the canonical request
    signature         = base64 RSASSA-PSS(SHA-256, MGF1-SHA-256, salt) of the string to sign

`AMZN-PAY-RSASSA-PSS-V2` uses a 32-byte salt, the original `AMZN-PAY-RSASSA-PSS` 20 bytes.
The client signs with this module; the simulator verifies with it.
"""

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa


@dataclass(frozen=True)
class Algorithm:
    name: str
    salt_length: int


V2 = Algorithm("AMZN-PAY-RSASSA-PSS-V2", 32)
V1 = Algorithm("AMZN-PAY-RSASSA-PSS", 20)
ALGORITHMS = {V2.name: V2, V1.name: V1}

AUTHORIZATION = re.compile(
    r"^(?P<algorithm>[A-Z0-9-]+) PublicKeyId=(?P<key_id>[^,\s]+), "
    r"SignedHeaders=(?P<signed>[a-z0-9;-]+), Signature=(?P<signature>[A-Za-z0-9+/=]+)$"
)


@dataclass(frozen=True)
class Authorization:
    algorithm: str
    public_key_id: str
    signed_headers: tuple[str, ...]
    signature: str


def algorithm_named(name: str) -> Algorithm:
    try:
        return ALGORITHMS[name.upper()]
    except KeyError:
        raise ValueError(f"unknown Amazon Pay signing algorithm {name!r}: use one of {', '.join(ALGORITHMS)}") from None


def amz_date(moment: datetime) -> str:
    """Format an aware datetime the way the PHP and Java SDKs send x-amz-pay-date."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def amz_date_parse(value: str) -> datetime:
    """Parse x-amz-pay-date in either SDK form (20240102T030405Z or 2024-01-02T03:04:05Z)."""
    for form in ("%Y%m%dT%H%M%SZ", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            return datetime.strptime(value, form).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise ValueError(f"x-amz-pay-date {value!r} is neither YYYYMMDDTHHMMSSZ nor YYYY-MM-DDTHH:MM:SSZ")


def sha256_hex(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def canonical_query(params: Iterable[tuple[str, str]]) -> str:
    """Sort parameters by name and percent-encode values as RFC 3986 (PHP rawurlencode)."""
    return "&".join(f"{name}={quote(str(value), safe='-_.~')}" for name, value in sorted(params) if value != "")


def canonical_request(*, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> str:
    signed = sorted(name.lower() for name in headers)
    values = {name.lower(): value.strip() for name, value in headers.items()}
    header_lines = "".join(f"{name}:{values[name]}\n" for name in signed)
    return "\n".join([method.upper(), path or "/", query, header_lines, ";".join(signed), sha256_hex(body)])


def string_to_sign(algorithm: Algorithm, canonical: str) -> str:
    return f"{algorithm.name}\n{sha256_hex(canonical)}"


def _pss(algorithm: Algorithm) -> padding.PSS:
    return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=algorithm.salt_length)


def signature_create(private_key: rsa.RSAPrivateKey, algorithm: Algorithm, text: str) -> str:
    raw = private_key.sign(text.encode(), _pss(algorithm), hashes.SHA256())
    return base64.b64encode(raw).decode()


def signature_valid(public_key: rsa.RSAPublicKey, algorithm: Algorithm, text: str, signature: str) -> bool:
    """Check a signature with exactly the algorithm's salt length (a V2 name with salt 20 fails)."""
    try:
        public_key.verify(base64.b64decode(signature, validate=True), text.encode(), _pss(algorithm), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def authorization_header(
    *, algorithm: Algorithm, public_key_id: str, signed_headers: Iterable[str], signature: str
) -> str:
    names = ";".join(sorted(name.lower() for name in signed_headers))
    return f"{algorithm.name} PublicKeyId={public_key_id}, SignedHeaders={names}, Signature={signature}"


def authorization_parse(value: str) -> Authorization:
    match = AUTHORIZATION.match(value.strip())
    if not match:
        raise ValueError("authorization header is not '<ALGORITHM> PublicKeyId=…, SignedHeaders=…, Signature=…'")
    return Authorization(
        algorithm=match["algorithm"],
        public_key_id=match["key_id"],
        signed_headers=tuple(match["signed"].split(";")),
        signature=match["signature"],
    )


def private_key_load(pem: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the Amazon Pay private key must be an RSA key in PEM form")
    return key


def public_key_load(pem: bytes) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("the Amazon Pay public key must be an RSA key in PEM form")
    return key
