"""Reads behind the download page, status page and staff console: is an export ready, for which link; the file response.

Nothing here spends a link: `export_download` (services) does that when the file is handed over.
"""

from dataclasses import dataclass
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from requests_app.errors import VerificationFailed
from requests_app.models import ExportPackage, PrivacyRequest, TokenPurpose
from requests_app.services.verification import token_find


@dataclass(frozen=True)
class DownloadOffer:
    privacy_request: PrivacyRequest
    size: int
    link_expires_at: datetime
    package_expires_at: datetime


def _live_package(privacy_request_id: int, now: datetime) -> ExportPackage | None:
    return ExportPackage.objects.filter(request_id=privacy_request_id, purged_at__isnull=True, expires_at__gt=now).first()


def export_package_available(*, privacy_request: PrivacyRequest, now: datetime | None = None) -> bool:
    return _live_package(privacy_request.pk, now or timezone.now()) is not None


def download_link_check(*, token: str, now: datetime | None = None) -> DownloadOffer:
    """Return what the download link offers, without spending it; raise VerificationFailed for a dead link."""
    now = now or timezone.now()
    row = token_find(token=token, purpose=TokenPurpose.DOWNLOAD, now=now)
    package = _live_package(row.request_id, now)
    if package is None:
        raise VerificationFailed(_("This export is no longer available: it is deleted when its lifetime ends."))
    return DownloadOffer(
        privacy_request=row.request, size=package.size, link_expires_at=row.expires_at, package_expires_at=package.expires_at
    )


def attachment(*, content: bytes, content_type: str, filename: str) -> HttpResponse:
    """Return content as a file download that no cache keeps."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
