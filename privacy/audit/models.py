"""The audit trail: append-only events, sealed into one HMAC hash chain in batches.

An event row is written once, in the caller's transaction, with a row MAC over its content,
and never changed. The sealer (privacy.audit.sealing) later gives each committed event its
place in the chain by inserting one AuditSeal row; seals are never changed either. Nothing
updates or deletes an event or a seal: the models refuse it here, and on PostgreSQL triggers
refuse it too.
"""

import uuid

from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class AppendOnlyError(Exception):
    """Audit events and seals are never changed or deleted."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit trail is append-only: its rows cannot be updated.")

    def delete(self):
        raise AppendOnlyError("The audit trail is append-only: its rows cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("The audit trail is append-only: its rows cannot be updated.")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError("The audit trail is append-only: its rows cannot be updated.")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The audit trail is append-only: an existing row cannot be saved again.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit trail is append-only: its rows cannot be deleted.")


class AuditEvent(AppendOnlyModel):
    event_id = models.UUIDField(_("event ID"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("recorded at"))
    actor_kind = models.CharField(_("actor type"), max_length=16)
    actor_id = models.CharField(_("actor ID"), max_length=150)
    actor_label = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("target type"), max_length=64)
    target_id = models.CharField(_("target ID"), max_length=64)
    subject_scope = models.CharField(
        _("subject's data key"), max_length=100, null=True, blank=True,
        help_text=_("Data-key scope of the personal details, e.g. request:42."),
    )
    payload = models.TextField(_("payload (encrypted)"), help_text="The details, encrypted (pd1.<data key id>.<nonce+ciphertext>).")
    row_mac = models.CharField(_("row MAC"), max_length=64, help_text=_("HMAC over the content, written with the event."))

    # Few indexes on purpose: every index is one more write per append.

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        permissions = [("view_payload", _("Can view decrypted audit payloads"))]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self):
        values = {"action": self.action, "target": f"{self.target_type}:{self.target_id}", "seq": self.seq}
        if self.seq is None:
            return gettext("%(action)s on %(target)s (unsealed event)") % values
        return gettext("%(action)s on %(target)s (event %(seq)s)") % values

    @property
    def sealed(self) -> bool:
        return self._seal is not None

    @property
    def seq(self) -> int | None:
        return self._seal.seq if self._seal else None

    @property
    def prev_hash(self) -> str | None:
        return self._seal.prev_hash if self._seal else None

    @property
    def chain_hash(self) -> str | None:
        return self._seal.chain_hash if self._seal else None

    @property
    def sealed_at(self):
        return self._seal.sealed_at if self._seal else None

    @property
    def _seal(self):
        return getattr(self, "seal", None)  # the reverse one-to-one raises (an AttributeError) when unsealed


class AuditSeal(AppendOnlyModel):
    """An event's place in the chain, given once by the sealer: chain_hash = HMAC(K, prev_hash | seq | row_mac)."""

    seq = models.BigIntegerField(_("sequence number"), primary_key=True)
    # No foreign-key constraint: its check would lock (and so write to) the event row at every seal.
    # A seal whose event is gone is found by verification.
    event = models.OneToOneField(AuditEvent, on_delete=models.DO_NOTHING, db_constraint=False, related_name="seal")
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    chain_hash = models.CharField(_("chain hash"), max_length=64)
    sealed_at = models.DateTimeField(_("sealed at"))

    class Meta:
        verbose_name = _("audit seal")
        verbose_name_plural = _("audit seals")

    def __str__(self):
        return gettext("audit seal #%(seq)s") % {"seq": self.seq}


class AuditChainHead(models.Model):
    """The one row holding the chain's last sequence number and hash, and where the sealer stopped reading.

    The sealer locks it. `sealed_through` is the highest event id the sealer has read; `gaps` lists
    the [first, last, seen at] id ranges below it it has not seen yet (transactions still open, or
    rolled back), which it looks at again until they fill or expire.
    """

    seq = models.BigIntegerField(_("sequence number"), default=0)
    chain_hash = models.CharField(_("chain hash"), max_length=64)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    sealed_through = models.BigIntegerField(_("sealed through"), default=0)
    gaps = models.JSONField(_("gaps"), default=list, blank=True)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain heads")

    def __str__(self):
        return gettext("audit chain head %(seq)s") % {"seq": self.seq}
