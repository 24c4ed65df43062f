"""What a number counts (metric) and who (population), read from the grammar around it.

The words right after a number name what it counts ("5,183 civilian casualties", "1,659 of
those killed were civilians"); failing that, a verb just before it ("killed thousands"), the
predicate that ends its list ("18 children and 3 women have been killed"), the subject it
completes ("the death toll has reached 60,000"), and last the figure it belongs to (a
breakdown's parent, or the figure it is coordinated with).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extraction.lexicon import (
    ARMED_CONTEXT,
    GROUP_WORDS,
    METRIC_PHRASES,
    METRIC_WORDS,
    NON_METRIC_NOUNS,
    POPULATION_PHRASES,
    POPULATION_WORDS,
)
from pipeline.extraction.mentions import Mention
from pipeline.extraction.numbers import may_hold
from pipeline.extraction.phrases import PhraseTable
from pipeline.extraction.tokens import Token
from pipeline.extraction.window import NarrowWindow
from pipeline.places import country_names, fold

LEFT_VERBS = {
    "killed": "killed", "killing": "killed", "kill": "killed", "claimed": "killed",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured",
    "displaced": "displaced", "displacing": "displaced", "uprooted": "displaced",
    "affecting": "affected", "affected": "affected", "abducted": "abducted", "detained": "detained",
    "arrested": "detained",
}
SKIPPED_BEFORE = frozenset("the some another a total of".split())
COPULAS = frozenset("were are was is".split())
AUXILIARIES = COPULAS | frozenset("have has had been be being".split())
CLAUSE_BREAKS = frozenset({";", ":", "while", "whereas", "but", "—", "–", "according", "citing"})
NEAR_WINDOW = 8
FAR_WINDOW = 20
BREAKDOWN_OPENERS = frozenset({"including", "among", "incl", "with"})
# Who is counted when the words do not say: people forced from home are "people" whatever
# the context; harm counts in a text about civilians are civilians.
PEOPLE_BY_DEFAULT = frozenset({"displaced", "refugees", "in_need"})
CIVILIAN_WORDS = frozenset({"civilian", "civilians"})
BARE_FOLLOWERS = frozenset("in on at by for during since as from to and , . ; ) ( over between until this".split())


METRIC_TABLE = PhraseTable(METRIC_PHRASES)
POPULATION_TABLE = PhraseTable(POPULATION_PHRASES)
# Every word that can name a metric, on its own or as the first word of a phrase.
METRIC_CUE_WORDS = frozenset(
    METRIC_WORDS.keys() | LEFT_VERBS.keys() | {phrase[0] for phrase in METRIC_PHRASES} | GROUP_WORDS | {"members", "ranks"}
)


def may_name_metric(words: frozenset[str] | None) -> bool:
    """False when a sentence (its `ascii_words`) has no word that could name what a number
    counts: then none of its numbers gets a metric of its own."""
    return may_hold(words, METRIC_CUE_WORDS)


def metric_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int] | None:
    """The metric named by the words starting at token i, and how many words name it."""
    if POPULATION_TABLE.at(tokens, i):
        return None  # "members of armed groups" counts people, not groups
    hit = METRIC_TABLE.at(tokens, i)
    if hit:
        return hit
    w = tokens[i].lower
    if w in GROUP_WORDS:
        return ("armed_groups", 1) if armed else None
    if w in ("members", "ranks") and armed:
        return "fighters", 1
    if w in METRIC_WORDS:
        return METRIC_WORDS[w], 1
    return None


def metric_ending_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int, int] | None:
    """Like metric_at, for a backward scan: (metric, first token index, words) of a phrase
    ending at token i ("killed or injured" read from its last word)."""
    phrase = METRIC_TABLE.ending_at(tokens, i)
    if phrase:
        return phrase[0], i - phrase[1] + 1, phrase[1]
    hit = metric_at(tokens, i, armed)
    return (hit[0], i, hit[1]) if hit else None


def population_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    hit = POPULATION_TABLE.at(tokens, i)
    if hit:
        return hit
    tok = tokens[i]
    if tok.lower in POPULATION_WORDS:
        return POPULATION_WORDS[tok.lower], 1
    if tok.text[:1].isupper() and tok.lower.endswith("s") and fold(tok.text) in country_names():
        return "people", 1  # demonyms: "Afghans", "Iraqis"
    return None


@dataclass
class Reading:
    metric: str | None = None
    population: str | None = None
    words: tuple[str, ...] = ()


def _scan_right(tokens: list[Token], lo: int, hi: int, armed: bool, starts: frozenset[int], far: bool = False) -> Reading:
    """Metric and population named after a number.

    A metric word right before another number labels that number ("deaths reached 3,403 and
    injuries 6,989"); on the far scan, so does one just after another number ("53 members of
    armed groups"). Both are passed over.
    """
    found = Reading()
    words: list[str] = []
    after_metric_copula = False
    i = lo
    while i < hi:
        w = tokens[i].lower
        new_subject = w == "number" and i - lo > 2  # "..., and the number of women casualties ..."
        if w in CLAUSE_BREAKS or w in ("(", ")") or new_subject or (w == "," and i + 1 < hi and tokens[i + 1].lower in ("and", "while", "but")):
            break
        if found.metric is None:
            hit = metric_at(tokens, i, armed)
            owned_by_other = hit and ((i + hit[1]) in starts or (far and _attached_to_other(tokens, i, starts)))
            if hit and owned_by_other:
                i += hit[1]
                continue
            if hit:
                found.metric = hit[0]
                words.append(" ".join(t.text for t in tokens[i : i + hit[1]]))
                i += hit[1]
                continue
        if after_metric_copula and w in ("a", "an"):
            i += 1  # "... killed was a child": the complement's article
            continue
        if found.population is None or after_metric_copula:
            pop = population_at(tokens, i)
            if pop and (found.metric is None or after_metric_copula) and not (far and i != lo and found.metric is None):
                found.population = pop[0]
                words.append(" ".join(t.text for t in tokens[i : i + pop[1]]))
                i += pop[1]
                after_metric_copula = False
                continue
        if found.metric is not None and w in COPULAS:
            after_metric_copula = True
        elif found.metric is not None and found.population is not None and not (i + 1 < hi and tokens[i + 1].lower in COPULAS):
            break
        i += 1
    found.words = tuple(words)
    return found


def _attached_to_other(tokens: list[Token], i: int, starts: frozenset[int]) -> bool:
    """The words at i name another number's count: "53 members of armed groups". A comma or a
    verb between ("30 women were killed") makes them the list's predicate instead."""
    for k in range(1, 5):
        s = i - k
        if s in starts:
            return not any(t.text == "," or t.lower in AUXILIARIES for t in tokens[s:i])
    return False


def _scan_left(tokens: list[Token], lo: int, hi: int, armed: bool, starts: frozenset[int] = frozenset(), left_guard: int = 0) -> Reading:
    """The metric before a number, back to the previous figure or clause break: the nearest
    harm word wins over a nearer word for attacks ("the fatality toll from air strikes is 336")."""
    hits: list[tuple[str, int, int]] = []
    population = None
    for i in range(hi - 1, lo - 1, -1):
        if i < left_guard:
            raise NarrowWindow
        label_colon = tokens[i].text == ":" and i == hi - 1  # "Civilian casualties in 2020: 1,204"
        if (tokens[i].lower in CLAUSE_BREAKS and not label_colon) or tokens[i].text == ")":
            break
        hit = metric_ending_at(tokens, i, armed)
        # a word right before the number is its own ("and injuries 6,989"), whoever precedes it
        if hit and (i >= hi - 1 or not _attached_to_other(tokens, hit[1], starts)):
            hits.append(hit)
        elif population is None:
            pop = population_at(tokens, i)
            if pop:
                population = pop[0]
        if hits and hits[0][0] != "attacks" and hi - i > 8:
            break
    if not hits:
        return Reading(population=population)
    chosen = next((h for h in hits if h[0] != "attacks"), hits[0])
    metric, first, length = chosen
    return Reading(metric, population, (" ".join(t.text for t in tokens[first : first + length]),))


def _armed_context(tokens: list[Token]) -> bool:
    return any(t.lower in ARMED_CONTEXT for t in tokens)


def _ends_bare(tokens: list[Token], i: int) -> bool:
    """Nothing names what the number counts: it ends its clause or a preposition follows."""
    return i >= len(tokens) or tokens[i].lower in BARE_FOLLOWERS


def _lists_people(tokens: list[Token], i: int) -> bool:
    """A number followed by who it counts, or by the next item of a list."""
    if i >= len(tokens):
        return False
    return population_at(tokens, i) is not None or tokens[i].lower in ("others", "and", ",", "more")


def _counts_something_else(tokens: list[Token], m: Mention) -> bool:
    """A change or share of something that is not a humanitarian figure ("61% of the homes",
    "reduced the town's population by 62%")."""
    window = tokens[max(0, m.first - 3) : m.stop + 4]
    return any(t.lower in NON_METRIC_NOUNS for t in window)


def assign_meaning(
    tokens: list[Token],
    mentions: list[Mention],
    carried: tuple[str, str | None] | None,
    civilian_context: bool,
    armed: bool | None = None,
    sentence_civilian: bool | None = None,
    left_guard: int = 0,
) -> None:
    """Set metric, population and parent on each mention of one sentence (in place).

    `carried` is the metric and population of the last figure before this sentence in its
    paragraph, for sentences that only continue it ("The provisional tally stood at 165").
    `civilian_context` says whether the paragraph or document is about civilians.
    `tokens` may be a window of the sentence's (see `window`): then `armed` and
    `sentence_civilian` are read from the whole sentence by the caller, and a scan that goes
    below `left_guard` raises NarrowWindow.
    """
    if armed is None:
        armed = _armed_context(tokens)
    starts = frozenset(m.first for m in mentions)
    if sentence_civilian is None:
        sentence_civilian = any(t.lower in CIVILIAN_WORDS for t in tokens)
    _find_parents(tokens, mentions)
    for n, m in enumerate(mentions):
        nxt = mentions[n + 1].first if n + 1 < len(mentions) else len(tokens)
        prev_stop = mentions[n - 1].stop if n > 0 else 0
        if m.kind != "count" and _counts_something_else(tokens, m):
            m.evidence["metric"] = "not a figure: a change or share of something else"
            continue
        how, metric, words = "", None, []
        # 1. a verb right before the number: "killed thousands", "affecting 792 civilians"
        k = m.first - 1
        while k >= 0 and tokens[k].lower in SKIPPED_BEFORE:
            k -= 1
        if left_guard and k < left_guard:
            raise NarrowWindow
        if k >= 0 and tokens[k].lower in LEFT_VERBS and m.kind == "count":
            metric, how = LEFT_VERBS[tokens[k].lower], "verb before"
            words.append(tokens[k].text)
        # 2. the words right after it
        near = _scan_right(tokens, m.stop, min(nxt, m.stop + NEAR_WINDOW), armed, starts)
        if metric is None and near.metric:
            metric, how = near.metric, "words after"
        population = near.population
        words += near.words
        # 3. the predicate that ends its list: "18 children and 3 women, have been killed"
        if metric is None and m.kind == "count" and m.before_after is None and _lists_people(tokens, m.stop):
            far = _scan_right(tokens, m.stop, min(len(tokens), m.stop + FAR_WINDOW), armed, starts, far=True)
            if far.metric:
                metric, how = far.metric, "predicate after"
                words += far.words
        # 4. the words before it, back to the previous figure
        if metric is None:
            left = _scan_left(tokens, prev_stop, m.first, armed, frozenset(x.number_first for x in mentions[:n]), left_guard)
            if left.metric:
                metric, how = left.metric, "words before"
                population = population or left.population
                words += left.words
        # 5. the figure it belongs to
        parent = mentions[m.parent] if m.parent is not None else None
        if metric is None and parent is not None and parent.metric:
            metric, how = parent.metric, "breakdown of a total"
            words.append(" ".join(t.text for t in tokens[parent.first : parent.stop]))
        if metric is None and (m.kind != "count" or _ends_bare(tokens, m.stop)):
            # a change or share describes the sentence's total, not a part of it
            earlier = [e for e in mentions[:n] if e.parent is None] if m.kind != "count" else mentions[:n]
            source = next((e for e in reversed(earlier) if e.metric), None)
            if source is not None:
                metric, how = source.metric, "same clause as an earlier figure"
                population = population or source.population
                words.append(" ".join(t.text for t in tokens[source.first : source.stop]))
        if metric is None and carried is not None and (m.kind != "count" or _ends_bare(tokens, m.stop)):
            metric, how = carried[0], "carried from the previous sentence"
            population = population or carried[1]
        m.metric = metric
        m.population_named = population is not None
        m.population = _population(tokens, m, n, mentions, population, parent, civilian_context, sentence_civilian)
        m.evidence["metric"] = f"{how}: {', '.join(words)}" if metric else "no metric found"


def _population(
    tokens: list[Token],
    m: Mention, n: int, mentions: list[Mention], own: str | None, parent: Mention | None, civilian_context: bool, sentence_civilian: bool
) -> str | None:
    """Who is counted: the number's own words, else its total, else the figure it is
    coordinated with ("953 civilians were killed and 1,557 others wounded"), else the context."""
    if m.metric == "armed_groups":
        return None
    if parent is not None and own in (None, "people") and parent.population not in (None, "people"):
        return parent.population  # "2,791 civilian casualties, with 876 people killed"
    if own is not None:
        return own
    if parent is not None and parent.population is not None:
        return parent.population
    if m.metric in PEOPLE_BY_DEFAULT:
        return "people"
    named = _coordinated_with(tokens, m, mentions[:n])
    if named is not None:
        return named.population
    if sentence_civilian or civilian_context:
        return "civilians"
    return "people"


def _coordinated_with(tokens: list[Token], m: Mention, earlier: list[Mention]) -> Mention | None:
    """The earlier figure this one shares a subject with: joined by 'and' or a comma, not by a
    relative clause ("62 attacks ... that have caused 15 deaths" are not the same people)."""
    named = next((e for e in reversed(earlier) if e.population_named and e.population), None)
    if named is None:
        return None
    gap = {t.lower for t in tokens[named.stop : m.first]}
    if gap & {"that", "which", "who", "whose"} or not gap & {"and", ",", "while"}:
        return None
    return named


def _find_parents(tokens: list[Token], mentions: list[Mention]) -> None:
    """Breakdown parts: numbers in brackets after a total, or after 'including' / 'of which'."""
    for n, m in enumerate(mentions):
        if n == 0 or m.kind != "count" or m.before_after:
            continue
        q = n - 1
        while q > 0 and mentions[q].kind != "count":
            q -= 1  # "228 civilians (68 per cent of all deaths), including 77 children"
        prev = mentions[q]
        p_index = prev.parent if prev.parent is not None else q
        p = mentions[p_index]
        if p.kind != "count" or p.before_after or m.value > p.value:
            continue
        gap = [t.lower for t in tokens[p.stop : m.first]]
        opened = "(" in gap and ")" not in gap[gap.index("(") :]
        openers = [i for i, w in enumerate(gap) if w in BREAKDOWN_OPENERS or (w == "of" and i + 1 < len(gap) and gap[i + 1] in ("which", "whom"))]
        listed = bool(openers) and not any(w in (")", ";", "while", "whereas") for w in gap[openers[-1] :])
        if opened or listed:
            m.parent = p_index
