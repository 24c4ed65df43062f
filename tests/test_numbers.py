from pipeline.extraction.numbers import parse_digits, read_numbers
from pipeline.extraction.tokens import tokenize


def values(text: str) -> list[tuple[float, str, bool]]:
    tokens = tokenize(text)
    return [(e.value, e.form, e.percent) for e in read_numbers(tokens)]


def test_digits_with_separators_and_scale_words():
    assert values("5,200 and 816 000 and 1.2 million and 3.3 million") == [
        (5200, "digits", False),
        (816000, "digits", False),
        (1_200_000, "digits", False),
        (3_300_000, "digits", False),
    ]


def test_malformed_grouping_is_read_as_written_not_split():
    assert parse_digits("5,1100") == (51100.0, False)
    assert values("some 5,1100 people") == [(51100, "digits", False)]


def test_number_words_and_compounds():
    assert values("Thirty-two were hurt; ten thousand fled; four died; two hundred and fifty left") == [
        (32, "words", False),
        (10000, "words", False),
        (4, "words", False),
        (250, "words", False),
    ]


def test_zero_padded_number():
    assert values("02 injured") == [(2, "digits", False)]


def test_percent_forms():
    assert [v for v, _, p in values("47 percent, 47 per cent, 47% and 12 pc") if p] == [47, 47, 47, 12]


def test_vague_amounts_fractions_and_multipliers():
    assert values("dozens, thousands, tens of thousands, hundreds of thousands") == [
        (24, "vague", False),
        (2000, "vague", False),
        (20000, "vague", False),
        (200000, "vague", False),
    ]
    got = values("a third, two-thirds, one in five, doubled, tripled, tenfold, six-fold, halved")
    assert [round(v, 1) for v, _, _ in got] == [33.3, 66.7, 20.0, 100.0, 200.0, 900.0, 500.0, -50.0]
