"""What the shop database really looks like: its tables and each column's kind, length and nullability.

Read from the live database (not from our schema copy) so that strategies respect the shop's
own column sizes, whatever Magento version or extension created them.
"""

import re

from privacy.sources.strategies import Column

KIND_BY_TYPE = {
    **dict.fromkeys(("char", "varchar", "text", "tinytext", "mediumtext", "longtext", "json", "enum", "clob"), "text"),
    **dict.fromkeys(("tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year"), "integer"),
    **dict.fromkeys(("decimal", "numeric", "float", "double", "real"), "decimal"),
    "date": "date",
    **dict.fromkeys(("datetime", "timestamp"), "datetime"),
    **dict.fromkeys(("blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary"), "blob"),
}
TYPE_PATTERN = re.compile(r"^\s*(\w+)\s*(?:\(\s*(\d+)[^)]*\))?", re.I)


def _column(name: str, declared: str, nullable: bool, max_length: int | None = None) -> Column:
    match = TYPE_PATTERN.match(declared or "")
    base = match.group(1).lower() if match else ""
    kind = KIND_BY_TYPE.get(base, "text")
    if max_length is None and base in ("char", "varchar") and match.group(2):
        max_length = int(match.group(2))
    return Column(name=name, kind=kind, max_length=max_length if base in ("char", "varchar") else None, nullable=nullable)


def table_columns(connection, table: str) -> dict[str, Column]:
    """Return {column name: Column} for table, or {} when the table does not exist."""
    with connection.cursor() as cursor:
        if connection.vendor == "mysql":
            cursor.execute(
                "SELECT column_name, column_type, is_nullable, character_maximum_length FROM information_schema.columns "
                "WHERE table_schema = DATABASE() AND table_name = %s",
                [table],
            )
            return {name: _column(name, declared, nullable == "YES", length) for name, declared, nullable, length in cursor}
        cursor.execute(f"PRAGMA table_info({connection.ops.quote_name(table)})")
        return {name: _column(name, declared, not notnull) for _cid, name, declared, notnull, _default, _pk in cursor}
