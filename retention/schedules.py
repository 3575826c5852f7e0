"""Policy schedules: five-field cron expressions, read with Celery's own crontab."""

from datetime import datetime

from celery.schedules import crontab

CRON_FORM = "minute hour day-of-month month day-of-week, e.g. '30 2 * * *' for 02:30 every day"


def crontab_parse(expression: str, *, now: datetime | None = None) -> crontab:
    """Return the crontab for a five-field cron expression; ValueError names the expected form."""
    fields = (expression or "").split()
    if len(fields) != 5:
        raise ValueError(f"{expression!r} is not a cron expression: use {CRON_FORM}.")
    minute, hour, day_of_month, month, day_of_week = fields
    try:
        return crontab(
            minute=minute,
            hour=hour,
            day_of_month=day_of_month,
            month_of_year=month,
            day_of_week=day_of_week,
            nowfun=(lambda: now) if now else None,
        )
    except ValueError as error:
        raise ValueError(f"{expression!r} is not a valid cron expression ({error}): use {CRON_FORM}.") from None


def schedule_is_due(expression: str, *, last_run_at: datetime, now: datetime) -> bool:
    """Return whether the schedule fired between last_run_at and now."""
    return crontab_parse(expression, now=now).is_due(last_run_at).is_due
