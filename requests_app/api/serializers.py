"""Output shapes shared by the endpoints. They read what the selectors return; they never query."""

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from requests_app import selectors
from requests_app.models import Channel, DenialReason, Jurisdiction, Kind
from requests_app.states import State


class RequestSummarySerializer(serializers.Serializer):
    """A request as the staff queue lists it: no personal data."""

    id = serializers.IntegerField(source="pk")
    kind = serializers.ChoiceField(choices=Kind.choices)
    jurisdiction = serializers.ChoiceField(choices=Jurisdiction.choices)
    channel = serializers.ChoiceField(choices=Channel.choices)
    state = serializers.ChoiceField(choices=State.choices)
    received_at = serializers.DateTimeField()
    due_date = serializers.DateField(help_text="Response deadline after any extension.")
    acknowledge_by = serializers.DateField(allow_null=True, help_text="CCPA receipt-confirmation deadline, else null.")
    deadline_status = serializers.SerializerMethodField()
    assignee = serializers.SerializerMethodField()
    duplicate_of = serializers.IntegerField(source="duplicate_of_id", allow_null=True)

    @extend_schema_field(serializers.ChoiceField(choices=["overdue", "due_soon", "on_track", "closed"]))
    def get_deadline_status(self, privacy_request) -> str:
        return selectors.deadline_status(privacy_request)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_assignee(self, privacy_request) -> str | None:
        return privacy_request.assignee.get_username() if privacy_request.assignee_id else None


class RequesterSerializer(serializers.Serializer):
    email = serializers.CharField()
    name = serializers.CharField()


class AgentSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    document_name = serializers.CharField()
    content_type = serializers.CharField()
    document_size = serializers.IntegerField()
    consumer_confirmed_at = serializers.DateTimeField(allow_null=True)


class ExtensionSerializer(serializers.Serializer):
    extension = serializers.IntegerField()
    unit = serializers.ChoiceField(choices=["months", "days"])
    previous_due_date = serializers.DateField()
    new_due_date = serializers.DateField()
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()


class NoteSerializer(serializers.Serializer):
    author = serializers.CharField()
    created_at = serializers.DateTimeField()
    body = serializers.CharField()


class TimelineSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    label = serializers.CharField()
    actor_kind = serializers.CharField()
    actor_label = serializers.CharField()


class FindingsSummarySerializer(serializers.Serializer):
    discovered_at = serializers.DateTimeField()
    summary = serializers.DictField(child=serializers.IntegerField(), help_text="Rows found per table.")


class PackageSerializer(serializers.Serializer):
    size = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    downloaded_at = serializers.DateTimeField(allow_null=True)
    purged_at = serializers.DateTimeField(allow_null=True)


@extend_schema_serializer(component_name="RequestDetail")
class RequestDetailSerializer(RequestSummarySerializer):
    """Everything staff see about one request, decrypted."""

    language = serializers.CharField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    verified_at = serializers.DateTimeField(allow_null=True)
    verification_method = serializers.CharField()
    closed_at = serializers.DateTimeField(allow_null=True)
    extension = serializers.IntegerField(help_text="Months (GDPR-like) or days (CCPA) granted so far.")
    denial_reason = serializers.ChoiceField(choices=DenialReason.choices, allow_blank=True)
    requester = serializers.SerializerMethodField()
    details = serializers.SerializerMethodField()
    agent = serializers.SerializerMethodField()
    attention_reason = serializers.SerializerMethodField()
    denial_explanation = serializers.SerializerMethodField()
    extensions = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField()
    findings = serializers.SerializerMethodField()
    package = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()

    @extend_schema_field(RequesterSerializer)
    def get_requester(self, privacy_request):
        return RequesterSerializer(selectors.privacy_request_requester(privacy_request=privacy_request)).data

    @extend_schema_field(serializers.DictField())
    def get_details(self, privacy_request):
        return selectors.privacy_request_details(privacy_request=privacy_request)

    @extend_schema_field(AgentSerializer(allow_null=True))
    def get_agent(self, privacy_request):
        agent = selectors.privacy_request_agent(privacy_request=privacy_request)
        return AgentSerializer(agent).data if agent else None

    @extend_schema_field(serializers.CharField())
    def get_attention_reason(self, privacy_request):
        return self._text(privacy_request, "attention", privacy_request.attention_reason_sealed)

    @extend_schema_field(serializers.CharField())
    def get_denial_explanation(self, privacy_request):
        return self._text(privacy_request, "denial", privacy_request.denial_explanation_sealed)

    @extend_schema_field(ExtensionSerializer(many=True))
    def get_extensions(self, privacy_request):
        return ExtensionSerializer(selectors.privacy_request_extensions(privacy_request=privacy_request), many=True).data

    @extend_schema_field(NoteSerializer(many=True))
    def get_notes(self, privacy_request):
        return NoteSerializer(selectors.privacy_request_notes(privacy_request=privacy_request), many=True).data

    @extend_schema_field(FindingsSummarySerializer(allow_null=True))
    def get_findings(self, privacy_request):
        findings = selectors.privacy_request_findings(privacy_request=privacy_request)
        return FindingsSummarySerializer(findings).data if findings else None

    @extend_schema_field(PackageSerializer(allow_null=True))
    def get_package(self, privacy_request):
        package = getattr(privacy_request, "package", None)
        return PackageSerializer(package).data if package else None

    @extend_schema_field(TimelineSerializer(many=True))
    def get_timeline(self, privacy_request):
        entries = selectors.privacy_request_timeline(privacy_request=privacy_request, audience="staff")
        return TimelineSerializer(entries, many=True).data

    @staticmethod
    def _text(privacy_request, field, value) -> str:
        return selectors.privacy_request_text(privacy_request=privacy_request, field=field, value=value)


class PublicTimelineSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    label = serializers.CharField()


@extend_schema_serializer(component_name="RequestStatus")
class RequestStatusSerializer(serializers.Serializer):
    """What the requester sees through the status link: no internal notes, no staff names."""

    kind = serializers.ChoiceField(choices=Kind.choices)
    state = serializers.ChoiceField(choices=State.choices)
    received_at = serializers.DateTimeField()
    due_date = serializers.DateField()
    export_available = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()

    @extend_schema_field(serializers.BooleanField())
    def get_export_available(self, privacy_request) -> bool:
        return selectors.privacy_request_export_available(privacy_request=privacy_request)

    @extend_schema_field(PublicTimelineSerializer(many=True))
    def get_timeline(self, privacy_request):
        entries = selectors.privacy_request_timeline(privacy_request=privacy_request, audience="customer")
        return PublicTimelineSerializer(entries, many=True).data
