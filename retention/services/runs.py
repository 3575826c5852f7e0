"""Runs of a policy: create, claim and execute (resuming the checkpoint), checkpoint, finish with an audit event."""

import logging
import secrets
import time
from datetime import date, datetime

from django.db import InterfaceError, OperationalError, connections, transaction
from django.utils import timezone

from privacy.audit import events
from privacy.audit.actors import Actor
from privacy.keys import data_key_create, data_key_shred, decrypt_text, encrypt_text, token_key_id
from privacy.models import DataKey
from privacy.sources.magento.router import MAGENTO_ALIAS
from retention.engine import Engine
from retention.models import RetentionPolicy, RetentionRun, RunState
from retention.selectors import open_run, policy_cutoffs, policy_walks
from retention.services.claims import (
    ClaimLost,
    owner_id,
    retention_policy_claim,
    retention_policy_release,
    retention_policy_renew,
)

logger = logging.getLogger(__name__)
MAX_ERRORS_KEPT = 50
RECONNECTS = 3  # shop connections a run may lose in a row without a batch committing in between
# MySQL/MariaDB: server gone away, connection lost during a query, connection killed, closed for inactivity.
# (The client library may already have reconnected by the time Django asks, so the code decides.)
LOST_CONNECTION_CODES = frozenset({2006, 2013, 1927, 4031})


def _key_scope(run: RetentionRun) -> str:
    return f"retention-run:{run.pk}"


def retention_run_create(
    *, policy: RetentionPolicy, started_by: str, dry_run: bool = False, batch_size: int | None = None, now=None, key=None
) -> RetentionRun:
    """Create a pending run of policy with its age limits fixed at now and a fresh pseudonym key (or key)."""
    now = now or timezone.now()
    with transaction.atomic():
        run = RetentionRun.objects.create(
            policy=policy,
            dry_run=dry_run,
            batch_size=batch_size or policy.batch_size,
            started_by=started_by,
            created_at=now,
            cutoffs=policy_cutoffs(policy=policy, now=now),
        )
        if not dry_run:
            data_key = data_key_create(scope=_key_scope(run))
            run.key_token = encrypt_text(key or secrets.token_hex(32), key=data_key, aad=_key_scope(run).encode())
            run.save(update_fields=["key_token"])
    return run


def retention_policy_run(
    *,
    policy: RetentionPolicy,
    actor: Actor,
    dry_run: bool = False,
    batch_size: int | None = None,
    max_batches: int | None = None,
    progress=None,
    now=None,
) -> RetentionRun:
    """Claim policy, resume its open run (or start one at now) and walk it to the end or to max_batches.

    Raises PolicyAlreadyRunning when another live worker holds the policy. A failure ends the
    attempt in state `failed` with the reason; the next run resumes from the checkpoint.
    """
    owner = owner_id()
    retention_policy_claim(policy=policy, owner=owner, now=timezone.now())
    try:
        run = open_run(policy=policy, dry_run=dry_run) or retention_run_create(
            policy=policy, started_by=f"{actor.kind}:{actor.id}", dry_run=dry_run, batch_size=batch_size, now=now
        )
        return _execute(run=run, owner=owner, actor=actor, batch_size=batch_size, max_batches=max_batches, progress=progress)
    finally:
        retention_policy_release(policy=policy, owner=owner)


def _execute(*, run: RetentionRun, owner: str, actor: Actor, batch_size, max_batches, progress) -> RetentionRun:
    _start(run, batch_size=batch_size)
    checkpoint = Checkpoint(run=run, owner=owner)
    engine = Engine(
        connection=connections[MAGENTO_ALIAS],
        key=_run_key(run),
        batch_size=run.batch_size,
        dry_run=run.dry_run,
        checkpoint=checkpoint,
        progress=progress,
        context=_context(run),
    )
    try:
        walks = policy_walks(policy=run.policy, cutoffs=run.cutoffs)
        checkpoint.note_absent(engine.absent_tables(walks))
        finished = _walk(engine, run, walks, max_batches=max_batches)
    except ClaimLost:
        logger.warning("retention run %s stopped: its policy was taken over by another worker", run.pk)
        raise
    except Exception as error:
        logger.exception("retention run %s of %s failed", run.pk, run.policy.name)
        checkpoint.flush()
        return _finish(run, state=RunState.FAILED, actor=actor, error=f"{type(error).__name__}: {error}"[:500])
    checkpoint.flush()
    return _finish(run, state=RunState.COMPLETED if finished else RunState.PAUSED, actor=actor)


def _walk(engine: Engine, run: RetentionRun, walks, *, max_batches) -> bool:
    """Walk from the checkpoint; when the shop connection is lost, note it, reconnect and resume from the checkpoint.

    The server rolled the batch in flight back with the connection, and its checkpoint was never
    written, so the resumed walk redoes exactly that batch.
    """
    lost = 0
    while True:
        batches = run.batches
        try:
            return engine.run(walks, start_walk=run.walk, after=run.last_pk, end=run.walk_end, max_batches=max_batches)
        except (OperationalError, InterfaceError) as error:
            lost = 1 if run.batches > batches else lost + 1
            if lost > RECONNECTS or not _connection_lost(engine.connection, error):
                raise
            logger.warning("retention run %s lost its shop connection; resuming from its checkpoint", run.pk)
            cause = f"{type(error).__name__}: {error}"[:300]
            _note(run, timezone.now(), f"shop database connection lost in the batch after id {run.last_pk} of walk "
                                       f"{run.walk} ({cause}); that batch was rolled back, resumed from the checkpoint")  # fmt: skip
            run.save(update_fields=["errors"])
            engine.connection.close()


def _connection_lost(connection, error: Exception) -> bool:
    code = error.args[0] if error.args else None
    return code in LOST_CONNECTION_CODES or connection.connection is None or not connection.is_usable()


def _context(run: RetentionRun) -> dict:
    cutoffs = run.cutoffs
    return {
        "policy": run.policy,
        "now": run.created_at,
        "today": date.fromisoformat(cutoffs["today"]) if "today" in cutoffs else None,
        "warned_before": datetime.fromisoformat(cutoffs["warned_before"]) if "warned_before" in cutoffs else None,
    }


def _start(run: RetentionRun, *, batch_size) -> None:
    now = timezone.now()
    if run.state == RunState.RUNNING:
        _note(run, now, f"resumed after the previous worker stopped, from walk {run.walk} after id {run.last_pk}")
    run.state = RunState.RUNNING
    run.attempts += 1
    run.started_at = run.started_at or now
    run.heartbeat_at = now
    run.batch_size = batch_size or run.batch_size
    run.save(update_fields=["state", "attempts", "started_at", "heartbeat_at", "batch_size", "errors"])


def _run_key(run: RetentionRun) -> str:
    if run.dry_run:
        return ""
    return decrypt_text(run.key_token, aad=_key_scope(run).encode())


def _note(run: RetentionRun, now, message: str) -> None:
    run.errors = [*run.errors, {"at": now.isoformat(), "message": message}][-MAX_ERRORS_KEPT:]


class Checkpoint:
    """Record each committed batch in the app database and renew the claim, in one short transaction."""

    def __init__(self, *, run: RetentionRun, owner: str):
        self.run, self.owner = run, owner
        self.tick = time.monotonic()

    def __call__(self, *, walk, last_pk, walk_end, counts, batch):
        run, now = self.run, timezone.now()
        with transaction.atomic():
            retention_policy_renew(policy=run.policy, owner=self.owner, now=now)
            run.walk, run.last_pk, run.walk_end = walk, last_pk, walk_end
            run.tables = _merged(run.tables, counts)
            run.batches += 1
            run.heartbeat_at = now
            self._add_time()
            run.save(update_fields=["walk", "last_pk", "walk_end", "tables", "batches", "heartbeat_at", "duration_seconds"])
            if batch.commit is not None:
                batch.commit(run, now)

    def note_absent(self, tables: list[str]) -> None:
        if tables:
            self.run.tables = {**self.run.tables, **{table: {"absent": True} for table in tables}}

    def flush(self) -> None:
        self._add_time()

    def _add_time(self):
        moment = time.monotonic()
        self.run.duration_seconds += moment - self.tick
        self.tick = moment


def _merged(totals: dict, counts: dict) -> dict:
    merged = {table: dict(values) for table, values in totals.items()}
    for table, values in counts.items():
        entry = merged.setdefault(table, {})
        for name, number in values.items():
            entry[name] = entry.get(name, 0) + number
    return merged


def _finish(run: RetentionRun, *, state: str, actor: Actor, error: str | None = None) -> RetentionRun:
    now = timezone.now()
    with transaction.atomic():
        run.state = state
        run.heartbeat_at = now
        if state == RunState.COMPLETED:
            run.finished_at = now
            _shred_key(run, now)
        if error:
            _note(run, now, error)
        run.save(update_fields=["state", "heartbeat_at", "finished_at", "key_token", "errors", "duration_seconds", "tables"])
        events.retention_run_finished(actor=actor, run=run)
    return run


def _shred_key(run: RetentionRun, now) -> None:
    """Destroy the run's pseudonym key: nobody can link the pseudonyms it produced back to their values."""
    if run.key_token:
        data_key_shred(key=DataKey.objects.get(pk=token_key_id(run.key_token)), now=now)
        run.key_token = ""
