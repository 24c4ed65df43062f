"""The extractor on sentences written for these tests, one pattern each."""

from datetime import date

from tests.conftest import figures_of, only


def test_breakdown_parts_have_their_own_metric_and_a_parent():
    records = figures_of("The mission counted 2,410 civilian casualties (802 killed and 1,608 injured) in 2019.")
    total, killed, injured = (only(records, t) for t in ("2,410", "802", "1,608"))
    assert (total["metric"], total["population"]) == ("casualties", "civilians")
    assert (killed["metric"], injured["metric"]) == ("killed", "injured")
    assert killed["population"] == injured["population"] == "civilians"
    assert killed["parent_figure_id"] == injured["parent_figure_id"] == total["figure_id"]
    assert total["period_label"] == "2019"


def test_qualifiers_and_bounds_follow_the_spec_table():
    records = figures_of(
        "Roughly 700 people fled. More than 90 villagers were killed. Nearly 40 were injured. "
        "Between 300 and 450 fighters took part. Dozens of civilians were abducted."
    )
    about = only(records, "Roughly 700")
    assert (about["qualifier"], about["low"], about["high"]) == ("approximately", None, None)
    over = only(records, "More than 90")
    assert (over["qualifier"], over["low"], over["high"]) == ("at_least", 90, None)
    nearly = only(records, "Nearly 40")
    assert (nearly["qualifier"], nearly["low"], nearly["high"]) == ("at_most", None, 40)
    span = only(records, "Between 300 and 450")
    assert (span["qualifier"], span["value"], span["low"], span["high"]) == ("range", 300, 300, 450)
    vague = only(records, "Dozens")
    assert (vague["qualifier"], vague["value"], vague["low"], vague["metric"]) == ("at_least", 24, 24, "abducted")


def test_percent_change_with_direction_and_comparison_period():
    records = figures_of(
        "Civilian deaths fell by 12 per cent in the second quarter of 2022 compared with the first quarter of 2022."
    )
    change = only(records, "12 per cent")
    assert (change["kind"], change["value"], change["metric"]) == ("change", -12, "killed")
    assert (change["period_start"], change["period_end"]) == ("2022-04-01", "2022-06-30")
    assert (change["comparison_start"], change["comparison_end"]) == ("2022-01-01", "2022-03-31")


def test_same_period_comparison_is_the_reference_moved_to_that_year():
    records = figures_of("In the first half of 2020 the monitors recorded 620 civilian casualties, a 9% rise on the same period in 2019.")
    change = only(records, "9%")
    assert change["value"] == 9
    assert (change["comparison_start"], change["comparison_end"]) == ("2019-01-01", "2019-06-30")


def test_multipliers_and_fractions_as_changes():
    records = figures_of("Displacement in the district doubled in March 2023. Arrests fell to a quarter of the earlier level.")
    assert only(records, "doubled")["value"] == 100
    assert only(records, "doubled")["metric"] == "displaced"
    assert only(records, "a quarter")["value"] == -75


def test_shares_name_the_part_counted():
    records = figures_of("Of the 410 people killed, 38 percent were children.")
    share = only(records, "38 percent")
    assert (share["kind"], share["value"], share["population"]) == ("share", 38, "children")


def test_metric_from_grammar_not_nearest_keyword():
    records = figures_of("Officials said 312 of those killed were women.")
    part = only(records, "312")
    assert (part["metric"], part["population"]) == ("killed", "women")
    records = figures_of("The death toll has reached 1,450 people.")
    assert only(records, "1,450")["metric"] == "killed"


def test_before_and_after_pair_take_their_own_periods():
    records = figures_of("Child casualties fell from 61 in January 2022 to 35 in February 2022.")
    before, after = only(records, "61"), only(records, "35")
    assert before["period_label"] == "2022-01" and after["period_label"] == "2022-02"
    assert before["metric"] == after["metric"] == "casualties"
    assert before["population"] == after["population"] == "children"


def test_attribution_to_bodies_and_people():
    records = figures_of("According to the UN Refugee Agency, 52,000 refugees crossed the border.")
    assert only(records, "52,000")["attributed_to"] == "UNHCR"
    records = figures_of("Health official Amina Yusuf said 17 people were injured in the blast.")
    assert only(records, "17")["attributed_to"] == "Amina Yusuf"


def test_country_and_places():
    records = figures_of("In Yemen, 14 civilians were killed in Taiz and Hodeidah last week.")
    figure = only(records, "14")
    assert figure["country"] == "YEM"
    assert set(figure["places"]) >= {"Taiz", "Hodeidah"}
    assert (figure["period_start"], figure["period_end"]) == ("2021-08-05", "2021-08-12")


def test_not_figures_years_dates_money_times_ages_objects():
    body = (
        "On 3 March 2022 at 10:30, a convoy of 12 trucks reached 4 hospitals; the appeal sought $25 million "
        "for children under 5 and the 2nd phase, Resolution 2231 and page 17."
    )
    assert figures_of(body) == []


def test_relative_period_needs_a_document_date():
    records = figures_of("Last year 230 civilians were killed.", published=None)
    assert only(records, "230")["period_start"] is None


def test_spans_index_the_body_exactly():
    body = "Roughly 700 people fled; 81 were injured, up 20 percent on 2021."
    for r in figures_of(body):
        assert body[r["char_start"] : r["char_end"]] == r["text"]


def test_document_date_resolves_midyear_report():
    records = figures_of("The midyear report found 1,200 civilian casualties.", published=date(2023, 7, 20))
    assert only(records, "1,200")["period_label"] == "2023-H1"
