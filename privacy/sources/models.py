from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class LocatorEntry(models.Model):
    """One row of an unindexed Magento column, findable by a keyed hash of its value.

    The shop's schema has no index on e.g. sales_order.customer_email; this blind index lets
    discovery reach a guest's orders without scanning the table and without storing the
    address: `digest` is an HMAC (privacy.crypto.blind_index) of the normalized value.
    """

    kind = models.CharField(max_length=24)
    table = models.CharField(max_length=64)
    row_pk = models.BigIntegerField()
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("locator entry")
        verbose_name_plural = _("locator entries")
        indexes = [models.Index(fields=["digest"], name="sources_locator_digest")]
        constraints = [
            models.UniqueConstraint(fields=["table", "kind", "row_pk"], name="sources_locator_one_value_per_row")
        ]

    def __str__(self):
        return f"{self.table}#{self.row_pk} ({self.kind})"


class LocatorCheckpoint(models.Model):
    """How far the locator has read one Magento column: rows up to `last_pk`, and every change except those at or
    after `watermark`, the start of the change window (privacy.sources.locator)."""

    table = models.CharField(max_length=64)
    column = models.CharField(max_length=64)
    last_pk = models.BigIntegerField(default=0)
    watermark = models.CharField(max_length=32, blank=True, help_text="Start of the change window: rows changed at or after it may not be indexed yet (as the shop stores times).")
    synced_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True, help_text="A sync holds the column until then.")

    class Meta:
        verbose_name = _("locator checkpoint")
        verbose_name_plural = _("locator checkpoints")
        constraints = [models.UniqueConstraint(fields=["table", "column"], name="sources_checkpoint_per_column")]

    def __str__(self):
        values = {"table": self.table, "column": self.column, "last_pk": self.last_pk}
        return gettext("%(table)s.%(column)s up to #%(last_pk)s") % values
