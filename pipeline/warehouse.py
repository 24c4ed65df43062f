"""Loading the DuckDB warehouse: tables from the schema DDL, batches through Arrow, one
transaction per batch, idempotent by document and figure id."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from schemas.arrow import to_arrow
from schemas.ddl import all_tables_sql
from schemas.fields import TABLES, names


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in all_tables_sql():
        con.execute(statement)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    batch = to_arrow(rows, TABLES[table])  # noqa: F841 - read by name in the SQL below
    columns = ", ".join(f'"{c}"' for c in names(TABLES[table]))
    keyed = any(f.primary_key for f in TABLES[table])
    verb = "INSERT OR REPLACE" if keyed else "INSERT"
    con.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM batch")


def _delete_where_in(con: duckdb.DuckDBPyConnection, table: str, column: str, values: Iterable[str]) -> None:
    values = sorted(set(values))
    if values:
        con.execute(f'DELETE FROM {table} WHERE "{column}" IN (SELECT unnest(?::VARCHAR[]))', [values])


def load_documents(con: duckdb.DuckDBPyConnection, documents: list[dict], rejections: list[dict], scanned_paths: list[str]) -> None:
    """Documents by doc_id; the rejections of this scan replace earlier ones for the same paths."""
    ensure_tables(con)
    con.execute("BEGIN TRANSACTION")
    try:
        _delete_where_in(con, "rejected_documents", "path", scanned_paths)
        _insert(con, "documents", documents)
        _insert(con, "rejected_documents", rejections)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def load_figures(con: duckdb.DuckDBPyConnection, figures: list[dict], rejected: list[dict], doc_ids: list[str]) -> None:
    """Replace the figures of the given documents with this extraction, in one transaction."""
    ensure_tables(con)
    con.execute("BEGIN TRANSACTION")
    try:
        _delete_where_in(con, "figures", "doc_id", doc_ids)
        _delete_where_in(con, "rejected_figures", "doc_id", doc_ids)
        _insert(con, "figures", figures)
        _insert(con, "rejected_figures", rejected)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def load_reference(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Reference series are reloaded whole: the folder is the source of truth."""
    ensure_tables(con)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM reference_figures")
        _insert(con, "reference_figures", rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def count_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def preview_markdown(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> str:
    frame = con.execute(f"SELECT * FROM ({query}) LIMIT {int(limit)}").df()
    return frame.to_markdown(index=False) if len(frame) else "_no rows_"
