"""Number expressions: digits, number words, scales, percents, vague amounts, fractions, multipliers.

`read_numbers` walks a token list once and returns every number expression with its value;
whether it is a figure is decided later, from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extraction.lexicon import (
    COMPARED_AMOUNT_STARTS,
    FOLD_PREFIXES,
    FRACTIONS,
    MULTIPLIER_ADJECTIVES,
    MULTIPLIER_WORDS,
    ONE_IN,
    PERCENT_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SPACED_SCALE_ABBREVIATIONS,
    TIMES_COMPARATIVES,
    UNITS,
    VAGUE_AMOUNTS,
)
from pipeline.extraction.phrases import PhraseTable
from pipeline.extraction.tokens import Token

NUMBER_WORDS = UNITS.keys() | SCALES.keys()
# Any text that may hold a number expression matches this; text that does not is skipped
# without tokenizing.
_CANDIDATE_WORDS = sorted(
    NUMBER_WORDS
    | {w for phrase in VAGUE_AMOUNTS for w in phrase}
    | {phrase[-1] for phrase in FRACTIONS}
    | MULTIPLIER_WORDS.keys()
    | MULTIPLIER_ADJECTIVES.keys()
    | {"half"},
    key=len,
    reverse=True,
)
NUMBER_CANDIDATE = re.compile(r"\d|\b(?:" + "|".join(_CANDIDATE_WORDS) + r")\b|\w+-?fold\b", re.I)
CANDIDATE_WORDS = frozenset(_CANDIDATE_WORDS)
# The words a number expression can be read from: a number word, the first word of a vague
# amount, the last of a fraction ("a third"), a multiplier. "of" in "tens of thousands" is a
# candidate word above but reads no number on its own.
NUMBER_EVIDENCE_WORDS = frozenset(
    NUMBER_WORDS
    | {phrase[0] for phrase in VAGUE_AMOUNTS}
    | {phrase[-1] for phrase in FRACTIONS}
    | MULTIPLIER_WORDS.keys()
    | MULTIPLIER_ADJECTIVES.keys()
)
DIGIT = re.compile(r"\d")
FOLD = re.compile(r"\w-?fold\b")
ASCII_WORD = re.compile(r"[a-z]+")
NOT_LETTERS_TO_SPACE = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def ascii_words(text: str) -> frozenset[str] | None:
    """The letter runs of an ASCII text, lower-cased; None for any other text.

    A set lookup against this answers "does the text hold word X" far faster than a case-blind
    alternation in `re`. Every token whose lower-case form is an ASCII word is among them.
    """
    if not text.isascii():
        return None
    # bytes.translate and split run in C: three times faster than ASCII_WORD.findall
    return frozenset(text.lower().encode("ascii").translate(NOT_LETTERS_TO_SPACE).decode("ascii").split())


def may_hold(words: frozenset[str] | None, needed: frozenset[str]) -> bool:
    """Whether a text whose `ascii_words` are `words` may hold one of the `needed` words (a
    text whose words are unknown, None, may hold any)."""
    return words is None or not needed.isdisjoint(words)


def may_hold_number(text: str, words: frozenset[str] | None) -> bool:
    """False when `read_numbers` can find no number expression in the text's tokens."""
    if words is None or DIGIT.search(text) or not NUMBER_EVIDENCE_WORDS.isdisjoint(words):
        return True
    return "fold" in words or "fold" in text.lower()


def has_number_candidate(text: str, words: frozenset[str] | None) -> bool:
    """What NUMBER_CANDIDATE.search says, from `ascii_words(text)` where the text is ASCII."""
    if DIGIT.search(text):
        return True
    if words is None:
        return NUMBER_CANDIDATE.search(text) is not None
    if not CANDIDATE_WORDS.isdisjoint(words):
        return True
    lower = text.lower()
    return "fold" in lower and FOLD.search(lower) is not None
VAGUE = PhraseTable(VAGUE_AMOUNTS)
STARTING_WORDS = frozenset(
    NUMBER_WORDS
    | {phrase[0] for phrase in VAGUE_AMOUNTS}
    | {phrase[0] for phrase in FRACTIONS}
    | MULTIPLIER_WORDS.keys()
    | MULTIPLIER_ADJECTIVES.keys()
    | FOLD_PREFIXES.keys()
)
FRACTION_PHRASES = PhraseTable(FRACTIONS)
PERCENTS = PhraseTable(dict.fromkeys(PERCENT_WORDS, True))
THIN_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}


@dataclass(slots=True)
class NumberExpr:
    first: int  # index of the first token
    stop: int  # index after the last token
    value: float
    form: str  # digits, words, vague, fraction, one_in, multiplier
    percent: bool = False
    separators_ok: bool = True  # False for digit groups like "5,1100"


def parse_digits(text: str) -> tuple[float, bool]:
    """Read a digit token as written: commas are thousands separators, a point is decimal.

    A malformed grouping ("5,1100") is read as written (51100), never split in two; the flag
    says the grouping was irregular.
    """
    if "," in text and "." in text:
        whole, _, frac = text.rpartition(".")
        groups = whole.split(",")
        regular = all(len(g) == 3 for g in groups[1:])
        return float(whole.replace(",", "") + "." + frac), regular
    if "," in text:
        groups = text.split(",")
        regular = all(len(g) == 3 for g in groups[1:])
        if len(groups) == 2 and len(groups[1]) in (1, 2) and len(groups[0]) <= 3:
            return float(groups[0] + "." + groups[1]), True  # decimal comma: "3,5 million"
        return float(text.replace(",", "")), regular
    if text.count(".") > 1:
        groups = text.split(".")
        return float("".join(groups)), all(len(g) == 3 for g in groups[1:])
    return float(text), True


def _percent_after(tokens: list[Token], i: int) -> int:
    """Index after a percent sign or word starting at i, or i if there is none."""
    hit = PERCENTS.at(tokens, i)
    return i + hit[1] if hit else i


def _read_words(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A run of number words ("Thirty-two", "ten thousand", "two hundred and fifty")."""
    total, current, j, seen = 0, 0, i, False
    n = len(tokens)
    while j < n:
        w = tokens[j].lower
        if w in UNITS:
            current += UNITS[w]
        elif w in SCALES and (seen or w != "hundred" or current):
            scale = SCALES[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            break
        seen = True
        j += 1
        # joiners inside one number: "thirty-two", "two hundred and fifty"
        # (the hyphen may end a line: "Thirty-\ntwo", the tokens keep it as a gap after it)
        if j + 1 < n and tokens[j].text in "-‑" and tokens[j].start == tokens[j - 1].end and tokens[j + 1].start - tokens[j].end <= 2 and tokens[j + 1].lower in UNITS or (
            j + 1 < n
            and tokens[j].lower == "and"
            and tokens[j - 1].lower in SCALES
            and tokens[j + 1].lower in UNITS
        ):
            j += 1
    if not seen:
        return None
    return float(total + current), j


def _read_fold(word: str) -> float | None:
    if word.endswith("fold"):
        prefix = word[:-4].rstrip("-")
        if prefix in FOLD_PREFIXES:
            return (FOLD_PREFIXES[prefix] - 1) * 100.0
    return None


def _one_in(tokens: list[Token], i: int) -> NumberExpr | None:
    """"one in five", "1 in 7": a share of 100 / n percent."""
    if i + 2 >= len(tokens) or tokens[i + 1].lower != "in":
        return None
    w = tokens[i + 2].lower
    if w in ONE_IN:
        return NumberExpr(i, i + 3, ONE_IN[w], "one_in")
    if w.isdigit() and 1 < int(w) <= 1000:
        return NumberExpr(i, i + 3, 100 / int(w), "one_in")
    return None


def _restated(tokens: list[Token], j: int, value: float) -> int:
    """Past a bracket at token j that restates the number before it in digits ("seventy-three
    (73)", "1.3 million (1,300,000)"): the same number, written twice. Else j."""
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")" and tokens[j + 1].is_digits:
        restated, _ = parse_digits(tokens[j + 1].text)
        if restated == value:
            return j + 3
    return j


def read_numbers(tokens: list[Token]) -> list[NumberExpr]:
    found: list[NumberExpr] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        # the test `_read_one` opens with, inline: most tokens start no number expression
        if not tok.is_digits and not (tok.is_word and (tok.lower in STARTING_WORDS or tok.lower.endswith("fold"))):
            i += 1
            continue
        expr = _read_one(tokens, i)
        if expr is None:
            i += 1
            continue
        found.append(expr)
        i = expr.stop
    return found


def _read_one(tokens: list[Token], i: int) -> NumberExpr | None:
    tok = tokens[i]
    w = tok.lower
    n = len(tokens)
    if tok.is_digits:
        if tok.text == "1":
            one_in = _one_in(tokens, i)
            if one_in is not None:
                return one_in
        value, regular = parse_digits(tok.text)
        j = i + 1
        # "816 000": thousands separated by (thin) spaces
        while (
            j < n
            and tokens[j].is_digits
            and len(tokens[j].text) == 3
            and tokens[j].text.isdigit()
            and tokens[j - 1].text.replace(",", "").isdigit()
            and len(tokens[j - 1].text) <= 3
            and tokens[j].start - tokens[j - 1].end == 1
        ):
            value = value * 1000 + float(tokens[j].text)
            j += 1
        # "8 times more than"
        if j + 1 < n and tokens[j].lower == "times" and tokens[j + 1].lower in TIMES_COMPARATIVES and value >= 2:
            return NumberExpr(i, j + 1, (value - 1) * 100.0, "multiplier", separators_ok=regular)
        # "10-fold"
        if j + 2 <= n and tokens[j].text == "-" and j + 1 < n and tokens[j + 1].lower == "fold":
            return NumberExpr(i, j + 2, (value - 1) * 100.0, "multiplier", separators_ok=regular)
        if j < n and tokens[j].lower in SCALES and tokens[j].lower != "hundred":
            value *= SCALES[tokens[j].lower]
            j += 1
        elif j < n and tokens[j].lower in SCALE_ABBREVIATIONS and tokens[j].start == tokens[j - 1].end:
            value *= SCALE_ABBREVIATIONS[tokens[j].lower]
            j += 1
        elif j < n and tokens[j].lower in SPACED_SCALE_ABBREVIATIONS and tokens[j].start - tokens[j - 1].end == 1:
            value *= SPACED_SCALE_ABBREVIATIONS[tokens[j].lower]  # "1.5 mn"
            j += 1
        k = _percent_after(tokens, j)
        if k == j and j > i + 1:
            j = _restated(tokens, j, value)  # "1.3 million (1,300,000)"
            k = j
        return NumberExpr(i, k, value, "digits", percent=k > j, separators_ok=regular)
    if not tok.is_word or (w not in STARTING_WORDS and not w.endswith("fold")):
        return None  # most words start no number expression: one set lookup decides
    vague = VAGUE.at(tokens, i)
    if vague and not (i > 0 and tokens[i - 1].is_digits):
        return NumberExpr(i, i + vague[1], float(vague[0]), "vague")
    fraction = FRACTION_PHRASES.at(tokens, i)
    if fraction:
        # "half a million", "a quarter of a million": a fraction of a scale is a count
        j = i + fraction[1]
        if j + 1 < n and tokens[j].lower == "of" and tokens[j + 1].lower == "a":
            j += 1
        if j + 1 < n and tokens[j].lower == "a" and tokens[j + 1].lower in SCALES:
            return NumberExpr(i, j + 2, fraction[0] / 100 * SCALES[tokens[j + 1].lower], "words")
        return NumberExpr(i, i + fraction[1], fraction[0], "fraction")
    if w == "one":
        one_in = _one_in(tokens, i)
        if one_in is not None:
            return one_in
    if w in MULTIPLIER_WORDS:
        return NumberExpr(i, i + 1, MULTIPLIER_WORDS[w], "multiplier")
    if w in MULTIPLIER_ADJECTIVES:
        if i + 1 < n and tokens[i + 1].lower in COMPARED_AMOUNT_STARTS:
            return NumberExpr(i, i + 1, MULTIPLIER_ADJECTIVES[w], "multiplier")
        return None
    fold = _read_fold(w)
    if fold is not None:
        return NumberExpr(i, i + 1, fold, "multiplier")
    if w in FOLD_PREFIXES and i + 2 < n and tokens[i + 1].text == "-" and tokens[i + 2].lower == "fold":
        return NumberExpr(i, i + 3, (FOLD_PREFIXES[w] - 1) * 100.0, "multiplier")
    if w in NUMBER_WORDS:
        read = _read_words(tokens, i)
        if read is None:
            return None
        value, j = read
        j = _restated(tokens, j, value)  # "seventy-three (73)"
        if j < n and tokens[j].lower == "times" and value >= 2:
            return NumberExpr(i, j + 1, (value - 1) * 100.0, "multiplier")
        k = _percent_after(tokens, j)
        return NumberExpr(i, k, value, "words", percent=k > j)
    return None
