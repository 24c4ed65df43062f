"""Tables flattened to text: a run of label lines followed by as many lines of numbers.

Saved reports often lose their table layout and come out as

    Civilian Casualties (Fatalities / Injuries)
    Child Casualties (Fatalities / Injuries)
    178 (54 / 124)
    42 (10 / 32)

The i-th number line belongs to the i-th label line, and within a line the numbers follow the
label's parts: the first number the label's head, the bracketed ones its bracketed parts.
Numbers in tables count as figures when their headers say what they count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.extraction.meaning import metric_at, population_at
from pipeline.extraction.mentions import Mention
from pipeline.extraction.not_figures import is_item_line
from pipeline.extraction.numbers import parse_digits
from pipeline.extraction.tokens import Segment, tokenize

if TYPE_CHECKING:
    from pipeline.documents import Document
    from pipeline.extraction.figures import DocumentContext, ParagraphState

NUMBER_LINE = re.compile(r"^[\d.,]+(?:\s*[(/)]\s*[\d.,]*)*\s*\)?$")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class TableResult:
    records: list[dict] = field(default_factory=list)
    consumed: set[Segment] = field(default_factory=set)


def _label_parts(label: str) -> list[str]:
    head, _, rest = label.partition("(")
    return [head, *[p for p in rest.rstrip(") ").split("/") if p.strip()]]


def _read_label(text: str) -> tuple[str | None, str | None]:
    tokens = tokenize(text)
    metric = population = None
    for i in range(len(tokens)):
        if metric is None:
            hit = metric_at(tokens, i, armed=False)
            if hit:
                metric = hit[0]
        if population is None:
            pop = population_at(tokens, i)
            if pop:
                population = pop[0]
    return metric, population


def table_figures(doc: Document, segments: list[Segment], ctx: DocumentContext, state: ParagraphState) -> TableResult:
    from pipeline.extraction.figures import figure_id, figure_record

    result = TableResult()
    body = doc.body
    lines = [body[s.start : s.end] for s in segments]
    is_number = [bool(NUMBER_LINE.match(line.strip())) and not is_item_line(line) for line in lines]
    i = 0
    while i < len(lines):
        if not is_number[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and is_number[j]:
            j += 1
        count = j - i
        labels = list(range(i - count, i))
        if labels and labels[0] >= 0 and all(not is_number[k] and not any(c.isdigit() for c in lines[k]) for k in labels):
            for label_index, value_index in zip(labels, range(i, j), strict=True):
                result.records += _row_figures(doc, segments[value_index], lines[label_index], ctx, state, figure_id, figure_record)
                result.consumed |= {segments[label_index], segments[value_index]}
        i = j
    return result


def _row_figures(doc, seg: Segment, label: str, ctx, state, figure_id, figure_record) -> list[dict]:
    parts = _label_parts(label)
    head_metric, head_population = _read_label(parts[0])
    records: list[dict] = []
    parent_id = None
    for k, number in enumerate(NUMBER.finditer(doc.body[seg.start : seg.end])):
        if k >= len(parts):
            break
        metric, population = _read_label(parts[k])
        metric = metric or head_metric
        population = population or head_population or ("civilians" if state.civilian else "people")
        if metric is None:
            continue
        value, _ = parse_digits(number.group())
        start, end = seg.start + number.start(), seg.start + number.end()
        m = Mention(0, 0, 0, value, value, value, "exact", "count", "digits", metric=metric, population=population)
        fid = figure_id(doc.doc_id, start, end)
        period = state.period or ctx.title_period
        records.append(
            figure_record(doc, m, start, end, doc.body[seg.start : seg.end], {
                "figure_id": fid,
                "country": ctx.country,
                "places": [],
                "period": period,
                "comparison": None,
                "attributed_to": ctx.title_source,
                "parent_figure_id": parent_id if k else None,
                "evidence": {"metric": f"table header: {parts[k].strip()}", "population": population,
                             "period": "title" if period else None},
            })
        )
        if k == 0:
            parent_id = fid
    return records
