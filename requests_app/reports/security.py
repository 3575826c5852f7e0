"""The general description of the technical and organisational security measures (Art. 30(1)(g)
GDPR): what the service really does, with the figures read from the settings in force."""

from django.conf import settings
from django.utils.translation import gettext as _


def _https() -> str:
    if settings.DEBUG:
        return _("This instance runs in development mode (DEBUG): HTTPS redirection, HSTS and secure cookies are off. "
                 "They are on in every production deployment.")
    redirect = _("by the service") if settings.SECURE_SSL_REDIRECT else _("by the proxy in front of it")
    return _("HTTPS only: plain HTTP is redirected %(redirect)s, HSTS for %(hsts)d seconds, session and CSRF cookies "
             "sent over HTTPS only.") % {"redirect": redirect, "hsts": settings.SECURE_HSTS_SECONDS}


def _verification() -> str:
    text = _("Requests are confirmed through single-use e-mailed links valid %(hours)d hours (only a SHA-256 of the "
             "secret is stored, compared in constant time).") % {"hours": settings.PRIVACY_VERIFICATION_LINK_HOURS}
    if settings.PRIVACY_SECOND_FACTOR_KINDS:
        text += " " + _("Requests of these kinds also need an order number with its billing postcode: %(kinds)s; "
                        "repeated wrong answers block the link and hand the request to staff.") % {
            "kinds": ", ".join(settings.PRIVACY_SECOND_FACTOR_KINDS)}
    return text


def security_measures() -> list[dict]:
    """Return the measures as {"measure", "description"} items, in the order the record prints them."""
    measures = [
        (_("Encryption at rest"), _(
            "Every personal value the service stores (request identities and details, verification factors, agents' "
            "documents, discovery findings, export packages, erasure plans and scans, audit details) is encrypted with "
            "AES-256-GCM under a random 256-bit data key per request or subject (envelope encryption). Data keys are "
            "wrapped by versioned key-encryption keys held outside the database; rotating the active key re-wraps "
            "every data key without touching the data.")),
        (_("Blind indexes"), _(
            "Requests are found by e-mail through a keyed HMAC-SHA256 of the normalised address, never the address "
            "itself; the shop's unindexed e-mail columns are located the same way, so no clear copy is kept.")),
        (_("Crypto-shredding"), _(
            "%(months)d months after a request is closed (CCPA regulations §7101 ask for at least 24) its data key is "
            "destroyed: its identity, findings and audit details become unreadable, and only a minimised record "
            "(dates, kind, outcome) remains.") % {"months": settings.PRIVACY_RECORD_KEEPING_MONTHS}),
        (_("Tamper-evident audit trail"), _(
            "Every step of every request is written to an append-only log (the application refuses changes; on "
            "PostgreSQL a trigger does too). Each event carries an HMAC of its content and is sealed into an HMAC hash "
            "chain; the whole chain is verified daily and staff are alerted on any gap, change or insertion. Exports "
            "of the trail for an authority are signed with Ed25519.")),
        (_("Access control"), _(
            "Staff work in groups with least privilege: privacy officers, agents (cannot approve erasures) and "
            "auditors (read-only, no identities). Approving an erasure needs its own permission; opening the "
            "encrypted details of an audit event needs another and is itself audited.")),
        (_("Verification of requesters"), _verification()),
        (_("Delivery of copies"), _(
            "Export packages are stored encrypted, downloaded through a single-use link valid %(hours)d hours and "
            "deleted %(days)d days after they are made; credentials (password hashes, tokens) are never exported.")
            % {"hours": settings.PRIVACY_DOWNLOAD_LINK_HOURS, "days": settings.PRIVACY_EXPORT_RETENTION_DAYS}),
        (_("Verified erasure"), _(
            "An erasure is planned from the data map, shown to staff before it runs, applied to the shop database in "
            "one transaction per person, and followed by a residual scan proving that the person's identifiers remain "
            "only in records the law requires to keep; those are anonymized when their period ends.")),
        (_("Abuse protection"), _(
            "The request form is limited to %(ip)s per client address and %(email)s per e-mail address; the API "
            "intake has its own rate limit.") % {"ip": settings.PRIVACY_FORM_RATE_PER_IP,
                                                 "email": settings.PRIVACY_FORM_RATE_PER_EMAIL}),
        (_("Web and transport security"), _https() + " " + _(
            "A Content-Security-Policy allows the service's own resources only (no third-party scripts or CDNs); "
            "pages cannot be framed. Calls to Amazon Pay are signed (RSASSA-PSS) and sent over TLS.")),
        (_("Logging"), _("Logs and command output name requests by number and tables by name; personal values are "
                         "never written to them in clear.")),
    ]
    return [{"measure": measure, "description": description} for measure, description in measures]
