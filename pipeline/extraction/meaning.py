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
    ANAPHORIC_OPENERS,
    ARMED_CONTEXT,
    ARRIVAL_DESTINATION_WORDS,
    ARRIVAL_WORDS,
    AVERAGE_WORDS,
    BORDER_WORDS,
    BROAD_FRAMING_BEFORE,
    BROAD_FRAMING_NOUNS,
    CASUALTY_PARTS,
    CAUSE_PREPOSITIONS,
    CAUSE_WORDS,
    CHILD_POPULATIONS,
    COMBATANT_NOUNS,
    COMBINABLE_HARMS,
    COMPASS_WORDS,
    ENTRY_VERBS,
    FLIGHT_DESTINATION_WORDS,
    FLIGHT_WORDS,
    FORMER_WORDS,
    GROUP_WORDS,
    HARM_FRAMING_NOUNS,
    HARM_JOINERS,
    HOUSEHOLD_NOUNS,
    KILLING_EVENTS,
    LEFT_VERB_PHRASES,
    LIST_JOIN_WORDS,
    LOSS_VERBS,
    METRIC_PHRASES,
    METRIC_WORDS,
    NEIGHBOURING_WORDS,
    NON_METRIC_NOUNS,
    OCCURRENCE_NOUNS,
    PARTITIVE_PRONOUNS,
    PARTITIVE_QUANTIFIERS,
    POPULATION_PHRASES,
    POPULATION_WORDS,
    RATE_ADVERBS,
    RATE_UNITS,
    RATE_WORDS,
    REFUGE_NOUNS,
    RESPONSE_AFTER_TO,
    RESPONSE_WORDS,
    SHARE_ADVERBS,
    SHARE_VERBS,
    TOPIC_OPENERS,
    UNHARMED_FATES,
    UNITS,
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
FAR_WINDOW = 24
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
    | FLIGHT_WORDS | ARRIVAL_WORDS | ENTRY_VERBS | {p[0] for p in LEFT_VERB_PHRASES} | LOSS_VERBS
)


def may_name_metric(words: frozenset[str] | None) -> bool:
    """False when a sentence (its `ascii_words`) has no word that could name what a number
    counts: then none of its numbers gets a metric of its own."""
    return may_hold(words, METRIC_CUE_WORDS)


def metric_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int] | None:
    """The metric named by the words starting at token i, and how many words name it. Harm
    words joined in a list name one total: "killed, wounded or kidnapped" is `affected`,
    "killed, or injured" `casualties` (COMBINABLE_HARMS)."""
    hit = _single_metric_at(tokens, i, armed)
    if hit is None or hit[0] not in COMBINABLE_HARMS:
        return hit
    metrics, j, n = {hit[0]}, i + hit[1], len(tokens)
    while j < n:
        k = j
        while k < n and k < j + 2 and tokens[k].lower in HARM_JOINERS:
            k += 1
        if k == j or k >= n:
            break
        nxt = _single_metric_at(tokens, k, armed)
        if nxt is None or nxt[0] not in COMBINABLE_HARMS or _number_follows(tokens, k + nxt[1]):
            break  # "10 were killed, injured 20": the last verb is the next number's
        metrics.add(nxt[0])
        j = k + nxt[1]
    if len(metrics) == 1:
        return hit
    return ("casualties" if metrics <= CASUALTY_PARTS else "affected"), j - i


def _number_follows(tokens: list[Token], j: int) -> bool:
    """A number (or a qualifier before one) stands at token j."""
    return j < len(tokens) and (tokens[j].text[:1].isdigit() or tokens[j].lower in UNITS or tokens[j].lower in NUMBER_STARTS)


NUMBER_STARTS = frozenset({"at", "more", "over", "some", "about", "nearly", "almost", "around", "up", "dozens", "hundreds", "thousands"})


def _single_metric_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int] | None:
    """The metric of the words starting at token i, one word or phrase, not a list of them."""
    if POPULATION_TABLE.at(tokens, i):
        return None  # "members of armed groups" counts people, not groups
    if tokens[i].lower in FLIGHT_WORDS or tokens[i].lower in ARRIVAL_WORDS or tokens[i].lower in ENTRY_VERBS:
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
    if tokens[i].lower in ENTRY_VERBS:  # "have entered Kenya"
        length = _country_at(tokens, i + 1)
        return 1 + length if length else 0
    # "crossed the border", "crossing the river border into ..."
    for j in range(i + 1, min(n, i + 4)):
        if tokens[j].lower in BORDER_WORDS and tokens[i].lower not in ARRIVAL_WORDS:
            return j + 1 - i
    j = i + 1
    if j < n and tokens[j].lower in COMPASS_WORDS:
        j += 1
    arrival = tokens[i].lower in ARRIVAL_WORDS  # "arrived in Chad": only a country named makes refugees
    if j >= n or tokens[j].lower not in (ARRIVAL_DESTINATION_WORDS if arrival else FLIGHT_DESTINATION_WORDS):
        return 0
    j += 1
    if j < n and tokens[j].lower in NEIGHBOURING_WORDS and not arrival:
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


def _country_at(tokens: list[Token], j: int) -> int:
    """How many tokens from j name a country, after "the", "neighbouring" or a direction
    ("neighbouring Chad", "the Republic of Mali", "eastern Chad"); 0 if none."""
    k0, n = j, len(tokens)
    while j < n and (tokens[j].lower == "the" or tokens[j].lower in COMPASS_WORDS or tokens[j].lower in NEIGHBOURING_WORDS):
        j += 1
    names = country_names()
    for k in range(j, min(j + 5, n)):
        if not tokens[k].text[:1].isupper() and tokens[k].lower not in ("of", "the", "and"):
            break
        if fold(" ".join(t.text for t in tokens[j : k + 1])) in names:
            return k + 1 - k0
    return 0


def _destination_abroad(tokens: list[Token], lo: int, hi: int) -> str | None:
    """A country that people who fled reached or left, later in their clause: "fled the
    fighting in Sudan to find refuge in Chad", "have entered Chad", "have arrived so far in
    neighbouring Chad", "fled Mali". The words, or None. A country after a bare "in" is where
    they fled from, not where they went."""
    j = lo
    while j < hi:
        w = tokens[j].lower
        if w in ASIDES:
            close = _closing_bracket(tokens, j, hi)
            if close is not None:
                j = close + 1  # "20,000 people – among them foreign nationals – fleeing ..."
                continue
        if w in CLAUSE_BREAKS or w in (".", ";", "("):
            return None
        sought = w == "in" and j > 0 and (
            tokens[j - 1].lower in REFUGE_NOUNS
            or any(t.lower in ARRIVAL_WORDS for t in tokens[max(lo, j - 3) : j])
            or (j + 1 < hi and tokens[j + 1].lower in NEIGHBOURING_WORDS)
        )
        if sought or w in FLIGHT_DESTINATION_WORDS or w in ENTRY_VERBS or w in FLIGHT_WORDS:
            length = _country_at(tokens, j + 1)
            if length:
                return " ".join(t.text for t in tokens[j : j + 1 + length])
        j += 1
    return None


def metric_ending_at(tokens: list[Token], i: int, armed: bool) -> tuple[str, int, int] | None:
    """Like metric_at, for a backward scan: (metric, first token index, words) of a phrase
    ending at token i ("killed or injured" read from its last word)."""
    phrase = METRIC_TABLE.ending_at(tokens, i)
    if phrase:
        found = phrase[0], i - phrase[1] + 1, phrase[1]
    else:
        hit = _single_metric_at(tokens, i, armed)
        if not hit:
            return None
        found = hit[0], i, hit[1]
    if found[0] not in COMBINABLE_HARMS:
        return found
    # "people killed, injured or abducted": walk back over the list to its first harm word
    s = found[1]
    while True:
        k, skipped = s - 1, 0
        while k >= 0 and skipped < 2 and tokens[k].lower in HARM_JOINERS:
            k, skipped = k - 1, skipped + 1
        if not skipped or k < 0:
            break
        earlier = METRIC_TABLE.ending_at(tokens, k)
        start = k - earlier[1] + 1 if earlier else k
        metric = earlier[0] if earlier else (_single_metric_at(tokens, k, armed) or (None,))[0]
        if metric not in COMBINABLE_HARMS:
            break
        s = start
    if s != found[1]:
        whole = metric_at(tokens, s, armed)
        if whole and s + whole[1] - 1 == i:
            return whole[0], s, whole[1]
    return found


def population_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    hit = POPULATION_TABLE.at(tokens, i)
    if hit:
        return hit
    tok = tokens[i]
    if tok.lower in POPULATION_WORDS:
        return POPULATION_WORDS[tok.lower], 1
    owner = _possessive_group(tokens, i)
    if owner:
        return owner, 1
    if tok.text[:1].isupper() and tok.lower.endswith("s") and fold(tok.text) in country_names():
        return "people", 1  # demonyms: "Afghans", "Iraqis"
    return None


def _possessive_group(tokens: list[Token], i: int) -> str | None:
    """The group a possessive names when what it owns is a harm: "children's casualties",
    "women’s deaths" count children and women. Other possessives ("women's groups said") name
    no group. Returns a population name or None."""
    low = tokens[i].lower
    for ending in ("'s", "’s", "'", "’"):
        if low.endswith(ending) and len(low) > len(ending):
            base = low[: -len(ending)]
            break
    else:
        return None
    if base not in POPULATION_WORDS or i + 1 >= len(tokens) or tokens[i + 1].lower not in METRIC_WORDS:
        return None
    return POPULATION_WORDS[base]


def _bracketed_share_group(tokens: list[Token], m: Mention) -> str | None:
    """The group a bare bracketed share follows: "men (61%), followed by boys (22%) and women
    (17%)" gives each share the group just before its bracket. None unless the bracket holds
    the share alone and a group word (one or two words) ends right before it."""
    k = m.first - 1
    if k < 1 or tokens[k].text != "(" or m.stop >= len(tokens) or tokens[m.stop].text != ")":
        return None
    phrase = POPULATION_TABLE.ending_at(tokens, k - 1)
    if phrase:
        return phrase[0]
    word = tokens[k - 1].lower
    return POPULATION_WORDS.get(word)


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
    blocked: bool = False  # a fate that is no harm follows: "10 were released"
    mixed: bool = False  # the metric's noun is joined to another group: "fighters and their families"


def _scan_right(tokens: list[Token], lo: int, hi: int, armed: bool, starts: frozenset[int], far: bool = False) -> Reading:
    """Metric and population named after a number.

    A metric word right before another number labels that number ("deaths reached 3,403 and
    injuries 6,989"); on the far scan, so does one just after another number ("53 members of
    armed groups"). Both are passed over. The scan ends where a breakdown of the total opens
    ("5,000, most of them injuries"), at a cause ("because of the attacks"), and at a fate that
    is no harm ("were released": `blocked`). An event noun after a group and a preposition is
    the harm's cause, not what is counted ("four civilians in attacks"). On the far scan the
    groups a total includes are passed over ("people, including displaced persons, are food
    insecure").
    """
    found = Reading()
    words: list[str] = []
    after_metric_copula = False
    after_cause = False  # a group, then a preposition: "civilians in ..."
    metric_end = -1  # the token after the metric's words: "displaced children" names both
    i = lo
    while i < hi:
        w = tokens[i].lower
        if far and w in ASIDES:
            # "1,210 people (980 men, 230 women) were killed", "70 civilians – among them
            # 60 children – were killed": an aside stands between the total and its predicate,
            # unless it opens on what is counted ("... stay in Crisis (IPC Phase 3)")
            close = _closing_bracket(tokens, i, hi)
            opening = metric_at(tokens, i + 1, armed) if close is not None and found.metric is None else None
            if opening and opening[0] not in ("attacks", "fighters", "armed_groups"):
                found.metric = opening[0]
                words.append(" ".join(t.text for t in tokens[i + 1 : i + 1 + opening[1]]))
                break
            if close is not None:
                i = close + 1
                continue
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        partitive = i > lo and ((w == "of" and nxt in PARTITIVE_PRONOUNS) or (w in PARTITIVE_QUANTIFIERS and nxt == "of"))
        if w in CAUSE_WORDS or (not far and (partitive or (w in INCLUDING_WORDS and i > lo))):
            break  # "5,000, most of them injuries", "2 million people including displaced persons"
        if far and (partitive or (w in INCLUDING_WORDS and i > lo)):
            # "nine people, at least five of them teachers, were killed", "people including
            # displaced persons are food insecure": the breakdown's words, up to the predicate
            k = next((k for k in range(i + 1, hi) if tokens[k].lower in AUXILIARIES or tokens[k].text == ","), None)
            if k is None:
                break
            i = k + (tokens[k].text == ",")
            continue
        new_subject = w == "number" and i - lo > 2  # "..., and the number of child casualties ..."
        if w in CLAUSE_BREAKS or w in ("(", ")") or new_subject or (w == "," and i + 1 < hi and tokens[i + 1].lower in ("and", "while", "but")):
            break
        if found.metric is None and found.fallback is None and w in UNHARMED_FATES:
            found.blocked = True  # "of the 30 abducted, 10 were released"
            break
        if found.metric is None:
            hit = metric_at(tokens, i, armed)
            owned_by_other = hit and ((i + hit[1]) in starts or (far and not (_predicate_word(w) and hit[0] not in NOUN_METRICS and _list_before(tokens, lo, i, starts)) and _attached_to_other(tokens, i, starts)))
            if hit and owned_by_other:
                i += hit[1]
                continue
            if hit and hit[0] == "attacks" and after_cause:
                i += hit[1]  # "three herders on Tuesday in raids": the cause
                continue
            if (hit and hit[0] == "fighters" and (w in COMBATANT_NOUNS or w == "members") and found.population is None
                    and (i - lo <= 2 or all(t.lower in PARTITIVE_LINKS for t in tokens[lo:i]))):
                # "four militants were killed", "ten of the attackers were neutralized": armed
                # people whose fate a later word may tell; former ones are civilians
                former = any(t.lower in FORMER_WORDS for t in tokens[lo:i])
                found.fallback, found.population = "fighters", "civilians" if former else "combatants"
                words.append(tokens[i].text)
                i += 1
                continue
            if hit:
                found.metric = hit[0]
                words.append(" ".join(t.text for t in tokens[i : i + hit[1]]))
                i += hit[1]
                metric_end = i
                occurrence = _occurrence_of(tokens, i - 1, hi, armed)
                if occurrence:
                    # "281 cases of summary executions": the harm they are cases of
                    found.metric = occurrence[0]
                    words.append(occurrence[1])
                continue
        if after_metric_copula and w in ("a", "an"):
            i += 1  # "... killed was a child": the complement's article
            continue
        if found.population is None and found.metric is not None and w == "of" and (i == metric_end):
            # "the deaths of aid workers", "the killing of the three journalists"
            k = i + 1 if nxt != "the" else i + 2
            pop = population_at(tokens, k) if k < hi and not _number_follows(tokens, k) else None
            if pop:
                found.population = pop[0]
                words.append(" ".join(t.text for t in tokens[k : k + pop[1]]))
                i = k + pop[1]
                continue
        if found.population is None or after_metric_copula:
            pop = population_at(tokens, i)
            right_after_metric = i == metric_end
            if pop and (found.metric is None or after_metric_copula or right_after_metric) and not (far and i != lo and found.metric is None):
                length = pop[1]
                head = population_at(tokens, i + length) if i + length < hi else None
                if head and head[0] != "people" and pop[0] != "people":
                    pop, length = head, length + head[1]  # "three women police officers": the head noun
                found.population = pop[0]
                words.append(" ".join(t.text for t in tokens[i : i + length]))
                i += length
                after_metric_copula = False
                continue
        if (found.population is not None or i == lo) and found.metric is None and w in CAUSE_PREPOSITIONS:
            after_cause = True  # "... and two in attacks": people harmed in them, not attacks
        if w in AUXILIARIES:
            after_cause = False
        if found.metric is not None and w in COPULAS:
            after_metric_copula = True
        elif found.metric is not None and found.population is not None and not (i + 1 < hi and tokens[i + 1].lower in COPULAS):
            break
        i += 1
    found.words = tuple(words)
    return found


# Words that open the groups a total includes: "people including displaced persons".
INCLUDING_WORDS = frozenset({"including", "incl"})
# Words that may stand between a number and the armed people it counts: "ten of the attackers".
PARTITIVE_LINKS = frozenset({"of", "the", "these", "those", "”", "“", '"', "'", "’", "‘"})


def _occurrence_of(tokens: list[Token], i: int, hi: int, armed: bool) -> tuple[str, str] | None:
    """After "cases" at token i: the harm named within a few words of "of" ("cases of alleged
    summary executions"), as (metric, words); None otherwise."""
    if tokens[i].lower not in OCCURRENCE_NOUNS or i + 1 >= hi or tokens[i + 1].lower != "of":
        return None
    for k in range(i + 2, min(hi, i + 6)):
        if not tokens[k].is_word:
            return None
        hit = metric_at(tokens, k, armed)
        if hit and hit[0] != "attacks":
            return hit[0], " ".join(t.text for t in tokens[i : k + hit[1]])
    return None


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


def _predicate_word(w: str) -> bool:
    """A metric word that is a verb form or predicate adjective ("killed", "fleeing", "dead"),
    which a list of counts shares ("30 civilians and 12 soldiers dead"), not a noun that counts
    the number right before it ("53 members of armed groups")."""
    return w.endswith(("ed", "ing")) or w in PREDICATE_ADJECTIVES


PREDICATE_ADJECTIVES = frozenset("dead hurt missing homeless sick".split())
# Metrics named by nouns only, whatever the form of their first word ("armed groups").
NOUN_METRICS = frozenset({"armed_groups", "attacks", "fighters"})


def _list_before(tokens: list[Token], lo: int, i: int, starts: frozenset[int]) -> bool:
    """The words from lo to the last number before token i are the items of a list of groups
    ("Syrian nationals and 10,000 Lebanese crossing"), not a clause of their own ("people
    taken to hospital, nine later died")."""
    last = max((s for s in starts if lo <= s < i), default=None)
    if last is None:
        return False
    return all(
        t.lower in LIST_JOIN_WORDS or t.lower in GROUP_LINKS or population_at(tokens, k) or t.text[:1].isupper()
        or POPULATION_TABLE.ending_at(tokens, k) or t.lower in PARTITIVE_LINKS
        for k, t in ((k, tokens[k]) for k in range(lo, last))
    )


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
    harm word wins over a nearer word for attacks ("the fatality toll from air strikes is 336"),
    unless the number is the attacks' own apposition ("suicide attacks, with 30 carried out").
    An aside naming a source is passed over ("casualties, according to the UN, reached 292");
    "the former" and "the latter" name the first and second of a pair before ("abductions and
    sexual violence ... the latter by 33 percent"); the words of a breakdown after an earlier
    total are that total's ("5,000, most of them injuries, a 40 percent increase")."""
    hits: list[tuple[str, int, int]] = []
    population = None
    skip_to: int | None = None
    for i in range(hi - 1, lo - 1, -1):
        if i < left_guard:
            raise NarrowWindow
        w = tokens[i].lower
        label_colon = tokens[i].text == ":" and i == hi - 1  # "Civilian casualties in 2020: 1,204"
        source_aside = w in ("according", "citing") and i > 0 and tokens[i - 1].text == "," and any(t.text == "," for t in tokens[i + 1 : hi])
        if tokens[i].text == ")":
            opening = next((k for k in range(i - 1, max(lo, i - 8) - 1, -1) if tokens[k].text == "("), None)
            if opening is None or any(not t.is_word for t in tokens[opening + 1 : i]):
                break
            skip_to = opening  # "severe acute malnutrition (SAM) fell by 42 percent": a name in brackets
        if skip_to is not None and i >= skip_to:
            continue
        skip_to = None
        if w in CLAUSE_BREAKS and not label_colon and not source_aside:
            break
        if w in ("former", "latter") and i > 0 and tokens[i - 1].lower == "the" and not hits:
            pair = _pair_before(tokens, i - 1, armed)
            if pair:
                chosen = pair[0] if w == "former" else pair[1]
                return Reading(chosen[0], population, (" ".join(t.text for t in tokens[chosen[1] : chosen[1] + chosen[2]]),))
        if w in PARTITIVE_PRONOUNS and i > lo + 1 and tokens[i - 1].lower == "of" and (
            tokens[i - 2].lower in PARTITIVE_QUANTIFIERS or tokens[i - 2].is_digits
        ):
            return Reading(population=population)  # the words after were the breakdown's
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
    nearest = hits[0]
    apposition = nearest[0] == "attacks" and all(t.text == "," or t.lower == "with" for t in tokens[nearest[1] + nearest[2] : hi])
    chosen = nearest if apposition else next((h for h in hits if h[0] != "attacks"), nearest)
    metric, first, length = chosen
    joined = {tokens[first + length].lower if first + length < len(tokens) else "", tokens[first - 1].lower if first > 0 else ""}
    return Reading(metric, population, (" ".join(t.text for t in tokens[first : first + length]),), mixed=bool(joined & {"and", "or"}))


def _pair_before(tokens: list[Token], i: int, armed: bool) -> tuple[tuple[str, int, int], tuple[str, int, int]] | None:
    """The last pair of metric words joined by "and" before token i ("abductions and CRSV"):
    ((metric, first, length), (metric, first, length)), or None."""
    for k in range(i - 1, 0, -1):
        if tokens[k].lower != "and":
            continue
        second = metric_at(tokens, k + 1, armed)
        first = metric_ending_at(tokens, k - 1, armed)
        if second and first and second[0] != first[0]:
            return first, (second[0], k + 1, second[1])
    return None


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
    if tokens[i].text[:1].isupper() and i + 1 < len(tokens) and population_at(tokens, i + 1):
        return True  # "20,000 Syrian nationals and ..."
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
    civilians, six militants and two guards", "killed three members of the armed forces and
    two herders", "40 were children and 25 women", "31 pupils, along with two
    teachers"), when it has a metric: the items of one list share it. The words between name
    a group (a copula may open them), then "," or "and" or "along with"."""
    if n == 0:
        return None
    e = mentions[n - 1]
    if e.kind != "count" or e.metric is None or e.before_after:
        return None
    gap = tokens[e.stop : mentions[n].first]
    if not gap or len(gap) > 8 or gap[-1].lower not in LIST_JOIN_WORDS or gap[-1].lower in ("as", "together"):
        return None
    words = gap[1:] if gap[0].lower in COPULAS and len(gap) > 2 else gap  # "40 were children and 25 women"
    if len(words) > 5 and not all(
        population_at(gap, k) or t.lower in LIST_JOIN_WORDS or t.lower in GROUP_LINKS or POPULATION_TABLE.ending_at(gap, k) for k, t in enumerate(gap)
    ):
        return None
    if any(t.lower in AUXILIARIES or t.lower in CLAUSE_BREAKS or t.lower in ("(", ")") or t.lower in METRIC_WORDS and t.lower not in COMBATANT_NOUNS for t in words):
        return None
    return e


# Words inside a group's name in a list: "three members of the armed forces".
GROUP_LINKS = frozenset("of the members member".split())


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
    paragraph, for sentences that only continue it ("The provisional count stood at 148",
    "Among them, 127 were wounded", "These included 64 children").
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
    continues = carried is not None and not left_guard and _continues_figure_before(tokens)
    among: dict[int, int] = {}  # "79 journalists were among the 23,000 killed": part -> total
    firsts = {x.first: k for k, x in enumerate(mentions)}
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
        total = _among_total(tokens, mentions, n, firsts)
        if total is not None:
            among[n] = total
        of_whole = m.kind == "share" and any(t.lower in WHOLE_NOUNS for t in tokens[m.stop : m.stop + 4])
        how, metric, words = "", None, []
        # 1. a verb right before the number: "killed thousands", "affecting 792 civilians"
        k = m.first - 1
        while k >= 0 and tokens[k].lower in SKIPPED_BEFORE_ALL:
            k -= 1
        if left_guard and k < left_guard:
            raise NarrowWindow
        verb = _verb_before(tokens, k, m) if k >= 0 and m.kind == "count" else None
        if verb:
            metric, how = verb[0], "verb before"
            words.append(verb[1])
        elif m.first >= prev_stop + 2 and tokens[m.first - 1].lower == "of" and tokens[m.first - 2].lower in METRIC_WORDS and m.kind == "count":
            # "the assassination of nine", "the deaths of 12 civilians"
            metric, how = METRIC_WORDS[tokens[m.first - 2].lower], "noun before"
            words.append(tokens[m.first - 2].text)
        share_of = _share_of_figure_before(tokens, mentions, n, carried) if m.kind == "share" else None
        if metric is None and share_of is not None:
            # "730 civilians killed, half of them in shelling": a share of that figure
            metric, how = share_of[0], "share of the figure before"
            words.append("of " + tokens[m.stop + 1].text)
        # 2. the words right after it
        near = _scan_right(tokens, m.stop, min(nxt, m.stop + NEAR_WINDOW), armed, starts)
        if near.blocked and metric is None:
            m.metric = None
            m.evidence["metric"] = "no metric: a fate that is no harm"
            continue
        if metric is None and near.metric:
            metric, how = near.metric, "words after"
        population = near.population
        words += near.words
        # 3. the predicate that ends its list: "14 children and 6 women, have been killed"
        if metric is None and m.kind == "count" and m.before_after is None and (_lists_people(tokens, m.stop) or near.fallback):
            far = _scan_right(tokens, m.stop, min(len(tokens), m.stop + FAR_WINDOW), armed, starts, far=True)
            if far.metric:
                metric, how = far.metric, "predicate after"
                words += far.words
        # 4. the words before it, back to the previous figure
        mixed = False
        if metric is None:
            left = _scan_left(tokens, prev_stop, m.first, armed, frozenset(x.number_first for x in mentions[:n]), left_guard)
            mixed = left.mixed
            if left.metric:
                metric, how = left.metric, "words before"
                population = population or left.population
                words += left.words
        # 5. the figure it belongs to
        if metric is None and m.kind == "count" and n > 0:
            before = _figure_restated(tokens, mentions, n)
            if before is not None:
                # "fell by 35 percent to 61,000 pupils", "40% of all IDPs, reaching 500,000 people"
                metric, how = before.metric, "the value of the figure before"
                if before.kind == "change" and before.population in (None, "people") and population not in (None, "people"):
                    before.population = population  # the change counts the group it went to
                words.append(" ".join(t.text for t in tokens[before.first : before.stop]))
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
            if metric == "attacks" and population not in (None, "people"):
                metric = "affected"  # "222 incidents (including 128 children)": people harmed
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
        if metric is None and carried is not None and not of_whole and (continues or m.kind != "count" or _ends_bare(tokens, m.stop)):
            metric, how = carried[0], "carried from the previous sentence"
            population = population or carried[1]
        if m.kind == "share":
            population = _bracketed_share_group(tokens, m) or population
        if m.kind == "share":
            # the group said to make up the share is its part, over the group it is a share of
            population = _share_subject(tokens, m, prev_stop) or population
        if population in (None, "people") and m.kind == "count":
            population = _topic_group(tokens, m, prev_stop) or population
        if metric == "affected" and words and words[-1].lower() == "victims" and _killing_victims(tokens, m):
            metric, how = "killed", "victims of killings"
        of_before = (
            carried is not None and parent is None and m.kind == "count" and m.stop + 1 < len(tokens)
            and tokens[m.stop].lower == "of" and tokens[m.stop + 1].lower in ("them", "these", "those")
            and not any(e.kind == "count" for e in mentions[:n])
        )
        if (continues or of_before) and parent is None and population in (None, "people") and carried[1] not in (None, "people"):
            population = carried[1]  # "Among them, 127 were wounded", "Fifteen of them were killed": of the group before
        if metric == "displaced" and m.kind == "count":
            abroad = _destination_abroad(tokens, m.stop, min(len(tokens), nxt if nxt > m.stop else len(tokens), m.stop + 30))
            if abroad:
                metric, how = "refugees", "fled abroad"  # a border crossed makes the displaced refugees
                words.append(abroad)
        if metric == "fighters" and population == "people" and words and words[-1].lower() in COMBATANT_NOUNS and not mixed:
            population = "combatants"  # "10,000 adherents ... individuals": armed people, whatever word counts them
        m.metric = metric
        m.population_named = population is not None
        m.population = _population(tokens, m, n, mentions, population, parent, framing)
        m.evidence["metric"] = f"{how}: {', '.join(words)}" if metric else "no metric found"
    for n, t in among.items():
        m, total = mentions[n], mentions[t]
        if total.metric is None:
            continue
        if m.metric != total.metric:
            m.metric = total.metric
            m.evidence["metric"] = f"part of the total it is among: {' '.join(x.text for x in tokens[total.first : total.stop])}"
        if m.population in (None, "people") and total.population not in (None, "people"):
            m.population = total.population


def _figure_restated(tokens: list[Token], mentions: list[Mention], n: int) -> Mention | None:
    """The figure before a count that the count gives the value of: a change it went to
    ("decreased by 42 percent to 54,000"), or a figure it amounts to ("40% of all IDPs,
    reaching 500,000 individuals"). None when there is none."""
    e = mentions[n - 1]
    if e.metric is None:
        return None
    gap = [t.lower for t in tokens[e.stop : mentions[n].first]]
    if e.kind == "change" and gap == ["to"]:
        return e
    if gap and gap[-1] in AMOUNT_VERBS and len(gap) <= 8 and not any(w in CLAUSE_BREAKS or w == "." for w in gap):
        return e
    return None


# Verbs that give the amount of the figure before: "..., reaching an estimated 500,000".
AMOUNT_VERBS = frozenset("reaching totalling totaling amounting numbering bringing".split())


# Words skipped between a verb and its number: "killed all five", "took away some 40".
SKIPPED_BEFORE_ALL = SKIPPED_BEFORE | {"all"}


def _verb_before(tokens: list[Token], k: int, m: Mention) -> tuple[str, str] | None:
    """The harm a verb ending at token k states of the count after it: "killed thousands",
    "took away 31 pupils", "lost seven guards" (a loss verb only before a group of
    people). (metric, words), or None."""
    w = tokens[k].lower
    if w in LEFT_VERBS:
        return LEFT_VERBS[w], tokens[k].text
    if k > 0 and (tokens[k - 1].lower, w) in LEFT_VERB_PHRASES:
        return LEFT_VERB_PHRASES[(tokens[k - 1].lower, w)], f"{tokens[k - 1].text} {tokens[k].text}"
    if w in LOSS_VERBS and m.stop < len(tokens):
        pop = population_at(tokens, m.stop)
        if pop and pop[0] != "people":
            return "killed", tokens[k].text
    return None


def _continues_figure_before(tokens: list[Token]) -> bool:
    """The sentence opens by pointing back at the figure before ("Among them, ...", "These
    included ...", "Of those, ..."): its counts are parts of that figure (ANAPHORIC_OPENERS)."""
    k = 0
    while k < len(tokens) and not tokens[k].is_word:
        k += 1
    for opener in ANAPHORIC_OPENERS:
        if all(k + j < len(tokens) and tokens[k + j].lower == w for j, w in enumerate(opener)):
            return True
    return False


def _among_total(tokens: list[Token], mentions: list[Mention], n: int, firsts: dict[int, int]) -> int | None:
    """The later figure a count is said to be among: "79 journalists were among the more than
    23,000 killed", "one displaced person and 19 returnees are among the 35 killed". Its index,
    or None. `firsts` maps each mention's first token to its index."""
    m = mentions[n]
    if m.kind != "count":
        return None
    for k in range(m.stop, min(len(tokens) - 2, m.stop + 25)):
        w = tokens[k].lower
        if w in CLAUSE_BREAKS or w == ".":
            return None
        if w in AUXILIARIES and tokens[k + 1].lower == "among":
            j = k + 2
            while j < len(tokens) and tokens[j].lower in ("the", "those", "these"):
                j += 1
            t = firsts.get(j)
            return t if t is not None and t > n and mentions[t].kind == "count" else None
    return None


def _share_of_figure_before(tokens: list[Token], mentions: list[Mention], n: int, carried: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """A share "of them" / "of these" is of the figure before it in the sentence (else of the
    carried one): (metric, population) of that figure, or None."""
    m = mentions[n]
    if m.stop + 1 >= len(tokens) or tokens[m.stop].lower != "of" or tokens[m.stop + 1].lower not in PARTITIVE_PRONOUNS:
        return None
    before = next((e for e in reversed(mentions[:n]) if e.metric and e.kind == "count"), None)
    if before is not None:
        return before.metric, before.population
    return carried


def _share_subject(tokens: list[Token], m: Mention, prev_stop: int) -> str | None:
    """The group a share is said to make up: "children account for 60 percent of the
    displaced", "women and children, representing over half of ..."; None when none."""
    k = m.first - 1
    if k >= prev_stop and tokens[k].lower in ("for", "up"):
        k -= 1
    if k < prev_stop or tokens[k].lower not in SHARE_VERBS:
        return None
    k -= 1
    while k >= prev_stop and (tokens[k].lower in AUXILIARIES or tokens[k].lower in SHARE_ADVERBS or tokens[k].text == ","):
        k -= 1
    if k < prev_stop:
        return None
    phrase = POPULATION_TABLE.ending_at(tokens, k)
    if phrase:
        return phrase[0]
    pop = population_at(tokens, k)
    return pop[0] if pop and pop[1] == 1 else None


def _topic_group(tokens: list[Token], m: Mention, prev_stop: int) -> str | None:
    """The group a topic phrase before the count names: "As for journalists, 12 were killed",
    "Among the displaced children, 40 ..."; former fighters are civilians ("As for former
    rebel combatants, 14 were killed"). None when no topic phrase opens the clause."""
    k = m.first - 1
    if k < prev_stop or k < 1 or tokens[k].text != ",":
        return None
    for start in range(max(prev_stop, k - 8), k):
        for opener in TOPIC_OPENERS:
            if all(start + j < k and tokens[start + j].lower == w for j, w in enumerate(opener)):
                inner = tokens[start + len(opener) : k]
                lowers = {t.lower for t in inner}
                if lowers & COMBATANT_NOUNS:
                    return "civilians" if lowers & FORMER_WORDS else "combatants"
                for j in range(len(inner) - 1, -1, -1):
                    pop = POPULATION_TABLE.ending_at(inner, j) or population_at(inner, j)
                    if pop:
                        return pop[0]
                return None
    return None


def _killing_victims(tokens: list[Token], m: Mention) -> bool:
    """The victims a count names are of killings: "11 massacres with 57 victims", "57 victims
    of the massacres"."""
    before = [t.lower for t in tokens[max(0, m.first - 3) : m.first] if t.text != ","]
    if len(before) >= 2 and before[-1] == "with" and before[-2] in KILLING_EVENTS:
        return True
    after = [t.lower for t in tokens[m.stop : m.stop + 4]]
    return after[:2] == ["victims", "of"] and bool(set(after[2:]) & KILLING_EVENTS)


def _bracketed_children(tokens: list[Token], m: Mention) -> str | None:
    """A total whose bracketed breakdown names only children ("four wounded (a girl and three
    boys)") counts children; one of women and children counts women_children. None otherwise."""
    for k in range(m.stop, min(len(tokens), m.stop + 10)):
        w = tokens[k].lower
        pop = population_at(tokens, k)
        if w in CLAUSE_BREAKS or w == "." or (k > m.stop and w == ",") or (pop and pop[0] != "people"):
            return None  # "222 incidents against civilians (including 128 children)": not the total's
        if w == "(":
            groups = set()
            for j in range(k + 1, min(len(tokens), k + 20)):
                if tokens[j].text == ")":
                    break
                pop = population_at(tokens, j)
                if pop:
                    groups.add(pop[0])
            if not groups:
                return None
            if groups <= CHILD_POPULATIONS:
                return "children"
            if "women" in groups and groups <= CHILD_POPULATIONS | {"women", "women_children"}:
                return "women_children"
            return None
    return None


def _population(
    tokens: list[Token],
    m: Mention, n: int, mentions: list[Mention], own: str | None, parent: Mention | None, framing: frozenset[str]
) -> str | None:
    """Who is counted: the group named at the number, else its total, else the figure it is
    coordinated with ("804 civilians were killed and 1,312 others wounded"), else the framing
    of its sentence, paragraph, list or title for its kind of harm; "people" (a word naming no
    group) where nothing frames it. Armed people are combatants whatever word counts them
    ("10,000 adherents ... individuals"); a bracket of children makes its total children."""
    if m.metric == "armed_groups":
        return None
    if m.metric == "fighters" and own is None:
        return "combatants"
    if own in (None, "people") and m.kind == "count" and m.metric != "attacks":
        children = _bracketed_children(tokens, m)
        if children:
            return children
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
    relative clause ("62 attacks ... that have caused 15 deaths" are not the same people), nor
    by "among" ("79 journalists were among the 23,000 killed"). A total is not coordinated with
    a part of another total ("930 persons (... 25 children) were killed, and another 410")."""
    if m.parent is None:
        earlier = [e for e in earlier if e.parent is None]
    named = next((e for e in reversed(earlier) if e.population_named and e.population), None)
    if named is None:
        return None
    gap = {t.lower for t in tokens[named.stop : m.first]}
    if gap & {"that", "which", "who", "whose", "among", "with"} or not gap & {"and", ",", "while"}:
        return None
    return named


def _find_parents(tokens: list[Token], mentions: list[Mention]) -> None:
    """Breakdown parts: numbers in brackets after a total, after 'including' / 'of which' /
    a colon or a dash, or followed by 'of these' / 'of them'."""
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
        # "lost seven guards in an offensive that began on 3 May, four of these to friendly fire"
        partitive = (
            m.stop + 1 < len(tokens) and tokens[m.stop].lower == "of" and tokens[m.stop + 1].lower in ("these", "them", "those")
            and ";" not in gap
        )
        if opened or listed or partitive:
            m.parent = p_index
