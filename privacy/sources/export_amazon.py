"""What Amazon Pay still returns for a person's charge permissions, for the export package.

Amazon keeps a one-time charge permission readable for a limited time (it closes after 180 days
at most, and gives buyer details only for 30 days), so only permissions of orders placed within
READABLE_DAYS are asked for. The lookup is injectable; a disabled connector or a failing call is
reported in the package, never raised: an export must not fail because Amazon is unreachable.
"""

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from privacy.sources.amazon_pay import AmazonPayError, AmazonPayNotConfigured, AmazonPayNotFound, amazon_pay_client_from_settings

READABLE_DAYS = 180

ChargePermissionLookup = Callable[[str], object]  # charge permission id -> a ChargePermission dataclass


def amazon_pay_lookup_from_settings() -> ChargePermissionLookup:
    """Return a lookup through the configured client; raises AmazonPayNotConfigured when it is off."""
    client = amazon_pay_client_from_settings()
    return lambda charge_permission_id: client.charge_permission_get(charge_permission_id=charge_permission_id)


def amazon_pay_section(*, permissions: dict[str, datetime | None], lookup: ChargePermissionLookup | None, now: datetime) -> dict:
    """Return the package's amazon_pay section for {charge permission id: order date}."""
    recent = sorted(cp for cp, placed in permissions.items() if placed is None or placed >= now - timedelta(days=READABLE_DAYS))
    older = len(permissions) - len(recent)
    base = {"charge_permissions": [], "not_queried_older": older}
    if not permissions:
        return {**base, "status": "none"}
    if not recent:
        return {**base, "status": "not_readable"}
    try:
        lookup = lookup or amazon_pay_lookup_from_settings()
    except AmazonPayNotConfigured:
        return {**base, "status": "disabled", "not_queried": recent}
    entries = [_entry(permission, lookup) for permission in recent]
    failed = sum(entry["status"] == "failed" for entry in entries)
    status = "ok" if not failed else ("failed" if failed == len(entries) else "partial")
    return {**base, "status": status, "charge_permissions": entries}


def _entry(charge_permission_id: str, lookup: ChargePermissionLookup) -> dict:
    try:
        answer = lookup(charge_permission_id)
    except AmazonPayNotFound:
        return {"charge_permission_id": charge_permission_id, "status": "not_found", "response": None, "error": None}
    except AmazonPayError as error:
        return {"charge_permission_id": charge_permission_id, "status": "failed", "response": None, "error": error.reason}
    return {"charge_permission_id": charge_permission_id, "status": "ok", "response": plain(dataclasses.asdict(answer)), "error": None}


def plain(value):
    """Return value with dates, decimals and tuples turned into JSON types."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
