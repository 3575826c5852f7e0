"""Retention policies, their runs (with checkpoints), statutory periods and erasure holds.

Rows are written only by the services in this app (and the admin, for the editable fields of
policies and statutory periods). Nothing here holds personal data in clear: runs count rows,
holds name a Magento table and primary key.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from retention.schedules import crontab_parse


class Jurisdiction(models.TextChoices):
    GERMANY = "de", _("Germany")
    FRANCE = "fr", _("France")
    UNITED_STATES = "us", _("United States")


class DocumentClass(models.TextChoices):
    """Records a statutory period applies to; the first four are the data map's classes."""

    ORDER = "order", _("Order")
    INVOICE = "invoice", _("Invoice")
    CREDIT_MEMO = "credit_memo", _("Credit memo")
    SHIPMENT = "shipment", _("Shipment / delivery note")
    BOOKS = "books", _("Books and ledgers")


class StatutoryPeriod(models.Model):
    """How long a jurisdiction requires a class of documents kept, from the end of its calendar year."""

    jurisdiction = models.CharField(_("jurisdiction"), max_length=8, choices=Jurisdiction.choices)
    document_class = models.CharField(_("document class"), max_length=16, choices=DocumentClass.choices)
    years = models.PositiveSmallIntegerField(_("years"))
    legal_basis = models.CharField(_("legal basis"), max_length=255, help_text=_("The provisions that set the period."))

    class Meta:
        verbose_name = _("statutory retention period")
        verbose_name_plural = _("statutory retention periods")
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "document_class"], name="statutory_period_unique")]
        ordering = ["jurisdiction", "document_class"]

    def __str__(self):
        values = {"jurisdiction": self.get_jurisdiction_display(), "document_class": self.get_document_class_display(), "years": self.years}
        return ngettext("%(jurisdiction)s: %(document_class)s %(years)d year", "%(jurisdiction)s: %(document_class)s %(years)d years", self.years) % values


class Plan(models.TextChoices):
    """What a policy does; each plan is code in retention/plans.py."""

    ORDERS = "orders", _("Anonymize orders whose statutory period has ended")
    GUEST_QUOTES = "guest_quotes", _("Delete abandoned guest carts")
    CUSTOMER_QUOTES = "customer_quotes", _("Delete abandoned customer carts")
    CUSTOMER_VISITOR = "customer_visitor", _("Purge visitor sessions (customer_visitor)")
    CUSTOMER_LOG = "customer_log", _("Purge last-login records (customer_log)")
    REPORT_EVENT = "report_event", _("Purge product view and cart events (report_event)")
    PASSWORD_RESET_EVENTS = "password_reset_request_event", _("Purge password-reset requests")
    SENDFRIEND_LOG = "sendfriend_log", _("Purge send-to-a-friend log (sendfriend_log)")
    LOGIN_AS_CUSTOMER_LOG = "magento_login_as_customer_log", _("Purge staff log-ins as a customer")
    HOLDS = "holds", _("Anonymize rows whose erasure hold has ended")
    INACTIVE_ACCOUNTS = "inactive_accounts", _("Close accounts inactive for a long time, after a warning e-mail")


class Action(models.TextChoices):
    ANONYMIZE = "anonymize", _("Anonymize")
    DELETE = "delete", _("Delete")
    CLOSE = "close", _("Warn, then delete the account")


class RetentionPolicy(models.Model):
    """One retention rule: which data, how old, what happens to it, and on which legal basis."""

    name = models.SlugField(_("name"), max_length=64, unique=True)
    plan = models.CharField(_("plan"), max_length=40, choices=Plan.choices)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    data_category = models.CharField(_("data category"), max_length=255, help_text=_("The data category, as in the record of processing."))
    legal_basis = models.TextField(_("legal basis"), help_text=_("Why the data is kept until then, and why it goes afterwards."))
    description = models.TextField(_("description"), blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    age_days = models.PositiveIntegerField(
        _("age in days"), null=True, blank=True, help_text=_("Fixed age in days; empty for statutory periods and holds.")
    )
    notice_days = models.PositiveIntegerField(
        _("notice in days"), null=True, blank=True, help_text=_("Inactive accounts only: days between the warning e-mail and closing.")
    )
    schedule = models.CharField(
        _("schedule"), max_length=100, default="30 2 * * *", help_text=_("Cron expression (minute hour day month weekday), shop time zone.")
    )
    batch_size = models.PositiveIntegerField(_("batch size"), default=5000)
    # The claim: a run owns the policy while lease_until is in the future (see services.retention_policy_claim).
    claimed_by = models.CharField(_("claimed by"), max_length=200, blank=True, editable=False)
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True, editable=False)
    last_dispatched_at = models.DateTimeField(_("last dispatched at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        try:
            crontab_parse(self.schedule)
        except ValueError as error:
            raise ValidationError({"schedule": str(error)}) from None
        if self.plan in FIXED_AGE_PLANS and not self.age_days:
            raise ValidationError({"age_days": _("This plan needs an age in days.")})
        if self.plan == Plan.INACTIVE_ACCOUNTS and not self.notice_days:
            raise ValidationError({"notice_days": _("Say how many days after the warning the account is closed.")})
        if not 1 <= self.batch_size <= 50000:
            raise ValidationError({"batch_size": _("Use a batch size between 1 and 50000.")})


FIXED_AGE_PLANS = {plan for plan in Plan.values if plan not in (Plan.ORDERS, Plan.HOLDS)}


class RunState(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused (batch limit reached)")
    FAILED = "failed", _("Failed (resumes at the next run)")
    COMPLETED = "completed", _("Completed")
    ABANDONED = "abandoned", _("Abandoned")


RESUMABLE_STATES = (RunState.PENDING, RunState.RUNNING, RunState.PAUSED, RunState.FAILED)


class RetentionRun(models.Model):
    """One execution of a policy, with its checkpoint: killed or failed runs resume from it."""

    policy = models.ForeignKey(RetentionPolicy, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="runs")
    state = models.CharField(_("state"), max_length=16, choices=RunState.choices, default=RunState.PENDING)
    dry_run = models.BooleanField(_("dry run"), default=False)
    batch_size = models.PositiveIntegerField(_("batch size"))
    started_by = models.CharField(_("started by"), max_length=200)
    created_at = models.DateTimeField(_("created at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    cutoffs = models.JSONField(_("cut-off dates"), default=dict, help_text=_("Age limits fixed when the run was created (ISO dates)."))
    walk = models.PositiveSmallIntegerField(_("table walk"), default=0, help_text=_("Checkpoint: index of the table walk in progress."))
    last_pk = models.BigIntegerField(_("last key done"), null=True, blank=True, help_text=_("Checkpoint: last primary key done."))
    walk_end = models.BigIntegerField(_("end of the walk"), null=True, blank=True, help_text=_("Checkpoint: highest key of the walk in progress."))
    batches = models.PositiveIntegerField(_("batches"), default=0)
    tables = models.JSONField(_("tables"), default=dict, help_text=_("Rows examined and changed per table."))
    errors = models.JSONField(_("errors"), default=list)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    duration_seconds = models.FloatField(_("duration in seconds"), default=0.0)
    key_token = models.TextField(_("pseudonym key (encrypted)"), blank=True, editable=False, help_text=_("The run's pseudonym key, encrypted."))

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-id"]
        indexes = [models.Index(fields=["policy", "state"])]

    def __str__(self):
        return gettext("%(policy)s run %(pk)s (%(state)s)") % {"policy": self.policy, "pk": self.pk, "state": self.state}

    def totals(self) -> dict:
        return {
            "examined": sum(counts.get("examined", 0) for counts in self.tables.values()),
            "changed": sum(counts.get("changed", 0) for counts in self.tables.values()),
        }


class RetentionHold(models.Model):
    """A Magento row kept under statutory retention after an erasure; anonymized once hold_until has passed.

    The erasure service writes holds (retention.services.retention_hold_create); the `holds`
    policy anonymizes the row with the data map's strategies when no hold on it remains.
    """

    table = models.CharField(_("table"), max_length=64)
    row_id = models.BigIntegerField(_("row ID"), help_text=_("Primary key of the held row in the Magento table."))
    document_class = models.CharField(_("document class"), max_length=16, choices=DocumentClass.choices)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8, choices=Jurisdiction.choices)
    hold_until = models.DateField(_("held until"), help_text=_("Last day of the statutory period."))
    request_ref = models.CharField(_("request"), max_length=64, help_text=_("The erasure request that left the hold, e.g. request:42."))
    created_at = models.DateTimeField(_("created at"))
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    released_by = models.ForeignKey(RetentionRun, verbose_name=_("released by run"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("retention hold")
        verbose_name_plural = _("retention holds")
        indexes = [models.Index(fields=["released_at", "hold_until"]), models.Index(fields=["table", "row_id"])]
        ordering = ["id"]

    def __str__(self):
        values = {"table": self.table, "row_id": self.row_id, "hold_until": self.hold_until}
        return gettext("hold on %(table)s %(row_id)s until %(hold_until)s") % values


class InactivityNotice(models.Model):
    """A warning e-mail sent to an inactive account before the inactive-accounts policy closes it."""

    policy = models.ForeignKey(RetentionPolicy, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="notices")
    customer_id = models.BigIntegerField(_("customer ID"))
    warned_at = models.DateTimeField(_("warned at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("inactivity notice")
        verbose_name_plural = _("inactivity notices")
        constraints = [models.UniqueConstraint(fields=["policy", "customer_id"], name="inactivity_notice_unique")]
        indexes = [models.Index(fields=["closed_at", "warned_at"])]
