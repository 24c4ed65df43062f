"""DuckDB DDL derived from schemas.fields: the tables cannot drift from the pandera models."""

from __future__ import annotations

from schemas.fields import DUCKDB_TYPES, TABLES, Field

# Tables whose key the loader checks with an anti-join against the batch instead of a PRIMARY
# KEY index: on figures the index made a batch's insert 6 to 14 times slower (measured in
# docs/performance.md), and every figure_id is derived from its doc_id, whose rows a load
# replaces whole.
CHECKED_KEYS = frozenset({"figures"})


def column_sql(field: Field, indexed: bool = True) -> str:
    """The column's DDL: its type, and PRIMARY KEY for a key (NOT NULL only when the key is not
    `indexed`), NOT NULL for a field that is not nullable."""
    parts = [f'"{field.name}"', DUCKDB_TYPES[field.type]]
    if field.primary_key and indexed:
        parts.append("PRIMARY KEY")
    elif not field.nullable:
        parts.append("NOT NULL")
    return " ".join(parts)


def create_table_sql(table: str) -> str:
    columns = ",\n  ".join(column_sql(f, table not in CHECKED_KEYS) for f in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  {columns}\n)"


def all_tables_sql() -> list[str]:
    return [create_table_sql(table) for table in TABLES]


def missing_columns_sql(table: str, existing: list[str]) -> list[str]:
    """ALTER statements adding the fields a warehouse from an older humstat lacks (nullable)."""
    return [
        f'ALTER TABLE {table} ADD COLUMN "{f.name}" {DUCKDB_TYPES[f.type]}'
        for f in TABLES[table]
        if f.name not in existing
    ]
