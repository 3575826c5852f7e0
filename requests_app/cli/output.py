"""What the subcommands print: one JSON object (--json) or a few readable lines; personal values only in `details`."""

import json

from django.core.management import CommandError
from django.utils import timezone

from requests_app import selectors
from requests_app.models import PrivacyRequest
from requests_app.rights.cli_details import kind_details


def request_get(pk: int) -> PrivacyRequest:
    try:
        return PrivacyRequest.objects.select_related("assignee").get(pk=pk)
    except PrivacyRequest.DoesNotExist:
        raise CommandError(f"No privacy request has id {pk}: check the ID argument.") from None


def request_json(privacy_request: PrivacyRequest) -> dict:
    """The request as scripts read it: ids, codes and ISO dates (due_date after any extension).

    `details` is what a correction, opt-out, limit or objection asks for and what came of it: the
    operator may see the values; nothing here is ever logged.
    """
    findings = selectors.privacy_request_findings(privacy_request=privacy_request)
    package = getattr(privacy_request, "package", None)
    return {
        "id": privacy_request.pk,
        "kind": privacy_request.kind,
        "jurisdiction": privacy_request.jurisdiction,
        "channel": privacy_request.channel,
        "state": privacy_request.state,
        "received_at": timezone.localdate(privacy_request.received_at).isoformat(),
        "received_timestamp": timezone.localtime(privacy_request.received_at).isoformat(),
        "due_date": privacy_request.due_date.isoformat(),
        "acknowledge_by": privacy_request.acknowledge_by.isoformat() if privacy_request.acknowledge_by else None,
        "extension": privacy_request.extension,
        "deadline_status": selectors.deadline_status(privacy_request),
        "duplicate_of": privacy_request.duplicate_of_id,
        "verified_at": privacy_request.verified_at.isoformat() if privacy_request.verified_at else None,
        "closed_at": privacy_request.closed_at.isoformat() if privacy_request.closed_at else None,
        "denial_reason": privacy_request.denial_reason or None,
        "assignee": privacy_request.assignee.get_username() if privacy_request.assignee_id else None,
        "findings": findings.summary if findings else None,
        "package_bytes": package.size if package and package.purged_at is None else None,
        "details": kind_details(privacy_request=privacy_request),
    }


def emit(stdout, data: dict, *, as_json: bool, lines: list[str]) -> None:
    stdout.write(json.dumps(data, sort_keys=True) if as_json else "\n".join(lines))


def summary_lines(data: dict) -> list[str]:
    acknowledge = f", acknowledge by {data['acknowledge_by']}" if data["acknowledge_by"] else ""
    duplicate = f" (duplicate of {data['duplicate_of']})" if data["duplicate_of"] else ""
    return [
        f"Request {data['id']}: {data['kind']} under {data['jurisdiction']}, {data['state']}{duplicate}",
        f"Received {data['received_at']}, due {data['due_date']}{acknowledge}",
    ]
