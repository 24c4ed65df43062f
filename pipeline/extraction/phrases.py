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
        if i >= len(tokens):
            return None
        for phrase, value in self.by_first.get(tokens[i].lower, ()):
            k = len(phrase)
            if i + k <= len(tokens) and all(tokens[i + j].lower == phrase[j] for j in range(1, k)):
                return value, k
        return None

    def ending_at(self, tokens: list[Token], i: int) -> tuple[V, int] | None:
        """The longest phrase ending at token i: (value, number of tokens)."""
        if i < 0 or i >= len(tokens):
            return None
        for phrase, value in self.by_last.get(tokens[i].lower, ()):
            k = len(phrase)
            if i - k + 1 >= 0 and all(tokens[i - k + 1 + j].lower == phrase[j] for j in range(k - 1)):
                return value, k
        return None
