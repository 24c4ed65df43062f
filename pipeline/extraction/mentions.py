"""From number expressions to candidate figures: exclusions, ranges, qualifiers, kind and sign.

A Mention is a number expression that may state a figure, with its bounds as the spec's
table gives them. Whether it is a figure at all is settled by `meaning`, which must find
what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extraction.lexicon import (
    ABBREVIATED_QUALIFIERS,
    AGE_WORDS_AFTER,
    AGE_WORDS_BEFORE,
    AID_ITEM_LINKS,
    AID_ITEM_NOUNS,
    AID_ITEM_REACH,
    BRACKET_LABEL_WORDS,
    BREAKDOWN_OPENERS,
    CLAUSE_WORDS,
    COMBATANT_NOUNS,
    DECREASE_WORDS,
    ELLIPSIS_PLACE_WORDS,
    FACILITY_NOUNS,
    HOUSEHOLD_NOUNS,
    INCREASE_WORDS,
    LABEL_WORDS_BEFORE,
    METRIC_WORDS,
    MONEY_SIGNS,
    MONEY_WORDS_AFTER,
    NOT_CURRENCY_CODES,
    OBJECT_NOUNS,
    ONE_ZERO_KEEP_AFTER,
    ONE_ZERO_WORDS,
    PERSON_ENDINGS,
    POPULATION_WORDS,
    QUALIFIER_PHRASES,
    QUALIFIERS_AFTER,
    RECEIPT_OBJECTS,
    RECEIPT_VERBS,
    RESPONSE_VERBS,
    SHARED_EXCLUSIONS,
    SIGN_QUALIFIERS,
)
from pipeline.extraction.numbers import NumberExpr, parse_digits, read_numbers
from pipeline.extraction.phrases import PhraseTable
from pipeline.extraction.tokens import Token
from pipeline.periods import MONTHS, Period

# What a number directly before counts when it counts things: the shared table and facilities.
THING_NOUNS = OBJECT_NOUNS | FACILITY_NOUNS
MAX_DIGITS = 15  # "100,000,000,000" is the longest count any report states
RANGE_JOINERS = frozenset({"to", "-", "–", "—", "and"})
TIME_WORDS = frozenset("am pm a.m p.m gmt utc hours hrs h".split())
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
QUARTER_OR_HALF = frozenset({"q", "h"})
DAY_RANGE_JOINERS = frozenset({"to", "-", "–", "—", "and", "&", "until"})
# Words after "a fifth", "a third" that make it an ordinal, not a fraction.
ORDINAL_NOUN_STARTS = frozenset("civilian civilians person victim man woman child boy girl soldier member body day time attack".split())
CHANGE_NOUNS = frozenset(
    "increase rise decrease drop decline fall reduction surge jump dip growth".split()
)


@dataclass(slots=True)
class Mention:
    first: int  # token index where the expression starts (qualifier included)
    stop: int  # token index after its end
    number_first: int  # token index of the number itself
    value: float
    low: float | None
    high: float | None
    qualifier: str
    kind: str
    form: str
    evidence: dict = field(default_factory=dict)
    before_after: str | None = None  # "before" / "after" in "from X to Y"
    metric: str | None = None
    population: str | None = None
    population_named: bool = False  # the population was read from the number's own words
    parent: int | None = None  # index of the parent mention in the sentence
    comparison: Period | None = None  # for a change: the period it compares with, once known


def _words(tokens: list[Token], start: int, stop: int) -> list[str]:
    return [t.lower for t in tokens[max(0, start) : max(0, stop)]]


def _is_year(tokens: list[Token], expr: NumberExpr) -> bool:
    tok = tokens[expr.first]
    return (
        expr.form == "digits"
        and not expr.percent
        and expr.stop == expr.first + 1
        and tok.text.isdigit()
        and len(tok.text) == 4
        and 1900 <= int(tok.text) <= 2100
    )


# Three or more digit groups with a "+" or a leading zero, or with a group that is not a
# thousands group: "+93 20 210 1234", "0799 123 456".
PHONE = re.compile(r"(?<![\w,.])(?:\+\d{1,4}|0\d{1,4}|\d{1,4})(?:[ \-]\d{2,4}){2,}(?![\w,])")


GROUP_SEPARATOR = re.compile(r"[ \-]")
DIGIT_RUN = re.compile(r"\d+")


def phone_number_starts(text: str, offset: int) -> set[int]:
    starts: set[int] = set()
    for m in PHONE.finditer(text):
        groups = GROUP_SEPARATOR.split(m.group().lstrip("+"))
        if m.group().startswith(("+", "0")) or any(len(g) != 3 for g in groups[1:]):
            starts.update(offset + m.start() + g.start() for g in DIGIT_RUN.finditer(m.group()))
    return starts


def _label_before_colon(tokens: list[Token], i: int) -> str | None:
    """The thing a "label: N" line counts when its label names a thing, not people
    ("Health facilities affected: 10"); None otherwise."""
    k = i - 1
    while k >= 0 and tokens[k].text in "*:" and k > i - 4:
        if tokens[k].text == ":":
            words = [t.lower for t in tokens[max(0, k - 5):k] if t.is_word]
            if any(w in POPULATION_WORDS for w in words):
                return None
            return next((w for w in words if w in THING_NOUNS), None)
        k -= 1
    return None


def _after_response_verb(tokens: list[Token], i: int) -> bool:
    """Whether a verb of a response (RESPONSE_VERBS) comes before token `i` in its clause (at
    most eight tokens back, not past a comma, semicolon, colon or bracket)."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 8:
        t = tokens[k]
        if t.text == "," and k + 1 < len(tokens) and (
            tokens[k + 1].is_digits or (tokens[k + 1].lower in ("and", "or") and k + 2 < len(tokens) and tokens[k + 2].is_digits)
        ):
            k -= 1  # a list of counts goes on: "kits covering 4,200 births, 180 cases"
            steps = 0
            continue
        if t.text in ",;:()[]":
            return False
        if t.lower in RESPONSE_VERBS:
            return True
        k -= 1
        steps += 1
    return False


def _after_aid_items(tokens: list[Token], i: int) -> bool:
    """Whether the number at token `i` (a qualifier between) follows an item of aid and "to",
    "for" or "among": "kits for 90 survivors", "tents to some 300 families"."""
    k = i - 1
    while k >= 0 and i - k <= 3 and tokens[k].lower not in AID_ITEM_LINKS:
        k -= 1  # "for some", "to at least"
    if k < 0 or tokens[k].lower not in AID_ITEM_LINKS:
        return False
    for m in range(k - 1, max(-1, k - 1 - AID_ITEM_REACH), -1):
        t = tokens[m]
        if t.lower in AID_ITEM_NOUNS:
            return True
        if t.text in ",;:()" or t.lower in METRIC_WORDS:
            return False
    return False


def _receives_aid(tokens: list[Token], j: int) -> bool:
    """Whether a verb of receipt and an aid word follow the number ending at token `j`, with no
    harm named between: "1,500 people received cash", "some 300 families benefited from food"."""
    for k in range(j, min(len(tokens) - 1, j + 4)):
        w = tokens[k].lower
        if w in METRIC_WORDS or not tokens[k].is_word:
            return False
        if w in RECEIPT_VERBS:
            after = tokens[k + 1].lower
            if after in ("from", "a", "an", "some") and k + 2 < len(tokens):
                after = tokens[k + 2].lower
            return after in RECEIPT_OBJECTS
    return False


def is_currency_code(text: str) -> bool:
    """An ISO 4217 currency code as written before an amount ("USD 18 million", "HTG 500"),
    from pycountry's list, "US$" too; codes that are words ("ALL", "TOP") are not."""
    if text in ("US$", "CA$", "A$"):
        return True
    return len(text) == 3 and text.isupper() and text not in NOT_CURRENCY_CODES and text in _currency_codes()


_CODES: frozenset[str] | None = None


def _currency_codes() -> frozenset[str]:
    global _CODES
    if _CODES is None:
        import pycountry

        _CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
    return _CODES


def _is_day(tok: Token) -> bool:
    return len(tok.text) <= 2 and tok.text.isdigit()


def excluded(tokens: list[Token], expr: NumberExpr, text: str, phone_starts: frozenset[int] = frozenset(), words: frozenset[str] | None = None) -> str | None:
    """Why this number is not a figure (a year, date, time, money, ordinal, age, label...), or None.

    `words`, the lower-case tokens of the sentence when known, spare the scans for words it
    lacks (aid, receipt, things)."""
    i, j = expr.first, expr.stop
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j] if j < len(tokens) else None
    if _is_year(tokens, expr):
        return "year"
    if expr.form == "digits" and len(tok.text) > MAX_DIGITS:
        return "too long to be a count (an identifier, a phone number or a list)"
    if expr.form == "digits":
        if tok.start in phone_starts:
            return "phone number"
        if prev is not None and prev.end == tok.start and prev.text in "+/" or (nxt is not None and nxt.text == "/" and nxt.start == tokens[j - 1].end):
            return "phone number or numeric date"
        if (
            prev is not None
            and prev.text in ".;:"
            and prev.end == tok.start
            and i > 1
            and tokens[i - 2].is_word
            and tokens[i - 2].end == prev.start
        ):
            return "footnote mark"
        if len(tok.text) >= 3 and tok.text.startswith("0") and "." not in tok.text:
            return "an identifier or phone number (a leading zero)"
        if prev is not None and prev.end == tok.start and (prev.is_word or prev.text in ")]"):
            if prev.lower in QUARTER_OR_HALF:
                return "period label"
            return "footnote or part of a name"
        if prev is not None and prev.end == tok.start and prev.text == "-" and i > 1 and tokens[i - 2].end == prev.start and tokens[i - 2].is_word:
            return "part of a name"
        if nxt is not None and nxt.start == tokens[j - 1].end and nxt.is_word and nxt.lower in ORDINAL_SUFFIXES:
            return "ordinal"
        if nxt is not None and nxt.text == ":" and j + 1 < len(tokens) and tokens[j + 1].is_digits:
            return "time"
        if prev is not None and prev.text == ":" and i > 1 and tokens[i - 2].is_digits:
            return "time"
    if nxt is not None and nxt.lower.rstrip(".") in MONTHS and expr.form == "digits" and not expr.percent:
        return "date"
    if expr.form == "digits" and not expr.percent and len(tok.text) <= 2:
        # the days of a date range: "between 21 and 22 May", "from August 3 to 5"
        if nxt is not None and nxt.lower in DAY_RANGE_JOINERS and j + 2 < len(tokens) and _is_day(tokens[j + 1]) and tokens[j + 2].lower.rstrip(".") in MONTHS:
            return "date"
        if prev is not None and prev.lower in DAY_RANGE_JOINERS and i > 2 and _is_day(tokens[i - 2]) and tokens[i - 3].lower.rstrip(".") in MONTHS:
            return "date"
    month_before = prev is not None and (
        prev.lower in MONTHS or (prev.text == "." and i > 1 and tokens[i - 2].lower in MONTHS)
    )
    if month_before and expr.form == "digits" and not expr.percent and len(tok.text) <= 2:
        return "date"
    if prev is not None and (prev.text in MONEY_SIGNS or is_currency_code(prev.text)):
        return "money"
    if nxt is not None and (nxt.lower in MONEY_WORDS_AFTER or nxt.text in MONEY_SIGNS):
        return "money"
    if prev is not None and prev.lower in LABEL_WORDS_BEFORE and expr.form == "digits" and not expr.percent:
        return "label"
    if prev is not None and (prev.lower in AGE_WORDS_BEFORE or (prev.lower == "of" and i > 1 and tokens[i - 2].lower in AGE_WORDS_BEFORE)):
        return "age"  # "aged 12", "under the age of five"
    if (
        prev is not None
        and prev.lower in ("and", "to", "or")
        and i > 2
        and tokens[i - 3].lower in AGE_WORDS_BEFORE
        and (nxt is None or not nxt.is_word or nxt.lower in ("years", "year", "and", "or"))
    ):
        return "age"  # "aged one and three", not "aged six and two boys"
    after = tuple(_words(tokens, j, j + 3))
    if any(after[: len(phrase)] == phrase for phrase in AGE_WORDS_AFTER):
        return "age"
    if prev is not None and prev.lower in ("under", "below", "over") and i > 1 and tokens[i - 2].lower in ("children", "aged", "age"):
        return "age"
    if nxt is not None and nxt.lower in TIME_WORDS and not expr.percent:
        return "time"
    label = _label_before_colon(tokens, i)
    if label and not expr.percent:
        return f"counts {label}"
    if not expr.percent and _after_response_verb(tokens, i):
        return "people a response reached, assisted or plans for"
    # "mobilized by DKH (500)", "whose hotline (322)": a bare number in brackets after a name
    if (expr.form == "digits" and not expr.percent and prev is not None and prev.text == "(" and nxt is not None
            and nxt.text == ")" and i > 1 and tokens[i - 2].is_word
            and (tokens[i - 2].lower in BRACKET_LABEL_WORDS or tokens[i - 2].text[:1].isupper())
            and tokens[i - 2].lower not in POPULATION_WORDS and tokens[i - 2].lower not in METRIC_WORDS):
        return "a number in brackets after a name"
    if nxt is not None and nxt.lower in THING_NOUNS and not expr.percent and expr.form not in ("fraction", "one_in", "multiplier"):
        return f"counts {nxt.lower}"
    # "800 hygiene kits", "176 health facilities", "452 metric tons": a word that names no one,
    # then a thing counted
    if (nxt is not None and nxt.is_word and nxt.text.islower() and j + 1 < len(tokens) and tokens[j + 1].lower in THING_NOUNS
            and nxt.lower not in POPULATION_WORDS and nxt.lower not in METRIC_WORDS and not expr.percent
            and expr.form not in ("fraction", "one_in", "multiplier")):
        return f"counts {tokens[j + 1].lower}"
    # "two pre-existing displacement sites", "40 per cent of medical facilities": things
    # named past their modifiers
    thing = _thing_ahead(tokens, j + 1 if expr.percent and nxt is not None and nxt.lower == "of" else j) if words is None or not words.isdisjoint(THING_NOUNS) else None
    if thing and expr.form not in ("fraction", "one_in", "multiplier") and (not expr.percent or nxt.lower == "of"):
        return f"counts {thing}"
    # "24-hour period", "10-day"
    if nxt is not None and nxt.text == "-" and j + 1 < len(tokens) and tokens[j + 1].lower in THING_NOUNS:
        return f"counts {tokens[j + 1].lower}"
    if expr.form == "words" and tok.lower == "one" and nxt is not None and nxt.lower in ("of", "another", "side", "day", "more"):
        return "pronoun"
    if expr.form == "words" and tok.lower in ONE_ZERO_WORDS and j == i + 1 and _before_a_thing(tokens, j):
        return "one or zero of a thing, not of people"
    if tok.lower == "one" and prev is not None and prev.lower == "no":
        return "no one: nobody"
    if not expr.percent and (words is None or not words.isdisjoint(AID_ITEM_NOUNS)) and _after_aid_items(tokens, i):
        return "people given items of aid"
    if not expr.percent and (words is None or not words.isdisjoint(RECEIPT_VERBS)) and _receives_aid(tokens, j):
        return "people given aid"
    if expr.form in ("fraction",) and prev is not None and prev.lower in ("first", "second", "latter", "last", "third"):
        return "period label"
    if expr.form == "fraction" and tok.lower in ("a", "one") and nxt is not None and nxt.lower in ORDINAL_NOUN_STARTS:
        return "ordinal"  # "a fifth civilian was killed"
    if nxt is not None and nxt.lower == "of" and not expr.percent and expr.form in ("digits", "words"):
        # "614 of these facilities", "140 of the country's 210 districts"
        for k in range(j + 1, min(len(tokens), j + 5)):
            w = tokens[k].lower
            if w in THING_NOUNS:
                return f"counts {w}"
            if not tokens[k].is_word and not tokens[k].is_digits and w not in ("’", "'"):
                break
    return None


THING_REACH = 4  # modifiers between a number and the thing it counts


def _thing_ahead(tokens: list[Token], j: int) -> str | None:
    """The thing counted past the lower-case modifiers and hyphens from token j on ("pre-existing
    displacement sites", "medical facilities"), when no person or harm is named first; else None.
    Households are left to the readings of meaning."""
    for k in range(j, min(len(tokens), j + THING_REACH + 1)):
        t = tokens[k]
        w = t.lower
        if t.text in "-‑–" and k > j:
            continue
        if w in METRIC_WORDS and k > j and k + 1 < len(tokens) and tokens[k + 1].lower in THING_NOUNS:
            continue  # "displacement sites": a harm's word that only names the things
        if not t.is_word or not t.text.islower() or w in CLAUSE_WORDS or w in POPULATION_WORDS or w in METRIC_WORDS or w in COMBATANT_NOUNS:
            return None
        if w in THING_NOUNS and w not in HOUSEHOLD_NOUNS:
            return w if k > j else None  # the next word itself is read by the rules above
    return None


def _names_people(word: Token) -> bool:
    w = word.lower
    return (
        w in POPULATION_WORDS
        or w in METRIC_WORDS
        or w in COMBATANT_NOUNS
        or w in ONE_ZERO_KEEP_AFTER
        or w.endswith(PERSON_ENDINGS)
        or not word.is_word
        or word.text[:1].isupper()
    )


def _before_a_thing(tokens: list[Token], j: int) -> bool:
    """Whether the two words after "one" or "zero" (at token j on) name neither a person nor a
    harm: "one step away from", "with zero oversight"."""
    if j >= len(tokens) or not tokens[j].is_word or _names_people(tokens[j]):
        return False
    return j + 1 >= len(tokens) or not (tokens[j + 1].is_word and _names_people(tokens[j + 1]) and tokens[j + 1].lower not in ("of",))


def _written_qualifier(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A qualifier written as a sign on the number ("~3,000", ">200") or as an abbreviation
    with its full stop ("approx. 5,000", "ca. 40"): the qualifier and where it starts."""
    if i < 1:
        return None
    prev = tokens[i - 1]
    if prev.text in SIGN_QUALIFIERS and prev.end == tokens[i].start:
        # not the end of a markup tag ("<li>3 deaths"): the sign stands after a space or bracket
        if i >= 2 and tokens[i - 2].end == prev.start and tokens[i - 2].text not in "([":
            return None
        return SIGN_QUALIFIERS[prev.text], i - 1
    if prev.text == "." and i >= 2 and tokens[i - 2].lower in ABBREVIATED_QUALIFIERS and tokens[i - 2].end == prev.start:
        return ABBREVIATED_QUALIFIERS[tokens[i - 2].lower], i - 2
    return None


QUALIFIERS = PhraseTable(QUALIFIER_PHRASES)


def _qualifier_before(tokens: list[Token], i: int, stop: int) -> tuple[str, int] | None:
    hit = QUALIFIERS.ending_at(tokens, i - 1)
    if not hit:
        return _written_qualifier(tokens, i)
    qualifier, k = hit
    phrase = tuple(t.lower for t in tokens[i - k : i])
    # "up to 94 from 47" is a before/after pair, not a bound
    if phrase == ("up", "to") and any(t.lower == "from" for t in tokens[stop : stop + 2]):
        return None
    if phrase in (("over",), ("under",)) and i - k - 1 >= 0 and tokens[i - k - 1].lower in CHANGE_NOUNS:
        return None
    return qualifier, i - k


def build_mentions(tokens: list[Token], text: str) -> list[Mention]:
    """Candidate figures of one sentence's tokens."""
    exprs = read_numbers(tokens)
    mentions: list[Mention] = []
    phones = frozenset(phone_number_starts(text[tokens[0].start : tokens[-1].end], tokens[0].start)) if tokens else frozenset()
    words = frozenset(t.lower for t in tokens) if exprs else None
    skip_next = False
    counted_things = -1  # where the last number that counts things, not people, ended
    shut_bracket = -1  # the end of a bracket that breaks down a number left out
    for n, expr in enumerate(exprs):
        if skip_next:
            skip_next = False
            continue
        nxt = exprs[n + 1] if n + 1 < len(exprs) else None
        if expr.first < shut_bracket:
            continue  # "served 318 people (201 women and 117 men)": the parts of no figure
        why = excluded(tokens, expr, text, phones, words)
        if why:
            if why.startswith("counts "):
                counted_things = expr.stop
            if why.startswith(SHARED_EXCLUSIONS):
                shut_bracket = _bracket_after(tokens, expr.stop)
            continue
        if counted_things >= 0 and _goes_on_counting(tokens, counted_things, expr):
            counted_things = expr.stop
            continue
        if nxt is not None and _range_of_units(tokens, expr, nxt, text, phones, words):
            continue  # "children from 6 to 59 months": both ends of an age or a span
        mention = _mention(tokens, expr)
        if nxt is not None and _joins_range(tokens, expr, nxt) and not excluded(tokens, nxt, text, phones, words):
            _make_range(mention, expr, nxt, tokens)
            skip_next = True
        mentions.append(mention)
    _mark_before_after(tokens, mentions)
    return mentions


LIST_JOINERS = frozenset({"and", ",", "or"})


def _bracket_after(tokens: list[Token], j: int) -> int:
    """The index of the ")" closing a bracket that opens within two words after token j (a
    noun between: "318 people (201 women ...)"), or -1."""
    for k in range(j, min(len(tokens), j + 3)):
        if tokens[k].text == "(":
            for m in range(k + 1, min(len(tokens), k + 40)):
                if tokens[m].text == ")":
                    return m
            return -1
        if not tokens[k].is_word:
            return -1
    return -1


def _range_of_units(tokens: list[Token], a: NumberExpr, b: NumberExpr, text: str, phones: frozenset[int], words: frozenset[str] | None = None) -> bool:
    """Whether a number is the first end of a range whose second end counts a unit of time or
    measure ("from 6 to 59 months", "2-3 days"): not a figure either."""
    if b.first != a.stop + 1 or tokens[a.stop].lower not in RANGE_JOINERS or a.percent:
        return False
    why = excluded(tokens, b, text, phones, words)
    return why is not None and (why.startswith("counts ") or why in ("age", "time"))


def _goes_on_counting(tokens: list[Token], after: int, expr: NumberExpr) -> bool:
    """Whether a bare number goes on counting the things a number before it counted (ending at
    token `after`), no harm named between: with a place after it ("25 health facilities were
    hit, 7 in Town A and 3 in Town B"), or opening a breakdown with no person after it ("3,000
    schools affected, including 85 destroyed")."""
    if expr.percent or expr.stop >= len(tokens):
        return False
    nxt = tokens[expr.stop]
    if nxt.lower not in ELLIPSIS_PLACE_WORDS:
        opener = tokens[expr.first - 1].lower if expr.first > 0 else ""
        if (opener not in BREAKDOWN_OPENERS and opener not in LIST_JOINERS) or (_names_people(nxt) and nxt.is_word):
            return False
    # a harm done by the things ("shells hit 3 schools, killing 12 in ...") ends their count
    return not any(_harm_done(t.lower) or t.lower in POPULATION_WORDS for t in tokens[after : expr.first])


def _harm_done(word: str) -> bool:
    """A verb of harm in -ing whose past form is a metric word: "killing", "injuring", "displacing"."""
    if not word.endswith("ing"):
        return False
    stem = word[:-3]
    return word in METRIC_WORDS or stem + "ed" in METRIC_WORDS or stem + "d" in METRIC_WORDS


def _joins_range(tokens: list[Token], a: NumberExpr, b: NumberExpr) -> bool:
    if b.first != a.stop + 1 or a.form not in ("digits", "words") or b.form not in ("digits", "words"):
        return False
    if a.percent and not b.percent:
        return False  # "up 28% to 215": a change, then a count
    joiner = tokens[a.stop].lower
    if joiner not in RANGE_JOINERS:
        return False
    before = tokens[a.first - 1].lower if a.first > 0 else ""
    before2 = tokens[a.first - 2].lower if a.first > 1 else ""
    if before == "from" or before2 == "from":
        return False  # "from 507 to 202" is a before/after pair
    if _bracketed_change_pair(tokens, a, b):
        return False  # "an 18% rise in clashes (250 to 295)": the values before and after
    if joiner == "and" and before != "between" and before2 != "between":
        return False
    return b.value >= a.value  # "between 30 and 2": two numbers as written, not a range


# How far before a bracket a change word may stand and still be what "(X to Y)" measures.
CHANGE_REACH = 10


def _bracketed_change_pair(tokens: list[Token], a: NumberExpr, b: NumberExpr) -> bool:
    """Whether "(X to Y)" alone in brackets, joined by "to", follows a change or a change word
    ("rose", "a 12% increase in ...") in its clause: the values before and after, not a range."""
    if a.first == 0 or tokens[a.first - 1].text != "(" or tokens[a.stop].lower not in ("to", "→"):
        return False
    if b.stop >= len(tokens) or tokens[b.stop].text != ")":
        return False
    for k in range(a.first - 2, max(-1, a.first - 2 - CHANGE_REACH), -1):
        w = tokens[k].lower
        if w in INCREASE_WORDS or w in DECREASE_WORDS or w in CHANGE_NOUNS:
            return True
        if w in (";", ")", "("):
            return False
    return False


def _make_range(m: Mention, a: NumberExpr, b: NumberExpr, tokens: list[Token]) -> None:
    m.stop = b.stop
    if m.first > 0 and tokens[m.first - 1].lower == "between":
        m.first -= 1
    m.qualifier = "range"
    low = _scaled_like(a, b, tokens)
    m.low, m.high, m.value = low, b.value, low
    if b.percent and not a.percent:
        m.kind = "share"
    m.evidence["qualifier"] = "range: " + " ".join(t.text for t in tokens[m.first : m.stop])


def _scaled_like(a: NumberExpr, b: NumberExpr, tokens: list[Token]) -> float:
    """The low end of a range whose scale word is written once, after the high end: "between
    3.0 and 3.49 million" is 3,000,000 to 3,490,000; a low end with a scale of its own, or one
    the scale would put above the high end, is read as written."""
    if a.form != "digits" or b.form != "digits" or a.percent or a.stop - a.first != 1 or b.stop - b.first < 2:
        return a.value
    base, _ = parse_digits(tokens[b.first].text)
    scale = b.value / base if base else 1.0
    return a.value * scale if scale >= 1000 and a.value * scale <= b.value else a.value


def _mention(tokens: list[Token], expr: NumberExpr) -> Mention:
    value = expr.value
    first = expr.first
    kind = "count"
    if expr.form == "multiplier":
        kind = "change"
    elif expr.percent and expr.first > 0 and tokens[expr.first - 1].text in "-−+" and tokens[expr.first - 1].end == tokens[expr.first].start:
        kind = "change"  # "-61%": a signed percent is a change
    elif expr.percent or expr.form in ("fraction", "one_in"):
        kind = _percent_kind(tokens, expr)
    qualifier = "exact"
    low: float | None = value
    high: float | None = value
    evidence: dict = {}
    q = _qualifier_before(tokens, expr.first, expr.stop)
    after = tuple(t.lower for t in tokens[expr.stop : expr.stop + 2])
    if q:
        qualifier, first = q
        evidence["qualifier"] = " ".join(t.text for t in tokens[first : expr.first])
    elif after in QUALIFIERS_AFTER or after[:1] in QUALIFIERS_AFTER:
        qualifier = QUALIFIERS_AFTER.get(after) or QUALIFIERS_AFTER[after[:1]]
        evidence["qualifier"] = " ".join(after)
    if expr.form == "vague":
        qualifier = "at_least"
        evidence["qualifier"] = f"vague amount: {tokens[expr.first].text}"
    if qualifier == "approximately":
        low = high = None
    elif qualifier == "at_least":
        high = None
    elif qualifier == "at_most":
        low = None
    # a sign written into the number: "-61%"
    sign = tokens[expr.first - 1] if expr.first > 0 else None
    if (
        expr.form == "digits"
        and sign is not None
        and sign.text in "-−"
        and sign.end == tokens[expr.first].start
        and (expr.first < 2 or not tokens[expr.first - 2].is_digits)
    ):
        value = -value
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        first = min(first, expr.first - 1)
    m = Mention(first, expr.stop, expr.first, value, low, high, qualifier, kind, expr.form, evidence)
    if kind == "change":
        _sign_change(tokens, m, expr)
    return m


def _percent_kind(tokens: list[Token], expr: NumberExpr) -> str:
    after = _words(tokens, expr.stop, expr.stop + 3)
    before = _words(tokens, expr.first - 3, expr.first)
    if (after[:1] == ["of"] or (after and after[0] in ("were", "are", "was", "is", "the"))) and not (
        before and before[-1] in ("by", "to")
    ):
        return "share"
    if before and before[-1] in ("by", "to") and expr.form in ("fraction", "one_in"):
        return "change"
    window = set(_words(tokens, expr.first - 4, expr.first)) | set(after)
    if window & (INCREASE_WORDS | DECREASE_WORDS) or after[:1] in (["more"], ["fewer"], ["less"], ["higher"], ["lower"]):
        return "change"
    return "share" if expr.form in ("fraction", "one_in") else ("change" if before[-1:] in (["by"], ["up"], ["down"]) else "share")


def _sign_change(tokens: list[Token], m: Mention, expr: NumberExpr) -> None:
    """Give a change its direction from the nearest direction word."""
    if m.value < 0:
        m.evidence["direction"] = "minus sign"
        return
    candidates = []
    for k in range(max(0, expr.first - 5), min(len(tokens), expr.stop + 4)):
        w = tokens[k].lower
        if w in INCREASE_WORDS or w in DECREASE_WORDS:
            candidates.append((abs(k - expr.first), k, w))
    if expr.form == "fraction":
        before = _words(tokens, expr.first - 2, expr.first)
        if before[-1:] == ["to"] and any(tokens[k].lower in DECREASE_WORDS for k in range(max(0, expr.first - 4), expr.first)):
            # "dropped to a sixth": the new value is a sixth of the old one
            m.value = m.low = m.high = -(100.0 - m.value)
            m.evidence["direction"] = "dropped to a fraction"
            return
    if expr.form == "multiplier":
        m.evidence["direction"] = tokens[expr.first].text
        return
    if not candidates:
        return
    _, k, word = min(candidates)
    m.evidence["direction"] = word
    if word in DECREASE_WORDS:
        m.value = -m.value
        m.low, m.high = (-m.high if m.high is not None else None), (-m.low if m.low is not None else None)


def _mark_before_after(tokens: list[Token], mentions: list[Mention]) -> None:
    """'from 507 to 202': the first is the earlier value, the second the later one."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.kind != "count" or b.kind != "count":
            continue
        gap = [t.lower for t in tokens[a.stop : b.first]]
        before = tokens[a.first - 1].lower if a.first > 0 else ""
        if before == "from" and "to" in gap and len(gap) <= 4:
            a.before_after, b.before_after = "before", "after"
        elif before == "(" and gap == ["to"] and b.stop < len(tokens) and tokens[b.stop].text == ")":
            a.before_after, b.before_after = "before", "after"  # "(250 to 295)" after a change
        elif gap and gap[-1] == "from" and len(gap) <= 3 and "to" in _words(tokens, a.first - 2, a.first):
            # "up to 94 from 47", "increased to 527 from 480"
            a.before_after, b.before_after = "after", "before"
