"""Warning e-mails before the inactive-accounts policy closes an account, and their notices."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from retention.models import InactivityNotice, RetentionPolicy
from retention.sql import id_list

logger = logging.getLogger(__name__)


def unwarned(*, policy: RetentionPolicy, customer_ids: list[int]) -> list[int]:
    warned = set(InactivityNotice.objects.filter(policy=policy, customer_id__in=customer_ids).values_list("customer_id", flat=True))
    return [customer_id for customer_id in customer_ids if customer_id not in warned]


def warn(*, connection, policy: RetentionPolicy, customer_ids: list[int], now) -> list[int]:
    """E-mail each customer with an address; return the ids warned (the addresses are never stored or logged)."""
    if not customer_ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT entity_id, email, firstname FROM customer_entity WHERE entity_id IN ({id_list(customer_ids)}) "
            "AND email IS NOT NULL AND email <> ''"
        )
        recipients = cursor.fetchall()
    close_date = timezone.localdate(now) + timedelta(days=policy.notice_days)
    for _customer_id, email, firstname in recipients:
        context = {
            "name": firstname, "shop_name": settings.PRIVACY_SHOP_NAME, "years": policy.age_days // 365,
            "close_date": close_date,
        }
        body = render_to_string("emails/inactive_account_warning.txt", context)
        EmailMessage(gettext("Your account will be closed"), body, settings.DEFAULT_FROM_EMAIL, [email]).send()
    logger.info("retention policy %s warned %d inactive accounts", policy.name, len(recipients))
    return [customer_id for customer_id, _email, _name in recipients]


def record(*, policy: RetentionPolicy, customer_ids: list[int], now) -> None:
    InactivityNotice.objects.bulk_create(
        [InactivityNotice(policy=policy, customer_id=customer_id, warned_at=now) for customer_id in customer_ids],
        ignore_conflicts=True,
    )


def settle(*, closed: list[int], active: list[int], now) -> None:
    """Mark the notices of closed accounts; forget those of customers who came back (a new warning comes first)."""
    InactivityNotice.objects.filter(id__in=closed).update(closed_at=now)
    InactivityNotice.objects.filter(id__in=active).delete()
