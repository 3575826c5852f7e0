import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "privacy.settings")

app = Celery("privacy")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Celery's Django fixup closes every database connection before and after every task unless this is set (it then
# closes them only every this many tasks): each task of a worker opened a new PostgreSQL backend and a new MariaDB
# session, and a fresh backend plans its statements from cold caches. database_connections_refresh below closes
# them the way Django does around a web request instead.
app.conf.CELERY_DB_REUSE_MAX = 1000
app.autodiscover_tasks()


@signals.task_prerun.connect
@signals.task_postrun.connect
def database_connections_refresh(sender=None, **kwargs) -> None:
    """Close the worker's database connections that are broken or older than CONN_MAX_AGE (DATABASE_CONN_MAX_AGE).

    With the default CONN_MAX_AGE of 0 that is every connection, around every task, as before.
    """
    if sender is None or getattr(sender.request, "is_eager", False):
        return  # an eager task runs in its caller's process and transaction: its connections are the caller's
    from django.db import close_old_connections

    close_old_connections()
