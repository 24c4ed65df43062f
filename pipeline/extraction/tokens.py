"""Tokens with character offsets, and the sentence and paragraph segments they fall in.

Everything downstream scans token lists rather than running patterns over raw text, so the
cost is linear in the input and no expression can backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digit runs with inner separators, words (with inner apostrophes), or one other character.
# Each alternative is a simple run: no nested quantifiers, so matching is linear.
TOKEN_PATTERN = re.compile(
    r"\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"
    r"|[^\s]",
)

ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no vs etc jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sgt "
    "prof rev govt dept approx inc ltd co corp jr sr u.s u.n e.g i.e".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_PATTERN.finditer(text)]


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


def sentences(body: str) -> list[Segment]:
    """Sentences: split at line ends and at . ! ? before a capital, digit or quote.

    Line ends split too, because headlines, bullet points and table rows carry no full stop.
    """
    segments: list[Segment] = []
    start = 0
    n = len(body)
    i = 0
    while i < n:
        ch = body[i]
        cut = None
        if ch == "\n" and _line_ends_sentence(body, start, i):
            cut = i
        elif ch in ".!?" and _ends_sentence(body, i):
            cut = i + 1
            # keep closing quotes and brackets with the sentence they close
            while cut < n and body[cut] in "\"'”’)]":
                cut += 1
        if cut is not None:
            if body[start:cut].strip():
                segments.append(_trimmed(body, start, cut))
            start = cut
            i = cut if cut > i else i + 1
            continue
        i += 1
    if body[start:].strip():
        segments.append(_trimmed(body, start, n))
    return segments


def _line_ends_sentence(body: str, start: int, i: int) -> bool:
    """A line end closes a sentence after a blank line, a full stop, a short line (a heading
    or table row), or before a list item; a long line broken mid-sentence runs on."""
    line_start = body.rfind("\n", 0, i) + 1
    line = body[max(line_start, start) : i].rstrip()
    nxt = body[i + 1 : i + 3].lstrip(" \t")
    if not line or nxt.startswith("\n") or not nxt:
        return True
    if line[-1] in ".!?:;\"”'" or len(body[line_start:i].strip()) < 60:
        return True
    return nxt[:1] in "-•*" or nxt[:1].isdigit()


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
        word = re.search(r"([\w.]+)$", body[max(0, i - 12) : i])
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
