"""API endpoints of the remaining rights: the storefront's opt-out call, staff corrections, partner lists.

The opt-out endpoint is public and meant for the shop's own server: a JSON-only POST (a page of
another site cannot forge one without a CORS preflight, which nothing here answers), rate-limited
per client address and per e-mail, and it honours `Sec-GPC: 1` as an opt-out of sale/sharing.
It answers every valid call the same way, so it never tells who opted out before.
"""

from django.http import HttpResponse
from django.utils.translation import get_language, gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from requests_app.api.errors import ServiceErrorsMixin
from requests_app.api.schema import public_endpoint_schema
from requests_app.api.staff import ActionApi, _action_schema
from requests_app.api.throttles import IntakeAddressThrottle, IntakeEmailThrottle
from requests_app.models import Jurisdiction
from requests_app.rights.correction import correction_documentation_request, corrections_set
from requests_app.rights.marketing import marketing_suppression_for
from requests_app.rights.models import PreferenceKind
from requests_app.rights.partners import FORMATS, PartnerUnknown, partner_list_export
from requests_app.rights.preferences import gpc_signal, opt_outs_record
from requests_app.rights.serializers import CorrectionsField
from requests_app.services.common import permission_require

ACCEPTED = _("Thank you. Your choice is recorded; if the address can receive e-mail, a confirmation is on its way.")
SEC_GPC = OpenApiParameter("Sec-GPC", str, OpenApiParameter.HEADER, required=False,
                           description="1: the visitor's browser sent Global Privacy Control.")


class OptOutApi(ServiceErrorsMixin, APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]
    throttle_classes = [IntakeAddressThrottle, IntakeEmailThrottle]
    throttle_bucket = "opt-out"

    @extend_schema_serializer(component_name="OptOutInput")
    class InputSerializer(serializers.Serializer):
        email = serializers.EmailField()
        kinds = serializers.ListField(child=serializers.ChoiceField(choices=PreferenceKind.choices), required=False,
                                      default=list, help_text="opt_out and/or limit; `Sec-GPC: 1` adds opt_out.")
        jurisdiction = serializers.ChoiceField(choices=Jurisdiction.choices, default=Jurisdiction.CCPA)

    @extend_schema_serializer(component_name="OptOutOutput")
    class OutputSerializer(serializers.Serializer):
        message = serializers.CharField()
        gpc = serializers.BooleanField(help_text="Whether the call carried the Global Privacy Control signal.")

    @public_endpoint_schema(request=InputSerializer, answers={202: OutputSerializer}, refusals=(400, 415),
                            parameters=[SEC_GPC],
                            summary="Record an opt-out of sale/sharing or a limit of sensitive data (honours Sec-GPC: 1)")
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gpc = gpc_signal(request.headers)
        if not (gpc or data.validated_data["kinds"]):
            raise serializers.ValidationError({"kinds": [_("Choose opt_out and/or limit, or send the Sec-GPC: 1 header.")]})
        opt_outs_record(email=data.validated_data["email"], kinds=data.validated_data["kinds"], gpc=gpc, channel="api",
                        jurisdiction=data.validated_data["jurisdiction"], language=get_language())
        return Response(self.OutputSerializer({"message": str(ACCEPTED), "gpc": gpc}).data, status=status.HTTP_202_ACCEPTED)


@extend_schema_serializer(component_name="CorrectionsInput")
class CorrectionsInput(serializers.Serializer):
    corrections = CorrectionsField(help_text="Detail name (firstname, lastname, email, telephone, street, city, postcode, "
                                             "region, country_id, dob, taxvat, vat_id) -> the correct value.")


@_action_schema("Record the details a correction request asks for (replaces those recorded)", CorrectionsInput)
class CorrectionsActionApi(ActionApi):
    InputSerializer = CorrectionsInput
    act = staticmethod(corrections_set)


@extend_schema_serializer(component_name="DocumentationInput")
class DocumentationInput(serializers.Serializer):
    message = serializers.CharField(max_length=5000, help_text="What documentation is needed; e-mailed to the requester.")


@_action_schema("Ask the requester for documentation of a correction", DocumentationInput)
class DocumentationActionApi(ActionApi):
    InputSerializer = DocumentationInput
    act = staticmethod(correction_documentation_request)


class PartnerListApi(ServiceErrorsMixin, APIView):
    permission_classes = [IsAdminUser]

    @extend_schema(responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
                              (200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT)},
                   summary="A partner's keyed (HMAC-SHA256) list of opted-out addresses, CSV or JSON (audited)")
    def get(self, request, partner, form):
        if form not in FORMATS:
            return Response({"detail": f"Unknown format {form!r}: use csv or json."}, status=status.HTTP_404_NOT_FOUND)
        try:
            document = partner_list_export(partner=partner, form=form, by=request.user)
        except PartnerUnknown as unknown:
            return Response({"detail": str(unknown)}, status=status.HTTP_404_NOT_FOUND)
        response = HttpResponse(document, content_type=FORMATS[form])
        response["Content-Disposition"] = f'attachment; filename="opt-outs-{partner}.{form}"'
        response["Cache-Control"] = "no-store"
        return response


class SuppressionCheckApi(ServiceErrorsMixin, APIView):
    """For the shop's newsletter integration: may this address be subscribed?"""

    permission_classes = [IsAdminUser]

    @extend_schema_serializer(component_name="SuppressionCheckInput")
    class InputSerializer(serializers.Serializer):
        email = serializers.EmailField()

    @extend_schema_serializer(component_name="SuppressionCheckOutput")
    class OutputSerializer(serializers.Serializer):
        subscription_allowed = serializers.BooleanField()
        suppressed_since = serializers.DateTimeField(allow_null=True)

    @extend_schema(request=InputSerializer, responses={200: OutputSerializer},
                   summary="Whether an address may be subscribed to marketing (false after an objection)")
    def post(self, request):
        permission_require(request.user, "rights.view_marketingsuppression")
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        suppression = marketing_suppression_for(email=data.validated_data["email"])
        return Response(self.OutputSerializer({"subscription_allowed": suppression is None,
                                               "suppressed_since": suppression.recorded_at if suppression else None}).data)
