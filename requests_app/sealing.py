"""Encrypt and decrypt a request's personal values under its own data key (scope `request:<id>`).

Each ciphertext is bound to its request and column through the associated data, so a value
copied into another row or column fails to open instead of being misread. Shredding the
request's data key (privacy.keys.data_key_shred) makes every one of them unreadable.
"""

import json

from privacy import keys


def _scope(request_id: int) -> str:
    return f"request:{request_id}"


def _aad(request_id: int, field: str) -> bytes:
    return f"{_scope(request_id)}:{field}".encode()


def _key(request_id: int):
    return keys.data_key_for_scope(scope=_scope(request_id))


def seal_text(request_id: int, field: str, value: str) -> str:
    return keys.encrypt_text(value, key=_key(request_id), aad=_aad(request_id, field)) if value else ""


def open_text(request_id: int, field: str, token: str) -> str:
    return keys.decrypt_text(token, aad=_aad(request_id, field)) if token else ""


def seal_json(request_id: int, field: str, value) -> str:
    return seal_text(request_id, field, json.dumps(value, sort_keys=True)) if value else ""


def open_json(request_id: int, field: str, token: str, *, default=None):
    return json.loads(open_text(request_id, field, token)) if token else default


def seal_bytes(request_id: int, field: str, value: bytes) -> bytes:
    return keys.encrypt_bytes(value, key=_key(request_id), aad=_aad(request_id, field))


def open_bytes(request_id: int, field: str, blob: bytes) -> bytes:
    """Open with the key as it is now (a key shredded by another process a moment ago refuses it)."""
    key = keys.data_key_of_scope_now(scope=_scope(request_id))
    return keys.decrypt_bytes(bytes(blob), key=key, aad=_aad(request_id, field))
