"""What the request page shows, and to whom: sealed values open only for staff who work requests.

Auditors (view permission only) see the facts, the timeline and the findings counts, never the
requester's identity or the free text staff wrote about them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from requests_app import selectors
from requests_app.services.common import PERM_WORK

# The staff timeline names every audit event in the console's words; unknown actions show their code.
STAFF_LABELS = {
    "request.submitted": _("Request received"),
    "request.duplicate_linked": _("Linked as a duplicate of an open request"),
    "request.verified": _("Identity verified"),
    "request.verification_failed": _("Wrong order details given at verification"),
    "request.reminder_scheduled": _("Verification reminder scheduled"),
    "request.closed_unverified": _("Closed: never verified"),
    "request.email_sent": _("E-mail sent"),
    "request.discovered": _("Data discovered in the shop"),
    "request.approved": _("Approved for fulfilment"),
    "request.completed": _("Completed"),
    "request.denied": _("Denied"),
    "request.extended": _("Deadline extended"),
    "request.assigned": _("Assignee changed"),
    "request.cancelled": _("Cancelled"),
    "request.note_added": _("Internal note added"),
    "request.needs_attention": _("Needs attention"),
    "request.retried": _("Failed stage retried"),
    "request.redispatched": _("Dispatched again (its worker or its queued task was lost)"),
    "request.export_downloaded": _("Export downloaded"),
    "request.export_purged": _("Export deleted at the end of its lifetime"),
    "request.corrections_set": _("Details to correct recorded"),
    "request.documentation_requested": _("Documentation asked for"),
    "request.correction_applied": _("Correction written to the shop"),
    "request.preference_recorded": _("Preference recorded"),
    "request.preference_applied": _("Preference written to the shop"),
    "request.marketing_stopped": _("Newsletter subscriptions ended, addresses suppressed"),
    "request.recipients_told": _("Recipients told of the correction (Art. 19)"),
}


@dataclass(frozen=True)
class StaffTimelineEntry:
    at: datetime
    label: str
    actor_label: str


@dataclass(frozen=True)
class CaseFile:
    may_see_personal_data: bool
    requester: selectors.Requester | None
    details: dict
    agent: selectors.AgentView | None
    notes: list
    extensions: list
    denial_explanation: str
    attention_reason: str
    findings: selectors.FindingsView | None
    timeline: list


def casefile_for(*, privacy_request, viewer) -> CaseFile:
    personal = viewer.has_perm(PERM_WORK)

    def text(field: str, value: str) -> str:
        return selectors.privacy_request_text(privacy_request=privacy_request, field=field, value=value) if personal and value else ""

    return CaseFile(
        may_see_personal_data=personal,
        requester=selectors.privacy_request_requester(privacy_request=privacy_request) if personal else None,
        details=selectors.privacy_request_details(privacy_request=privacy_request) if personal else {},
        agent=selectors.privacy_request_agent(privacy_request=privacy_request) if personal else None,
        notes=selectors.privacy_request_notes(privacy_request=privacy_request) if personal else [],
        extensions=selectors.privacy_request_extensions(privacy_request=privacy_request),
        denial_explanation=text("denial", privacy_request.denial_explanation_sealed),
        attention_reason=text("attention", privacy_request.attention_reason_sealed),
        findings=selectors.privacy_request_findings(privacy_request=privacy_request),
        timeline=[
            StaffTimelineEntry(at=entry.at, label=STAFF_LABELS.get(entry.action, entry.action), actor_label=entry.actor_label)
            for entry in selectors.privacy_request_timeline(privacy_request=privacy_request, audience="staff")
        ],
    )
