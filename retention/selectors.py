"""Reads: statutory periods and hold dates, the age limits of a run, and the Art. 30(1)(f) record."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext, pgettext_lazy

from retention import closure, plans
from retention.models import RESUMABLE_STATES, DocumentClass, Plan, RetentionPolicy, RetentionRun, StatutoryPeriod

ORDER_DOCUMENTS = (DocumentClass.ORDER, DocumentClass.INVOICE, DocumentClass.CREDIT_MEMO, DocumentClass.SHIPMENT)


class MissingStatutoryPeriod(Exception):
    """No statutory period is configured for a jurisdiction and document class."""


def shop_jurisdiction() -> str:
    return settings.RETENTION_JURISDICTION


def statutory_period(*, document_class: str, jurisdiction: str | None = None) -> StatutoryPeriod:
    jurisdiction = jurisdiction or shop_jurisdiction()
    period = StatutoryPeriod.objects.filter(jurisdiction=jurisdiction, document_class=document_class).first()
    if period is None:
        raise MissingStatutoryPeriod(
            f"No statutory period for {document_class} documents in jurisdiction {jurisdiction!r}: "
            "add one under Retention > Statutory periods in the admin."
        )
    return period


def statutory_periods_of(*, document_classes, jurisdiction: str | None = None) -> dict[str, StatutoryPeriod]:
    """Return {document class: period} for document_classes in one query; MissingStatutoryPeriod names the first missing."""
    jurisdiction = jurisdiction or shop_jurisdiction()
    found = StatutoryPeriod.objects.filter(jurisdiction=jurisdiction, document_class__in=document_classes)
    periods = {period.document_class: period for period in found}  # unique per jurisdiction and class
    for document_class in sorted(document_classes):
        if document_class not in periods:
            statutory_period(document_class=document_class, jurisdiction=jurisdiction)  # raises, with the message
    return periods


def statutory_hold_until(*, document_class: str, document_date: date, jurisdiction: str | None = None) -> date:
    """Return the last day a document must be kept: the end of its calendar year plus the statutory years."""
    years = statutory_period(document_class=document_class, jurisdiction=jurisdiction).years
    return date(document_date.year + years, 12, 31)


def _year_start(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=timezone.get_default_timezone())


def policy_cutoffs(*, policy: RetentionPolicy, now: datetime) -> dict[str, str]:
    """Return the age limits of a run of policy started at now, as ISO texts (fixed for the whole run)."""
    if policy.plan == Plan.ORDERS:
        local_year = timezone.localtime(now).year
        return {
            document: _year_start(local_year - statutory_period(document_class=document).years).isoformat()
            for document in ORDER_DOCUMENTS
        }
    if policy.plan == Plan.HOLDS:
        return {"today": timezone.localdate(now).isoformat()}
    cutoffs = {"age": (now - timedelta(days=policy.age_days)).isoformat()}
    if policy.plan == Plan.INACTIVE_ACCOUNTS:
        cutoffs["warned_before"] = (now - timedelta(days=policy.notice_days)).isoformat()
    return cutoffs


def policy_walks(*, policy: RetentionPolicy, cutoffs: dict[str, str]) -> tuple[plans.Walk, ...]:
    """Return the table walks of policy's plan for a run with these cutoffs."""
    moments = {name: datetime.fromisoformat(value) for name, value in cutoffs.items() if name != "today"}
    if policy.plan == Plan.ORDERS:
        return plans.orders_walks(moments)
    if policy.plan in (Plan.GUEST_QUOTES, Plan.CUSTOMER_QUOTES):
        return (plans.quotes_walk(moments["age"], guests=policy.plan == Plan.GUEST_QUOTES),)
    if policy.plan == Plan.HOLDS:
        return (plans.holds_walk(),)
    if policy.plan == Plan.INACTIVE_ACCOUNTS:
        return closure.inactive_accounts_walks(inactive_since=moments["age"], warned_before=moments["warned_before"])
    return (plans.purge_walk(policy.plan, moments["age"]),)


def open_run(*, policy: RetentionPolicy, dry_run: bool) -> RetentionRun | None:
    """Return the policy's run that a new run of this mode should resume, if any."""
    return policy.runs.filter(state__in=RESUMABLE_STATES, dry_run=dry_run).order_by("-id").first()


def last_run(*, policy: RetentionPolicy) -> RetentionRun | None:
    return policy.runs.order_by("-id").first()


# -- the record of erasure time limits (Art. 30(1)(f) GDPR) ------------------------------------------


def age_rule_text(policy: RetentionPolicy) -> str:
    """Return policy's age rule in words, in the active language."""
    if policy.plan == Plan.ORDERS:
        periods = ", ".join(_document_period(document) for document in ORDER_DOCUMENTS)
        return _(
            "statutory periods in %(jurisdiction)s (%(periods)s), counted from the end of the calendar year of the "
            "order and of each of its invoices, credit memos and shipments"
        ) % {"jurisdiction": shop_jurisdiction().upper(), "periods": periods}
    if policy.plan == Plan.HOLDS:
        return _("the day after the erasure hold's statutory period ends (hold_until)")
    if policy.plan == Plan.INACTIVE_ACCOUNTS:
        return _(
            "no log-in, order or account change for %(inactive)s; closed %(notice)s after a warning e-mail if still "
            "inactive"
        ) % {"inactive": _days(policy.age_days), "notice": _days(policy.notice_days)}
    return _("older than %(age)s (%(column)s)") % {"age": _days(policy.age_days), "column": _age_column(policy)}


# Mid-sentence names: lower case in English and French, capitalized nouns in German, so not the labels lower-cased.
DOCUMENTS_IN_A_SENTENCE = {
    DocumentClass.ORDER: pgettext_lazy("document class in a sentence", "order"),
    DocumentClass.INVOICE: pgettext_lazy("document class in a sentence", "invoice"),
    DocumentClass.CREDIT_MEMO: pgettext_lazy("document class in a sentence", "credit memo"),
    DocumentClass.SHIPMENT: pgettext_lazy("document class in a sentence", "shipment / delivery note"),
}


def document_in_a_sentence(document_class: str) -> str:
    """The document class named mid-sentence in the active language (a class without a name: its code in words)."""
    return str(DOCUMENTS_IN_A_SENTENCE.get(document_class, document_class.replace("_", " ")))


def _document_period(document: str) -> str:
    years = statutory_period(document_class=document).years
    values = {"document": document_in_a_sentence(document), "years": years}
    return ngettext("%(document)s %(years)d year", "%(document)s %(years)d years", years) % values


def _days(days: int) -> str:
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def _age_column(policy: RetentionPolicy) -> str:
    if policy.plan in plans.PURGES:
        purge = plans.PURGES[policy.plan]
        return f"{purge.table}: {purge.age}"
    return "quote.updated_at"


def policy_tables(policy: RetentionPolicy) -> list[str]:
    cutoffs = {"age": "2000-01-01T00:00:00+00:00", "warned_before": "2000-01-01T00:00:00+00:00"}
    if policy.plan == Plan.ORDERS:
        cutoffs = {document: "2000-01-01T00:00:00+00:00" for document in ORDER_DOCUMENTS}
    walks = policy_walks(policy=policy, cutoffs=cutoffs)
    tables = [step.table for walk in walks for step in reversed(walk.steps)]
    return tables or ["any table named by an erasure hold (see the data map)"]


def retention_record() -> list[dict]:
    """Return the erasure time limits per data category (Art. 30(1)(f) GDPR), one entry per policy."""
    return [
        {
            "policy": policy.name,
            "enabled": policy.enabled,
            "data_category": policy.data_category,
            "tables": policy_tables(policy),
            "age_rule": age_rule_text(policy),
            "action": policy.get_action_display(),
            "legal_basis": policy.legal_basis,
            "schedule": policy.schedule,
        }
        for policy in RetentionPolicy.objects.order_by("name")
    ]
