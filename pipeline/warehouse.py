"""Loading the DuckDB warehouse: tables from the schema DDL, batches through Arrow, one
transaction per batch, idempotent by document and figure id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb

from schemas.arrow import to_arrow
from schemas.ddl import all_tables_sql, missing_columns_sql
from schemas.fields import TABLES, names


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, and add the columns a warehouse written by an older humstat lacks."""
    for statement in all_tables_sql():
        con.execute(statement)
    for table in TABLES:
        existing = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        for statement in missing_columns_sql(table, existing):
            con.execute(statement)


def known_documents(con: duckdb.DuckDBPyConnection) -> set[str]:
    """doc_ids already loaded, so an unchanged file is not extracted again."""
    ensure_tables(con)
    return {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}


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


def inbox_stamps(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Size and modification time of every inbox file when the warehouse last read it."""
    ensure_tables(con)
    return {path: (size, modified) for path, size, modified in
            con.execute("SELECT path, size_bytes, modified_ns FROM inbox_files").fetchall()}


def load_documents(
    con: duckdb.DuckDBPyConnection,
    documents: list[dict],
    rejections: list[dict],
    scanned_paths: list[str],
    inbox_files: Iterable[dict] = (),
) -> None:
    """New documents by doc_id (a known text keeps the time it was first read); an earlier
    version of a file that changed is marked superseded, never deleted. The rejections of this
    scan replace earlier ones for the same paths; the files' stamps are recorded in the same
    transaction, so a file counts as read only once its document is loaded."""
    known = known_documents(con)  # creates the tables if need be
    new = [d for d in documents if d["doc_id"] not in known]
    con.execute("BEGIN TRANSACTION")
    try:
        _delete_where_in(con, "rejected_documents", "path", scanned_paths)
        _insert(con, "documents", new)
        _insert(con, "rejected_documents", rejections)
        _insert(con, "inbox_files", list(inbox_files))
        con.execute(
            """UPDATE documents AS old SET superseded_by = latest.doc_id
               FROM (SELECT path, doc_id FROM documents
                     QUALIFY row_number() OVER (PARTITION BY path ORDER BY ingested_at DESC, doc_id) = 1) AS latest
               WHERE old.path = latest.path AND old.doc_id <> latest.doc_id
                 AND old.superseded_by IS DISTINCT FROM latest.doc_id"""
        )
        con.execute("UPDATE documents SET superseded_by = NULL WHERE superseded_by = doc_id")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


@dataclass(frozen=True)
class FigureChanges:
    """What a re-extraction changed, by figure_id: new spans, spans gone, spans read differently."""

    added: int
    removed: int
    changed: int


COMPARED_FIELDS = ("kind", "value", "low", "high", "qualifier", "metric", "population", "country",
                   "period_start", "period_end", "comparison_start", "comparison_end", "attributed_to")


def load_figures(con: duckdb.DuckDBPyConnection, figures: list[dict], rejected: list[dict], doc_ids: list[str]) -> FigureChanges:
    """Replace the figures of the given documents with this extraction, in one transaction,
    and say what changed against the figures they had."""
    ensure_tables(con)
    columns = ", ".join(f'CAST("{c}" AS VARCHAR)' for c in COMPARED_FIELDS)
    before = {
        row[0]: row[1:]
        for row in con.execute(
            f"SELECT figure_id, {columns} FROM figures WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(doc_ids))]
        ).fetchall()
    }
    after = {r["figure_id"]: tuple(None if r.get(c) is None else str(r[c]) for c in COMPARED_FIELDS) for r in figures}
    changes = FigureChanges(
        added=len(after.keys() - before.keys()),
        removed=len(before.keys() - after.keys()),
        changed=sum(1 for k in after.keys() & before.keys() if not _same(after[k], before[k])),
    )
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
    return changes


def _same(a: tuple, b: tuple) -> bool:
    def norm(v: str | None) -> object:
        try:
            return float(v) if v is not None else None
        except ValueError:
            return v

    return [norm(x) for x in a] == [norm(x) for x in b]


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
