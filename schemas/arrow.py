"""Arrow schemas derived from schemas.fields, for batch loading into DuckDB (never row by row).

A batch becomes Arrow columns in one call over the whole batch (`pyarrow.Table.from_pylist`, or
`from_pandas` for a frame already built), never by a Python loop over its values; dates given
as ISO strings are cast as a column, float NaN becomes null and a null list becomes an empty
one, column by column in Arrow's compute kernels."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

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
    """The table's Arrow schema: one field per `Field`, typed by `ARROW_TYPES`."""
    return pa.schema([pa.field(f.name, ARROW_TYPES[f.type], nullable=f.nullable or f.primary_key) for f in fields])


def _read_schema(fields: tuple[Field, ...]) -> pa.Schema:
    """The schema a batch is read in: dates as the ISO strings the records carry (cast after)."""
    return pa.schema([pa.field(f.name, pa.string() if f.type == "date" else ARROW_TYPES[f.type]) for f in fields])


def _cell(field: Field, value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return [] if field.type == "str_list" else None
    if field.type == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if field.type == "str_list":
        return list(value)
    return value


def _normalized(table: pa.Table, fields: tuple[Field, ...]) -> pa.Table:
    """`table` in the schema of `fields`: ISO-string dates cast to dates, NaN to null in float
    columns, null lists to empty ones; each a vectorized kernel over the column."""
    columns = []
    for f in fields:
        column = table.column(f.name)
        if f.type == "date" and column.type != pa.date32():
            column = pc.cast(column, pa.date32())
        elif f.type == "float" and column.null_count < len(column) and pc.any(pc.is_nan(column)).as_py():
            column = pc.if_else(pc.is_nan(column), pa.scalar(None, pa.float64()), column)
        elif f.type == "str_list" and column.null_count:
            column = pc.fill_null(column, pa.scalar([], ARROW_TYPES["str_list"]))
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=arrow_schema(fields))


def to_arrow(rows: list[dict], fields: tuple[Field, ...]) -> pa.Table:
    """The rows (dicts by field name; a missing key is null) as an Arrow table in the schema of
    `fields`, built over the whole batch at once. Rows whose values Arrow does not take as typed
    (dates as `date` objects, a NaN in a text field) are converted value by value as before, with
    the same result."""
    try:
        table = pa.Table.from_pylist(rows, schema=_read_schema(fields))
    except (pa.ArrowTypeError, pa.ArrowInvalid, TypeError, ValueError):
        columns = {f.name: [_cell(f, row.get(f.name)) for row in rows] for f in fields}
        return pa.table(columns, schema=arrow_schema(fields))
    return _normalized(table, fields)


def frame_to_arrow(frame, fields: tuple[Field, ...]) -> pa.Table:
    """A pandas frame holding (at least) the columns of `fields` as an Arrow table in their
    schema, converted column by column by Arrow (`from_pandas`; NaN in object columns is null),
    without a Python loop over the values. Dates may be ISO strings or null; a column Arrow does
    not take as typed (`date` objects) is converted value by value as `to_arrow` does."""
    names = [f.name for f in fields]
    try:
        table = pa.Table.from_pandas(frame[names], schema=_read_schema(fields), preserve_index=False)
    except (pa.ArrowTypeError, pa.ArrowInvalid, TypeError, ValueError):
        return to_arrow(frame[names].to_dict("records"), fields)
    return _normalized(table, fields)
