"""Walking the chain: every sealed event in sequence order, both MACs recomputed.

The first event that does not fit is named with a reason:
  tampered  - its content (metadata or ciphertext) or its seal no longer matches its MACs;
  missing   - a sequence number is absent (deleted, or the rows after it renumbered);
  reordered - an authentic event sits at another place than the one it was sealed at;
  inserted  - a row the application never wrote (no valid MAC, skipped by the chain, or
              beyond the recorded head).
"""

import uuid
from dataclasses import asdict, dataclass

from django.db import transaction

from privacy import crypto
from privacy.audit import chain, events
from privacy.audit.actors import Actor
from privacy.audit.models import AuditChainHead, AuditEvent
from privacy.audit.rows import content_rows, repeated_event_ids
from privacy.audit.services import audit_chain_seal

CHUNK = 10_000
LEADING = ("id", "seq", "prev_hash", "chain_hash", "row_mac")


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    events_checked: int
    head_seq: int
    head_hash: str
    reason: str | None = None
    message: str = ""
    first_bad_event: dict | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["head"] = {"seq": data.pop("head_seq"), "hash": data.pop("head_hash")}
        return data


class ChainBroken(Exception):
    def __init__(self, reason: str, message: str, row=None, **where):
        super().__init__(message)
        self.reason, self.message = reason, message
        self.where = {"id": row[0], "event_id": str(uuid.UUID(row[len(LEADING)])), "seq": row[1]} if row else {}
        self.where.update(where)


def audit_chain_verify(*, seal_first: bool = True) -> VerificationResult:
    """Seal what is pending (unless told not to), then check the whole chain and name the first bad event."""
    if seal_first:
        audit_chain_seal()
    head = AuditChainHead.objects.filter(pk=1).first() or AuditChainHead(seq=0, chain_hash=chain.GENESIS_HASH)
    walk = _Walk()
    try:
        walk.run(head.seq)
        _check_tail(head, walk.checked)
        _check_unsealed()
    except ChainBroken as broken:
        return VerificationResult(
            ok=False,
            events_checked=walk.checked,
            head_seq=head.seq,
            head_hash=head.chain_hash,
            reason=broken.reason,
            message=broken.message,
            first_bad_event=broken.where,
        )
    return VerificationResult(ok=True, events_checked=walk.checked, head_seq=head.seq, head_hash=head.chain_hash)


class _Walk:
    checked = 0

    def run(self, head_seq: int) -> None:
        mac, prev = chain.chain_mac(), chain.GENESIS_HASH
        for row in _rows_upto(head_seq):
            _, seq, _, chain_hash, row_mac, *content = row
            if seq != self.checked + 1:
                raise ChainBroken(
                    "missing", f"event #{self.checked + 1} is missing: the chain jumps to #{seq}",
                    seq=self.checked + 1, next_id=row[0],
                )
            # Plain comparisons: a batch walk over stored values is no timing oracle, and this loop
            # sets the verification rate.
            if (
                chain.link_mac(mac, prev_hash=prev, seq=seq, row_mac=row_mac) != chain_hash
                or chain.content_mac(mac, content) != row_mac
            ):
                _diagnose(mac, row, prev)
            prev = chain_hash
            self.checked = seq


def _rows_upto(head_seq: int):
    last = 0
    while last < head_seq:
        chunk = list(
            content_rows(AuditEvent.objects.filter(seq__gt=last, seq__lte=head_seq).order_by("seq"), *LEADING)[:CHUNK]
        )
        if not chunk:
            return
        yield from chunk
        last = chunk[-1][1]


def _diagnose(mac: crypto.HmacSha256, row, prev: str):
    event_pk, seq, prev_hash, chain_hash, row_mac, *content = row
    authentic = crypto.macs_equal(chain.content_mac(mac, tuple(content)), row_mac)
    following = AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("prev_hash", flat=True).first()
    if not authentic and following == prev:
        raise ChainBroken("inserted", f"event #{seq} was inserted: the chain runs past it and no valid MAC covers it", row)
    if prev_hash == prev and not authentic:
        raise ChainBroken("tampered", f"event #{seq} was altered: its content no longer matches its MAC", row)
    if prev_hash == prev:
        raise ChainBroken("tampered", f"event #{seq} was altered: its seal does not match its place in the chain", row)
    if not authentic:
        raise ChainBroken("tampered", f"event #{seq} was altered: neither its content nor its link verify", row)
    if AuditEvent.objects.filter(chain_hash=prev_hash).exclude(pk=event_pk).exists():
        raise ChainBroken("reordered", f"event #{seq} was moved: it was sealed after another event", row)
    raise ChainBroken("missing", f"the event sealed before #{seq} is missing and the rows after it were renumbered", row)


def _check_tail(head: AuditChainHead, checked: int):
    if checked < head.seq:
        raise ChainBroken("missing", f"events #{checked + 1} to #{head.seq} are missing (the head records #{head.seq})", seq=checked + 1)
    last_hash = AuditEvent.objects.filter(seq=head.seq).values_list("chain_hash", flat=True).first() if head.seq else None
    if head.seq and last_hash != head.chain_hash:
        raise ChainBroken("tampered", f"the recorded head hash does not match event #{head.seq}", seq=head.seq)
    beyond = content_rows(AuditEvent.objects.filter(seq__gt=head.seq).order_by("seq"), *LEADING).first()
    if beyond and beyond[1] > _current_head_seq():
        raise ChainBroken("inserted", f"event #{beyond[1]} lies beyond the recorded head #{head.seq}", beyond)


def _current_head_seq() -> int:
    return AuditChainHead.objects.filter(pk=1).values_list("seq", flat=True).first() or 0


def _check_unsealed():
    """Name an unsealed row the sealer refused: no valid MAC, or a copy of another event."""
    mac = chain.chain_mac()
    unsealed = list(content_rows(AuditEvent.objects.filter(seq__isnull=True).order_by("id"), *LEADING))
    copies = repeated_event_ids([row[len(LEADING)] for row in unsealed])
    for row in unsealed:
        if not crypto.macs_equal(chain.content_mac(mac, tuple(row[len(LEADING):])), row[4]):
            raise ChainBroken("inserted", f"unsealed row {row[0]} was inserted: the application never wrote it", row)
        if row[len(LEADING)] in copies:
            raise ChainBroken("inserted", f"unsealed row {row[0]} was inserted: a copy of another event", row)


def audit_chain_verify_and_record(*, actor: Actor) -> VerificationResult:
    """Verify the chain and append the outcome to it, so each check is itself on the record."""
    result = audit_chain_verify()
    with transaction.atomic():
        events.audit_verified(actor=actor, result=result)
    return result
