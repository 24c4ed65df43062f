"""DuckDB DDL derived from schemas.fields: the tables cannot drift from the pandera models."""

from __future__ import annotations

from schemas.fields import DUCKDB_TYPES, TABLES, Field


def column_sql(field: Field) -> str:
    parts = [f'"{field.name}"', DUCKDB_TYPES[field.type]]
    if field.primary_key:
        parts.append("PRIMARY KEY")
    elif not field.nullable:
        parts.append("NOT NULL")
    return " ".join(parts)


def create_table_sql(table: str) -> str:
    columns = ",\n  ".join(column_sql(f) for f in TABLES[table])
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
