"""Record ids typed by a person (the admin's search box, a filter in the address bar)."""

from django.db import connections, router
from django.db.models import Field


def id_parse(text: str, *, field: Field) -> int | None:
    """Return text as a value of the integer column field, or None unless it is ASCII digits within its range.

    str.isdigit() alone lets through '²' (int() refuses it) and '٣' (int() reads 3, which nobody typed as an id);
    a number beyond the column would be sent to the database, and int() refuses more than 4300 digits.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    low, high = connections[router.db_for_read(field.model)].ops.integer_field_range(field.get_internal_type())
    if len(text.lstrip("0")) > len(str(high)):
        return None
    value = int(text)
    return value if low <= value <= high else None
