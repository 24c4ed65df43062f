"""Counts a report states that are no figure: what the number counts is not people harmed or in need.

A figure counts people harmed or in need (the record contract's conventions for hard cases).
Reports, and the PDFs of agencies most of all, also count the people their response reached,
the buildings a storm destroyed, the staff they deployed, the places a survey covered, the
criteria of a method and the items of a list. Each function here reads one such kind from the
grammar around a mention: which noun the number counts, and which verb acts on it. They are
pure functions over a sentence's tokens and mentions; the word tables are in `lexicon`.

`why_not_a_figure` runs them all; `meaning.assign_meaning` calls it before it looks for a metric.
"""

from __future__ import annotations

from pipeline.extraction.lexicon import (
    ATTRIBUTIVE_BEFORE,
    CLOCK_LETTERS,
    CLOCK_WORDS,
    COUNT_SUBJECTS,
    CRITERIA_WORDS,
    DAMAGE_ADVERBS,
    DAMAGE_WORDS,
    DELIVERY_VERBS,
    DOCUMENT_LABEL_NOUNS,
    DOCUMENT_NUMBER_MARKS,
    DURATION_UNITS,
    FIGURE_HARMS,
    HOUSEHOLD_NOUNS,
    INDEX_NOUNS,
    INTENT_WORDS,
    LOSS_VERBS,
    MEETS_WORDS,
    METHOD_WORDS,
    METRIC_WORDS,
    MOVE_WORDS,
    OBJECT_NOUNS,
    PHRASE_STOPS,
    POPULATION_WORDS,
    RANGE_JOINERS_TO,
    REACH_VERBS,
    RECEIVED_VERBS,
    RESPONSE_VERBS,
    SERVED_VERBS,
    SERVICE_NOUNS,
    STAFF_NOUNS,
    THING_NOUNS,
    WHOLE_NOUNS,
)
from pipeline.extraction.mentions import Mention
from pipeline.extraction.tokens import Token
from pipeline.extraction.window import NarrowWindow

# How far a scan looks back in a clause, and forward along a noun phrase (tokens).
BACK = 10
PHRASE = 7
CLAUSE_ENDS = frozenset(";:()[].!?—–")
# Words that may stand between a verb and the number it acts on: "treated some 140 children".
BEFORE_NUMBER = frozenset("the another a total of an estimated".split())
AUX = frozenset("has have had is are was were been be being now already also then".split())
THINGS = THING_NOUNS | OBJECT_NOUNS
# Nouns of people a thing noun may modify ("school children", "camp residents"), so that it is
# not the phrase's head.
PEOPLE_NOUNS = frozenset(POPULATION_WORDS) | HOUSEHOLD_NOUNS | STAFF_NOUNS | frozenset(
    "refugees idps victims casualties fatalities migrants patients returnees evacuees".split()
)
PROPORTION_WORDS = frozenset("proportion proportions share percentage rate".split())
# Words that end a noun phrase read for its head: a rate ("per week"), a comparison ("more than").
PHRASE_BREAKS = frozenset("per than more each every a an".split())
# How far back the words of a count's subject or of a harm may stand ("The number of people
# killed in the offensive ... reached 1,000").
SUBJECT_BACK = 20


def _harm(t: Token) -> bool:
    return METRIC_WORDS.get(t.lower) in FIGURE_HARMS


def _back_start(m: Mention, prev_stop: int, left_guard: int) -> int:
    """First token index a backward scan from m may read; raises NarrowWindow if the window
    may lack tokens the scan needs."""
    lo = max(prev_stop, m.first - BACK)
    if left_guard and lo < left_guard and m.first - BACK < left_guard:
        raise NarrowWindow
    return lo


def _clause_back(tokens: list[Token], m: Mention, lo: int) -> list[int]:
    """Indices before m, nearest first, back to `lo` or the clause's start."""
    out = []
    for k in range(m.first - 1, lo - 1, -1):
        if tokens[k].text in CLAUSE_ENDS and not (k == m.first - 1 and tokens[k].text == ":"):
            break  # "Number of children screened: 12,750" reads on past its colon
        out.append(k)
    return out


def _clause_forward(tokens: list[Token], m: Mention, hi: int, far: int = 15) -> list[int]:
    """Indices after m, nearest first, up to `hi` (the next mention) or the clause's end."""
    out = []
    for k in range(m.stop, min(hi, m.stop + far, len(tokens))):
        if tokens[k].text in ";.!?" or (tokens[k].text == ":" and k > m.stop):
            break
        out.append(k)
    return out


def phrase_head(tokens: list[Token], i: int, hi: int) -> tuple[str, int] | None:
    """The noun a number counts, read along the words after it (token `i` on, before `hi`):
    ("things", k) if the first known noun is a thing (`THINGS`) not itself a modifier of a
    noun of people ("school children"), ("people", k) if it names people or a harm, None if
    the phrase ends first. A bracketed aside ("(EHK)") and hyphens are read past.
    "four water points were repaired" -> things; "40 school children" -> people."""
    k, steps = i, 0
    while k < min(hi, len(tokens)) and steps < PHRASE:
        t = tokens[k]
        w = t.lower
        if t.text == "(":
            close = next((c for c in range(k + 1, min(hi, k + 5, len(tokens))) if tokens[c].text == ")"), None)
            if close is None:
                return None
            k = close + 1
            continue
        if w in PROPORTION_WORDS and k + 1 < len(tokens) and tokens[k + 1].lower == "of":
            k += 2  # "(79%) proportion of deliveries ..."
            continue
        if t.is_digits or w in PHRASE_STOPS or w in PHRASE_BREAKS or w in _NUMBER_WORDS or w in (")", "]"):
            return None  # ... or the bracket the number stands in closes: "(48 to 95) over the year"
        if w in "-–—" and k > 0 and k + 1 < len(tokens) and tokens[k - 1].end < t.start and tokens[k + 1].start > t.end:
            return None  # a dash between spaces opens an aside: "25 - about two a fortnight -"
        nxt_thing = k + 1 < len(tokens) and tokens[k + 1].lower in THINGS and tokens[k + 1].lower not in PEOPLE_NOUNS
        if w in METRIC_WORDS and w not in PEOPLE_NOUNS and nxt_thing:
            k += 1  # a harm naming a thing: "104 displacement sites"
            steps += 1
            continue
        if w in POPULATION_WORDS or w in HOUSEHOLD_NOUNS or w in WHOLE_NOUNS or (w in METRIC_WORDS and (k == i or not w.endswith("ed"))):
            # a harm participle right after the number says what happened to it: "30 detained over the year"
            return ("people", k)
        if w in THINGS:
            nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if nxt in PEOPLE_NOUNS:
                k += 1
                steps += 1
                continue
            return ("things", k)
        k += 1
        steps += 1
    return None


def is_item_number(tokens: list[Token], m: Mention) -> bool:
    """A list item's number: "3. Older people living alone.", "2) Shelter" - a bare small
    number opening its sentence, followed by "." or ")" and a capitalised word or nothing."""
    if m.form != "digits" or m.kind != "count" or m.number_first != 0 or m.stop != 1 or m.value >= 100:
        return False
    if len(tokens) < 2 or tokens[1].text not in ".)":
        return False
    return len(tokens) == 2 or tokens[2].text[:1].isupper() or not tokens[2].is_word


def is_document_number(tokens: list[Token], m: Mention) -> bool:
    """The number of a document, goal or part: "see Situation Report #4", "Sustainable
    Development Goal 2", "Flash Update No. 5" - a label noun (`DOCUMENT_LABEL_NOUNS`) right
    before it, a "#", "No." or "n°" between them allowed."""
    if m.form not in ("digits", "words") or m.kind != "count" or m.first != m.number_first:
        return False
    k = m.first - 1
    marks = 0
    while k >= 0 and marks < 3:
        if tokens[k].text == "#":
            return True
        if tokens[k].text == "." and k > 0 and tokens[k - 1].lower in DOCUMENT_NUMBER_MARKS:
            k -= 1  # "No. 5"; a "." or ":" of its own ends a label ("Flash Update: 12 killed")
        elif tokens[k].lower not in DOCUMENT_NUMBER_MARKS:
            break
        k -= 1
        marks += 1
    if k < 0:
        return False
    t = tokens[k]
    if t.lower not in DOCUMENT_LABEL_NOUNS:
        return False
    # a capitalised label ("Goal 2", "Update 5") or a mark between; "no" alone is `mentions`' job
    return (t.text[:1].isupper() or marks > 0) and m.form == "digits"


def is_goal_name(tokens: list[Token], m: Mention) -> bool:
    """A number word that opens the name of a numbered goal or part: "Sustainable Development
    Goal 2, Zero Hunger" - capitalised, after "<label> <number> ,"."""
    i = m.first
    return (
        m.form == "words" and tokens[i].text[:1].isupper() and i >= 3 and tokens[i - 1].text == ","
        and tokens[i - 2].is_digits and tokens[i - 3].lower in DOCUMENT_LABEL_NOUNS
    )


def is_age_or_duration_range(tokens: list[Token], m: Mention) -> bool:
    """The first number of an age or a span of time: "children aged 6 to 59 months",
    "treatment for 1 to 3 months", "between 2 and 5 years old" - a joiner, a number and a
    unit of time follow it."""
    if m.kind != "count" or m.form not in ("digits", "words"):
        return False
    j = m.stop
    if j + 2 >= len(tokens) + 1 or j >= len(tokens) or tokens[j].lower not in RANGE_JOINERS_TO:
        return False
    k = j + 1
    if k < len(tokens) and not tokens[k].is_digits and tokens[k].lower not in _NUMBER_WORDS:
        return False
    k += 1
    return k < len(tokens) and tokens[k].lower in DURATION_UNITS


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen eighteen twenty twenty-four thirty "
    "forty fifty sixty".split()
)


def is_staff(tokens: list[Token], m: Mention, hi: int) -> bool:
    """Staff and teams a response deploys: "two nurses and a psychologist were deployed",
    "with a counsellor and three animators" - the noun after the number names a
    role (`STAFF_NOUNS`) and no harm word (killed, injured, abducted..., or a loss: "lost") stands
    in its clause."""
    if m.kind != "count":
        return False
    k = m.stop
    steps = 0
    while k < min(hi, len(tokens)) and steps < 3 and tokens[k].is_word and tokens[k].lower not in STAFF_NOUNS:
        if tokens[k].lower in PHRASE_STOPS or tokens[k].lower in METRIC_WORDS:
            return False
        k += 1
        steps += 1
    if k >= len(tokens) or tokens[k].lower not in STAFF_NOUNS:
        return False
    lo = max(0, m.first - BACK)
    window = tokens[lo : min(len(tokens), m.stop + 15)]
    return not any(_harm(t) or t.lower in LOSS_VERBS for t in window)  # "the police lost 14 officers"


def is_response_served(tokens: list[Token], mentions: list[Mention], n: int, prev_stop: int, left_guard: int) -> str | None:
    """People a response reached, treated, screened, referred or served, named by the verb
    acting on the number (the record contract: people reached or targeted by a response are no
    figure). Read, in order:
    - a verb of serving before the number in its clause: "partners treated 140 children",
      "referred 42 cases"; "reach" only when its subject is no count ("the death toll reached
      60,000" is a figure), and always when words stand between it and the number ("No. of
      people reached with messages 286,500");
    - a service delivered "to", "with" or "for" the number: "delivered services to 912 people";
    - a verb of serving after the number's noun phrase: "6,410 arrivals medically screened",
      "N people ... received services";
    - a part of a total that is itself people served: "including 19 nursing mothers".
    Returns the verb or noun that decided, or None. A harm word (killed, injured...) in the
    clause keeps the number a figure ("30 wounded were treated in hospital")."""
    m = mentions[n]
    if m.kind != "count":
        return None
    hi = mentions[n + 1].first if n + 1 < len(mentions) else len(tokens)
    lo = _back_start(m, prev_stop, left_guard)
    back = _clause_back(tokens, m, lo)
    far_lo = max(prev_stop, m.first - SUBJECT_BACK)
    if left_guard and far_lo < left_guard and m.first - SUBJECT_BACK < left_guard:
        raise NarrowWindow
    if _no_service_cue(tokens, mentions):
        return None  # every reading below needs a word of serving, or a part of people served
    far_back = _clause_back(tokens, m, far_lo)
    forward = _clause_forward(tokens, m, hi)
    if any(_harm(tokens[k]) for k in far_back + forward):
        return None
    # the verb right before the number, qualifiers skipped
    direct = next((k for k in back if tokens[k].lower not in BEFORE_NUMBER), None)
    for k in back:
        w = tokens[k].lower
        if METRIC_WORDS.get(w) and w.endswith("ed") and w not in SERVED_VERBS:
            break  # a harm or need nearer the number says what it counts: "assisted 12,700 after floods displaced 30,000"
        if w in REACH_VERBS:
            if k == direct and (_count_subject(tokens, k, far_lo) or _amounting_to(tokens, mentions, n, k)):
                return None  # "the toll reached 60,000"; "40% of the displaced, reaching 310,000"
            return tokens[k].text
        if w in SERVED_VERBS:
            return tokens[k].text
    if (direct is not None and tokens[direct].lower in ("to", "with", "for", "among")
            and any(tokens[k].lower in DELIVERY_VERBS for k in back if k < direct)):
        return f"{tokens[direct].text} (a service)"
    # after the number: its noun phrase, then a participle of serving
    k = m.stop
    end = min(len(tokens), m.stop + 16)
    while k < end:
        w = tokens[k].lower
        if w in REACH_VERBS and _reach_takes_a_place(tokens, k):
            break  # people who reached a place arrived there: "700 refugees reached the camp"
        if w in SERVED_VERBS:
            return tokens[k].text
        skip = _age_span_end(tokens, k)
        if skip > k:
            k = skip  # "children aged 6 to 59 months ... screened"
            continue
        if w == "(":
            close = next((c for c in range(k + 1, min(end, k + 6)) if tokens[c].text == ")"), None)
            if close is not None:
                k = close + 1  # "with acute malnutrition (MAM) treated"
                continue
        if not (tokens[k].is_word or w == "-") or (w in PHRASE_STOPS and w not in AUX and w != "with"):
            break
        k += 1
    # ... or "received services" ending its clause, past asides: "N people (...) received services"
    rest = range(m.stop, min(len(tokens), m.stop + 20))
    for x in rest:
        if tokens[x].text in ";.!?" or tokens[x].lower in ("who", "which", "that") or _harm(tokens[x]):
            break  # "13 cases confirmed, with eight deaths and one patient receiving treatment"
        if tokens[x].lower in RECEIVED_VERBS and any(tokens[v].lower in SERVICE_NOUNS for v in range(x + 1, min(len(tokens), x + 4))):
            return tokens[x].text
    if m.parent is not None and mentions[m.parent].evidence.get("metric", "").startswith("not a figure: people"):
        return "a part of people served"
    return _part_of_people_served(tokens, mentions, n, lo)


# Every word that lets `is_response_served` (and `_part_of_people_served`) read people served.
SERVICE_CUES = REACH_VERBS | SERVED_VERBS | DELIVERY_VERBS | RECEIVED_VERBS | RESPONSE_VERBS


def _no_service_cue(tokens: list[Token], mentions: list[Mention]) -> bool:
    """True when no reading of people served can apply: no word of serving in the tokens and no
    mention already read as people served (a cheap test, run before the clause scans)."""
    if not SERVICE_CUES.isdisjoint([t.lower for t in tokens]):
        return False
    return not any(x.evidence.get("metric", "").startswith("not a figure: people") for x in mentions)


def _part_of_people_served(tokens: list[Token], mentions: list[Mention], n: int, lo: int) -> str | None:
    """A part of a total of people served: "care to 640 people ..., including 75 pregnant women
    and 12 newborns" - after "including" (or the list's previous part), the total's number is
    itself after a verb of a response."""
    m = mentions[n]
    prev = mentions[n - 1] if n > 0 else None
    if prev is not None and prev.evidence.get("metric", "").startswith("not a figure: people"):
        gap = tokens[prev.stop : m.first]
        if len(gap) <= 4 and gap and gap[-1].lower in (",", "and"):
            return "a part of people served"
    k = m.first - 1
    if k < 0 or tokens[k].lower not in ("including", "among", "incl", "("):
        return None
    total = next((x for x in range(k - 1, max(-1, k - 12), -1) if tokens[x].is_digits), None)
    if total is None:
        return None
    stated = next((x for x in mentions if x.number_first == total), None)
    if stated is not None:
        # the total is a figure, unless it was read as people served: "12,700 (3.5%) were reached"
        return "a part of people served" if stated.evidence.get("metric", "").startswith("not a figure: people") else None
    verbs = SERVED_VERBS | DELIVERY_VERBS | RESPONSE_VERBS
    for x in range(total - 1, max(-1, total - 9), -1):
        if tokens[x].text in CLAUSE_ENDS:
            break
        if tokens[x].lower in verbs:
            return "a part of people served"
    return None


def _age_span_end(tokens: list[Token], k: int) -> int:
    """The index after an age or span at k ("aged 6 to 59 months", "from nine months to five
    years"), or k when none starts there."""
    j = k
    if j < len(tokens) and tokens[j].lower in ("aged", "from", "between", "of"):
        j += 1
    for _ in range(2):  # "6 to 59 months", "nine months to five years"
        if j < len(tokens) and (tokens[j].is_digits or tokens[j].lower in _NUMBER_WORDS):
            j += 1
            if j < len(tokens) and tokens[j].lower in DURATION_UNITS:
                j += 1
            if j < len(tokens) and tokens[j].lower in RANGE_JOINERS_TO and j + 1 < len(tokens) and (
                tokens[j + 1].is_digits or tokens[j + 1].lower in _NUMBER_WORDS
            ):
                j += 1
                continue
            break
    if j > k + 1 and j <= len(tokens) and tokens[j - 1].lower in DURATION_UNITS:
        if j < len(tokens) and tokens[j].lower in ("old", "of"):
            j += 1
        return j
    return k


def _reach_takes_a_place(tokens: list[Token], k: int) -> bool:
    """Whether "reached" at k, after the number's noun phrase, is active with a place as its
    object ("700 refugees reached the camp", "reached Chad", "reached safety"), not the passive
    of a response ("2,300 people reached with messages")."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and (nxt.lower in ("the", "a", "an", "safety", "safe") or nxt.text[:1].isupper())


def _amounting_to(tokens: list[Token], mentions: list[Mention], n: int, k: int) -> bool:
    """Whether "reaching" at k, set off by a comma after an earlier number of the sentence, says
    what that figure amounts to ("hosts 40% of the displaced, reaching 310,000"; "rose by a
    fifth, reaching 73,500"): an apposition of amount, not people a response reached."""
    return (tokens[k].lower.endswith("ing") and k > 0 and tokens[k - 1].text == ","
            and any(mentions[e].stop <= k for e in range(n)))


def _count_subject(tokens: list[Token], k: int, lo: int) -> bool:
    """Whether the subject of "reach" at k is a count: a count noun ("toll", "number") in the
    few words before it, or a harm or need word right before it ("displacement has reached")."""
    j = k - 1
    while j >= lo and tokens[j].lower in AUX:
        j -= 1
    if j >= lo and (tokens[j].lower in METRIC_WORDS or tokens[j].lower in ("need", "displacement", "cases")):
        return True
    return any(tokens[x].lower in COUNT_SUBJECTS for x in range(lo, k))


def is_damaged_structure(tokens: list[Token], m: Mention, hi: int) -> bool:
    """Buildings counted by the damage done to them, their noun given earlier: "2,870 clinics
    affected, including 95 partially damaged and 12 destroyed", "80,000 homes ..., with
    1,700 of these completely destroyed" - the number is followed (adverbs and "of these"
    read past) by a word of damage (`DAMAGE_WORDS`), and a noun of things stands before it in
    the sentence."""
    if m.kind != "count":
        return False
    k = m.stop
    while k < min(hi, len(tokens)) and tokens[k].lower in DAMAGE_ADVERBS and k < m.stop + 4:
        k += 1
    if k >= len(tokens) or tokens[k].lower not in DAMAGE_WORDS:
        return False
    return any(t.lower in THINGS for t in tokens[max(0, m.first - 25) : m.first])


def is_share_of_things(tokens: list[Token], m: Mention, hi: int) -> bool:
    """A share of places, services or areas: "40% of surveyed villages", "55% of clinics charge
    fees", "nearly 60% of the province has no power" - the noun after "of" is a thing."""
    if m.kind != "share":
        return False
    k = m.stop
    if k < len(tokens) and tokens[k].text == ")":
        k += 1  # "22 of 28 (79%) share of referrals ..."
    if k + 1 < len(tokens) and tokens[k].lower in PROPORTION_WORDS and tokens[k + 1].lower == "of":
        k += 1
    if k >= len(tokens) or tokens[k].lower != "of":
        return False
    k += 1
    for _ in range(PHRASE):
        if k >= min(hi, len(tokens)):
            return False
        t = tokens[k]
        w = t.lower
        if t.is_digits or w in PHRASE_STOPS or w in POPULATION_WORDS or w in HOUSEHOLD_NOUNS or w in WHOLE_NOUNS:
            return False
        if w in METRIC_WORDS and not w.endswith("ed"):
            return False
        if w in THINGS:
            nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if nxt not in PEOPLE_NOUNS:
                return True
        k += 1
    return False


def is_count_of_things(tokens: list[Token], m: Mention, hi: int) -> bool:
    """Things counted by a noun a few words after the number: "four water points were
    repaired", "five flight routes were kept open", "30 emergency household (EHK) kits",
    "four eligibility rules", "at least one of three criteria"."""
    if m.kind != "count" or m.form in ("fraction", "one_in", "multiplier"):
        return False
    k = m.stop
    if k < len(tokens) and tokens[k].lower == "of":
        k += 1
        if k < len(tokens) and tokens[k].lower in ("the", "these", "those", "its", "their"):
            k += 1
        if k < len(tokens) and (tokens[k].is_digits or tokens[k].lower in _NUMBER_WORDS):
            k += 1
    head = phrase_head(tokens, k, len(tokens))
    return head is not None and head[0] == "things"


def is_method_share(tokens: list[Token], m: Mention, hi: int) -> bool:
    """A share of a method: "a random sample (10%) is checked", "a list passes if 75% meet
    the criteria", "a confidence level of 95%"."""
    if m.kind != "share":
        return False
    if any(t.lower in METHOD_WORDS for t in tokens[max(0, m.first - 4) : m.first]):
        return True
    after = [t.lower for t in tokens[m.stop : min(len(tokens), m.stop + 6)]]
    for x, w in enumerate(after):
        if w in MEETS_WORDS:
            return any(v in CRITERIA_WORDS for v in after[x + 1 : x + 4])
        if w in METHOD_WORDS:
            return True
    return False


def is_index_score(tokens: list[Token], m: Mention) -> bool:
    """An index score or its change: "Food Consumption Scores fell by 15 points", "34% proportional
    morbidity", and "Scores" the index read as the vague amount "scores" (which counts people
    only as "scores of ..." or before a word of people or harm)."""
    if m.form == "vague" and tokens[m.number_first].lower == "scores":
        nxt = tokens[m.stop] if m.stop < len(tokens) else None
        if nxt is None or not (tokens[m.stop - 1].lower == "of" or nxt.lower == "of" or nxt.lower in POPULATION_WORDS or nxt.lower in METRIC_WORDS):
            return True
    if m.kind == "count" and m.form != "vague":
        return False
    near = tokens[max(0, m.first - 6) : m.first] + tokens[m.stop : min(len(tokens), m.stop + 4)]
    return any(t.lower in INDEX_NOUNS for t in near)


def is_clock_time(tokens: list[Token], m: Mention) -> bool:
    """The hour of an event, not a count: "at about 2 a.m.", "at 11 pm" - a count directly
    followed by a clock word (`CLOCK_WORDS`) or by the split letters "a . m" / "p . m"."""
    if m.kind != "count" or m.stop >= len(tokens):
        return False
    nxt = tokens[m.stop]
    if nxt.lower in CLOCK_WORDS:
        return True
    return (
        nxt.lower in CLOCK_LETTERS
        and m.stop + 2 < len(tokens)
        and tokens[m.stop + 1].text == "."
        and tokens[m.stop + 2].lower == "m"
        and tokens[m.stop + 1].start == nxt.end
    )


def is_intention(tokens: list[Token], m: Mention, hi: int) -> bool:
    """An intention, not a movement: "58% of households say they intend to migrate", "express
    a desire to leave" - an intention word then a word of moving in the number's clause, with
    no harm or displacement word between ("affected" describing a place is read past)."""
    if m.kind not in ("count", "share"):
        return False
    fwd = _clause_forward(tokens, m, len(tokens), far=16)
    for x, k in enumerate(fwd):
        t = tokens[k]
        if t.lower in METRIC_WORDS and not (t.lower == "affected" and tokens[k - 1].lower in ATTRIBUTIVE_BEFORE):
            return False
        if t.lower in INTENT_WORDS:
            return any(tokens[v].lower in MOVE_WORDS for v in fwd[x + 1 : x + 4])
    return False


# The kinds read from the number and the words at it, then those read along its phrase up to
# the next number (`hi`), each with the reason the evidence gives; in this order.
TOKEN_KINDS = (
    (is_goal_name, "a goal's name"),
    (is_item_number, "a list item's number"),
    (is_document_number, "a document's or a goal's number"),
    (is_age_or_duration_range, "an age or a span of time"),
    (is_index_score, "an index score"),
    (is_clock_time, "an hour of the day"),
)
PHRASE_KINDS = (
    (is_method_share, "a share of a method"),
    (is_share_of_things, "a share of places or services"),
    (is_damaged_structure, "buildings damaged or destroyed"),
    (is_count_of_things, "counts things"),
    (is_staff, "staff or teams deployed"),
    (is_intention, "an intention to move"),
)


def why_not_a_figure(tokens: list[Token], mentions: list[Mention], n: int, prev_stop: int, left_guard: int = 0) -> str | None:
    """Why mention n of a sentence counts no one harmed or in need, or None: people served by a
    response, buildings, an age or a span, staff, a document's or a list item's number, a
    share of places, things, a method's share, an index score, an intention. `tokens` may
    be a window (see `window`); a scan below `left_guard` raises NarrowWindow."""
    m = mentions[n]
    hi = mentions[n + 1].first if n + 1 < len(mentions) else len(tokens)
    for kind, reason in TOKEN_KINDS:
        if kind(tokens, m):
            return reason
    for kind, reason in PHRASE_KINDS:
        if kind(tokens, m, hi):
            return reason
    served = is_response_served(tokens, mentions, n, prev_stop, left_guard)
    if not served and m.kind == "share" and m.first > 0 and tokens[m.first - 1].text == "(":
        served = _part_of_people_served(tokens, mentions, n, 0)  # "12,700 (3.5%) were reached"
    if served:
        return f"people served by a response ({served})"
    return None


def is_item_line(line: str) -> bool:
    """A line that holds only a list item's number ("3.", "12)"): not a table's value, though a
    numbered list laid out one item a line looks like a column of labels then numbers."""
    s = line.strip()
    return 2 <= len(s) <= 3 and s[-1] in ".)" and s[:-1].isdigit()
