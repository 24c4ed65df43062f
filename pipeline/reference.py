"""Reference series: published figures (e.g. UNAMA's civilian casualties) from CSV files.

Each CSV row gives killed, injured and casualties for one body, country, population and
period; it becomes one reference row per metric. A malformed file or row is reported with its
line and reason, and the other files still load.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.periods import period_label
from schemas.enums import POPULATIONS
from schemas.models import ISO3_CODES

REQUIRED_COLUMNS = ("attributed_to", "country", "population", "period_start", "period_end")
METRIC_COLUMNS = ("killed", "injured", "casualties")


@dataclass(frozen=True)
class ReferenceProblem:
    series: str
    line: int
    reason: str


def _number(text: str) -> float | None:
    text = (text or "").strip().replace(",", "")
    return float(text) if text else None


def read_series(path: Path) -> tuple[list[dict], list[ReferenceProblem]]:
    rows: list[dict] = []
    problems: list[ReferenceProblem] = []
    name = path.name
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing or not any(c in header for c in METRIC_COLUMNS):
                want = ", ".join(missing) if missing else "one of " + ", ".join(METRIC_COLUMNS)
                return [], [ReferenceProblem(name, 1, f"the header lacks {want}")]
            for record in reader:
                line = reader.line_num
                try:
                    rows.extend(_rows_of(record, name, line))
                except ValueError as err:
                    problems.append(ReferenceProblem(name, line, str(err)))
    except (UnicodeDecodeError, csv.Error) as err:
        return [], [ReferenceProblem(name, 0, f"not a readable CSV file: {err}")]
    return rows, problems


def _rows_of(record: dict, series: str, line: int) -> list[dict]:
    try:
        start = date.fromisoformat(record["period_start"].strip())
        end = date.fromisoformat(record["period_end"].strip())
    except (ValueError, AttributeError) as err:
        raise ValueError(f"period dates must be ISO dates (YYYY-MM-DD): {err}") from err
    if end < start:
        raise ValueError("period_end is before period_start")
    country = (record.get("country") or "").strip()
    if country not in ISO3_CODES:
        raise ValueError(f"country {country!r} is not an ISO3 code")
    population = (record.get("population") or "").strip()
    if population not in POPULATIONS:
        raise ValueError(f"population {population!r} is not one of the spec's populations")
    try:
        change = _number(record.get("reported_change_pct") or "")
        values = {m: _number(record.get(m) or "") for m in METRIC_COLUMNS}
    except ValueError as err:
        raise ValueError(f"a number cannot be read: {err}") from err
    if all(v is None for v in values.values()):
        raise ValueError("the row states no killed, injured or casualties value")
    base = {
        "series": series,
        "line": line,
        "attributed_to": record["attributed_to"].strip(),
        "country": country,
        "population": population,
        "period_start": start,
        "period_end": end,
        "period_label": period_label(start, end),
        "reported_change_pct": change,
        "change_vs": (record.get("change_vs") or "").strip() or None,
        "note": (record.get("note") or "").strip() or None,
    }
    return [
        {**base, "metric": metric, "value": value,
         # the stated change is about the total; keep it on that row only
         "reported_change_pct": change if metric == "casualties" else None,
         "change_vs": base["change_vs"] if metric == "casualties" else None}
        for metric, value in values.items()
        if value is not None
    ]


def read_reference_folder(folder: Path) -> tuple[list[dict], list[ReferenceProblem]]:
    rows, problems = [], []
    for path in sorted(folder.glob("*.csv")):
        got, bad = read_series(path)
        rows += got
        problems += bad
    return rows, problems
