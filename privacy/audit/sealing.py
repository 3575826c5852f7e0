"""Sealing: giving committed events their place in the one hash chain, in batches, under the head lock.

Each run reads the events the sealer has not read yet (ids above `sealed_through`, and the gaps
below it, see privacy.audit.gaps), checks each row MAC, and inserts one seal per authentic event
(seq, event, prev_hash, chain_hash). Events are never rewritten. A row whose MAC does not match,
or that repeats another row's event id, is left unsealed and logged; verification names it.
"""

import logging

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from privacy import crypto
from privacy.audit import chain
from privacy.audit.gaps import gaps_between, gaps_current, gaps_without
from privacy.audit.models import AuditChainHead, AuditEvent, AuditSeal
from privacy.audit.rows import content_rows, event_hex, repeated_event_ids

logger = logging.getLogger(__name__)

SEAL_BATCH_SIZE = 2000
SEAL_STATEMENT_ROWS = 500


def audit_chain_seal(*, batch_size: int = SEAL_BATCH_SIZE, sweep: bool = False, now=None) -> int:
    """Seal every committed event not sealed yet, in batches; return how many were sealed.

    With sweep, also look at every event id the sealer has already passed (O(events), for
    verification): it finds events of transactions that committed after their gap expired.
    """
    sealed = 0
    while True:
        claimed, count = _seal_batch(batch_size=batch_size, now=now or timezone.now())
        sealed += count
        if claimed < batch_size:
            break
    after_id = 0
    while sweep:
        claimed, count, after_id = _sweep_batch(batch_size=batch_size, after_id=after_id, now=now or timezone.now())
        sealed += count
        sweep = claimed == batch_size
    return sealed


def _seal_batch(*, batch_size: int, now) -> tuple[int, int]:
    with transaction.atomic():
        head = _locked_head()
        gaps, dropped = gaps_current(head.gaps, now=int(now.timestamp()))
        if dropped:
            logger.warning("audit sealer: %s gap ranges dropped beyond the limit; the verification sweep seals them", dropped)
        in_gaps = _in_gaps(gaps) if gaps else AuditEvent.objects.none()
        rows = _first_unsealed(in_gaps, batch_size) if gaps else []
        through = head.sealed_through
        if len(rows) == batch_size:
            gaps = gaps_without(gaps, present=[row[0] for row in rows], through=rows[-1][0])
        else:
            gaps = gaps_without(gaps, present=[row[0] for row in rows])
            above = _first_unsealed(AuditEvent.objects.filter(id__gt=through), batch_size - len(rows))
            if above:
                ids = [row[0] for row in above]
                gaps += gaps_between(after=through, through=ids[-1], present=ids, seen=int(now.timestamp()))
                through = ids[-1]
            rows += above
        read = in_gaps | AuditEvent.objects.filter(id__gt=head.sealed_through, id__lte=through)
        sealed = _seal_rows(head, rows, read=read, now=now, sealed_through=through, gaps=gaps)
    return len(rows), sealed


def _sweep_batch(*, batch_size: int, after_id: int, now) -> tuple[int, int, int]:
    with transaction.atomic():
        head = _locked_head()
        passed = AuditEvent.objects.filter(id__gt=after_id, id__lte=head.sealed_through)
        rows = _unsealed(passed, batch_size)
        gaps = gaps_without(head.gaps, present=[row[0] for row in rows])
        read = passed.filter(id__lte=rows[-1][0]) if rows else passed.none()
        sealed = _seal_rows(head, rows, read=read, now=now, sealed_through=head.sealed_through, gaps=gaps)
    return len(rows), sealed, rows[-1][0] if rows else after_id


def _locked_head() -> AuditChainHead:
    """Lock the chain head for this transaction, whose reads then take the indexes they are written for.

    Every read of a sealing run is a short range of a primary key or a look-up in a unique index;
    without statistics (a new table, or appends faster than autovacuum's analyze), PostgreSQL
    plans sequential scans of both whole tables instead, so they are ruled out for this
    transaction only.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1, defaults={"chain_hash": chain.GENESIS_HASH})
    return head


def _in_gaps(gaps: list):
    matches = Q()
    for first, last, _ in gaps:
        matches |= Q(id__gte=first, id__lte=last)
    return AuditEvent.objects.filter(matches)


def _unsealed(events, limit: int) -> list[tuple]:
    """Return (id, row_mac, prefix, scope, payload) of the unsealed events among events, in id order."""
    if limit <= 0:
        return []
    return list(content_rows(events.filter(seal__isnull=True).order_by("id"), "id", "row_mac")[:limit])


def _first_unsealed(events, limit: int) -> list[tuple]:
    """Return _unsealed of the first limit events by id, for events none of which is sealed yet (those above
    sealed_through, and the gaps below it).

    The ids come first, from the primary key in order with a LIMIT, then only those rows are joined
    to their seals. The one query that joins first lets the planner read both whole tables when the
    statistics lag behind the appends (a new or fast-growing table): 200 ms a run at 400k events,
    against under a millisecond this way.
    """
    if limit <= 0:
        return []
    first_ids = events.order_by("id").values("id")[:limit]
    return _unsealed(AuditEvent.objects.filter(id__in=first_ids), limit)


def _seal_rows(head: AuditChainHead, rows: list[tuple], *, read, now, sealed_through: int, gaps: list) -> int:
    """Chain the authentic rows after head, insert their seals and move the head; return how many were sealed.

    read: the events the run read its rows from (the id ranges it asked about), where copies are looked for.
    """
    mac = chain.chain_mac()
    seq, prev, seals = head.seq, head.chain_hash, []
    copies = repeated_event_ids(read) if rows else set()
    for event_pk, row_mac, prefix, scope, payload in rows:
        if not crypto.macs_equal(chain.content_mac(mac, prefix, scope, payload), row_mac):
            logger.error("audit event %s has a forged or altered row MAC: left unsealed", event_pk)
            continue
        if event_hex(prefix) in copies:
            logger.error("audit event %s repeats the event id of another row: left unsealed", event_pk)
            continue
        seq += 1
        link = chain.link_mac(mac, prev_hash=prev, seq=seq, row_mac=row_mac)
        seals.append((seq, event_pk, prev, link))
        prev = link
    _insert_seals(seals, sealed_at=now)
    if seals or sealed_through != head.sealed_through or gaps != head.gaps:
        AuditChainHead.objects.filter(pk=head.pk).update(
            seq=seq, chain_hash=prev, updated_at=now, sealed_through=sealed_through, gaps=gaps
        )
    return len(seals)


def _insert_seals(seals: list[tuple], *, sealed_at) -> None:
    """Insert (seq, event id, prev_hash, chain_hash) seals: on PostgreSQL with COPY, elsewhere with one
    multi-row INSERT per chunk.

    Django's psycopg cursor binds parameters on the client, parsing the statement's text for its
    placeholders on every call: for 500 seals of five values that parse cost more than all the
    sealer's MACs. COPY sends the rows with no statement to parse, here as text written in one
    piece: integers, hex digests and one ISO time need no escaping, and psycopg's per-row
    adaptation cost more than the MACs too.
    """
    table = connection.ops.quote_name(AuditSeal._meta.db_table)
    columns = "(seq, event_id, prev_hash, chain_hash, sealed_at)"
    if connection.vendor == "postgresql":
        moment = sealed_at.isoformat()
        lines = "".join(f"{seq}\t{event_pk}\t{prev}\t{link}\t{moment}\n" for seq, event_pk, prev, link in seals)
        with connection.cursor() as cursor, connection.wrap_database_errors:
            with cursor.cursor.copy(f"COPY {table} {columns} FROM STDIN") as copy:
                copy.write(lines.encode())
        return
    moment = connection.ops.adapt_datetimefield_value(sealed_at)
    with connection.cursor() as cursor:
        for start in range(0, len(seals), SEAL_STATEMENT_ROWS):
            chunk = seals[start : start + SEAL_STATEMENT_ROWS]
            cursor.execute(
                f"INSERT INTO {table} {columns} VALUES " + ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk)),
                [value for seal in chunk for value in (*seal, moment)],
            )
