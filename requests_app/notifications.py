"""E-mails about a request: rendered from templates/emails/<name>.txt and .html in the requester's language.

Each message goes to exactly one party (the requester, the agent, or staff) and carries only
what that party may see: no shop data, and nothing about the consumer in the agent's mail.
Links that prove control of the address (verify, download) are minted here, at sending time,
so the secret exists only in the e-mail.
"""

import email.policy
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import HeaderRegistry

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy as _

from privacy.audit import events
from requests_app import links, sealing, tokens
from requests_app.models import ExportPackage, PrivacyRequest, TokenPurpose
from requests_app.services.common import SYSTEM
from requests_app.services.verification import second_factor_required, token_issue
from requests_app.states import State

logger = logging.getLogger(__name__)

AUTHORITIES = {
    "gdpr": _("the data protection supervisory authority of the EU or EEA country where you live, work or where "
              "the problem happened (list: https://www.edpb.europa.eu/about-edpb/about-edpb/members_en), or a court"),
    "uk_gdpr": _("the Information Commissioner's Office (https://ico.org.uk/make-a-complaint/), or a court"),
    "ccpa": _("the California Privacy Protection Agency (https://cppa.ca.gov/) or the California Attorney General "
              "(https://oag.ca.gov/privacy)"),
    "other": _("the data protection authority where you live, or a court"),
}


@dataclass(frozen=True)
class Message:
    subject: str
    to_agent: bool = False
    acknowledges: bool = False


MESSAGES = {
    "verification": Message(_("Please confirm your privacy request"), acknowledges=True),
    "reminder": Message(_("Reminder: please confirm your privacy request"), acknowledges=True),
    "acknowledgement": Message(_("We have received your privacy request"), acknowledges=True),
    "agent_acknowledgement": Message(_("We have received the privacy request you submitted"), to_agent=True),
    "duplicate": Message(_("You already have a privacy request with us")),
    "extension": Message(_("We need more time for your privacy request")),
    "completion": Message(_("Your privacy request is complete")),
    "download_link": Message(_("Your download link")),
    "denial": Message(_("Our answer to your privacy request")),
    "erasure_receipt": Message(_("Your erasure receipt")),
    "erasure_blocked": Message(_("We cannot erase your data yet")),
    "documentation": Message(_("We need documentation for your privacy request")),
}


def request_email_send(*, request_id: int, message: str, now: datetime | None = None) -> bool:
    """Render and send one message about the request; return False when it no longer applies."""
    now = now or timezone.now()
    privacy_request = PrivacyRequest.objects.get(pk=request_id)  # duplicate_of loads on its own, in _duplicate only
    # The context too: labels (kind, denial reason, why an erasure waits) are translated when it is built.
    identity = sealing.open_json(privacy_request.pk, "identity", privacy_request.identity_sealed)
    with translation.override(privacy_request.language):
        context = _context(privacy_request, message, identity=identity, now=now)
        if context is None:
            return False
        recipient = _recipient(privacy_request, MESSAGES[message], identity=identity)
        _deliver(template=message, subject=str(MESSAGES[message].subject), to=recipient, context=context)
    _record_sent(privacy_request, message, now=now)
    return True


def _deliver(*, template: str, subject: str, to: str, context: dict) -> None:
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    mail = _Mail(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    mail.attach_alternative(html, "text/html")
    mail.send()


class _HeaderClasses(HeaderRegistry):
    """The standard library's header registry, building each header name's class once.

    Its own builds a new class with type() for every header it parses (26 per e-mail with a text
    and an HTML part), which was a third of the time the MIME message took. The classes hold no
    state, so the message is byte for byte the same.
    """

    def __init__(self):
        super().__init__()
        self._built = {}

    def __getitem__(self, name):
        key = name.lower()
        if key not in self._built:
            self._built[key] = super().__getitem__(name)
        return self._built[key]


_HEADER_CLASSES = _HeaderClasses()


class _Mail(EmailMultiAlternatives):
    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(header_factory=_HEADER_CLASSES))


def _recipient(privacy_request: PrivacyRequest, message: Message, *, identity: dict) -> str:
    if message.to_agent:
        return sealing.open_json(privacy_request.pk, "agent", privacy_request.agent.agent_sealed)["email"]
    return identity["email"]


def _record_sent(privacy_request: PrivacyRequest, message: str, *, now: datetime) -> None:
    rows = PrivacyRequest.objects.filter(pk=privacy_request.pk)
    with transaction.atomic():
        if MESSAGES[message].acknowledges:
            rows.filter(acknowledged_at__isnull=True).update(acknowledged_at=now)
        if message == "verification":
            rows.filter(verification_sent_at__isnull=True).update(verification_sent_at=now)
        events.request_email_sent(actor=SYSTEM, request=privacy_request, details={"message": message})
    logger.info("request %s: %s e-mail sent", privacy_request.pk, message)


def _context(privacy_request: PrivacyRequest, message: str, *, identity: dict, now: datetime) -> dict | None:
    base = {
        "request_id": privacy_request.pk, "kind": privacy_request.get_kind_display(), "kind_code": privacy_request.kind,
        "jurisdiction": privacy_request.jurisdiction, "received_on": timezone.localdate(privacy_request.received_at),
        "due_date": privacy_request.due_date, "shop_name": settings.PRIVACY_SHOP_NAME,
    }
    if message == "agent_acknowledgement":
        return base  # the agent learns nothing beyond what they submitted
    base |= {"name": identity.get("name", ""), "status_url": links.status_url(tokens.status_token(privacy_request.pk, privacy_request.status_salt))}
    builder = _BUILDERS.get(message)
    return base if builder is None else builder(privacy_request, base, now)


def _verification(privacy_request, base, now):
    if privacy_request.state != State.AWAITING_VERIFICATION:
        return None  # confirmed or closed in the meantime: no link to send
    hours = settings.PRIVACY_VERIFICATION_LINK_HOURS
    token = token_issue(privacy_request=privacy_request, purpose=TokenPurpose.VERIFY, lifetime=timedelta(hours=hours), now=now)
    return base | {
        "verify_url": links.verify_url(token), "link_hours": hours, "by_agent": privacy_request.by_agent,
        "needs_second_factor": second_factor_required(privacy_request.kind),
        "close_days": settings.PRIVACY_VERIFICATION_CLOSE_DAYS,
    }


def _duplicate(privacy_request, base, now):
    original = privacy_request.duplicate_of
    original_status = links.status_url(tokens.status_token(original.pk, original.status_salt))
    return base | {"original_received_on": timezone.localdate(original.received_at), "status_url": original_status}


def _extension(privacy_request, base, now):
    latest = privacy_request.extensions.order_by("-created_at", "-pk").first()
    return base | {"reason": sealing.open_text(privacy_request.pk, "extension_reason", latest.reason_sealed)}


def _completion(privacy_request, base, now):
    from requests_app.rights.notices import rights_receipt_context

    package = ExportPackage.objects.filter(request=privacy_request, purged_at__isnull=True).first()
    rights = rights_receipt_context(privacy_request_receipt(privacy_request))  # correction, opt-out/limit, objection
    return base | (_download(privacy_request, package, now) if package else {}) | rights


def _download_link(privacy_request, base, now):
    package = ExportPackage.objects.filter(request=privacy_request, purged_at__isnull=True, expires_at__gt=now).first()
    return None if package is None else base | _download(privacy_request, package, now)


def _download(privacy_request, package, now) -> dict:
    lifetime = min(timedelta(hours=settings.PRIVACY_DOWNLOAD_LINK_HOURS), package.expires_at - now)
    token = token_issue(privacy_request=privacy_request, purpose=TokenPurpose.DOWNLOAD, lifetime=lifetime, now=now)
    return {"download_url": links.download_url(token), "link_expires_at": now + lifetime, "package_expires_at": package.expires_at}


def _denial(privacy_request, base, now):
    return base | {
        "reason": privacy_request.get_denial_reason_display(),
        "explanation": sealing.open_text(privacy_request.pk, "denial", privacy_request.denial_explanation_sealed),
        "authority": AUTHORITIES[privacy_request.jurisdiction], "own_authority": settings.PRIVACY_SUPERVISORY_AUTHORITY,
    }


def privacy_request_receipt(privacy_request: PrivacyRequest) -> dict | None:
    """Return the erasure receipt stored by the deletion fulfilment (what was erased, what is kept and why)."""
    return sealing.open_json(privacy_request.pk, "receipt", privacy_request.receipt_sealed, default=None)


def _erasure_receipt(privacy_request, base, now):
    receipt = privacy_request_receipt(privacy_request)
    return None if receipt is None else base | {"receipt": receipt}


def _erasure_blocked(privacy_request, base, now):
    from privacy.sources.erasure.selectors import erasure_block_reasons

    reasons = erasure_block_reasons(privacy_request=privacy_request)
    return None if not reasons else base | {"reasons": reasons}


def _documentation(privacy_request, base, now):
    from requests_app.rights.notices import documentation_context

    return documentation_context(privacy_request, base, now)


_BUILDERS = {
    "verification": _verification,
    "reminder": _verification,
    "duplicate": _duplicate,
    "extension": _extension,
    "completion": _completion,
    "download_link": _download_link,
    "denial": _denial,
    "erasure_receipt": _erasure_receipt,
    "erasure_blocked": _erasure_blocked,
    "documentation": _documentation,
}


@dataclass(frozen=True)
class DigestRow:
    pk: int
    kind: str
    jurisdiction: str
    state: str
    due_date: object
    acknowledge_by: object
    assignee: str
    admin_url: str


def _digest_rows(queryset) -> list[DigestRow]:
    return [
        DigestRow(pk=row.pk, kind=row.kind, jurisdiction=row.jurisdiction, state=row.state, due_date=row.due_date,
                  acknowledge_by=row.acknowledge_by, assignee=row.assignee.get_username() if row.assignee else "",
                  admin_url=links.admin_request_url(row.pk))
        for row in queryset.select_related("assignee").order_by("due_date", "pk")
    ]


def deadline_digest_send(*, today=None) -> int:
    """E-mail PRIVACY_STAFF_EMAILS the overdue and due-soon requests (ids and dates only); return how many listed."""
    from requests_app import selectors

    today = today or timezone.localdate()
    sections = {
        "overdue": _digest_rows(selectors.privacy_requests_overdue(today=today)),
        "due_soon": _digest_rows(selectors.privacy_requests_due_soon(today=today)),
        "acknowledgement_overdue": _digest_rows(selectors.privacy_requests_acknowledgement_overdue(today=today)),
    }
    listed = len({row.pk for rows in sections.values() for row in rows})
    if not listed:
        return 0
    if not settings.PRIVACY_STAFF_EMAILS:
        logger.warning("deadline digest: %s requests need attention but PRIVACY_STAFF_EMAILS is empty", listed)
        return 0
    context = sections | {"today": today, "due_soon_days": settings.PRIVACY_DUE_SOON_DAYS, "listed": listed}
    text = render_to_string("emails/staff_digest.txt", context)
    html = render_to_string("emails/staff_digest.html", context)
    subject = gettext("Privacy requests: %(overdue)s overdue, %(soon)s due soon") % {
        "overdue": len(sections["overdue"]), "soon": len(sections["due_soon"])
    }
    mail = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL,
                                  to=settings.PRIVACY_STAFF_EMAILS)
    mail.attach_alternative(html, "text/html")
    mail.send()
    return listed
