"""Service errors as API answers: always JSON, with a message per field where a field is to blame."""

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions, status

from requests_app.errors import ExtensionRefused, FulfilmentUnavailable, SecondFactorRequired, TransitionRefused, VerificationFailed
from requests_app.models import ExportPackage, PrivacyRequest


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class Gone(exceptions.APIException):
    status_code = status.HTTP_410_GONE
    default_code = "gone"


def api_error(error: Exception) -> Exception:
    """Return the DRF exception that answers a service error (the error itself when DRF knows it)."""
    if isinstance(error, ValidationError):
        return exceptions.ValidationError(error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages})
    if isinstance(error, SecondFactorRequired):
        return exceptions.ValidationError({"order_number": [str(error)], "postcode": [str(error)]})
    if isinstance(error, VerificationFailed):
        return exceptions.ValidationError({"token": [str(error)]})
    if isinstance(error, (TransitionRefused, ExtensionRefused, FulfilmentUnavailable)):
        return Conflict(str(error))
    if isinstance(error, PermissionDenied):
        return exceptions.PermissionDenied(str(error) or None)
    if isinstance(error, (PrivacyRequest.DoesNotExist, ExportPackage.DoesNotExist)):
        return exceptions.NotFound()
    return error


class ServiceErrorsMixin:
    """Answer the services' own exceptions as JSON errors instead of server errors."""

    def handle_exception(self, exc):
        return super().handle_exception(api_error(exc))
