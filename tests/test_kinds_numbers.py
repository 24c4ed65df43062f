"""Number forms, layout and counts that are no figure (issue 14, "Numbers and layout" and kind 6).

Each kind holds three or more sentences written for these tests, varying wording, order and
numbers.
"""

from __future__ import annotations

import pytest

from tests.conftest import figures_of, only


def _read(body: str) -> list[tuple[str, float, str | None]]:
    return [(r["text"], r["value"], r["metric"]) for r in figures_of(body)]


# --- scales written on or after the number ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value", "metric"),
    [
        ("Floods have displaced 64K people across the delta.", "64K", 64_000, "displaced"),
        ("An estimated 2.7M people are in need of humanitarian assistance.", "An estimated 2.7M", 2_700_000, "in_need"),
        ("3 MILLION PEOPLE HAVE FLED THEIR HOMES", "3 MILLION", 3_000_000, "displaced"),
        ("Nearly 1.8 mn people have been displaced since the spring.", "Nearly 1.8 mn", 1_800_000, "displaced"),
        ("The agency counts 2.4 mn refugees in the region.", "2.4 mn", 2_400_000, "refugees"),
        ("Five million children need help this year.", "Five million", 5_000_000, "in_need"),
    ],
)
def test_scale_written_on_or_after_the_number(body, text, value, metric):
    figure = only(figures_of(body), text)
    assert figure["value"] == value
    assert figure["metric"] == metric


# --- key-figure boxes --------------------------------------------------------------------------


def test_key_figure_box_numbers_then_their_labels():
    records = figures_of("3.4M\n610K\n57\nPeople in need\nInternally displaced\nKilled")
    assert [(r["text"], r["value"], r["metric"]) for r in records] == [
        ("3.4M", 3_400_000, "in_need"),
        ("610K", 610_000, "displaced"),
        ("57", 57, "killed"),
    ]


def test_key_figure_box_one_number_one_label_per_line_under_a_heading():
    body = "KEY FIGURES\n\n820K\nPeople displaced\n\n1.1M\nPeople in need\n\n38\nInjured"
    assert _read(body) == [("820K", 820_000, "displaced"), ("1.1M", 1_100_000, "in_need"), ("38", 38, "injured")]


def test_key_figure_box_lowercase_labels_after_numbers():
    body = "Situation at a glance\n\n12,000+\npeople displaced\n\n240\npeople injured"
    records = figures_of(body)
    displaced = only(records, "12,000+")
    assert displaced["metric"] == "displaced" and displaced["qualifier"] == "at_least" and displaced["high"] is None
    assert only(records, "240")["metric"] == "injured"


def test_key_figure_number_colon_label_on_one_line():
    records = figures_of("Overview\n\n410,000: Estimated number of IDPs in the province\n\n95: People killed since June")
    idps = only(records, "410,000")
    assert idps["metric"] == "displaced" and idps["qualifier"] == "approximately"
    assert only(records, "95")["metric"] == "killed"


def test_key_figure_labels_that_state_no_figure_are_left_out():
    body = "2.1M\n900K\n45\nPeople targeted\nPeople reached\nFunding required (US$ M)"
    assert figures_of(body) == []


def test_flattened_table_labels_then_numbers_still_reads():
    records = figures_of("Civilians killed\nCivilians injured\n120\n340")
    assert [(r["text"], r["metric"]) for r in records] == [("120", "killed"), ("340", "injured")]


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        pytest.param(
            "2.\nNine million people face famine.", ["Nine million"],
            marks=pytest.mark.xfail(strict=True, reason="'face famine' is not read as a need: no figure"),
        ),
        ("2.\nNine million people need food aid.", ["Nine million"]),
        ("3.\n\nSome 400 people were killed.", ["Some 400"]),
        ("1.\nKilled", []),
    ],
)
def test_a_list_number_alone_on_a_line_is_no_key_figure(body, texts):
    assert [r["text"] for r in figures_of(body)] == texts


# --- a bracket between a number and its verb ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("An estimated 12,500 people (roughly 2,500 households) were displaced by the floods.", "An estimated 12,500", 12_500),
        ("Around 7,000 people – some 1,400 families – fled the town.", "Around 7,000", 7_000),
        ("More than 3,000 people (600 households) have been forced from their homes.", "More than 3,000", 3_000),
    ],
)
def test_households_in_brackets_leave_the_number_its_verb(body, text, value):
    records = figures_of(body)
    assert [r["text"] for r in records] == [text]
    assert records[0]["value"] == value and records[0]["metric"] == "displaced"


# --- words hyphenated across lines -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("At least 31 people were wound-\ned in the shelling of the market.", "At least 31", "injured"),
        ("Fourteen civilians were in- jured when the convoy was hit.", "Fourteen", "injured"),
        ("Some 2,300 residents were dis-\nplaced by the clashes on Friday.", "Some 2,300", "displaced"),
        ("Nine aid workers were ab- ducted on the road north of the town.", "Nine", "abducted"),
    ],
)
def test_word_hyphenated_across_a_line_is_read_as_the_word(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


def test_hyphen_and_space_between_words_stay_as_written():
    records = figures_of("Pre- and post-war surveys found that 60 people were killed.")
    assert [r["text"] for r in records] == ["60"]


# --- a bullet broken over lines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("- There are 17\nconfirmed deaths in the district\n- 40 people were injured", "17", "killed"),
        ("• Some 5,200 people\nhave fled to the hills since Monday", "Some 5,200", "displaced"),
        ("* At least 12 health workers\nwere injured in the attacks on clinics", "At least 12", "injured"),
    ],
)
def test_a_bullet_broken_over_lines_is_one_item(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# --- values before and after in brackets -------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "before", "after"),
    [
        ("Security incidents rose by 12 percent over the quarter (310 to 347).", "310", "347"),
        ("The report notes a decrease in attacks (88 to 61) compared with last year.", "88", "61"),
        ("Killings increased sharply in the district (from 40 to 95).", "40", "95"),
    ],
)
def test_bracketed_pair_after_a_change_is_before_and_after(body, before, after):
    records = figures_of(body)
    assert only(records, before)["qualifier"] == "exact"
    assert only(records, after)["qualifier"] == "exact"


def test_bracketed_range_without_a_change_stays_a_range():
    records = figures_of("Clashes killed many people (20 to 30) in the valley.")
    assert only(records, "20 to 30")["qualifier"] == "range"


# --- one or zero of a thing; nobody ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        ("Eight million children are one step away from starvation.", ["Eight million"]),
        ("Raids like these, carried out with zero oversight, must end after 22 villagers were killed.", ["22"]),
        ("No one was killed in the explosion at the depot.", []),
        ("Rescuers found the body of a sixth victim on Sunday.", []),
        ("Nobody died when the bridge collapsed.", []),
    ],
)
def test_one_or_zero_of_a_thing_and_nobody_are_no_figures(body, texts):
    assert [r["text"] for r in figures_of(body)] == texts


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("One soldier was killed and one was injured.", "one", "injured"),
        ("One young man was shot dead at the checkpoint.", "One", "killed"),
        ("One humanitarian worker was abducted on Tuesday.", "One", "abducted"),
    ],
)
def test_one_person_is_still_a_figure(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# --- items of aid, cash and people given aid ---------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The agency delivered 300 hygiene kits to 1,200 displaced women.",
        "Partners distributed dignity kits for 90 survivors of violence.",
        "Tents were handed out to some 450 displaced families near the river.",
        "Food rations for 8,000 people arrived in the camp.",
    ],
)
def test_people_given_items_of_aid_are_no_figures(body):
    assert figures_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Some 1,300 households received multipurpose cash.",
        "A total of 4,100 people received cash transfers in the district.",
        "About 650 displaced people benefited from food assistance last week.",
    ],
)
def test_cash_and_aid_recipients_are_no_figures(body):
    assert figures_of(body) == []


def test_aid_recipients_beside_a_harm_keep_the_harm():
    records = figures_of("1,500 people received cash assistance and 40 people were injured.")
    assert [(r["text"], r["metric"]) for r in records] == [("40", "injured")]


# --- things counted per area -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "In the south, 25 health facilities were affected, 12 in the coastal district and 6 in the hills.",
        "Damaged health facilities: 14 in the north, 9 in the west and 3 in the south.",
        "Some 40 schools were damaged, 22 in the capital and 18 across the east.",
    ],
)
def test_facilities_counted_per_area_are_no_figures(body):
    assert figures_of(body) == []


def test_shells_that_hit_things_and_killed_people_keep_the_people():
    records = figures_of("Shelling hit 3 schools, killing 12 in the town.")
    assert [r["text"] for r in records] == ["12"]


# --- multipliers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Attacks killed 300 people in May, nearly double the number in April.", "nearly double", 100.0),
        ("Some 4,000 people fled in March, 3 times more than in February.", "3 times", 200.0),
        ("Cholera deaths reached 90, triple the toll of last year.", "triple", 200.0),
    ],
)
def test_multiplier_of_a_compared_amount(body, text, value):
    figure = only(figures_of(body), text)
    assert figure["kind"] == "change" and figure["value"] == value


@pytest.mark.parametrize(
    "body",
    [
        "The village was attacked 10 times in June.",
        "The group was accused of double standards.",
        "A triple amputee was among the patients.",
    ],
)
def test_times_and_double_that_are_not_multipliers(body):
    assert figures_of(body) == []


# --- other counts that are no figure (kind 6) --------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "On average, 14 civilians were killed in each incident.",
        "The ministry's toll is roughly half of what the monitoring group recorded.",
        "The response plan has received 18 per cent of its funding.",
        "Survivors can reach the protection hotline (1455) day and night.",
        "The plan targets 3.1 million people with assistance.",
    ],
)
def test_averages_ratios_funding_hotlines_targets_are_no_figures(body):
    assert figures_of(body) == []


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Between 14 and 15 March, clashes killed 23 people.", "23"),
        ("From 3 to 5 June, heavy rains displaced 2,000 people.", "2,000"),
        ("On 21 and 22 May, 17 people were injured in the city.", "17"),
    ],
)
def test_days_of_a_date_range_are_no_figures(body, text):
    assert [r["text"] for r in figures_of(body)] == [text]


# --- a number restated in digits in brackets ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value", "metric"),
    [
        ("Twenty-one (21) people were killed when the bus was ambushed.", "Twenty-one (21)", 21, "killed"),
        ("Officials said that five (5) children were injured by the blast.", "five (5)", 5, "injured"),
        ("Some two hundred (200) residents fled the village overnight.", "Some two hundred (200)", 200, "displaced"),
    ],
)
def test_number_restated_in_digits_is_one_figure(body, text, value, metric):
    records = figures_of(body)
    assert len(records) == 1
    figure = only(records, text)
    assert figure["value"] == value and figure["metric"] == metric


@pytest.mark.parametrize(
    "body",
    [
        "A total of sixty-two (62) health facilities were damaged by the storm.",
        "Nine (9) schools and four (4) clinics were destroyed.",
        "Authorities reported that thirty (30) health centres were flooded.",
    ],
)
def test_things_counted_with_a_restated_number_are_no_figures(body):
    assert figures_of(body) == []


# --- qualifiers as signs and abbreviations; numbers restated; cells of a line ------------------


@pytest.mark.parametrize(
    ("body", "text", "qualifier"),
    [
        ("Approx. 5,000 people were displaced by the floods.", "Approx. 5,000", "approximately"),
        ("~3,000 people have been displaced since the dam broke.", "~3,000", "approximately"),
        ("Officials said ca. 70 people were killed in the landslide.", "ca. 70", "approximately"),
    ],
)
def test_qualifier_written_as_a_sign_or_abbreviation(body, text, qualifier):
    assert only(figures_of(body), text)["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The conflict has displaced an estimated 1.3 million (1,300,000) people.", "an estimated 1.3 million (1,300,000)"),
        ("Some 2.5M (2,500,000) people need food assistance.", "Some 2.5M (2,500,000)"),
        ("About 40 thousand (40,000) residents fled the city.", "About 40 thousand (40,000)"),
    ],
)
def test_scaled_number_restated_in_digits_is_one_figure(body, text):
    records = figures_of(body)
    assert [r["text"] for r in records] == [text]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Displaced: 2.3M | In need: 4.1M | Killed: 310", [("2.3M", "displaced"), ("4.1M", "in_need"), ("310", "killed")]),
        ("Killed: 45 · Injured: 120", [("45", "killed"), ("120", "injured")]),
        ("Refugees: 80,000 | IDPs: 1.1M", [("80,000", "refugees"), ("1.1M", "displaced")]),
    ],
)
def test_label_number_cells_on_one_line_each_keep_their_label(body, expected):
    assert [(r["text"], r["metric"]) for r in figures_of(body)] == expected


def test_table_row_of_bare_cells_still_reads():
    records = figures_of("| Killed | 42 |\n| Injured | 17 |")
    assert [(r["text"], r["metric"]) for r in records] == [("42", "killed"), ("17", "injured")]


@pytest.mark.parametrize(
    "body",
    [
        "Partners supplied kits covering 3,100 births, 150 surgeries, and 90 complications.",
        "The teams provided care covering 800 consultations, 45 referrals and 30 deliveries.",
        "Mobile clinics served 1,200 patients, 300 children, and 75 pregnant women.",
    ],
)
def test_the_last_item_of_a_list_a_response_covered_is_no_figure(body):
    assert figures_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Assessors listed 29 health institutions in need of repair.",
        "Some 12 health posts were damaged by the storm.",
        "Health institutions affected: 19",
    ],
)
def test_places_of_care_counted_are_no_figures(body):
    assert figures_of(body) == []


# --- parts of a number that is no figure -------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Three mobile clinics served 310 people (190 women and 120 men).",
        "The partners assisted 95 people (60 girls, 35 boys) with psychosocial support.",
        "Some 220 households (about 1,100 people) received shelter kits.",
    ],
)
def test_bracketed_parts_of_no_figure_are_no_figures(body):
    assert figures_of(body) == []


def test_bracketed_parts_of_a_figure_stay():
    records = figures_of("The clashes killed 40 people (25 men and 15 women).")
    assert [r["text"] for r in records] == ["40", "25", "15"]


@pytest.mark.parametrize(
    "body",
    [
        "Some 3,100 schools were affected, including 90 partially damaged and 14 destroyed.",
        "The storm hit 64 health facilities, of which 20 were closed.",
        "Floods damaged 800 homes, including 120 in the capital.",
    ],
)
def test_breakdown_of_things_counted_is_no_figure(body):
    assert figures_of(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The storm destroyed 500 homes and 20 perished.", [("20", "killed")]),
        ("The attack damaged 2 ambulances and 3 were injured.", [("3", "injured")]),
        ("Rains destroyed 1,200 homes and left 3,000 homeless.", [("3,000", "displaced")]),
    ],
)
def test_people_after_things_counted_keep_their_figure(body, expected):
    assert [(r["text"], r["metric"]) for r in figures_of(body)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "Teams screened children from 6 to 59 months for malnutrition.",
        "Heavy rains in the next 2 to 3 days could worsen the flooding.",
        "Fighting over 4-5 weeks left the town cut off.",
    ],
)
def test_both_ends_of_a_span_of_time_are_no_figures(body):
    assert figures_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "About 300 people were killed in the district.\n10\n10\n5,000\nThe response continues.",
        "Displacement continues in the north.\n\n2024\n\n45\n\nMore partners are needed.",
        "Some 80 people were injured.\n12\n",
    ],
)
def test_a_number_alone_on_a_line_without_a_label_borrows_no_metric(body):
    assert [r["text"] for r in figures_of(body)] == [t for t in ("About 300", "Some 80") if t in body]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("<li>Three deaths were reported in the south.</li>", "Three"),
        ("<p>1,400 people displaced</p>", "1,400"),
        ("<td>52</td> people were injured", "52"),
    ],
)
def test_the_end_of_a_markup_tag_is_no_qualifier(body, text):
    assert only(figures_of(body), text)["qualifier"] == "exact"


@pytest.mark.parametrize(
    "body",
    [
        "Most families moved to two pre-existing displacement sites.",
        "Just 35 per cent of medical facilities in the city still operate.",
        "Engineers inspected 15 badly damaged water points and 9 collective shelters.",
    ],
)
def test_things_named_past_their_modifiers_are_no_figures(body):
    assert figures_of(body) == []


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Another 555 had left their homes since August.", "555", "displaced"),
        ("Some 12,000 people fled their homes.", "Some 12,000", "displaced"),
        ("About 60 percent of displaced people live in camps.", "About 60 percent", "displaced"),
    ],
)
def test_a_thing_named_in_the_clause_after_people_keeps_the_figure(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# An amount of money written without its currency ("a 4M allocation") is no figure.
@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Health partners were left out of the 4M allocation from the emergency fund, while 3,200 people remain displaced.", "4M"),
        ("A 2.5 million grant was approved after the floods displaced 12,000 people.", "2.5 million"),
        ("The cluster received a 750K disbursement this week; 41 people were injured in the floods.", "750K"),
    ],
)
def test_an_amount_of_money_without_its_currency_is_no_figure(body, text):
    found = [r["text"] for r in figures_of(body)]
    assert text not in found and len(found) == 1, found


# A compound number broken at a line end keeps its hyphen: "Thirty-\ntwo" is 32.
@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Thirty-\ntwo people were killed in the attack on the village.", "Thirty-\ntwo", 32),
        ("The shelling killed nine and left forty-\nfive people injured.", "forty-\nfive", 45),
        ("Some twenty-\none children were abducted from the school.", "Some twenty-\none", 21),
    ],
)
def test_a_compound_number_broken_at_a_line_end_is_one_number(body, text, value):
    assert only(figures_of(body), text)["value"] == value


# A year that opens a line before a dash or colon is no key figure.
@pytest.mark.parametrize(
    "body",
    [
        "2011 - conflict displaced people across the north\n",
        "2024: people displaced by floods in the delta\n",
        "1998 – people killed in the first war\n",
    ],
)
def test_a_year_opening_a_line_is_no_key_figure(body):
    assert figures_of(body) == []


def test_a_key_figure_and_its_label_on_one_line_is_still_read():
    assert only(figures_of("6,500: people displaced\n"), "6,500")["metric"] == "displaced"


# A scale word written once, after a range's high end, scales its low end too.
@pytest.mark.parametrize(
    ("body", "low", "high"),
    [
        ("Between 3.0 and 3.49 million people will need assistance in the lean season.", 3_000_000, 3_490_000),
        ("Some 1.2 to 1.5 million people face acute food insecurity.", 1_200_000, 1_500_000),
        ("Between 30 and 40 thousand people fled the fighting.", 30_000, 40_000),
        ("Between 300 and 2 million people were affected by the drought.", 300, 2_000_000),
    ],
)
def test_a_scale_written_once_scales_both_ends_of_a_range(body, low, high):
    [record] = figures_of(body)
    assert (record["value"], record["low"], record["high"]) == (low, low, high)
