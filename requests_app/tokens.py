"""Secrets in links: single-use tokens (only a hash stored) and the status link (derived, nothing stored).

A single-use token reads `<row id>.<secret>`: the id finds the row, then the secret's SHA-256
is compared with the stored hash in constant time. A status token reads `<request id>.<mac>`
where mac is a keyed HMAC over the id and the request's random salt: rotating the salt revokes
every status link at once.
"""

import hashlib
import hmac
import secrets

from privacy.crypto import blind_index

SECRET_BYTES = 32
STATUS_MAC_CHARS = 32


def secret_new() -> tuple[str, str]:
    """Return a fresh (secret, its SHA-256 hex digest)."""
    secret = secrets.token_urlsafe(SECRET_BYTES)
    return secret, secret_hash(secret)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(secret_hash(secret), stored_hash)


def token_join(row_id: int, secret: str) -> str:
    return f"{row_id}.{secret}"


def token_split(token: str) -> tuple[int, str] | None:
    """Return (row id, secret) or None when token is not of the form `<id>.<secret>`."""
    row_id, sep, secret = (token or "").strip().partition(".")
    if not sep or not (row_id.isascii() and row_id.isdigit()) or not secret or len(secret) > 128:
        return None
    return int(row_id), secret


def status_salt_new() -> str:
    return secrets.token_hex(16)


def status_token(request_id: int, salt: str) -> str:
    return token_join(request_id, _status_mac(request_id, salt))


def status_token_matches(mac: str, *, request_id: int, salt: str) -> bool:
    return hmac.compare_digest(mac, _status_mac(request_id, salt))


def _status_mac(request_id: int, salt: str) -> str:
    return blind_index(f"{request_id}:{salt}", purpose="request-status-link")[:STATUS_MAC_CHARS]
