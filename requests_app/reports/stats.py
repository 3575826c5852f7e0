"""The two averages the reports print, on plain numbers (days)."""


def median(values) -> float | None:
    """Return the middle value (the mean of the two middle ones for an even count), None when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)
