"""Wire and news stories on attacks: kinds of wording seen in real wire copy (sentences written
for these tests)."""

import pytest

from tests.conftest import figures_of, only


# A capital named after the word "capital" places the figure there.
@pytest.mark.parametrize(
    "sentence, text, place",
    [
        ("A car bomb went off near the capital Mogadishu on Friday, killing at least 6 people.", "at least 6", "Mogadishu"),
        ("Two blasts in the Afghan capital Kabul wounded 23 worshippers, police said.", "23", "Kabul"),
        ("Gunmen killed 14 traders in the capital, Bamako, residents said.", "14", "Bamako"),
    ],
)
def test_a_capital_named_after_the_word_places_the_figure(sentence, text, place):
    assert place in only(figures_of(sentence), text)["places"]


# The hour of an attack is not a figure; the people it harmed are.
@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("Armed men entered the camp at about 4 a.m. and killed nine people.", "nine"),
        ("The shelling began at 11 pm and left 17 civilians wounded.", "17"),
        ("At 6 o'clock militants opened fire, killing 3 farmers.", "3"),
    ],
)
def test_the_hour_of_an_attack_is_not_a_figure(sentence, kept):
    figs = figures_of(sentence)
    assert [f["text"] for f in figs] == [kept]


# Livestock taken in a raid counts no people.
@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("The bandits killed 5 herders and drove off 200 cattle.", "5"),
        ("Raiders made away with 340 goats and sheep after wounding 8 villagers.", "8"),
        ("Eleven residents were abducted and some 90 camels stolen, the chief said.", "Eleven"),
    ],
)
def test_livestock_taken_in_a_raid_is_not_a_figure(sentence, kept):
    figs = figures_of(sentence)
    assert [f["text"] for f in figs] == [kept]
