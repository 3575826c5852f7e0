"""Handing over an export package: single-use expiring links, staff downloads, purging at end of life."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.audit import events
from privacy.audit.actors import Actor
from requests_app import sealing
from requests_app.errors import VerificationFailed
from requests_app.models import ExportPackage, PrivacyRequest, TokenPurpose
from requests_app.services.common import PERM_WORK, SYSTEM, actor_of, enqueue, permission_require
from requests_app.services.verification import token_find


@dataclass(frozen=True)
class Download:
    filename: str
    content: bytes
    content_type: str = "application/zip"


def _download_of(privacy_request: PrivacyRequest, package: ExportPackage) -> Download:
    content = sealing.open_bytes(privacy_request.pk, "package", package.package_sealed)
    return Download(filename=f"privacy-request-{privacy_request.pk}-{privacy_request.kind}.zip", content=content)


def export_download(*, token: str, now: datetime | None = None) -> Download:
    """Return the package behind an e-mailed download link and spend the link; raise VerificationFailed."""
    now = now or timezone.now()
    with transaction.atomic():
        row = token_find(token=token, purpose=TokenPurpose.DOWNLOAD, now=now, lock=True)
        package = ExportPackage.objects.filter(request_id=row.request_id, purged_at__isnull=True, expires_at__gt=now).first()
        if package is None:
            raise VerificationFailed(_("This export is no longer available: it is deleted when its lifetime ends."))
        row.used_at = now
        row.save(update_fields=["used_at"])
        package.downloaded_at = now
        package.save(update_fields=["downloaded_at"])
        events.request_export_downloaded(actor=Actor.customer(f"download-token:{row.pk}"), request=row.request,
                                         details={"by": "requester"})
        return _download_of(row.request, package)


def export_download_link_send(*, privacy_request: PrivacyRequest, by, now: datetime | None = None) -> bool:
    """E-mail the requester a fresh download link (proving control of the address again); False if no package."""
    from requests_app import tasks

    permission_require(by, PERM_WORK, customer_allowed=True)
    now = now or timezone.now()
    if not ExportPackage.objects.filter(request=privacy_request, purged_at__isnull=True, expires_at__gt=now).exists():
        return False
    with transaction.atomic():
        enqueue(tasks.send_request_email_task, privacy_request.pk, "download_link")
    return True


def export_package_open_for_staff(*, privacy_request: PrivacyRequest, by, now: datetime | None = None) -> Download:
    """Return the package to a staff member who works requests (e.g. to post it); the access is audited."""
    permission_require(by, PERM_WORK)
    now = now or timezone.now()
    package = ExportPackage.objects.filter(request=privacy_request, purged_at__isnull=True).first()
    if package is None:
        raise ExportPackage.DoesNotExist(f"Request {privacy_request.pk} has no export package (none built, or purged).")
    with transaction.atomic():
        events.request_export_downloaded(actor=actor_of(by), request=privacy_request, details={"by": "staff"})
    return _download_of(privacy_request, package)


def export_packages_purge(*, now: datetime | None = None) -> int:
    """Delete the contents of every package past its lifetime; return how many were purged."""
    now = now or timezone.now()
    expired = ExportPackage.objects.filter(purged_at__isnull=True, expires_at__lte=now)
    purged = 0
    for pk, request_id in expired.values_list("pk", "request_id"):
        with transaction.atomic():
            if not expired.filter(pk=pk).update(package_sealed=None, purged_at=now):
                continue  # another worker purged it
            events.request_export_purged(actor=SYSTEM, request=PrivacyRequest(pk=request_id), details={"package": pk})
            purged += 1
    return purged
