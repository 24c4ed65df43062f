"""Numbers in humanitarian reports that count things, money or days, not people harmed: none is a
figure, and the people counted beside them still are."""

import pytest

from pipeline.extraction import extract
from pipeline.readers.text import parse_text


def figures(text):
    return [(r["text"], r["metric"]) for r in extract(parse_text(text, "x.txt"))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Partners distributed 1,200 hygiene kits and 340 dignity kits after 15 people were injured.", [("15", "injured")]),
    ("The storm damaged 62 health facilities; 9 people were killed in the north.", [("9", "killed")]),
    ("Some 2,300 metric tons of food were pre-positioned for 40,000 displaced people.", [("40,000", "displaced")]),
    ("Seven communes were affected and 3 rivers overflowed; 210 people were displaced.", [("210", "displaced")]),
])
def test_things_counted_are_not_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The appeal seeks USD 25 million after the floods displaced 30,000 people.", [("30,000", "displaced")]),
    ("Of the HTG 500 million released, none went to the 12 people injured in Jeremie.", [("12", "injured")]),
    ("EUR 3.5 million was allocated after at least 8 people were killed.", [("at least 8", "killed")]),
])
def test_an_amount_after_a_currency_code_is_money(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Between 26 and 27 October 2025, at least 6 people were killed in Les Cayes.", [("at least 6", "killed")]),
    ("From 3 to 5 May 2024, 14 people were injured in flash floods.", [("14", "injured")]),
    ("Heavy rains on 22-24 October 2025 displaced 1,500 people.", [("1,500", "displaced")]),
])
def test_the_first_day_of_a_range_of_days_is_a_date(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("WFP had assisted 12,700 people by 2 November, after floods displaced 30,000.", [("30,000", "displaced")]),
    ("UNICEF supported around 5,000 children with water, while 17 children were injured.", [("17", "injured")]),
    ("The death toll has reached more than 300 people since the floods began.", [("more than 300", "killed")]),
    ("The agency provided cash assistance to over 47,000 people; 26 people were killed.", [("26", "killed")]),
    ("Partners plan to support 90,000 displaced people in the coming weeks.", []),
])
def test_people_a_response_reached_are_not_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In Jeremie, 800 kits were mobilized by DKH (500) and UNICEF (300); 4 people died.", [("4", "killed")]),
    ("Survivors can call the hotline (322), the ministry said after 9 people were injured.", [("9", "injured")]),
    ("As of 8 January, 14 cases were confirmed, with nine deaths and five recoveries.", [("14", "affected"), ("nine", "killed")]),
])
def test_labels_in_brackets_and_recoveries_are_not_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("UNFPA pre-positioned kits covering 4,200 births, 180 cases of rape and 525 surgeries; 3 people died.", [("3", "killed")]),
    ("The stock covers 9,000 people for a month, after 60 people were displaced.", [("60", "displaced")]),
    ("Health facilities affected: 10\nDeaths: 26", [("26", "killed")]),
    ("Schools damaged: 44\nPeople injured: 31", [("31", "injured")]),
])
def test_supplies_covering_people_and_labels_naming_things_are_not_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("An isolation centre with 12 beds opened after 5 people died of the disease.", [("5", "killed")]),
    ("Food rations for the most affected households (target 190,000) began after 16,000 people were displaced.",
     [("16,000", "displaced")]),
    ("The clinic added 40 beds; 11 people were injured in the collapse.", [("11", "injured")]),
])
def test_beds_and_a_response_s_target_are_not_figures(text, expected):
    assert figures(text) == expected
