"""Walking the chain: every seal in sequence order with its event, both MACs recomputed.

The first event that does not fit is named with a reason:
  tampered  - its content (metadata or ciphertext) or its seal no longer matches its MACs;
  missing   - a sequence number or a sealed event is absent (deleted, or the seals after it renumbered);
  reordered - an authentic event sits at another place than the one it was sealed at;
  inserted  - a row the application never wrote (no valid MAC, skipped by the chain, or
              beyond the recorded head).

The message is recorded in English (in the audit trail, the CLI's report, the alert e-mail); its
template and values travel with it so a page can show it in the reader's language.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from privacy import crypto
from privacy.audit import chain, events
from privacy.audit.actors import Actor
from privacy.audit.models import AuditChainHead, AuditEvent, AuditSeal
from privacy.audit.rows import CanonicalPrefix, content_rows, event_hex, repeated_event_ids
from privacy.audit.sealing import audit_chain_seal

CHUNK = 20_000
# Only what the MACs need: anything else is read when a seal does not fit.
WALKED = ("seq", "chain_hash", "event__row_mac", "prefix", "event__subject_scope", "event__payload")
REASON_LABELS = {
    "tampered": gettext_lazy("tampered"),
    "missing": gettext_lazy("missing"),
    "reordered": gettext_lazy("reordered"),
    "inserted": gettext_lazy("inserted"),
}


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    events_checked: int
    head_seq: int
    head_hash: str
    reason: str | None = None
    first_bad_event: dict | None = None
    message_template: str = ""  # English, marked with gettext_noop; `message` fills it in
    message_values: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English message, as recorded (audit trail, CLI report, alert e-mail)."""
        return self.message_template % self.message_values

    def as_dict(self) -> dict:
        return {
            "ok": self.ok, "events_checked": self.events_checked, "reason": self.reason, "message": self.message,
            "first_bad_event": self.first_bad_event, "head": {"seq": self.head_seq, "hash": self.head_hash},
        }  # fmt: skip

    def reason_translated(self) -> str:
        return str(REASON_LABELS.get(self.reason, self.reason or ""))

    def message_translated(self) -> str:
        return gettext(self.message_template) % self.message_values if self.message_template else ""


class ChainBroken(Exception):
    def __init__(self, reason: str, template: str, values: dict, *, event_pk: int | None = None, **where):
        """`template` is English, marked with gettext_noop: the exception's text fills it in, pages translate it."""
        super().__init__(template % values)
        self.reason, self.template, self.values = reason, template, values
        self.where = {**_event_where(event_pk), "seq": None, **where} if event_pk is not None else where


def _event_where(event_pk: int) -> dict:
    event_id = AuditEvent.objects.filter(pk=event_pk).values_list("event_id", flat=True).first()
    return {"id": event_pk, "event_id": str(event_id) if event_id else None}


def audit_chain_verify(*, seal_first: bool = True) -> VerificationResult:
    """Seal what is pending (unless told not to), then check the whole chain and name the first bad event."""
    if seal_first:
        audit_chain_seal(sweep=True)
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
            first_bad_event=broken.where,
            message_template=broken.template,
            message_values=broken.values,
        )
    return VerificationResult(ok=True, events_checked=walk.checked, head_seq=head.seq, head_hash=head.chain_hash)


class _Walk:
    checked = 0

    def run(self, head_seq: int) -> None:
        mac, prev = chain.chain_mac(), chain.GENESIS_HASH
        content_mac, link_mac = chain.content_mac, chain.link_mac
        for row in _seals_upto(head_seq):
            seq, chain_hash, row_mac, prefix, scope, payload = row
            if seq != self.checked + 1:
                raise ChainBroken(
                    "missing", gettext_noop("event #%(seq)s is missing: the chain jumps to #%(next)s"),
                    {"seq": self.checked + 1, "next": seq}, seq=self.checked + 1, next_id=_sealed_event_pk(seq),
                )  # fmt: skip
            # Plain comparisons: a batch walk over stored values is no timing oracle, and this loop
            # sets the verification rate.
            if link_mac(mac, prev_hash=prev, seq=seq, row_mac=row_mac) != chain_hash or (
                content_mac(mac, prefix, scope, payload) != row_mac
            ):
                _diagnose(mac, row, prev)
            prev = chain_hash
            self.checked = seq


def _seals_upto(head_seq: int):
    """Yield the seals up to head_seq in seq order, each with its event's row MAC and canonical content.

    A seal whose event row is gone is left out by the join: the walk then finds its seq missing.
    Each read is a range of CHUNK sequence numbers rather than "the next CHUNK seals up to the
    head", which PostgreSQL answered by joining and sorting every seal left to the head each time.
    """
    last = 0
    seals = AuditSeal.objects.annotate(prefix=CanonicalPrefix("event__")).order_by("seq")
    while last < head_seq:
        up_to = min(last + CHUNK, head_seq)
        yield from seals.filter(seq__gt=last, seq__lte=up_to).values_list(*WALKED)
        last = up_to


def _sealed_event_pk(seq: int) -> int:
    return AuditSeal.objects.filter(seq=seq).values_list("event_id", flat=True).get()


def _diagnose(mac: crypto.HmacSha256, row: tuple, prev: str):
    seq, _, row_mac, prefix, scope, payload = row
    prev_hash, event_pk = AuditSeal.objects.filter(seq=seq).values_list("prev_hash", "event_id").get()
    authentic = crypto.macs_equal(chain.content_mac(mac, prefix, scope, payload), row_mac)
    where, values = {"event_pk": event_pk, "seq": seq}, {"seq": seq}
    following = AuditSeal.objects.filter(seq__gt=seq).order_by("seq").values_list("prev_hash", flat=True).first()
    if not authentic and following == prev:
        raise ChainBroken("inserted", gettext_noop(
            "event #%(seq)s was inserted: the chain runs past it and no valid MAC covers it"), values, **where)
    if prev_hash == prev and not authentic:
        raise ChainBroken("tampered", gettext_noop(
            "event #%(seq)s was altered: its content no longer matches its MAC"), values, **where)
    if prev_hash == prev:
        raise ChainBroken("tampered", gettext_noop(
            "event #%(seq)s was altered: its seal does not match its place in the chain"), values, **where)
    if not authentic:
        raise ChainBroken("tampered", gettext_noop(
            "event #%(seq)s was altered: neither its content nor its link verify"), values, **where)
    if AuditSeal.objects.filter(chain_hash=prev_hash).exclude(seq=seq).exists():
        raise ChainBroken("reordered", gettext_noop(
            "event #%(seq)s was moved: it was sealed after another event"), values, **where)
    raise ChainBroken("missing", gettext_noop(
        "the event sealed before #%(seq)s is missing and the seals after it were renumbered"), values, **where)


def _check_tail(head: AuditChainHead, checked: int):
    if checked < head.seq:
        raise ChainBroken("missing", gettext_noop("events #%(first)s to #%(last)s are missing (the head records #%(last)s)"),
                          {"first": checked + 1, "last": head.seq}, seq=checked + 1)
    last_hash = AuditSeal.objects.filter(seq=head.seq).values_list("chain_hash", flat=True).first() if head.seq else None
    if head.seq and last_hash != head.chain_hash:
        raise ChainBroken("tampered", gettext_noop("the recorded head hash does not match event #%(seq)s"),
                          {"seq": head.seq}, seq=head.seq)
    beyond = AuditSeal.objects.filter(seq__gt=head.seq).order_by("seq").values_list("seq", "event_id").first()
    if beyond and beyond[0] > _current_head_seq():
        raise ChainBroken("inserted", gettext_noop("event #%(seq)s lies beyond the recorded head #%(head)s"),
                          {"seq": beyond[0], "head": head.seq}, event_pk=beyond[1], seq=beyond[0])


def _current_head_seq() -> int:
    return AuditChainHead.objects.filter(pk=1).values_list("seq", flat=True).first() or 0


def _check_unsealed():
    """Name an unsealed row the sealer refused: no valid MAC, or a copy of another event."""
    mac = chain.chain_mac()
    unsealed_events = AuditEvent.objects.filter(seal__isnull=True)
    unsealed = list(content_rows(unsealed_events.order_by("id"), "id", "row_mac"))
    copies = repeated_event_ids(unsealed_events) if unsealed else set()
    for event_pk, row_mac, prefix, scope, payload in unsealed:
        if not crypto.macs_equal(chain.content_mac(mac, prefix, scope, payload), row_mac):
            raise ChainBroken("inserted", gettext_noop("unsealed row %(id)s was inserted: the application never wrote it"),
                              {"id": event_pk}, event_pk=event_pk)
        if event_hex(prefix) in copies:
            raise ChainBroken("inserted", gettext_noop("unsealed row %(id)s was inserted: a copy of another event"),
                              {"id": event_pk}, event_pk=event_pk)


def audit_chain_verify_and_record(*, actor: Actor) -> VerificationResult:
    """Verify the chain and append the outcome to it, so each check is itself on the record."""
    result = audit_chain_verify()
    with transaction.atomic():
        events.audit_verified(actor=actor, result=result)
    return result
