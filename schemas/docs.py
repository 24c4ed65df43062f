"""The field tables of docs/tables.md, generated from schemas.fields.

Run `python -m schemas.docs > docs/tables.md` after changing a field; a test fails while the
file and the fields disagree.
"""

from __future__ import annotations

from schemas.fields import DUCKDB_TYPES, TABLES


def tables_markdown() -> str:
    parts = [
        "# Warehouse tables",
        "",
        "Generated from `schemas/fields.py` by `python -m schemas.docs`; do not edit by hand.",
    ]
    for table, fields in TABLES.items():
        parts += ["", f"## `{table}`", "", "| column | type | null | meaning |", "|---|---|---|---|"]
        for f in fields:
            meaning = f.description + (f" ({', '.join(f.enum)})" if f.enum else "")
            null = "key" if f.primary_key else ("yes" if f.nullable else "no")
            parts.append(f"| `{f.name}` | {DUCKDB_TYPES[f.type]} | {null} | {meaning} |")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(tables_markdown(), end="")
