"""The audit trail: append-only events, sealed into one HMAC hash chain in batches.

An event is inserted unsealed in the caller's transaction (seq, prev_hash, chain_hash and
sealed_at empty) with a row MAC over its content. The sealer (privacy.audit.chain) later
gives each committed event its place in the chain exactly once. Nothing else ever changes
or deletes a row: the model refuses it here, and on PostgreSQL a trigger refuses it too.
"""

import uuid

from django.db import models
from django.db.models import Q


class AppendOnlyError(Exception):
    """Audit events are never changed or deleted."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events are append-only: they cannot be updated.")

    def delete(self):
        raise AppendOnlyError("Audit events are append-only: they cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Audit events are append-only: they cannot be updated.")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError("Audit events are append-only: they cannot be updated.")


class AuditEvent(models.Model):
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField()
    actor_kind = models.CharField(max_length=16)
    actor_id = models.CharField(max_length=150)
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    subject_scope = models.CharField(
        max_length=100, null=True, blank=True, help_text="Data-key scope of the personal details, e.g. request:42."
    )
    payload = models.TextField(help_text="The details, encrypted (pd1.<data key id>.<nonce+ciphertext>).")
    row_mac = models.CharField(max_length=64, help_text="HMAC over the content, written with the event.")
    seq = models.BigIntegerField(null=True, blank=True, help_text="Place in the chain, given at sealing.")
    prev_hash = models.CharField(max_length=64, null=True, blank=True)
    chain_hash = models.CharField(max_length=64, null=True, blank=True)
    sealed_at = models.DateTimeField(null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    # Few indexes on purpose: sealing rewrites each row once, and every index costs that write.

    class Meta:
        permissions = [("view_payload", "Can view decrypted audit payloads")]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            models.Index(fields=["id"], condition=Q(seq__isnull=True), name="audit_unsealed_idx"),
        ]
        # Partial, so an append (seq still empty) does not write to it.
        constraints = [models.UniqueConstraint(fields=["seq"], condition=Q(seq__isnull=False), name="audit_seq_unique")]

    def __str__(self):
        return f"{self.action} on {self.target_type}:{self.target_id} (event {self.seq or 'unsealed'})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit events are append-only: an existing event cannot be saved again.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events are append-only: they cannot be deleted.")

    @property
    def sealed(self) -> bool:
        return self.seq is not None


class AuditChainHead(models.Model):
    """The one row holding the chain's last sequence number and hash; the sealer locks it."""

    seq = models.BigIntegerField(default=0)
    chain_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"audit chain head {self.seq}"
