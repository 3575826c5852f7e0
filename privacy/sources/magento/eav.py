"""Where Magento keeps a customer or address attribute: a column of the entity table, or an EAV value table.

Magento's own attributes (firstname, email, telephone, ...) are `static`: columns of
customer_entity / customer_address_entity. A merchant's attribute, or one an extension moved,
lives in `<entity table>_<backend type>` with one row per (entity, attribute). Readers and writers
go through `attribute_storage` so a correction lands wherever the shop keeps the value.
"""

from dataclasses import dataclass

from django.db import connections

from privacy.sources.magento.models import EavAttribute

ENTITY_TABLES = {"customer": "customer_entity", "customer_address": "customer_address_entity"}
VALUE_TYPES = frozenset({"varchar", "int", "text", "datetime", "decimal"})


@dataclass(frozen=True)
class Storage:
    entity_table: str
    column: str  # the attribute code: the entity table's column when static
    value_table: str | None = None  # set for EAV attributes
    attribute_id: int | None = None

    @property
    def static(self) -> bool:
        return self.value_table is None


def attribute_storage(*, entity_type: str, code: str, using: str) -> Storage:
    """Return where entity_type's attribute code is stored (static when the shop does not declare it otherwise)."""
    entity_table = ENTITY_TABLES[entity_type]
    row = (EavAttribute.objects.using(using).filter(entity_type__entity_type_code=entity_type, attribute_code=code)
           .values("attribute_id", "backend_type").first())
    if row is None or row["backend_type"] not in VALUE_TYPES:
        return Storage(entity_table, code)
    return Storage(entity_table, code, f"{entity_table}_{row['backend_type']}", row["attribute_id"])


def eav_values_read(storage: Storage, entity_ids, *, using: str) -> dict[int, object]:
    """Return {entity_id: value} of an EAV attribute for entity_ids (missing rows are left out)."""
    ids = list(entity_ids)
    if not ids:
        return {}
    quote = connections[using].ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT entity_id, value FROM {quote(storage.value_table)}"
                       f" WHERE attribute_id = %s AND entity_id IN ({marks})", [storage.attribute_id, *ids])
        return dict(cursor.fetchall())


def eav_values_write(storage: Storage, values: dict[int, object], *, using: str) -> int:
    """Set the attribute's value for each entity (update the row, or insert it); return rows written."""
    quote = connections[using].ops.quote_name
    table, written = quote(storage.value_table), 0
    with connections[using].cursor() as cursor:
        for entity_id, value in values.items():
            cursor.execute(f"UPDATE {table} SET value = %s WHERE attribute_id = %s AND entity_id = %s",
                           [value, storage.attribute_id, entity_id])
            if cursor.rowcount == 0:
                cursor.execute(f"INSERT INTO {table} (attribute_id, entity_id, value) VALUES (%s, %s, %s)",
                               [storage.attribute_id, entity_id, value])
            written += 1
    return written
