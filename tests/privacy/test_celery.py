"""A worker's database connections between tasks: kept while CONN_MAX_AGE allows, closed around each task without it.

Celery's Django fixup would close them around every task whatever CONN_MAX_AGE says (privacy/celery.py).
"""

import os
import uuid

import pytest
from celery import signals
from django.db import connections, transaction

from requests_app.models import PrivacyRequest
from requests_app.services import privacy_request_approve, privacy_request_submit
from requests_app.tasks import purge_export_packages_task
from tests.requests_app.celery_worker import (
    database_url,
    producer_on,
    services_required_for_a_worker,
    wait_for,
    worker_started,
    worker_stop,
)
from tests.requests_app.helpers import OPERATOR

pytestmark = pytest.mark.django_db(transaction=True, databases=["default"])


def _a_task_ran(task=purge_export_packages_task) -> None:
    signals.task_prerun.send(sender=task, task_id="t", task=task, args=(), kwargs={})
    signals.task_postrun.send(sender=task, task_id="t", task=task, args=(), kwargs={}, retval=0, state="SUCCESS")


@pytest.fixture
def connection_max_age(monkeypatch):
    """Set the app database's CONN_MAX_AGE and return its connection, freshly opened under it."""
    connection = connections["default"]

    def opened_with(seconds: int):
        monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", seconds)
        connection.close()
        connection.ensure_connection()
        return connection

    yield opened_with
    connection.close()


def test_a_worker_keeps_its_database_connection_from_one_task_to_the_next_while_conn_max_age_allows(connection_max_age):
    connection = connection_max_age(600)
    opened = connection.connection
    _a_task_ran()
    _a_task_ran()
    assert connection.connection is opened


@pytest.mark.services  # Django never closes an in-memory SQLite database (it would lose it), so not embedded
def test_without_conn_max_age_a_worker_closes_its_database_connection_around_each_task(connection_max_age):
    connection = connection_max_age(0)
    _a_task_ran()
    assert connection.connection is None


def test_an_eager_task_leaves_the_connection_of_the_process_that_runs_it_alone(connection_max_age):
    connection = connection_max_age(0)
    opened = connection.connection
    purge_export_packages_task.push_request(is_eager=True)
    try:
        _a_task_ran()
    finally:
        purge_export_packages_task.pop_request()
    assert connection.connection is opened


@pytest.mark.services
@pytest.mark.django_db(transaction=True, databases=["default", "magento"])
def test_a_real_worker_runs_one_request_s_tasks_on_one_postgresql_session_when_conn_max_age_is_set(tmp_path):
    # given a real worker with DATABASE_CONN_MAX_AGE set, its PostgreSQL sessions named so they can be found
    services_required_for_a_worker()
    name, queue = f"reuse-{uuid.uuid4().hex[:12]}", f"reuse-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": database_url("default"), "MAGENTO_DATABASE_URL": database_url("magento"),
           "DATABASE_CONN_MAX_AGE": "600", "PGAPPNAME": name}  # fmt: skip

    def sessions() -> list[int]:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", [name])
            return [row[0] for row in cursor.fetchall()]

    def state() -> str:
        return PrivacyRequest.objects.get(pk=privacy_request.pk).state

    with producer_on(queue):
        process = worker_started(queue, tmp_path / "worker.log", env=env)
        try:
            # when it discovers a request, and then fulfils it (with the e-mails and audit sealing both queue)
            with transaction.atomic():
                privacy_request = privacy_request_submit(kind="access", email=f"{name}@example.com", jurisdiction="gdpr",
                                                         channel="email", verified=True, by=OPERATOR)  # fmt: skip
            wait_for(lambda: state() == "in_review", what="discovery", process=process, log=tmp_path / "worker.log")
            after_discovery = sessions()
            privacy_request_approve(privacy_request=PrivacyRequest.objects.get(pk=privacy_request.pk), by=OPERATOR)
            wait_for(lambda: state() == "completed", what="fulfilment", process=process, log=tmp_path / "worker.log")

            # then every task ran on the one session it opened first, which is still open
            assert len(after_discovery) == 1 and sessions() == after_discovery
        finally:
            worker_stop(process)
