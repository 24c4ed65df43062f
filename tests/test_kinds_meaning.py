"""What a figure counts (metric, kind) and who (population): kinds of wording of issue 14.

Each sentence is written for these tests; each kind has several, varying wording, order and
numbers. The assertions are on the extractor's real output.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import figures_of, only


def _read(body: str, text: str) -> tuple[str, str, str | None]:
    r = only(figures_of(body), text)
    return r["kind"], r["metric"], r["population"]


def _texts(body: str) -> list[str]:
    return [r["text"] for r in figures_of(body)]


# 1. Harms joined in a list are one total: affected; killing and injury alone are casualties.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Since January, some 640 people have been killed, injured or abducted across the province.", "some 640", "affected"),
        ("Militia raids left 75 residents dead, wounded or missing in two districts.", "75", "affected"),
        ("In the first half of the year 1,300 people were killed or displaced by the fighting.", "1,300", "affected"),
        ("At least 45 aid workers were killed, or wounded, during the year.", "At least 45", "casualties"),
    ],
)
def test_harms_joined_in_a_list_name_one_total(body, text, metric):
    assert _read(body, text)[1] == metric


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The number of civilians killed, maimed or abducted rose by 18 percent.", "18 percent"),
        ("People killed, injured or kidnapped in the region fell by a third over the quarter.", "a third"),
        ("Those abducted, wounded or killed increased by 25 per cent on the previous year.", "25 per cent"),
    ],
)
def test_a_change_of_a_combined_harm_is_a_change_of_affected(body, text):
    kind, metric, _ = _read(body, text)
    assert (kind, metric) == ("change", "affected")


def test_a_verb_of_the_next_number_is_not_joined_to_the_list():
    records = figures_of("Ten were killed, injured 20 others and abducted three.")
    assert only(records, "Ten")["metric"] == "killed"
    assert only(records, "20")["metric"] == "injured"


# 2. Crossing a border is refugees; shelter and being forced from home is displacement.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("More than 12,000 people crossed into Uganda over the weekend.", "More than 12,000", "refugees"),
        ("Some 7,500 villagers fled to neighbouring countries after the raids.", "Some 7,500", "refugees"),
        ("Officials counted 4,000 Congolese nationals and 1,500 Burundians crossing into Rwanda.", "4,000", "refugees"),
        ("Officials counted 4,000 Congolese nationals and 1,500 Burundians crossing into Rwanda.", "1,500", "refugees"),
        ("Around 2,300 people took shelter in schools and churches.", "Around 2,300", "displaced"),
        ("Nearly 5,000 residents were forced from their homes by the floods.", "Nearly 5,000", "displaced"),
    ],
)
def test_flight_across_a_border_and_shelter(body, text, metric):
    assert _read(body, text)[1] == metric


def test_a_registration_count_is_a_figure():
    assert _read("The agency has registered 61,000 refugees since March.", "61,000")[1] == "refugees"


# 3. Need and hardship wording.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("An estimated 7.2 million people require humanitarian assistance this year.", "An estimated 7.2 million", "in_need"),
        ("Some 1.1 million children are out of school across the north.", "Some 1.1 million", "affected"),
        ("Over 3 million people lack access to safe drinking water.", "Over 3 million", "affected"),
        ("About 430,000 children are at risk of severe wasting.", "About 430,000", "affected"),
        ("Some 2.5 million people, an increase of about five percent from the March estimate, are projected to "
         "remain in Crisis (IPC Phase 3) or worse through June.", "Some 2.5 million", "affected"),
    ],
)
def test_need_and_hardship(body, text, metric):
    assert _read(body, text)[1] == metric


def test_a_change_set_apart_in_commas_describes_the_total():
    body = ("Some 2.5 million people, an increase of about five percent from the March estimate, are projected to "
            "remain in Crisis (IPC Phase 3) or worse through June.")
    assert _read(body, "about five percent")[:2] == ("change", "affected")


def test_the_groups_a_total_includes_do_not_give_its_metric():
    body = "Some 3.4 million people including displaced persons and returnees are now food insecure."
    assert _read(body, "Some 3.4 million")[1] == "affected"


# 4. A change or share belongs to the total it is about, not the nearest keyword.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Casualties climbed to 3,200, most of them injuries, a 25 percent rise on the year before.", "25 percent", "casualties"),
        ("Deaths reached 800, many of them children, an increase of 12 percent.", "12 percent", "killed"),
        ("Arrests rose to 410, some of them of minors, up 30% on the last quarter.", "30%", "detained"),
    ],
)
def test_a_change_after_a_breakdown_is_of_the_total(body, text, metric):
    kind, got, _ = _read(body, text)
    assert (kind, got) == ("change", metric)


@pytest.mark.parametrize(
    ("body", "text", "metric", "population"),
    [
        ("Acute malnutrition fell by 30 percent to 41,000 children in the region.", "41,000", "affected", "children"),
        ("Acute malnutrition fell by 30 percent to 41,000 children in the region.", "30 percent", "affected", "children"),
        ("The province holds 40% of all IDPs in the country, reaching an estimated 500,000 individuals.",
         "an estimated 500,000", "displaced", "people"),
        ("The east now hosts a quarter of the displaced, totalling some 80,000 people.", "some 80,000", "displaced", "people"),
    ],
)
def test_a_count_gives_the_value_of_the_figure_before(body, text, metric, population):
    _, got, pop = _read(body, text)
    assert (got, pop) == (metric, population)


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Kidnappings and killings both rose: the former by 20 percent and the latter by 12 percent.", "20 percent", "abducted"),
        ("Kidnappings and killings both rose: the former by 20 percent and the latter by 12 percent.", "12 percent", "killed"),
        ("Arrests and abductions fell, the latter by 15 per cent.", "15 per cent", "abducted"),
    ],
)
def test_the_former_and_the_latter(body, text, metric):
    assert _read(body, text)[1] == metric


# 5. Counts of events are attacks; people named in a list are not.
@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The monitor logged 1,450 battles and 980 explosions in the period.", "1,450"),
        ("The monitor logged 1,450 battles and 980 explosions in the period.", "980"),
        ("Over the month there were 64 airstrikes on residential areas.", "64"),
        ("The recent rise in deaths was driven by suicide bombings, with 30 carried out since April.", "30"),
    ],
)
def test_counts_of_events_are_attacks(body, text):
    assert _read(body, text)[1] == "attacks"


@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("Gunmen killed three members of the police and seven civilians on Tuesday in attacks in the south.", "seven", "civilians"),
        ("Gunmen killed 12 soldiers and three villagers during raids on two towns.", "three", "civilians"),
        ("Fifteen of them were killed in airstrikes and two in rocket attacks.", "two", "people"),
    ],
)
def test_people_in_a_list_harmed_in_attacks_are_not_attacks(body, text, population):
    _, metric, pop = _read(body, text)
    assert (metric, pop) == ("killed", population)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The number of displaced people reached 50,000 because of renewed attacks.", "50,000"),
        ("Displacement has risen to 12,000 people due to the clashes.", "12,000"),
        ("The count of displaced persons stands at 9,400, owing to repeated raids.", "9,400"),
    ],
)
def test_a_cause_does_not_name_what_is_counted(body, text):
    assert _read(body, text)[1] == "displaced"


def test_cases_of_a_harm_count_that_harm():
    assert _read("The office documented 75 cases of abduction in the district.", "75")[1] == "abducted"
    assert _read("Investigators confirmed 137 cases of alleged summary executions in the province.", "137")[1] == "killed"
    assert _read("Clinics reported 120 cases of sexual violence in May.", "120")[1] == "affected"


# 7. A number whose fate is told later.
@pytest.mark.parametrize(
    ("body", "gone", "text", "metric"),
    [
        ("Of the 15 fishermen pulled from the water, three died in hospital.", "15", "three", "killed"),
        ("Among the 60 people taken to hospital, nine later died of their wounds.", "60", "nine", "killed"),
        ("Of the 22 miners trapped underground, four were found dead on Tuesday.", "22", "four", "killed"),
    ],
)
def test_the_fate_told_later_is_what_is_counted(body, gone, text, metric):
    assert gone not in _texts(body)
    assert _read(body, text)[1] == metric


@pytest.mark.parametrize(
    "body",
    [
        "Of the 40 hostages taken last month, 25 were released on Friday.",
        "Of the 30 people trapped in the building, 18 were rescued alive.",
        "Of the 12 passengers seized, 7 were freed after talks.",
    ],
)
def test_a_fate_that_is_no_harm_is_no_figure(body):
    released = [r for r in figures_of(body) if r["value"] in (25, 18, 7)]
    assert released == []


# 8. Ellipsis and apposition.
@pytest.mark.parametrize(
    ("body", "text", "metric", "population"),
    [
        ("The shelling killed at least 30 civilians and between 5 and 8 soldiers.", "between 5 and 8", "killed", "security_forces"),
        ("Of those wounded, 33 were children and 12 women.", "12", "injured", "women"),
        ("Of those killed, 40 were children and 25 women.", "25", "killed", "women"),
        ("Gunmen took away 19 pupils, along with two teachers.", "two", "abducted", "people"),
        ("Gunmen took away 19 pupils, along with two teachers.", "19", "abducted", "people"),
        ("The clashes left 30 civilians and 12 soldiers dead.", "30", "killed", "civilians"),
    ],
)
def test_a_verb_or_predicate_serves_every_item_of_a_list(body, text, metric, population):
    _, got, pop = _read(body, text)
    assert (got, pop) == (metric, population)


@pytest.mark.parametrize(
    ("body", "text", "metric", "population"),
    [
        ("At least 120 people died in the floods. Among them were 45 children and 20 women.", "45", "killed", "children"),
        ("At least 120 people died in the floods. Among them were 45 children and 20 women.", "20", "killed", "women"),
        ("Some 310 civilians have died since May. These included 96 children.", "96", "killed", "children"),
        ("In 2023, 540 aid workers were harmed in attacks. Among them, 60 were wounded and 41 kidnapped.", "60", "injured", "humanitarian_workers"),
    ],
)
def test_a_sentence_opening_on_the_figure_before_continues_it(body, text, metric, population):
    _, got, pop = _read(body, text)
    assert (got, pop) == (metric, population)


@pytest.mark.parametrize(
    ("body", "text", "metric", "population"),
    [
        ("At least 12 journalists were among the more than 4,000 killed since the war began.", "At least 12", "killed", "journalists"),
        ("At least 12 journalists were among the more than 4,000 killed since the war began.", "more than 4,000", "killed", "people"),
        ("One displaced woman and six returnees are among the 20 killed in the raid.", "One", "killed", "women"),
        ("Some 300 women and children were among the dead, officials said.", "Some 300", "killed", "women_children"),
    ],
)
def test_a_part_said_to_be_among_a_total_counts_its_harm(body, text, metric, population):
    _, got, pop = _read(body, text)
    assert (got, pop) == (metric, population)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The army said it lost 11 soldiers in the offensive that began in May, three of these to friendly fire.", "three"),
        ("Police lost 14 officers during the week, six of them in a single ambush.", "six"),
        ("The unit lost 9 soldiers, four of those in the first week.", "four"),
    ],
)
def test_a_count_of_these_is_a_part_of_the_count_before(body, text):
    _, metric, pop = _read(body, text)
    assert (metric, pop) == ("killed", "security_forces")


# 9. A share is not a change.
@pytest.mark.parametrize(
    ("body", "text", "metric", "population"),
    [
        ("Nearly half of those injured were children.", "Nearly half", "injured", "children"),
        ("With 900 civilians killed, half of them in air strikes, the month was the worst on record.", "half", "killed", "civilians"),
        ("Children account for 60 percent of the displaced.", "60 percent", "displaced", "children"),
        ("Women and children make up about 70 percent of the refugees in the camps.", "about 70 percent", "refugees", "women_children"),
        ("Children, accounting for over half of the displaced, are the most at risk.", "over half", "displaced", "children"),
    ],
)
def test_shares_take_the_part_they_count(body, text, metric, population):
    kind, got, pop = _read(body, text)
    assert (kind, got, pop) == ("share", metric, population)


# Who is counted.
@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("Four were wounded (a girl and three boys).", "Four", "children"),
        ("Seven people were hurt in the blast (five boys and two girls).", "Seven", "children"),
        ("Six were injured (two women and four children) when the shell landed.", "Six", "women_children"),
        ("Nine were killed (five men, two women and two children).", "Nine", "people"),
    ],
)
def test_a_bracket_of_children_makes_its_total_children(body, text, population):
    assert _read(body, text)[2] == population


@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("Three nurses and a paramedic were injured when the clinic was shelled.", "Three", "health_workers"),
        ("Two UN staff were abducted on the road to the camp.", "Two", "humanitarian_workers"),
        ("Five NGO workers were detained at a checkpoint.", "Five", "humanitarian_workers"),
        ("Eight healthcare workers were killed in the first month.", "Eight", "health_workers"),
        ("Two women police officers were killed at the station.", "Two", "security_forces"),
        ("Three female gendarmes were wounded in the ambush.", "Three", "security_forces"),
        ("A 20 percent rise in deaths of aid workers was recorded.", "20 percent", "humanitarian_workers"),
        ("Some 30 mothers were among those detained at the market.", "Some 30", "women"),
    ],
)
def test_workers_and_forces_named_at_the_number(body, text, population):
    assert _read(body, text)[2] == population


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("The number of the group's adherents could reach 8,000 individuals.", "8,000", "fighters"),
        ("Troops eliminated all five militants at the compound.", "five", "killed"),
        ("\u201cMore than ten\u201d of the attackers were \u201cneutralised\u201d, the army said.", "More than ten", "killed"),
    ],
)
def test_armed_people_are_combatants(body, text, metric):
    _, got, pop = _read(body, text)
    assert (got, pop) == (metric, "combatants")


def test_a_total_of_fighters_and_others_is_people():
    body = "The group's fighters and their families now total between 4,000 and 6,000 people in the armed camps."
    assert _read(body, "between 4,000 and 6,000")[2] == "people"


def test_a_total_is_not_coordinated_with_a_part_of_another():
    body = "Between May and July, 900 persons (700 men, 160 women and 40 children) were killed, and another 500 were injured."
    assert _read(body, "500")[2] == "people"


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The number of civilian casualties, according to the mission, reached 310.", "310"),
        ("Civilian casualties, citing hospital records, stood at 1,140 by Friday.", "1,140"),
        ("The toll of civilian casualties, according to local officials, climbed to 96.", "96"),
    ],
)
def test_a_source_aside_does_not_hide_the_metric(body, text):
    _, metric, pop = _read(body, text)
    assert (metric, pop) == ("casualties", "civilians")


def test_a_list_under_a_lead_in_takes_the_framing_of_its_paragraph():
    body = ("In the first week, civilian casualties in the region reached 150 people. Among them:\n\n"
            "- 40 were killed,\n\n- and 110 were injured.")
    records = figures_of(body)
    assert only(records, "40")["population"] == "civilians"
    assert only(records, "110")["population"] == "civilians"


@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("As for journalists, 12 were killed and 30 detained over the year.", "12", "journalists"),
        ("As for journalists, 12 were killed and 30 detained over the year.", "30", "journalists"),
        ("Among the displaced children, 40 were reported missing.", "40", "children"),
        ("As for former rebel combatants, 14 were killed in 2021 and 10 in 2022.", "14", "civilians"),
        ("As for former rebel combatants, 14 were killed in 2021 and 10 in 2022.", "10", "civilians"),
    ],
)
def test_a_topic_phrase_names_the_group_of_the_count(body, text, population):
    assert _read(body, text)[2] == population


@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("Some 60 former guerrillas were murdered after the peace deal.", "Some 60", "civilians"),
        ("In 2019, 37 social leaders were assassinated.", "37", "civilians"),
        ("At least 25 human rights defenders were killed in the first half of the year.", "At least 25", "civilians"),
    ],
)
def test_former_fighters_and_community_figures_are_civilians(body, text, population):
    _, metric, pop = _read(body, text)
    assert (metric, pop) == ("killed", population)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Investigators counted 11 massacres with 57 victims over the year.", "57"),
        ("There were 66 massacres, with 255 victims, over the period.", "255"),
        ("The report names 130 victims of the massacres in the north.", "130"),
    ],
)
def test_victims_of_killings_are_killed(body, text):
    assert _read(body, text)[1] == "killed"


def test_victims_of_other_harm_stay_affected():
    assert _read("The mission recorded 400 victims of violence in the quarter.", "400")[1] == "affected"


@pytest.mark.parametrize(
    "body",
    [
        "Civilian casualties in the week reached 90. Of them:\n-\n30 were killed,\n-\nand 60 were injured.",
        "The mission counted 90 civilian casualties in May, as follows:\n•\n30 were killed\n•\nwhile 60 were injured.",
        "In total 90 civilians were killed or injured. Among them:\n-\n30 were killed;\n-\nanother 60 were injured.",
    ],
)
def test_list_items_after_bare_marks_keep_the_lead_in(body):
    records = figures_of(body)
    assert only(records, "30")["population"] == "civilians"
    assert only(records, "60")["population"] == "civilians"


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Some 14,000 people fled the shelling in the north to seek safety in Uganda.", "Some 14,000", "refugees"),
        ("Nearly 9,000 residents fleeing the clashes have now arrived in neighbouring Niger.", "Nearly 9,000", "refugees"),
        ("An estimated 4,500 people have entered Kenya since the fighting began.", "An estimated 4,500", "refugees"),
        ("Over 6,000 people fled the town into Rwanda overnight.", "Over 6,000", "refugees"),
        ("About 2,000 families' worth of people, some 11,000, arrived in Chad this week.", "some 11,000", "refugees"),
    ],
)
def test_a_country_reached_later_in_the_clause_makes_refugees(body, text, metric):
    assert _read(body, text)[1] == metric


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Some 40,000 people fled the fighting in Sudan last month.", "Some 40,000"),
        ("About 3,000 people fled to the regional capital.", "About 3,000"),
        ("Nearly 700 people fled their homes in Mali after the raid.", "Nearly 700"),
    ],
)
def test_the_country_fled_from_does_not_make_refugees(body, text):
    assert _read(body, text)[1] == "displaced"


def test_arrival_at_a_border_or_a_hospital_is_no_flight():
    assert figures_of("About 300 people arrived at the border on Monday.") == []
    assert figures_of("Over 1,200 people arrived in hospital.") == []


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Some 4.1 million people will go hungry before the next harvest.", "Some 4.1 million"),
        ("Nearly 2 million residents do not have access to clean water.", "Nearly 2 million"),
        ("About 800,000 people face severe food shortages in the east.", "About 800,000"),
        ("The floods left more than 300,000 people without access to health care.", "more than 300,000"),
    ],
)
def test_hardship_wording_is_affected(body, text):
    assert _read(body, text)[1] == "affected"


def test_this_includes_continues_the_figure_before():
    body = "Some 9 million people are food insecure this year. This includes 2 million people in emergency conditions."
    assert _read(body, "2 million")[1] == "affected"


@pytest.mark.parametrize(
    ("body", "before", "after"),
    [
        ("Observers noted a 25 percent increase in armed clashes (160 to 200) over the half-year.", "160", "200"),
        ("Abductions saw a sharp rise (48 to 95) over the year.", "48", "95"),
        ("There was a 10 per cent drop in civilians harmed (610 to 549) since June.", "610", "549"),
    ],
)
def test_a_bracket_after_a_change_gives_its_values_not_a_range(body, before, after):
    records = figures_of(body)
    assert only(records, before)["qualifier"] == "exact"
    assert only(records, after)["qualifier"] == "exact"
    assert json.loads(only(records, before)["evidence"])["pair"] == "before"


def test_civilians_harmed_are_affected():
    body = "There was a 10 per cent drop in civilians harmed (610 to 549) since June."
    assert _read(body, "610")[1:] == ("affected", "civilians")


@pytest.mark.parametrize(
    ("body", "text", "population"),
    [
        ("At least 30 journalists were killed this year. Twelve of them died in airstrikes and four in shelling.", "Twelve", "journalists"),
        ("At least 30 journalists were killed this year. Twelve of them died in airstrikes and four in shelling.", "four", "journalists"),
        ("Some 85 aid workers were abducted in 2022. Nine of those were later killed.", "Nine", "humanitarian_workers"),
        ("In May, 40 nurses were wounded. Six of these were hurt in a single strike.", "Six", "health_workers"),
    ],
)
def test_a_count_of_them_opening_a_sentence_is_of_the_group_before(body, text, population):
    assert _read(body, text)[2] == population
