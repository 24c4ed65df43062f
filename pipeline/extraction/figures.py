"""Extract every reported figure of a document as records of the spec's shape.

Per sentence: tokens -> number expressions -> candidate mentions (bounds, kind) -> meaning
(metric, population, parent) -> context (period, comparison, place, country, attribution).
Context that a sentence leaves unsaid is carried from earlier sentences of its paragraph,
and from the document's title and date.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.documents import Document
from pipeline.extraction.attribution import (
    alias_text,
    attribution_in,
    attribution_in_title,
    bodies_in,
    has_speech_cue,
    is_body,
    is_broad,
    person_names,
    quote_speaker,
    speaker_at,
    speaker_spans,
    speech_matches,
)
from pipeline.extraction.lexicon import ARMED_CONTEXT
from pipeline.extraction.meaning import NO_FRAMING, assign_meaning, civilian_framing, may_name_metric
from pipeline.extraction.mentions import Mention, build_mentions
from pipeline.extraction.numbers import ascii_words, has_number_candidate, may_hold, may_hold_number
from pipeline.extraction.tables import table_figures
from pipeline.extraction.tokens import Segment, Token, paragraphs, sentences
from pipeline.extraction.window import NarrowWindow, SentenceTokens, holds_token, sentence_tokens, whole, wide_enough
from pipeline.periods import (
    PREVIOUS,
    SAME_PERIOD,
    Period,
    PeriodMention,
    find_periods,
    previous_period,
    same_period_comparisons,
)
from pipeline.places import (
    countries_in,
    document_country,
    paragraph_country,
    place_figures,
    places_in,
    places_to_carry,
    title_places,
)

# Raised whenever what the extractor reads changes: each figure records the version that read
# it, and `humstat run --full` reads every document again with the current one.
EXTRACTOR_VERSION = "0.5.0"
UNRESOLVED_SINCE = re.compile(r"\bsince\b", re.I)
STOCK = re.compile(r"\b(?:currently|now|remain|remains|still)\b", re.I)
# The words STOCK and UNRESOLVED_SINCE need (they ignore case): `ascii_words` without them
# spare the searches.
STOCK_AND_SINCE_WORDS = (frozenset({"currently", "now", "remain", "remains", "still"}), frozenset({"since"}))
# Marks that open a list item: the items after a lead-in ending in ":" keep its framing.
LIST_MARKS = frozenset("-•*–")
# How far after a number a period may stand and still be its own ("... in November 2014").
AFTER_PERIOD_CHARS = 150


def figure_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:24]


@dataclass
class DocumentContext:
    """What the document as a whole says: its date, country, period and source."""

    published: date | None
    country: str | None
    title_period: Period | None
    title_source: str | None
    title_places: list = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # full names met so far, for "Lyons said"
    period: Period | None = None  # the last period a figure of the document was given
    period_words: str = ""
    period_source: str | None = None  # ... and who stated that figure
    last_attribution: str | None = None
    speakers: list[str] = field(default_factory=list)  # every speaker so far, for "the mission said"
    last_comparison: tuple[Period, Period] | None = None  # (reference, comparison) last stated


@dataclass(frozen=True, slots=True)
class PendingSentence:
    seg: Segment
    text: str
    number_free: bool  # holds no number candidate: its relative periods ("this year") date nothing
    numbers_possible: bool  # may hold a number expression, which keeps its period from carrying on


@dataclass
class ParagraphState:
    civilian: bool = False
    lead: tuple[str, Segment | None] = ("", None)  # the body and the paragraph's first sentence
    outer_framing: frozenset[str] = NO_FRAMING  # what the title and a list's lead-in frame
    _framing: frozenset[str] | None = None
    period: Period | None = None
    period_words: str = ""
    attribution: str | None = None
    attribution_words: str = ""
    carried: tuple[str, str | None] | None = None
    places: list[tuple[int, str, str | None]] = field(default_factory=list)
    country: str | None = None  # the country the paragraph opens with ("Yemen: ...")
    # Sentences stating no figure whose period and places are not read yet: only a later
    # figure of the paragraph needs them, and most paragraphs state none.
    pending: list[PendingSentence] = field(default_factory=list)

    @property
    def framing(self) -> frozenset[str]:
        """Whose harm the paragraph's first sentence, its list's lead-in or the title frames,
        read when a figure first needs it."""
        if self._framing is None:
            body, lead = self.lead
            self._framing = civilian_framing(body[lead.start : lead.end]) | self.outer_framing if lead else self.outer_framing
        return self._framing

    def default_year(self, ctx: DocumentContext) -> int | None:
        """The year the text around is about: of the paragraph's period, the document's, its title's."""
        for period in (self.period, ctx.period, ctx.title_period):
            if period is not None:
                return (period.end or period.start).year
        return None


def _document_context(doc: Document) -> DocumentContext:
    # the country the document's metadata names (ReliefWeb's primary_country) over the text's
    country = doc.country or document_country(doc.title, doc.body)
    if country is None:
        # "UNAMA documented ...": the bodies named carry their country in their full names
        text = f"{doc.title or ''}\n{doc.body}"
        names = " ".join(alias_text(b) for b in bodies_in(text) + ([doc.source] if doc.source else []))
        counts = Counter(iso for _, iso in countries_in(names))
        country = counts.most_common(1)[0][0] if counts else None
    title_period = None
    if doc.title:
        refs = [p for p in find_periods(doc.title, doc.published) if p.role in ("reference", "day")]
        if refs:
            title_period = max(refs, key=lambda p: len(p.words)).period
    return DocumentContext(
        doc.published,
        country,
        title_period,
        attribution_in_title(doc.title, doc.body) or doc.source,
        title_places(doc.title, country) if doc.title else [],
    )


def extract(doc: Document) -> list[dict]:
    ctx = _document_context(doc)
    body = doc.body
    segments = sentences(body)
    table = table_figures(doc, segments, ctx, ParagraphState(civilian="civilian" in body.lower()))
    records: list[dict] = list(table.records)
    # segments and paragraphs both run in text order: one pass pairs each sentence with the
    # paragraph its start falls in
    k, count = 0, len(segments)
    title_framing = civilian_framing(doc.title) if doc.title else NO_FRAMING
    lead_in = NO_FRAMING  # a sentence ending in ":" frames the list items after it
    after_mark = False  # the paragraph before was a bare list mark: this one is the item
    carried = ()  # the places the paragraphs so far last named, of the document's country
    for para in paragraphs(body):
        while k < count and segments[k].start < para.start:
            k += 1
        lead = segments[k] if k < count and segments[k].start < para.end else None
        first = body[lead.start] if lead is not None else ""
        if first not in LIST_MARKS and not first.isdigit() and not after_mark:
            lead_in = NO_FRAMING
        after_mark = body[para.start : para.end].strip() in LIST_MARKS
        state = ParagraphState(
            civilian="civilian" in body[para.start : para.end].lower(),
            lead=(body, lead),
            outer_framing=title_framing | lead_in if lead_in else title_framing,
            places=carried,
            country=paragraph_country(body[para.start : para.start + 60]),
        )
        if body[para.start : para.start + 1] in ("“", '"'):
            # a quotation that opens the paragraph: its speaker is named where it closes
            state.attribution, state.attribution_words = quote_speaker(body[para.start : para.end], ctx.people, ctx.last_attribution)
        last = None
        while k < count and segments[k].start < para.end:
            last = segments[k]
            k += 1
            if last not in table.consumed:
                records.extend(_sentence_figures(doc, ctx, state, last))
        if last is not None and body[last.end - 1] == ":":
            # the list continues the whole paragraph: "... civilian casualties reached 292. Among them:"
            lead_in = civilian_framing(body[para.start : last.end])
        carried = places_to_carry([p.text for p in state.pending], state.places, ctx.country, carried)
    return records


def _sentence_figures(doc: Document, ctx: DocumentContext, state: ParagraphState, seg: Segment) -> list[dict]:
    body = doc.body
    text = body[seg.start : seg.end]
    words = ascii_words(text)
    if not has_number_candidate(text, words):
        _read_speaker(text, words, ctx, state)
        state.pending.append(PendingSentence(seg, text, True, False))
        return []
    numbers_possible = may_hold_number(text, words)
    if not numbers_possible or (state.carried is None and not may_name_metric(words)):
        # no figure here: none of its numbers can say what it counts
        _read_speaker(text, words, ctx, state)
        state.pending.append(PendingSentence(seg, text, False, numbers_possible))
        return []
    _read_pending(doc, ctx, state)
    view, mentions = _mentions(text, seg.start, words, body)
    who, who_words = _read_speaker(text, words, ctx, state)
    # two speakers in one sentence: each figure is its own clause's ("X said 5, while Y said 9")
    spans = speaker_spans(text, ctx.people, words) if who else []
    periods, references = _sentence_periods(text, seg.start, ctx, state)
    sentence_places = places_in(text, ctx.country)
    if sentence_places:
        state.places = sentence_places
    if not mentions:
        _carry_absolute_period(references, state)
        return []
    tokens, mentions = _read_meaning(text, seg.start, body, view, mentions, state)
    placed = place_figures(
        text, seg.start, [(tokens[m.first].start, tokens[m.stop - 1].end) for m in mentions], [m.metric for m in mentions],
        sentence_places, state.places, ctx.country, body, ctx.title_places, state.country,
    )
    records = []
    ids: dict[int, str] = {}
    for n, m in enumerate(mentions):
        if m.metric is None:
            continue
        start, end = tokens[m.first].start, tokens[m.stop - 1].end
        fid = figure_id(doc.doc_id, start, end)
        ids[n] = fid
        own = speaker_at(spans, text, start - seg.start) if spans else None
        attributed = own or who or state.attribution or ctx.title_source or ctx.last_attribution
        if is_broad(attributed) and ctx.title_source and not is_broad(ctx.title_source):
            attributed = ctx.title_source  # "the UN" in a UNMISS press release is UNMISS
        went_to, came_from = _change_between_values(m, n, mentions, tokens, periods)
        period, period_words = went_to or _reference_period(m, n, mentions, tokens, references, periods, ctx, state, attributed, text, words)
        comparison, comparison_words = (None, "")
        if m.kind == "change":
            comparison, comparison_words = came_from or _comparison_period(m, tokens, text, seg.start, periods, period, ctx)
            m.comparison = comparison
            if comparison is not None and period is not None:
                ctx.last_comparison = (period, comparison)
        evidence = {
            **m.evidence,
            "population": m.population,
            "pair": m.before_after,  # "before" / "after" in "from 507 to 202", for the claim checks
            "period": period_words or None,
            "comparison": comparison_words or None,
            "attribution": (("the speaker of its clause" if own else who_words) or state.attribution_words or ("title or source" if attributed else "")) or None,
            "where": placed[n][2],
        }
        records.append(
            figure_record(doc, m, start, end, text, {
                "figure_id": fid,
                "country": placed[n][1],
                "places": placed[n][0],
                "period": period,
                "comparison": comparison,
                "attributed_to": attributed,
                "parent_figure_id": ids.get(m.parent) if m.parent is not None else None,
                "evidence": evidence,
            })
        )
        if m.kind == "count" and m.before_after != "before" and period is not None and not period_words.startswith("since"):
            state.period, state.period_words = period, period_words
            ctx.period, ctx.period_words, ctx.period_source = period, period_words, attributed
    last = next((m for m in reversed(mentions) if m.metric), None)
    if last is not None and last.metric:
        state.carried = (last.metric, last.population)
    return records


def _mentions(text: str, offset: int, words: frozenset[str] | None, body: str) -> tuple[SentenceTokens, list[Mention]]:
    """The sentence's candidate figures, read from a window of its tokens where that is exact."""
    view = sentence_tokens(text, offset, words)
    mentions = build_mentions(view.tokens, body)
    if mentions and not wide_enough(view, mentions[-1].stop):
        view = whole(text, offset)
        mentions = build_mentions(view.tokens, body)
    return view, mentions


def _read_meaning(
    text: str, offset: int, body: str, view: SentenceTokens, mentions: list[Mention], state: ParagraphState
) -> tuple[list[Token], list[Mention]]:
    """Meaning assigned to the mentions; a window too narrow for it is widened to the sentence."""
    if view.clipped_left or view.clipped_right:
        lower = text.lower()
        armed = holds_token(text, offset, lower, ARMED_CONTEXT)
        framing = civilian_framing(text, sentence=True)
        try:
            assign_meaning(view.tokens, mentions, state.carried, state.framing, armed, framing, view.left_guard)
            return view.tokens, mentions
        except NarrowWindow:
            view = whole(text, offset)
            mentions = build_mentions(view.tokens, body)
    assign_meaning(view.tokens, mentions, state.carried, state.framing, sentence_framing=civilian_framing(text, sentence=True, tokens=view.tokens))
    return view.tokens, mentions


def _sentence_periods(text: str, offset: int, ctx: DocumentContext, state: ParagraphState) -> tuple[list[PeriodMention], list[PeriodMention]]:
    """The sentence's periods (offsets in the body), and those that may date its figures."""
    periods = [_shift(p, offset) for p in find_periods(text, ctx.published, state.default_year(ctx))]
    references = [p for p in periods if p.role in ("reference", "day", "since")]
    # "reported this week" dates the report; it names the figure's period only when nothing else does
    references = references or [replace(p, role="reference") for p in periods if p.role == "relative"]
    return periods, references


def _carry_absolute_period(periods: list[PeriodMention], state: ParagraphState) -> None:
    absolute = [p for p in periods if p.role in ("reference", "day")]
    if absolute:
        state.period, state.period_words = absolute[-1].period, absolute[-1].words


def _read_pending(doc: Document, ctx: DocumentContext, state: ParagraphState) -> None:
    """What the sentences stating no figure since the last figure say of period and place,
    read in order as if each had been read as it came (nothing else changes the paragraph's
    period meanwhile)."""
    pending, state.pending = state.pending, []
    for sentence in pending:
        periods, references = _sentence_periods(sentence.text, sentence.seg.start, ctx, state)
        if sentence.number_free:
            _carry_absolute_period(periods, state)
        elif references and not (sentence.numbers_possible and _mentions(sentence.text, sentence.seg.start, ascii_words(sentence.text), doc.body)[1]):
            _carry_absolute_period(references, state)
    for sentence in reversed(pending):  # the last sentence that names a place wins
        places = places_in(sentence.text, ctx.country)
        if places:
            state.places = places
            break


def _read_speaker(text: str, words: frozenset[str] | None, ctx: DocumentContext, state: ParagraphState) -> tuple[str | None, str]:
    """Who the sentence says is speaking, remembered for the sentences after it."""
    if not has_speech_cue(text):
        return None, ""
    speech = speech_matches(text, words)
    ctx.people = person_names(text, ctx.people, words, speech)
    who, who_words = attribution_in(text, ctx.last_attribution, ctx.people, words, speech, ctx.speakers)
    if who:
        state.attribution, state.attribution_words = who, who_words
        ctx.last_attribution = who
        if not ctx.speakers or ctx.speakers[-1] != who:
            ctx.speakers.append(who)
    return who, who_words


def figure_record(doc: Document, m: Mention, start: int, end: int, sentence: str, context: dict) -> dict:
    """One record with every field of the spec (plus the added ones)."""
    period: Period | None = context["period"]
    comparison: Period | None = context["comparison"]
    return {
        "figure_id": context["figure_id"],
        "doc_id": doc.doc_id,
        "path": doc.path,
        "char_start": start,
        "char_end": end,
        "text": doc.body[start:end],
        "sentence": sentence,
        "kind": m.kind,
        "value": round(m.value, 4),
        "low": round(m.low, 4) if m.low is not None else None,
        "high": round(m.high, 4) if m.high is not None else None,
        "qualifier": m.qualifier,
        "metric": m.metric,
        "population": m.population,
        "country": context["country"],
        "places": context["places"],
        "period_start": period.start.isoformat() if period else None,
        "period_end": period.end.isoformat() if period and period.end else None,
        "period_label": period.label if period else None,
        "comparison_start": comparison.start.isoformat() if comparison else None,
        "comparison_end": comparison.end.isoformat() if comparison and comparison.end else None,
        "attributed_to": context["attributed_to"],
        "parent_figure_id": context["parent_figure_id"],
        "evidence": json.dumps(context["evidence"], ensure_ascii=False),
        "extractor_version": EXTRACTOR_VERSION,
    }


def _shift(p: PeriodMention, offset: int) -> PeriodMention:
    return PeriodMention(p.start + offset, p.end + offset, p.period, p.role, p.words)


def _change_between_values(
    m: Mention, n: int, mentions: list[Mention], tokens: list[Token], periods: list[PeriodMention]
) -> tuple[tuple[Period, str] | None, tuple[Period, str] | None]:
    """'up 28% to 215 in Q3, from 168 during Q2': a change that names the value it went to is
    dated by that value's period, and one that names the value it came from is compared with
    that value's; each is the first period written after the value, before the next figure."""
    if m.kind != "change" or n + 1 >= len(mentions):
        return None, None
    went_to = mentions[n + 1]
    if went_to.kind != "count" or [t.lower for t in tokens[m.stop : went_to.first]] != ["to"]:
        return None, None
    rest = mentions[n + 2 :]
    k = next((k for k, x in enumerate(rest) if x.kind == "count" and x.first > 0 and tokens[x.first - 1].lower == "from"), None)
    next_first = rest[0].first if rest else len(tokens)
    to_period = _first_period_between(periods, tokens[went_to.stop - 1].end, tokens[next_first - 1].end + 1, ("reference", "day"))
    went = (to_period.period, f"of the value it went to: {to_period.words}") if to_period else None
    if k is None:
        return went, None
    came_from = rest[k]
    after_from = rest[k + 1].first if k + 1 < len(rest) else len(tokens)
    from_period = _first_period_between(periods, tokens[came_from.stop - 1].end, tokens[after_from - 1].end + 1, ("reference", "day", "comparison"))
    return went, (from_period.period, f"of the value it came from: {from_period.words}") if from_period else None


def _first_period_between(periods: list[PeriodMention], start: int, end: int, roles: tuple[str, ...]) -> PeriodMention | None:
    return next((p for p in periods if start <= p.start < end and p.role in roles), None)


def _as_period(p: PeriodMention, ctx: DocumentContext) -> Period:
    if p.role == "since":
        end = ctx.published if ctx.published and ctx.published >= p.period.start else None
        return Period(p.period.start, end)
    return p.period


def _words(p: PeriodMention) -> str:
    return f"since {p.words}" if p.role == "since" else p.words


def _reference_period(
    m: Mention,
    n: int,
    mentions: list[Mention],
    tokens: list[Token],
    references: list[PeriodMention],
    periods: list[PeriodMention],
    ctx: DocumentContext,
    state: ParagraphState,
    attributed: str | None,
    sentence: str,
    words: frozenset[str] | None,
) -> tuple[Period | None, str]:
    start, end = tokens[m.first].start, tokens[m.stop - 1].end
    if m.before_after == "before":
        # "from 38 in August to 31 in September": the earlier value's own period, else the
        # starting point or comparison the sentence names ("since 2013, from 217,000 to ...")
        partner = next((x for x in mentions[n + 1 :] if x.before_after == "after"), None)
        until = tokens[partner.first].start if partner else end + 40
        between = [p for p in periods if end <= p.start < until and p.role in ("reference", "day", "comparison")]
        if between:
            return _as_period(between[0], ctx), between[0].words
        change = next((x for x in reversed(mentions[:n]) if x.kind == "change"), None)
        if change is not None and change.comparison is not None:
            return change.comparison, "the comparison period of the change it illustrates"
        earlier = [p for p in periods if p.role in ("since", "comparison")]
        if earlier:
            return earlier[0].period, earlier[0].words
        return None, ""
    after = [p for p in references if p.start >= end and p.start - end <= AFTER_PERIOD_CHARS]
    if m.kind != "count":
        nxt = mentions[n + 1] if n + 1 < len(mentions) else None
        after = [p for p in after if nxt is None or nxt.before_after or p.start < tokens[nxt.first].start]
    if after:
        return _as_period(after[0], ctx), _words(after[0])
    before = [p for p in references if p.end <= start]
    if before:
        return _as_period(before[-1], ctx), _words(before[-1])
    if may_hold(words, STOCK_AND_SINCE_WORDS[1]) and UNRESOLVED_SINCE.search(sentence) and not any(p.role == "since" for p in periods):
        return None, ""  # "since the attacks started": a period the text states but does not date
    if state.period is not None:
        return state.period, f"carried: {state.period_words}"
    if may_hold(words, STOCK_AND_SINCE_WORDS[0]) and STOCK.search(sentence):
        return None, ""  # "are currently in the country": a stock figure, not a count over a period
    if ctx.period is not None and (state.attribution in (None, ctx.period_source) or not is_body(state.attribution)):
        # the document goes on about the same period, unless another body's report has taken
        # over (a witness, an official or a spokesman speaks of the events already dated)
        return ctx.period, f"carried from an earlier paragraph: {ctx.period_words}"
    if ctx.title_period is not None:
        return ctx.title_period, "title"
    return None, ""


def _comparison_period(
    m: Mention,
    tokens: list[Token],
    text: str,
    offset: int,
    periods: list[PeriodMention],
    reference: Period | None,
    ctx: DocumentContext,
) -> tuple[Period | None, str]:
    end = tokens[m.stop - 1].end
    if reference is None and SAME_PERIOD.search(text):
        return None, ""  # "the same period in 2020" cannot be placed without the figure's own period
    for start_, stop, period in same_period_comparisons(text, reference):
        if start_ + offset >= end - 200:
            return period, text[start_:stop]
    explicit = [p for p in periods if p.role in ("comparison", "since") and p.start >= end]
    # "as compared to the previous reporting period (April to June 2024), a 35 percent reduction"
    explicit = explicit or [p for p in periods if p.role == "comparison"]
    if explicit:
        return explicit[0].period, explicit[0].words
    later = [p for p in periods if p.start >= end and p.role in ("reference", "day") and (reference is None or p.period != reference)]
    if later and later[0].start - end <= AFTER_PERIOD_CHARS:
        return later[0].period, later[0].words
    for match in PREVIOUS.finditer(text):
        if match.start() + offset >= end - 5:
            return previous_period(reference, match["unit"]), match.group()
    if ctx.last_comparison and reference is not None and ctx.last_comparison[0] == reference:
        return ctx.last_comparison[1], "carried: the comparison stated earlier for the same period"
    return None, ""
