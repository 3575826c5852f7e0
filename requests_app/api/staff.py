"""Staff endpoints (token or session auth, staff only): the queue, one request, and every transition.

Each action validates its input, calls one service (which checks the user's permissions and
audits), and answers with the request as it now stands.
"""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from requests_app import selectors, services
from requests_app.api.errors import ServiceErrorsMixin
from requests_app.api.public import zip_response
from requests_app.api.serializers import RequestDetailSerializer, RequestSummarySerializer
from requests_app.models import DenialReason, Jurisdiction, Kind, StaffChannel
from requests_app.rights.serializers import CorrectionsField
from requests_app.states import State

RequestPage = inline_serializer("RequestPage", fields={
    "count": serializers.IntegerField(), "next": serializers.URLField(allow_null=True),
    "previous": serializers.URLField(allow_null=True), "results": RequestSummarySerializer(many=True),
})


class QueuePagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 500


class StaffApi(ServiceErrorsMixin, APIView):
    permission_classes = [IsAdminUser]

    def privacy_request(self, pk):
        return selectors.privacy_request_get_for_staff(user=self.request.user, pk=pk)

    def detail(self, pk, *, code=status.HTTP_200_OK) -> Response:
        return Response(RequestDetailSerializer(self.privacy_request(pk)).data, status=code)


class RequestListApi(StaffApi):
    @extend_schema_serializer(component_name="RequestFilter")
    class FilterSerializer(serializers.Serializer):
        state = serializers.ChoiceField(choices=State.choices, required=False)
        kind = serializers.ChoiceField(choices=Kind.choices, required=False)
        jurisdiction = serializers.ChoiceField(choices=Jurisdiction.choices, required=False)
        assignee = serializers.IntegerField(required=False, help_text="User id of the assignee.")
        due_soon = serializers.BooleanField(required=False, default=False)
        overdue = serializers.BooleanField(required=False, default=False)

    @extend_schema_serializer(component_name="StaffEntryInput")
    class InputSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=Kind.choices)
        email = serializers.EmailField()
        jurisdiction = serializers.ChoiceField(choices=Jurisdiction.choices)
        channel = serializers.ChoiceField(choices=StaffChannel.choices)
        received_at = serializers.DateField(required=False, help_text="Day of receipt, if before today.")
        name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
        details = serializers.DictField(required=False)
        corrections = CorrectionsField(required=False, help_text="For a correction: detail name -> the correct value.")
        verified = serializers.BooleanField(required=False, default=False,
                                            help_text="Staff checked the requester's identity outside the service.")

    @extend_schema(parameters=[FilterSerializer], responses={200: RequestPage}, summary="The request queue",
                   operation_id="v1_staff_requests_list")
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        values = dict(filters.validated_data)
        rows = selectors.privacy_request_list_for_staff(user=request.user, assignee_id=values.pop("assignee", None), **values)
        paginator = QueuePagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(RequestSummarySerializer(page, many=True).data)

    @extend_schema(request=InputSerializer, responses={201: RequestDetailSerializer},
                   summary="Enter a request received by e-mail, phone or post")
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "corrections" in values:
            values["details"] = values.get("details", {}) | {"corrections": values.pop("corrections")}
        privacy_request = services.privacy_request_submit(by=request.user, **values)
        return self.detail(privacy_request.pk, code=status.HTTP_201_CREATED)


class RequestDetailApi(StaffApi):
    @extend_schema(responses={200: RequestDetailSerializer}, summary="One request, with its timeline",
                   operation_id="v1_staff_requests_retrieve")
    def get(self, request, pk):
        return self.detail(pk)


class ActionApi(StaffApi):
    """POST runs one service on the request; subclasses name the input and the call."""

    InputSerializer = None
    created = False

    def post(self, request, pk):
        privacy_request = self.privacy_request(pk)
        values = {}
        if self.InputSerializer is not None:
            data = self.InputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            values = data.validated_data
        self.act(privacy_request=privacy_request, by=request.user, **values)
        return self.detail(pk, code=status.HTTP_201_CREATED if self.created else status.HTTP_200_OK)


def _action_schema(summary: str, input_serializer=None, *, created: bool = False):
    code = 201 if created else 200
    return extend_schema_view(post=extend_schema(request=input_serializer, responses={code: RequestDetailSerializer},
                                                 summary=summary))


@_action_schema("Verify the requester's identity by hand")
class VerifyActionApi(ActionApi):
    act = staticmethod(services.privacy_request_verify_by_staff)


@_action_schema("Approve a reviewed request for fulfilment (deletion needs approve_erasure)")
class ApproveActionApi(ActionApi):
    act = staticmethod(services.privacy_request_approve)


@extend_schema_serializer(component_name="DenyInput")
class DenyInput(serializers.Serializer):
    reason = serializers.ChoiceField(choices=DenialReason.choices)
    explanation = serializers.CharField(required=False, default="", allow_blank=True, max_length=10_000)


@_action_schema("Deny the request with a reason (the requester is told, with the right to complain)", DenyInput)
class DenyActionApi(ActionApi):
    InputSerializer = DenyInput
    act = staticmethod(services.privacy_request_deny)


@extend_schema_serializer(component_name="ExtendInput")
class ExtendInput(serializers.Serializer):
    reason = serializers.CharField(max_length=10_000, help_text="Sent to the requester.")
    extension = serializers.IntegerField(required=False, min_value=1,
                                         help_text="Total extension: 1-2 months (GDPR-like) or 45 days (CCPA). Default: the most allowed.")


@_action_schema("Extend the deadline with a reason (within the first period only)", ExtendInput)
class ExtendActionApi(ActionApi):
    InputSerializer = ExtendInput

    @staticmethod
    def act(**values):
        services.privacy_request_extend(**values)


@extend_schema_serializer(component_name="AssignInput")
class AssignInput(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_staff=True, is_active=True), allow_null=True,
        help_text="Staff user id, or null to unassign.",
    )


@_action_schema("Assign the request to a staff member, or to nobody", AssignInput)
class AssignActionApi(ActionApi):
    InputSerializer = AssignInput
    act = staticmethod(services.privacy_request_assign)


@extend_schema_serializer(component_name="CancelInput")
class CancelInput(serializers.Serializer):
    reason = serializers.CharField(required=False, default="", allow_blank=True, max_length=10_000)


@_action_schema("Cancel the request (e.g. withdrawn by the requester)", CancelInput)
class CancelActionApi(ActionApi):
    InputSerializer = CancelInput
    act = staticmethod(services.privacy_request_cancel)


@_action_schema("Retry the stage that failed (from needs_attention)")
class RetryActionApi(ActionApi):
    act = staticmethod(services.privacy_request_retry)


@extend_schema_serializer(component_name="NoteInput")
class NoteInput(serializers.Serializer):
    body = serializers.CharField(max_length=10_000)


@_action_schema("Add an internal note (never shown to the requester)", NoteInput, created=True)
class NoteActionApi(ActionApi):
    InputSerializer = NoteInput
    created = True

    @staticmethod
    def act(**values):
        services.privacy_request_note_add(**values)


@extend_schema_serializer(component_name="AttentionInput")
class AttentionInput(serializers.Serializer):
    reason = serializers.CharField(max_length=10_000)


@_action_schema("Flag the request as needing attention, with the reason", AttentionInput)
class NeedsAttentionActionApi(ActionApi):
    InputSerializer = AttentionInput
    act = staticmethod(services.privacy_request_mark_needs_attention)


class ExportApi(StaffApi):
    @extend_schema(responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)},
                   summary="Download the request's export package (audited)")
    def get(self, request, pk):
        return zip_response(services.export_package_open_for_staff(privacy_request=self.privacy_request(pk), by=request.user))
