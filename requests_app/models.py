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
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    state = models.CharField(_("state"), max_length=24, choices=State.choices, default=State.RECEIVED)
    language = models.CharField(_("language"), max_length=8, default="en", help_text="Language of the e-mails to the requester.")

    email_index = models.CharField(_("e-mail index"), max_length=64, help_text="Keyed blind index of the requester's e-mail.")
    identity_sealed = models.TextField(_("identity (encrypted)"), help_text="Encrypted JSON: email, name.")
    details_sealed = models.TextField(_("details (encrypted)"), blank=True, help_text="Encrypted JSON: what a correction or opt-out asks for.")
    factor_sealed = models.TextField(_("second factor (encrypted)"), blank=True, help_text="Encrypted second factor given at intake; wiped once used.")
    by_agent = models.BooleanField(_("made through an agent"), default=False)
    status_salt = models.CharField(_("status link salt"), max_length=32, help_text="Random salt of the status link; rotating it revokes links.")

    received_at = models.DateTimeField(_("received at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    state_changed_at = models.DateTimeField(_("state changed at"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    verification_sent_at = models.DateTimeField(_("verification sent at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_method = models.CharField(_("verification method"), max_length=24, choices=VerificationMethod.choices, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    due_date = models.DateField(_("due date"))
    acknowledge_by = models.DateField(_("acknowledge by"), null=True, blank=True)
    extension = models.PositiveSmallIntegerField(_("extension"), default=0, help_text="Months (GDPR-like) or days (CCPA) granted.")

    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    denial_reason = models.CharField(_("denial reason"), max_length=24, choices=DenialReason.choices, blank=True)
    denial_explanation_sealed = models.TextField(_("denial explanation (encrypted)"), blank=True)
    duplicate_of = models.ForeignKey("self", verbose_name=_("duplicate of"), null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates")
    attention_reason_sealed = models.TextField(_("attention reason (encrypted)"), blank=True)
    receipt_sealed = models.TextField(_("receipt (encrypted)"), blank=True, help_text="Encrypted JSON the fulfilment leaves for the requester, e.g. an erasure receipt.")
    attention_from_state = models.CharField(_("state before needing attention"), max_length=24, choices=State.choices, blank=True)
    claimed_by = models.CharField(_("claimed by"), max_length=200, blank=True, help_text="The worker carrying out the fulfilment (host:pid:token), or 'dispatched'.")
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True, help_text="Until when claimed_by holds the fulfilment; past it the request is dispatched again.")

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

    request = models.ForeignKey(PrivacyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(_("purpose"), max_length=8, choices=TokenPurpose.choices)
    token_hash = models.CharField(_("token hash"), max_length=64)
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("verification token")
        verbose_name_plural = _("verification tokens")
        indexes = [models.Index(fields=["request", "purpose"])]


class DeadlineExtension(models.Model):
    request = models.ForeignKey(PrivacyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="extensions")
    extension = models.PositiveSmallIntegerField(_("extension"), help_text="Total extension after this one, months or days.")
    unit = models.CharField(_("unit"), max_length=6, choices=[("months", _("months")), ("days", _("days"))])
    previous_due_date = models.DateField(_("previous due date"))
    new_due_date = models.DateField(_("new due date"))
    reason_sealed = models.TextField(_("reason (encrypted)"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["created_at", "pk"]


class RequestNote(models.Model):
    """A staff-only note: never shown to the requester."""

    request = models.ForeignKey(PrivacyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body_sealed = models.TextField(_("note (encrypted)"))
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]


class AgentAuthorization(models.Model):
    """An authorized agent's identity and signed permission (CCPA §7063); the consumer still confirms."""

    request = models.OneToOneField(PrivacyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="agent")
    agent_sealed = models.TextField(_("agent (encrypted)"), help_text="Encrypted JSON: the agent's name and e-mail.")
    document_sealed = models.BinaryField(_("signed permission (encrypted)"), help_text="The signed permission, encrypted.")
    document_meta_sealed = models.TextField(_("file name and type (encrypted)"), help_text="Encrypted JSON: file name and content type.")
    document_size = models.PositiveIntegerField(_("document size"))
    consumer_confirmed_at = models.DateTimeField(_("confirmed by the consumer at"), null=True, blank=True)

    class Meta:
        verbose_name = _("agent authorization")
        verbose_name_plural = _("agent authorizations")


class RequestFindings(models.Model):
    """What discovery found for the request's subject; the summary counts rows per table only."""

    request = models.OneToOneField(PrivacyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="findings")
    subject_sealed = models.BinaryField(_("subject (encrypted)"))
    findings_sealed = models.BinaryField(_("findings (encrypted)"))
    summary = models.JSONField(_("summary"), default=dict, help_text="Rows found per table: no personal values.")
    discovered_at = models.DateTimeField(_("discovered at"))

    class Meta:
        verbose_name = _("discovery findings")
        verbose_name_plural = _("discovery findings")


class ExportPackage(models.Model):
    """The encrypted ZIP for an access or export request, until its lifetime ends."""

    request = models.OneToOneField(PrivacyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="package")
    package_sealed = models.BinaryField(_("package (encrypted)"), null=True)
    size = models.PositiveIntegerField(_("size"))
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    downloaded_at = models.DateTimeField(_("downloaded at"), null=True, blank=True)
    purged_at = models.DateTimeField(_("purged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export package")
        verbose_name_plural = _("export packages")
        indexes = [models.Index(fields=["purged_at", "expires_at"])]
