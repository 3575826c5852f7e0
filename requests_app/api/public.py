"""Public endpoints: intake, confirming by link, status by secret link, download by single-use link.

Intake answers every valid submission the same way, so it never tells whether an address
belongs to a customer. All four are rate-limited per client address; intake also per e-mail.
"""

import base64
import binascii

from django.http import HttpResponse
from django.utils.translation import get_language, gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from privacy.audit.actors import Actor
from requests_app import selectors
from requests_app.api.errors import ServiceErrorsMixin
from requests_app.api.schema import public_endpoint_schema
from requests_app.api.serializers import RequestStatusSerializer
from requests_app.api.throttles import IntakeAddressThrottle, IntakeEmailThrottle
from requests_app.models import Jurisdiction, Kind
from requests_app.rights.serializers import CorrectionsField
from requests_app.rights.models import PreferenceKind
from requests_app.rights.preferences import gpc_signal, opt_outs_record
from requests_app.services import (
    AgentSubmission, export_download, privacy_request_submit, privacy_request_verify_by_token,
)
from requests_app.states import State

ACCEPTED = _("Thank you. If the address can receive e-mail, a message with the next step is on its way to it.")


class PublicApi(ServiceErrorsMixin, APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [IntakeAddressThrottle]
    throttle_bucket = "public"


class Base64FileField(serializers.CharField):
    def to_internal_value(self, data):
        try:
            return base64.b64decode(super().to_internal_value(data), validate=True)
        except (binascii.Error, ValueError):
            raise serializers.ValidationError(_("Send the file as standard base64.")) from None


class MessageSerializer(serializers.Serializer):
    message = serializers.CharField()


@extend_schema_serializer(component_name="IntakeAgentInput")
class AgentInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField()
    document = Base64FileField(help_text="The consumer's signed permission, base64.")
    document_name = serializers.CharField(max_length=200)
    content_type = serializers.CharField(max_length=100)


class IntakeApi(PublicApi):
    throttle_classes = [IntakeAddressThrottle, IntakeEmailThrottle]
    throttle_bucket = "intake"

    @extend_schema_serializer(component_name="IntakeInput")
    class InputSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=Kind.choices)
        email = serializers.EmailField()
        jurisdiction = serializers.ChoiceField(choices=Jurisdiction.choices)
        name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
        details = serializers.DictField(required=False, help_text="What a correction or opt-out asks for.")
        corrections = CorrectionsField(required=False, help_text="For a correction: detail name -> the correct value.")
        order_number = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)
        postcode = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)
        agent = AgentInputSerializer(required=False, help_text="Only when an authorized agent submits for the consumer.")

    @public_endpoint_schema(request=InputSerializer, answers={202: MessageSerializer}, refusals=(400, 415),
                            summary="Submit a privacy request (the same answer whether or not the address is a customer's)")
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        agent = values.pop("agent", None)
        if "corrections" in values:
            values["details"] = values.get("details", {}) | {"corrections": values.pop("corrections")}
        if values["kind"] == PreferenceKind.OPT_OUT and gpc_signal(request.headers):
            values["details"] = values.get("details", {}) | {"signal": "gpc"}
        privacy_request_submit(channel="api", language=get_language(), by=Actor.customer("api-intake"),
                               agent=AgentSubmission(**agent) if agent else None, **values)
        if gpc_signal(request.headers):  # the browser's Global Privacy Control is an opt-out too (CCPA §7025)
            opt_outs_record(email=values["email"], kinds=(), gpc=True, channel="api", jurisdiction=values["jurisdiction"],
                            language=get_language())
        return Response({"message": str(ACCEPTED)}, status=status.HTTP_202_ACCEPTED)


class VerifyApi(PublicApi):
    throttle_bucket = "verify"

    @extend_schema_serializer(component_name="VerifyInput")
    class InputSerializer(serializers.Serializer):
        token = serializers.CharField(max_length=200)
        order_number = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)
        postcode = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)

    @extend_schema_serializer(component_name="VerifyOutput")
    class OutputSerializer(serializers.Serializer):
        state = serializers.ChoiceField(choices=State.choices)
        status_token = serializers.CharField(help_text="The secret of the status link.")

    @public_endpoint_schema(request=InputSerializer, answers={200: OutputSerializer}, refusals=(400, 415),
                            summary="Confirm a request with the token from the e-mailed link")
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        privacy_request = privacy_request_verify_by_token(**data.validated_data)
        token = selectors.privacy_request_status_token(privacy_request=privacy_request)
        return Response(self.OutputSerializer({"state": privacy_request.state, "status_token": token}).data)


class StatusApi(PublicApi):
    throttle_bucket = "status"

    @public_endpoint_schema(answers={200: RequestStatusSerializer}, refusals=(404,),
                            summary="Where a request stands (status link)")
    def get(self, request, token):
        privacy_request = selectors.privacy_request_get_by_status_token(token=token)
        return Response(RequestStatusSerializer(privacy_request).data)


class DownloadApi(PublicApi):
    throttle_bucket = "download"

    @public_endpoint_schema(answers={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)}, refusals=(400,),
                            summary="Download an export once with the e-mailed single-use link")
    def get(self, request, token):
        return zip_response(export_download(token=token))


def zip_response(download) -> HttpResponse:
    response = HttpResponse(download.content, content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    response["Cache-Control"] = "no-store"
    return response
