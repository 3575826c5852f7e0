import hmac

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from privacy import crypto, keys
from privacy.config import new_key_entry

pytestmark = pytest.mark.django_db


def test_text_encrypted_under_a_data_key_decrypts_to_the_same_text():
    key = keys.data_key_create(scope="request:1")

    token = keys.encrypt_text("ada@example.com", key=key)

    assert "ada" not in token
    assert keys.decrypt_text(token) == "ada@example.com"


def test_ciphertext_with_one_changed_byte_is_refused():
    key = keys.data_key_create(scope="request:2")
    blob = bytearray(keys.encrypt_bytes(b"secret", key=key))
    blob[-1] ^= 1

    with pytest.raises(crypto.DecryptionError):
        keys.decrypt_bytes(bytes(blob), key=key)


def test_shredded_key_makes_its_ciphertext_unreadable():
    key = keys.data_key_create(scope="subject:3")
    token = keys.encrypt_text("ada@example.com", key=key)

    keys.data_key_shred(key=key)

    with pytest.raises(keys.KeyShredded):
        keys.decrypt_text(token)


def test_rotation_rewraps_data_keys_and_old_tokens_still_decrypt():
    old_ring = crypto.keyring()
    key = keys.data_key_create(scope="request:4")
    token = keys.encrypt_text("ada@example.com", key=key)
    old_entries = ",".join(f"{kid}:{crypto.base64.urlsafe_b64encode(k).decode()}" for kid, k in old_ring.keks.items())

    with override_settings(PRIVACY_ENCRYPTION_KEYS=f"{new_key_entry('k9')},{old_entries}"):
        assert keys.keys_rotate() >= 1
        key.refresh_from_db()
        assert key.kek_id == "k9"
        assert keys.decrypt_text(token) == "ada@example.com"


def test_blind_index_matches_emails_differing_in_case_and_spaces():
    assert crypto.email_index(" Ada@Example.com ") == crypto.email_index("ada@example.com")
    assert crypto.email_index("ada@example.com") != crypto.email_index("bob@example.com")


@pytest.mark.parametrize("value", ["k1", "k1:short", "bad id:" + "A" * 43, ""])
def test_malformed_key_list_names_the_variable_and_the_form(value):
    with pytest.raises(ImproperlyConfigured, match="PRIVACY_ENCRYPTION_KEYS"):
        crypto.parse_key_list(value, variable="PRIVACY_ENCRYPTION_KEYS")


@pytest.mark.parametrize("key", [b"", b"k" * 32, b"k" * 64, b"k" * 65])
def test_the_fast_hmac_equals_the_standard_library_hmac(key):
    for message in (b"", b"audit", b"x" * 1000):
        assert crypto.HmacSha256(key).hex(message) == hmac.digest(key, message, "sha256").hex()
