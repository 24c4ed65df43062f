"""`humstat sql`: read-only queries against the warehouse's snapshot, printed as aligned tables,
CSV or JSON."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import duckdb
from tabulate import tabulate

from pipeline.cli.errors import UNUSABLE, CliError, first_line, no_warehouse
from pipeline.config import warehouse_path
from pipeline.exports import json_value, text_cell, write_json, write_text_rows
from pipeline.snapshot import snapshot_path

SQL_FORMATS = ("table", "csv", "json")

# views a warehouse written by an older humstat may lack until the next run
VIEWS_MADE_BY_RUN = frozenset({"current_figures", "trend_series", "period_changes", "claims", "claim_checks", "hapi_conflict"})


def readable_warehouse(warehouse: str | None = None) -> Path:
    """The published snapshot when there is one, so a reader never holds the file a run writes."""
    live = warehouse_path(warehouse)
    path = snapshot_path(live) if snapshot_path(live).exists() else live
    if not path.exists():
        raise no_warehouse(path)
    return path


def connect_read_only(warehouse: str | None = None) -> duckdb.DuckDBPyConnection:
    """Read-only, and no access to anything but the warehouse: no ATTACH, no files, no extensions."""
    path = readable_warehouse(warehouse)
    try:
        return duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.IOException as err:
        raise CliError(f"cannot open {path} read-only ({first_line(err)}); if a run is writing it, "
                       "wait for the run to finish and try again", UNUSABLE) from err


def query_error(err: duckdb.Error) -> CliError:
    message = first_line(err)
    lowered = message.lower()
    if "read-only" in lowered or "external access" in lowered or "disabled" in lowered:
        return CliError("`humstat sql` only reads the warehouse: it cannot write, attach databases or "
                        f"read files ({message})")
    if isinstance(err, duckdb.CatalogException):
        missing = re.search(r"with name (\w+) does not exist", message)
        if missing and missing.group(1) in VIEWS_MADE_BY_RUN:
            return CliError(f"the query failed: {message}; the view is created by `humstat run`: run it once to add it")
        return CliError(f"the query failed: {message}; `humstat sql \"SHOW TABLES\"` lists what there is")
    return CliError(f"the query failed: {message}")


def format_result(columns: Sequence[str], rows: Sequence[tuple], fmt: str, out: TextIO) -> None:
    if fmt == "table":
        print(tabulate(rows, headers=list(columns), tablefmt="simple", disable_numparse=True, missingval="NULL"), file=out)
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", file=out)
    elif fmt == "csv":
        # by position, not by name: a result may have two columns of the same name
        write_text_rows([list(columns), *([text_cell(v) for v in row] for row in rows)], out)
    elif fmt == "json":
        write_json(({c: json_value(v) for c, v in zip(columns, row, strict=True)} for row in rows), out, lines=False)
    else:
        raise CliError(f"unknown output format {fmt!r}; choose one of {', '.join(SQL_FORMATS)}", UNUSABLE)


def statements(text: str) -> list[Any]:
    """The statements of a script, so that several queries print several results."""
    try:
        found = duckdb.extract_statements(text)
    except duckdb.Error as err:
        raise query_error(err) from err
    if not found:
        raise CliError("no query given: pass one as an argument, or on standard input "
                       "(`echo \"SELECT * FROM trend_series\" | humstat sql`)", UNUSABLE)
    return found


def print_query(query: str, warehouse: str | None = None, fmt: str = "table", out: TextIO | None = None) -> int:
    """Run each statement of `query` read-only and print its result; raises CliError."""
    out = out or sys.stdout
    if fmt not in SQL_FORMATS:  # before any query runs
        raise CliError(f"unknown output format {fmt!r}; choose one of {', '.join(SQL_FORMATS)}", UNUSABLE)
    script = statements(query)
    con = connect_read_only(warehouse)
    try:
        for index, statement in enumerate(script):
            try:
                cursor = con.execute(statement)
                columns = [d[0] for d in cursor.description] if cursor.description else []
                rows = cursor.fetchall() if columns else []
            except duckdb.Error as err:
                raise query_error(err) from err
            if index and fmt != "json":
                print(file=out)
            format_result(columns, rows, fmt, out)
    finally:
        con.close()
    return 0

