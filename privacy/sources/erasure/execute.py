"""Erase one subject: plan, close Amazon Pay, one shop transaction, holds, proof, receipt.

Order and crash safety:
1. Plan from fresh discovery. A blocked plan stops here and nothing changes.
2. Close the Amazon Pay charge permissions first: idempotent, and they must be closed while the
   shop still knows them. Each closed permission is recorded, so a retry skips it.
3. Record "applying" with the plan frozen (encrypted), in the transaction of the step before (the plan,
   or the Amazon Pay outcome: nothing runs between them), then run the plan in ONE transaction on the
   shop database. A worker killed inside it leaves the subject untouched; killed after its commit
   but before "applied" is recorded, the retry applies the frozen plan again, which changes nothing
   (every value written is idempotent). The frozen plan is what later steps use: discovery can no
   longer find an erased subject.
4. Record the retention holds, then 5. scan for residue, then 6. build the receipt. Each step and
   its audit event commit together; nothing is marked done until every step is.
"""

import json
import uuid
import zlib
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from privacy import crypto, keys
from privacy.audit import events
from privacy.audit.actors import Actor
from privacy.sources.discovery import subject_identify_rows
from privacy.sources.erasure.amazon import (
    AmazonPayStepFailed,
    AmazonProgress,
    charge_permissions_close,
)
from privacy.sources.erasure.codec import plan_from_json, plan_to_json
from privacy.sources.erasure.holds import holds_record, statutory_periods
from privacy.sources.erasure.identifiers import identifiers_collect
from privacy.sources.erasure.models import ErasureRun, Problem, Step
from privacy.sources.erasure.plan import ErasurePlan, erasure_plan_build
from privacy.sources.erasure.receipt import (
    plan_preview,
    receipt_build,
    staff_block_reason,
)
from privacy.sources.erasure.residual import residual_scan
from privacy.sources.magento.eraser import plan_apply
from privacy.sources.magento.erasure_facts import fact_columns, subject_facts
from retention.selectors import shop_jurisdiction


class ErasureBlocked(Exception):
    """The subject has open orders, pending Amazon Pay actions or open refunds; nothing was changed."""

    def __init__(self, plan: ErasurePlan):
        self.plan = plan
        self.staff_reason = staff_block_reason(plan.blocks)
        super().__init__(self.staff_reason)


class ErasureResidue(Exception):
    """The residual scan found the subject's identifiers outside held rows; `summary` names tables and columns."""

    def __init__(self, summary: dict):
        self.summary = summary
        super().__init__(
            f"Residual scan: {summary['residues']} value(s) of the erased subject remain outside held rows, in "
            f"{', '.join(summary['residue_columns'])}. Classify them in the data map, then retry (the scan runs again)."
        )


def pseudonym_key() -> str:
    """The key the anonymization strategies hash with: stable, so a re-run writes the same values."""
    return crypto.derived_key("erasure-pseudonym").hex()


def subject_token(subject) -> str:
    """A keyed, irreversible token stable per subject: kept documents share it instead of an e-mail address."""
    canonical = json.dumps([sorted(subject.customer_ids), sorted(subject.emails)])
    return crypto.mac_hex(crypto.derived_key("erasure-subject"), canonical.encode())[:12]


def manual_reference() -> str:
    return f"manual:{uuid.uuid4().hex[:16]}"


def erasure_plan_prepare(*, identity: dict, jurisdiction: str | None = None, now: datetime | None = None,
                         using: str = "magento") -> ErasurePlan:  # fmt: skip
    """Discover the subject named by identity (email=..., customer_id=...) and plan their erasure; changes nothing."""
    now, jurisdiction = now or timezone.now(), jurisdiction or shop_jurisdiction()
    subject, rows = subject_identify_rows(**identity, using=using, also=fact_columns(using=using))
    return erasure_plan_build(
        subject=subject, rows=rows, facts=subject_facts(rows=rows, using=using),
        identifiers=identifiers_collect(rows=rows, emails=subject.emails, buyer_ids=subject.amazon_buyer_ids),
        periods=statutory_periods(jurisdiction=jurisdiction), jurisdiction=jurisdiction,
        token=subject_token(subject), key=pseudonym_key(), now=now,
    )  # fmt: skip


def erasure_run(
    *, reference: str, identity: dict | None, actor: Actor, request=None, jurisdiction: str | None = None,
    deep: bool = False, now: datetime | None = None, using: str = "magento", amazon_client=None, progress=None,
    before_record: Callable[[], None] | None = None,
) -> ErasureRun:  # fmt: skip
    """Run (or resume) the erasure `reference` up to a clean residual scan; raise ErasureBlocked,
    AmazonPayStepFailed or ErasureResidue when it has to stop (the run records why).

    before_record() is called before each step and each Amazon Pay closure is recorded: a fulfilment renews its
    lease there, or raises to stop before writing."""
    now = now or timezone.now()
    run = erasure_run_open(reference=reference, request=request, jurisdiction=jurisdiction, deep=deep, now=now)
    run.before_record = before_record
    if run.reached(Step.VERIFIED):
        return run
    plan = _plan_step(run, identity, actor, now, using)
    _amazon_step(run, plan, actor, amazon_client, now)
    _apply_step(run, plan, actor, using, progress, now)
    _scan_step(run, plan, actor, using, now)
    return run


def erasure_run_open(*, reference: str, request=None, jurisdiction: str | None = None, deep: bool = False,
                     now: datetime) -> ErasureRun:  # fmt: skip
    """Create the run `reference`, or count one more attempt of the run a first attempt or a racing worker created.

    Nearly every run is new, so the INSERT comes first (one statement, where looking the run up first took four):
    the unique reference turns another creator's row, committed or not, into an IntegrityError in the INSERT's own
    transaction (a savepoint inside a caller's), and the existing run is then counted and read."""
    try:
        with transaction.atomic():
            return ErasureRun.objects.create(
                reference=reference, request=request, jurisdiction=jurisdiction or shop_jurisdiction(), deep_scan=deep,
                created_at=now, updated_at=now, attempts=1,
            )  # fmt: skip
    except IntegrityError:
        existing = ErasureRun.objects.filter(reference=reference)
        if not existing.update(attempts=F("attempts") + 1, updated_at=now):
            raise  # not the reference: another constraint refused the row
    return existing.get()


def erasure_run_complete(*, run: ErasureRun, actor: Actor, now: datetime | None = None, audit: bool = True) -> ErasureRun:
    """Mark a verified run completed (inside the transaction that completes its request, if it has one).

    audit=False: the caller records it in the same transaction (a request's completion event carries the receipt).
    """
    if not run.reached(Step.VERIFIED):
        raise ValueError(f"erasure {run.reference} is at step {run.step or 'none'}: only a verified erasure completes.")
    if run.step != Step.COMPLETED:
        with transaction.atomic(savepoint=False):
            run.step, run.completed_at = Step.COMPLETED, now or timezone.now()
            _save(run, run.completed_at, "step", "completed_at")
            if audit:
                events.erasure_completed(actor=actor, run=run, details={"receipt": run.receipt})
    return run


def erasure_plan_open(run: ErasureRun) -> ErasurePlan | None:
    return plan_from_json(json.loads(_open(run, "plan", run.plan_sealed))) if run.plan_sealed else None


def erasure_scan_open(run: ErasureRun) -> dict | None:
    return json.loads(_open(run, "scan", run.scan_sealed)) if run.scan_sealed else None


# -- steps -------------------------------------------------------------------------------------


def _plan_step(run: ErasureRun, identity: dict | None, actor: Actor, now: datetime, using: str) -> ErasurePlan:
    if run.reached(Step.APPLYING):
        return erasure_plan_open(run)  # frozen: the shop may already have been changed by it
    if identity is None:
        identity = erasure_plan_open(run).subject.seed.as_dict()
    plan = erasure_plan_prepare(identity=identity, jurisdiction=run.jurisdiction, now=now, using=using)
    with transaction.atomic():
        run.plan_sealed, run.summary = _seal(run, "plan", json.dumps(plan_to_json(plan))), plan_preview(plan)
        if plan.blocked:
            run.problem, run.problem_reason = Problem.BLOCKED, staff_block_reason(plan.blocks)
            _save(run, now, "plan_sealed", "summary", "problem", "problem_reason")
            events.erasure_blocked(actor=actor, run=run, details={"blocks": run.summary["blocks"]})
        else:
            run.step, run.problem, run.problem_reason = max(run.step, Step.PLANNED, key=_rank), Problem.NONE, ""
            fields = ["plan_sealed", "summary", "step", "problem", "problem_reason"]
            if not plan.charge_permissions:  # nothing to ask Amazon: the shop transaction is next
                run.amazon, run.step = _amazon_outcome(plan, AmazonProgress()), Step.APPLYING
                fields.append("amazon")
            _save(run, now, *fields)
            events.erasure_planned(actor=actor, run=run, details={"totals": run.summary["totals"], "holds": run.summary["holds"]})
    if plan.blocked:
        raise ErasureBlocked(plan)
    return plan


def _amazon_step(run: ErasureRun, plan: ErasurePlan, actor: Actor, client, now: datetime) -> None:
    if run.reached(Step.APPLYING):
        return  # closed already, or nothing to close (recorded with the plan)
    done = json.loads(_open(run, "amazon", run.amazon_sealed)) if run.amazon_sealed else {}
    progress = AmazonProgress(done=done)
    if settings.AMAZON_PAY_ENABLED:
        try:
            charge_permissions_close(permissions=plan.charge_permissions, reference=run.reference, progress=progress,
                                     save=lambda current: _amazon_save(run, current, now), client=client)  # fmt: skip
        except AmazonPayStepFailed as failed:
            with transaction.atomic():
                run.problem, run.problem_reason = Problem.AMAZON_PAY, failed.reason
                _save(run, now, "problem", "problem_reason")
                events.erasure_failed(actor=actor, run=run, details={"step": "amazon_pay", "reason": failed.reason,
                                                                     "permanent": failed.permanent})  # fmt: skip
            raise
    with transaction.atomic():
        run.amazon = _amazon_outcome(plan, progress)
        # the shop transaction is next: "applying" is recorded with the closures' outcome
        run.step, run.problem, run.problem_reason = Step.APPLYING, Problem.NONE, ""
        _save(run, now, "amazon", "step", "problem", "problem_reason")
        events.erasure_amazon_closed(actor=actor, run=run, details=run.amazon)


def _amazon_outcome(plan: ErasurePlan, progress: AmazonProgress) -> dict:
    """What the Amazon Pay step recorded: permissions to close, the closures' counts, and why none was asked for."""
    outcome = {"to_close": len(plan.charge_permissions)}
    if plan.charge_permissions and not settings.AMAZON_PAY_ENABLED:
        outcome["skipped"] = "connector disabled (AMAZON_PAY_ENABLED=0)"
    return outcome | progress.counts()


def _amazon_save(run: ErasureRun, progress: AmazonProgress, now: datetime) -> None:
    run.amazon_sealed = _seal(run, "amazon", json.dumps(progress.done))
    _save(run, now, "amazon_sealed")


def _apply_step(run: ErasureRun, plan: ErasurePlan, actor: Actor, using: str, progress, now: datetime) -> None:
    """The shop transaction, then (one app transaction) its outcome and the retention holds it leaves."""
    if run.reached(Step.HELD):
        return
    counts = plan_apply(plan=plan, key=pseudonym_key(), using=using, progress=progress)
    with transaction.atomic():
        step = ErasureRun.objects.select_for_update().filter(pk=run.pk).values_list("step", flat=True).get()
        if _rank(step) >= _rank(Step.HELD):
            return  # another worker running the same erasure recorded it meanwhile, with its holds
        run.holds = holds_record(plan=plan, reference=run.reference, now=now)
        run.step, run.counts = Step.HELD, counts
        _save(run, timezone.now(), "step", "counts", "holds")
        # one event for the one transaction: the shop rows changed per table, and the holds it left
        events.erasure_applied(actor=actor, run=run, details={"counts": counts, "holds": run.holds,
                                                              "groups": run.summary.get("holds", [])})  # fmt: skip


def _scan_step(run: ErasureRun, plan: ErasurePlan, actor: Actor, using: str, now: datetime) -> None:
    result = residual_scan(plan=plan, deep=run.deep_scan, using=using)
    with transaction.atomic():
        run.scan_sealed, run.scan = _seal(run, "scan", json.dumps(result.as_dict(), default=str)), result.summary()
        if result.clean:
            run.receipt = receipt_build(plan=plan, amazon=run.amazon, scan=run.scan)
            run.step, run.problem, run.problem_reason = Step.VERIFIED, Problem.NONE, ""
            _save(run, now, "scan_sealed", "scan", "receipt", "step", "problem", "problem_reason")
            events.erasure_verified(actor=actor, run=run, details={"scan": run.scan})
        else:
            residue = ErasureResidue(run.scan)
            run.problem, run.problem_reason = Problem.RESIDUE, str(residue)
            _save(run, now, "scan_sealed", "scan", "problem", "problem_reason")
            events.erasure_residue(actor=actor, run=run, details={"scan": run.scan})
    if not result.clean:
        raise ErasureResidue(run.scan)


# -- helpers -----------------------------------------------------------------------------------


def _rank(step: str) -> int:
    return list(Step.values).index(step)


def _save(run: ErasureRun, now: datetime, *fields: str) -> None:
    if run.before_record is not None:
        run.before_record()
    run.updated_at = now
    run.save(update_fields=["updated_at", *fields])


def _seal(run: ErasureRun, field: str, text: str) -> str:
    # Compressed, then encrypted: a plan's JSON repeats its tables' column names and strategies and shrinks about
    # ninefold (20 kB to 2 kB), so PostgreSQL writes that much less out of line (TOAST) and into its WAL.
    key = keys.data_key_for_scope(scope=run.reference)
    return keys.encrypt_token(zlib.compress(text.encode(), 1), key=key, aad=_aad(run, field))


def _open(run: ErasureRun, field: str, token: str) -> str:
    plain = keys.decrypt_token(token, aad=_aad(run, field))
    if plain.startswith(b"{"):  # sealed before compression: the JSON object itself (a zlib stream starts with 0x78)
        return plain.decode()
    return zlib.decompress(plain).decode()


def _aad(run: ErasureRun, field: str) -> bytes:
    return f"{run.reference}:erasure:{field}".encode()
