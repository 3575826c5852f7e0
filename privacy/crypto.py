"""The key ring: versioned AES-256-GCM key-encryption keys and the blind-index key.

Data keys (one per subject or record) are random 256-bit keys wrapped by the active
key-encryption key (KEK); see privacy/keys.py for where they are stored. Only this module
touches the cipher primitives.

The blind-index key is the ring's long-lived integrity root: it never rotates (blind indexes and
the audit hash chain would have to be recomputed), so the keys that must stay stable for years
(the audit chain MAC, the export signing key) are derived from it by HKDF, one per purpose.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.core.exceptions import ImproperlyConfigured

NONCE_BYTES = 12
KEY_BYTES = 32
KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
KEY_LIST_FORM = "id:base64key[,id:base64key...] with 32-byte keys, the active key first"
HKDF_SALT = b"privacydesk-key-ring-v1"


class DecryptionError(Exception):
    """Ciphertext could not be opened: wrong key, tampered bytes, or a retired key removed."""


@dataclass(frozen=True)
class KeyRing:
    keks: dict[str, bytes]
    active_id: str
    blind_index_key: bytes

    def wrap(self, data_key: bytes) -> tuple[str, bytes]:
        return self.active_id, seal(self.keks[self.active_id], data_key, aad=self.active_id.encode())

    def unwrap(self, kek_id: str, wrapped: bytes) -> bytes:
        if kek_id not in self.keks:
            raise DecryptionError(f"key-encryption key {kek_id!r} is not in the key ring")
        return open_sealed(self.keks[kek_id], wrapped, aad=kek_id.encode())


def parse_key_list(text: str, *, variable: str) -> dict[str, bytes]:
    keys: dict[str, bytes] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        key_id, sep, encoded = entry.partition(":")
        if not sep or not KEY_ID.match(key_id):
            raise ImproperlyConfigured(f"{variable} entry {key_id!r} is malformed: use {KEY_LIST_FORM}.")
        key = _decode_key(encoded, variable=variable, key_id=key_id)
        if key_id in keys:
            raise ImproperlyConfigured(f"{variable} names key {key_id!r} twice.")
        keys[key_id] = key
    if not keys:
        raise ImproperlyConfigured(f"{variable} holds no key: use {KEY_LIST_FORM}.")
    return keys


def parse_single_key(text: str, *, variable: str) -> bytes:
    return _decode_key(text.strip(), variable=variable, key_id="")


def _decode_key(encoded: str, *, variable: str, key_id: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        where = f" key {key_id!r}" if key_id else ""
        raise ImproperlyConfigured(f"{variable}{where} must be 32 bytes in URL-safe base64 (44 characters).")
    return key


@lru_cache(maxsize=1)
def keyring() -> KeyRing:
    from django.conf import settings

    keks = parse_key_list(settings.PRIVACY_ENCRYPTION_KEYS, variable="PRIVACY_ENCRYPTION_KEYS")
    blind = parse_single_key(settings.PRIVACY_BLIND_INDEX_KEY, variable="PRIVACY_BLIND_INDEX_KEY")
    return KeyRing(keks=keks, active_id=next(iter(keks)), blind_index_key=blind)


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, *, aad: bytes = b"") -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + _aead(key).encrypt(nonce, plaintext, aad)


@lru_cache(maxsize=256)
def _aead(key: bytes) -> AESGCM:
    """The cipher object of a data key, built once: an audit append encrypts under a few recent keys."""
    return AESGCM(key)


def open_sealed(key: bytes, blob: bytes, *, aad: bytes = b"") -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError) as error:
        raise DecryptionError("ciphertext failed authentication") from error


def blind_index(value: str, *, purpose: str) -> str:
    """Return a keyed, deterministic index of value for equality look-ups without the clear value."""
    message = purpose.encode() + b"\x00" + value.encode()
    return hmac.new(keyring().blind_index_key, message, hashlib.sha256).hexdigest()


@lru_cache(maxsize=16)
def derived_key(purpose: str) -> bytes:
    """Return the 32-byte key for purpose, derived from the integrity root; distinct purposes get independent keys."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=HKDF_SALT, info=purpose.encode())
    return hkdf.derive(keyring().blind_index_key)


def mac_hex(key: bytes, message: bytes) -> str:
    return hmac.digest(key, message, "sha256").hex()


class HmacSha256:
    """HMAC-SHA256 (RFC 2104) under one key, with the padded key states computed once.

    Same output as hmac.digest(key, message, "sha256"), about four times faster per message:
    chain verification computes two MACs per event.
    """

    BLOCK = 64

    def __init__(self, key: bytes):
        padded = (hashlib.sha256(key).digest() if len(key) > self.BLOCK else key).ljust(self.BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))

    def hex(self, message: bytes) -> str:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def macs_equal(left: str | None, right: str | None) -> bool:
    """Compare two hex MACs in constant time; anything that is not a string (a missing MAC) never matches."""
    if not isinstance(left, str) or not isinstance(right, str):
        return False
    return hmac.compare_digest(left.encode(), right.encode())


def signing_key(purpose: str) -> Ed25519PrivateKey:
    """Return the Ed25519 key for purpose, derived from the integrity root (its public half may be published)."""
    return Ed25519PrivateKey.from_private_bytes(derived_key(purpose))


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_index(email: str) -> str:
    return blind_index(normalize_email(email), purpose="email")
