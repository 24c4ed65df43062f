"""`humstat sql`: one query, read-only, printed as an aligned table."""

from __future__ import annotations

import sys

import duckdb
from tabulate import tabulate

from pipeline.config import warehouse_path
from pipeline.snapshot import snapshot_path


def print_query(query: str, warehouse: str | None = None) -> int:
    # the published snapshot when there is one, so a query never holds the file a run writes
    live = warehouse_path(warehouse)
    path = snapshot_path(live) if snapshot_path(live).exists() else live
    if not path.exists():
        print(f"humstat: no warehouse at {path}; run `humstat run` (or `make run`) first", file=sys.stderr)
        return 2
    try:
        # read-only, and no access to anything but the warehouse: no ATTACH, no files, no extensions
        con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.IOException as err:
        print(f"humstat: cannot open {path} read-only: {err}", file=sys.stderr)
        return 2
    try:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall()
    except duckdb.Error as err:
        message = str(err).splitlines()[0]
        if "read-only" in message or "external access" in message.lower() or "disabled" in message.lower():
            print("humstat: `humstat sql` only reads the warehouse: it cannot write, attach databases or "
                  f"read files ({message})", file=sys.stderr)
        else:
            print(f"humstat: the query failed: {message}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(tabulate(rows, headers=columns, tablefmt="simple", disable_numparse=True, missingval="NULL"))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return 0
