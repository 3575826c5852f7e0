import time

import pytest
from django.db import transaction

from privacy import keys
from privacy.audit.actors import Actor
from privacy.audit.models import AppendOnlyError, AuditChainHead, AuditEvent, AuditSeal
from privacy.audit.payloads import payload_decrypt
from privacy.audit.services import AuditOutsideTransaction, audit_chain_seal, audit_event_append
from tests.audit.helpers import ALICE, append_events

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_appending_outside_a_transaction_is_refused_naming_the_rule():
    with pytest.raises(AuditOutsideTransaction, match="transaction.atomic"):
        audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=1, details={})


@pytest.mark.django_db(transaction=True)
def test_a_standalone_event_outside_a_transaction_commits_by_itself_and_is_sealed():
    # when
    event = audit_event_append(actor=ALICE, action="audit.payload_viewed", target_type="audit_event", target_id=1,
                               details={}, standalone=True)  # fmt: skip

    # then: eager sealing ran once it committed
    assert AuditEvent.objects.select_related("seal").get(pk=event.pk).seq == 1


def test_an_event_row_is_never_rewritten_by_sealing_its_seal_is_a_row_of_its_own():
    # given
    event = append_events(1, sealed=False)[0]
    before = AuditEvent.objects.filter(pk=event.pk).values().get()

    # when
    audit_chain_seal()

    # then
    assert AuditEvent.objects.filter(pk=event.pk).values().get() == before
    seal = AuditSeal.objects.get(event=event.pk)
    assert (seal.seq, seal.prev_hash) == (1, "0" * 64)


def test_event_ids_begin_with_the_time_so_the_unique_index_grows_at_one_end():
    # when
    event = append_events(1, sealed=False)[0]

    # then: a UUIDv7 whose first 48 bits are Unix milliseconds
    milliseconds = event.event_id.int >> 80
    assert event.event_id.version == 7
    assert abs(milliseconds - time.time() * 1000) < 60_000


def test_appended_event_keeps_metadata_in_clear_and_personal_details_encrypted():
    # when
    with transaction.atomic():
        event = audit_event_append(
            actor=ALICE,
            action="request.submitted",
            target_type="privacy_request",
            target_id=42,
            details={"email": "ada@example.com"},
            subject_scope="request:42",
        )

    # then
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor_kind, stored.actor_label, stored.action, stored.target_id) == ("staff", "alice", "request.submitted", "42")
    assert "ada@example.com" not in stored.payload
    assert keys.token_key_id(stored.payload) == keys.data_key_for_scope(scope="request:42").pk
    assert payload_decrypt(stored).details == {"email": "ada@example.com"}


def test_event_stays_unsealed_until_the_sealer_gives_it_its_place_in_the_chain():
    # given
    with transaction.atomic():
        event = audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=1, details={})
    assert AuditEvent.objects.get(pk=event.pk).seq is None

    # when
    sealed = audit_chain_seal()

    # then
    stored = AuditEvent.objects.get(pk=event.pk)
    assert sealed == 1
    assert stored.seq == 1 and stored.sealed_at is not None
    assert AuditChainHead.objects.get().chain_hash == stored.chain_hash


def test_sealing_in_batches_links_every_event_to_the_one_before():
    # given
    with transaction.atomic():
        for index in range(7):
            audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=index, details={})

    # when
    audit_chain_seal(batch_size=3)

    # then
    chain = list(AuditSeal.objects.order_by("seq").values_list("seq", "prev_hash", "chain_hash"))
    assert [seq for seq, _, _ in chain] == list(range(1, 8))
    assert all(after[1] == before[2] for before, after in zip(chain, chain[1:]))


def test_an_existing_event_cannot_be_saved_deleted_or_updated_through_the_orm():
    # given
    event = append_events(1)[0]

    # then
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="other")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()


@pytest.mark.parametrize(
    "field, value",
    [("action", ""), ("target_type", "t" * 65), ("subject_scope", "")],
)
def test_bad_names_are_refused_naming_the_field(field, value):
    arguments = {"action": "x.y", "target_type": "request", "subject_scope": None, field: value}
    with transaction.atomic(), pytest.raises(ValueError, match=field):
        audit_event_append(actor=ALICE, target_id=1, details={}, **arguments)


def test_details_that_are_not_a_dict_are_refused():
    with transaction.atomic(), pytest.raises(TypeError, match="dict"):
        audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=1, details=["a"])


def test_an_unknown_actor_kind_is_refused():
    with pytest.raises(ValueError, match="staff, customer, system"):
        Actor(kind="robot", id="1", label="r2")


@pytest.mark.parametrize("field", ["action", "target_id", "subject_scope"])
def test_names_holding_the_canonical_separator_are_refused(field):
    arguments = {"action": "x.y", "target_id": "1", "subject_scope": "request:1", field: "a\x1fb"}
    with transaction.atomic(), pytest.raises(ValueError, match="U\\+001F"):
        audit_event_append(actor=ALICE, target_type="request", details={}, **arguments)


def test_a_transaction_appending_many_events_asks_for_sealing_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for index in range(3):
            audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=index, details={})

    assert [getattr(callback, "__name__", "") for callback in callbacks].count("_seal_soon") == 1
