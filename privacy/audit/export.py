"""Signed JSON-lines export of the chain for a regulator, and the check a recipient runs on it.

Each line is one sealed event (metadata, ciphertext, MACs) in chain order; the last line is
{"signature": {...}}: an Ed25519 signature over the canonical JSON of the signature object
without its "value", which carries the SHA-256 of every byte before it. The signing key is
derived from the key ring; its public half (`manage.py audit public-key`) is what recipients
are given out of band. Payloads stay encrypted: details are shown only in the admin, audited.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from privacy import crypto
from privacy.audit import events
from privacy.audit.actors import Actor
from privacy.audit.chain import GENESIS_HASH
from privacy.audit.models import AuditChainHead, AuditSeal
from privacy.audit.services import audit_chain_seal

SIGNING_PURPOSE = "audit-export-ed25519-v1"
FIELDS = (
    "seq", "event_id", "created_at", "actor_kind", "actor_id", "actor_label", "action",
    "target_type", "target_id", "subject_scope", "payload", "row_mac", "prev_hash", "chain_hash",
)  # fmt: skip
SEAL_FIELDS = ("seq", "prev_hash", "chain_hash")


class ExportInvalid(Exception):
    """The export file is not what was signed, or not signed by the expected key."""


@dataclass(frozen=True)
class ExportSummary:
    events: int
    head_seq: int
    head_hash: str
    public_key: str


def export_public_key() -> str:
    """Return the export signing key's public half, raw 32 bytes in base64."""
    public = crypto.signing_key(SIGNING_PURPOSE).public_key()
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def audit_export_write(*, output: Path, since: datetime | None = None, actor: Actor) -> ExportSummary:
    """Seal pending events, write the chain (events created since `since`) to output, sign it, audit the export."""
    audit_chain_seal()
    head = AuditChainHead.objects.filter(pk=1).first() or AuditChainHead(seq=0, chain_hash=GENESIS_HASH)
    digest, count = hashlib.sha256(), 0
    with open(output, "w", encoding="utf-8", opener=_private_file) as stream:
        for row in _event_rows(since=since, head_seq=head.seq):
            line = _canonical(dict(zip(FIELDS, row))) + "\n"
            digest.update(line.encode())
            stream.write(line)
            count += 1
        signature = _signature(events=count, body_sha256=digest.hexdigest(), since=since, head=head)
        stream.write(_canonical({"signature": signature}) + "\n")
    with transaction.atomic():
        events.audit_exported(actor=actor, events=count, since=since, head_hash=head.chain_hash)
    return ExportSummary(events=count, head_seq=head.seq, head_hash=head.chain_hash, public_key=signature["public_key"])


def _event_rows(*, since, head_seq: int):
    """Yield the chain from the first event created at or after since (the tail stays contiguous)."""
    rows = AuditSeal.objects.filter(seq__lte=head_seq).order_by("seq")
    if since is not None:
        first = rows.filter(event__created_at__gte=since).aggregate(first=Min("seq"))["first"]
        rows = rows.filter(seq__gte=first if first is not None else head_seq + 1)
    columns = [name if name in SEAL_FIELDS else f"event__{name}" for name in FIELDS]
    for row in rows.values_list(*columns).iterator(chunk_size=5000):
        yield (row[0], str(row[1]), row[2].isoformat(), *row[3:])


def _signature(*, events: int, body_sha256: str, since, head) -> dict:
    fields = {
        "algorithm": "Ed25519",
        "public_key": export_public_key(),
        "events": events,
        "body_sha256": body_sha256,
        "since": since.isoformat() if since else None,
        "head": {"seq": head.seq, "hash": head.chain_hash},
        "signed_at": timezone.now().isoformat(),
    }
    value = crypto.signing_key(SIGNING_PURPOSE).sign(_canonical(fields).encode())
    return {**fields, "value": base64.b64encode(value).decode()}


def audit_export_check(*, path: Path, public_key: str) -> int:
    """Check the file at path was signed by public_key and is complete and linked; return its event count."""
    lines = Path(path).read_bytes().splitlines(keepends=True)
    if not lines:
        raise ExportInvalid("the file is empty: no signature line")
    signature = json.loads(lines[-1]).get("signature") or {}
    fields = {name: value for name, value in signature.items() if name != "value"}
    if fields.get("public_key") != public_key:
        raise ExportInvalid("the file was signed by another key than the one given")
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
        key.verify(base64.b64decode(signature.get("value", "")), _canonical(fields).encode())
    except (InvalidSignature, ValueError) as error:
        raise ExportInvalid("the signature does not verify") from error
    body = lines[:-1]
    if hashlib.sha256(b"".join(body)).hexdigest() != fields["body_sha256"] or len(body) != fields["events"]:
        raise ExportInvalid("the events in the file are not the ones that were signed")
    _check_links([json.loads(line) for line in body])
    return len(body)


def _check_links(rows: list[dict]) -> None:
    for before, after in zip(rows, rows[1:]):
        if after["seq"] != before["seq"] + 1 or after["prev_hash"] != before["chain_hash"]:
            raise ExportInvalid(f"event #{after['seq']} does not follow event #{before['seq']} in the chain")


def _canonical(data: dict) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _private_file(path, flags):
    return os.open(path, flags, 0o600)
