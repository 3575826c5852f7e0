"""`privacy erase`: preview or carry out the erasure of one subject from the shell.

A real run needs --yes: it is the operator's own decision, outside a privacy request (a request
is erased by approving it: `privacy process ID --approve`). A stopped run is resumed with
--resume REFERENCE, which skips the steps it finished.
"""

from django.core.management import CommandError

from privacy.audit.actors import Actor
from privacy.sources.amazon_pay import AmazonPayNotConfigured
from privacy.sources.base import SubjectLookupError
from privacy.sources.erasure.amazon import AmazonPayStepFailed
from privacy.sources.erasure.execute import (
    ErasureBlocked,
    ErasureResidue,
    erasure_plan_prepare,
    erasure_run,
    erasure_run_complete,
    manual_reference,
)
from privacy.sources.erasure.plan import PlanError
from privacy.sources.erasure.receipt import plan_preview
from requests_app.cli.output import emit

HELP = (
    "Erase one subject (found by e-mail, customer id, Amazon buyer id, or order number with e-mail): --dry-run prints "
    "the plan (rows per table, strategies, holds) and changes nothing; a real run needs --yes. Use it for erasures "
    "outside a privacy request; requests are erased by `privacy process ID --approve`."
)
CLI = Actor.system("cli erase")


def add_arguments(parser) -> None:
    parser.add_argument("--email", help="The subject's e-mail address.")
    parser.add_argument("--customer-id", type=int, help="The subject's Magento customer id.")
    parser.add_argument("--amazon-buyer-id", help="The subject's Amazon buyer id (amzn1.account.…).")
    parser.add_argument("--order", dest="order_increment_id", help="An order number, together with --email.")
    parser.add_argument("--jurisdiction", choices=("de", "fr", "us"), help="Statutory periods to hold under (default: RETENTION_JURISDICTION).")
    parser.add_argument("--dry-run", action="store_true", help="Print the plan and change nothing.")
    parser.add_argument("--yes", action="store_true", help="Carry out the erasure (required for a real run).")
    parser.add_argument("--deep", action="store_true", help="Afterwards scan every text column of the whole shop database.")
    parser.add_argument("--resume", metavar="REFERENCE", help="Resume a stopped run, e.g. manual:3f2a….")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")


def run(options: dict, stdout) -> None:
    identity = {name: options[name] for name in ("email", "customer_id", "amazon_buyer_id", "order_increment_id") if options[name]}
    if not identity and not options["resume"]:
        raise CommandError("Name the subject: --email, --customer-id or --amazon-buyer-id (or --resume REFERENCE).")
    if options["dry_run"]:
        preview = _guarded(lambda: plan_preview(erasure_plan_prepare(identity=identity, jurisdiction=options["jurisdiction"])))
        emit(stdout, preview, as_json=options["json"], lines=_preview_lines(preview))
        return
    if not options["yes"]:
        raise CommandError("A real erasure needs --yes (or preview it first with --dry-run).")
    reference = options["resume"] or manual_reference()
    erasure = _guarded(lambda: erasure_run(reference=reference, identity=identity or None, actor=CLI,
                                           jurisdiction=options["jurisdiction"], deep=options["deep"]))  # fmt: skip
    _guarded(lambda: erasure_run_complete(run=erasure, actor=CLI))
    data = {"reference": erasure.reference, "step": erasure.step, "counts": erasure.counts, "holds": erasure.holds,
            "amazon_pay": erasure.amazon, "scan": erasure.scan, "receipt": erasure.receipt}  # fmt: skip
    emit(stdout, data, as_json=options["json"], lines=_run_lines(data))


def _guarded(action):
    try:
        return action()
    except (SubjectLookupError, PlanError, AmazonPayNotConfigured, ErasureBlocked, ErasureResidue) as error:
        raise CommandError(str(error)) from None
    except AmazonPayStepFailed as error:
        raise CommandError(f"{error.reason}. Nothing in the shop was changed; run again with --resume once Amazon Pay answers.") from None


def _preview_lines(preview: dict) -> list[str]:
    totals = preview["totals"]
    lines = [
        f"Subject: {preview['subject']['customer_accounts']} account(s), {preview['subject']['orders']} order(s); "
        f"statutory periods of {preview['jurisdiction']}",
        f"Rows: {totals.get('delete', 0)} deleted, {totals.get('anonymize', 0)} anonymized, {totals.get('held', 0)} held",
    ]
    lines += [f"  {t['table']}: {t['action']} (delete {t['delete']}, anonymize {t['anonymize']}, held {t['held']})" for t in preview["tables"]]
    lines += [f"Hold: {h['rows']} {h['document_class']} row(s) until {h['until']} ({h['years']} years, {h['jurisdiction']})" for h in preview["holds"]]
    lines.append(f"Amazon Pay: {preview['amazon_pay']['charge_permissions_to_close']} charge permission(s) to close")
    if preview["blocked"]:
        lines.append("BLOCKED: " + ", ".join(f"{block['count']} {block['reason']}" for block in preview["blocks"]))
    return lines


def _run_lines(data: dict) -> list[str]:
    deleted = sum(counts.get("deleted", 0) for counts in data["counts"].values())
    return [
        f"Erasure {data['reference']}: {data['step']}; {deleted} row(s) deleted, {data['holds']} row(s) held",
        f"Residual scan ({data['scan'].get('mode')}): {data['scan'].get('rows_checked', 0)} rows checked, "
        f"{data['scan'].get('residues', 0)} residue(s)",
    ]
