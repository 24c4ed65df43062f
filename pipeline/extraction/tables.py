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

# A line of numbers: "178 (54 / 124)", and the key-figure forms "1.2M", "350K", "4.5 million",
# "12,000+". A scale is a word or letters written after the digits.
_SCALE = r"(?:\s?(?:[KkMm]|[Mm]n|[Bb]n|million|billion|thousand|MILLION|BILLION|THOUSAND)\b)?\+?"
NUMBER_LINE = re.compile(r"^[\d.,]+" + _SCALE + r"(?:\s*[(/)]\s*[\d.,]*" + _SCALE + r")*\s*\)?$")
NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)(" + _SCALE + r")")
# A key figure and its label on one line: "6,500: people displaced", "1.2M - people in need".
# ... but a year that opens a line ("2011 - conflict displaced people across the north") is none.
YEAR = re.compile(r"(?:19|20)\d\d")
NUMBER_THEN_LABEL = re.compile(r"^(\d+(?:[.,]\d+)*" + _SCALE + r")\s*[:–—-]\s+(\D{3,80})$")
SCALE_WORDS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
               "bn": 1_000_000_000, "billion": 1_000_000_000}
ESTIMATE_LABEL = re.compile(r"\s*(?:estimated|an estimated|about|approximately|approx\.?|some|around)\b", re.I)
# A label of a count that is no figure (targets, people reached, money): its number is left out.
# A year inside a label ("People displaced since February 2021") dates it; it is no cell of numbers.
LABEL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
NOT_FIGURE_LABEL = re.compile(r"\b(?:target(?:ed|s)?|reached|assisted|planned|funding|funded|required|budget|us\$|usd|households?|families|recipients|facilities)\b", re.I)


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
    # "2." alone on a line numbers a list item; it counts nothing
    is_number = [line[:1].isdigit() and bool(NUMBER_LINE.match(line.strip())) and not line.rstrip().endswith(".") and not is_item_line(line)
                 for line in lines]
    used: set[int] = set()

    def is_label(k: int) -> bool:
        return (0 <= k < len(lines) and k not in used and not is_number[k]
                and not any(c.isdigit() for c in LABEL_YEAR.sub("", lines[k])))

    i = 0
    while i < len(lines):
        if not is_number[i]:
            keyed = NUMBER_THEN_LABEL.match(lines[i]) if lines[i][:1].isdigit() else None
            if keyed and not YEAR.fullmatch(keyed.group(1)) and _read_label(keyed.group(2))[0]:
                result.records += _row_figures(doc, segments[i], keyed.group(2), ctx, state, figure_id, figure_record, count=1)
                result.consumed.add(segments[i])
            i += 1
            continue
        j = i
        while j < len(lines) and is_number[j]:
            j += 1
        count = j - i
        before = list(range(i - count, i))
        after = list(range(j, j + count))
        labels = None
        if before and all(is_label(k) for k in before) and (_reads_metric(lines, before) or not all(is_label(k) for k in after)):
            labels = before  # labels, then their numbers: a flattened table
        elif all(is_label(k) for k in after) and _reads_metric(lines, after):
            labels = after  # a key-figure box: the numbers, then their labels
        if labels is not None:
            for label_index, value_index in zip(labels, range(i, j), strict=True):
                result.records += _row_figures(doc, segments[value_index], lines[label_index], ctx, state, figure_id, figure_record)
                result.consumed |= {segments[label_index], segments[value_index]}
                used |= {label_index, value_index}
        else:
            # numbers alone on their lines with no label that names what they count (a page's
            # stray cells, a chart's axis): they state no figure, and borrow no metric
            result.consumed |= {segments[k] for k in range(i, j)}
        i = j
    return result


def _reads_metric(lines: list[str], labels: list[int]) -> bool:
    """Whether any of these label lines names what is counted."""
    return any(_read_label(lines[k])[0] for k in labels)


def _row_figures(doc, seg: Segment, label: str, ctx, state, figure_id, figure_record, count: int | None = None) -> list[dict]:
    if NOT_FIGURE_LABEL.search(label):
        return []  # a target, people reached, money, households: counted, but no figure
    parts = _label_parts(label)
    head_metric, head_population = _read_label(parts[0])
    records: list[dict] = []
    parent_id = None
    for k, number in enumerate(NUMBER.finditer(doc.body[seg.start : seg.end])):
        if k >= len(parts) or (count is not None and k >= count):
            break
        metric, population = _read_label(parts[k])
        metric = metric or head_metric
        population = population or head_population or ("civilians" if state.civilian else "people")
        if metric is None:
            continue
        value, _ = parse_digits(number.group(1))
        scale = number.group(2).strip(" +").lower()
        value *= SCALE_WORDS.get(scale, 1)
        start, end = seg.start + number.start(), seg.start + number.end()
        qualifier, low, high = "exact", value, value
        if "+" in number.group(2):
            qualifier, high = "at_least", None  # "12,000+"
        elif ESTIMATE_LABEL.match(parts[k]):
            qualifier, low, high = "approximately", None, None  # "Estimated number of ..."
        m = Mention(0, 0, 0, value, low, high, qualifier, "count", "digits", metric=metric, population=population)
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
