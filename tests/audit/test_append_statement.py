"""The append's INSERT on PostgreSQL: a named prepared statement sent straight to libpq, which must
behave exactly like the ORM's insert: inside the caller's transaction, after a reconnect, on errors."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.transaction import TransactionManagementError

from privacy.audit.models import AuditEvent
from privacy.audit.services import audit_event_append
from tests.audit.helpers import ALICE

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class Rollback(Exception):
    pass


def _append(target_id: str):
    return audit_event_append(actor=ALICE, action="x.y", target_type="request", target_id=target_id, details={"n": 1})


@pytest.mark.parametrize("statements_before", [0, 1, 3], ids=["first statement", "second", "fourth"])
def test_an_event_appended_inside_a_transaction_rolls_back_with_it(statements_before):
    # given: the data key is remembered, so the append reads nothing before its INSERT
    with transaction.atomic():
        _append("remembers the key")

    # when: the append is the block's first statement (psycopg opens the transaction) or a later one
    with pytest.raises(Rollback), transaction.atomic():
        for index in range(statements_before):
            AuditEvent.objects.filter(target_id=f"before {index}").exists()
        _append("rolled back")
        raise Rollback

    # then
    assert not AuditEvent.objects.filter(target_id="rolled back").exists()


@pytest.mark.parametrize("isolation", [None, "serializable"], ids=["server default", "serializable"])
def test_a_transaction_the_append_opens_has_the_isolation_level_the_connection_asks_for(isolation):
    # given: the data key is remembered, so the append is the block's first statement
    with transaction.atomic():
        _append("remembers the key")
    connection.ensure_connection()
    before = connection.connection.isolation_level
    connection.connection.isolation_level = isolation and psycopg_isolation(isolation)
    try:
        # when
        with transaction.atomic():
            _append("opens the transaction")
            with connection.cursor() as cursor:
                cursor.execute("SHOW transaction_isolation")
                level = cursor.fetchone()[0]
    finally:
        connection.connection.isolation_level = before

    # then
    assert level == (isolation or "read committed")
    assert AuditEvent.objects.filter(target_id="opens the transaction").exists()


def psycopg_isolation(name: str):
    import psycopg

    return psycopg.IsolationLevel[name.upper()]


def test_an_append_in_a_block_already_marked_for_rollback_is_refused_like_any_query():
    with transaction.atomic():
        _append("remembers the key")
        try:
            with transaction.atomic(savepoint=False):
                raise Rollback
        except Rollback:
            pass  # the outer block now needs a rollback

        # when / then
        with pytest.raises(TransactionManagementError):
            _append("after the broken block")

    assert not AuditEvent.objects.filter(target_id__in=["remembers the key", "after the broken block"]).exists()


def test_events_committed_in_a_transaction_are_stored_with_what_the_append_returned():
    # when
    with transaction.atomic():
        first, second = _append("kept 1"), _append("kept 2")

    # then
    stored = AuditEvent.objects.in_bulk([first.pk, second.pk])
    assert [stored[first.pk].event_id, stored[second.pk].event_id] == [first.event_id, second.event_id]
    assert stored[second.pk].created_at == second.created_at
    assert stored[second.pk].row_mac == second.row_mac


def test_appending_still_works_after_the_connection_was_closed_and_opened_again():
    # given: the statement was prepared on the old connection
    with transaction.atomic():
        _append("old connection")
    connection.close()

    # when
    with transaction.atomic():
        event = _append("new connection")

    # then
    assert AuditEvent.objects.filter(pk=event.pk, target_id="new connection").exists()


def test_a_failing_insert_raises_djangos_database_error_leaves_nothing_behind_and_the_next_append_works():
    # given: an append in the block so the statement is sent straight to libpq, then its statement gone
    with pytest.raises(DatabaseError, match="privacydesk_audit_event_insert"), transaction.atomic():
        _append("prepares the statement")
        with connection.cursor() as cursor:
            cursor.execute("DEALLOCATE privacydesk_audit_event_insert")
        _append("cannot be written")

    # then: the whole transaction is gone
    assert not AuditEvent.objects.filter(target_id__in=["prepares the statement", "cannot be written"]).exists()

    # and the statement is prepared again on the same connection
    with transaction.atomic():
        _append("after the failure")
        _append("and again")
    assert AuditEvent.objects.filter(target_id__in=["after the failure", "and again"]).count() == 2
