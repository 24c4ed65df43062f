"""Markdown previews for asset metadata."""


import dagster as dg
import pandas as pd

PREVIEW_ROWS = 10


def markdown_table(rows: list[dict], columns: list[str], limit: int = PREVIEW_ROWS) -> str:
    if not rows:
        return "_no rows_"
    frame = pd.DataFrame(rows[:limit], columns=columns)
    return frame.to_markdown(index=False)


def table_metadata(con, name: str, exclude: str | None = None, order: str | None = None, label: str = "preview") -> dict:
    """Row count and a markdown preview of a table or view, for a MaterializeResult."""
    from pipeline import warehouse

    columns = f"* EXCLUDE ({exclude})" if exclude else "*"
    query = f"SELECT {columns} FROM {name}" + (f" ORDER BY {order}" if order else "")
    return {
        "dagster/row_count": dg.MetadataValue.int(warehouse.count_rows(con, name)),
        label: dg.MetadataValue.md(warehouse.preview_markdown(con, query)),
    }
