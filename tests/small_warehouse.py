"""A warehouse written by hand, row by row, for tests that need exact cases (a superseded
document, figures naming places) without running the pipeline."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

from pipeline import hapi, trends, warehouse
from schemas.arrow import to_arrow
from schemas.fields import DOCUMENT_FIELDS, FIGURE_FIELDS, names


def document(doc_id: str, path: str, superseded_by: str | None = None, **fields) -> dict:
    return {"doc_id": doc_id, "path": path, "title": f"about {path}", "published": date(2024, 4, 5), "source": "OCHA",
            "url": f"https://example.org/{path}", "body": "...", "note": None, "ingested_at": datetime(2024, 4, 6),
            "superseded_by": superseded_by, **fields}


def figure(figure_id: str, doc_id: str, metric: str, value: float, **fields) -> dict:
    record = {
        "figure_id": figure_id, "doc_id": doc_id, "path": "p.txt", "char_start": 0, "char_end": 2, "text": str(value),
        "sentence": f"{value} {metric}.", "kind": "count", "value": value, "low": value, "high": value,
        "qualifier": "exact", "metric": metric, "population": "civilians", "country": "AFG", "places": [],
        "period_start": date(2024, 3, 1), "period_end": date(2024, 3, 31), "period_label": "2024-03",
        "comparison_start": None, "comparison_end": None, "attributed_to": "OCHA", "parent_figure_id": None,
        "evidence": None, "extractor_version": "test",
    }
    return {**record, **fields}


def build(path: Path, documents: list[dict], figures: list[dict]) -> Path:
    """The tables, the rows and the views, in a new file (one there is replaced) with no snapshot
    beside it (read directly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        warehouse.ensure_tables(con)
        for table, rows, fields in (("documents", documents, DOCUMENT_FIELDS), ("figures", figures, FIGURE_FIELDS)):
            batch = to_arrow(rows, fields)  # noqa: F841 - read by name in the SQL
            columns = ", ".join(f'"{c}"' for c in names(fields))
            con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM batch")
        trends.create_views(con)
        hapi.create_hapi_view(con)
    finally:
        con.close()
    return path
