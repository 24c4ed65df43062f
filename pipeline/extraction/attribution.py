"""Who a figure is attributed to: 'According to X', 'X said', 'said X', '..., the mission said'.

Names of well-known bodies are shortened to their canonical form from `data/sources.yaml`;
people are named as written ("Deborah Lyons"), a bare surname resolved to the full name met
earlier in the document ("Lyons said" -> "Deborah Lyons"). A speaker the sentence describes
instead of naming ("the state governor said", "according to local sources", "the defence
ministry announced") is the phrase itself, read from the head nouns of `data/speakers.yaml`; a
body written out in full ("the Lakeside Institute for Peace Studies") is its name. No speaker is
read from a sentence fragment ("When I say"), a passive or an adjective ("were reported", "an
estimated"), a wire dateline ("NAIROBI (Reuters) -") or the genre words of a title ("Weekly
Snapshot"). "It", "he", "the mission", "the agency" are the latest speaker whose names hold the
noun. A document's own source is a known body in its title or header block; a broad "UN" there
is the one UN body the text names.
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
    r"found|showed|shows|show|published|pointed\s+out|points\s+out|indicated|indicates|explained|revealed|stressed|highlighted|"
    r"say|tell|tells|released|releases|issued|admitted|admits|acknowledged|acknowledges|"
    r"put\s+the\s+(?:[a-z]+\s+){0,2}(?:toll|tally|number|figure|count)(?:\s+of\s+[a-z]+)?\s+at|"
    r"puts\s+the\s+(?:[a-z]+\s+){0,2}(?:toll|tally|number|figure|count)(?:\s+of\s+[a-z]+)?\s+at)"
)
# A sentence without one of these names no speaker, so the slower readers are skipped. Plain
# substring tests: a case-blind alternation in `re` costs a hundred times more.
SPEECH_STEMS = (
    "said", "says", "stated", "states", "noted", "notes", "report", "document", "warn", "announc", "told",
    "added", "estimat", "record", "verified", "confirmed", "found", "show", "published", "point", "indicat",
    "explained", "revealed", "stressed", "highlighted", "according", "citing", "cited",
    "say", "tell", "released", "issued", "admit", "acknowledg", "put",
)


SPEECH_STEM = re.compile("|".join(SPEECH_STEMS))


def has_speech_cue(text: str) -> bool:
    return SPEECH_STEM.search(text.lower()) is not None


ACCORDING = re.compile(r"\b(?:according\s+to|citing|cited\s+by|as\s+reported\s+by|reports?\s+(?:from|by))\s+(?P<who>[^,;.:()\n“”\"]{3,120}(?:\([A-Z]{2,10}\))?)", re.I)
SPEECH = re.compile(rf"\s+(?:has\s+|have\s+|had\s+|also\s+)*{SPEECH_VERBS}\b")
# "..., said the agency's regional director Jane Doe."
INVERTED = re.compile(r"[,”\"]\s*(?:said|says|added|noted|warned|told)\s+(?P<who>[A-Z][^,;:]{2,100})(?:[,;:]|$)")
# "..., says the rights group.": a speaker by what it is, after its verb
INVERTED_ROLE = re.compile(r"[,”\"]\s*(?:said|says|added|noted|warned|told|reported|reports)\s+(?P<who>(?:the|a|an)\s+[a-z][^,;:.]{2,80})(?:[,;:.]|$)")
# "..., the mission said": a body named earlier, referred to by what it is; "he added": the
# person who spoke last
ANAPHOR_NOUNS = (
    "mission|report|office|agency|ministry|organi[sz]ation|statement|document|minister|president|governor|"
    "army|military|police|government|committee|commission|council|group|spokesman|spokeswoman|spokesperson|"
    "official|officials|department|authorities|brief|update|monitor|observatory|institute|centre|center"
)
PRONOUN_SUBJECT = re.compile(
    rf"(?:^|[,“”\"]\s*)(?P<who>it|they|he|she|the\s+(?:{ANAPHOR_NOUNS}))\s+(?:also\s+|later\s+|further\s+)?{SPEECH_VERBS}\b",
    re.I,
)
# the words that refer back to whoever spoke last, whatever it is
BARE_ANAPHORS = frozenset({"it", "they", "he", "she", "report", "statement", "document", "brief", "update"})
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


@lru_cache(maxsize=4096)
def canonical_body(text: str) -> str | None:
    """The known body named in text; the longest name wins. Cached: the same phrases before a
    speech verb ("the agency", "OCHA") recur through a document."""
    found = _matches(text)
    if not found:
        return None
    best = max(found, key=lambda m: m.end() - m.start())
    return alias_table().canonical[_key(best.group())]


MONTH_AND_DAY_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday between since during in on".split()
)


@dataclass(frozen=True)
class SpeakerWords:
    """The word tables of `data/speakers.yaml`: heads of a speaker described by what it is."""

    person_heads: frozenset[str]  # "official", "governor", "witnesses"
    body_heads: frozenset[str]  # "ministry", "army", "authorities"
    not_name_words: frozenset[str]  # "When", "I": never a word of a person's name
    all_heads: frozenset[str] = frozenset()  # both heads, for one test of a phrase


@lru_cache(maxsize=1)
def speaker_words() -> SpeakerWords:
    """`data/speakers.yaml`, read once."""
    with open(DATA_DIR / "speakers.yaml", encoding="utf-8") as f:
        table = yaml.safe_load(f)
    person, body, not_name = (frozenset(w.lower() for w in table[k]) for k in ("person_heads", "body_heads", "not_name_words"))
    return SpeakerWords(person, body, not_name, person | body)


SEEN_BY = re.compile(r"\b(?:seen|obtained|reviewed|viewed|consulted|accessed|received)\s+by\b")
INITIAL = re.compile(r"[A-Z]\.")
# Where a speaker's clause starts: the words before it name no speaker.
CLAUSE_BREAK = re.compile(r"[;:“”\"]|\bthat\b")
# "NAIROBI (Reuters) -", "TOWN A, Mar 9 (Wire) –": a dateline names the publisher, not a source.
DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’\-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,20}(?:\s+\d{1,2})?)?\s*\([^()]{2,40}\)\s*[-–—]+\s*")


def strip_dateline(text: str) -> str:
    """The text without a leading wire dateline ("KABUL (AFP) - "); the same text if it has none."""
    if "(" not in text[:80]:
        return text
    m = DATELINE.match(text)
    return text[m.end() :] if m else text


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        and lower not in TITLE_WORDS
        and lower not in MONTH_AND_DAY_WORDS
        and lower not in speaker_words().not_name_words
        and lower not in speaker_words().person_heads
        and not lower.endswith(("'s", "’s"))  # "Peru's Labour Minister": a possessive is not a name
        and fold(word) not in country_names()
        and canonical_body(word) is None
    )


# "... Monitoring Group (CMG)": the short name a body is given after its full one.
ACRONYM_AFTER_NAME = re.compile(r"[A-Z][\w’'\-]*\s+\((?P<acronym>[A-Z]{2,10})\)")
# "the Centre for Water Studies (Centro de Estudios del Agua, CEA)": the acronym ends the bracket.
BRACKET_ACRONYM = re.compile(r"\s*\((?:[^()]{0,160},\s*)?(?P<acronym>[A-Z][A-Z\-&]{1,9})\)")
# A run of capitalised words with the small words of a body's name between them.
NAMED_RUN = re.compile(
    r"[A-Z][\w’'\-&]*(?:\s+(?:(?:for|of|and|on|to|the|de|del|la|para|el|des|du|y|et)\s+)*[A-Z][\w’'\-&]*)+"
)
# Words of a title that are no body: "Monthly Update", "Weekly Snapshot", "Flash Report".
TITLE_GENRE_WORDS = frozenset(
    "update updates snapshot report reports bulletin brief briefing overview flash dashboard factsheet "
    "sitrep outlook digest summary highlights alert note".split()
)


def _named_body(text: str) -> str | None:
    """The name of a body written in full: capitalised words, one of them the head of a body's
    name ("the Town A Council Relief Committee", "the Centre for Water Studies").
    Words of a title ("Weekly Snapshot") are no body."""
    heads = speaker_words().body_heads
    best = None
    for m in NAMED_RUN.finditer(text):
        words = m.group().split()
        if words[0].lower() == "the":
            words = words[1:]
        lower = [w.lower() for w in words]
        if len(words) >= 2 and any(w in heads for w in lower) and not any(w in TITLE_GENRE_WORDS for w in lower):
            name = " ".join(words)
            if best is None or len(name) > len(best):
                best = name
    return best


def _person_name(text: str, people: list[str]) -> str | None:
    """Two or more capitalised words that are neither titles nor country names, or a single
    surname of a person named in full earlier, or one after an honorific ("Mr. Mladenov"); a
    run after "By" is a byline's author ("By Jane Doe"), never read as a speaker.
    A run of capitalised words followed by an acronym in brackets names a body: the acronym."""
    if "(" in text:
        acronym = ACRONYM_AFTER_NAME.search(text)
        if acronym:
            return acronym.group("acronym")  # "the Institute for Conflict Studies (ICS)": the body by its acronym
    run: list[str] = []
    best: list[str] = []
    after_by = False  # the run follows "By": a byline names the author, not who stated a figure
    for word in text.split():
        clean = word if INITIAL.fullmatch(word) else word.strip(",.()“”\"'’")
        if clean and _is_name_word(clean):
            run.append(clean)
            continue
        if len(run) >= 2 and not after_by:
            best = run
            break
        run = []
        after_by = clean == "By" and not best  # a byline opens the text: "By Jane Doe ..."
    if len(run) >= 2 and not best and not after_by:
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
# ("put the toll at" needs "put" or "puts"; its other words are not cues of their own)
SPEECH_VERB_WORDS = frozenset(re.findall(r"[a-z]+", SPEECH_VERBS.replace(r"\s+", " "))) - frozenset(
    {"the", "a", "z", "toll", "tally", "number", "figure", "count", "at", "out"}
) | frozenset({"pointed", "points"})
ACCORDING_WORDS = frozenset({"according", "citing", "cited", "reported", "report", "reports"})
INVERTED_WORDS = frozenset({"said", "says", "added", "noted", "warned", "told"})
INVERTED_ROLE_WORDS = INVERTED_WORDS | {"reported", "reports"}
PRONOUN_WORDS = frozenset(["it", "they", "he", "she", "organisation", "organization", *re.findall(r"[a-z]+", ANAPHOR_NOUNS.replace("[sz]", "s"))])
SPEECH_VERB_OR_REPORT = re.compile(rf"\b{SPEECH_VERBS}\b|\breport\b", re.I)



# Words that stand between a speaker's head noun and its verb: a day, "also", "earlier".
TRAILING_WORDS = frozenset(
    "on late early earlier later also today yesterday tonight separately previously again then this week "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# A speaker's phrase may end in a place or body it belongs to: "officials in the province".
TAIL_PREPOSITIONS = frozenset("in of at from with for on".split())
# Words no modifier of a speaker's head can be; a phrase's first word comes after them.
NOT_MODIFIERS = frozenset(
    "the a an its their his her this that these those of in at on for with by from to and or but nor which who "
    "whom whose is are was were has have had been be being will would could should may might not it they he "
    "she we i as than also said says say told when while after before since according other others some "
    "many several all each every any no there here".split()
)
MAX_MODIFIERS = 4


DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


def _clean(word: str) -> str:
    if DOTTED.fullmatch(word.strip(",;:()“”\"‘")):
        return word.strip(",;:()“”\"‘")  # "U.N." keeps its dots
    return word.strip(",.;:()“”\"‘")


TAIL_WORDS = NOT_MODIFIERS - TAIL_PREPOSITIONS - {"the", "a", "an", "and", "its", "their", "who", "which", "that"}
RELATIVE = frozenset({"who", "which", "that"})
# "credible sources verified ...": sources a report weighed are its inputs, the report speaks
EVALUATED_SOURCES = frozenset({"credible", "reliable", "trusted", "verified", "multiple", "independent", "several"})


def _speaker_tail(tail: list[str]) -> bool:
    """Whether the words after a speaker's head noun, up to its verb, still belong to its phrase:
    a place or body it belongs to ("officials in the province"), a relative clause or a participle
    ("a committee tasked to investigate the blast", "an official who spoke on condition of
    anonymity"). A passive ("were reported") or a number is no part of it."""
    if len(tail) > 8 or any(any(c.isdigit() for c in t) for t in tail):
        return False
    first = tail[0]
    if first in TAIL_PREPOSITIONS:
        return not any(t in TAIL_WORDS for t in tail)
    if first in RELATIVE or first.endswith(("ed", "ing")):
        return not any(t in ("is", "are", "was", "were", "been", "be") for t in tail[:1])
    return False


def _role_phrase(text: str, depth: int = 0) -> tuple[str, bool] | None:
    """(phrase, is_person) for a speaker described by what it is, the words just before a
    verb: "the state governor", "local sources", "officials in the Health Ministry" (the body
    of a person's phrase wins: "Health Ministry"), "Minister of Health". None when the words
    before the verb end in no such head (a passive "were reported", "an estimated")."""
    words = [_clean(w) for w in text.split()]
    words = [w for w in words if w]
    lower = [w.lower().rstrip("’'") for w in words]
    sw = speaker_words()
    end = len(words)
    while end and (lower[end - 1] in TRAILING_WORDS or lower[end - 1] in MONTH_AND_DAY_WORDS):
        end -= 1
    for h in range(end - 1, max(-1, end - 12), -1):
        head = lower[h]
        is_person = head in sw.person_heads
        if not is_person and head not in sw.body_heads:
            continue
        tail = lower[h + 1 : end]
        if tail and not _speaker_tail(tail):
            continue
        if head in ("source", "sources") and any(w in EVALUATED_SOURCES for w in lower[max(0, h - 2) : h]):
            return None  # "credible sources": what a report weighed, not who speaks
        start = h
        while start > 0 and h - start < MAX_MODIFIERS and lower[start - 1] not in NOT_MODIFIERS and not any(c.isdigit() for c in lower[start - 1]):
            start -= 1
        phrase = words[start : h + 1]
        if tail and tail[0] in ("of", "for") and len(words) > h + 1 + 1 and words[h + 2][:1].isupper():
            # "Minister of Health", "Office for Disaster Management": the complement is the name
            rest = []
            for w in words[h + 1 : end]:
                if w[:1].isupper() or w.lower() in ("of", "for", "and", "the"):
                    rest.append(w)
                else:
                    break
            while rest and not rest[-1][:1].isupper():
                rest.pop()
            return " ".join(phrase + rest), is_person
        if is_person and tail and depth == 0:
            inner = _role_phrase(" ".join(words[h + 2 : end]), depth + 1)
            if inner and not inner[1]:
                return inner  # "a spokesman for the army": the army
        return " ".join(phrase), is_person
    return None


def _speaker_of(chunk: str, people: list[str]) -> tuple[str | None, bool]:
    """(speaker, named) of a phrase that stands before a speech verb: a known body, a body
    named in full, a person, else one described by what it is or a country speaking as a state
    ("Israel says"), else a broad body ("the United Nations"). `named` is False for the
    last three, which a name in an apposition before them overrides."""
    body = canonical_body(chunk)
    if body and body not in GENERIC_BODIES:
        return body, True
    sw = speaker_words()
    lower = [w.strip(",.;:()“”\"‘’'") for w in chunk.lower().split()]
    has_head = not sw.all_heads.isdisjoint(lower)
    named = _named_body(chunk) if has_head and not sw.body_heads.isdisjoint(lower) and not chunk.islower() else None
    if named:
        if "(" in chunk:
            acronym = ACRONYM_AFTER_NAME.search(chunk)
            if acronym:
                return acronym.group("acronym"), True
        return named, True
    name = _person_name(chunk, people) if chunk[:1].isupper() or "(" in chunk else None
    if name:
        return name, True
    role = _role_phrase(chunk) if has_head else None
    if role:
        return role[0], False
    if len(lower) <= 4:
        bare = re.sub(r"^(?:the\s+)", "", chunk.strip(), flags=re.I)
        if bare[:1].isupper() and fold(bare) in country_names():
            return bare, False
        single = _clean(bare)
        if len(lower) <= 2 and " " not in single and len(single) > 2 and _is_name_word(single):
            return single, True  # "Hamas said", "the Taliban said": a body or person by one name
    return body, False


def _leading_speaker(chunk: str, people: list[str]) -> str | None:
    """The subject that opens a clause whose verb comes after "but" or "and":
    "Officials gave no toll but said ...". Only a subject of a few words is read."""
    words = chunk.split()
    for n in range(1, min(5, len(words)) + 1):
        who, named = _speaker_of(" ".join(words[:n]), people)
        if who and (named or _role_phrase(" ".join(words[:n]))):
            nxt = words[n].lower() if n < len(words) else ""
            if nxt in ("have", "has", "had", "gave", "give", "gives", "were", "are", "also"):
                return who
    return None


SPEAKER_WINDOW = 240  # a speaker is named within a few dozen words of the verb
RELATIVE_END = re.compile(r"(?:^|\s)(?:which|who)$")
APPOSITION_WORDS = 7  # "Maria Lopez, a spokesperson for the police, said": the name is short


def _before(text: str, at: int) -> str:
    return text[max(0, at - SPEAKER_WINDOW) : at]


def _speaker_before(text: str, people: list[str]) -> str | None:
    """The speaker of 'X, <apposition>, said': the phrase nearest the verb that names a known
    body, a person, or a speaker by role; a name in a short apposition before a role wins."""
    return _speaker_and_kind(text, people)[0]


def _speaker_and_kind(text: str, people: list[str]) -> tuple[str | None, bool]:
    """`_speaker_before`, and whether the speaker is named (not only described or broad)."""
    parts = CLAUSE_BREAK.split(text)
    clause = parts[-1]
    chunks = [c.strip() for c in clause.split(",") if c.strip()]
    if chunks and RELATIVE_END.search(chunks[-1]):
        # "... figures from the health ministry, which recorded": the phrase the pronoun follows
        rest = RELATIVE_END.sub("", chunks[-1]).strip()
        antecedent = rest or (chunks[-2] if len(chunks) > 1 else "")
        words = antecedent.split()[-8:]
        tail = " ".join(words)
        body = canonical_body(tail)
        role = _role_phrase(tail)
        if body and body not in GENERIC_BODIES:
            return body, True
        if role:
            return role[0], False
        return None, False
    if not chunks:
        return None, False
    who, named = _speaker_of(chunks[-1], people)
    if named:
        return who, True
    if who is None and re.search(r"\b(?:but|and)$", chunks[-1]):
        lead = _leading_speaker(chunks[-1], people)
        if lead:
            return lead, False
    for chunk in reversed(chunks[-3:-1]):
        if len(chunk.split()) > APPOSITION_WORDS or any(c.isdigit() for c in chunk):
            break
        earlier, earlier_named = _speaker_of(chunk, people)
        if earlier_named:
            return earlier, True
        who = who or earlier
    return who, False


def speech_matches(text: str, words: frozenset[str] | None = None) -> list[re.Match]:
    """SPEECH's matches in text; `words` are its `ascii_words`, when known. A verb after an
    article is an adjective ("an estimated 5,000", "the reported deaths"), not a speaker's verb."""
    if not may_hold(words, SPEECH_VERB_WORDS):
        return []
    return [m for m in SPEECH.finditer(text) if not _after_article(text, m.start())]


def _after_article(text: str, at: int) -> bool:
    """Whether the word that ends at `at` is an article (the four characters before hold it whole)."""
    words = text[max(0, at - 4) : at].lower().split()
    return bool(words) and words[-1] in ARTICLES


ARTICLES = frozenset({"a", "an", "the"})
FIRST_DIGIT = re.compile(r"\d")
THE_BEFORE = re.compile(r"\b[Tt]he\s")
# "Kenya President Jane Doe addressed ...": a person named with a title, for "Doe said" later.
TITLED_NAME = re.compile(
    r"\b(?:President|Minister|Governor|Secretary-General|Ambassador|Spokesman|Spokeswoman|Spokesperson|"
    r"Commissioner|Director|Envoy|Representative|Coordinator|Mayor|Premier|Chancellor|Commander|Chief)\s+"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3})"
)


def person_names(text: str, known: list[str], words: frozenset[str] | None = None, speech: list[re.Match] | None = None) -> list[str]:
    """Full names (two or more capitalised words) that speak in this sentence, or that a title
    introduces ("President Jane Doe"), added to those known.

    `words` (the text's `ascii_words`) and `speech` (its `speech_matches`) spare searches
    when the caller has them."""
    found = list(known)
    if text.isascii() and not TWO_CAPITALISED.search(text):
        return found
    text = strip_dateline(text)
    for m in speech if speech is not None else speech_matches(text, words):
        name = _person_name(CLAUSE_BREAK.split(_before(text, m.start()))[-1].split(",")[-1], [])
        if name and " " in name and name not in found:
            found.append(name)
    for m in INVERTED.finditer(text) if may_hold(words, INVERTED_WORDS) else ():
        name = _person_name(m.group("who"), [])
        if name and " " in name and name not in found:
            found.append(name)
    for m in TITLED_NAME.finditer(text):
        name = _person_name(m.group("name"), [])
        if name and " " in name and name not in found:
            found.append(name)
    return found


def _anaphor(who: str, last_attribution: str | None, speakers: list[str]) -> str | None:
    """Whom "it", "he", "the mission", "the minister" refers to: the last speaker for a pronoun,
    else the latest speaker whose names hold the noun ("the mission": the UN mission named
    before, not the envoy quoted since); None when no speaker so far fits the noun."""
    noun = who.split()[-1].lower()
    if noun in ("he", "she") and speakers:
        # a person: the latest speaker that is no body
        return next((s for s in reversed(speakers) if not is_body(s)), last_attribution)
    if noun in BARE_ANAPHORS or not speakers:
        return last_attribution
    stem = noun[:-1] if noun.endswith("s") and len(noun) > 4 else noun
    word = re.compile(rf"\b{re.escape(stem)}", re.I)
    for speaker in reversed(speakers):
        if word.search(speaker) or word.search(alias_text(speaker)):
            return speaker
    if noun in GENERIC_BODY_NOUNS:
        # "the agency", "the organisation": the body that spoke last, whatever it calls itself
        return next((s for s in reversed(speakers) if is_body(s)), None)
    return None


GENERIC_BODY_NOUNS = frozenset({"agency", "organisation", "organization", "group", "body", "office", "charity", "watchdog"})


def attribution_in(
    sentence: str,
    last_attribution: str | None,
    people: list[str] | None = None,
    words: frozenset[str] | None = None,
    speech: list[re.Match] | None = None,
    speakers: list[str] | None = None,
) -> tuple[str | None, str]:
    """(attributed_to, the words that said so) for one sentence; `words` and `speech` as
    for `person_names`; `speakers` are the document's speakers so far, oldest first."""
    people = people or []
    stripped = strip_dateline(sentence)
    if stripped is not sentence:
        sentence, speech = stripped, None
    m = ACCORDING.search(sentence) if may_hold(words, ACCORDING_WORDS) else None
    if m:
        # "a report seen by the agency": who saw it is not who wrote it
        named = SEEN_BY.split(CLAUSE_BREAK.split(m.group("who"))[0])[0]
        bracket = BRACKET_ACRONYM.match(sentence, m.end())
        if bracket and not named.rstrip().endswith(")"):
            return bracket.group("acronym"), m.group().strip()
        who = _speaker_before(named, people)
        if not who:
            acronym = re.search(r"\b[A-Z]{2,10}\b", named)
            who = acronym.group() if acronym else None
        if who:
            return who, m.group().strip()
    if (last_attribution or speakers) and may_hold(words, PRONOUN_WORDS) and may_hold(words, SPEECH_VERB_WORDS):
        m = PRONOUN_SUBJECT.search(sentence)
        if m:
            who = _anaphor(m.group("who"), last_attribution, speakers or [])
            if who:
                return who, m.group().strip()
    m = INVERTED.search(sentence) if may_hold(words, INVERTED_WORDS) else None
    if m:
        who = _speaker_before(m.group("who"), people)
        if who:
            return who, m.group().strip(" ,\"”")
    m = INVERTED_ROLE.search(sentence) if may_hold(words, INVERTED_ROLE_WORDS) and may_hold(words, ARTICLES) else None
    if m:
        role = _role_phrase(m.group("who"))
        if role:
            who = (_anaphor(role[0], last_attribution, speakers or []) if speakers and m.group("who").startswith("the") else None) or role[0]
            return who, m.group().strip(" ,\"”")
    # "The agency said it had seen a note from the governor, who said that 9 ...": the speaker
    # nearest before the first number reports it; one after it ("17 died, police said") else
    matches = speech if speech is not None else speech_matches(sentence, words)
    first_number = len(sentence)
    if len(matches) > 1:
        digit = FIRST_DIGIT.search(sentence)
        first_number = digit.start() if digit else first_number
    found = None
    for m in matches:
        if found is not None and m.start() > first_number:
            break
        before = _before(sentence, m.start())
        who, named = _speaker_and_kind(before, people)
        if who and not named and who not in GENERIC_BODIES and speakers and THE_BEFORE.search(before, max(0, len(before) - len(who) - 12)):
            # "the rights group said": the body named before, when its names hold the noun
            who = _anaphor(who, None, speakers) or who
        if who and (found is None or who not in GENERIC_BODIES):
            # a later verb's speaker replaces an earlier one ("the office said it had seen the
            # ministry's report, which recorded ..."), unless it is a broad body named in passing
            found = (who, sentence[max(0, m.start() - 80) : m.end()].strip())
            if m.start() > first_number:
                break
    if found:
        return found
    body = canonical_body(sentence)
    if body and SPEECH_VERB_OR_REPORT.search(sentence):
        return body, body
    return None, ""


def speaker_spans(sentence: str, people: list[str], words: frozenset[str] | None = None) -> list[tuple[int, str]]:
    """(end of the verb, speaker) of every speech verb in a sentence that names its speaker,
    when it holds two or more ("Activists said 135 died, while state media said 300"); else []."""
    matches = speech_matches(sentence, words)
    if len(matches) < 2:
        return []
    spans = []
    for m in matches:
        who = _speaker_before(_before(sentence, m.start()), people)
        if who and who not in GENERIC_BODIES:
            spans.append((m.end(), who))
    return spans if len(spans) >= 2 else []


def speaker_at(spans: list[tuple[int, str]], sentence: str, at: int) -> str | None:
    """The speaker whose verb a figure at offset `at` follows in the same clause (no comma or
    semicolon between them): "..., while state media said the toll was 300"; None if none."""
    found = None
    for end, who in spans:
        if end > at:
            break
        between = sentence[end:at]
        found = who if "," not in between and ";" not in between else None
    return found


@lru_cache(maxsize=4096)
def is_broad(name: str | None) -> bool:
    """Whether a speaker is the UN at large, by name or by a role in it ("a UN spokesperson",
    "U.N. investigators"): a document about one UN body's report means that body."""
    if not name:
        return False
    return name in GENERIC_BODIES or canonical_body(name) in GENERIC_BODIES


def is_body(name: str | None) -> bool:
    """Whether a speaker's name is a body's (known, named in full, or by what it is) rather than a person's."""
    if not name:
        return False
    if canonical_body(name) or name.isupper():
        return True
    last = name.split()[-1].lower()
    return last in speaker_words().body_heads


# A quotation that opens a paragraph and ends with its speaker: '"...," the governor said.'
QUOTE_CLOSE = re.compile(r"[,.?!]?[”\"]\s+(?=[A-Za-z])")


def quote_speaker(paragraph: str, people: list[str], last_attribution: str | None) -> tuple[str | None, str]:
    """(speaker, words) of a quotation that opens the paragraph, named after it closes
    ('"They took 40 people. Two died," the spokesman told reporters.'): the sentences inside the
    quotation have no speaker of their own. (None, "") when the paragraph opens no quotation
    or names no speaker at its close."""
    if not paragraph or paragraph[0] not in "“\"":
        return None, ""
    close = QUOTE_CLOSE.search(paragraph, 1)
    if close is None:
        return None, ""
    after = paragraph[close.end() :]
    stop = re.search(r"[.!?](?:\s|$)", after)
    clause = after[: stop.start()] if stop else after
    if not has_speech_cue(clause):
        return None, ""
    # read with the quotation's close before it: '," said a camp manager' is a speaker after its verb
    return attribution_in(paragraph[close.start() : close.end()] + clause, last_attribution, people)


UN_FAMILY = re.compile(r"\bUN\b|\bUnited Nations\b|^UN")


def _specific_un_body(body: str) -> str | None:
    """The one body of the UN family the text names, if it names exactly one ("the UN" of a title
    is the UN office whose report the document is about)."""
    found = [b for b in bodies_in(body) if b not in GENERIC_BODIES and UN_FAMILY.search(alias_text(b))]
    return found[0] if len(found) == 1 else None


HEADER_LINES = 3  # the lines of a header block above a report's text
HEADER_LINE_CHARS = 120
# A line that opens with a figure ("47.9 MILLION Estimated population") is the text, not its
# header: the header block ends there. A date line ("12 May 2024 | OCHA") does not end it.
FIGURE_LINE = re.compile(
    r"^[\d.,]+\s*(?:%|[KkMm]\b|million|billion|thousand|MILLION|BILLION|THOUSAND)?\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Za-z]"
)


def _header_body(body: str) -> str | None:
    """A known body named in the document's header block: its first short lines that end in no
    full stop ("UNHCR Operational Update", "Sudan | Flash Update | OCHA"), as a title would."""
    for line in body.lstrip()[: HEADER_LINES * (HEADER_LINE_CHARS + 1)].split("\n")[:HEADER_LINES]:
        line = line.strip()
        if not line:
            continue
        if len(line) > HEADER_LINE_CHARS or line.endswith((".", "!", "?", ":", ",")) or FIGURE_LINE.match(line):
            return None
        found = canonical_body(line)
        if found:
            return found
    return None


TITLE_SAYS = re.compile(r"(?:\bsays?\s+|[-–:]\s+)(?P<who>[A-Z][\w.\- ]{1,60}?)(?:\s+report)?\s*(?:\(|$)")


def attribution_in_title(title: str | None, body: str | None = None) -> str | None:
    """The source a document's title names: a known body anywhere in it, or 'X says'. A broad
    body ("UN says") is the one UN body the document's `body` text names, when it names one."""
    if not title:
        return _header_body(body) if body else None
    found = canonical_body(title)
    if found is None and body:
        found = _header_body(body)
    if found is None:
        m = TITLE_SAYS.search(title)
        if not m:
            return None
        who = m.group("who")
        if not m.group(0).lstrip().lower().startswith("say"):
            # after a colon or a dash the words are as often the subject as the author ("Haiti:
            # Hurricane Melissa Flash Update No. 3", titles in title case): only a known body
            return canonical_body(who)
        return canonical_body(who) or _person_name(who, []) or who.strip()
    if found in GENERIC_BODIES and body:
        return _specific_un_body(body) or found
    return found
