"""Primary keys in set-based statements: `WHERE pk IN (...)` for one or several key columns, in chunks."""

from collections.abc import Callable, Iterable, Iterator

CHUNK = 500


def pk_where(quote: Callable[[str], str], pk_columns: tuple[str, ...], keys: list) -> tuple[str, list]:
    """Return the WHERE fragment matching keys (scalars, or tuples for a composite key) and its parameters."""
    if len(pk_columns) == 1:
        return f"{quote(pk_columns[0])} IN ({', '.join(['%s'] * len(keys))})", list(keys)
    row = "(" + ", ".join(["%s"] * len(pk_columns)) + ")"
    names = "(" + ", ".join(quote(name) for name in pk_columns) + ")"
    return f"{names} IN ({', '.join([row] * len(keys))})", [part for key in keys for part in key]


def chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    ordered = list(values)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]
