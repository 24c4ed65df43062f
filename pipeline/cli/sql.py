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


# Read-only, nothing but the warehouse (no ATTACH, no files), no extension fetched or loaded,
# and settings frozen: a table function that changes one (enable_logging) fails as an error.
READ_ONLY_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


def connect_read_only(warehouse: str | None = None) -> duckdb.DuckDBPyConnection:
    """Read-only, and no access to anything but the warehouse: no ATTACH, no files, no
    extensions, no change of settings (`READ_ONLY_CONFIG`)."""
    path = readable_warehouse(warehouse)
    try:
        return duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG)
    except duckdb.IOException as err:
        raise CliError(f"cannot open {path} read-only ({first_line(err)}); if a run is writing it, "
                       "wait for the run to finish and try again", UNUSABLE) from err


ONLY_READS = "`humstat sql` only reads the warehouse"
# DuckDB's words for a table named by a file path or URL: read as a file when external access is
# on, a missing table when it is off ("Table with name /etc/passwd does not exist!")
MISSING_TABLE = re.compile(r"Table with name (.+?) does not exist")
FILE_LIKE = re.compile(r"[/\\]|\A~")
MISSING_EXTENSION = re.compile(r"but it exists in the (\w+) extension")


def query_error(err: duckdb.Error) -> CliError:
    """One line for a DuckDB error: what a read-only query may not do, a missing table or view, or
    DuckDB's own first line."""
    message = first_line(err)
    lowered = message.lower()
    missing = MISSING_TABLE.search(message)
    if isinstance(err, duckdb.PermissionException) or "file system operations are disabled" in lowered or (
        missing and FILE_LIKE.search(missing.group(1))
    ):
        return CliError(f"{ONLY_READS}: it cannot read files ({message})")
    if MISSING_EXTENSION.search(message):
        return CliError(f"{ONLY_READS}: it cannot install or load extensions ({message})")
    if "configuration has been locked" in lowered:
        return CliError(f"{ONLY_READS}: it cannot change settings ({message})")
    if "read-only" in lowered or "external access" in lowered or "disabled" in lowered:
        return CliError(f"{ONLY_READS}: it cannot write, attach databases or read files ({message})")
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


# What `humstat sql` runs, by DuckDB's own parse: queries (SELECT, and SHOW, DESCRIBE, SUMMARIZE,
# FROM-first, VALUES and PIVOT ... IN, which DuckDB parses as SELECT) and EXPLAIN of a query.
# Everything else (CALL, PRAGMA, SET, ATTACH, COPY, EXPORT, INSTALL, LOAD, CREATE, INSERT, ...)
# is refused before it reaches the database.
READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT})
READS_LISTED = "SELECT, EXPLAIN SELECT, SHOW, DESCRIBE and SUMMARIZE"
EXPLAIN_PREFIX = re.compile(r"\A\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?(?:\([^()]*\)\s*)?", re.I)


def statement_refusal(statement: Any) -> str | None:
    """Why `statement` (a `duckdb.Statement`) is not run, or None when it only reads."""
    words = statement.query.split()
    keyword = words[0].upper() if words else "?"
    try:
        kind = statement.type
    except ValueError:  # a type newer than the module's enum (UPDATE EXTENSIONS): not a query
        return f"{ONLY_READS}: {keyword} is refused (not a query); it runs {READS_LISTED}"
    if kind in READ_STATEMENTS:
        return None
    if kind == duckdb.StatementType.EXPLAIN:
        inner = EXPLAIN_PREFIX.sub("", statement.query, count=1)
        try:
            explained = [s.type for s in duckdb.extract_statements(inner)]
        except (duckdb.Error, ValueError):
            explained = []
        if len(explained) == 1 and explained[0] in READ_STATEMENTS:
            return None
        return f"{ONLY_READS}: it explains queries (EXPLAIN SELECT ...), not other statements; it runs {READS_LISTED}"
    hint = "; PIVOT without IN (...) makes several statements: list its values with IN" if kind.name == "MULTI" else ""
    return f"{ONLY_READS}: {keyword} is refused (DuckDB statement type {kind.name}); it runs {READS_LISTED}{hint}"


def statements(text: str) -> list[Any]:
    """The statements of a script, so that several queries print several results; raises
    CliError, before any runs, when one is not a query (`statement_refusal`)."""
    try:
        found = duckdb.extract_statements(text)
    except duckdb.Error as err:
        raise query_error(err) from err
    if not found:
        raise CliError("no query given: pass one as an argument, or on standard input "
                       "(`echo \"SELECT * FROM trend_series\" | humstat sql`)", UNUSABLE)
    for number, statement in enumerate(found, 1):
        refusal = statement_refusal(statement)
        if refusal:
            where = f"statement {number} of {len(found)}: " if len(found) > 1 else ""
            raise CliError(f"{where}{refusal}")
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

