from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class DataKey(models.Model):
    """A data-encryption key, stored only wrapped by a key-encryption key of the key ring.

    One per subject or record. Destroying it (crypto-shredding) makes everything sealed under
    it unreadable while the ciphertext, and any hash chain over it, stays intact.
    """

    scope = models.CharField(_("scope"), max_length=100, unique=True, help_text="What the key protects, e.g. request:42.")
    kek_id = models.CharField(_("key-encryption key ID"), max_length=32, db_index=True)
    wrapped = models.BinaryField(_("wrapped key"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    shredded_at = models.DateTimeField(_("shredded at"), null=True, blank=True)
    shred_after = models.DateTimeField(
        _("shred after"), null=True, blank=True, help_text="End of the record-keeping period: the key is destroyed after it."
    )

    class Meta:
        verbose_name = _("data key")
        verbose_name_plural = _("data keys")
        indexes = [models.Index(fields=["shredded_at"])]

    def __str__(self):
        return gettext("data key %(pk)s (%(scope)s)") % {"pk": self.pk, "scope": self.scope}
