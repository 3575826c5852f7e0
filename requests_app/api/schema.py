"""The refusals of the public endpoints as the OpenAPI schema documents them: 400 with a message per field,
404, 415 and 429 with one `detail`, and the Retry-After header of a 429. Every public endpoint declares its
schema with public_endpoint_schema, so none can leave out the 429 its rate limit gives."""

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers


class FieldErrorsSerializer(serializers.Serializer):
    """Schema only (see FieldErrorsSchema): the body of a 400."""


class FieldErrorsSchema(OpenApiSerializerExtension):
    target_class = FieldErrorsSerializer

    def map_serializer(self, auto_schema, direction):
        messages = {"type": "array", "items": {"type": "string"}}
        return {
            "type": "object",
            "description": "A list of messages under each field to blame (`non_field_errors` when no one field is); "
            "a nested field such as `agent` or `corrections` holds an object of the same shape. `detail` alone "
            "when the body could not be read at all.",
            "properties": {"detail": {"type": "string"}},
            "additionalProperties": {"anyOf": [messages, {"type": "object", "additionalProperties": True}]},
            "example": {"email": ["Enter a valid email address."]},
        }


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Why the request was refused, for a person to read.")


FIELD_ERRORS = OpenApiResponse(FieldErrorsSerializer, description="Refused: the fields named hold the reasons.")
NOT_FOUND = OpenApiResponse(ErrorDetailSerializer, description="No such request, or the link does not match it.")
THROTTLED = OpenApiResponse(
    ErrorDetailSerializer, description="Too many requests from this client address (or for this e-mail address)."
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After", OpenApiTypes.INT, OpenApiParameter.HEADER, response=[429],
    description="Seconds until the client may try again.",
)

UNSUPPORTED_MEDIA_TYPE = OpenApiResponse(
    ErrorDetailSerializer, description="The body is not of a media type documented, or a multipart body names none."
)
REFUSALS = {400: FIELD_ERRORS, 404: NOT_FOUND, 415: UNSUPPORTED_MEDIA_TYPE}


def public_endpoint_schema(*, summary: str, answers: dict, refusals: tuple[int, ...], request=None, parameters=()):
    """Return the extend_schema of a public endpoint: its answers, the refusals named and its rate limit's 429."""
    return extend_schema(
        request=request,
        responses={**answers, **{code: REFUSALS[code] for code in refusals}, 429: THROTTLED},
        parameters=[*parameters, RETRY_AFTER],
        auth=[],
        summary=summary,
    )
