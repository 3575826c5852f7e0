import base64
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from privacy import crypto, keys
from privacy.audit.models import AuditEvent
from privacy.audit.payloads import payload_decrypt
from privacy.audit.verification import audit_chain_verify
from privacy.config import new_key_entry
from privacy.models import DataKey
from tests.audit.helpers import append_events


def ring_entries(ring: crypto.KeyRing) -> str:
    return ",".join(f"{kid}:{base64.urlsafe_b64encode(key).decode()}" for kid, key in ring.keks.items())


@pytest.mark.django_db
def test_rotating_rewraps_every_key_so_the_old_kek_can_be_removed_and_payloads_still_open():
    # given events encrypted while the old key-encryption key was active
    old = ring_entries(crypto.keyring())
    events = append_events(3, subject_scope="request:1")
    payloads_before = list(AuditEvent.objects.order_by("seal__seq").values_list("payload", flat=True))
    new = new_key_entry("k9")

    # when the new key is put first and rotate runs
    with override_settings(PRIVACY_ENCRYPTION_KEYS=f"{new},{old}"):
        out = StringIO()
        call_command("keys", "rotate", stdout=out)

    # then, with the old key removed from the ring, everything still opens and verifies
    with override_settings(PRIVACY_ENCRYPTION_KEYS=new):
        assert set(DataKey.objects.values_list("kek_id", flat=True)) == {"k9"}
        assert [payload_decrypt(event).details for event in AuditEvent.objects.filter(pk__in=[e.pk for e in events])] == [
            {"note": f"called the customer, attempt {index}"} for index in (1, 2, 3)
        ]
        assert audit_chain_verify().ok
        rotated = AuditEvent.objects.get(action="keys.rotated")
        assert payload_decrypt(rotated).details["data_keys_rewrapped"] == 1  # the key of request:1
    assert (rotated.actor_kind, rotated.target_id) == ("system", "k9")
    assert list(AuditEvent.objects.filter(pk__in=[e.pk for e in events]).order_by("seal__seq").values_list("payload", flat=True)) == payloads_before
    assert "under key-encryption key k9" in out.getvalue()


@pytest.mark.django_db
def test_rotating_when_every_key_is_current_records_a_run_with_nothing_rewrapped():
    keys.data_key_create(scope="request:2")

    assert keys.keys_rotate() == 0

    assert payload_decrypt(AuditEvent.objects.get(action="keys.rotated")).details["data_keys_rewrapped"] == 0


@pytest.mark.django_db
def test_a_key_wrapped_by_a_removed_kek_cannot_be_opened():
    # given
    key = keys.data_key_create(scope="request:3")
    token = keys.encrypt_text("ada@example.com", key=key)

    # when the ring no longer holds the KEK that wrapped it (nobody ran rotate)
    with override_settings(PRIVACY_ENCRYPTION_KEYS=new_key_entry("k8")):
        # then
        with pytest.raises(crypto.DecryptionError, match="not in the key ring"):
            keys.decrypt_text(token)


@pytest.mark.django_db
def test_a_key_another_process_shredded_refuses_the_next_opening_here():
    # given a ciphertext this process has opened once
    key = keys.data_key_create(scope="request:5")
    token = keys.encrypt_text("ada@example.com", key=key)
    assert keys.decrypt_text(token) == "ada@example.com"

    # when another process shreds the key: its row changes, nothing in this process hears of it
    DataKey.objects.filter(pk=key.pk).update(wrapped=b"", shredded_at=timezone.now())

    # then the next opening reads the row again and refuses
    with pytest.raises(keys.KeyShredded):
        keys.decrypt_text(token)


@pytest.mark.django_db
def test_sealed_request_bytes_refuse_to_open_once_another_process_shredded_the_key(django_capture_on_commit_callbacks):
    # given an export package sealed under a request's key, which this process now remembers (scope cache)
    from requests_app import sealing

    with django_capture_on_commit_callbacks(execute=True):
        blob = sealing.seal_bytes(7, "package", b"ada@example.com")
    assert sealing.open_bytes(7, "package", blob) == b"ada@example.com"

    # when another process shreds the key: its row changes, this process's remembered copy does not
    DataKey.objects.filter(scope="request:7").update(wrapped=b"", shredded_at=timezone.now())

    # then the next opening reads the row again and refuses
    with pytest.raises(keys.KeyShredded):
        sealing.open_bytes(7, "package", blob)


@pytest.mark.django_db
def test_a_ciphertext_whose_key_row_is_gone_cannot_be_opened():
    key = keys.data_key_create(scope="request:6")
    token = keys.encrypt_text("ada@example.com", key=key)
    DataKey.objects.filter(pk=key.pk).delete()

    with pytest.raises(DataKey.DoesNotExist):
        keys.decrypt_text(token)


@pytest.mark.django_db
def test_derived_keys_differ_by_purpose_and_are_stable():
    assert crypto.derived_key("audit-chain-v1") == crypto.derived_key("audit-chain-v1")
    assert crypto.derived_key("audit-chain-v1") != crypto.derived_key("audit-export-ed25519-v1")
    assert crypto.derived_key("audit-chain-v1") != crypto.keyring().blind_index_key


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_transactions_creating_the_same_scope_key_get_one_key():
    # given
    found: list[int] = []
    barrier = threading.Barrier(4)

    def create():
        try:
            barrier.wait()
            with transaction.atomic():
                found.append(keys.data_key_for_scope(scope="request:race").pk)
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then
    assert len(found) == 4 and len(set(found)) == 1


@pytest.mark.django_db
def test_a_scope_key_is_remembered_only_once_its_transaction_commits(django_capture_on_commit_callbacks):
    # given a key created in a transaction that rolls back
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            keys.data_key_for_scope(scope="request:cache")
            raise RuntimeError("rolled back")
    assert callbacks == []

    # when the scope is asked for again and that transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        key = keys.data_key_for_scope(scope="request:cache")

    # then the committed key is the one remembered, and it exists
    assert DataKey.objects.filter(pk=key.pk).exists()
    assert keys.data_key_for_scope(scope="request:cache") is key


@pytest.mark.django_db
def test_shredding_forgets_the_remembered_key_so_nothing_more_is_encrypted_under_it(django_capture_on_commit_callbacks):
    # given
    with django_capture_on_commit_callbacks(execute=True):
        key = keys.data_key_for_scope(scope="request:cached-shred")

    # when
    keys.data_key_shred(key=DataKey.objects.get(pk=key.pk))

    # then
    with pytest.raises(keys.KeyShredded):
        keys.encrypt_text("ada@example.com", key=keys.data_key_for_scope(scope="request:cached-shred"))


@pytest.mark.django_db
def test_rotate_with_a_batch_size_below_one_names_the_option():
    with pytest.raises(CommandError, match="--batch-size 0 must be at least 1"):
        call_command("keys", "rotate", "--batch-size", "0")


@pytest.mark.django_db
def test_a_transaction_asking_for_a_scope_many_times_remembers_it_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for _ in range(3):
            keys.data_key_for_scope(scope="request:many")

    assert len(callbacks) == 1


@pytest.mark.django_db
def test_a_transaction_asking_again_for_a_scope_key_gets_it_without_a_query(django_assert_num_queries):
    with transaction.atomic():
        # given a key this transaction created
        first = keys.data_key_for_scope(scope="request:again")

        # when it asks for the scope again, then the same key comes back without asking the database
        with django_assert_num_queries(0):
            assert keys.data_key_for_scope(scope="request:again") is first


@pytest.mark.django_db
def test_a_key_created_in_a_rolled_back_savepoint_is_not_handed_out_again():
    with transaction.atomic():
        # given a key created in a savepoint that rolls back
        with pytest.raises(RuntimeError), transaction.atomic():
            lost = keys.data_key_for_scope(scope="request:savepoint")
            raise RuntimeError("rolled back")

        # when the scope is asked for again in the same transaction
        found = keys.data_key_for_scope(scope="request:savepoint")

    # then a key that exists comes back, not the one the rollback took away
    assert found is not lost
    assert DataKey.objects.filter(pk=found.pk).exists()


@pytest.mark.django_db
def test_a_key_shredded_in_the_transaction_that_read_it_encrypts_nothing_more():
    with transaction.atomic():
        # given a key this transaction read, then shredded through another copy of its row
        key = keys.data_key_for_scope(scope="request:shred-in-transaction")
        keys.data_key_shred(key=DataKey.objects.get(pk=key.pk))

        # then asking for the scope again gives a key that refuses to encrypt
        with pytest.raises(keys.KeyShredded):
            keys.encrypt_text("ada@example.com", key=keys.data_key_for_scope(scope="request:shred-in-transaction"))
