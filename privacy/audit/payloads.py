"""Encrypting and opening the details of an event: the one place audit payloads meet the key ring."""

import json
from dataclasses import dataclass
from typing import Literal

from django.core.serializers.json import DjangoJSONEncoder

from privacy import crypto, keys

SHARED_SCOPE = "audit:shared"
DETAILS_ENCODER = DjangoJSONEncoder(sort_keys=True, ensure_ascii=False)  # json.dumps(cls=...) would build one per call


@dataclass(frozen=True)
class AuditPayload:
    status: Literal["ok", "shredded", "unreadable"]
    details: dict | None


def payload_encrypt(*, details: dict, event_id, subject_scope: str | None) -> str:
    if not isinstance(details, dict):
        raise TypeError(f"Audit details must be a dict of JSON values, got {type(details).__name__}.")
    key = keys.data_key_for_scope(scope=subject_scope or SHARED_SCOPE)
    text = DETAILS_ENCODER.encode(details)
    return keys.encrypt_text(text, key=key, aad=_aad(event_id))


def payload_decrypt(event) -> AuditPayload:
    try:
        text = keys.decrypt_text(event.payload, aad=_aad(event.event_id))
    except keys.KeyShredded:
        return AuditPayload(status="shredded", details=None)
    except crypto.DecryptionError:
        return AuditPayload(status="unreadable", details=None)
    return AuditPayload(status="ok", details=json.loads(text))


def _aad(event_id) -> bytes:
    return f"audit-event:{event_id}".encode()
