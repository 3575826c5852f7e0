"""Privacy requests and what hangs off them. Every personal value is a ciphertext (see sealing.py).

Rows are written only by the services in this app; the audit trail (privacy.audit) is the
request's timeline, so no history table lives here.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _

from requests_app.states import OPEN, State


class Kind(models.TextChoices):
    ACCESS = "access", _("Access to my data")
    EXPORT = "export", _("Export of my data (portability)")
    DELETION = "deletion", _("Deletion of my data")
    CORRECTION = "correction", _("Correction of my data")
    OPT_OUT = "opt_out", _("Opt-out of sale or sharing")
    LIMIT = "limit", _("Limit the use of my sensitive personal information")
    OBJECTION = "objection", _("Stop direct marketing (objection, withdrawal of consent)")


class Jurisdiction(models.TextChoices):
    GDPR = "gdpr", _("GDPR (EU)")
    UK_GDPR = "uk_gdpr", _("UK GDPR")
    CCPA = "ccpa", _("CCPA/CPRA (California)")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    API = "api", _("API")
    EMAIL = "email", _("E-mail (staff entry)")
    PHONE = "phone", _("Phone (staff entry)")
    POST = "post", _("Post (staff entry)")


class StaffChannel(models.TextChoices):
    """The channels staff enter requests from (a subset of Channel)."""

    EMAIL = Channel.EMAIL.value, Channel.EMAIL.label
    PHONE = Channel.PHONE.value, Channel.PHONE.label
    POST = Channel.POST.value, Channel.POST.label


class DenialReason(models.TextChoices):
    UNVERIFIABLE = "unverifiable", _("We could not verify your identity")
    NOT_A_CONSUMER = "not_a_consumer", _("The law does not give this right to you")
    EXEMPT = "exempt", _("The data is exempt from this right")
    LEGAL_HOLD = "legal_hold", _("The data is under a legal hold")
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded", _("The request is manifestly unfounded or excessive")
    ACCURATE = "accurate", _("The data we hold is accurate")
    OTHER = "other", _("Another reason, explained below")


class VerificationMethod(models.TextChoices):
    EMAIL_LINK = "email_link", _("E-mailed link")
    EMAIL_LINK_AND_ORDER = "email_link_and_order", _("E-mailed link and order details")
    STAFF = "staff", _("Verified by staff")
    NOT_REQUIRED = "not_required", _("No verification required")


class PrivacyRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN)


class PrivacyRequest(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=16, choices=Jurisdiction.choices)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    state = models.CharField(_("state"), max_length=24, choices=State.choices, default=State.RECEIVED)
    language = models.CharField(max_length=8, default="en", help_text="Language of the e-mails to the requester.")

    email_index = models.CharField(max_length=64, help_text="Keyed blind index of the requester's e-mail.")
    identity_sealed = models.TextField(help_text="Encrypted JSON: email, name.")
    details_sealed = models.TextField(blank=True, help_text="Encrypted JSON: what a correction or opt-out asks for.")
    factor_sealed = models.TextField(blank=True, help_text="Encrypted second factor given at intake; wiped once used.")
    by_agent = models.BooleanField(default=False)
    status_salt = models.CharField(max_length=32, help_text="Random salt of the status link; rotating it revokes links.")

    received_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    state_changed_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    verification_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verification_method = models.CharField(max_length=24, choices=VerificationMethod.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    due_date = models.DateField()
    acknowledge_by = models.DateField(null=True, blank=True)
    extension = models.PositiveSmallIntegerField(default=0, help_text="Months (GDPR-like) or days (CCPA) granted.")

    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    denial_reason = models.CharField(max_length=24, choices=DenialReason.choices, blank=True)
    denial_explanation_sealed = models.TextField(blank=True)
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates")
    attention_reason_sealed = models.TextField(blank=True)
    receipt_sealed = models.TextField(blank=True, help_text="Encrypted JSON the fulfilment leaves for the requester, e.g. an erasure receipt.")
    attention_from_state = models.CharField(max_length=24, choices=State.choices, blank=True)
    claimed_by = models.CharField(max_length=200, blank=True, help_text="The worker carrying out the fulfilment (host:pid:token), or 'dispatched'.")
    lease_until = models.DateTimeField(null=True, blank=True, help_text="Until when claimed_by holds the fulfilment; past it the request is dispatched again.")

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["due_date", "pk"]
        permissions = [("approve_erasure", _("Can approve the erasure of a subject's data"))]
        # Two concurrent submissions cannot both open a request: the loser is linked as a duplicate.
        constraints = [
            models.UniqueConstraint(
                fields=["email_index", "kind"],
                condition=Q(state__in=sorted(str(state) for state in OPEN)),
                name="one_open_request_per_person_and_kind",
            )
        ]
        indexes = [
            models.Index(fields=["email_index", "kind"]),
            models.Index(fields=["state", "due_date"]),
            models.Index(fields=["state", "verification_sent_at"]),
        ]

    def __str__(self):
        return gettext("request %(pk)s (%(kind)s, %(state)s)") % {"pk": self.pk, "kind": self.kind, "state": self.state}

    @property
    def scope(self) -> str:
        return f"request:{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN


class TokenPurpose(models.TextChoices):
    VERIFY = "verify", _("Confirm the request")
    DOWNLOAD = "download", _("Download the export")


class VerificationToken(models.Model):
    """A single-use secret e-mailed to the requester; only its SHA-256 is kept."""

    request = models.ForeignKey(PrivacyRequest, on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(max_length=8, choices=TokenPurpose.choices)
    token_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("verification token")
        verbose_name_plural = _("verification tokens")
        indexes = [models.Index(fields=["request", "purpose"])]


class DeadlineExtension(models.Model):
    request = models.ForeignKey(PrivacyRequest, on_delete=models.CASCADE, related_name="extensions")
    extension = models.PositiveSmallIntegerField(help_text="Total extension after this one, months or days.")
    unit = models.CharField(max_length=6, choices=[("months", _("months")), ("days", _("days"))])
    previous_due_date = models.DateField()
    new_due_date = models.DateField()
    reason_sealed = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["created_at", "pk"]


class RequestNote(models.Model):
    """A staff-only note: never shown to the requester."""

    request = models.ForeignKey(PrivacyRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body_sealed = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]


class AgentAuthorization(models.Model):
    """An authorized agent's identity and signed permission (CCPA §7063); the consumer still confirms."""

    request = models.OneToOneField(PrivacyRequest, on_delete=models.CASCADE, related_name="agent")
    agent_sealed = models.TextField(help_text="Encrypted JSON: the agent's name and e-mail.")
    document_sealed = models.BinaryField(help_text="The signed permission, encrypted.")
    document_meta_sealed = models.TextField(help_text="Encrypted JSON: file name and content type.")
    document_size = models.PositiveIntegerField()
    consumer_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agent authorization")
        verbose_name_plural = _("agent authorizations")


class RequestFindings(models.Model):
    """What discovery found for the request's subject; the summary counts rows per table only."""

    request = models.OneToOneField(PrivacyRequest, on_delete=models.CASCADE, related_name="findings")
    subject_sealed = models.BinaryField()
    findings_sealed = models.BinaryField()
    summary = models.JSONField(default=dict, help_text="Rows found per table: no personal values.")
    discovered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("discovery findings")
        verbose_name_plural = _("discovery findings")


class ExportPackage(models.Model):
    """The encrypted ZIP for an access or export request, until its lifetime ends."""

    request = models.OneToOneField(PrivacyRequest, on_delete=models.CASCADE, related_name="package")
    package_sealed = models.BinaryField(null=True)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    downloaded_at = models.DateTimeField(null=True, blank=True)
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export package")
        verbose_name_plural = _("export packages")
        indexes = [models.Index(fields=["purged_at", "expires_at"])]
