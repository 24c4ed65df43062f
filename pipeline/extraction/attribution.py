"""Who a figure is attributed to: 'According to X', 'X said', 'said X', '..., the mission said'.

Names of well-known bodies are shortened to their canonical form from `data/sources.yaml`;
people are named as written ("Deborah Lyons"), a bare surname resolved to the full name met
earlier in the document ("Lyons said" -> "Deborah Lyons").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pipeline.config import DATA_DIR
from pipeline.extraction.numbers import ascii_words, may_hold
from pipeline.places import country_names, fold

SPEECH_VERBS = (
    r"(?:said|says|stated|states|noted|notes|reported|reports|documented|documents|warned|warns|"
    r"announced|announces|told|added|estimated|estimates|recorded|records|verified|confirmed|"
    r"found|showed|shows|published|pointed\s+out|points\s+out|indicated|explained|revealed|stressed|highlighted)"
)
# A sentence without one of these names no speaker, so the slower readers are skipped. Plain
# substring tests: a case-blind alternation in `re` costs a hundred times more.
SPEECH_STEMS = (
    "said", "says", "stated", "states", "noted", "notes", "report", "document", "warn", "announc", "told",
    "added", "estimat", "record", "verified", "confirmed", "found", "show", "published", "point", "indicated",
    "explained", "revealed", "stressed", "highlighted", "according", "citing", "cited",
)


SPEECH_STEM = re.compile("|".join(SPEECH_STEMS))


def has_speech_cue(text: str) -> bool:
    return SPEECH_STEM.search(text.lower()) is not None


ACCORDING = re.compile(r"\b(?:according\s+to|citing|cited\s+by|as\s+reported\s+by)\s+(?P<who>[^,;.:()\n“”\"]{3,120}(?:\([A-Z]{2,10}\))?)", re.I)
SPEECH = re.compile(rf"\s+(?:has\s+|have\s+|had\s+|also\s+)*{SPEECH_VERBS}\b")
# "..., said the agency's regional director Jane Doe."
INVERTED = re.compile(r"[,”\"]\s*(?:said|says|added|noted|warned|told)\s+(?P<who>[A-Z][^,;:]{2,100})(?:[,;:]|$)")
# "..., the mission said": a body named earlier, referred to by what it is
PRONOUN_SUBJECT = re.compile(
    rf"(?:^|[,“”\"]\s*)(?P<who>it|they|the\s+(?:mission|report|office|agency|ministry|organi[sz]ation|statement|document))\s+(?:also\s+)?{SPEECH_VERBS}\b",
    re.I,
)
# Unnamed speakers described by their role: "a local official", "the special committee".
ROLE_SPEAKER = re.compile(
    r"\b(?:a|an|the)\s+(?P<who>(?:[a-z\-]+\s+){0,2}(?:official|officials|spokesman|spokeswoman|spokesperson|"
    r"committee|commission|source|sources|witness|witnesses|residents|doctors|medics|authorities))\b"
)
# Bodies so broad that a person or a named office in the same phrase says more.
GENERIC_BODIES = frozenset({"United Nations"})
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Prof)\.?\s+(?P<name>[A-Z][\w’'\-]+)")
TITLE_WORDS = frozenset(
    "un u.n. united nations special representative envoy secretary-general secretary general "
    "ambassador minister spokesperson spokesman spokeswoman deputy director chief head "
    "coordinator president prime charge d’affaires d'affaires assistant emergency relief "
    "humanitarian affairs for to of the in and at mr mr. mrs ms dr high commissioner "
    "representative russian government's operations general citing credible".split()
)


@dataclass(frozen=True)
class AliasTable:
    """Every name of every known body as two alternations (one pass each over a text):
    acronyms match only in capitals, so "who" is not the WHO; other names ignore case."""

    canonical: dict[str, str]  # folded alias -> canonical name
    names: dict[str, list[str]]  # canonical -> its aliases
    acronyms: re.Pattern
    words: re.Pattern
    first_words: frozenset[str]  # lower-case first words of every alias
    first_words_alphabetic: bool  # no first word holds a digit


def _alternation(aliases: list[str], flags: int) -> re.Pattern:
    parts = [r"\s+".join(re.escape(w) for w in a.split()) for a in sorted(aliases, key=len, reverse=True)]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", flags)


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    with open(DATA_DIR / "sources.yaml", encoding="utf-8") as f:
        table: dict[str, list[str]] = yaml.safe_load(f)
    names = {canonical: [canonical, *aliases] for canonical, aliases in table.items()}
    canonical: dict[str, str] = {}
    for name, aliases in names.items():
        for alias in aliases:
            canonical.setdefault(_key(alias), name)
    every = [a for aliases in names.values() for a in aliases]
    acronyms = [a for a in every if a.replace(".", "").replace(" ", "").isupper()]
    others = [a for a in every if a not in acronyms]
    first_words = frozenset(WORD.findall(a.lower())[0] for a in every if WORD.findall(a.lower()))
    return AliasTable(
        canonical, names, _alternation(acronyms, 0), _alternation(others, re.I), first_words, all(w.isalpha() for w in first_words)
    )


WORD = re.compile(r"[a-z0-9]+")


def _key(alias: str) -> str:
    return " ".join(alias.lower().split())


# Characters that a case-blind pattern equates with an ASCII letter but that lower-case to
# something else: where they occur, a name may start where no lower-case word shows it.
FOLDS_TO_ASCII = ("ı", "ſ")
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _alias_starts(text: str, first_words: frozenset[str], all_alphabetic: bool) -> list[int] | None:
    """Offsets where a name of a known body may start: a lower-case word that starts some
    name. None when the lower-case text does not line up with the text character for character."""
    lower = text.lower()
    if len(lower) != len(text) or (not text.isascii() and any(c in text for c in FOLDS_TO_ASCII)):
        return None
    # letter runs stand for the words where no first word holds a digit
    letters = ascii_words(lower) if all_alphabetic else None
    present = first_words.intersection(letters if letters is not None else WORD.findall(lower))
    starts = []
    size = len(lower)
    for word in present:
        i = lower.find(word)
        while i >= 0:
            end = i + len(word)
            if (i == 0 or lower[i - 1] not in WORD_CHARS) and (end == size or lower[end] not in WORD_CHARS):
                starts.append(i)
            i = lower.find(word, end)
    starts.sort()
    return starts


def _finditer_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """What pattern.finditer(text) finds, trying only the given offsets (where every match
    must start): each is tried as finditer would reach it, past the previous match."""
    found = []
    after = 0
    for i in starts:
        if i < after:
            continue
        m = pattern.match(text, i)
        if m:
            found.append(m)
            after = m.end()
    return found


def _matches(text: str) -> list[re.Match]:
    table = alias_table()
    starts = _alias_starts(text, table.first_words, table.first_words_alphabetic)
    if starts is None:
        if not table.first_words.intersection(WORD.findall(text.lower())):
            return []  # no name of a known body can start here: skip the alternations
        found = list(table.words.finditer(text)) + list(table.acronyms.finditer(text))
    elif not starts:
        return []
    else:
        found = _finditer_at(table.words, text, starts) + _finditer_at(table.acronyms, text, starts)
    # the longest name wins where two overlap ("UN Security Council" over "UN")
    found.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    kept: list[re.Match] = []
    for m in found:
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


def bodies_in(text: str) -> list[str]:
    """Canonical names of every known body named in text."""
    canonical = alias_table().canonical
    return list(dict.fromkeys(canonical[_key(m.group())] for m in _matches(text)))


def alias_text(canonical: str) -> str:
    """All the names of a body, joined: a mission's names say which country it works in."""
    return " ".join(alias_table().names.get(canonical, []))


def canonical_body(text: str) -> str | None:
    """The known body named in text; the longest name wins."""
    found = _matches(text)
    if not found:
        return None
    best = max(found, key=lambda m: m.end() - m.start())
    return alias_table().canonical[_key(best.group())]


MONTH_AND_DAY_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday between since during in on".split()
)


INITIAL = re.compile(r"[A-Z]\.")
# Where a speaker's clause starts: the words before it name no speaker.
CLAUSE_BREAK = re.compile(r"[;:“”\"]|\bthat\b")


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    return (
        word[:1].isupper()
        and word.lower() not in TITLE_WORDS
        and word.lower() not in MONTH_AND_DAY_WORDS
        and fold(word) not in country_names()
        and canonical_body(word) is None
    )


# "... Monitoring Group (CMG)": the short name a body is given after its full one.
ACRONYM_AFTER_NAME = re.compile(r"[A-Z][\w’'\-]*\s+\((?P<acronym>[A-Z]{2,10})\)")


def _person_name(text: str, people: list[str]) -> str | None:
    """Two or more capitalised words that are neither titles nor country names, or a single
    surname of a person named in full earlier, or one after an honorific ("Mr. Mladenov").
    A run of capitalised words followed by an acronym in brackets names a body: the acronym."""
    if "(" in text:
        acronym = ACRONYM_AFTER_NAME.search(text)
        if acronym:
            return acronym.group("acronym")  # "the Institute for Conflict Studies (ICS)": the body by its acronym
    run: list[str] = []
    best: list[str] = []
    for word in text.split():
        clean = word if INITIAL.fullmatch(word) else word.strip(",.()“”\"'’")
        if clean and _is_name_word(clean):
            run.append(clean)
            continue
        if len(run) >= 2:
            best = run
            break
        run = []
    if len(run) >= 2 and not best:
        best = run
    if best:
        return " ".join(best)
    honorific = HONORIFIC.search(text)
    if honorific:
        return honorific.group("name")
    words = [w.strip(",.()“”\"'’") for w in text.split()]
    for person in reversed(people):
        if person.split()[-1] in words:
            return person
    return None


# A word with a capital in it, then one that starts with a capital (after the punctuation a
# name word is stripped of): no full name can be read from an ASCII text without them. The
# first word is matched from its last capital, so no attempt rescans a word.
TWO_CAPITALISED = re.compile(r"[A-Z][^\sA-Z]*\s+[,.()\"']*[A-Z]")


# The words each pattern needs (as `ascii_words` gives them): a sentence without any of them
# is not searched. Every pattern's words are lower-case in it, or it ignores case.
SPEECH_VERB_WORDS = frozenset(re.findall(r"[a-z]+", SPEECH_VERBS.replace(r"\s+", " ")))
ACCORDING_WORDS = frozenset({"according", "citing", "cited", "reported"})
INVERTED_WORDS = frozenset({"said", "says", "added", "noted", "warned", "told"})
PRONOUN_WORDS = frozenset(
    "it they mission report office agency ministry organisation organization statement document".split()
)
SPEECH_VERB_OR_REPORT = re.compile(rf"\b{SPEECH_VERBS}\b|\breport\b", re.I)


def speech_matches(text: str, words: frozenset[str] | None = None) -> list[re.Match]:
    """SPEECH's matches in text; `words` are its `ascii_words`, when known."""
    return list(SPEECH.finditer(text)) if may_hold(words, SPEECH_VERB_WORDS) else []


def person_names(text: str, known: list[str], words: frozenset[str] | None = None, speech: list[re.Match] | None = None) -> list[str]:
    """Full names (two or more capitalised words) that speak in this sentence, added to those known.

    `words` (the text's `ascii_words`) and `speech` (its `speech_matches`) spare searches
    when the caller has them."""
    found = list(known)
    if text.isascii() and not TWO_CAPITALISED.search(text):
        return found
    for m in speech if speech is not None else speech_matches(text, words):
        name = _person_name(CLAUSE_BREAK.split(_before(text, m.start()))[-1].split(",")[-1], [])
        if name and " " in name and name not in found:
            found.append(name)
    for m in INVERTED.finditer(text) if may_hold(words, INVERTED_WORDS) else ():
        name = _person_name(m.group("who"), [])
        if name and " " in name and name not in found:
            found.append(name)
    return found


SPEAKER_WINDOW = 240  # a speaker is named within a few dozen words of the verb


def _before(text: str, at: int) -> str:
    return text[max(0, at - SPEAKER_WINDOW) : at]


def _speaker_before(text: str, people: list[str]) -> str | None:
    """The speaker of 'X, <apposition>, said': the comma-separated chunk nearest the verb that
    names a known body, a person, or a speaker by role."""
    clause = CLAUSE_BREAK.split(text)[-1]
    chunks = [c.strip() for c in clause.split(",") if c.strip()]
    generic = None
    for chunk in reversed(chunks[-3:]):
        body = canonical_body(chunk)
        if body and body not in GENERIC_BODIES:
            return body
        name = _person_name(chunk, people) if chunk[:1].isupper() or "(" in chunk else None
        if name:
            return name
        role = ROLE_SPEAKER.search(chunk)
        # "Maria Lopez, a spokesperson for the police, said": the name before the role wins
        generic = generic or (role.group("who") if role else None) or body
    return generic


def attribution_in(
    sentence: str,
    last_attribution: str | None,
    people: list[str] | None = None,
    words: frozenset[str] | None = None,
    speech: list[re.Match] | None = None,
) -> tuple[str | None, str]:
    """(attributed_to, the words that said so) for one sentence; `words` and `speech` as
    for `person_names`."""
    people = people or []
    m = ACCORDING.search(sentence) if may_hold(words, ACCORDING_WORDS) else None
    if m:
        who = _speaker_before(m.group("who"), people)
        if who:
            return who, m.group().strip()
    if last_attribution and may_hold(words, PRONOUN_WORDS) and may_hold(words, SPEECH_VERB_WORDS):
        m = PRONOUN_SUBJECT.search(sentence)
        if m:
            return last_attribution, m.group().strip()
    m = INVERTED.search(sentence) if may_hold(words, INVERTED_WORDS) else None
    if m:
        who = _speaker_before(m.group("who"), people)
        if who:
            return who, m.group().strip(" ,\"”")
    for m in speech if speech is not None else speech_matches(sentence, words):
        who = _speaker_before(_before(sentence, m.start()), people)
        if who:
            return who, sentence[max(0, m.start() - 80) : m.end()].strip()
    body = canonical_body(sentence)
    if body and SPEECH_VERB_OR_REPORT.search(sentence):
        return body, body
    return None, ""


TITLE_SAYS = re.compile(r"(?:\bsays?\s+|[-–:]\s+)(?P<who>[A-Z][\w.\- ]{1,60}?)(?:\s+report)?\s*(?:\(|$)")


def attribution_in_title(title: str | None) -> str | None:
    if not title:
        return None
    body = canonical_body(title)
    if body:
        return body
    m = TITLE_SAYS.search(title)
    if not m:
        return None
    who = m.group("who")
    if not m.group(0).lstrip().lower().startswith("say"):
        # after a colon or a dash the words are as often the subject as the author ("Haiti:
        # Hurricane Melissa Flash Update No. 3", titles in title case): only a known body
        return canonical_body(who)
    return canonical_body(who) or _person_name(who, []) or who.strip()
