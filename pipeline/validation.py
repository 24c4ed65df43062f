"""Validate figure records with the pandera schema; quarantine failing rows, keep the rest.

Nothing is dropped silently: every record ends in exactly one of the returned frames, the
rejected ones with the failing checks and a reason in words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import pandera.pandas as pa
import pyarrow

from pipeline.documents import utc_now
from pipeline.extraction.failures import ERROR_KEY, EXTRACTOR_RAISED, is_failure
from schemas.arrow import frame_to_arrow, to_arrow
from schemas.fields import FIGURE_FIELDS, names
from schemas.models import FIGURE_CHECKS, FigureSchema, describe_failure


@dataclass(frozen=True)
class ValidatedFigures:
    """The records that passed (`valid`) and the rejected ones (`rejected`, rejected_figures
    rows). `table` holds the valid records as Arrow columns in the figures schema, taken from the
    frame validation already built, so loading them needs no second conversion; None when not
    built (a value pickled by an older humstat)."""

    valid: list[dict]
    rejected: list[dict]
    table: pyarrow.Table | None = None

    def columns(self) -> pyarrow.Table:
        """The valid records as Arrow columns in the figures schema."""
        return self.table if self.table is not None else to_arrow(self.valid, FIGURE_FIELDS)


def figures_frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=names(FIGURE_FIELDS))
    return frame.astype({"value": "float64", "low": "float64", "high": "float64"})


def span_failures(records: list[dict], bodies: dict[str, str]) -> dict[int, str]:
    """Rows whose span does not index their document's body (needs the bodies, so not in pandera)."""
    failures = {}
    for i, r in enumerate(records):
        body = bodies.get(r["doc_id"])
        if body is None:
            failures[i] = "span_inside_body: the figure's document is not among those read"
        elif not (0 <= r["char_start"] < r["char_end"] <= len(body)) or body[r["char_start"] : r["char_end"]] != r["text"]:
            failures[i] = "span_inside_body: the span does not hold the figure's text in the body"
    return failures


def validate_figures(records: list[dict], bodies: dict[str, str]) -> ValidatedFigures:
    now = utc_now()
    failed = [_extraction_failure(r, now) for r in records if is_failure(r)]
    if failed:
        records = [r for r in records if not is_failure(r)]
    checked = _validate(records, bodies, now)
    return ValidatedFigures(checked.valid, checked.rejected + failed, checked.table)


def _extraction_failure(record: dict, now: datetime) -> dict:
    return {
        "figure_id": record["figure_id"],
        "doc_id": record["doc_id"],
        "check": EXTRACTOR_RAISED,
        "reason": f"the extractor raised {record[ERROR_KEY]} on this document, so none of its figures were read; "
        "this is a bug to report with the file, and `humstat run --full` reads it again once it is fixed",
        "input": json.dumps(record, ensure_ascii=False),
        "rejected_at": now,
    }


def _validate(records: list[dict], bodies: dict[str, str], now: datetime) -> ValidatedFigures:
    frame = figures_frame(records)
    problems: dict[int, list[tuple[str, str]]] = {}
    for i, message in span_failures(records, bodies).items():
        check, reason = message.split(": ", 1)
        problems.setdefault(i, []).append((check, reason))
    try:
        FigureSchema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        for _, case in err.failure_cases.iterrows():
            column = case["column"] if isinstance(case["column"], str) and case["column"] != "figures" else None
            check, reason = describe_failure(case["check"], column)
            if check in FIGURE_CHECKS:
                column = None  # a record-level check, which pandera reports once per column
            if column:
                reason = f"{reason} (found {case['failure_case']!r})"
            index = case["index"]
            rows = range(len(records)) if index is None or index != index else [int(index)]
            for i in rows:
                problems.setdefault(i, []).append((check, reason))
    valid, rejected = [], []
    for i, record in enumerate(records):
        if i not in problems:
            valid.append(record)
            continue
        unique = list({check: (check, reason) for check, reason in reversed(problems[i])}.values())[::-1]
        rejected.append(
            {
                "figure_id": record["figure_id"],
                "doc_id": record.get("doc_id"),
                "check": "; ".join(c for c, _ in unique),
                "reason": "; ".join(r for _, r in unique),
                "input": json.dumps(record, ensure_ascii=False, default=str),
                "rejected_at": now,
            }
        )
    kept = frame if not problems else frame.iloc[[i for i in range(len(records)) if i not in problems]]
    return ValidatedFigures(valid, rejected, frame_to_arrow(kept, FIGURE_FIELDS))
