"""Kinds of wording met in real text the extractor was not tuned on, one group per kind.

Each kind has sentences written for this file that vary the wording, the order and the numbers,
so that a rule fitted to one phrasing fails here. Expectations follow the record spec.
"""

from datetime import date

import pytest

from tests.conftest import figures_of, only

# 1. The predicate stands after the total's own breakdown ------------------------------------------
# "N people (a men, b women) were killed", "N including a children ... were wounded": the
# breakdown in brackets or after "including" sits between the total and the verb that says
# what it counts; the total and its parts take that verb's metric.


@pytest.mark.parametrize(
    ("body", "total", "parts", "metric"),
    [
        (
            "During the quarter, 1,212 persons (803 men, 301 women and 108 children) were killed by armed gangs.",
            "1,212", ("803", "301", "108"), "killed",
        ),
        (
            "In the north, 64 including 12 children and 9 women were wounded in the shelling of the market.",
            "64", ("12", "9"), "injured",
        ),
        (
            "Monitors say some 75 villagers – among them 31 children – were killed when the convoy was shelled.",
            "some 75", ("31",), "killed",
        ),
        (
            "Officials said another 2,340 (about 1,100 of them minors) were abducted from the camps last year.",
            "2,340", ("about 1,100",), "abducted",
        ),
    ],
)
def test_a_breakdown_between_a_total_and_its_verb_does_not_hide_the_verb(body, total, parts, metric):
    records = figures_of(body)
    assert only(records, total)["metric"] == metric
    for part in parts:
        assert only(records, part)["metric"] == metric


def test_each_total_keeps_its_own_verb_when_two_breakdowns_follow_each_other():
    records = figures_of(
        "Between 1 March and 31 May, 420 people (300 men and 120 women) were killed, and another "
        "615 (410 men and 205 women) were wounded in the fighting."
    )
    assert [only(records, t)["metric"] for t in ("420", "300", "120")] == ["killed"] * 3
    assert [only(records, t)["metric"] for t in ("615", "410", "205")] == ["injured"] * 3


# 2. Leaving home is displacement; crossing a border makes refugees --------------------------------


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Heavy shelling forced 48,500 residents to flee their homes in the valley last month.", "48,500", "displaced"),
        ("Since the fighting began, nearly 3.1 million people have been driven from their homes.", "nearly 3.1 million", "displaced"),
        ("Some 7,200 families' relatives, about 31,000 people, took shelter in schools and mosques.", "about 31,000", "displaced"),
        ("An estimated 610,000 people have left their homes across the eastern provinces.", "An estimated 610,000", "displaced"),
        ("The clashes left 12,000 villagers homeless.", "12,000", "displaced"),
        ("Over 5,000 people fled to Chad after the attack on the town.", "Over 5,000", "refugees"),
        ("In two weeks 18,400 people crossed into neighbouring countries, the agency said.", "18,400", "refugees"),
        ("Officials said about 900 civilians fled south into Kenya overnight.", "about 900", "refugees"),
        ("Up to 2,600 people have crossed the border since Friday.", "Up to 2,600", "refugees"),
        ("About 4,000 fled into the hills north of the town.", "About 4,000", "displaced"),
    ],
)
def test_leaving_home_is_displacement_and_crossing_a_border_makes_refugees(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# 3. Need and hardship wording ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Across the country, 18.2 million people require humanitarian assistance this year.", "18.2 million", "in_need"),
        ("Sixty-five percent of the people there require some kind of humanitarian help.", "Sixty-five percent", "in_need"),
        ("At least 4.5 million people are in acute humanitarian need, the plan says.", "At least 4.5 million", "in_need"),
        ("A further 2.3 million people are food insecure in the south.", "2.3 million", "affected"),
        ("Some 410,000 children under the age of five suffer from acute malnutrition.", "Some 410,000", "affected"),
        ("As many as 9 million people are starving in the besieged areas.", "As many as 9 million", "affected"),
    ],
)
def test_need_and_hardship_wording_gives_in_need_or_affected(body, text, metric):
    records = figures_of(body)
    assert only(records, text)["metric"] == metric
    assert all(r["value"] != 5 for r in records)  # "the age of five" is an age


def test_a_share_of_a_whole_population_takes_the_metric_of_the_figure_it_glosses_only():
    records = figures_of("About 3.4 million people (22% of the population) are projected to need food assistance.")
    assert only(records, "22%")["metric"] == "in_need"
    records = figures_of(
        "At least 900 civilians have been killed, more than 40,000 displaced, and over half the population is unemployed."
    )
    assert [r["text"] for r in records] == ["At least 900", "more than 40,000"]


# 4. Not figures: people a response reaches, households, a whole population ------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The agency needs US$40 million to reach 2.4 million people with food and cash.",
        "In May, 91,000 displaced people assisted with hot meals in the camps.",
        "Partners targeted 350,000 people in need for water trucking.",
        "Some 14,000 households fled the floods along the river.",
        "Displaced families: 61,250",
        "The district, whose population is estimated at about 1.9 million, hosts most of the displaced.",
    ],
)
def test_people_reached_households_and_whole_populations_are_not_figures(body):
    assert figures_of(body) == []


def test_a_toll_that_reached_a_number_is_still_a_figure():
    assert only(figures_of("The death toll has reached 4,120 since the war began."), "4,120")["metric"] == "killed"


# 5. Number forms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "kind", "value"),
    [
        ("Half a million people have fled the city since March.", "Half a million", "count", 500_000),
        ("A quarter of a million people remain displaced.", "A quarter of a million", "count", 250_000),
        ("One-third of the displaced are children.", "One-third", "share", 100 / 3),
        ("Roughly 1 in 8 residents has been displaced by the fighting.", "Roughly 1 in 8", "share", 12.5),
    ],
)
def test_fractions_of_scales_and_one_in_n(body, text, kind, value):
    figure = only(figures_of(body), text)
    assert (figure["kind"], figure["value"]) == (kind, pytest.approx(value, abs=1e-3))


# 6. Who is counted: a word naming no group takes the framing of its sentence, paragraph, list or title


@pytest.mark.parametrize(
    ("body", "title", "text", "population"),
    [
        # the sentence frames it
        ("Civilian deaths fell to 310 while the count of people injured climbed to 644.", None, "644", "civilians"),
        # the paragraph's first sentence frames it
        (
            "Civilian casualties rose sharply in the province in May. In one attack, 23 people were killed and 41 others wounded.",
            None, "23", "civilians",
        ),
        # the title frames it
        ("Officials said 58 persons were killed in the shelling of the market.", "Civilian deaths mount in the east", "58", "civilians"),
        # a list's lead-in frames its items
        ("The mission recorded 1,190 civilian casualties in the quarter:\n- 402 were killed,\n- 788 were injured.", None, "402", "civilians"),
        # a framing of killing does not cover displacement
        ("Civilian deaths rose again. About 12,000 people were displaced by the fighting.", None, "About 12,000", "people"),
        # civilians inside a mixed total frame nothing: the total is people
        ("The death toll reached 61 on Friday, including dozens of civilians, officials said.", None, "61", "people"),
        ("The attacks caused more than 900 deaths, of which about half were civilians.", None, "more than 900", "people"),
    ],
)
def test_people_take_the_framing_of_their_sentence_paragraph_list_or_title(body, title, text, population):
    assert only(figures_of(body, title=title), text)["population"] == population


def test_a_share_glossing_a_count_counts_the_same_group():
    records = figures_of("The toll is at least 410, among them 265 civilians (65 per cent of all deaths) and 40 fighters.")
    assert only(records, "65 per cent")["population"] == "civilians"


# 7. Armed people named at a number: fighters, unless a harm word tells their fate ---------------


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Around 35 gunmen stormed the market at dawn, residents said.", "Around 35", "fighters"),
        ("At least 12 people, including at least five militants, were killed in the raid.", "at least five", "killed"),
        ("The army said 27 insurgents had been killed and 9 others wounded near the border.", "27", "killed"),
        ("Police said 14 attackers were arrested after the assault on the camp.", "14", "detained"),
        ("More than ten of the assailants were neutralised, the ministry said.", "More than ten", "killed"),
    ],
)
def test_armed_people_count_fighters_unless_a_harm_word_tells_their_fate(body, text, metric):
    figure = only(figures_of(body), text)
    assert (figure["metric"], figure["population"]) == (metric, "combatants")


# 8. Ellipsis and apposition: the items of a list after a total share its metric -----------------


@pytest.mark.parametrize(
    ("body", "items"),
    [
        (
            "Officials put the death toll at 48 — 30 civilians, 11 police officers and seven gunmen.",
            {"30": ("killed", "civilians"), "11": ("killed", "security_forces"), "seven": ("killed", "combatants")},
        ),
        (
            "Twenty-six aid workers were confirmed dead: 19 nationals, four Kenyans and three Britons.",
            {"19": ("killed", "humanitarian_workers"), "four": ("killed", "humanitarian_workers")},
        ),
        (
            "Among the wounded were 64 soldiers, 23 civilians and five militants.",
            {"64": ("injured", "security_forces"), "23": ("injured", "civilians"), "five": ("injured", "combatants")},
        ),
    ],
)
def test_the_items_of_a_list_after_a_total_share_its_metric(body, items):
    records = figures_of(body)
    for text, (metric, population) in items.items():
        figure = only(records, text)
        assert (figure["metric"], figure["population"]) == (metric, population), text


def test_ages_in_a_breakdown_are_not_counts():
    records = figures_of("The four children – a boy aged seven and three girls aged two and five – were killed.")
    assert sorted(r["text"] for r in records) == ["four", "three"]


# 9. Relative periods: weekdays, windows back, starts of a span -------------------------------------


@pytest.mark.parametrize(
    ("body", "published", "text", "period"),
    [
        # a weekday: the latest such day on or before the document date
        ("An airstrike killed at least 9 civilians on Thursday in the north.", date(2023, 5, 6), "at least 9", ("2023-05-04", "2023-05-04")),
        ("On Sunday, 14 people were wounded when a mortar hit the market.", date(2022, 3, 9), "14", ("2022-03-06", "2022-03-06")),
        ("Gunmen killed 6 villagers on Monday, the governor said.", date(2021, 11, 15), "6", ("2021-11-15", "2021-11-15")),
        # a window back from the document date
        ("In the past month, 2,400 people were displaced by the floods.", date(2024, 3, 20), "2,400", ("2024-02-20", "2024-03-20")),
        ("Over the past year, at least 310 aid workers were killed.", date(2024, 8, 19), "at least 310", ("2023-08-19", "2024-08-19")),
        # the start of a span, up to the document date
        ("Fighting has displaced some 87,000 people since the start of the year.", date(2025, 2, 3), "some 87,000", ("2025-01-01", "2025-02-03")),
        ("The number of people who have fled since mid-June is now 1.3 million.", date(2023, 9, 1), "1.3 million", ("2023-06-15", "2023-09-01")),
        ("Some 4,100 people have been killed since fighting began in February.", date(2023, 7, 1), "Some 4,100", ("2023-02-01", "2023-07-01")),
        # a day without a year that would fall after the document date is last year's
        ("More than 9,000 people have been killed since 27 December.", date(2009, 1, 14), "More than 9,000", ("2008-12-27", "2009-01-14")),
    ],
)
def test_relative_periods_resolve_against_the_document_date(body, published, text, period):
    figure = only(figures_of(body, published=published), text)
    assert (figure["period_start"], figure["period_end"]) == period


def test_a_weekday_after_a_speech_verb_dates_the_statement_not_the_figure():
    figure = only(figures_of("About 40,000 people remain displaced, the agency said on Friday.", published=date(2024, 6, 8)), "About 40,000")
    assert (figure["period_start"], figure["period_end"]) == (None, None)


# 10. A body named in full with its acronym in brackets is credited by the acronym -----------------


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The Centre for Monitoring Armed Violence (CMAV) recorded 412 civilian deaths in the quarter.", "CMAV"),
        ("According to the Network for Rights Defenders (NRD), 57 activists were detained in March.", "NRD"),
        ("A report by the Lagos-based Institute for Peace and Conflict Research (IPCR) said 96 people were abducted.", "IPCR"),
    ],
)
def test_a_body_named_with_its_acronym_is_credited_by_the_acronym(body, source):
    records = figures_of(body)
    assert records and all(r["attributed_to"] == source for r in records)


# 11. Counts of events in lists are attacks -------------------------------------------------------


def test_counts_of_battles_clashes_and_massacres_are_attacks():
    records = figures_of("In the quarter the monitor logged 1,150 battles, 830 clashes between militias and 17 massacres.")
    assert [(r["text"], r["metric"]) for r in records] == [("1,150", "attacks"), ("830", "attacks"), ("17", "attacks")]


# 12. Not figures: averages and rates, the days of a date range, objects counted with "of", ordinals


@pytest.mark.parametrize(
    "body",
    [
        "On average, 17 civilians were killed and 52 injured per week in the region.",
        "The violence killed an average of 9 people in each attack.",
        "Hospitals received some 40 wounded a day during the siege.",
        "Medics said 12 people were injured daily in the shelling.",
        "The truce held from 3 to 5 May across the province.",
        "Fighting paused between 21 and 23 August in the old city.",
        "Shelling damaged 14 of the district's 30 clinics.",
        "A fourth civilian was killed on the same road later that night.",
    ],
)
def test_averages_rates_date_range_days_objects_and_ordinals_are_not_figures(body):
    assert figures_of(body) == []


def test_a_span_of_time_is_not_a_rate():
    assert only(figures_of("More than 800 people were displaced in just a week."), "More than 800")["metric"] == "displaced"


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("The operation ended in the assassination of 11 community leaders.", "11", "killed"),
        ("Armed men were kidnapping dozens of travellers on the highway.", "dozens", "abducted"),
        ("Police confirmed the capture of 6 suspects after the raid.", "6", "detained"),
        ("In 2023, 37 activists were assassinated in the region.", "37", "killed"),
    ],
)
def test_harm_nouns_and_verbs_before_a_number_name_its_metric(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# 13. Health care named as what was attacked or harmed: health workers ----------------------------


@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("The agency verified 118 attacks on health care in the first quarter.", "118", "health_workers"),
        ("Officials counted 41 strikes against hospitals and clinics since January.", "41", "health_workers"),
        ("Within the health sector, 27 were killed and 64 injured in October.", "27", "health_workers"),
        ("The toll on the health workforce has reached 310 killed.", "310", "health_workers"),
        # attacks on something else frame nothing
        ("The agency verified 118 attacks on schools in the first quarter.", "118", "people"),
    ],
)
def test_health_care_named_as_attacked_or_harmed_frames_health_workers(body, text, population):
    assert only(figures_of(body), text)["population"] == population
