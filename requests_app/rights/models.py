"""Preferences that outlive the request that recorded them: opt-outs/limits and marketing suppressions.

Both are keyed by the e-mail's blind index (privacy.crypto.email_index). An opt-out keeps the
address encrypted too, because it must still reach accounts opened later and the keyed lists
handed to partners added later; a suppression needs nothing but the index.
"""

from django.db import models
from django.utils.translation import gettext, gettext_lazy as _

PREFERENCES_SCOPE = "preferences"  # the data key sealing the e-mails of opt-outs


class PreferenceKind(models.TextChoices):
    OPT_OUT = "opt_out", _("Opt-out of sale or sharing")
    LIMIT = "limit", _("Limit the use of sensitive personal information")


class Signal(models.TextChoices):
    """How the preference reached us."""

    GPC = "gpc", _("Global Privacy Control signal (Sec-GPC: 1)")
    FORM = "form", _("Self-service form")
    API = "api", _("Storefront or API call")
    STAFF = "staff", _("Entered by staff")


class OptOutPreference(models.Model):
    kind = models.CharField(_("preference"), max_length=8, choices=PreferenceKind.choices)
    email_index = models.CharField(_("e-mail index"), max_length=64, help_text=_("Keyed blind index of the e-mail."))
    email_sealed = models.TextField(_("e-mail (encrypted)"), help_text=_("The e-mail, encrypted under the preferences data key."))
    signal = models.CharField(_("received through"), max_length=8, choices=Signal.choices)
    request = models.ForeignKey("requests_app.PrivacyRequest", verbose_name=_("request"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"))
    applied_at = models.DateTimeField(_("applied to the shop at"), null=True, blank=True, help_text=_("Last written to the shop's accounts."))
    shop_accounts = models.PositiveIntegerField(_("shop accounts flagged"), default=0, help_text=_("Accounts flagged in the shop when last applied."))
    shop_note = models.CharField(_("note from the shop"), max_length=255, blank=True, help_text=_("Why the shop holds no flag, if it does not."))

    class Meta:
        verbose_name = _("opt-out or limit")
        verbose_name_plural = _("opt-outs and limits")
        ordering = ["-recorded_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["email_index", "kind"], name="one_preference_per_address_and_kind")]
        permissions = [("export_partner_list", _("Can download the keyed opt-out list for a partner"))]

    def __str__(self):
        return gettext("%(kind)s preference %(pk)s") % {"kind": self.kind, "pk": self.pk}


class MarketingSuppression(models.Model):
    """An address that objected to direct marketing or withdrew its consent: never subscribed again by us."""

    email_index = models.CharField(_("e-mail index"), max_length=64, unique=True, help_text=_("Keyed blind index of the e-mail."))
    request = models.ForeignKey("requests_app.PrivacyRequest", verbose_name=_("request"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"))
    unsubscribed = models.PositiveIntegerField(_("subscriptions ended"), default=0, help_text=_("Newsletter subscriptions ended at the time."))
    store_ids = models.JSONField(_("store views"), default=list, help_text=_("Store views whose subscriptions were ended."))

    class Meta:
        verbose_name = _("marketing suppression")
        verbose_name_plural = _("marketing suppressions")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self):
        return gettext("marketing suppression %(pk)s") % {"pk": self.pk}
