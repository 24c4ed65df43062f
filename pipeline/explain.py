"""Human-readable evidence for each figure: its sentence with the span marked, the words that
decided its metric, population, qualifier, period and attribution, and for the fields read from
context (period, comparison, source, place, country) the scope that decided them
(`pipeline/extraction/scopes.py`), shown as `[sentence]`, `[paragraph]`, `[header]`, `[title]` ... after the words that decided them"""

from __future__ import annotations

import json
import textwrap
from datetime import date

from pipeline.periods import span_label

MARK_OPEN, MARK_CLOSE = "»", "«"


def marked_sentence(record: dict, body: str, width: int = 100) -> str:
    """The figure's sentence with its span between » «."""
    start, end = record["char_start"], record["char_end"]
    sentence = record["sentence"]
    offset = body.find(sentence, max(0, start - len(sentence)))
    if offset < 0 or not (offset <= start and end <= offset + len(sentence)):
        return f"{MARK_OPEN}{record['text']}{MARK_CLOSE}"
    a, b = start - offset, end - offset
    text = f"{sentence[:a]}{MARK_OPEN}{sentence[a:b]}{MARK_CLOSE}{sentence[b:]}"
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent="    ", subsequent_indent="    ")


def _bounds(record: dict) -> str:
    def show(v: float | None) -> str:
        return "-" if v is None else f"{v:g}"

    return f"value {show(record['value'])}, low {show(record['low'])}, high {show(record['high'])}"


def _period(start: str | None, end: str | None, label: str | None = None) -> str:
    if start is None and end is None:
        return "-"
    if label:
        return label
    return span_label(date.fromisoformat(start), date.fromisoformat(end) if end else None) if start else f"..{end}"


def explain(record: dict, body: str, number: int) -> str:
    """One figure's evidence as text: its sentence, then one line per field with the words
    that decided it and, for the fields read from context, the scope after them in brackets
    ("period       2022-02  (February 2022)  [phrase]")."""
    evidence = json.loads(record.get("evidence") or "{}")
    because = lambda key: f"  ({evidence[key]})" if evidence.get(key) else ""  # noqa: E731
    scope = lambda field: f"  [{evidence[field + '_scope']}]" if evidence.get(field + "_scope") else ""  # noqa: E731
    lines = [
        f"[{number}] {record['text']}: {record['kind']} of {record['metric']}, {record['population'] or '-'}; "
        f"{record['qualifier']} ({_bounds(record)})",
        marked_sentence(record, body),
        f"    metric       {record['metric']}{because('metric')}",
        f"    population   {record['population'] or '-'}",
        f"    qualifier    {record['qualifier']}{because('qualifier')}",
    ]
    if record["kind"] == "change":
        lines.append(f"    direction    {'down' if record['value'] < 0 else 'up'}{because('direction')}")
    lines += [
        f"    period       {_period(record['period_start'], record['period_end'], record.get('period_label'))}{because('period')}{scope('period')}",
    ]
    if record["kind"] == "change":
        lines.append(f"    compared to  {_period(record['comparison_start'], record['comparison_end'])}{because('comparison')}{scope('comparison')}")
    places = f"; {', '.join(record['places'])}{scope('places')}" if record["places"] else ""
    lines += [
        f"    attributed   {record['attributed_to'] or '-'}{because('attribution')}{scope('attribution')}",
        f"    where        {record['country'] or '-'}{scope('country')}{places}{because('where')}",
    ]
    if record.get("parent_figure_id"):
        lines.append(f"    part of      {record['parent_figure_id']}")
    return "\n".join(lines)


def explain_document(records: list[dict], body: str) -> str:
    if not records:
        return "no figures found"
    return "\n\n".join(explain(r, body, n) for n, r in enumerate(records, 1))
