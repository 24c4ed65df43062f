"""The tokens of a long sentence around its numbers only.

Tokenising costs about as much per character as everything else together, and a long
sentence (a 10 MB line cut into 1000-character pieces) mostly holds words no figure reads.
A window from a little before the first place a number expression may start to well after
the last is a run of the sentence's own tokens (it is cut at spaces, which no token spans),
so every reading that stays inside it is the same as on the whole sentence. Readings that
reach its left edge raise `NarrowWindow`, and the caller reads the whole sentence again.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extraction.lexicon import FRACTIONS, VAGUE_AMOUNTS
from pipeline.extraction.numbers import STARTING_WORDS
from pipeline.extraction.tokens import Token, tokenize

# Shorter sentences are tokenised whole: a window would save little.
WINDOW_FROM_CHARS = 400
# Characters first tried on either side; doubled while the tokens there are too few.
LEFT_CHARS = 100
RIGHT_CHARS = 220
# Tokens kept before the first place a number may start: its own phrase ("a half"), the
# qualifier, sign and words every reading looks at around a number fit in far fewer.
LEFT_TOKENS = 16
# A backward scan that reaches below this index of a window clipped on the left may need
# tokens the window lacks (a metric phrase is at most 6 tokens long).
LEFT_GUARD = 8
# Tokens kept after the last figure: the far scan for a list's predicate reads 20, and a
# phrase starting at its last word a few more.
RIGHT_TOKENS = 30
# ... and after the last place a number may start, allowing for the words that end an
# expression ("per cent", "times") and the few a reading looks at past a number.
RIGHT_SLACK = RIGHT_TOKENS + 8
# A number expression starts at a digit or at one of these words. "a" starts only "a half",
# "a third" ...: the word after it stands for it, or every sentence would be one window.
COMMON_STARTS = frozenset({"a"})
ANCHOR_WORDS = tuple(
    sorted(
        (STARTING_WORDS - COMMON_STARTS)
        | {p[1] for p in (*FRACTIONS, *VAGUE_AMOUNTS) if p[0] in COMMON_STARTS and len(p) > 1}
    )
)
DIGITS = "0123456789"


class NarrowWindow(Exception):
    """A reading needs tokens left of the window: read the whole sentence."""


@dataclass(frozen=True, slots=True)
class SentenceTokens:
    tokens: list[Token]
    clipped_left: bool  # the window starts after the sentence does
    clipped_right: bool  # ... and ends before it

    @property
    def left_guard(self) -> int:
        return LEFT_GUARD if self.clipped_left else 0


def whole(text: str, offset: int) -> SentenceTokens:
    return SentenceTokens(tokenize(text, offset), False, False)


def _number_span(text: str, lower: str, words: frozenset[str] | None) -> tuple[int, int] | None:
    """The first and last character where a number expression may start (or end: "-fold")."""
    first, last = len(text), -1
    for c in DIGITS:
        i = text.find(c)
        if i >= 0:
            first = min(first, i)
            last = max(last, text.rfind(c))
    anchors = [w for w in ANCHOR_WORDS if w in words] if words is not None else [w for w in ANCHOR_WORDS if w in lower]
    for w in (*anchors, "fold"):
        i = lower.find(w)
        if i >= 0:
            first = min(first, i)
            last = max(last, lower.rfind(w) + len(w))
    return (first, last) if last >= 0 else None


def sentence_tokens(text: str, offset: int, words: frozenset[str] | None) -> SentenceTokens:
    """The sentence's tokens, or a window of them around its numbers (see the module's doc)."""
    n = len(text)
    if n < WINDOW_FROM_CHARS:
        return whole(text, offset)
    lower = text.lower()
    if len(lower) != n:
        return whole(text, offset)  # offsets in the lower-case text would not be the text's
    span = _number_span(text, lower, words)
    if span is None:
        return whole(text, offset)
    first, last = span
    for widen in (1, 2, 4):
        lo = 0 if first <= LEFT_CHARS * widen else text.rfind(" ", 0, first - LEFT_CHARS * widen) + 1
        hi = text.find(" ", last + RIGHT_CHARS * widen) if last + RIGHT_CHARS * widen < n else -1
        hi = n if hi < 0 else hi
        if lo == 0 and hi == n:
            break
        tokens = tokenize(text, offset, lo, hi)
        if tokens and _margins_kept(tokens, offset + first, offset + last, lo > 0, hi < n):
            return SentenceTokens(tokens, lo > 0, hi < n)
    return whole(text, offset)


def _margins_kept(tokens: list[Token], first: int, last: int, clipped_left: bool, clipped_right: bool) -> bool:
    """A clipped edge keeps its margin of tokens, and falls on a word, so that no phone
    number pattern is cut by it."""
    if clipped_left and (not tokens[0].is_word or sum(1 for t in tokens[:LEFT_TOKENS] if t.start < first) < LEFT_TOKENS):
        return False
    return not clipped_right or (tokens[-1].is_word and sum(1 for t in tokens[-RIGHT_SLACK:] if t.start >= last) >= RIGHT_SLACK)


def wide_enough(view: SentenceTokens, last_stop: int) -> bool:
    """Whether a window clipped on the right keeps enough tokens after the last figure."""
    return not view.clipped_right or last_stop + RIGHT_TOKENS <= len(view.tokens)


def holds_token(text: str, offset: int, lower: str, targets: frozenset[str]) -> bool:
    """Whether any token of the whole text is one of `targets` (lower-case words), tokenising
    only the space-separated stretch around each place a target occurs."""
    n = len(text)
    for target in targets:
        i = lower.find(target)
        while i >= 0:
            lo = text.rfind(" ", 0, i) + 1
            hi = text.find(" ", i + len(target))
            hi = n if hi < 0 else hi
            if any(t.lower in targets for t in tokenize(text, offset, lo, hi)):
                return True
            i = lower.find(target, hi)
    return False
