"""Extract every reported figure of a document as records of the spec's shape.

Per sentence: tokens -> number expressions -> candidate mentions (bounds, kind) -> meaning
(metric, population, parent) -> context (period, comparison, place, country, attribution).
Context is read through explicit scopes, nearest first (`scopes.py`): the figure's phrase, its
sentence, the total it is a part of, the earlier sentences of its paragraph, the report-period
header above it, the earlier paragraphs, the title and the document date. Each record's
evidence names the scope that decided each field (`period_scope`, `comparison_scope`, ...).
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
from pipeline.extraction.scopes import Reading, Scope, nearest
from pipeline.extraction.tables import table_figures
from pipeline.extraction.tokens import LIST_MARKS, Segment, Token, paragraphs, sentences
from pipeline.extraction.window import NarrowWindow, SentenceTokens, holds_token, sentence_tokens, whole, wide_enough
from pipeline.periods import (
    FUTURE,
    PREVIOUS,
    SAME_PERIOD,
    SO_FAR,
    Period,
    PeriodMention,
    find_periods,
    header_period,
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
EXTRACTOR_VERSION = "0.6.0"
STOCK = re.compile(r"\b(?:currently|now|remain|remains|still)\b", re.I)
# The words STOCK and "since" need (they ignore case): `ascii_words` without them
# spare the searches.
STOCK_AND_SINCE_WORDS = (frozenset({"currently", "now", "remain", "remains", "still"}), frozenset({"since"}))
# How far after a number a period may stand and still be its own ("... in November 2014").
AFTER_PERIOD_CHARS = 150
# How far before a figure a stock word ("remain", "currently") makes it a stock; twice as far after it.
STOCK_CHARS = 60
# How far after a part of a total ("including 300 children in January") a period is the part's own.
PART_PERIOD_CHARS = 40
# A clause break between a figure and a period after it: "37 were hurt in 2020, while in 2019
# it was 29", "64,000 so far in May, and as of 21 May, 310,000 ...": the period leads the
# next figure's clause, not this figure's.
CLAUSE_BREAK = re.compile(r"(?:\b(?:while|whereas)|[,;]\s*(?:and|but|while|whereas)|;)(?:\s+[\w-]+){0,2}\s*$")
RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose)\b[^,;]*$", re.I)
TOTAL_BREAK = re.compile(r",\s*(?:bringing|taking|raising|pushing|putting|lifting)\b", re.I)
# How many of a paragraph's last sentences without figures are read for the period it names last.
CLOSING_SENTENCES = 2
# The roles of the periods that may date a figure.
DATING = ("reference", "day", "since", "as_of")


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
    last_attribution: str | None = None
    speakers: list[str] = field(default_factory=list)  # every speaker so far, for "the mission said"
    last_comparison: tuple[Period, Period] | None = None  # (reference, comparison) last stated
    period_kind: str = ""  # "since" or "as_of" where `period` came from one
    header: Reading | None = None  # the report-period header above ("Reporting period: 3-9 June")
    header_kind: str = ""
    last_named: Period | None = None  # the period the text named last, for "during that period"
    last_named_at: int = -1  # ... and where
    unread: list = field(default_factory=list)  # sentences without figures kept for it (`_close_paragraph`)
    events: dict[str, date] = field(default_factory=dict)  # "coup" -> the day "since the coup on ..." gave


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
    period_kind: str = ""  # "since" or "as_of" where `period` came from one
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
        """The year the text around is about: of the paragraph's period, the document's, its
        title's, else of the period the text named last."""
        for period in (self.period, ctx.period, ctx.title_period):
            if period is not None and (period.end or period.start) is not None:
                return (period.end or period.start).year
        if ctx.unread:
            _read_unread(ctx)
        period = ctx.last_named
        if period is not None and (period.end or period.start) is not None:
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
    list_period: tuple[Period, str, str] | None = None  # ... and dates them
    before_list = None  # in a list, the places the text before it passed on
    speaker_before_list = None  # ... and the last speaker before it
    for para in paragraphs(body):
        while k < count and segments[k].start < para.start:
            k += 1
        lead = segments[k] if k < count and segments[k].start < para.end else None
        first = body[lead.start] if lead is not None else ""
        if first not in LIST_MARKS and not first.isdigit() and not after_mark:
            lead_in, list_period = NO_FRAMING, None
        # a list item's places are its own: the items after it, and the text after the list,
        # take what the text before the list named (sibling bullets of a report's highlights)
        is_item = first in LIST_MARKS or after_mark
        if not is_item:
            before_list = None
        elif before_list is None:
            before_list, speaker_before_list = carried, ctx.last_attribution
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
        if list_period is not None:  # the items of a list take the period of its lead-in
            state.period, state.period_words, state.period_kind = list_period
        _read_header(body, para, ctx, state)
        last = None
        while k < count and segments[k].start < para.end:
            last = segments[k]
            k += 1
            if last not in table.consumed:
                records.extend(_sentence_figures(doc, ctx, state, last))
        leads_list = last is not None and body[last.end - 1] == ":"
        carried = places_to_carry([p.text for p in state.pending], state.places, ctx.country, carried)
        if before_list is not None and not after_mark:
            # ... and so is its speaker: the next item is not what this one's source said
            carried, ctx.last_attribution = before_list, speaker_before_list
        _close_paragraph(ctx, state, leads_list)
        if leads_list:
            # the list continues the whole paragraph: "... civilian casualties reached 292. Among them:"
            lead_in = civilian_framing(body[para.start : last.end])
            list_period = (state.period, state.period_words, state.period_kind) if state.period is not None else None
    return records


def _read_header(body: str, para: Segment, ctx: DocumentContext, state: ParagraphState) -> None:
    """A report-period header ("Reporting period: 3-9 June", "Figures as of 15 March") governs
    the figures under it, until the next header: the periods carried from before it end."""
    if para.end - para.start > 200:
        return
    line = body[para.start : para.end]
    header = header_period(line.split("\n", 1)[0], ctx.published, state.default_year(ctx))
    if header is None:
        return
    ctx.header = Reading(_as_period(header, ctx), header.words, Scope.HEADER)
    ctx.header_kind = header.role
    ctx.period, ctx.period_words, ctx.period_kind = None, "", ""


def _close_paragraph(ctx: DocumentContext, state: ParagraphState, leads_list: bool) -> None:
    """The periods of the paragraph's sentences that stated no figure, kept for what the
    document remembers: the events "since" dates ("since the blockade on 9 March") and the
    period named last, which "during that period" takes up in a later paragraph. Only the
    paragraph's last CLOSING_SENTENCES and those with "since" are kept, and they are read only
    when a later sentence needs them (`_read_unread`; most sentences of a document state no
    figure and name nothing that is asked for). A paragraph that leads into a list is read at
    once: its period dates the list's items."""
    pending, state.pending = state.pending, []
    if not pending:
        return
    kept = [s for k, s in enumerate(pending) if k >= len(pending) - CLOSING_SENTENCES or "since" in s.text.lower()]
    if not leads_list:
        ctx.unread.extend(kept)
        return
    _read_unread(ctx)
    for sentence in kept:
        periods, references = _sentence_periods(sentence.text, sentence.seg.start, ctx, state)
        _carry_absolute_period(periods if sentence.number_free else references, state, ctx)


def _read_unread(ctx: DocumentContext) -> None:
    """Read the sentences `_close_paragraph` kept, in text order; the period named last stays
    the one named latest in the text."""
    unread, ctx.unread = ctx.unread, []
    for sentence in unread:
        _sentence_periods(sentence.text, sentence.seg.start, ctx, ParagraphState())


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
        _carry_absolute_period(references, state, ctx)
        return []
    tokens, mentions = _read_meaning(text, seg.start, body, view, mentions, state)
    placed = place_figures(
        text, seg.start, [(tokens[m.first].start, tokens[m.stop - 1].end) for m in mentions], [m.metric for m in mentions],
        sentence_places, state.places, ctx.country, body, ctx.title_places, state.country,
    )
    stock = may_hold(words, STOCK_AND_SINCE_WORDS[0]) and bool(STOCK.search(text))
    records = []
    ids: dict[int, str] = {}
    chosen: dict[int, Reading] = {}
    for n, m in enumerate(mentions):
        if m.metric is None:
            continue
        start, end = tokens[m.first].start, tokens[m.stop - 1].end
        fid = figure_id(doc.doc_id, start, end)
        ids[n] = fid
        own = speaker_at(spans, text, start - seg.start) if spans else None
        attributed, attribution_scope = _attribution(who, state, ctx, own)
        went_to, came_from = _change_between_values(m, n, mentions, tokens, periods)
        parent = chosen.get(m.parent) if m.parent is not None else None
        # a stock word in the figure's own stretch of the sentence ("remain displaced"), not
        # anywhere in it ("details were still emerging ... hundreds were abducted")
        own_stock = stock and bool(STOCK.search(text, max(0, start - seg.start - STOCK_CHARS), end - seg.start + 2 * STOCK_CHARS))
        reading = went_to or _reference_period(m, n, mentions, tokens, references, periods, ctx, state, attributed, text, words, parent, own_stock, seg.start)
        reading = _settled(reading, periods, ctx, state, own_stock, text)
        if reading is not None:
            chosen[n] = reading
        period = reading.value if reading else None
        comparison_reading = None
        if m.kind == "change":
            comparison_reading = came_from or _comparison_period(m, tokens, text, seg.start, periods, period, ctx)
            m.comparison = comparison_reading.value if comparison_reading else None
            if m.comparison is not None and period is not None:
                ctx.last_comparison = (period, m.comparison)
        evidence = {
            **m.evidence,
            "population": m.population,
            "pair": m.before_after,  # "before" / "after" in "from 507 to 202", for the claim checks
            "period": (reading.words if reading else "") or None,
            "period_scope": reading.scope.value if reading else None,
            "comparison": (comparison_reading.words if comparison_reading else "") or None,
            "comparison_scope": comparison_reading.scope.value if comparison_reading else None,
            "attribution": (("the speaker of its clause" if own else who_words) or state.attribution_words or ("title or source" if attributed else "")) or None,
            "attribution_scope": attribution_scope.value if attributed and attribution_scope else None,
            "where": placed[n][2],
            **where_scopes(placed[n][2], bool(placed[n][0]), bool(placed[n][1])),
        }
        records.append(
            figure_record(doc, m, start, end, text, {
                "figure_id": fid,
                "country": placed[n][1],
                "places": placed[n][0],
                "period": period,
                "comparison": m.comparison,
                "attributed_to": attributed,
                "parent_figure_id": ids.get(m.parent) if m.parent is not None else None,
                "evidence": evidence,
            })
        )
        if m.kind == "count" and m.before_after != "before" and period is not None and reading.scope in NEAR and not _after_compared(m, tokens):
            kind = reading.kind
            state.period, state.period_words, state.period_kind = period, reading.words, kind
            ctx.period, ctx.period_words, ctx.period_kind = period, reading.words, kind
    if not records:
        _carry_absolute_period(references, state, ctx)
    last = next((m for m in reversed(mentions) if m.metric), None)
    if last is not None and last.metric:
        state.carried = (last.metric, last.population)
    return records


# The scopes of the paragraph: a period read there is carried on to the next paragraphs.
NEAR = (Scope.PHRASE, Scope.SENTENCE, Scope.TOTAL, Scope.PARAGRAPH)


def _attribution(who: str | None, state: ParagraphState, ctx: DocumentContext, own: str | None = None) -> tuple[str | None, Scope | None]:
    """Who stated the figure, and the scope that said it: the speaker of its own clause (`own`,
    where a sentence has two: "X said 5, while Y said 9"), the sentence's speaker, the
    paragraph's, the title or source of the document, the last speaker of the document."""
    found = nearest((
        Reading(own, "", Scope.PHRASE) if own else None,
        Reading(who, "", Scope.SENTENCE) if who else None,
        Reading(state.attribution, "", Scope.PARAGRAPH) if state.attribution else None,
        Reading(ctx.title_source, "", Scope.TITLE) if ctx.title_source else None,
        Reading(ctx.last_attribution, "", Scope.DOCUMENT) if ctx.last_attribution else None,
    ))
    attributed, scope = (found.value, found.scope) if found else (None, None)
    if is_broad(attributed) and ctx.title_source and not is_broad(ctx.title_source):
        return ctx.title_source, Scope.TITLE  # "the UN" in a UNMISS press release is UNMISS
    return attributed, scope


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
    """The sentence's periods (offsets in the body), and those that may date its figures.

    Periods named by words alone are resolved against what the document said before: "since
    the coup" takes the day an earlier "since the coup on ..." gave, "during that period" and
    "since then" the period named last. The sentence's own span is remembered for the next."""
    periods: list[PeriodMention] = []
    for p in find_periods(text, ctx.published, state.default_year(ctx)):
        p = _shift(p, offset)
        if p.period.start is None:
            p = _resolved(p, ctx)
            if p is None:
                continue
        elif p.role == "since" and p.event:
            ctx.events.setdefault(p.event, p.period.start)
        periods.append(p)
    references = [p for p in periods if p.role in DATING]
    # "killed last year", "in the past 24 hours" date a figure; "reported this week" dates the
    # report, and names the figure's period only when nothing else does
    past = [p for p in periods if p.role == "relative" and not p.words.lower().startswith("this")]
    if past:
        references = sorted(references + [replace(p, role="reference") for p in past], key=lambda p: p.start)
    references = references or [replace(p, role="reference") for p in periods if p.role == "relative"]
    span = _named_span(periods, ctx)
    if span is not None and offset >= ctx.last_named_at:
        ctx.last_named, ctx.last_named_at = span, offset
    return periods, references


def _resolved(p: PeriodMention, ctx: DocumentContext) -> PeriodMention | None:
    """A period named by words alone, with the dates the document gave it earlier; an undated
    "since" stays open at its start; an anaphora with nothing named before is dropped."""
    if ctx.unread:
        _read_unread(ctx)
    if p.role == "since":
        start = ctx.events.get(p.event)
        return replace(p, period=Period(start, None)) if start else p
    if ctx.last_named is None:
        return None
    if p.event == "then":  # "since then": from the start of the period named last
        return replace(p, role="since", period=Period(ctx.last_named.start, None))
    return replace(p, role="reference", period=ctx.last_named)


def _named_span(periods: list[PeriodMention], ctx: DocumentContext) -> Period | None:
    """The span a sentence names: "since 24 February ... as of 10 September" as one span;
    else its widest absolute period, or its last one where none holds the others."""
    named = [
        p for p in periods
        if p.period.start is not None and (p.role in DATING or (p.role == "relative" and not p.words.lower().startswith("this")))
    ]
    if not named:
        return None
    since = next((p for p in named if p.role == "since"), None)
    as_of = next((p for p in reversed(named) if p.role == "as_of"), None)
    if since and as_of and as_of.period.end and since.period.start <= as_of.period.end:
        return Period(since.period.start, as_of.period.end)
    last = named[-1]
    for p in named[:-1]:
        if p.period.start <= last.period.start and last.period.end and p.period.end and last.period.end <= p.period.end:
            last = p  # "the first half of 2018, despite the truce in June": the half
            break
    return _as_period(last, ctx)


def _carry_absolute_period(periods: list[PeriodMention], state: ParagraphState, ctx: DocumentContext) -> None:
    """A sentence that states no figure dates those after it in the paragraph."""
    span = _named_span(periods, ctx)
    if span is not None:
        words = next((_words(p) for p in reversed(periods) if p.role in DATING or p.role == "relative"), "")
        state.period, state.period_words = span, words
        state.period_kind = "since" if any(p.role == "since" for p in periods) else ""


def _read_pending(doc: Document, ctx: DocumentContext, state: ParagraphState) -> None:
    """What the sentences stating no figure since the last figure say of period and place,
    read in order as if each had been read as it came (nothing else changes the paragraph's
    period meanwhile)."""
    pending, state.pending = state.pending, []
    for sentence in pending:
        periods, references = _sentence_periods(sentence.text, sentence.seg.start, ctx, state)
        if sentence.number_free:
            _carry_absolute_period(periods, state, ctx)
        elif references and not (sentence.numbers_possible and _mentions(sentence.text, sentence.seg.start, ascii_words(sentence.text), doc.body)[1]):
            _carry_absolute_period(references, state, ctx)
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
        "period_start": period.start.isoformat() if period and period.start else None,
        "period_end": period.end.isoformat() if period and period.end else None,
        "period_label": period.label if period else None,
        "comparison_start": comparison.start.isoformat() if comparison and comparison.start else None,
        "comparison_end": comparison.end.isoformat() if comparison and comparison.end else None,
        "attributed_to": context["attributed_to"],
        "parent_figure_id": context["parent_figure_id"],
        "evidence": json.dumps(context["evidence"], ensure_ascii=False),
        "extractor_version": EXTRACTOR_VERSION,
    }


def _shift(p: PeriodMention, offset: int) -> PeriodMention:
    return PeriodMention(p.start + offset, p.end + offset, p.period, p.role, p.words, p.event)


def _change_between_values(
    m: Mention, n: int, mentions: list[Mention], tokens: list[Token], periods: list[PeriodMention]
) -> tuple[Reading | None, Reading | None]:
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
    went = Reading(to_period.period, f"of the value it went to: {to_period.words}", Scope.SENTENCE) if to_period else None
    if k is None:
        return went, None
    came_from = rest[k]
    after_from = rest[k + 1].first if k + 1 < len(rest) else len(tokens)
    from_period = _first_period_between(periods, tokens[came_from.stop - 1].end, tokens[after_from - 1].end + 1, ("reference", "day", "comparison"))
    return went, Reading(from_period.period, f"of the value it came from: {from_period.words}", Scope.SENTENCE) if from_period else None


def _first_period_between(periods: list[PeriodMention], start: int, end: int, roles: tuple[str, ...]) -> PeriodMention | None:
    return next((p for p in periods if start <= p.start < end and p.role in roles), None)


def _as_period(p: PeriodMention, ctx: DocumentContext) -> Period | None:
    """The span a period mention stands for: "since X" runs to the document date (spec: "Since
    X" with no stated end), or stays open where there is none; a "since" the text never dates
    ("since the attacks started") is None: no period, its start unknown."""
    if p.role == "since":
        if p.period.start is None:
            return None
        end = ctx.published if ctx.published and ctx.published >= p.period.start else None
        return Period(p.period.start, end)
    return p.period


def _words(p: PeriodMention) -> str:
    if p.role == "since":
        return p.words if p.words.lower().startswith("since") else f"since {p.words}"
    return f"as of {p.words}" if p.role == "as_of" else p.words


def _reading(p: PeriodMention, ctx: DocumentContext, scope: Scope) -> Reading:
    """The reading of one period mention; "since" an event the document never dated decides
    that the figure has no period (a start the text states but does not give)."""
    period = _as_period(p, ctx)
    return Reading(period, _words(p), scope, p.role if p.role in ("since", "as_of") else "")


# The words `place_figures` gives for the scope that decided a figure's places and country,
# as the scopes of `scopes.Scope`.
PLACES_SCOPES = {"the figure's words": Scope.PHRASE, "its sentence": Scope.SENTENCE, "an earlier sentence or the title": Scope.PARAGRAPH}
COUNTRY_SCOPES = {
    "country at the figure": Scope.PHRASE, "the figure's place": Scope.PHRASE, "country of the sentence": Scope.SENTENCE,
    "the country fled, in the sentence": Scope.SENTENCE, "the paragraph's country": Scope.PARAGRAPH,
    "the country fled, in the document": Scope.DOCUMENT, "the document's country": Scope.DOCUMENT,
}


def where_scopes(where: str, has_places: bool, has_country: bool) -> dict[str, str | None]:
    """`places_scope` and `country_scope` of a figure's evidence from the words of its `where`
    ("the document's country; places from its sentence"); "country of its place" takes the
    scope of the places."""
    country_words, _, place_words = where.partition("; places from ")
    places_scope = PLACES_SCOPES.get(place_words) if has_places else None
    country_scope = places_scope if country_words == "country of its place" else COUNTRY_SCOPES.get(country_words)
    return {
        "places_scope": places_scope.value if places_scope else None,
        "country_scope": country_scope.value if has_country and country_scope else None,
    }


def _spans_days(period: Period | None) -> bool:
    """A period of more than one day: a month, a quarter, a year, a range of dates."""
    return period is not None and period.start is not None and period.end is not None and period.start != period.end


def _in_phrase(p: PeriodMention, lo: int, hi: int) -> Scope:
    """PHRASE for a period between the figures before and after the figure, else SENTENCE."""
    return Scope.PHRASE if lo <= p.start and p.end <= hi else Scope.SENTENCE


def _leads_next(p: PeriodMention, end: int, next_start: int | None, body_text: str, offset: int) -> bool:
    """A period after the figure that opens the next figure's clause ("..., while in 2021 it
    was 42"): it stands before the next figure, past a clause break."""
    if next_start is None or p.start > next_start:
        return False
    between = body_text[end - offset : p.start - offset]
    return bool(CLAUSE_BREAK.search(between))


def _own_after(
    candidates: list[PeriodMention], start: int, end: int, lo: int, next_start: int | None, sentence: str, offset: int
) -> list[PeriodMention]:
    """The periods after the figure that may be its own: those before the first one that opens
    the next figure's clause ("37 ... while in 2019 it was 29"), or that stands nearer the next
    figure than this one when a period already leads this figure ("In the past day, 125 strikes,
    bringing the total since the war began to 11,085")."""
    leading = any(lo <= p.start and p.end <= start for p in candidates)
    own = []
    for p in candidates:
        if p.start < end:
            continue
        if next_start is not None and p.start < next_start and (
            _leads_next(p, end, next_start, sentence, offset) or (leading and _nearer_next(p, end, next_start, sentence, offset))
        ):
            break
        own.append(p)
    return own


def _in_relative_clause(p: PeriodMention, start: int, sentence: str, offset: int) -> bool:
    """The period stands in a clause set off by commas that opens with "which" or "who"."""
    head = sentence[max(0, p.start - offset - 100) : p.start - offset]
    return bool(RELATIVE_OPEN.search(head)) and "," in sentence[p.end - offset : start - offset]


def _nearer_next(p: PeriodMention, end: int, next_start: int, sentence: str, offset: int) -> bool:
    """The period runs on into the next figure ("... since the war began to 11,085"), nearer it
    than this figure, with no comma or "and" closing it off."""
    tail = sentence[p.end - offset : next_start - offset]
    return next_start - p.end < p.start - end and "," not in tail and ";" not in tail and " and " not in tail


COMPARED_VALUE_CHARS = 40


def _after_compared(m: Mention, tokens: list[Token]) -> bool:
    """Whether the count stands right after "compared to / with" ("compared with 250"): the
    value set against another figure, whose period is not carried to the figures after it."""
    k = m.first - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    return k >= 1 and tokens[k].lower in ("to", "with") and tokens[k - 1].lower in ("compared", "comparison")


def _compared_value_period(m: Mention, tokens: list[Token], periods: list[PeriodMention], end: int) -> PeriodMention | None:
    """The period of a count set against the figure before it: "... compared to 1,271 in the
    same period last year", "... compared with 326 at the same time last year". The count after
    "compared to / with" takes the comparison period written right after it (within
    COMPARED_VALUE_CHARS characters); None when no such period follows."""
    if not _after_compared(m, tokens):
        return None
    found = next((p for p in periods if end <= p.start <= end + COMPARED_VALUE_CHARS and p.role == "comparison"), None)
    if found is None or found.period.start is None or found.period.end is None:
        return found
    gap = {t.lower for t in tokens[m.stop :] if end <= t.start < found.start}
    references = [p for p in periods if p.role == "reference" and p.end <= tokens[m.first].start and p.period.start and p.period.end]
    if "same" not in gap or not references:
        return found
    # "compared with 250 in the same period last year": the span the sentence names, a year back
    ref = references[-1].period
    year = found.period.start.year
    if ref.start.year != year + 1 or ref.end.year != year + 1:
        return found
    try:
        shifted = Period(ref.start.replace(year=year), ref.end.replace(year=ref.end.year - 1))
    except ValueError:  # 29 February
        return found
    return PeriodMention(found.start, found.end, shifted, "comparison", found.words)


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
    parent: Reading | None = None,
    stock: bool = False,
    offset: int = 0,
) -> Reading | None:
    """The figure's period, read through the scopes nearest first (`scopes.py`)."""
    start, end = tokens[m.first].start, tokens[m.stop - 1].end
    if m.before_after == "before":
        # "from 38 in August to 31 in September": the earlier value's own period, else the
        # starting point or comparison the sentence names ("since 2013, from 217,000 to ...")
        partner = next((x for x in mentions[n + 1 :] if x.before_after == "after"), None)
        until = tokens[partner.first].start if partner else end + 40
        between = [p for p in periods if end <= p.start < until and p.role in ("reference", "day", "comparison", "as_of")]
        if between:
            return _reading(between[0], ctx, Scope.PHRASE)
        change = next((x for x in reversed(mentions[:n]) if x.kind == "change"), None)
        if change is not None and change.comparison is not None:
            return Reading(change.comparison, "the comparison period of the change it illustrates", Scope.SENTENCE)
        earlier = [p for p in periods if p.role in ("since", "comparison") and p.period.start]
        if earlier:
            return Reading(earlier[0].period, earlier[0].words, Scope.SENTENCE)
        return None
    compared = _compared_value_period(m, tokens, periods, end)
    if compared is not None:
        return _reading(compared, ctx, Scope.PHRASE)
    lo = tokens[mentions[n - 1].stop - 1].end if n else -1
    nxt = mentions[n + 1] if n + 1 < len(mentions) else None
    next_start = tokens[nxt.first].start if nxt is not None else None
    hi = next_start if next_start is not None else 1 << 62
    # a change counts from the "since" it names ("up 84 per cent since 2015"): its comparison
    candidates = [p for p in references if p.role != "since"] if m.kind == "change" else references
    if parent is not None and parent.value is not None:
        # a part of a total ("at least 69, including 18 children") shares the total's period,
        # unless one stands right after it ("including 300 in January")
        own = [p for p in candidates if end <= p.start <= end + PART_PERIOD_CHARS and p.start < hi]
        if not own:
            return Reading(parent.value, parent.words, Scope.TOTAL, parent.kind)
    after = _own_after(candidates, start, end, lo, next_start, sentence, offset)
    near = [p for p in after if p.start - end <= AFTER_PERIOD_CHARS]
    if m.kind != "count":
        near = [p for p in near if nxt is None or nxt.before_after or p.start < hi]
    # not a period of a relative clause before the figure ("The group, which kept the truce from
    # 15 to 17 June, is responsible for 40 per cent")
    before = [p for p in candidates if p.end <= start and not _in_relative_clause(p, start, sentence, offset)]
    # "..., bringing the total to 31,490": a running total, which the earlier period does not date
    led = bool(before) and not TOTAL_BREAK.search(sentence, before[-1].end - offset, start - offset)
    if near and not (led and next_start is not None and near[0].start > next_start):
        # a period past the next figure dates this one only when none stands before it ("In the
        # past day, 149 were killed and 300 wounded, bringing the toll to 31,490 since ...")
        return _reading(near[0], ctx, _in_phrase(near[0], lo, hi))
    if before:
        return _reading(before[-1], ctx, _in_phrase(before[-1], lo, hi))
    if after and m.kind == "count":
        # the one period of a long sentence, at its end ("..., 166 abducted and 29 ... between
        # April and June 2023")
        return _reading(after[0], ctx, Scope.SENTENCE)
    return nearest(_farther_periods(m, state, ctx, attributed, stock, references))


def _farther_periods(m: Mention, state: ParagraphState, ctx: DocumentContext, attributed: str | None, stock: bool, references: list[PeriodMention]):
    """The scopes past the sentence, nearest first, read only as far as needed."""
    if state.period is not None:
        yield Reading(state.period, state.period_words, Scope.PARAGRAPH, state.period_kind)
    if stock:
        # "are currently in the country": a stock figure, not a count over a period; under an
        # "as of" header it stands on the header's day
        if ctx.header is not None and ctx.header_kind == "as_of":
            yield Reading(ctx.header.value, ctx.header.words, Scope.HEADER, ctx.header_kind)
        yield Reading(None, "a stock figure", Scope.SENTENCE)
    if ctx.header is not None:
        yield Reading(ctx.header.value, ctx.header.words, Scope.HEADER, ctx.header_kind)
    if ctx.period is not None and not (ctx.period_kind == "since" and _spans_days(ctx.title_period)):
        # the document goes on about the period of its last figure, whoever speaks now; a
        # running total ("since January, 4,200 killed") is that figure's own, and the later
        # paragraphs of a report whose title names the span it covers ("November 2014") are
        # about that span (a title's single day, a situation report's date, ends the total)
        yield Reading(ctx.period, ctx.period_words, Scope.DOCUMENT, ctx.period_kind)
    if ctx.title_period is not None:
        yield Reading(ctx.title_period, "title", Scope.TITLE)
    if m.kind == "change":
        since = next((p for p in references if p.role == "since"), None)
        if since is not None:
            yield _reading(since, ctx, Scope.SENTENCE)


def _settled(
    reading: Reading | None, periods: list[PeriodMention], ctx: DocumentContext, state: ParagraphState, stock: bool, sentence: str
) -> Reading | None:
    """The period read, with the end or start its scopes give it (spec, "as of" periods):
    "as of 30 April" with a "since" in the sentence or carried before it runs from that start
    to 30 April, and alone (a stock) is that day; "since 1 January" ends on the sentence's or
    the header's "as of" day, else the document date. A month still running on the document
    date, counted "so far" ("so far in August", written on 22 August) ends on that date,
    unless the sentence looks ahead."""
    if reading is None or reading.value is None:
        return reading
    period: Period = reading.value
    if reading.kind == "as_of" and period.end is not None:
        day = period.end
        since = next((p.period.start for p in periods if p.role == "since" and p.period.start and p.period.start <= day), None)
        if since is None and not stock:
            carried = [(state.period, state.period_kind), (ctx.period, ctx.period_kind)]
            since = next((c.start for c, kind in carried if c is not None and kind == "since" and c.start and c.start <= day), None)
        return replace(reading, value=Period(since, day) if since else Period(day, day))
    if reading.kind == "since" and period.start is not None:
        day = next((p.period.end for p in periods if p.role == "as_of" and p.period.end and p.period.end >= period.start), None)
        if day is None and ctx.header is not None and ctx.header_kind == "as_of":
            header_end = ctx.header.value.end
            day = header_end if header_end and header_end >= period.start else None
        if day is not None:
            return replace(reading, value=Period(period.start, day))
    d = ctx.published
    if (
        d is not None and period.start is not None and period.end is not None
        and period.start <= d < period.end and (period.end.year, period.end.month) == (d.year, d.month)
        and SO_FAR.search(sentence) and not FUTURE.search(sentence)
    ):
        return replace(reading, value=Period(period.start, d))
    return reading


def _comparison_period(
    m: Mention,
    tokens: list[Token],
    text: str,
    offset: int,
    periods: list[PeriodMention],
    reference: Period | None,
    ctx: DocumentContext,
) -> Reading | None:
    """The period a change is compared with, read through its sentence, then the comparison
    the document stated last for the same period."""
    end = tokens[m.stop - 1].end
    if reference is None and SAME_PERIOD.search(text):
        return Reading(None, "the same period: cannot be placed without the figure's own period", Scope.SENTENCE)
    for start_, stop, period in same_period_comparisons(text, reference):
        if start_ + offset >= end - 200:
            return Reading(period, text[start_:stop], Scope.SENTENCE)
    explicit = [p for p in periods if p.role in ("comparison", "since") and p.start >= end and p.period.start]
    # "as compared to the previous reporting period (April to June 2024), a 35 percent reduction"
    explicit = explicit or [p for p in periods if p.role == "comparison"]
    if explicit:
        return Reading(explicit[0].period, explicit[0].words, Scope.SENTENCE)
    later = [p for p in periods if p.start >= end and p.role in ("reference", "day") and (reference is None or p.period != reference)]
    if later and later[0].start - end <= AFTER_PERIOD_CHARS:
        return Reading(later[0].period, later[0].words, Scope.SENTENCE)
    for match in PREVIOUS.finditer(text):
        if match.start() + offset >= end - 5:
            previous = previous_period(reference, match["unit"] or match["units"] or match["unit2"], match["count"])
            return Reading(previous, match.group(), Scope.SENTENCE) if previous else None
    if ctx.last_comparison and reference is not None and ctx.last_comparison[0] == reference:
        return Reading(ctx.last_comparison[1], "the comparison stated earlier for the same period", Scope.DOCUMENT)
    return None
