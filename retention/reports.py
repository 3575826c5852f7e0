"""How runs, policies and the Art. 30 record read on a terminal or as JSON."""

import sys

from tqdm import tqdm

from retention.models import RetentionPolicy, RetentionRun
from retention.selectors import age_rule_text, last_run


def run_result(run: RetentionRun) -> dict:
    return {
        "policy": run.policy.name,
        "run": run.pk,
        "state": run.state,
        "dry_run": run.dry_run,
        "batches": run.batches,
        **run.totals(),
        "tables": {table: _rounded(counts) for table, counts in run.tables.items()},
        "duration_seconds": round(run.duration_seconds, 3),
        "errors": [entry["message"] for entry in run.errors],
    }


def _rounded(counts: dict) -> dict:
    return {name: round(value, 3) if isinstance(value, float) else value for name, value in counts.items()}


def run_line(result: dict) -> str:
    if "message" in result:
        return f"{result['policy']}: {result['message']}"
    verb = "would change" if result["dry_run"] else "changed"
    key = "due" if result["dry_run"] else "changed"
    tables = ", ".join(
        f"{table} {counts.get(key, 0)}" for table, counts in result["tables"].items() if counts.get(key)
    ) or "nothing"
    line = f"{result['policy']}: {result['state']} in {result['duration_seconds']:.1f} s, {result['batches']} batches, {verb}: {tables}"
    return line + (f" (last note: {result['errors'][-1]})" if result["errors"] else "")


def policy_line(policy: RetentionPolicy) -> str:
    run = last_run(policy=policy)
    last = f"last run {run.pk} {run.state} {run.created_at:%Y-%m-%d %H:%M}" if run else "never run"
    switch = "on " if policy.enabled else "off"
    return f"{switch} {policy.name:32} {policy.action:9} {policy.schedule:14} {last}; {age_rule_text(policy)}"


def record_text(entries: list[dict]) -> str:
    blocks = ["Time limits for erasure (Art. 30(1)(f) GDPR), one entry per retention policy\n"]
    for entry in entries:
        blocks.append(
            f"{entry['policy']} ({'enabled' if entry['enabled'] else 'disabled'})\n"
            f"  Data category: {entry['data_category']}\n"
            f"  Tables:        {', '.join(entry['tables'])}\n"
            f"  Time limit:    {entry['age_rule']}\n"
            f"  Action:        {entry['action']}\n"
            f"  Legal basis:   {entry['legal_basis']}\n"
            f"  Runs:          cron {entry['schedule']}\n"
        )
    return "\n".join(blocks)


class ProgressBar:
    """One tqdm bar on stderr per table walk; positions are primary keys, so the bar shows key-space progress."""

    def __init__(self, policy: str):
        self.policy, self.walk, self.bar = policy, None, None

    def update(self, progress) -> None:
        if progress.walk != self.walk:
            self.close()
            self.walk = progress.walk
            self.bar = tqdm(total=progress.end, desc=f"{self.policy} {progress.walk}", unit="id", file=sys.stderr)
        self.bar.n = progress.last_pk
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
