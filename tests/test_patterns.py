"""One small test per reported-figure pattern, each on a sentence written for this file.

Expectations follow the conventions of the record schema (bounds by qualifier, vague amounts, signed
changes, shares of a whole). A pattern the extractor does not meet yet keeps its test, marked
``pytest.mark.xfail(strict=True)`` with what it gets instead, so the gap stays visible and the
suite notices when it closes.
"""

from datetime import date

import pytest

from tests.conftest import figures_of, only

DOC_DATE = date(2021, 8, 12)  # the default publication date of conftest.document


# 1. Number forms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Across the three provinces, 816 000 people were displaced in 2022.", "816 000", 816_000),
        ("Aid agencies say 1.2 million people are in need of food assistance in the region.", "1.2 million", 1_200_000),
        ("Ten thousand people fled the fighting along the river valley.", "Ten thousand", 10_000),
        ("Four civilians were killed when the market in Dawra was shelled.", "Four", 4),
        ("The patrol log lists 02 soldiers killed near the checkpoint.", "02", 2),
        ("The clashes displaced 5,1100 people from the hill villages.", "5,1100", 51_100),
    ],
)
def test_number_forms_are_read_as_one_exact_count(body, text, value):
    records = figures_of(body)
    assert len(records) == 1, [r["text"] for r in records]
    figure = only(records, text)
    assert (figure["kind"], figure["value"], figure["qualifier"]) == ("count", value, "exact")
    assert (figure["low"], figure["high"]) == (value, value)


# 2. Ranges and vague amounts ------------------------------------------------------------------------


def test_ranges_keep_both_ends_and_value_is_the_low_end():
    records = figures_of(
        "Officials estimate that 4,000 to 6,000 people fled Lakeside district. "
        "Between 150 and 220 civilians were abducted from the camps. "
        "At the northern checkpoint, 3-5 aid workers were detained last week."
    )
    for text, low, high, metric in (
        ("4,000 to 6,000", 4_000, 6_000, "displaced"),
        ("Between 150 and 220", 150, 220, "abducted"),
        ("3-5", 3, 5, "detained"),
    ):
        figure = only(records, text)
        assert (figure["qualifier"], figure["value"], figure["low"], figure["high"]) == ("range", low, low, high)
        assert figure["metric"] == metric


def test_a_range_written_backwards_is_two_numbers_not_a_range():
    records = figures_of("Between 70 and 9 fighters were captured near the dam, the officer said.")
    assert [r for r in records if r["qualifier"] == "range"] == []
    assert all(r["low"] is None or r["low"] <= r["value"] for r in records)
    assert all(r["high"] is None or r["value"] <= r["high"] for r in records)


def test_vague_amounts_are_at_least_lower_bounds():
    records = figures_of(
        "Dozens of people were injured in the stampede. Tens of thousands of people were displaced by the floods "
        "and the fighting. Millions of people are in need of humanitarian assistance."
    )
    for text, value, metric in (
        ("Dozens", 24, "injured"),
        ("Tens of thousands", 20_000, "displaced"),
        ("Millions", 2_000_000, "in_need"),
    ):
        figure = only(records, text)
        assert (figure["qualifier"], figure["value"], figure["low"], figure["high"]) == ("at_least", value, value, None)
        assert figure["metric"] == metric


# 3. Changes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value", "metric"),
    [
        ("Civilian casualties increased by 47 per cent in 2021.", "47 per cent", 47, "casualties"),
        ("Displacement in the eastern districts rose 47% in March 2023.", "47%", 47, "displaced"),
        ("The number of people killed was up 22 percent in 2019.", "22 percent", 22, "killed"),
        ("Detentions of journalists surged 30% after the elections.", "30%", 30, "detained"),
        ("Civilian casualties decreased by 35 per cent in 2021.", "35 per cent", -35, "casualties"),
        ("Abductions dropped 14% in the second half of 2020.", "14%", -14, "abducted"),
        ("Injuries among civilians were down 9 percent in 2020.", "9 percent", -9, "injured"),
        ("Civilian deaths declined by 27% in 2022.", "27%", -27, "killed"),
        ("Civilian casualties fell 40% in April 2022.", "40%", -40, "casualties"),
        ("Attacks on health workers dipped 6% in July 2021.", "6%", -6, "attacks"),
        ("Civilian casualties fell sharply (-61%) in 2020.", "-61%", -61, "casualties"),
    ],
)
def test_percent_changes_are_signed_by_their_direction_word(body, text, value, metric):
    figure = only(figures_of(body), text)
    assert (figure["kind"], figure["value"], figure["metric"]) == ("change", value, metric)


def test_signed_percent_without_direction_word_is_a_change():
    figure = only(figures_of("The number of displaced people changed by -61% in 2020."), "-61%")
    assert (figure["kind"], figure["value"]) == ("change", -61)


def test_multipliers_are_changes_in_percent():
    records = figures_of(
        "The number of refugees in the camps doubled in 2022. Abductions of civilians tripled in 2021. "
        "Attacks on health workers rose tenfold in 2020. Civilian deaths halved in 2023."
    )
    for text, value, metric in (
        ("doubled", 100, "refugees"),
        ("tripled", 200, "abducted"),
        ("tenfold", 900, "attacks"),
        ("halved", -50, "killed"),
    ):
        figure = only(records, text)
        assert (figure["kind"], figure["value"], figure["metric"]) == ("change", value, metric)


def test_fractions_are_changes_in_percent():
    records = figures_of("Displacement was up by a third in 2022. Civilian casualties dropped to a sixth in 2021.")
    up = only(records, "a third")
    assert up["kind"] == "change" and up["value"] == pytest.approx(33.3, abs=0.05)
    down = only(records, "a sixth")
    assert down["kind"] == "change" and down["value"] == pytest.approx(-83.3, abs=0.05)


def test_fraction_change_takes_period_and_comparison_from_the_right_years():
    figure = only(figures_of("Civilian casualties dropped to a sixth of the 2019 total in 2021."), "a sixth")
    assert (figure["period_start"], figure["period_end"]) == ("2021-01-01", "2021-12-31")
    assert (figure["comparison_start"], figure["comparison_end"]) == ("2019-01-01", "2019-12-31")
    # the year of the total it is a part or a multiple of is the comparison, wherever it stands
    times = only(figures_of("Abductions in 2023 were three times the 2018 level."), "three times")
    assert (times["period_start"], times["comparison_start"]) == ("2023-01-01", "2018-01-01")
    half = only(figures_of("In 2022, killings of aid workers fell to half the 2017 figure."), "half")
    assert (half["period_start"], half["comparison_start"]) == ("2022-01-01", "2017-01-01")


def test_multiplier_with_target_count_keeps_the_year_as_its_period():
    figure = only(figures_of("The number of displaced people doubled to 40,000 in 2022."), "doubled")
    assert (figure["period_start"], figure["period_end"]) == ("2022-01-01", "2022-12-31")
    assert figure["comparison_start"] is None


# 4. Comparison periods -----------------------------------------------------------------------------


def test_same_period_in_an_earlier_year():
    figure = only(
        figures_of("Civilian casualties in the first half of 2021 rose 18% compared with the same period in 2020."),
        "18%",
    )
    assert (figure["period_start"], figure["period_end"]) == ("2021-01-01", "2021-06-30")
    assert (figure["comparison_start"], figure["comparison_end"]) == ("2020-01-01", "2020-06-30")


def test_same_period_against_a_relative_reference_period():
    figure = only(figures_of("So far this year, civilian casualties were up 18% on the same period in 2020."), "18%")
    assert (figure["period_start"], figure["period_end"]) == ("2021-01-01", "2021-08-12")
    assert (figure["comparison_start"], figure["comparison_end"]) == ("2020-01-01", "2020-08-12")


def test_last_year_as_comparison_uses_the_document_date():
    figure = only(
        figures_of(
            "In 2021, displacement in the province rose 25% compared with last year.", published=date(2021, 12, 20)
        ),
        "25%",
    )
    assert (figure["comparison_start"], figure["comparison_end"]) == ("2020-01-01", "2020-12-31")


def test_quarter_comparisons_named_and_previous():
    named = only(figures_of("Abductions fell 11% in Q3 2020 compared with Q2 2020."), "11%")
    assert (named["period_start"], named["period_end"]) == ("2020-07-01", "2020-09-30")
    assert (named["comparison_start"], named["comparison_end"]) == ("2020-04-01", "2020-06-30")
    previous = only(figures_of("Attacks on health workers rose 8% in Q3 2020 compared to the previous quarter."), "8%")
    assert (previous["comparison_start"], previous["comparison_end"]) == ("2020-04-01", "2020-06-30")


def test_a_change_between_two_values_takes_their_periods():
    records = figures_of("Recorded abductions rose 40% to 84 in Q2 2022, from 60 during Q1 2022.")
    change = only(records, "40%")
    assert (change["period_start"], change["period_end"]) == ("2022-04-01", "2022-06-30")
    assert (change["comparison_start"], change["comparison_end"]) == ("2022-01-01", "2022-03-31")
    assert [only(records, v)["period_start"] for v in ("84", "60")] == ["2022-04-01", "2022-01-01"]
    # the value it went to dates the change; a compared period is not that value's
    named = only(figures_of("Abductions fell 10% to 54 in May 2022 compared with April."), "10%")
    assert (named["period_start"], named["comparison_start"]) == ("2022-05-01", "2022-04-01")
    stated = only(figures_of("In 2022 abductions fell 10% to 54 compared with 2021."), "10%")
    assert (stated["period_start"], stated["comparison_start"]) == ("2022-01-01", "2021-01-01")


def test_from_month_is_the_month_before_the_period():
    explicit = only(figures_of("Civilian casualties rose 12% in December 2022 from November."), "12%")
    assert (explicit["period_start"], explicit["period_end"]) == ("2022-12-01", "2022-12-31")
    assert (explicit["comparison_start"], explicit["comparison_end"]) == ("2022-11-01", "2022-11-30")
    relative = only(figures_of("Displacement rose 12% in December from November.", published=date(2023, 1, 10)), "12%")
    assert (relative["period_start"], relative["comparison_start"]) == ("2022-12-01", "2022-11-01")


def test_previous_quarter_relative_to_the_document_date():
    figure = only(figures_of("Abductions fell 11% this quarter compared to the previous quarter."), "11%")
    assert (figure["comparison_start"], figure["comparison_end"]) == ("2021-04-01", "2021-06-30")


def test_quarter_without_year_takes_the_document_year():
    figure = only(figures_of("In the second quarter, abductions fell 11% compared with Q2 2020."), "11%")
    assert (figure["period_start"], figure["period_end"]) == ("2021-04-01", "2021-06-30")
    assert (figure["comparison_start"], figure["comparison_end"]) == ("2020-04-01", "2020-06-30")


# 5. Before/after pairs -----------------------------------------------------------------------------


def test_from_to_pair_gives_two_counts():
    records = figures_of("The number of abducted civilians fell from 507 to 202.")
    before, after = only(records, "507"), only(records, "202")
    assert (before["kind"], before["value"], after["kind"], after["value"]) == ("count", 507, "count", 202)
    assert before["metric"] == after["metric"] == "abducted"
    assert before["population"] == after["population"] == "civilians"


def test_from_to_pair_takes_each_side_its_own_period():
    records = figures_of("Detentions of journalists rose from 14 in March 2023 to 29 in April 2023.")
    before, after = only(records, "14"), only(records, "29")
    assert (before["period_start"], before["period_end"]) == ("2023-03-01", "2023-03-31")
    assert (after["period_start"], after["period_end"]) == ("2023-04-01", "2023-04-30")
    assert before["metric"] == after["metric"] == "detained"
    assert before["population"] == after["population"] == "journalists"


# 6. Shares -----------------------------------------------------------------------------------------


def test_share_of_casualties_that_were_women_and_children():
    figure = only(figures_of("In 2022, 46 per cent of civilian casualties were women and children."), "46 per cent")
    assert (figure["kind"], figure["value"], figure["metric"], figure["population"]) == (
        "share",
        46,
        "casualties",
        "women_children",
    )


def test_share_in_a_following_sentence_refers_to_the_count_before():
    records = figures_of("The mission documented 880 civilian casualties in Ituri. Thirty-two percent were children.")
    figure = only(records, "Thirty-two percent")
    assert (figure["kind"], figure["value"], figure["metric"], figure["population"]) == (
        "share",
        32,
        "casualties",
        "children",
    )


def test_more_than_half_is_an_at_least_share():
    figure = only(figures_of("Of the 1,300 people displaced, more than half were children."), "more than half")
    assert (figure["kind"], figure["value"], figure["qualifier"], figure["low"], figure["high"]) == (
        "share",
        50,
        "at_least",
        50,
        None,
    )
    assert (figure["metric"], figure["population"]) == ("displaced", "children")
    victims = only(figures_of("More than half of the victims were women."), "More than half")
    assert (victims["kind"], victims["qualifier"], victims["low"], victims["population"]) == (
        "share",
        "at_least",
        50,
        "women",
    )


def test_one_in_five_with_singular_complement():
    figure = only(figures_of("One in five people killed was a child."), "One in five")
    assert (figure["kind"], figure["value"], figure["metric"], figure["population"]) == (
        "share",
        20,
        "killed",
        "children",
    )


# 7. Breakdowns -------------------------------------------------------------------------------------


def test_breakdown_of_casualties_into_killed_and_injured():
    records = figures_of("In 2020 the mission recorded 5,183 civilian casualties (1,659 killed and 3,524 injured).")
    total, killed, injured = (only(records, t) for t in ("5,183", "1,659", "3,524"))
    assert (total["metric"], total["population"], total["parent_figure_id"]) == ("casualties", "civilians", None)
    assert (killed["metric"], injured["metric"]) == ("killed", "injured")
    assert killed["parent_figure_id"] == injured["parent_figure_id"] == total["figure_id"]


def test_including_clause_parts_have_their_population():
    records = figures_of("At least 1,020 civilians were injured, including 475 children and 246 women.")
    total, children, women = (only(records, t) for t in ("At least 1,020", "475", "246"))
    assert (children["metric"], children["population"]) == ("injured", "children")
    assert (women["metric"], women["population"]) == ("injured", "women")
    assert children["parent_figure_id"] == women["parent_figure_id"] == total["figure_id"]


def test_parenthesised_breakdown_by_sex_and_age():
    records = figures_of("The attacks left 227 people killed (31 men, 25 women, 40 boys and 19 girls).")
    total = only(records, "227")
    assert total["metric"] == "killed"
    for text, population in (("31", "men"), ("25", "women"), ("40", "boys"), ("19", "girls")):
        part = only(records, text)
        assert (part["metric"], part["population"]) == ("killed", population)
        assert part["parent_figure_id"] == total["figure_id"]


# 8. Metric from grammar ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "metric", "population"),
    [
        ("The monitors said 1,659 of those killed were civilians.", "1,659", "killed", "civilians"),
        (
            "In the two provinces, 84 people lost their lives or were injured during the fighting.",
            "84",
            "casualties",
            None,
        ),
        ("Local sources said 19 villagers were martyred in the shelling.", "19", "killed", None),
        ("The army said 63 members of armed groups were killed in the operation.", "63", "killed", "combatants"),
        ("Some 2,300 fighters and family members left the enclave under the deal.", "Some 2,300", "fighters", None),
    ],
)
def test_metric_and_population_follow_the_grammar(body, text, metric, population):
    figure = only(figures_of(body), text)
    assert figure["metric"] == metric
    if population is not None:
        assert figure["population"] == population


def test_killings_noun_is_the_killed_metric():
    figure = only(figures_of("Killings of civilians rose by 27% in 2022."), "27%")
    assert (figure["kind"], figure["value"], figure["metric"], figure["population"]) == (
        "change",
        27,
        "killed",
        "civilians",
    )


# 9. Reference periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "start", "end"),
    [
        ("In 2020, 412 civilians were killed in the province.", "412", "2020-01-01", "2020-12-31"),
        ("During January-June 2018, 3,100 people were displaced.", "3,100", "2018-01-01", "2018-06-30"),
        ("In the first half of 2021, 950 civilians were injured.", "950", "2021-01-01", "2021-06-30"),
        ("Between 1 January and 30 June 2021, 77 aid workers were detained.", "77", "2021-01-01", "2021-06-30"),
        ("Last year 640 civilians were abducted.", "640", "2020-01-01", "2020-12-31"),
        ("This month 58 people have been injured.", "58", "2021-08-01", "2021-08-12"),
        ("In the past week, 1,900 people were displaced by the fighting.", "1,900", "2021-08-05", "2021-08-12"),
        ("Since May, 310 civilians have been killed.", "310", "2021-05-01", "2021-08-12"),
    ],
)
def test_reference_periods(body, text, start, end):
    figure = only(figures_of(body, published=DOC_DATE), text)
    assert (figure["period_start"], figure["period_end"]) == (start, end)


def test_over_the_past_week_is_a_relative_period():
    figure = only(figures_of("Over the past week, 1,900 people were displaced by the fighting."), "1,900")
    assert (figure["period_start"], figure["period_end"]) == ("2021-08-05", "2021-08-12")


def test_midyear_update_covers_january_to_june_of_the_document_year():
    figure = only(figures_of("The midyear update counted 4,400 refugees.", published=date(2022, 7, 30)), "4,400")
    assert (figure["period_start"], figure["period_end"]) == ("2022-01-01", "2022-06-30")


@pytest.mark.parametrize(
    "body",
    [
        "Since May, 310 civilians have been killed.",
        "This month 58 people have been injured.",
        "Last year 640 civilians were abducted.",
    ],
)
def test_relative_period_without_document_date_is_unknown(body):
    (figure,) = figures_of(body, published=None)
    assert (figure["period_start"], figure["period_end"], figure["period_label"]) == (None, None, None)


# 10. Attribution -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "source"),
    [
        ("According to the UN Refugee Agency, 38,000 refugees arrived in the camps in June 2022.", "38,000", "UNHCR"),
        ("The World Health Organization said 26 health workers were killed in attacks on clinics.", "26", "WHO"),
        (
            "The Office for the Coordination of Humanitarian Affairs stated that 2.4 million people are in need.",
            "2.4 million",
            "OCHA",
        ),
        ("The UNHCR report found 41,500 refugees in the northern camps.", "41,500", "UNHCR"),
        ("The Norwegian Refugee Council said 5,000 people were displaced.", "5,000", "Norwegian Refugee Council"),
        ("Maria Lopez said 23 civilians were killed in the landslide-hit villages.", "23", "Maria Lopez"),
    ],
)
def test_attribution(body, text, source):
    assert only(figures_of(body), text)["attributed_to"] == source


def test_attribution_to_a_person_with_an_appositive_role():
    body = "Maria Lopez, a spokesperson for the provincial police, said 23 civilians were killed."
    assert only(figures_of(body), "23")["attributed_to"] == "Maria Lopez"


# 11. Places ----------------------------------------------------------------------------------------


def test_country_from_its_name():
    figure = only(figures_of("In Yemen, 37 civilians were injured in airstrikes on the coast."), "37")
    assert figure["country"] == "YEM"


def test_country_from_a_demonym():
    figure = only(figures_of("Somali officials said 45 people were killed in the bombing."), "45")
    assert figure["country"] == "SOM"


def test_city_gives_its_place_and_country():
    figure = only(figures_of("Overnight shelling in Kharkiv injured 18 civilians."), "18")
    assert "Kharkiv" in figure["places"]
    assert figure["country"] == "UKR"


def test_city_at_the_start_of_a_sentence():
    figure = only(figures_of("In Kharkiv, 18 civilians were injured by shelling."), "18")
    assert "Kharkiv" in figure["places"]
    assert figure["country"] == "UKR"


def test_a_title_names_the_place_of_figures_that_name_none():
    body = "Fighting in the district displaced 2,300 people in Afghanistan this week."
    figure = only(figures_of(body, title="Kunduz Flash Update No. 4"), "2,300")
    assert figure["places"] == ["Kunduz"]
    # a place of another country in the title is not the document's
    elsewhere = only(figures_of(body, title="Lyon Donors Conference: Flash Update"), "2,300")
    assert elsewhere["places"] == []


# 12. Not figures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Civilians were killed in 2019 when the market was shelled.",
        "Civilians were killed in the attack on 3 March 2022.",
        "Civilians were injured at 10:30 when the shell hit the market.",
        "The appeal for displaced people seeks $25 million.",
        "The 2nd attack on displaced people occurred in the camp.",
        "Children under 5 were injured in the blast.",
        "A 12-year-old was killed in the blast.",
        "Shelling damaged 4 hospitals where injured civilians were treated.",
        "12 trucks carrying aid for displaced people were looted.",
        "Relatives of people killed can call +93 20 210 1234.",
        "Relatives of missing people can call 0799 123 456.",
        "Shelling continued and many were killed among civilians.12 Aid agencies withdrew.",
        "Civilians were injured in the attack on 3/3/2022.",
    ],
)
def test_not_figures(body):
    assert figures_of(body) == [], [r["text"] for r in figures_of(body)]
