"""Chains written before seals had their own table (audit 0006) keep verifying after migration 0007."""

import uuid
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from privacy.audit import chain
from privacy.audit.models import AuditChainHead, AuditEvent, AuditSeal
from privacy.audit.services import audit_chain_seal
from privacy.audit.verification import audit_chain_verify

BEFORE = [("audit", "0006_seq_partial_unique")]
CREATED_AT = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _latest():
    return [key for key in MigrationExecutor(connection).loader.graph.leaf_nodes() if key[0] == "audit"]


def _old_style_event(cursor, index: int, *, seq: int | None = None, prev_hash: str | None = None) -> str | None:
    """Write an event as audit 0006 stored it, its seal (seq, prev_hash, chain_hash) in its own row; return its chain hash."""
    event_id = uuid.UUID(int=index + 1)
    names = ("staff", "7", "alice", "request.note_added", "privacy_request", str(index))
    prefix = chain.canonical_prefix(
        event_hex=event_id.hex, created_us=chain.canonical_time(CREATED_AT), kind=names[0], actor_id=names[1],
        label=names[2], action=names[3], target_type=names[4], target_id=names[5],
    )  # fmt: skip
    payload = f"pd1.1.payload-{index}"
    mac = chain.chain_mac()
    row_mac = chain.content_mac(mac, prefix, None, payload)
    chain_hash = chain.link_mac(mac, prev_hash=prev_hash, seq=seq, row_mac=row_mac) if seq else None
    cursor.execute(
        "INSERT INTO audit_auditevent (event_id, created_at, actor_kind, actor_id, actor_label, action, target_type, "
        "target_id, subject_scope, payload, row_mac, seq, prev_hash, chain_hash, sealed_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, NULL, %s, %s, %s, %s, %s, %s)",
        [event_id.hex, CREATED_AT, *names, payload, row_mac, seq, prev_hash, chain_hash, CREATED_AT if seq else None],
    )
    return chain_hash


@pytest.mark.django_db(transaction=True)
def test_sealed_and_unsealed_events_of_the_old_layout_migrate_and_the_chain_still_verifies():
    # given two sealed events and one unsealed, stored the old way
    latest = _latest()
    _migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            first = _old_style_event(cursor, 1, seq=1, prev_hash=chain.GENESIS_HASH)
            second = _old_style_event(cursor, 2, seq=2, prev_hash=first)
            _old_style_event(cursor, 3)
            cursor.execute("INSERT INTO audit_auditchainhead (id, seq, chain_hash) VALUES (1, 2, %s)", [second])
    finally:
        # when (and whatever happened above: the schema is put back for the tests after this one)
        _migrate(latest)

    # then the two seals moved, the unsealed event waits in a gap and is sealed next
    assert list(AuditSeal.objects.order_by("seq").values_list("seq", "prev_hash", "chain_hash")) == [
        (1, chain.GENESIS_HASH, first), (2, first, second),
    ]  # fmt: skip
    unsealed = AuditEvent.objects.get(target_id="3")
    head = AuditChainHead.objects.get()
    assert head.sealed_through == unsealed.pk and head.gaps[0][:2] == [unsealed.pk, unsealed.pk]
    assert audit_chain_seal() == 1
    result = audit_chain_verify()
    assert result.ok and result.events_checked == 3
