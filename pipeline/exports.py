"""Figures out of the warehouse in the shapes the humanitarian data ecosystem reads: CSV,
Parquet, JSON and HXL-tagged CSV.

The columns come from `schemas/fields.py` (every figure field, then a few fields of the
document it came from), so a field added there is exported everywhere. The HXL layout is one
row per figure with one value column per metric: a figure's value sits in the column of its
metric (`#affected+killed`, `#affected+injured`, ...), or in `#indicator+pct+change` or
`#indicator+pct+share` for stated changes and shares, so HXL tools can sum or filter a metric
by its hashtag. `docs/exports.md` documents the tags, including humstat's own attributes.
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from schemas.enums import KINDS, METRICS, POPULATIONS, QUALIFIERS
from schemas.fields import DOCUMENT_FIELDS, FIGURE_FIELDS, names

FORMATS = ("hxl", "csv", "parquet", "json", "jsonl")

# Output names that say their format; `.hxl.csv` is checked before `.csv`.
FORMAT_BY_SUFFIX = {
    ".hxl.csv": "hxl", ".hxl": "hxl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
BINARY_FORMATS = frozenset({"parquet"})

# The document fields each exported figure carries: where it was published, and whether a later
# version of its file replaced it (only with --all).
DOCUMENT_COLUMNS = tuple(c for c in names(DOCUMENT_FIELDS) if c in ("title", "published", "source", "url", "superseded_by"))

EXPORT_COLUMNS: tuple[str, ...] = (*names(FIGURE_FIELDS), *DOCUMENT_COLUMNS)

# Separator of list values (places) in text formats; Parquet and JSON keep real lists.
LIST_SEPARATOR = "; "


def format_for(output: str, requested: str | None) -> str | None:
    """The format asked for, else the one the output's name implies, else None."""
    if requested:
        return requested
    lowered = output.lower()
    for suffix, fmt in FORMAT_BY_SUFFIX.items():
        if lowered.endswith(suffix):
            return fmt
    return None


def figures_query(include_superseded: bool = False) -> str:
    """Every exported column of every current figure (all figures with `include_superseded`),
    in reading order: by publication, then document, then position in the text."""
    source = "figures" if include_superseded else "current_figures"
    columns = ", ".join([*(f'f."{c}"' for c in names(FIGURE_FIELDS)), *(f'd."{c}"' for c in DOCUMENT_COLUMNS)])
    return (
        f"SELECT {columns} FROM {source} f JOIN documents d USING (doc_id) "
        "ORDER BY d.published NULLS LAST, f.path, f.char_start, f.figure_id"
    )


# ---------------------------------------------------------------------------------------------
# HXL

@dataclass(frozen=True)
class HxlColumn:
    header: str  # the text header row
    tag: str  # the hashtag row
    field: str | None  # the exported column it copies; None for the value columns


# The hashtag of each metric's value column. Core HXL 1.1 where the dictionary has one
# (#affected+killed, #inneed, ...); humstat's own attributes otherwise (+casualties, +fighters,
# +armed_groups, ...), documented in docs/exports.md.
METRIC_TAGS: dict[str, str] = {
    "killed": "#affected+killed",
    "injured": "#affected+injured",
    "casualties": "#affected+casualties",
    "displaced": "#affected+displaced",
    "refugees": "#affected+refugees",
    "in_need": "#inneed",
    "affected": "#affected",
    "abducted": "#affected+abducted",
    "missing": "#affected+missing",
    "detained": "#affected+detained",
    "fighters": "#indicator+num+fighters",
    "armed_groups": "#indicator+num+armed_groups",
    "attacks": "#indicator+num+attacks",
}
# a stated change or share is a percentage of its metric, not a count of it
KIND_COLUMNS = {"change": HxlColumn("change_pct", "#indicator+pct+change", None),
                "share": HxlColumn("share_pct", "#indicator+pct+share", None)}

_LEADING = (
    HxlColumn("figure_id", "#meta+id", "figure_id"),
    HxlColumn("country", "#country+code", "country"),
    HxlColumn("places", "#loc+name", "places"),
    HxlColumn("period_start", "#date+start", "period_start"),
    HxlColumn("period_end", "#date+end", "period_end"),
    HxlColumn("period_label", "#meta+period", "period_label"),
    HxlColumn("metric", "#indicator+metric", "metric"),
    HxlColumn("population", "#group", "population"),
    HxlColumn("kind", "#indicator+kind", "kind"),
    HxlColumn("qualifier", "#meta+qualifier", "qualifier"),
)
_TRAILING = (
    HxlColumn("low", "#indicator+low", "low"),
    HxlColumn("high", "#indicator+high", "high"),
    HxlColumn("comparison_start", "#date+start+comparison", "comparison_start"),
    HxlColumn("comparison_end", "#date+end+comparison", "comparison_end"),
    HxlColumn("attributed_to", "#org", "attributed_to"),
    HxlColumn("source", "#meta+source", "source"),
    HxlColumn("url", "#meta+url", "url"),
    HxlColumn("title", "#meta+title", "title"),
    HxlColumn("published", "#date+reported", "published"),
    HxlColumn("text", "#meta+text", "text"),
    HxlColumn("sentence", "#description", "sentence"),
    HxlColumn("path", "#meta+path", "path"),
    HxlColumn("doc_id", "#meta+document", "doc_id"),
    HxlColumn("parent_figure_id", "#meta+parent", "parent_figure_id"),
    HxlColumn("superseded_by", "#meta+superseded", "superseded_by"),
    HxlColumn("extractor_version", "#meta+version", "extractor_version"),
    HxlColumn("evidence", "#meta+evidence", "evidence"),
)


def hxl_columns() -> tuple[HxlColumn, ...]:
    """The HXL export's columns: what the figure is, one value column per metric (in the order of
    `schemas.enums.METRICS`), the change and share columns, then bounds, sources and evidence.
    An exported field without a tag of its own here is kept as `#meta+<field>`, so a field added
    to the schema is exported too (and the docs test asks for its attribute to be documented)."""
    value_columns = tuple(HxlColumn(metric, METRIC_TAGS[metric], None) for metric in METRICS)
    tagged = {c.field for c in (*_LEADING, *_TRAILING)}
    untagged = tuple(HxlColumn(name, f"#meta+{name}", name) for name in EXPORT_COLUMNS
                     if name not in tagged and name != "value")
    return (*_LEADING, *value_columns, *KIND_COLUMNS.values(), *_TRAILING, *untagged)


def value_column(record: dict[str, Any]) -> str:
    """The header of the column a figure's value goes in."""
    return KIND_COLUMNS[record["kind"]].header if record["kind"] in KIND_COLUMNS else record["metric"]


def text_cell(value: Any) -> str:
    """One value as CSV text: empty for null, whole numbers without '.0', ISO dates, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | Decimal):
        number = float(value)
        if math.isfinite(number) and number.is_integer():
            return str(int(number))
        return repr(number) if isinstance(value, float) else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(text_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def hxl_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """The header row, the hashtag row, then one row per figure."""
    columns = hxl_columns()
    yield [c.header for c in columns]
    yield [c.tag for c in columns]
    for record in records:
        target = value_column(record)
        yield [
            text_cell(record.get(c.field)) if c.field else (text_cell(record["value"]) if c.header == target else "")
            for c in columns
        ]


def hxl_schema_rows() -> list[list[str]]:
    """An HXL schema (the `#valid_*` vocabulary libhxl reads) for the HXL export, built here so
    that validating needs no download. `python -m pipeline.exports schema` prints it as CSV."""
    header = ["description", "tag", "severity", "required min", "required max", "datatype",
              "min", "allowed values", "regex", "unique"]
    tags = ["#description", "#valid_tag", "#valid_severity", "#valid_required+min", "#valid_required+max",
            "#valid_datatype", "#valid_value+min", "#valid_value+list", "#valid_value+regex", "#valid_unique"]

    def rule(description: str, tag: str, *, required_min: int | None = None, required_max: int | None = None,
             datatype: str = "", minimum: str = "", allowed: Sequence[str] = (), regex: str = "",
             unique: bool = False) -> list[str]:
        return [description, tag, "error",
                "" if required_min is None else str(required_min), "" if required_max is None else str(required_max),
                datatype, minimum, " | ".join(allowed), regex, "true" if unique else ""]

    return [
        header,
        tags,
        rule("every figure has its id, once", "#meta+id", required_min=1, required_max=1, unique=True),
        rule("what is counted is one of humstat's metrics", "#indicator+metric", required_min=1, required_max=1, allowed=METRICS),
        rule("count, change or share", "#indicator+kind", required_min=1, required_max=1, allowed=KINDS),
        rule("how the source bounded the number", "#meta+qualifier", required_min=1, allowed=QUALIFIERS),
        rule("who is counted", "#group", allowed=POPULATIONS),
        rule("ISO 3166-1 alpha-3", "#country+code", regex=r"^[A-Z]{3}$"),
        rule("dates are dates", "#date", datatype="date"),
        rule("counts of people are whole, non-negative numbers", "#affected", required_max=1, datatype="number", minimum="0"),
        rule("people in need are a non-negative number", "#inneed", required_max=1, datatype="number", minimum="0"),
        rule("counts of fighters, armed groups and attacks are numbers", "#indicator+num", required_max=1, datatype="number", minimum="0"),
        rule("a figure is a change or a share, not both", "#indicator+pct", required_max=1, datatype="number"),
        rule("bounds are numbers", "#indicator+low", datatype="number"),
        rule("bounds are numbers", "#indicator+high", datatype="number"),
        rule("addresses are web addresses", "#meta+url", regex=r"^https?://"),
    ]


# ---------------------------------------------------------------------------------------------
# Writers: each writes the whole file beside the target, then renames it into place, so an
# interrupted export never leaves half a file under the name asked for.

def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def write_text_rows(rows: Iterable[Sequence[str]], out: TextIO) -> int:
    """CSV rows to an open text stream; the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def csv_rows(columns: Sequence[str], records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    yield list(columns)
    for record in records:
        yield [text_cell(record.get(c)) for c in columns]


def json_value(value: Any) -> Any:
    """JSON-ready: dates as ISO text, Decimals as numbers, lists kept."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def json_records(columns: Sequence[str], records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield {c: json_value(record.get(c)) for c in columns}


def write_json(records: Iterable[dict[str, Any]], out: TextIO, lines: bool) -> int:
    """A JSON array (or JSON Lines, one object a line) of the records; how many were written."""
    count = 0
    if not lines:
        out.write("[")
    for record in records:
        text = json.dumps(record, ensure_ascii=False)
        out.write(text + "\n" if lines else ("\n" if count == 0 else ",\n") + text)
        count += 1
    if not lines:
        out.write("\n]\n" if count else "]\n")
    return count


def render(fmt: str, columns: Sequence[str], records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A text format to a stream; the number of figures written."""
    if fmt == "hxl":
        return write_text_rows(hxl_rows(records), out) - 2
    if fmt == "csv":
        return write_text_rows(csv_rows(columns, records), out) - 1
    if fmt in ("json", "jsonl"):
        return write_json(json_records(columns, records), out, lines=fmt == "jsonl")
    raise ValueError(f"not a text format: {fmt}")


def write_export(fmt: str, columns: Sequence[str], records: list[dict[str, Any]], arrow_table: Any, target: Path) -> int:
    """The records in a format, to a file; Parquet is written from the Arrow table as it came
    out of DuckDB, so its types (dates, lists, doubles) are DuckDB's own."""
    partial = _partial(target)
    try:
        if fmt in BINARY_FORMATS:
            import pyarrow.parquet as pq

            pq.write_table(arrow_table, partial)
            count = arrow_table.num_rows
        else:
            with open(partial, "w", encoding="utf-8", newline="") as out:
                count = render(fmt, columns, records, out)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return count


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["schema"]:
        write_text_rows(hxl_schema_rows(), sys.stdout)
    else:
        print("usage: python -m pipeline.exports schema   (the HXL schema of `humstat export --format hxl`, as CSV)")
