"""One erasure of one subject and how far it got, so a retry resumes after the last finished step.

Nothing personal is stored in clear: the plan (row keys, the subject's identifiers, charge
permissions), the Amazon Pay progress and the residual scan are encrypted under the data key of
`reference` (`request:<id>` for a privacy request, so shredding the request's key erases them).
"""

from collections.abc import Callable

from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class Step(models.TextChoices):
    """The last step an erasure finished, in order; a retry skips every step up to it."""

    NONE = "", _("Not started")
    PLANNED = "planned", _("Planned")
    AMAZON_CLOSED = "amazon_closed", _("Amazon Pay charge permissions closed")  # left by earlier versions only
    APPLYING = "applying", _("Shop database transaction started (plan frozen)")
    HELD = "held", _("Shop database erased, retention holds recorded")
    VERIFIED = "verified", _("Residual scan clean")
    COMPLETED = "completed", _("Completed")


STEP_ORDER = list(Step.values)


class Problem(models.TextChoices):
    NONE = "", _("None")
    BLOCKED = "blocked", _("Blocked (open orders, pending Amazon Pay actions or open refunds)")
    AMAZON_PAY = "amazon_pay", _("Amazon Pay did not close a charge permission")
    RESIDUE = "residue", _("The residual scan found the subject's identifiers outside held rows")


class ErasureRun(models.Model):
    reference = models.CharField(_("reference"), max_length=64, unique=True, help_text=_("request:<id>, or manual:<id> for a shell run."))
    request = models.OneToOneField(
        "requests_app.PrivacyRequest", verbose_name=_("request"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="erasure",
    )
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8, help_text=_("Whose statutory retention periods apply."))
    deep_scan = models.BooleanField(_("deep scan"), default=False, help_text=_("Scan every text column of the whole shop database."))
    step = models.CharField(_("last step done"), max_length=16, choices=Step.choices, blank=True, default=Step.NONE)
    problem = models.CharField(_("problem"), max_length=16, choices=Problem.choices, blank=True, default=Problem.NONE)
    problem_reason = models.TextField(_("problem reason"), blank=True, help_text=_("Why the erasure stopped; names tables and counts only."))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    plan_sealed = models.TextField(_("plan (encrypted)"), blank=True, help_text=_("Encrypted JSON: the plan, frozen once the shop transaction starts."))
    summary = models.JSONField(_("summary"), default=dict, help_text=_("Rows per table and action: no personal values."))
    amazon_sealed = models.TextField(_("Amazon Pay progress (encrypted)"), blank=True, help_text=_("Encrypted JSON: charge permissions closed so far."))
    amazon = models.JSONField(_("Amazon Pay"), default=dict, help_text=_("Charge permissions closed, already closed, unknown: counts."))
    counts = models.JSONField(_("counts"), default=dict, help_text=_("Rows the shop transaction touched, per table and kind."))
    holds = models.PositiveIntegerField(_("holds"), default=0)
    scan_sealed = models.TextField(_("residual scan hits (encrypted)"), blank=True, help_text=_("Encrypted JSON: the residual scan's hits (table, row, column, kind)."))
    scan = models.JSONField(_("residual scan"), default=dict, help_text=_("Residual scan summary: mode, rows checked, hits allowed and not."))
    receipt = models.JSONField(_("receipt"), default=dict, help_text=_("What was deleted, anonymized and held, why and until when."))

    # Not stored: set by erasure_run (execute.py), which calls it before each step it records.
    before_record: Callable[[], None] | None = None

    class Meta:
        verbose_name = _("erasure run")
        verbose_name_plural = _("erasure runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        values = {"reference": self.reference, "step": self.step or gettext("not started"), "problem": self.problem}
        if self.problem:
            return gettext("erasure %(reference)s (%(step)s, %(problem)s)") % values
        return gettext("erasure %(reference)s (%(step)s)") % values

    def reached(self, step: str) -> bool:
        return STEP_ORDER.index(self.step) >= STEP_ORDER.index(step)
