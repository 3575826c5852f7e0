"""Absolute links put in e-mails. The self-service pages serve these paths (requests_app urls)."""

from django.conf import settings

VERIFY_PATH = "/requests/verify/{token}/"
STATUS_PATH = "/requests/status/{token}/"
DOWNLOAD_PATH = "/requests/download/{token}/"
ADMIN_REQUEST_PATH = "/admin/requests_app/privacyrequest/{pk}/change/"


def _absolute(path: str) -> str:
    return f"{settings.PRIVACY_SITE_URL}{path}"


def verify_url(token: str) -> str:
    return _absolute(VERIFY_PATH.format(token=token))


def status_url(token: str) -> str:
    return _absolute(STATUS_PATH.format(token=token))


def download_url(token: str) -> str:
    return _absolute(DOWNLOAD_PATH.format(token=token))


def admin_request_url(pk: int) -> str:
    return _absolute(ADMIN_REQUEST_PATH.format(pk=pk))
