"""What only PostgreSQL enforces or exercises: the append-only trigger and truly concurrent writers."""

import threading
from contextlib import nullcontext

import pytest
from django.db import DatabaseError, connection, transaction

from privacy.audit.models import AuditChainHead, AuditEvent, AuditSeal
from privacy.audit.services import audit_chain_seal, audit_event_append
from privacy.audit.verification import audit_chain_verify
from tests.audit.helpers import ALICE, SEALS, TABLE, append_events, tamper

WRITERS = 8
EVENTS_PER_WRITER = 40


def _raw(sql: str, params=()) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql, refusal",
    [
        (f"UPDATE {TABLE} SET actor_label = 'mallory' WHERE id = (SELECT event_id FROM {SEALS} WHERE seq = 1)", "audit events"),
        (f"DELETE FROM {TABLE} WHERE id = (SELECT event_id FROM {SEALS} WHERE seq = 1)", "audit events"),
        (f"UPDATE {SEALS} SET chain_hash = repeat('0', 64) WHERE seq = 1", "audit seals"),
        (f"UPDATE {SEALS} SET event_id = event_id + 1 WHERE seq = 1", "audit seals"),
        (f"DELETE FROM {SEALS} WHERE seq = 1", "audit seals"),
    ],
)
def test_raw_sql_cannot_change_or_delete_a_sealed_event_or_its_seal(sql, refusal):
    # given
    append_events(2)

    # when / then
    with pytest.raises(DatabaseError, match=f"{refusal} are append-only"):
        _raw(sql)


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql", [f"UPDATE {TABLE} SET action = 'other' WHERE id = %s", f"DELETE FROM {TABLE} WHERE id = %s"]
)
def test_raw_sql_cannot_change_or_delete_an_unsealed_event(sql):
    event = append_events(1, sealed=False)[0]

    with pytest.raises(DatabaseError, match="audit events are append-only"):
        _raw(sql, [event.pk])


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_chain_head_cannot_be_moved_back():
    append_events(3)

    with pytest.raises(DatabaseError, match="only moves forward"):
        _raw("UPDATE audit_auditchainhead SET seq = 1")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_and_sealers_keep_one_linear_chain():
    # given eight writers committing one event at a time while two sealers run
    errors: list[BaseException] = []
    writing = threading.Event()
    writing.set()

    def writer(number: int):
        try:
            for index in range(EVENTS_PER_WRITER):
                # odd writers commit each event by itself (autocommit), even ones in a transaction
                with transaction.atomic() if number % 2 == 0 else nullcontext():
                    audit_event_append(
                        actor=ALICE, action="bench.write", target_type="writer", target_id=f"{number}-{index}",
                        details={"n": index}, subject_scope=f"request:{number}", standalone=True,
                    )
        except BaseException as error:  # reported to the main thread below
            errors.append(error)
        finally:
            connection.close()

    def sealer():
        try:
            while writing.is_set():
                audit_chain_seal(batch_size=7)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    sealers = [threading.Thread(target=sealer) for _ in range(2)]
    writers = [threading.Thread(target=writer, args=(number,)) for number in range(WRITERS)]

    # when
    for thread in sealers + writers:
        thread.start()
    for thread in writers:
        thread.join()
    writing.clear()
    for thread in sealers:
        thread.join()
    audit_chain_seal()

    # then
    total = WRITERS * EVENTS_PER_WRITER
    assert errors == []
    assert list(AuditSeal.objects.order_by("seq").values_list("seq", flat=True)) == list(range(1, total + 1))
    assert not AuditEvent.objects.filter(seal__isnull=True).exists()
    assert AuditChainHead.objects.get().seq == total
    result = audit_chain_verify()
    assert result.ok and result.events_checked == total


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_replayed_copy_of_an_event_is_never_sealed_and_is_named_as_inserted():
    # given a DBA who drops the unique constraint and copies an authentic row
    original = append_events(2)[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'u' "
            "AND pg_get_constraintdef(oid) LIKE '%%event_id%%'",
            [TABLE],
        )
        constraint = cursor.fetchone()[0]
    tamper(f"ALTER TABLE {TABLE} DROP CONSTRAINT {constraint}")
    tamper(
        f"INSERT INTO {TABLE} (event_id, created_at, actor_kind, actor_id, actor_label, action, target_type, "
        "target_id, subject_scope, payload, row_mac) SELECT event_id, created_at, actor_kind, actor_id, actor_label, "
        f"action, target_type, target_id, subject_scope, payload, row_mac FROM {TABLE} WHERE id = %s",
        [original.pk],
    )

    # when
    sealed = audit_chain_seal()
    result = audit_chain_verify()

    # then
    copy = AuditEvent.objects.filter(event_id=original.event_id).exclude(pk=original.pk).get()
    assert sealed == 0 and not copy.sealed
    assert (result.ok, result.reason, result.first_bad_event["id"]) == (False, "inserted", copy.pk)
