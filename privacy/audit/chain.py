"""The canonical bytes of an event and the two MACs that seal it; pure functions, no database.

row_mac   = HMAC(K, canonical content: event id, time, actor, action, target, scope, ciphertext)
chain_hash = HMAC(K, previous chain_hash | seq | row_mac)

so each chain hash covers the previous hash, the sequence number and (through row_mac) the
event's metadata and ciphertext. K is derived from the key ring for this purpose only.
"""

import json
from datetime import UTC, datetime, timedelta

from privacy import crypto

CHAIN_PURPOSE = "audit-chain-v1"
GENESIS_HASH = "0" * 64
CONTENT_FIELDS = (
    "event_id",
    "created_at",
    "actor_kind",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "subject_scope",
    "payload",
)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def chain_key() -> bytes:
    return crypto.derived_key(CHAIN_PURPOSE)


def content_mac(key: bytes, content: tuple) -> str:
    """Return the row MAC of content, a tuple of the CONTENT_FIELDS values in that order."""
    event_id, created_at, *rest = content
    message = json.dumps(
        ["pd-audit-event-v1", str(event_id), (created_at - EPOCH) // MICROSECOND, *rest],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return crypto.mac_hex(key, message.encode())


def link_mac(key: bytes, *, prev_hash: str, seq: int, row_mac: str) -> str:
    return crypto.mac_hex(key, f"pd-audit-link-v1|{prev_hash}|{seq}|{row_mac}".encode())
