"""Markdown previews for asset metadata."""


import pandas as pd

PREVIEW_ROWS = 10


def markdown_table(rows: list[dict], columns: list[str], limit: int = PREVIEW_ROWS) -> str:
    if not rows:
        return "_no rows_"
    frame = pd.DataFrame(rows[:limit], columns=columns)
    return frame.to_markdown(index=False)
