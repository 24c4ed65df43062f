"""Arrow schemas derived from schemas.fields, for batch loading into DuckDB (never row by row)."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from schemas.fields import Field

ARROW_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "str_list": pa.list_(pa.string()),
}


def arrow_schema(fields: tuple[Field, ...]) -> pa.Schema:
    return pa.schema([pa.field(f.name, ARROW_TYPES[f.type], nullable=f.nullable or f.primary_key) for f in fields])


def _cell(field: Field, value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return [] if field.type == "str_list" else None
    if field.type == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if field.type == "str_list":
        return list(value)
    return value


def to_arrow(rows: list[dict], fields: tuple[Field, ...]) -> pa.Table:
    columns = {f.name: [_cell(f, row.get(f.name)) for row in rows] for f in fields}
    return pa.table(columns, schema=arrow_schema(fields))
