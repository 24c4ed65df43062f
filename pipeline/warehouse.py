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
import pyarrow as pa

from schemas.arrow import to_arrow
from schemas.ddl import CHECKED_KEYS, all_tables_sql, missing_columns_sql
from schemas.fields import FIGURE_FIELDS, TABLES, names


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


def _has_primary_key(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_constraints() WHERE table_name = ? AND constraint_type = 'PRIMARY KEY' "
        "AND schema_name = current_schema()", [table]).fetchall()[0][0])


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict] | pa.Table) -> None:
    """Insert a batch (dicts, or Arrow columns in the table's schema) in one statement. A key
    held as PRIMARY KEY replaces the row it names (INSERT OR REPLACE); a key the loader checks
    (schemas.ddl.CHECKED_KEYS) gets the same result by an anti-join: the first row of a key
    repeated in the batch is kept, and a stored row under a key of the batch is deleted first."""
    batch = rows if isinstance(rows, pa.Table) else to_arrow(rows, TABLES[table])
    if not batch.num_rows:
        return
    columns = ", ".join(f'"{c}"' for c in names(TABLES[table]))
    key = next((f.name for f in TABLES[table] if f.primary_key), None)
    if key is None:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM batch")
    elif table not in CHECKED_KEYS or _has_primary_key(con, table):  # a warehouse made before keys were checked
        con.execute(f"INSERT OR REPLACE INTO {table} ({columns}) SELECT {columns} FROM batch")
    else:
        batch = _first_per_key(con, batch, key)
        con.execute(f'DELETE FROM {table} WHERE "{key}" IN (SELECT "{key}" FROM batch)')
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM batch")


_UNIQUE = b"humstat.unique_key"


def _first_per_key(con: duckdb.DuckDBPyConnection, batch: pa.Table, key: str) -> pa.Table:
    """`batch` with only the first row of each `key` (as INSERT OR REPLACE keeps), in order;
    marked so that it is not checked twice."""
    if (batch.schema.metadata or {}).get(_UNIQUE) == key.encode():
        return batch
    repeated = con.execute(f'SELECT count(*) - count(DISTINCT "{key}") FROM batch').fetchall()[0][0]
    if repeated:
        numbered = batch.append_column("batch_row", pa.array(range(batch.num_rows), pa.int64()))  # noqa: F841 - read by name in the SQL below
        columns = ", ".join(f'"{c}"' for c in batch.column_names)
        batch = con.sql(f'SELECT {columns} FROM numbered QUALIFY row_number() OVER (PARTITION BY "{key}" ORDER BY batch_row) = 1 '
                        "ORDER BY batch_row").to_arrow_table().cast(batch.schema)
    return batch.replace_schema_metadata({**(batch.schema.metadata or {}), _UNIQUE: key.encode()})


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


def _figure_changes(con: duckdb.DuckDBPyConnection, batch: pa.Table, doc_ids: list[str]) -> FigureChanges:
    """Added, removed and changed figure_ids of `doc_ids` between the stored figures and `batch`
    (Arrow, figures schema), compared in SQL on COMPARED_FIELDS (typed, null equal to null)."""
    fields = ", ".join(f'"{c}"' for c in COMPARED_FIELDS)
    new_fields = ", ".join(f'n."{c}"' for c in COMPARED_FIELDS)
    old_fields = ", ".join(f'o."{c}"' for c in COMPARED_FIELDS)
    added, removed, changed = con.execute(
        f"""WITH old AS MATERIALIZED (SELECT figure_id, {fields} FROM figures WHERE doc_id IN (SELECT unnest(?::VARCHAR[])))
            SELECT count(*) FILTER (WHERE o.figure_id IS NULL),
                   count(*) FILTER (WHERE n.figure_id IS NULL),
                   count(*) FILTER (WHERE n.figure_id IS NOT NULL AND o.figure_id IS NOT NULL
                                    AND row({new_fields}) IS DISTINCT FROM row({old_fields}))
            FROM batch AS n FULL OUTER JOIN old AS o ON n.figure_id = o.figure_id""",
        [doc_ids],
    ).fetchall()[0]
    return FigureChanges(added=added, removed=removed, changed=changed)


def _write_figures(con: duckdb.DuckDBPyConnection, figures: list[dict] | pa.Table, rejected: list[dict], doc_ids: list[str]) -> FigureChanges:
    batch = figures if isinstance(figures, pa.Table) else to_arrow(figures, FIGURE_FIELDS)
    if "figures" in CHECKED_KEYS:
        batch = _first_per_key(con, batch, "figure_id")
    changes = _figure_changes(con, batch, sorted(set(doc_ids)))
    _delete_where_in(con, "figures", "doc_id", doc_ids)
    _delete_where_in(con, "rejected_figures", "doc_id", doc_ids)
    _insert(con, "figures", batch)
    _insert(con, "rejected_figures", rejected)
    return changes


def load_figures(con: duckdb.DuckDBPyConnection, figures: list[dict] | pa.Table, rejected: list[dict], doc_ids: list[str]) -> FigureChanges:
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
    `figures` (dicts, or Arrow columns in the figures schema) and `rejected_figures`, and `extracted_doc_ids`, the documents whose figures
    these are (their earlier figures are replaced)."""

    documents: list[dict]
    rejections: list[dict]
    scanned_paths: list[str]
    inbox_files: list[dict]
    figures: list[dict] | pa.Table
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


def load_reference(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Reference series are reloaded whole: the folder is the source of truth."""
    ensure_tables(con)
    with transaction(con):
        con.execute("DELETE FROM reference_figures")
        _insert(con, "reference_figures", rows)


def store_view_as_table(con: duckdb.DuckDBPyConnection, name: str, view_sql: str) -> None:
    """Run `view_sql` (a `CREATE OR REPLACE VIEW name AS ...`) as `CREATE OR REPLACE TABLE name
    AS ...`: the rows are computed once, when a run refreshes them, and a query reads them. A
    view of that name (a warehouse from an earlier humstat) is dropped first."""
    head = f"CREATE OR REPLACE VIEW {name} AS"
    if head not in view_sql:
        raise ValueError(f"not the definition of the view {name}")
    kind = con.execute("SELECT table_type FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()",
                       [name]).fetchall()
    if kind and kind[0][0] == "VIEW":
        con.execute(f"DROP VIEW {name}")
    con.execute(view_sql.replace(head, f"CREATE OR REPLACE TABLE {name} AS", 1))


def count_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def preview_markdown(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> str:
    frame = con.execute(f"SELECT * FROM ({query}) LIMIT {int(limit)}").df()
    return frame.to_markdown(index=False) if len(frame) else "_no rows_"
