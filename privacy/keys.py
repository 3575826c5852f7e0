"""Data keys and field encryption: the only writes of DataKey rows.

A ciphertext token reads `pd1.<data key id>.<base64url(nonce + ciphertext)>`, so the key id
travels with the ciphertext and rotation never touches it.
"""

import base64
import time
from dataclasses import dataclass
from functools import lru_cache

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from privacy import crypto
from privacy.models import DataKey
from privacy.transactions import on_commit_once

TOKEN_PREFIX = "pd1"
SCOPE_CACHE_SECONDS = 60.0

_scope_keys: dict[str, tuple[float, DataKey]] = {}


class KeyShredded(crypto.DecryptionError):
    """The data key was destroyed: what it protected is gone for good."""


def data_key_create(*, scope: str) -> DataKey:
    kek_id, wrapped = crypto.keyring().wrap(crypto.new_data_key())
    return DataKey.objects.create(scope=scope, kek_id=kek_id, wrapped=wrapped)


def data_key_for_scope(*, scope: str) -> DataKey:
    """Return scope's data key, creating it on first use (safe when two transactions race to create it).

    A key is remembered in this process for SCOPE_CACHE_SECONDS once the transaction that read or
    created it commits (never a key a rollback could take back), saving a query per audit append.
    Before that, the same transaction gets it again without a query: it waits among the transaction's
    commit callbacks, which a rollback (of the transaction or of the savepoint that read it) discards.
    A key shredded by another process may so be used for up to that long: what is encrypted under
    it then is unreadable from the start, which is what shredding asks for.
    """
    remembered = _scope_keys.get(scope)
    if remembered is not None and remembered[0] > time.monotonic():
        return remembered[1]
    pending = _pending_remember(scope)
    if pending is not None:
        return pending.key
    key = DataKey.objects.filter(scope=scope).first() or _data_key_insert(scope=scope)
    if key.shredded_at is None:
        on_commit_once(_Remember(scope=scope, key=key))
    return key


def data_key_of_scope_now(*, scope: str) -> DataKey:
    """Read scope's key row now, never from the scope cache: what opens a ciphertext must refuse it once another
    process shredded the key (data_key_for_scope's cache is for encrypting). DataKey.DoesNotExist if it has none."""
    return _data_key_read("scope", scope)


def _data_key_insert(*, scope: str) -> DataKey:
    """Create scope's key; when a concurrent transaction created it first, return that one."""
    kek_id, wrapped = crypto.keyring().wrap(crypto.new_data_key())
    try:
        with transaction.atomic():
            return DataKey.objects.create(scope=scope, kek_id=kek_id, wrapped=wrapped)
    except IntegrityError:
        return DataKey.objects.get(scope=scope)


@dataclass(frozen=True)
class _Remember:
    scope: str
    key: DataKey

    def __call__(self) -> None:
        if self.key.shredded_at is None:
            _scope_keys[self.scope] = (time.monotonic() + SCOPE_CACHE_SECONDS, self.key)


def _pending_remember(scope: str) -> _Remember | None:
    """The key of scope this transaction already read or created (due to be remembered when it commits)."""
    for _, callback, _ in transaction.get_connection().run_on_commit:
        if isinstance(callback, _Remember) and callback.scope == scope:
            return callback
    return None


def forget_scope_keys() -> None:
    _scope_keys.clear()


def data_key_shred(*, key: DataKey, now=None) -> None:
    """Destroy key for good: the wrapped key bytes are erased, so nothing sealed under it opens again."""
    _scope_keys.pop(key.scope, None)
    shredded_at = now or timezone.now()
    DataKey.objects.filter(pk=key.pk).update(wrapped=b"", shredded_at=shredded_at)
    key.wrapped, key.shredded_at = b"", shredded_at
    pending = _pending_remember(key.scope)
    if pending is not None and pending.key.pk == key.pk:  # this transaction's copy must stop encrypting too
        pending.key.wrapped, pending.key.shredded_at = b"", shredded_at


def data_key_schedule_shred(*, key: DataKey, at) -> None:
    """Record when key's record-keeping period ends; the scheduled shredding destroys it after that."""
    DataKey.objects.filter(pk=key.pk).update(shred_after=at)
    key.shred_after = at


def _plain_key(key: DataKey) -> bytes:
    if key.shredded_at is not None:
        raise KeyShredded(f"data key {key.pk} ({key.scope}) was shredded on {key.shredded_at:%Y-%m-%d}: its data is gone")
    return _unwrap_cached(key.pk, key.kek_id, bytes(key.wrapped))


@lru_cache(maxsize=4096)
def _unwrap_cached(key_pk: int, kek_id: str, wrapped: bytes) -> bytes:
    return crypto.keyring().unwrap(kek_id, wrapped)


def encrypt_bytes(plaintext: bytes, *, key: DataKey, aad: bytes = b"") -> bytes:
    return crypto.seal(_plain_key(key), plaintext, aad=aad)


def decrypt_bytes(blob: bytes, *, key: DataKey, aad: bytes = b"") -> bytes:
    return crypto.open_sealed(_plain_key(key), blob, aad=aad)


def encrypt_text(value: str, *, key: DataKey, aad: bytes = b"") -> str:
    return encrypt_token(value.encode(), key=key, aad=aad)


def decrypt_text(token: str, *, aad: bytes = b"", key: DataKey | None = None) -> str:
    return decrypt_token(token, aad=aad, key=key).decode()


def encrypt_token(plaintext: bytes, *, key: DataKey, aad: bytes = b"") -> str:
    """Encrypt bytes into a ciphertext token, for a text column."""
    blob = encrypt_bytes(plaintext, key=key, aad=aad)
    return f"{TOKEN_PREFIX}.{key.pk}.{base64.urlsafe_b64encode(blob).decode()}"


def decrypt_token(token: str, *, aad: bytes = b"", key: DataKey | None = None) -> bytes:
    prefix, key_pk, encoded = _split_token(token)
    if key is None or key.pk != key_pk:
        key = _data_key_read("id", key_pk)
    return decrypt_bytes(base64.urlsafe_b64decode(encoded), key=key, aad=aad)


def _data_key_read(column: str, value) -> DataKey:
    """Read the key row whose unique `column` (id or scope) is value, now and never from a cache: opening must fail
    once another process shredded the key.

    By a statement built once per column: get() compiled the same query on every call, half the CPU of a read.
    """
    for key in DataKey.objects.raw(_key_by_sql(column), [value]):
        return key
    raise DataKey.DoesNotExist(f"no data key with {column} {value}")


@lru_cache(maxsize=2)
def _key_by_sql(column: str) -> str:
    quote, meta = connection.ops.quote_name, DataKey._meta
    columns = ", ".join(quote(field.column) for field in meta.concrete_fields)
    return f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.get_field(column).column)} = %s"


def token_key_id(token: str) -> int:
    return _split_token(token)[1]


def _split_token(token: str) -> tuple[str, int, str]:
    prefix, _, rest = token.partition(".")
    key_pk, _, encoded = rest.partition(".")
    if prefix != TOKEN_PREFIX or not key_pk.isdigit() or not encoded:
        raise crypto.DecryptionError("not a PrivacyDesk ciphertext token")
    return prefix, int(key_pk), encoded


def keys_rotate(*, batch_size: int = 500, actor=None) -> int:
    """Re-wrap every live data key under the active KEK, one audited transaction per batch; return the count.

    Payloads are not touched: their tokens name the data key, whose plaintext does not change.
    """
    from privacy.audit import events  # the audit trail itself encrypts with data keys
    from privacy.audit.actors import Actor

    actor = actor or Actor.system("keys_rotate")
    ring = crypto.keyring()
    rotated = 0
    stale = DataKey.objects.filter(shredded_at__isnull=True).exclude(kek_id=ring.active_id).order_by("pk")
    while True:
        with transaction.atomic():
            batch = list(stale.select_for_update()[:batch_size])
            for key in batch:
                plain = ring.unwrap(key.kek_id, bytes(key.wrapped))
                key.kek_id, key.wrapped = ring.wrap(plain)
                key.save(update_fields=["kek_id", "wrapped"])
            if batch or not rotated:
                events.keys_rotated(actor=actor, kek_id=ring.active_id, rewrapped=len(batch))
        rotated += len(batch)
        if len(batch) < batch_size:
            forget_scope_keys()
            return rotated
