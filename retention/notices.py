"""Warning e-mails before the inactive-accounts policy closes an account, and their notices."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from retention.models import InactivityNotice, RetentionPolicy
from retention.sql import id_list

logger = logging.getLogger(__name__)


def unwarned(*, policy: RetentionPolicy, customer_ids: list[int]) -> list[int]:
    warned = set(InactivityNotice.objects.filter(policy=policy, customer_id__in=customer_ids).values_list("customer_id", flat=True))
    return [customer_id for customer_id in customer_ids if customer_id not in warned]


def warn(*, connection, policy: RetentionPolicy, customer_ids: list[int], now) -> list[int]:
    """E-mail each customer with an address in the language of their store view; return the ids warned.

    The addresses are never stored or logged.
    """
    if not customer_ids:
        return []
    recipients = _recipients(connection, customer_ids)
    context = {
        "shop_name": settings.PRIVACY_SHOP_NAME, "years": policy.age_days // 365,
        "close_date": timezone.localdate(now) + timedelta(days=policy.notice_days),
    }
    for _customer_id, email, firstname, store_code in recipients:
        with translation.override(store_language(store_code)):
            _send_warning(email=email, context={**context, "name": firstname})
    logger.info("retention policy %s warned %d inactive accounts", policy.name, len(recipients))
    return [customer_id for customer_id, *_rest in recipients]


def store_language(store_code: str | None) -> str:
    """Return the language of e-mails to a customer of this Magento store view (LANGUAGE_CODE unless mapped)."""
    return settings.PRIVACY_STORE_LANGUAGES.get(store_code, settings.LANGUAGE_CODE)


def _recipients(connection, customer_ids: list[int]) -> list[tuple]:
    # store_id is NULL once its store view is deleted (no code: LANGUAGE_CODE); 0 is the admin store (code admin).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT customer_entity.entity_id, customer_entity.email, customer_entity.firstname, store.code "
            "FROM customer_entity LEFT JOIN store ON store.store_id = customer_entity.store_id "
            f"WHERE customer_entity.entity_id IN ({id_list(customer_ids)}) "
            "AND customer_entity.email IS NOT NULL AND customer_entity.email <> ''"
        )
        return cursor.fetchall()


def _send_warning(*, email: str, context: dict) -> None:
    body = render_to_string("emails/inactive_account_warning.txt", context)
    EmailMessage(gettext("Your account will be closed"), body, settings.DEFAULT_FROM_EMAIL, [email]).send()


def record(*, policy: RetentionPolicy, customer_ids: list[int], now) -> None:
    InactivityNotice.objects.bulk_create(
        [InactivityNotice(policy=policy, customer_id=customer_id, warned_at=now) for customer_id in customer_ids],
        ignore_conflicts=True,
    )


def settle(*, closed: list[int], active: list[int], now) -> None:
    """Mark the notices of closed accounts; forget those of customers who came back (a new warning comes first)."""
    InactivityNotice.objects.filter(id__in=closed).update(closed_at=now)
    InactivityNotice.objects.filter(id__in=active).delete()
