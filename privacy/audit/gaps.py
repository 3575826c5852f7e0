"""Event ids the sealer has not seen yet below the highest one it has read; pure functions, no database.

Event ids come from a sequence when the row is inserted, so a transaction that commits late
leaves a hole below ids the sealer has already read: its events appear there later. A rolled
back transaction leaves a hole that never fills. The sealer keeps the holes as gaps, ranges
[first, last, seen] (seen: epoch seconds when it first missed them), looks into them again on
every run, and forgets a gap after GAP_PATIENCE_SECONDS; a transaction open longer than that
has its events sealed by the full sweep that verification runs (see docs/audit.md).
"""

GAP_PATIENCE_SECONDS = 3600
MAX_GAPS = 1000

Gap = list  # [first id, last id, seen at (epoch seconds)], JSON-friendly


def gaps_between(*, after: int, through: int, present: list[int], seen: int) -> list[Gap]:
    """Return the ranges of ids in (after, through] that are not in present (sorted ascending)."""
    return [[first, last, seen] for first, last in _ranges_without(after + 1, through, present)]


def gaps_without(gaps: list[Gap], *, present: list[int], through: int | None = None) -> list[Gap]:
    """Return gaps with the ids of present (sorted ascending) taken out, where every id of a gap up to
    through (all of them when None) has been looked at: the parts above through stay as they were."""
    left = []
    for first, last, seen in gaps:
        cut = last if through is None else min(last, through)
        if first <= cut:
            inside = [number for number in present if first <= number <= cut]
            left.extend([a, b, seen] for a, b in _ranges_without(first, cut, inside))
        if last > cut:
            left.append([max(first, cut + 1), last, seen])
    return left


def gaps_current(gaps: list[Gap], *, now: int) -> tuple[list[Gap], int]:
    """Return the gaps seen within GAP_PATIENCE_SECONDS, at most MAX_GAPS of them (the newest), and how
    many ranges were dropped beyond the expired ones because of that limit."""
    fresh = [gap for gap in gaps if gap[2] > now - GAP_PATIENCE_SECONDS]
    if len(fresh) <= MAX_GAPS:
        return fresh, 0
    kept = sorted(fresh, key=lambda gap: (gap[2], gap[1]))[-MAX_GAPS:]
    return sorted(kept), len(fresh) - MAX_GAPS


def _ranges_without(first: int, last: int, present: list[int]):
    start = first
    for number in present:
        if number > start:
            yield start, min(number - 1, last)
        start = max(start, number + 1)
        if start > last:
            return
    if start <= last:
        yield start, last
