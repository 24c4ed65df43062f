"""What a number counts (metric) and who (population), read from the grammar around it.

The words right after a number name what it counts ("5,183 civilian casualties", "1,659 of
those killed were civilians"); failing that, a verb just before it ("killed thousands"), the
predicate it completes ("the death toll has reached 60,000"), and last the figure it belongs
to (a breakdown's parent, or the figure it is coordinated with).
"""

from __future__ import annotations

from pipeline.extraction.lexicon import (
    ARMED_CONTEXT,
    GROUP_WORDS,
    METRIC_PHRASES,
    METRIC_WORDS,
    POPULATION_PHRASES,
    POPULATION_WORDS,
)
from pipeline.extraction.mentions import Mention
from pipeline.extraction.tokens import Token
from pipeline.places import country_names, fold

LEFT_VERBS = {
    "killed": "killed", "killing": "killed", "kill": "killed", "claimed": "killed",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured",
    "displaced": "displaced", "displacing": "displaced", "uprooted": "displaced",
    "affecting": "affected", "affected": "affected", "abducted": "abducted", "detained": "detained",
    "arrested": "detained",
}
COPULAS = frozenset("were are was is".split())
CLAUSE_BREAKS = frozenset({";", ":", "while", "whereas", "but", "—", "–", "according", "citing"})
NEAR_WINDOW = 8
FAR_WINDOW = 20
BREAKDOWN_OPENERS = frozenset({"including", "among", "incl", "with"})


def _match_at(tokens: list[Token], i: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    for phrase, value in table.items():
        k = len(phrase)
        if tuple(t.lower for t in tokens[i : i + k]) == phrase:
            return value, k
    return None


def metric_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int] | None:
    """The metric named by the words starting at token i, and how many words name it."""
    hit = _match_at(tokens, i, METRIC_PHRASES)
    if hit:
        return hit
    w = tokens[i].lower
    if w in GROUP_WORDS:
        return ("armed_groups", 1) if armed else None
    if w in METRIC_WORDS:
        return METRIC_WORDS[w], 1
    return None


def metric_ending_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int, int] | None:
    """Like metric_at, for a backward scan: (metric, first token index, words) of a phrase
    ending at token i ("killed or injured" read from its last word)."""
    for phrase, value in METRIC_PHRASES.items():
        k = len(phrase)
        if i - k + 1 >= 0 and tuple(t.lower for t in tokens[i - k + 1 : i + 1]) == phrase:
            return value, i - k + 1, k
    hit = metric_at(tokens, i, armed)
    return (hit[0], i, hit[1]) if hit else None


def population_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    hit = _match_at(tokens, i, POPULATION_PHRASES)
    if hit:
        return hit
    tok = tokens[i]
    if tok.lower in POPULATION_WORDS:
        return POPULATION_WORDS[tok.lower], 1
    if tok.text[:1].isupper() and tok.lower.endswith("s") and fold(tok.text) in country_names():
        return "people", 1  # demonyms: "Afghans", "Iraqis"
    return None


def _scan_right(
    tokens: list[Token], lo: int, hi: int, armed: bool, starts: frozenset[int] = frozenset()
) -> tuple[str | None, str | None, list[str]]:
    """Metric and population named after a number. A metric word that stands right before
    another number labels that number ("deaths reached 3,403 and injuries 6,989"), so it is
    passed over."""
    metric = population = None
    words: list[str] = []
    i = lo
    after_metric_copula = False
    while i < hi:
        w = tokens[i].lower
        if w in CLAUSE_BREAKS or w == "(":
            break
        if metric is None:
            hit = metric_at(tokens, i, armed)
            if hit and (i + hit[1]) in starts:
                i += hit[1]
                continue
            if hit:
                metric = hit[0]
                words.append(" ".join(t.text for t in tokens[i : i + hit[1]]))
                i += hit[1]
                continue
        if population is None or after_metric_copula:
            pop = population_at(tokens, i)
            if pop and (metric is None or after_metric_copula):
                population = pop[0]
                words.append(" ".join(t.text for t in tokens[i : i + pop[1]]))
                i += pop[1]
                after_metric_copula = False
                continue
        if metric is not None and w in COPULAS:
            after_metric_copula = True
        elif metric is not None and population is not None:
            break
        i += 1
    return metric, population, words


def _scan_left(tokens: list[Token], lo: int, hi: int, armed: bool) -> tuple[str | None, str | None, list[str]]:
    """Nearest metric (and a population near it) before the number, within tokens[lo:hi]."""
    metric = population = None
    words: list[str] = []
    for i in range(hi - 1, lo - 1, -1):
        if tokens[i].lower in CLAUSE_BREAKS or tokens[i].text == ")":
            break
        if metric is None:
            hit = metric_ending_at(tokens, i, armed)
            if hit:
                metric, first, length = hit
                words.append(" ".join(t.text for t in tokens[first : first + length]))
                continue
        if population is None:
            pop = population_at(tokens, i)
            if pop:
                population = pop[0]
                words.append(tokens[i].text)
        if metric is not None and hi - i > 8:
            break
    return metric, population, words


BARE_FOLLOWERS = frozenset(
    "in on at by for during since as from to and , . ; ) ( over between until this".split()
)


def _ends_bare(tokens: list[Token], i: int) -> bool:
    """Nothing names what the number counts: it ends its clause or a preposition follows."""
    return i >= len(tokens) or tokens[i].lower in BARE_FOLLOWERS or not tokens[i].is_word and tokens[i].text in ".,;:)"


def _lists_people(tokens: list[Token], i: int) -> bool:
    """A number followed by who it counts, or by the next item of a list."""
    if i >= len(tokens):
        return False
    return population_at(tokens, i) is not None or tokens[i].lower in ("others", "and", ",", "more")


def _armed_context(tokens: list[Token]) -> bool:
    return any(t.lower in ARMED_CONTEXT for t in tokens)


def assign_meaning(tokens: list[Token], mentions: list[Mention], carried: tuple[str, str] | None) -> None:
    """Set metric, population and parent on each mention of one sentence (in place).

    `carried` is the metric and population of the figure before this sentence in the same
    paragraph, for sentences that only continue it ("The provisional tally stood at 165").
    """
    armed = _armed_context(tokens)
    starts = frozenset(m.first for m in mentions)
    civilian_context = any(t.lower in ("civilian", "civilians") for t in tokens)
    _find_parents(tokens, mentions)
    for n, m in enumerate(mentions):
        nxt = mentions[n + 1].first if n + 1 < len(mentions) else len(tokens)
        prev_stop = mentions[n - 1].stop if n > 0 else 0
        how = ""
        metric = population = None
        words: list[str] = []
        # 1. a verb right before the number: "killed thousands", "affecting 792 civilians"
        k = m.first - 1
        while k >= 0 and tokens[k].lower in ("the", "some", "another", "a", "total", "of"):
            k -= 1
        if k >= 0 and tokens[k].lower in LEFT_VERBS and m.kind == "count":
            metric, how = LEFT_VERBS[tokens[k].lower], "verb before"
            words.append(tokens[k].text)
        # 2. the words right after it
        rm, rp, rw = _scan_right(tokens, m.stop, min(nxt, m.stop + NEAR_WINDOW), armed, starts)
        if metric is None and rm:
            metric, how = rm, "words after"
        population = rp
        words += rw
        # 3. further right, past parts of a list: "18 children and 3 women, have been killed"
        if metric is None and m.kind == "count" and m.before_after is None and _lists_people(tokens, m.stop):
            fm, fp, fw = _scan_right(tokens, m.stop, min(len(tokens), m.stop + FAR_WINDOW), armed, starts)
            if fm:
                metric, how = fm, "predicate after"
                words += fw
        # 4. the words before it, back to the previous figure
        if metric is None:
            lm, lp, lw = _scan_left(tokens, prev_stop, m.first, armed)
            if lm:
                metric, how = lm, "words before"
                population = population or lp
                words += lw
        # 5. the figure it belongs to
        parent = mentions[m.parent] if m.parent is not None else None
        if metric is None and parent is not None and parent.metric:
            metric, how = parent.metric, "breakdown of a total"
        if metric is None and (m.kind != "count" or _ends_bare(tokens, m.stop)):
            # a change or share describes the sentence's total, not a part of it
            earlier_ones = [e for e in mentions[:n] if e.parent is None] if m.kind != "count" else mentions[:n]
            for earlier in reversed(earlier_ones):
                if earlier.metric:
                    metric, how = earlier.metric, "same clause as an earlier figure"
                    population = population or earlier.population
                    break
        if metric is None and carried is not None and (m.kind != "count" or _ends_bare(tokens, m.stop)):
            metric, how = carried[0], "carried from the previous sentence"
            population = population or carried[1]
        if parent is not None and population in (None, "people") and parent.population not in (None, "people"):
            population = parent.population  # "2,791 civilian casualties, with 876 people killed"
        if population is None and n > 0 and m.first - prev_stop <= 3 and mentions[n - 1].population:
            population = mentions[n - 1].population  # "1,557 others wounded"
        if population is None and m.kind != "count" and n > 0 and mentions[n - 1].population:
            population = mentions[n - 1].population
        if population is None:
            population = "civilians" if civilian_context else "people"
        if metric == "armed_groups":
            population = None
        if metric == "fighters" and population == "people":
            population = "combatants" if any(t.lower in ("members", "adherents") for t in tokens[m.stop : m.stop + 3]) else population
        m.metric, m.population = metric, population
        m.evidence["metric"] = f"{how}: {', '.join(words)}" if metric else "no metric found"


def _find_parents(tokens: list[Token], mentions: list[Mention]) -> None:
    """Breakdown parts: numbers in brackets after a total, or after 'including' / 'of which'."""
    for n, m in enumerate(mentions):
        if n == 0 or m.kind != "count" or m.before_after:
            continue
        prev = mentions[n - 1]
        p_index = prev.parent if prev.parent is not None else n - 1
        p = mentions[p_index]
        if p.kind != "count" or p.before_after or m.value > p.value:
            continue
        gap = [t.lower for t in tokens[p.stop : m.first]]
        opened = "(" in gap and ")" not in gap[gap.index("(") :]
        openers = [i for i, w in enumerate(gap) if w in BREAKDOWN_OPENERS or (w == "of" and i + 1 < len(gap) and gap[i + 1] in ("which", "whom"))]
        listed = bool(openers) and not any(w in (")", ";", "while", "whereas") for w in gap[openers[-1] :])
        if opened or listed:
            m.parent = p_index
