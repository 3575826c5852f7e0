"""The canonical bytes of an event and the two MACs that seal it; pure functions, no database.

row_mac    = HMAC(K, canonical content: event id, time, actor, action, target, scope, ciphertext)
chain_hash = HMAC(K, previous chain_hash | seq | row_mac)

so each chain hash covers the previous hash, the sequence number and (through row_mac) the
event's metadata and ciphertext. K is derived from the key ring for this purpose only.

The canonical content joins the fields with the unit separator; appends refuse that character
(and NUL, which stands for an empty scope) in every field, so an authentic row has exactly one
separator between fields and no other row with different fields encodes to the same bytes.
"""

from datetime import UTC, datetime, timedelta
from functools import lru_cache

from privacy import crypto

CHAIN_PURPOSE = "audit-chain-v1"
EVENT_TAG = "pd-audit-event-v1"
GENESIS_HASH = "0" * 64
SEPARATOR = "\x1f"
NO_SCOPE = "\x00"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def chain_mac() -> crypto.HmacSha256:
    return _mac_for(crypto.derived_key(CHAIN_PURPOSE))


@lru_cache(maxsize=4)
def _mac_for(key: bytes) -> crypto.HmacSha256:
    return crypto.HmacSha256(key)


def canonical_prefix(*, event_hex: str, created_us: int, kind: str, actor_id: str, label: str, action: str,
                     target_type: str, target_id: str) -> str:
    """Return the canonical content up to the scope: the tag, the event id as 32 hex digits, the time in
    epoch microseconds, then actor, action and target (rows.CanonicalPrefix computes the same in SQL)."""
    return SEPARATOR.join((EVENT_TAG, event_hex, str(created_us), kind, actor_id, label, action, target_type, target_id))


def content_mac(mac: crypto.HmacSha256, prefix: str, scope: str | None, payload: str) -> str:
    """Return the row MAC of an event: HMAC over its canonical prefix, scope (NUL when none) and ciphertext."""
    return mac.hex(f"{prefix}{SEPARATOR}{NO_SCOPE if scope is None else scope}{SEPARATOR}{payload}".encode())


def canonical_time(moment: datetime) -> int:
    return (moment - EPOCH) // MICROSECOND


def link_mac(mac: crypto.HmacSha256, *, prev_hash: str, seq: int, row_mac: str) -> str:
    return mac.hex(f"pd-audit-link-v1|{prev_hash}|{seq}|{row_mac}".encode())
