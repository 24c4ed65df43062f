"""Tokens with character offsets, and the sentence and paragraph segments they fall in.

Everything downstream scans token lists rather than running patterns over raw text, so the
cost is linear in the input and no expression can backtrack.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from pipeline.extraction.lexicon import FRACTIONS, HYPHEN_JOINED_WORDS, UNITS

# ASCII digit runs with inner separators, words (with inner apostrophes), or one other character.
# Each alternative is a simple run: no nested quantifiers, so matching is linear.
TOKEN_PATTERN = re.compile(
    r"[0-9]+(?:[.,][0-9]+)*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"
    r"|[^\s]",
)

ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no vs etc jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sgt "
    "prof rev govt dept approx appr ca inc ltd co corp jr sr u.s u.n e.g i.e".split()
)


class Token:
    """A token and its offsets in the body; its lower-case form is computed once."""

    __slots__ = ("text", "start", "end", "lower", "is_digits", "is_word")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        self.is_digits = "0" <= text[0] <= "9"  # ASCII only: "²" is not a count
        self.is_word = text[0].isalpha()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, offset: int = 0, lo: int = 0, hi: int | None = None) -> list[Token]:
    """The tokens of text[lo:hi] (all of it by default), at their offsets plus `offset`.

    A word hyphenated across a line break ("wound-\\ned") is one token, its text the joined
    word and its offsets those of the whole written span; so is one whose break became a
    space ("in- jured", as PDF text gives it) when the joined word is one of the lexicon's
    (`lexicon.HYPHEN_JOINED_WORDS`).
    """
    hi = len(text) if hi is None else hi
    tokens = [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_PATTERN.finditer(text, lo, hi)]
    breaks = _word_breaks(text, lo, hi)
    return _join_hyphenated(tokens, text, offset, breaks) if breaks else tokens


def _word_breaks(text: str, lo: int, hi: int) -> list[int]:
    """Offsets of the hyphens in text[lo:hi] that end a word and are followed by a line break
    or a space: where a word may be broken."""
    found = []
    for mark in ("-\n", "- "):
        i = text.find(mark, lo, hi)
        while i >= 0:
            if i > lo and text[i - 1].isalpha():
                found.append(i)
            i = text.find(mark, i + 2, hi)
    return found


# The halves of a compound number broken at a line end: "forty-\nfive", "two-\nthirds".
HYPHEN_KEPT_LEFT = frozenset(UNITS)
HYPHEN_KEPT_RIGHT = frozenset(UNITS) | frozenset(words[-1] for words in FRACTIONS)


def _join_hyphenated(tokens: list[Token], text: str, offset: int, breaks: list[int]) -> list[Token]:
    """Tokens with each word broken by a hyphen at a line end (or a hyphen and a space) joined;
    only the tokens at `breaks` are looked at."""
    starts = [t.start for t in tokens]
    joins: dict[int, Token] = {}
    n = len(tokens)
    for at in breaks:
        k = bisect_left(starts, at + offset) - 1  # the word before the hyphen
        if k < 0 or k + 2 >= n or tokens[k + 1].start != at + offset:
            continue
        t, h, nxt = tokens[k], tokens[k + 1], tokens[k + 2]
        if not (t.is_word and h.start == t.end and nxt.is_word and nxt.text[0].islower()):
            continue
        gap = text[h.end - offset : nxt.start - offset]
        if not gap or gap.strip() or gap.count("\n") > 1:
            continue
        if t.lower in HYPHEN_KEPT_LEFT and nxt.lower in HYPHEN_KEPT_RIGHT:
            continue  # a compound number: "Thirty-\ntwo", "two-\nthirds" keep their hyphen
        joined = t.text + nxt.text
        if ("\n" in gap and len(gap) <= 3) or joined.lower() in HYPHEN_JOINED_WORDS:
            joins[k] = Token(joined, t.start, nxt.end)
    if not joins:
        return tokens
    out: list[Token] = []
    k = 0
    while k < n:
        if k in joins:
            out.append(joins[k])
            k += 3
            continue
        out.append(tokens[k])
        k += 1
    return out


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int


def paragraphs(body: str) -> list[Segment]:
    """Blocks separated by blank lines; in a text with no blank line, its lines."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", body) else r"\n"
    segments, start = [], 0
    for m in re.finditer(separator, body):
        if body[start : m.start()].strip():
            segments.append(Segment(start, m.start()))
        start = m.end()
    if body[start:].strip():
        segments.append(Segment(start, len(body)))
    return segments


# Places where a sentence may end: a line end, or . ! ? with any closing quotes or brackets.
BOUNDARY = re.compile(r"\n|[.!?][\"'”’)\]]*")
# ... and between the cells of a line, in a text that holds a cell separator at all
BOUNDARY_WITH_CELLS = re.compile(r"\n|[.!?][\"'”’)\]]*| [|·] ")
CELL_SEPARATORS = "|·"


def sentences(body: str) -> list[Segment]:
    """Sentences: split at . ! ? before a capital, digit or quote, and at the line ends that
    close a heading, a list item or a table row.

    Only the candidate boundaries are examined in Python; the scan itself is one regex pass.
    """
    segments: list[Segment] = []
    start = 0
    boundary = BOUNDARY_WITH_CELLS if (" | " in body or " · " in body) else BOUNDARY
    for m in boundary.finditer(body):
        i = m.start()
        if body[i] == " ":
            # "Displaced: 2.3M | In need: 4.1M": cells that each pair a label and a number
            if _cells_are_pairs(body, start, i, m.end()):
                if body[start:i].strip():
                    segments.append(_trimmed(body, start, i))
                start = m.end()
            continue
        if body[i] == "\n":
            if not _line_ends_sentence(body, start, i):
                continue
            cut = i
        else:
            if not _ends_sentence(body, i):
                continue
            cut = m.end()
        if cut > start and body[start:cut].strip():
            segments.append(_trimmed(body, start, cut))
        start = cut
    if body[start:].strip():
        segments.append(_trimmed(body, start, len(body)))
    return [piece for seg in segments for piece in _bounded(body, seg)]


# No real sentence is longer; a longer run (a 10 MB line, a list without full stops) is cut at
# clause boundaries so that work per sentence stays bounded and the whole pass linear.
MAX_SENTENCE = 1000


CELL_CHARS = 200  # the longest cell "In need: 4.1M" reads as one


def _cells_are_pairs(body: str, start: int, i: int, after: int) -> bool:
    """Whether the cells either side of a separator between i and after each hold a word and
    a number ("In need: 4.1M"); a table row of bare labels and bare numbers is not cut. A cell
    is read at most CELL_CHARS either side, so a long line of cells costs what its length does."""
    lo = max(start, i - CELL_CHARS, body.rfind("\n", max(0, i - CELL_CHARS), i) + 1)
    for sep in CELL_SEPARATORS:
        k = body.rfind(" " + sep + " ", lo, i)
        if k >= 0:
            lo = k + 3
    hi = body.find("\n", after, after + CELL_CHARS)
    hi = min(len(body), after + CELL_CHARS) if hi < 0 else hi
    for sep in CELL_SEPARATORS:
        k = body.find(" " + sep + " ", after, hi)
        if k >= 0:
            hi = k
    return _pairs(body[lo:i]) and _pairs(body[after:hi])


def _pairs(cell: str) -> bool:
    return any(c.isdigit() for c in cell) and any(c.isalpha() for c in cell)


def _bounded(body: str, seg: Segment) -> list[Segment]:
    if seg.end - seg.start <= MAX_SENTENCE:
        return [seg]
    pieces = []
    start = seg.start
    while seg.end - start > MAX_SENTENCE:
        window = body[start : start + MAX_SENTENCE]
        # the latest clause break past the middle of the window, else the latest space
        cuts = [window.rfind(sep) for sep in ("; ", ", ", " ")]
        cut = next((c for c in cuts if c > MAX_SENTENCE // 2), -1)
        cut = start + (cut + 1 if cut > 0 else MAX_SENTENCE)
        if body[start:cut].strip():
            pieces.append(_trimmed(body, start, cut))
        start = cut
    if body[start : seg.end].strip():
        pieces.append(_trimmed(body, start, seg.end))
    return pieces


def _line_ends_sentence(body: str, start: int, i: int) -> bool:
    """A line end closes a sentence after a blank line, a full stop, a short line (a heading
    or table row), or before a list item; a long line broken mid-sentence runs on. A key
    figure's line runs on into the source tag under it ("UN – March 2022")."""
    line_start = body.rfind("\n", 0, i) + 1
    line = body[max(line_start, start) : i].rstrip()
    nxt = body[i + 1 : i + 3].lstrip(" \t")
    if not line or nxt.startswith("\n") or not nxt:
        return True
    if line[:1].isdigit() and SOURCE_TAG_LINE.match(body, i + 1):
        return False
    if nxt[:1].islower() and _runs_on(body, start, line_start, line):
        return False
    if line[-1] in ".!?:;\"”'" or len(body[line_start:i].strip()) < 60:
        return True
    return nxt[:1] in "-•*" or nxt[:1].isdigit()


# The source tag under a key figure of a fact sheet's box: a short name, a dash, a month and
# year ("UNHCR – July 2022", "Ministry of Health - Sept. 2021").
SOURCE_TAG_LINE = re.compile(
    r"[ \t]*[A-Z][\w.&/’' ]{0,40}?\s[–—-]\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d[ \t]*(?:\n|$)"
)
# Marks that open a list item ("- 40 killed", "• 12 injured").
LIST_MARKS = frozenset("-•*–")
RUN_ON_WORDS = 4


def _runs_on(body: str, start: int, line_start: int, line: str) -> bool:
    """Whether a line the next line continues in lower case runs on into it: a word broken
    by a hyphen at its end ("in-" / "jured"), a list item broken over lines ("- there are 13"
    / "confirmed cases"), or a line of running text (four words or more, not ending in a
    stop), as PDF text breaks it. A short label line ("Displaced") stays a line of its own,
    so a key-figure box keeps its layout."""
    last = line[-1]
    if last == "-":
        return len(line) > 1 and line[-2].isalpha()
    if last in ".!?:;\"”'":
        return False
    opening = body[max(line_start, start) : max(line_start, start) + 2].lstrip()
    if opening[:1] in LIST_MARKS or body[start : start + 1] in LIST_MARKS:
        return True
    return line.count(" ") + 1 >= RUN_ON_WORDS


LAST_WORD = re.compile(r"([\w.]+)$")


def _ends_sentence(body: str, i: int) -> bool:
    j = i + 1
    n = len(body)
    while j < n and body[j] in "\"'”’)]":
        j += 1
    if j < n and not body[j].isspace():
        return False
    while j < n and body[j] in " \t":
        j += 1
    if j < n and body[j] == "\n":
        return True
    if j >= n:
        return True
    nxt = body[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["):
        return False
    if body[i] == ".":
        word = LAST_WORD.search(body[max(0, i - 12) : i])
        if word:
            w = word.group(1).lower()
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                return False
    return True


def _trimmed(body: str, start: int, end: int) -> Segment:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Segment(start, end)
