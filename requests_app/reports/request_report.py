"""One request's report for a supervisory authority: what was asked, every step from the audit
trail, each legal deadline and whether it was met, and the evidence of erasure.

The requester's identity is left out (the reference number identifies the case); the texts
staff wrote (extension reasons, the denial's explanation) are included only for readers
allowed to see personal data, and read "[erased]" once the record-keeping period ended.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from privacy.audit.selectors import audit_events_for_target
from privacy.models import DataKey
from privacy.sources.erasure.models import Step
from privacy.sources.erasure.selectors import erasure_for_request
from requests_app import clock, selectors
from requests_app.admin.casefile import STAFF_LABELS
from requests_app.models import PrivacyRequest
from requests_app.reports.ccpa import outcome
from requests_app.reports.dashboard import audit_chain_status
from requests_app.reports.documents import document_render

EVENT_LABELS = {
    **STAFF_LABELS,
    "erasure.planned": gettext_lazy("Erasure planned from the data map"),
    "erasure.blocked": gettext_lazy("Erasure refused for now (open orders, payments or refunds)"),
    "erasure.amazon_pay_closed": gettext_lazy("Amazon Pay charge permissions closed"),
    "erasure.failed": gettext_lazy("Erasure step failed"),
    "erasure.applied": gettext_lazy("Shop database erased in one transaction"),
    "erasure.held": gettext_lazy("Records kept under statutory retention (holds recorded)"),
    "erasure.verified": gettext_lazy("Residual scan clean"),
    "erasure.residue_found": gettext_lazy("Residual scan found identifiers outside held records"),
    "erasure.completed": gettext_lazy("Erasure completed"),
    "subject.retention_scheduled": gettext_lazy("Record-keeping period started"),
    "subject.key_shredded": gettext_lazy("Record-keeping period ended: personal details destroyed"),
}


# The erasure's counters in words, for the printed report (the JSON keeps the keys).
COUNT_LABELS = {
    "delete": gettext_lazy("deleted"), "anonymize": gettext_lazy("anonymized"),
    "held": gettext_lazy("kept under a statutory hold"), "rows": gettext_lazy("rows in all"),
    "to_close": gettext_lazy("Amazon Pay charge permissions to close"),
    "closed": gettext_lazy("closed"), "not_found": gettext_lazy("no longer kept by Amazon"),
}


def _day(moment) -> str | None:
    return clock.receipt_date(moment).isoformat() if moment else None


def _check(name: str, *, due, done, today, open_: bool) -> dict:
    """A deadline and its state: met, missed, open (still time) or overdue (open and late)."""
    if done is not None:
        status = "met" if done <= due else "missed"
    elif open_:
        status = "open" if today <= due else "overdue"
    else:
        status = "not_applicable"  # closed without this step (e.g. withdrawn)
    return {"deadline": name, "due": due.isoformat(), "done": done.isoformat() if done else None, "status": status,
            "days_late": (done - due).days if status == "missed" else (today - due).days if status == "overdue" else 0}


def _deadlines(privacy_request: PrivacyRequest, extensions, *, answered, today) -> list[dict]:
    """The legal deadlines of the request; answered is the day of its substantive response, if any."""
    checks = []
    if privacy_request.acknowledge_by:
        acknowledged = clock.receipt_date(privacy_request.acknowledged_at) if privacy_request.acknowledged_at else None
        checks.append(_check(_("Confirm receipt (10 business days)"), due=privacy_request.acknowledge_by,
                             done=acknowledged, today=today, open_=privacy_request.is_open))
    if extensions:
        checks.append(_check(_("Notify the extension within the first period"), due=extensions[0].previous_due_date,
                             done=clock.receipt_date(extensions[0].created_at), today=today, open_=False))
    checks.append(_check(_("Respond (after extensions)") if extensions else _("Respond"),
                         due=privacy_request.due_date, done=answered, today=today, open_=privacy_request.is_open))
    return checks


def _extensions(privacy_request: PrivacyRequest, *, include_texts: bool) -> list[dict]:
    return [
        {"granted": _day(row.created_at), "extension": row.extension, "unit": row.unit,
         "previous_due_date": row.previous_due_date.isoformat(), "new_due_date": row.new_due_date.isoformat(),
         "reason": row.reason if include_texts else None}
        for row in selectors.privacy_request_extensions(privacy_request=privacy_request)
    ]


def _timeline(privacy_request: PrivacyRequest) -> list[dict]:
    scope = privacy_request.scope
    found = [
        *audit_events_for_target(target_type="privacy_request", target_id=privacy_request.pk),
        *audit_events_for_target(target_type="erasure_run", target_id=scope),
        *audit_events_for_target(target_type="subject", target_id=scope),
    ]
    return [
        {"at": timezone.localtime(event.created_at).isoformat(), "action": event.action,
         "label": str(EVENT_LABELS.get(event.action, event.action)), "actor_kind": event.actor_kind,
         "actor": event.actor_label, "seq": event.seq, "chain_hash": event.chain_hash}
        for event in sorted(found, key=lambda event: (event.created_at, event.pk))
    ]


def _erasure(privacy_request: PrivacyRequest) -> dict | None:
    run = erasure_for_request(privacy_request=privacy_request)
    if run is None:
        return None
    receipt = run.receipt or {}
    return {
        "reference": run.reference, "step": run.step, "step_label": str(Step(run.step).label),
        "problem": run.problem or None, "problem_reason": run.problem_reason or None, "attempts": run.attempts,
        "completed_at": _day(run.completed_at), "rows": run.summary.get("totals", {}), "tables": run.counts,
        "holds": run.holds, "amazon_pay": run.amazon, "residual_scan": run.scan,
        "receipt": {"erased": receipt.get("erased", []), "kept": receipt.get("kept", []),
                    "verified": receipt.get("verified"), "rows_checked": receipt.get("rows_checked")},
    }


def _record_keeping(privacy_request: PrivacyRequest) -> dict:
    key = DataKey.objects.filter(scope=privacy_request.scope).first()
    return {"keep_until": _day(key.shred_after) if key else None, "destroyed": _day(key.shredded_at) if key else None}


def request_report(*, privacy_request: PrivacyRequest, include_texts: bool, now=None) -> dict:
    """Return the report of one request as plain data (what the JSON holds and the HTML prints)."""
    now = now or timezone.now()
    extensions = list(privacy_request.extensions.all())
    closed_at = privacy_request.closed_at
    result, group = outcome(state=privacy_request.state, reason=privacy_request.denial_reason,
                            answered=closed_at is not None and closed_at <= now)
    answered = clock.receipt_date(privacy_request.closed_at) if result in ("complied", "denied") else None
    return {
        "report": "privacy_request", "generated_at": timezone.localtime(now).isoformat(),
        "request": {
            "id": privacy_request.pk, "kind": privacy_request.kind, "kind_label": privacy_request.get_kind_display(),
            "jurisdiction": privacy_request.jurisdiction,
            "jurisdiction_label": privacy_request.get_jurisdiction_display(), "channel": privacy_request.channel,
            "channel_label": privacy_request.get_channel_display(),
            "state": privacy_request.state, "state_label": privacy_request.get_state_display(),
            "by_agent": privacy_request.by_agent, "duplicate_of": privacy_request.duplicate_of_id,
            "received": _day(privacy_request.received_at), "verified": _day(privacy_request.verified_at),
            "verification_method": privacy_request.get_verification_method_display() or None,
            "closed": _day(privacy_request.closed_at),
        },
        "outcome": {
            "result": result, "denial_reason": privacy_request.denial_reason or None,
            "denial_reason_label": privacy_request.get_denial_reason_display() or None, "denial_group": group or None,
            "denial_explanation": _denial_explanation(privacy_request) if include_texts else None,
            "days_to_response": (answered - clock.receipt_date(privacy_request.received_at)).days if answered else None,
        },
        "deadlines": _deadlines(privacy_request, extensions, answered=answered, today=timezone.localdate(now)),
        "extensions": _extensions(privacy_request, include_texts=include_texts),
        "timeline": _timeline(privacy_request),
        "erasure": _erasure(privacy_request),
        "record_keeping": _record_keeping(privacy_request),
        "audit_chain": _chain(),
    }


def _denial_explanation(privacy_request: PrivacyRequest) -> str | None:
    sealed = privacy_request.denial_explanation_sealed
    if not sealed:
        return None
    return selectors.privacy_request_text(privacy_request=privacy_request, field="denial", value=sealed) or None


def _chain() -> dict:
    chain = audit_chain_status()
    return {"last_verified": chain.last_check_at.isoformat() if chain.last_check_at else None,
            "last_result": {True: "ok", False: "failed", None: "never"}[chain.last_check_ok],
            "head_seq": chain.head_seq, "head_hash": chain.head_hash, "unsealed": chain.unsealed}


def request_report_html(report: dict, *, standalone: bool = True) -> str:
    timeline = [{**entry, "moment": datetime.fromisoformat(entry["at"])} for entry in report["timeline"]]
    erasure = report["erasure"] or {}
    counts = {name: _in_words(erasure.get(name) or {}) for name in ("rows", "amazon_pay")}
    return document_render("reports/request_report.html", {"report": report, "timeline": timeline, "counts": counts},
                           standalone=standalone)


def _in_words(counts: dict) -> str:
    return ", ".join(f"{COUNT_LABELS.get(key, key)}: {value}" for key, value in counts.items())
