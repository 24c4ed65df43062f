"""Loading the DuckDB warehouse: tables from the schema DDL, batches through Arrow, one
transaction per batch (documents, figures, rejections and inbox stamps together), idempotent by
document and figure id."""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from schemas.arrow import to_arrow
from schemas.ddl import all_tables_sql, missing_columns_sql
from schemas.fields import TABLES, names


def lock_wait_seconds() -> float:
    """How long a run waits for another process to let go of the warehouse
    (HUMSTAT_LOCK_WAIT, seconds, default 300)."""
    return max(0.0, float(os.environ.get("HUMSTAT_LOCK_WAIT", "300")))


class WarehouseBusy(RuntimeError):
    """The warehouse stayed held by another process for longer than the run would wait."""


_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def lock_holder(err: duckdb.Error) -> str | None:
    """The process DuckDB names as holding the file ("PID 4242, /usr/bin/duckdb"), or None when
    the error is not a lock conflict or names no process."""
    found = _HOLDER.search(str(err))
    return f"PID {found['pid']}, {found['program']}" if found else None


def is_lock_conflict(err: BaseException) -> bool:
    """Whether a DuckDB error says another process holds the file's lock."""
    return isinstance(err, duckdb.IOException) and "lock" in str(err).lower()


def connect_writer(
    database: str | os.PathLike,
    config: dict | None = None,
    wait_seconds: float | None = None,
    on_wait: Callable[[str], None] = lambda message: None,
) -> duckdb.DuckDBPyConnection:
    """A read-write connection to the warehouse. DuckDB lets one process write a file, and a
    reader in another process blocks it: while another process holds the file, wait for it
    (`wait_seconds`, default `lock_wait_seconds()`), telling `on_wait` once what is waited for,
    which process DuckDB names and for how long, then each further minute. Raises
    `WarehouseBusy` when the time is up, and any other DuckDB error at once."""
    wait_seconds = lock_wait_seconds() if wait_seconds is None else wait_seconds
    started = time.monotonic()
    told_at: float | None = None
    while True:
        try:
            return duckdb.connect(str(database), read_only=False, config=dict(config or {}))
        except duckdb.Error as err:
            if not is_lock_conflict(err):
                raise
            holder = lock_holder(err) or "a process DuckDB does not name"
            waited = time.monotonic() - started
            if waited >= wait_seconds:
                raise WarehouseBusy(
                    f"{database} is held by another process ({holder}) and was still held after {waited:.0f} s; "
                    "close it (a DuckDB shell or notebook on the live warehouse? query the snapshot instead) "
                    "and run again, or wait longer with HUMSTAT_LOCK_WAIT"
                ) from err
            if told_at is None or waited - told_at >= 60:
                on_wait(f"the warehouse {database} is held by another process ({holder}); waited {waited:.0f} s, "
                        f"waiting up to {wait_seconds:.0f} s (HUMSTAT_LOCK_WAIT) for it to let go")
                told_at = waited
            time.sleep(min(1.0, max(0.05, wait_seconds - waited)))


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


def inbox_stamps(con: duckdb.DuckDBPyConnection, create: bool = True) -> dict[str, tuple[int, int]]:
    """Size and modification time of every inbox file when the warehouse last read it, by path.
    With `create` the tables are made first (a new warehouse); without it (a read-only
    connection) a warehouse with no `inbox_files` yet has read nothing."""
    if create:
        ensure_tables(con)
    try:
        rows = con.execute("SELECT path, size_bytes, modified_ns FROM inbox_files").fetchall()
    except duckdb.CatalogException:
        return {}
    return {path: (size, modified) for path, size, modified in rows}


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One DuckDB transaction: committed when the block ends, rolled back on any error or
    interrupt. A process killed inside it leaves nothing of it: DuckDB writes its log at commit."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # a connection already broken: the first error is the one to see
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _write_documents(
    con: duckdb.DuckDBPyConnection,
    documents: list[dict],
    rejections: list[dict],
    scanned_paths: list[str],
    inbox_files: Iterable[dict],
) -> None:
    # only the batch's own ids are looked up: the cost follows the batch, not the archive
    known = {row[0] for row in con.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({d["doc_id"] for d in documents})]).fetchall()}
    new = [d for d in documents if d["doc_id"] not in known]
    _delete_where_in(con, "rejected_documents", "path", scanned_paths)
    parts = sorted(set(scanned_paths))  # the rejected parts of a file (file.json#id) go with it
    if parts:
        con.execute(
            "DELETE FROM rejected_documents WHERE contains(path, '#') "
            "AND regexp_replace(path, '#[^#]*$', '') IN (SELECT unnest(?::VARCHAR[]))", [parts]
        )
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
    transaction. A run loads documents and figures together with `load_batch`."""
    ensure_tables(con)
    with transaction(con):
        _write_documents(con, documents, rejections, scanned_paths, inbox_files)


@dataclass(frozen=True)
class FigureChanges:
    """What a re-extraction changed, by figure_id: new spans, spans gone, spans read differently."""

    added: int
    removed: int
    changed: int


COMPARED_FIELDS = ("kind", "value", "low", "high", "qualifier", "metric", "population", "country",
                   "period_start", "period_end", "comparison_start", "comparison_end", "attributed_to")


def _write_figures(con: duckdb.DuckDBPyConnection, figures: list[dict], rejected: list[dict], doc_ids: list[str]) -> FigureChanges:
    columns = ", ".join(f'CAST("{c}" AS VARCHAR)' for c in COMPARED_FIELDS)
    before = {
        row[0]: row[1:]
        for row in con.execute(
            f"SELECT figure_id, {columns} FROM figures WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(doc_ids))]
        ).fetchall()
    }
    after = {r["figure_id"]: tuple(None if r.get(c) is None else str(r[c]) for c in COMPARED_FIELDS) for r in figures}
    _delete_where_in(con, "figures", "doc_id", doc_ids)
    _delete_where_in(con, "rejected_figures", "doc_id", doc_ids)
    _insert(con, "figures", figures)
    _insert(con, "rejected_figures", rejected)
    return FigureChanges(
        added=len(after.keys() - before.keys()),
        removed=len(before.keys() - after.keys()),
        changed=sum(1 for k in after.keys() & before.keys() if not _same(after[k], before[k])),
    )


def load_figures(con: duckdb.DuckDBPyConnection, figures: list[dict], rejected: list[dict], doc_ids: list[str]) -> FigureChanges:
    """Replace the figures of the given documents with this extraction, in one transaction,
    and say what changed against the figures they had."""
    ensure_tables(con)
    with transaction(con):
        return _write_figures(con, figures, rejected, doc_ids)


@dataclass(frozen=True)
class BatchRows:
    """Everything one batch of inbox files adds to the warehouse, as table rows.

    `documents`, `rejections` (rejected_documents), `scanned_paths` (the inbox paths the batch
    read, whose older rejections it replaces), `inbox_files` (each file's stamp as read),
    `figures` and `rejected_figures`, and `extracted_doc_ids`, the documents whose figures
    these are (their earlier figures are replaced)."""

    documents: list[dict]
    rejections: list[dict]
    scanned_paths: list[str]
    inbox_files: list[dict]
    figures: list[dict]
    rejected_figures: list[dict]
    extracted_doc_ids: list[str]


def load_batch(con: duckdb.DuckDBPyConnection, batch: BatchRows) -> FigureChanges:
    """Load a batch whole, in one transaction: its documents, rejections, figures, rejected
    figures and the inbox stamps that mark its files as read. A run stopped at any moment
    leaves either all of it or none of it, so a file is never counted as read without its
    figures, and the next run reads again exactly what is missing. Returns what the
    re-extraction changed (see `FigureChanges`)."""
    ensure_tables(con)
    with transaction(con):
        _write_documents(con, batch.documents, batch.rejections, batch.scanned_paths, batch.inbox_files)
        return _write_figures(con, batch.figures, batch.rejected_figures, batch.extracted_doc_ids)


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
    with transaction(con):
        con.execute("DELETE FROM reference_figures")
        _insert(con, "reference_figures", rows)


def count_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def preview_markdown(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> str:
    frame = con.execute(f"SELECT * FROM ({query}) LIMIT {int(limit)}").df()
    return frame.to_markdown(index=False) if len(frame) else "_no rows_"
