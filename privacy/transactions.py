"""Transaction helpers shared by the core modules."""

from django.db import transaction


def on_commit_once(callback, *, robust: bool = False) -> None:
    """Run callback when the current transaction commits, unless an equal callback is already due."""
    connection = transaction.get_connection()
    if all(registered != callback for _, registered, _ in connection.run_on_commit):
        transaction.on_commit(callback, robust=robust)
