"""`humstat sql`: one query, read-only, printed as an aligned table."""

from __future__ import annotations

import sys

import duckdb
from tabulate import tabulate

from pipeline.config import warehouse_path


def print_query(query: str, warehouse: str | None = None) -> int:
    path = warehouse_path(warehouse)
    if not path.exists():
        print(f"humstat: no warehouse at {path}; run `humstat run` (or `make run`) first", file=sys.stderr)
        return 2
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as err:
        print(f"humstat: cannot open {path} read-only: {err}", file=sys.stderr)
        return 2
    try:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall()
    except duckdb.Error as err:
        print(f"humstat: the query failed: {str(err).splitlines()[0]}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(tabulate(rows, headers=columns, tablefmt="simple", disable_numparse=True, missingval="NULL"))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return 0
