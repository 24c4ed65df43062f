"""Extract every reported figure of a document as records of the spec's shape.

Per sentence: tokens -> number expressions -> candidate mentions (bounds, kind) -> meaning
(metric, population, parent) -> context (period, comparison, place, country, attribution).
Context that a sentence leaves unsaid is carried from earlier sentences of its paragraph,
and from the document's title and date.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.documents import Document
from pipeline.extraction.attribution import (
    alias_text,
    attribution_in,
    attribution_in_title,
    bodies_in,
    canonical_body,
)
from pipeline.extraction.meaning import assign_meaning
from pipeline.extraction.mentions import Mention, build_mentions
from pipeline.extraction.tokens import Segment, Token, paragraphs, sentences, tokenize
from pipeline.periods import (
    PREVIOUS,
    SAME_PERIOD,
    Period,
    PeriodMention,
    find_periods,
    previous_period,
    same_period_comparisons,
)
from pipeline.places import countries_in, places_in

EXTRACTOR_VERSION = "0.2.0"
NEAR_PERIOD_CHARS = 60


def figure_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:24]


@dataclass
class DocumentContext:
    """What the document as a whole says: its date, country, period and source."""

    published: date | None
    country: str | None
    title_period: Period | None
    title_source: str | None
    last_body: str | None = None


@dataclass
class ParagraphState:
    period: Period | None = None
    period_words: str = ""
    attribution: str | None = None
    attribution_words: str = ""
    carried: tuple[str, str] | None = None
    countries: list[str] = field(default_factory=list)


def _document_context(doc: Document) -> DocumentContext:
    text = f"{doc.title or ''}\n{doc.body}"
    counts = Counter(iso for _, iso in countries_in(text))
    if not counts:
        # "UNAMA documented ...": the bodies named carry their country in their full names
        names = " ".join(alias_text(b) for b in bodies_in(text) + ([doc.source] if doc.source else []))
        counts = Counter(iso for _, iso in countries_in(names))
    country = counts.most_common(1)[0][0] if counts else None
    title_period = None
    if doc.title:
        refs = [p for p in find_periods(doc.title, doc.published) if p.role in ("reference", "day")]
        if refs:
            title_period = max(refs, key=lambda p: len(p.words)).period
    return DocumentContext(doc.published, country, title_period, attribution_in_title(doc.title) or doc.source)


def extract(doc: Document) -> list[dict]:
    ctx = _document_context(doc)
    body = doc.body
    records: list[dict] = []
    paras = paragraphs(body)
    state = ParagraphState()
    para_index = 0
    for seg in sentences(body):
        while para_index < len(paras) and paras[para_index].end <= seg.start:
            para_index += 1
            state = ParagraphState()
        records.extend(_sentence_figures(doc, ctx, state, seg))
    return records


def _sentence_figures(doc: Document, ctx: DocumentContext, state: ParagraphState, seg: Segment) -> list[dict]:
    body = doc.body
    text = body[seg.start : seg.end]
    tokens = tokenize(text, seg.start)
    who, who_words = attribution_in(text, ctx.last_body)
    body_named = canonical_body(text)
    if body_named:
        ctx.last_body = body_named
    periods = [_shift(p, seg.start) for p in find_periods(text, ctx.published)]
    references = [p for p in periods if p.role in ("reference", "day", "since")]
    # "reported this week" dates the report; it names the figure's period only when nothing else does
    references = references or [replace(p, role="reference") for p in periods if p.role == "relative"]
    mentions = build_mentions(tokens, body)
    if who:
        state.attribution, state.attribution_words = who, who_words
    if not mentions:
        if references:
            state.period, state.period_words = _as_period(references[-1], ctx), references[-1].words
        return []
    assign_meaning(tokens, mentions, state.carried)
    sentence_countries = [iso for _, iso in countries_in(text)]
    places = places_in(text, ctx.country)
    country = _country(sentence_countries, places, state, ctx)
    records = []
    ids: dict[int, str] = {}
    for n, m in enumerate(mentions):
        if m.metric is None:
            continue
        start, end = tokens[m.first].start, tokens[m.stop - 1].end
        fid = figure_id(doc.doc_id, start, end)
        ids[n] = fid
        period, period_words = _reference_period(m, n, mentions, tokens, references, periods, ctx, state)
        comparison, comparison_words = (None, "")
        if m.kind == "change":
            comparison, comparison_words = _comparison_period(m, tokens, text, seg.start, periods, period)
        evidence = {
            **m.evidence,
            "population": m.population,
            "period": period_words or None,
            "comparison": comparison_words or None,
            "attribution": (who_words or state.attribution_words) or None,
        }
        records.append(
            {
                "figure_id": fid,
                "doc_id": doc.doc_id,
                "path": doc.path,
                "char_start": start,
                "char_end": end,
                "text": body[start:end],
                "sentence": text,
                "kind": m.kind,
                "value": round(m.value, 4),
                "low": round(m.low, 4) if m.low is not None else None,
                "high": round(m.high, 4) if m.high is not None else None,
                "qualifier": m.qualifier,
                "metric": m.metric,
                "population": m.population,
                "country": country,
                "places": [name for _, name, _ in places],
                "period_start": period.start.isoformat() if period else None,
                "period_end": period.end.isoformat() if period and period.end else None,
                "period_label": period.label if period else None,
                "comparison_start": comparison.start.isoformat() if comparison else None,
                "comparison_end": comparison.end.isoformat() if comparison and comparison.end else None,
                "attributed_to": who or state.attribution or ctx.last_body or ctx.title_source,
                "parent_figure_id": ids.get(m.parent) if m.parent is not None else None,
                "evidence": json.dumps(evidence, ensure_ascii=False),
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
        if m.kind == "count" and m.before_after != "before":
            state.period = period
            state.period_words = period_words
    last = next((m for m in reversed(mentions) if m.metric), None)
    if last is not None:
        state.carried = (last.metric, last.population)
    return records


def _shift(p: PeriodMention, offset: int) -> PeriodMention:
    return PeriodMention(p.start + offset, p.end + offset, p.period, p.role, p.words)


def _as_period(p: PeriodMention, ctx: DocumentContext) -> Period:
    if p.role == "since":
        end = ctx.published if ctx.published and ctx.published >= p.period.start else None
        return Period(p.period.start, end)
    return p.period


def _country(sentence_countries: list[str], places: list, state: ParagraphState, ctx: DocumentContext) -> str | None:
    if sentence_countries:
        if ctx.country in sentence_countries:
            return ctx.country
        return sentence_countries[0]
    from_places = [iso for _, _, iso in places if iso]
    if from_places and ctx.country not in from_places:
        return from_places[0] if ctx.country is None else ctx.country
    return ctx.country


def _reference_period(
    m: Mention,
    n: int,
    mentions: list[Mention],
    tokens: list[Token],
    references: list[PeriodMention],
    periods: list[PeriodMention],
    ctx: DocumentContext,
    state: ParagraphState,
) -> tuple[Period | None, str]:
    start, end = tokens[m.first].start, tokens[m.stop - 1].end
    if m.before_after == "before":
        # "from 215 to 206": the earlier value belongs to the comparison period
        after = [p for p in periods if p.start >= end and p.start - end <= NEAR_PERIOD_CHARS and p.role != "since"]
        compare = [p for p in periods if p.role == "comparison"]
        chosen = (after or compare or [None])[0]
        if chosen is not None:
            return _as_period(chosen, ctx), chosen.words
        earlier_change = next((c for c in reversed(mentions[:n]) if c.kind == "change"), None)
        if earlier_change is not None:
            return None, ""
    nxt_start = tokens[mentions[n + 1].first].start if n + 1 < len(mentions) else None
    after = [
        p
        for p in references
        if p.start >= end and p.start - end <= NEAR_PERIOD_CHARS and (m.kind == "count" or nxt_start is None or p.start < nxt_start)
    ]
    if after:
        return _as_period(after[0], ctx), after[0].words
    before = [p for p in references if p.end <= start]
    if before:
        return _as_period(before[-1], ctx), before[-1].words
    if references and m.kind != "count":
        return _as_period(references[0], ctx), references[0].words
    if state.period is not None:
        return state.period, f"carried: {state.period_words}"
    if ctx.title_period is not None:
        return ctx.title_period, "title"
    return None, ""


def _comparison_period(
    m: Mention, tokens: list[Token], text: str, offset: int, periods: list[PeriodMention], reference: Period | None
) -> tuple[Period | None, str]:
    end = tokens[m.stop - 1].end
    if reference is None and SAME_PERIOD.search(text):
        return None, ""  # "the same period in 2020" cannot be placed without the figure's own period
    for start_, stop, period in same_period_comparisons(text, reference):
        if start_ + offset >= end - 200:
            return period, text[start_:stop]
    explicit = [p for p in periods if p.role == "comparison" and p.start >= end]
    if explicit:
        return explicit[0].period, explicit[0].words
    later = [p for p in periods if p.start >= end and p.role in ("reference", "day") and (reference is None or p.period != reference)]
    if later and later[0].start - end <= NEAR_PERIOD_CHARS + 40:
        return later[0].period, later[0].words
    for match in PREVIOUS.finditer(text):
        if match.start() + offset >= end - 5:
            return previous_period(reference, match["unit"]), match.group()
    return None, ""
