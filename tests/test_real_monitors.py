"""Monitors' and researchers' reports: kinds of wording met on real public tallies (issue 14).

Each sentence is written for these tests; each kind has several, varying wording, order and
numbers. The assertions are on the extractor's real output.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import figures_of, only


def _read(body: str, text: str) -> tuple[str, str, str | None]:
    r = only(figures_of(body), text)
    return r["kind"], r["metric"], r["population"]


# 1. Confinement and hostage-taking named by a phrase: "in prison", "behind bars" are
#    detentions; "held hostage", "hostages" are abductions.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("The watchdog counted 212 reporters in prison when the year closed.", "212", "detained"),
        ("By December, 47 bloggers were still behind bars across the region.", "47", "detained"),
        ("Rebels still held 31 journalists hostage, the group said.", "31", "abducted"),
        ("Another 18 media workers were held hostage by armed groups in the north.", "18", "abducted"),
        ("Some 44 reporters are being held as hostages, while others have gone missing.", "Some 44", "abducted"),
        ("Authorities jailed 150 activists during the first half of the year.", "150", "detained"),
    ],
)
def test_confinement_and_hostage_phrases(body, text, metric):
    assert _read(body, text)[1] == metric


# 2. A bare bracketed share takes the group written just before its bracket, not the group of
#    the share before it.
@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("Most of the victims were men (61%), followed by boys (22%) and women (17%).", "22%", "boys"),
        ("Most of the victims were men (61%), followed by boys (22%) and women (17%).", "17%", "women"),
        ("Of those harmed, children (38 per cent) outnumbered women (12 per cent).", "12 per cent", "women"),
        ("The dead were mostly civilians (80%), with soldiers (15%) and police (5%) making up the rest.", "15%", "security_forces"),
    ],
)
def test_bracketed_share_takes_its_own_group(body, text, population):
    kind, _, pop = _read(body, text)
    assert kind == "share"
    assert pop == population


# 3. A possessive group that owns a harm counts that group: "children's casualties rose".
@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("Civilian harm grew overall. Children's casualties went up by 18 percent on the year before.", "18 percent", "children"),
        ("Civilian harm grew overall. Women’s deaths rose by 9 per cent in the same period.", "9 per cent", "women"),
        ("Children’s injuries rose 25% over the quarter, the monitors found.", "25%", "children"),
    ],
)
def test_possessive_group_of_a_harm(body, text, population):
    assert _read(body, text)[2] == population


def test_possessive_that_owns_no_harm_names_no_group():
    body = "A women's rights group said 40 people were killed in the raid."
    assert _read(body, "40")[2] != "women"


# 1b. A death while held is a killing, and so are the parts of such a total.
@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The report said at least 40 people have died in prison, including 5 journalists.", "5"),
        ("At least 30 people have died in custody since the coup, including 6 children.", "6"),
        ("Rights groups recorded 14 deaths in detention over the year.", "14"),
    ],
)
def test_death_in_custody_is_a_killing(body, text):
    assert _read(body, text)[1] == "killed"


# 4. The group a share verb names is the share's part, even with an adverb between them and
#    another group after "of": "women now account for 15% of the detained journalists".
@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("In another shift, women now account for nearly 15% of the detained journalists.", "nearly 15%", "women"),
        ("Children still make up 52 percent of the displaced, the agency said.", "52 percent", "children"),
        ("Girls alone represented 30% of the abducted students.", "30%", "girls"),
    ],
)
def test_share_verb_subject_is_the_part(body, text, population):
    kind, _, pop = _read(body, text)
    assert kind == "share"
    assert pop == population


# 5. "Children and women" is the women_children group in either order.
@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Children and women now make up about 70 percent of the refugees arriving at the border.", "about 70 percent"),
        ("Among the wounded, 45% were children and women, the clinic said.", "45%"),
        ("Women and children accounted for 38 per cent of the displaced.", "38 per cent"),
    ],
)
def test_children_and_women_in_either_order(body, text):
    assert _read(body, text)[2] == "women_children"


# 6. The count set against a figure ("compared with 250 in the same period last year") takes
#    the comparison period written after it; "the same period" is the span the sentence names,
#    a year back.
def _period(body: str, text: str) -> tuple[str | None, str | None]:
    r = only(figures_of(body, published=date(2022, 12, 20)), text)
    return r["period_start"], r["period_end"]


@pytest.mark.parametrize(
    ("body", "text", "period"),
    [
        ("Between April and June, 305 civilians were killed, compared with 250 in the same period last year.",
         "250", ("2021-04-01", "2021-06-30")),
        ("From July to September, 801 civilians were harmed, compared to 1,271 during the same period last year.",
         "1,271", ("2021-07-01", "2021-09-30")),
        ("This year 77 reporters are behind bars, compared to 64 at the same time last year.",
         "64", ("2021-01-01", "2021-12-31")),
    ],
)
def test_compared_value_takes_the_comparison_period(body, text, period):
    assert _period(body, text) == period


def test_the_figure_compared_keeps_its_own_period():
    body = "Between April and June, 305 civilians were killed, compared with 250 in the same period last year."
    assert _period(body, "305") == ("2022-04-01", "2022-06-30")


def test_the_compared_value_period_is_not_carried_on():
    body = ("Between April and June, 305 civilians were killed, compared with 250 in the same period last year. "
            "Another 40 were abducted.")
    assert _period(body, "40") == ("2022-04-01", "2022-06-30")
