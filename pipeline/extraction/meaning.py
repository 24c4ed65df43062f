"""What a number counts (metric) and who (population), read from the grammar around it.

The words right after a number name what it counts ("5,183 civilian casualties", "1,659 of
those killed were civilians"); failing that, a verb just before it ("killed thousands"), the
predicate that ends its list ("18 children and 3 women have been killed"), the subject it
completes ("the death toll has reached 60,000"), and last the figure it belongs to (a
breakdown's parent, or the figure it is coordinated with).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extraction.lexicon import (
    ARMED_CONTEXT,
    AVERAGE_WORDS,
    BORDER_WORDS,
    BROAD_FRAMING_BEFORE,
    BROAD_FRAMING_NOUNS,
    COMBATANT_NOUNS,
    COMPASS_WORDS,
    FLIGHT_DESTINATION_WORDS,
    FLIGHT_WORDS,
    GROUP_WORDS,
    HARM_FRAMING_NOUNS,
    HOUSEHOLD_NOUNS,
    METRIC_PHRASES,
    METRIC_WORDS,
    NEIGHBOURING_WORDS,
    NON_METRIC_NOUNS,
    POPULATION_PHRASES,
    POPULATION_WORDS,
    RATE_ADVERBS,
    RATE_UNITS,
    RATE_WORDS,
    RESPONSE_AFTER_TO,
    RESPONSE_WORDS,
    WHOLE_LINKS,
    WHOLE_NOUNS,
)
from pipeline.extraction.mentions import Mention
from pipeline.extraction.not_figures import why_not_a_figure
from pipeline.extraction.numbers import may_hold
from pipeline.extraction.phrases import PhraseTable
from pipeline.extraction.tokens import Token, tokenize
from pipeline.extraction.window import NarrowWindow
from pipeline.places import country_names, fold

LEFT_VERBS = {
    "killed": "killed", "killing": "killed", "kill": "killed", "claimed": "killed",
    "kidnapping": "abducted", "kidnapped": "abducted", "abducting": "abducted",
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
# A total's breakdown may follow a colon or a dash: "confirmed dead: 72 ...", "the toll at 72 — 61 civilians, ...".
LIST_OPENERS = frozenset({":", "—", "–"})
# Who is counted when the words do not say: people forced from home are "people" whatever
# the context; harm counts in a text about civilians are civilians.
PEOPLE_BY_DEFAULT = frozenset({"displaced", "refugees", "in_need"})
CIVILIAN_WORDS = frozenset({"civilian", "civilians"})
# An aside between a number and its predicate: the token that opens it and the one that closes it.
ASIDES = {"(": ")", "–": "–", "—": "—"}
# "in just a month" is a span of time, "33 a day" a rate: words that make "a <unit>" a span.
SPAN_BEFORE_A = frozenset("in on for within over just only than about nearly almost around under after before".split())
# Words after which a response word no longer describes the number's people ("who received").
RESPONSE_STOPS = frozenset("who that which were was are is have has had been and or".split())
LIST_FOLLOWERS = frozenset({"others", "and", ",", "more", "including"} | ASIDES.keys())
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
    if tokens[i].lower in FLIGHT_WORDS:
        crossed = _border_crossed(tokens, i)
        if crossed:
            return "refugees", crossed
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


def _border_crossed(tokens: list[Token], i: int) -> int:
    """The words from a flight verb at token i to a destination abroad ("fled to Chad",
    "crossing into neighbouring countries", "fled south into northern Cameroon", "crossed
    the border"): how many, or 0
    when the destination is not another country. Country names are pycountry's and
    data/countries.yaml's."""
    n = len(tokens)
    # "crossed the border", "crossing the river border into ..."
    for j in range(i + 1, min(n, i + 4)):
        if tokens[j].lower in BORDER_WORDS:
            return j + 1 - i
    j = i + 1
    if j < n and tokens[j].lower in COMPASS_WORDS:
        j += 1
    if j >= n or tokens[j].lower not in FLIGHT_DESTINATION_WORDS:
        return 0
    j += 1
    if j < n and tokens[j].lower in NEIGHBOURING_WORDS:
        return j + 1 - i
    while j < n and (tokens[j].lower == "the" or tokens[j].lower in COMPASS_WORDS):
        j += 1
    names = country_names()
    for k in range(j, min(j + 5, len(tokens))):
        if not tokens[k].text[:1].isupper() and tokens[k].lower not in ("of", "the", "and"):
            break
        if fold(" ".join(t.text for t in tokens[j : k + 1])) in names:
            return k + 1 - i
    return 0


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


NO_FRAMING: frozenset[str] = frozenset()
HARM_METRICS = frozenset({"killed", "injured", "casualties"})


# Health care named as what was attacked or harmed: "attacks on clinics", "the toll on the health workforce".
HEALTH_ATTACKED = re.compile(
    r"\b(?:attacks?|incidents?|strikes?|assaults?)\s+(?:\w+\s+)?(?:on|against)\s+(?:the\s+)?"
    r"(?:health\s*care|health\s+(?:facilities|centres|centers|workers|services)|hospitals?|medical\s+(?:facilities|staff|personnel)|"
    r"emergency\s+services|ambulances|clinics)\b",
    re.I,
)
HEALTH_HARMED = re.compile(r"\b(?:within|in|on|among)\s+the\s+health\s+(?:sector|workforce)\b", re.I)
WORKER_CUES = ("health", "hospital", "medical", "emergency", "clinic", "ambulance")


def civilian_framing(text: str, sentence: bool = False, tokens: list[Token] | None = None) -> frozenset[str]:
    """Whose harm a sentence or title says it counts, as a set of framings: "harm" for
    killing and injury of civilians ("civilian casualties", "civilians killed and injured"),
    "broad" for every harm ("violence against civilians", "civilian victims"). A count of
    civilians inside a list ("including 40 civilians") frames nothing. In the figure's own
    sentence (`sentence`), health care named as what was attacked frames the attacks
    ("health_attacks") and a health sector named as harmed frames its harms ("health_harm").
    `tokens` are the text's, where the caller has them. The spec's conventions for `population`."""
    lower = text.lower()
    found: set[str] = set()
    if sentence and any(cue in lower for cue in WORKER_CUES):
        if HEALTH_ATTACKED.search(text):
            found.add("health_attacks")
        if HEALTH_HARMED.search(text):
            found.add("health_harm")
    if "civilian" not in lower:
        return frozenset(found)
    if tokens is None:
        tokens = tokenize(text)
    for i, t in enumerate(tokens):
        if t.lower not in CIVILIAN_WORDS:
            continue
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if t.lower == "civilians" and nxt in ("have", "had", "were", "are", "was", "been"):
            nxt = tokens[i + 2].lower if i + 2 < len(tokens) else ""
            if nxt == "been":
                nxt = tokens[i + 3].lower if i + 3 < len(tokens) else ""
        if nxt in HARM_FRAMING_NOUNS:
            found.add("harm")
        elif nxt in BROAD_FRAMING_NOUNS or any(tokens[k].lower in BROAD_FRAMING_BEFORE for k in range(max(0, i - 2), i)):
            found.add("broad")
    return frozenset(found)


def framed_workers(framing: frozenset[str], metric: str | None) -> str | None:
    """The workers a sentence's framing says a figure of this metric counts, if any."""
    if "health_attacks" in framing and metric == "attacks":
        return "health_workers"
    if "health_harm" in framing and metric in HARM_METRICS:
        return "health_workers"
    return None


def frames(framing: frozenset[str], metric: str | None) -> bool:
    """Whether a framing (see `civilian_framing`) covers figures of this metric."""
    if not framing or metric in PEOPLE_BY_DEFAULT:
        return False
    return "broad" in framing or ("harm" in framing and metric in HARM_METRICS)


@dataclass
class Reading:
    metric: str | None = None
    population: str | None = None
    words: tuple[str, ...] = ()
    fallback: str | None = None  # "fighters" from "militants", if no harm word says more


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
        if far and w in ASIDES:
            # "1,210 people (980 men, 230 women) were killed", "70 civilians – among them
            # 60 children – were killed": an aside stands between the total and its predicate
            close = _closing_bracket(tokens, i, hi)
            if close is not None:
                i = close + 1
                continue
        new_subject = w == "number" and i - lo > 2  # "..., and the number of child casualties ..."
        if w in CLAUSE_BREAKS or w in ("(", ")") or new_subject or (w == "," and i + 1 < hi and tokens[i + 1].lower in ("and", "while", "but")):
            break
        if found.metric is None:
            hit = metric_at(tokens, i, armed)
            owned_by_other = hit and ((i + hit[1]) in starts or (far and _attached_to_other(tokens, i, starts)))
            if hit and owned_by_other:
                i += hit[1]
                continue
            if hit and hit[0] == "fighters" and (w in COMBATANT_NOUNS or w == "members") and found.population is None and i - lo <= 2:
                # "four militants were killed": armed people whose fate a later word may tell
                found.fallback, found.population = "fighters", "combatants"
                words.append(tokens[i].text)
                i += 1
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


def _closing_bracket(tokens: list[Token], i: int, hi: int) -> int | None:
    """Index of the token closing the aside opened at token i ("(" by ")", a dash by the same
    dash), before `hi` and with no other clause break inside; None if there is none."""
    closer = ASIDES[tokens[i].lower]
    for k in range(i + 1, hi):
        w = tokens[k].lower
        if w == closer:
            return k
        if w in ASIDES or w in CLAUSE_BREAKS:
            return None
    return None


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
    """A number followed by who it counts, by the next item of a list, or by its own breakdown
    ("418 including 73 children ...", "612 (505 men ...)") before the predicate."""
    if i >= len(tokens):
        return False
    w = tokens[i].lower
    return population_at(tokens, i) is not None or w in LIST_FOLLOWERS or w in COMBATANT_NOUNS


def _response_or_whole(tokens: list[Token], m: Mention, prev_stop: int) -> str | None:
    """Why a count is not a figure: people a response reaches or targets ("to reach 3.4
    million people", "118,200 newly displaced people assisted"), households ("Families:
    284,863"), or a place's whole population ("a population estimated at 29 million"). None
    when it may be one. The spec's conventions for hard cases."""
    if m.kind != "count":
        return None
    k = m.first - 1
    while k >= prev_stop and tokens[k].lower in SKIPPED_BEFORE:
        k -= 1
    if k >= prev_stop and (
        tokens[k].lower in RESPONSE_WORDS or (tokens[k].lower in RESPONSE_AFTER_TO and k > 0 and tokens[k - 1].lower == "to")
    ):
        return f"people a response {tokens[k].text}"
    label = k - 1 if k >= prev_stop and tokens[k].text == ":" else None
    if label is not None and label >= 0 and tokens[label].lower in HOUSEHOLD_NOUNS:
        return "households"  # "IDP families: 284,863"
    for j in range(m.stop, min(len(tokens), m.stop + 4)):
        w = tokens[j].lower
        if w in RESPONSE_WORDS:
            return f"people a response {tokens[j].text}"
        if not tokens[j].is_word or w in RESPONSE_STOPS:
            break
    if _average_or_rate(tokens, m, prev_stop):
        return "an average or a rate"
    for j in range(m.first - 1, max(prev_stop, m.first - 5) - 1, -1):
        if tokens[j].lower in WHOLE_NOUNS and not (j > 0 and tokens[j - 1].lower in METRIC_WORDS):
            return "a whole population"
        if tokens[j].lower not in WHOLE_LINKS:
            break
    return None


def _average_or_rate(tokens: list[Token], m: Mention, prev_stop: int) -> bool:
    """"an average of 121 killed and 402 injured per month", "27 a day": an average or a rate,
    read from "average" just before the number or a rate ("per month", "a day") after it in
    its clause."""
    if m.form == "vague":
        return False  # "thousands killed per month" reports a scale, not an average
    if any(t.lower in AVERAGE_WORDS for t in tokens[max(0, m.first - 4) : m.first]):
        return True
    for j in range(m.stop, min(len(tokens) - 1, m.stop + 10)):
        w = tokens[j].lower
        if w in CLAUSE_BREAKS or w in (".", "(", ")", "from", "compared", "than"):
            return False
        if w in RATE_ADVERBS and (not tokens[j + 1].is_word or tokens[j + 1].lower in BARE_FOLLOWERS):
            return True  # "20 were injured daily", not "the highest monthly death toll"
        if w in RATE_WORDS and tokens[j + 1].lower in RATE_UNITS and (w != "a" or j == m.stop or tokens[j - 1].lower not in SPAN_BEFORE_A):
            return True
    return False


def _list_sibling(tokens: list[Token], mentions: list[Mention], n: int) -> Mention | None:
    """The count before mention n in a list of counts of groups ("41 security personnel, 29
    civilians, six militants and two guards"), when it has a metric: the items of one list
    share it. The words between are a few naming a group, then "," or "and"."""
    if n == 0:
        return None
    e = mentions[n - 1]
    if e.kind != "count" or e.metric is None or e.before_after:
        return None
    gap = tokens[e.stop : mentions[n].first]
    if not gap or len(gap) > 5 or gap[-1].lower not in (",", "and"):
        return None
    if any(t.lower in AUXILIARIES or t.lower in CLAUSE_BREAKS or t.lower in ("(", ")") or t.lower in METRIC_WORDS and t.lower not in COMBATANT_NOUNS for t in gap):
        return None
    return e


def _aside_of(tokens: list[Token], e: Mention, m: Mention) -> bool:
    """m stands in an aside right after figure e: "5.2 million people (38% of the population)"."""
    gap = range(e.stop, m.first)
    return len(gap) <= 3 and any(tokens[k].lower in ASIDES for k in gap) and all(tokens[k].lower in ASIDES or population_at(tokens, k) for k in gap)


def _counts_something_else(tokens: list[Token], m: Mention) -> bool:
    """A change or share of something that is not a humanitarian figure ("61% of the homes",
    "reduced the town's population by 62%")."""
    window = tokens[max(0, m.first - 3) : m.stop + 4]
    return any(t.lower in NON_METRIC_NOUNS and not (m.kind == "share" and t.lower in WHOLE_NOUNS) for t in window)


def assign_meaning(
    tokens: list[Token],
    mentions: list[Mention],
    carried: tuple[str, str | None] | None,
    context_framing: frozenset[str],
    armed: bool | None = None,
    sentence_framing: frozenset[str] | None = None,
    left_guard: int = 0,
) -> None:
    """Set metric, population and parent on each mention of one sentence (in place).

    `carried` is the metric and population of the last figure before this sentence in its
    paragraph, for sentences that only continue it ("The provisional count stood at 148").
    `context_framing` is what the paragraph's first sentence, the list's lead-in and the title
    say of whose harm is counted (see `civilian_framing`).
    `tokens` may be a window of the sentence's (see `window`): then `armed` and
    `sentence_framing` are read from the whole sentence by the caller, and a scan that goes
    below `left_guard` raises NarrowWindow.
    """
    if armed is None:
        armed = _armed_context(tokens)
    starts = frozenset(m.first for m in mentions)
    if sentence_framing is None:
        sentence_framing = civilian_framing(" ".join(t.text for t in tokens), sentence=True, tokens=tokens)
    framing = sentence_framing | context_framing
    _find_parents(tokens, mentions)
    for n, m in enumerate(mentions):
        nxt = mentions[n + 1].first if n + 1 < len(mentions) else len(tokens)
        prev_stop = mentions[n - 1].stop if n > 0 else 0
        if m.kind != "count" and _counts_something_else(tokens, m):
            m.evidence["metric"] = "not a figure: a change or share of something else"
            continue
        not_figure = _response_or_whole(tokens, m, prev_stop) or why_not_a_figure(tokens, mentions, n, prev_stop, left_guard)
        if not_figure:
            m.evidence["metric"] = f"not a figure: {not_figure}"
            continue
        of_whole = m.kind == "share" and any(t.lower in WHOLE_NOUNS for t in tokens[m.stop : m.stop + 4])
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
        elif m.first >= prev_stop + 2 and tokens[m.first - 1].lower == "of" and tokens[m.first - 2].lower in METRIC_WORDS and m.kind == "count":
            # "the assassination of nine", "the deaths of 12 civilians"
            metric, how = METRIC_WORDS[tokens[m.first - 2].lower], "noun before"
            words.append(tokens[m.first - 2].text)
        # 2. the words right after it
        near = _scan_right(tokens, m.stop, min(nxt, m.stop + NEAR_WINDOW), armed, starts)
        if metric is None and near.metric:
            metric, how = near.metric, "words after"
        population = near.population
        words += near.words
        # 3. the predicate that ends its list: "14 children and 6 women, have been killed"
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
        sibling = _list_sibling(tokens, mentions, n) if metric is None and m.kind == "count" else None
        if metric is None and parent is None and sibling is not None:
            # "the toll stood at 58 — 49 civilians, five police officers and four attackers"
            metric, how = sibling.metric, "item of a list"
            words.append(" ".join(t.text for t in tokens[sibling.first : sibling.stop]))
        if metric is None and near.fallback and parent is None:
            metric, how = near.fallback, "words after"
        if metric is None and parent is not None and parent.metric:
            metric, how = parent.metric, "breakdown of a total"
            words.append(" ".join(t.text for t in tokens[parent.first : parent.stop]))
        if metric is None and near.fallback:
            metric, how = near.fallback, "words after"
        if metric is None and (m.kind != "count" or _ends_bare(tokens, m.stop)):
            # a change or share describes the sentence's total, not a part of it
            earlier = [e for e in mentions[:n] if e.parent is None] if m.kind != "count" else mentions[:n]
            source = next((e for e in reversed(earlier) if e.metric), None)
            if source is not None and of_whole and not _aside_of(tokens, source, m):
                source = None  # "..., and nearly half the population is poor": not the same people
            if source is not None:
                metric, how = source.metric, "same clause as an earlier figure"
                population = population or source.population
                words.append(" ".join(t.text for t in tokens[source.first : source.stop]))
        if metric is None and carried is not None and not of_whole and (m.kind != "count" or _ends_bare(tokens, m.stop)):
            metric, how = carried[0], "carried from the previous sentence"
            population = population or carried[1]
        m.metric = metric
        m.population_named = population is not None
        m.population = _population(tokens, m, n, mentions, population, parent, framing)
        m.evidence["metric"] = f"{how}: {', '.join(words)}" if metric else "no metric found"


def _population(
    tokens: list[Token],
    m: Mention, n: int, mentions: list[Mention], own: str | None, parent: Mention | None, framing: frozenset[str]
) -> str | None:
    """Who is counted: the group named at the number, else its total, else the figure it is
    coordinated with ("804 civilians were killed and 1,312 others wounded"), else the framing
    of its sentence, paragraph, list or title for its kind of harm; "people" (a word naming no
    group) where nothing frames it."""
    if m.metric == "armed_groups":
        return None
    if m.metric == "fighters" and own is None:
        return "combatants"
    if parent is not None and own in (None, "people") and parent.population not in (None, "people"):
        return parent.population  # "2,791 civilian casualties, with 876 people killed"
    if own is None and m.kind == "share" and n > 0 and mentions[n - 1].kind == "count" and _aside_of(tokens, mentions[n - 1], m):
        return mentions[n - 1].population  # "187 civilians (64 per cent of all deaths)"
    if own in (None, "people") and framed_workers(framing, m.metric):
        return framed_workers(framing, m.metric)
    if own == "people":
        return "civilians" if frames(framing, m.metric) else own
    if own is not None:
        return own
    if parent is not None and parent.population is not None:
        return parent.population
    if m.metric in PEOPLE_BY_DEFAULT:
        return "people"
    named = _coordinated_with(tokens, m, mentions[:n])
    if named is not None:
        return named.population
    if frames(framing, m.metric):
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
    """Breakdown parts: numbers in brackets after a total, or after 'including' / 'of which' /
    a colon or a dash."""
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
        openers = [
            i for i, w in enumerate(gap)
            if w in BREAKDOWN_OPENERS or w in LIST_OPENERS or (w == "of" and i + 1 < len(gap) and gap[i + 1] in ("which", "whom"))
        ]
        listed = bool(openers) and not any(w in (")", ";", "while", "whereas") for w in gap[openers[-1] :])
        if opened or listed:
            m.parent = p_index
