from datetime import datetime, timedelta
from datetime import timezone as tz

import pytest
from django.db import transaction

from privacy.audit.models import AuditChainHead, AuditEvent
from privacy.audit.services import audit_chain_seal, audit_event_append
from privacy.audit import verification
from privacy.audit.verification import audit_chain_verify
from tests.audit.helpers import ALICE, SEALS, TABLE, append_events, tamper

pytestmark = pytest.mark.django_db


def test_an_untouched_chain_verifies_every_event():
    # given
    events = append_events(5, subject_scope="request:1")

    # when
    result = audit_chain_verify()

    # then
    assert result.ok and result.reason is None
    assert result.events_checked == 5
    assert result.head_hash == events[-1].chain_hash


def test_an_empty_chain_verifies():
    result = audit_chain_verify()

    assert result.ok and result.events_checked == 0 and result.head_seq == 0


def test_verification_seals_pending_events_first():
    # given
    append_events(3, sealed=False)

    # when
    result = audit_chain_verify()

    # then
    assert result.ok and result.events_checked == 3


def test_one_changed_ciphertext_byte_is_named_as_tampered():
    # given
    events = append_events(5)
    victim = events[2]
    flipped = victim.payload[:-2] + ("A" if victim.payload[-2] != "A" else "B") + victim.payload[-1]

    # when
    tamper(f"UPDATE {TABLE} SET payload = %s WHERE id = %s", [flipped, victim.pk])
    result = audit_chain_verify()

    # then
    assert not result.ok
    assert result.reason == "tampered"
    assert result.first_bad_event["id"] == victim.pk and result.first_bad_event["seq"] == 3
    assert result.events_checked == 2


def test_an_edited_actor_is_named_as_tampered():
    # given
    events = append_events(4)

    # when
    tamper(f"UPDATE {TABLE} SET actor_label = 'mallory' WHERE id = %s", [events[1].pk])
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason, result.first_bad_event["id"]) == (False, "tampered", events[1].pk)


def test_a_deleted_event_is_named_as_missing_by_its_sequence_number():
    # given
    events = append_events(5)

    # when
    tamper(f"DELETE FROM {TABLE} WHERE id = %s", [events[3].pk])
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason) == (False, "missing")
    assert result.first_bad_event["seq"] == 4
    assert result.first_bad_event["next_id"] == events[4].pk


def test_a_deleted_event_with_the_rest_renumbered_is_still_named_as_missing():
    # given
    events = append_events(5)

    # when: the attacker deletes the event and its seal, and closes the gap
    tamper(f"DELETE FROM {TABLE} WHERE id = %s", [events[1].pk])
    tamper(f"DELETE FROM {SEALS} WHERE event_id = %s", [events[1].pk])
    tamper(f"UPDATE {SEALS} SET seq = seq + 1000 WHERE seq > 2")
    tamper(f"UPDATE {SEALS} SET seq = seq - 1001 WHERE seq > 1000")
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason) == (False, "missing")
    assert result.first_bad_event["id"] == events[2].pk


def test_deleting_the_newest_events_is_named_as_missing_against_the_head():
    # given
    append_events(5)

    # when
    tamper(f"DELETE FROM {TABLE} WHERE id IN (SELECT event_id FROM {SEALS} WHERE seq >= 4)")
    tamper(f"DELETE FROM {SEALS} WHERE seq >= 4")
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason, result.first_bad_event["seq"]) == (False, "missing", 4)


def test_two_swapped_events_are_named_as_reordered():
    # given
    events = append_events(5)
    first, second = events[1], events[2]

    # when: their places in the chain are exchanged
    tamper(f"UPDATE {SEALS} SET seq = -1 WHERE event_id = %s", [first.pk])
    tamper(f"UPDATE {SEALS} SET seq = %s WHERE event_id = %s", [first.seq, second.pk])
    tamper(f"UPDATE {SEALS} SET seq = %s WHERE event_id = %s", [second.seq, first.pk])
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason) == (False, "reordered")
    assert result.first_bad_event == {"id": second.pk, "event_id": str(second.event_id), "seq": 2}


def test_a_forged_event_inserted_in_the_middle_is_named_as_inserted():
    # given
    events = append_events(4)
    before = events[1]

    # when: the attacker makes room after event 2 and writes a plausible row and seal there
    tamper(f"UPDATE {SEALS} SET seq = seq + 1000 WHERE seq > 2")
    tamper(f"UPDATE {SEALS} SET seq = seq - 999 WHERE seq > 1000")
    forged = _forged_event(event_id="0b9c6a3e2f6c4a4f8d1e2a7b9c0d1e2f", like=before)
    _forged_seal(seq=3, event=forged, prev_hash=before.chain_hash, like=before)
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason, result.first_bad_event["id"]) == (False, "inserted", forged.pk)


def test_a_forged_unsealed_row_is_never_sealed_and_is_named_as_inserted():
    # given
    events = append_events(2)
    source = events[0]

    # when: a row written straight into the table, without the application's key
    forged = _forged_event(event_id="1b9c6a3e2f6c4a4f8d1e2a7b9c0d1e2f", like=source)
    sealed = audit_chain_seal()
    result = audit_chain_verify()

    # then
    assert sealed == 0 and not AuditEvent.objects.get(pk=forged.pk).sealed
    assert (result.ok, result.reason, result.first_bad_event["id"]) == (False, "inserted", forged.pk)


def test_a_forged_event_appended_beyond_the_head_is_named_as_inserted():
    # given
    events = append_events(2)
    last = events[-1]

    # when
    forged = _forged_event(event_id="2b9c6a3e2f6c4a4f8d1e2a7b9c0d1e2f", like=last)
    _forged_seal(seq=3, event=forged, prev_hash=last.chain_hash, like=last)
    result = audit_chain_verify(seal_first=False)

    # then
    assert (result.ok, result.reason, result.first_bad_event["seq"]) == (False, "inserted", 3)


def test_events_written_in_many_transactions_form_one_chain_in_seal_order():
    # given
    for index in range(3):
        with transaction.atomic():
            audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=index, details={})
        audit_chain_seal()

    # then
    assert list(AuditEvent.objects.order_by("seal__seq").values_list("target_id", flat=True)) == ["0", "1", "2"]
    assert audit_chain_verify().ok


def test_events_stamped_on_a_whole_second_or_in_another_time_zone_verify():
    # given: the canonical time must read back exactly however the database stores it
    with transaction.atomic():
        for moment in (
            datetime(2025, 1, 31, 9, 30, tzinfo=tz.utc),
            datetime(2025, 1, 31, 9, 30, 0, 1, tzinfo=tz(timedelta(hours=-5))),
            datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=tz.utc),
        ):
            audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=1, details={}, now=moment)

    # then
    assert audit_chain_seal() == 3
    assert audit_chain_verify().ok


def test_an_event_whose_transaction_commits_after_a_later_one_is_sealed_from_its_gap():
    # given an event id taken by a transaction that has not committed when the sealer runs
    with transaction.atomic():
        late = audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id="late", details={})
        tamper(f"DELETE FROM {TABLE} WHERE id = %s", [late.pk])  # as if still uncommitted: invisible
    append_events(2)
    assert _in_a_gap(late.pk)

    # when it commits (reappears) and the sealer runs again
    tamper(
        f"INSERT INTO {TABLE} (id, event_id, created_at, actor_kind, actor_id, actor_label, action, target_type, "
        "target_id, subject_scope, payload, row_mac) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [late.pk, late.event_id.hex, late.created_at, late.actor_kind, late.actor_id, late.actor_label, late.action,
         late.target_type, late.target_id, late.subject_scope, late.payload, late.row_mac],
    )  # fmt: skip
    sealed = audit_chain_seal()

    # then it is sealed after the two others and the gap is closed
    assert sealed == 1
    assert AuditEvent.objects.select_related("seal").get(pk=late.pk).seq == 3
    assert not _in_a_gap(late.pk)
    assert audit_chain_verify().ok


def _in_a_gap(event_pk: int) -> bool:
    return any(first <= event_pk <= last for first, last, _ in AuditChainHead.objects.get().gaps)


def _forged_event(*, event_id: str, like: AuditEvent) -> AuditEvent:
    """Insert an event row straight into the table, with a MAC made up without the key."""
    tamper(
        f"INSERT INTO {TABLE} (event_id, created_at, actor_kind, actor_id, actor_label, action, target_type, "
        "target_id, subject_scope, payload, row_mac) "
        "VALUES (%s, %s, 'system', 'x', 'x', 'request.completed', 'privacy_request', '9', NULL, %s, %s)",
        [event_id, like.created_at, like.payload, "a" * 64],
    )
    return AuditEvent.objects.get(event_id=event_id)


def _forged_seal(*, seq: int, event: AuditEvent, prev_hash: str, like: AuditEvent) -> None:
    tamper(
        f"INSERT INTO {SEALS} (seq, event_id, prev_hash, chain_hash, sealed_at) VALUES (%s, %s, %s, %s, %s)",
        [seq, event.pk, prev_hash, "e" * 64, like.sealed_at],
    )


def test_the_walk_reads_the_chain_in_ranges_and_still_verifies_every_event(monkeypatch):
    # given: ranges of two sequence numbers
    monkeypatch.setattr(verification, "CHUNK", 2)
    append_events(7)

    # when
    result = audit_chain_verify()

    # then
    assert (result.ok, result.events_checked) == (True, 7)


def test_a_whole_range_of_deleted_events_is_named_as_missing_from_its_first(monkeypatch):
    # given: ranges of two sequence numbers, and the events of the second range (#3 and #4) deleted
    monkeypatch.setattr(verification, "CHUNK", 2)
    events = append_events(6)
    tamper(f"DELETE FROM {TABLE} WHERE id IN (%s, %s)", [events[2].pk, events[3].pk])

    # when
    result = audit_chain_verify()

    # then
    assert (result.ok, result.reason, result.first_bad_event["seq"]) == (False, "missing", 3)
    assert result.first_bad_event["next_id"] == events[4].pk
