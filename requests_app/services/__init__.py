"""Every write to a privacy request. Each function is one transaction that also appends its audit event."""

from requests_app.services.exports import (  # noqa: F401
    Download, export_download, export_download_link_send, export_package_open_for_staff, export_packages_purge,
)
from requests_app.services.intake import AgentSubmission, privacy_request_submit  # noqa: F401
from requests_app.services.verification import (  # noqa: F401
    privacy_request_verify_by_staff, privacy_request_verify_by_token, unverified_requests_close,
    verification_link_check, verification_reminders_send,
)
from requests_app.services.workflow import (  # noqa: F401
    privacy_request_approve, privacy_request_assign, privacy_request_cancel, privacy_request_deny,
    privacy_request_extend, privacy_request_mark_needs_attention, privacy_request_note_add, privacy_request_retry,
)
