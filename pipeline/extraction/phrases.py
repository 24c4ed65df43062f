"""Multi-word phrase lookup over tokens, indexed by first and last word.

Scanning every phrase at every token is quadratic in practice; indexing by the word a phrase
starts (or ends) with makes each lookup a dictionary hit and a few comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

from pipeline.extraction.tokens import Token

V = TypeVar("V")


class PhraseTable(Generic[V]):
    def __init__(self, phrases: Mapping[tuple[str, ...], V]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
            self.by_first.setdefault(phrase[0], []).append((phrase, value))
            self.by_last.setdefault(phrase[-1], []).append((phrase, value))

    def at(self, tokens: list[Token], i: int) -> tuple[V, int] | None:
        """The longest phrase starting at token i: (value, number of tokens)."""
        n = len(tokens)
        if i >= n:
            return None
        candidates = self.by_first.get(tokens[i].lower)
        if not candidates:
            return None  # most tokens start no phrase
        for phrase, value in candidates:
            k = len(phrase)
            if i + k <= n:
                j = 1
                while j < k and tokens[i + j].lower == phrase[j]:
                    j += 1
                if j == k:
                    return value, k
        return None

    def ending_at(self, tokens: list[Token], i: int) -> tuple[V, int] | None:
        """The longest phrase ending at token i: (value, number of tokens)."""
        if i < 0 or i >= len(tokens):
            return None
        candidates = self.by_last.get(tokens[i].lower)
        if not candidates:
            return None
        for phrase, value in candidates:
            k = len(phrase)
            first = i - k + 1
            if first >= 0:
                j = 0
                while j < k - 1 and tokens[first + j].lower == phrase[j]:
                    j += 1
                if j == k - 1:
                    return value, k
        return None
