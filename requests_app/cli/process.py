"""`privacy process`: run discovery and fulfilment now, in this process, instead of on the workers."""

from django.core.management import CommandError

from privacy.audit.actors import Actor
from requests_app import fulfilment
from requests_app.cli.output import emit, request_get, request_json, summary_lines
from requests_app.errors import FulfilmentUnavailable
from requests_app.models import Kind
from requests_app.services import privacy_request_approve
from requests_app.states import State

HELP = (
    "Run discovery and fulfilment of a verified request synchronously. Access and export requests are "
    "fulfilled at once; a deletion stops in review unless --approve is given."
)
CLI = Actor.system("cli process")


def add_arguments(parser) -> None:
    parser.add_argument("id", type=int, help="The request's id.")
    parser.add_argument("--approve", action="store_true", help="Approve a deletion (erasure) after review.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")


def run(options: dict, stdout) -> None:
    privacy_request = request_get(options["id"])
    if privacy_request.state in (State.RECEIVED, State.AWAITING_VERIFICATION):
        raise CommandError(
            f"Request {privacy_request.pk} is {privacy_request.state}: verify it first (the requester's link, "
            "or staff verification), or submit with --verified."
        )
    steps = _stages(privacy_request, approve=options["approve"])
    data = request_json(request_get(privacy_request.pk)) | {"steps": steps}
    waiting = ["Deletion waits for approval: run again with --approve."] if _awaits_approval(data) else []
    emit(stdout, data, as_json=options["json"], lines=summary_lines(data) + [f"Steps: {', '.join(steps) or 'none'}"] + waiting)


def _stages(privacy_request, *, approve: bool) -> list[str]:
    steps = []
    if privacy_request.state == State.VERIFIED:
        privacy_request = _stage("Discovery", fulfilment.privacy_request_discover, privacy_request)
        steps.append("discovered")
    if privacy_request.state == State.IN_REVIEW and (privacy_request.kind != Kind.DELETION or approve):
        try:
            privacy_request = privacy_request_approve(privacy_request=privacy_request, by=CLI, start_processing=False)
        except FulfilmentUnavailable as error:
            raise CommandError(str(error)) from None
        steps.append("approved")
    if privacy_request.state == State.IN_PROGRESS:
        _stage("Fulfilment", fulfilment.privacy_request_fulfil, privacy_request)
        steps.append("fulfilled")
    return steps


def _stage(what: str, service, privacy_request):
    try:
        return service(request_id=privacy_request.pk, by=CLI)
    except Exception as error:
        fulfilment.stage_failed(request_id=privacy_request.pk, reason=f"{what} failed ({type(error).__name__}).",
                                detail=str(error))
        raise CommandError(
            f"{what} failed for request {privacy_request.pk} ({type(error).__name__}); it now needs attention. "
            f"See `privacy show {privacy_request.pk}` and retry once the cause is fixed."
        ) from None


def _awaits_approval(data: dict) -> bool:
    return data["kind"] == Kind.DELETION and data["state"] == State.IN_REVIEW
