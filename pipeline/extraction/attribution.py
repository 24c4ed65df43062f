"""Who a figure is attributed to: 'According to X', 'X said', '..., the mission said'.

Names of well-known bodies are shortened to their canonical form from `data/sources.yaml`;
people are named as written ("Deborah Lyons").
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from pipeline.config import DATA_DIR
from pipeline.places import country_names, fold

SPEECH_VERBS = r"(?:said|says|stated|states|noted|notes|reported|reports|documented|documents|warned|warns|announced|announces|told|added|estimated|estimates|recorded|records|verified|confirmed|found|showed|shows|published)"
ACCORDING = re.compile(r"\b(?:according\s+to|citing|cited\s+by|as\s+reported\s+by)\s+(?P<who>[^,;.:()\n“”\"]{3,120})", re.I)
SPEECH = re.compile(rf"\s+(?:has\s+|have\s+|had\s+|also\s+)*{SPEECH_VERBS}\b")
# "..., the mission said": a body named earlier, referred to by what it is
PRONOUN_SUBJECT = re.compile(
    rf"(?:^|[,“”\"]\s*)(?P<who>the\s+(?:mission|report|office|agency|ministry|organi[sz]ation|statement|document))\s+(?:also\s+)?{SPEECH_VERBS}\b",
    re.I,
)
TITLE_WORDS = frozenset(
    "un u.n. united nations special representative envoy secretary-general secretary general "
    "ambassador minister spokesperson spokesman spokeswoman deputy director chief head "
    "coordinator president prime charge d’affaires d'affaires assistant emergency relief "
    "humanitarian affairs for to of the in and at mr mr. mrs ms dr high commissioner "
    "representative russian afghanistan's afghanistan’s government's operations general".split()
)


@lru_cache(maxsize=1)
def aliases() -> list[tuple[str, str]]:
    """(alias lower-case, canonical name), longest alias first."""
    with open(DATA_DIR / "sources.yaml", encoding="utf-8") as f:
        table = yaml.safe_load(f)
    pairs = [(canonical.lower(), canonical) for canonical in table]
    pairs += [(alias.lower(), canonical) for canonical, names in table.items() for alias in names]
    return sorted(pairs, key=lambda p: -len(p[0]))


def bodies_in(text: str) -> list[str]:
    """Canonical names of every known body named in text."""
    low = text.lower()
    return list(dict.fromkeys(c for a, c in aliases() if re.search(rf"(?<![\w]){re.escape(a)}(?![\w])", low)))


def alias_text(canonical: str) -> str:
    """All the names of a body, joined: a mission's names say which country it works in."""
    return " ".join(alias for alias, c in aliases() if c == canonical)


def canonical_body(text: str) -> str | None:
    low = text.lower()
    for alias, canonical in aliases():
        if re.search(rf"(?<![\w]){re.escape(alias)}(?![\w])", low):
            return canonical
    return None


def _person_or_body(who: str) -> str | None:
    who = who.strip(" ,\"'“”’")
    body = canonical_body(who)
    if body:
        return body
    words = who.split()
    # the person's name: capitalised words that are not titles, e.g. "Deborah Lyons"
    runs, run = [], []
    for w in words:
        clean = w.strip(",")
        if clean[:1].isupper() and clean.lower() not in TITLE_WORDS:
            run.append(clean)
        else:
            if run:
                runs.append(run)
            run = []
        if w.endswith(","):
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    named = [r for r in runs if len(r) >= 2] or runs
    if named:
        return " ".join(named[0])
    return who if len(who) <= 60 and who[:1].isupper() else None


def _speaker_before(text: str) -> str | None:
    """The speaker of 'X, <apposition>, said': the comma-separated chunk nearest the verb that
    names a person, else one that names a known body."""
    clause = re.split(r"[;:“”\"]|\bthat\b", text)[-1]
    chunks = [c.strip() for c in clause.split(",") if c.strip()]
    for chunk in reversed(chunks[-3:]):
        if not chunk[:1].isupper() and not re.match(r"(?:the|a|an)\s", chunk):
            continue
        body = canonical_body(chunk)
        if body:
            return body
        name = _person_name(chunk)
        if name:
            return name
    return None


def _person_name(text: str) -> str | None:
    """Two or more capitalised words that are neither titles nor country names."""
    run: list[str] = []
    for word in text.split():
        clean = word.strip(",.") if not re.fullmatch(r"[A-Z]\.", word) else word
        if clean[:1].isupper() and clean.lower() not in TITLE_WORDS and fold(clean) not in country_names() and canonical_body(clean) is None:
            run.append(clean)
            continue
        if len(run) >= 2:
            break
        run = []
    return " ".join(run) if len(run) >= 2 else None


def attribution_in(sentence: str, last_body: str | None) -> tuple[str | None, str]:
    """(attributed_to, the words that said so) for one sentence."""
    m = ACCORDING.search(sentence)
    if m:
        who = _person_or_body(m.group("who"))
        if who:
            return who, m.group().strip()
    m = PRONOUN_SUBJECT.search(sentence)
    if m and last_body:
        return last_body, m.group().strip()
    for m in SPEECH.finditer(sentence):
        who = _speaker_before(sentence[: m.start()])
        if who:
            return who, (sentence[max(0, m.start() - 80) : m.end()]).strip()
    body = canonical_body(sentence)
    if body and re.search(rf"\b{SPEECH_VERBS}\b|\breport\b", sentence, re.I):
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
    return _person_or_body(m.group("who")) if m else None
