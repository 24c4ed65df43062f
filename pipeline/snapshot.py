"""The read-only snapshot analysts query, so that no reader ever blocks a scheduled run.

After each load the whole warehouse (tables, views, macros) is copied to a new file written in
DuckDB's 1.5 storage format, which the DuckDB shell analysts have (1.5.x) can open, then moved
over the previous snapshot in one rename: a reader keeps the file it opened, a new reader gets
the new one, and no half-written snapshot is ever visible.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from pipeline.config import snapshot_path  # noqa: F401 - where callers find it

STORAGE_VERSION = "v1.5.0"


def publish_snapshot(con: duckdb.DuckDBPyConnection, target: Path) -> Path:
    source = con.execute("SELECT current_database()").fetchall()[0][0]
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    con.execute(f"ATTACH '{partial}' AS humstat_snapshot (STORAGE_VERSION '{STORAGE_VERSION}')")
    try:
        try:
            con.execute(f'COPY FROM DATABASE "{source}" TO humstat_snapshot')
        finally:
            con.execute("DETACH humstat_snapshot")
        os.replace(partial, target)
    finally:
        # interrupted (Ctrl-C, an error): no half-written snapshot is left behind
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + ".wal").unlink(missing_ok=True)
    return target
