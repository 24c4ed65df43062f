"""Counts in agencies' reports that are no figure, one group per kind (`extraction.not_figures`).

A figure counts people harmed or in need. Situation reports and flash updates also count the
people a response served, buildings, staff, places surveyed, the parts of a method and the items
of a list; each kind has sentences written for this file that vary wording, order and numbers,
and next to them the real figures the same words must leave alone.
"""

from __future__ import annotations

import pytest

from tests.conftest import figures_of, only


def texts(body: str) -> list[str]:
    return [r["text"] for r in figures_of(body)]


def assert_not_figure(body: str, text: str) -> None:
    found = texts(body)
    assert text not in found, f"{text!r} read as a figure in {found}"


# 1. People reached, treated, screened or served by a response ---------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Mobile health teams reached 4,150 displaced people with primary care in the first week.", "4,150"),
        ("Nutrition partners treated 312 children for severe acute malnutrition in October.", "312"),
        ("Since the floods began, 9,870 flood-displaced people were screened for cholera at the camps.", "9,870"),
        ("The two clinics delivered maternal health services to 2,604 women displaced by the storm.", "2,604"),
        ("Volunteers held awareness sessions with 1,120 community members affected by the earthquake.", "1,120"),
        ("The outreach team referred 57 emergency cases to the district hospital.", "57"),
        ("A total of 830 displaced people – including 41 pregnant women – received psychosocial services.", "830"),
    ],
)
def test_people_a_response_served_are_not_figures(body, text):
    assert_not_figure(body, text)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Some 6,400 children aged 6 to 59 months with severe wasting (SAM) were treated in the centres.", "Some 6,400"),
        ("More than 2,700 patients received treatment at the mobile clinics.", "More than 2,700"),
        ("In all, 51,000 children from six months to five years had been screened in the campaign.", "51,000"),
    ],
)
def test_people_served_after_a_long_noun_phrase_are_not_figures(body, text):
    assert_not_figure(body, text)


@pytest.mark.parametrize(
    ("body", "texts_out"),
    [
        ("Three mobile clinics in the camps served 388 people (201 women and 187 men).", {"388", "201", "187"}),
        ("Of the 90,000 people in need, only 8,300 (9.2 percent) were reached in the first round.", {"8,300", "9.2 percent"}),
        ("Three reading clubs were run for the benefit of 340 pupils hit by the storm.", {"340"}),
    ],
)
def test_asides_and_beneficiaries_of_a_response_are_not_figures(body, texts_out):
    assert not texts_out & set(texts(body))


def test_the_parts_of_people_served_are_not_figures_either():
    found = texts("The clinic provided care to 640 people displaced by the fighting, including 75 pregnant women and 12 newborns.")
    assert not {"640", "75", "12"} & set(found)


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("The death toll has reached 1,340, the ministry said on Sunday.", "1,340", "killed"),
        ("The number of displaced people reached 62,000 by the end of the week.", "62,000", "displaced"),
        ("Four fresh measles cases were found in the transit camp and treated by the mobile clinic.", "Four", "affected"),
        ("At least 30 people were wounded and treated in the regional hospital.", "At least 30", "injured"),
        ("By Friday, 21 cases had been confirmed, with nine deaths and two patients receiving treatment.", "21", "affected"),
    ],
)
def test_a_toll_that_reached_a_number_and_harm_that_was_treated_stay_figures(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# 12. Targets and results in indicator tables ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("No. of people reached with hygiene messages 48,300", "48,300"),
        ("Number of children screened for malnutrition: 12,750", "12,750"),
        ("People reached with mental health support 2,210", "2,210"),
    ],
)
def test_indicator_rows_of_people_reached_are_not_figures(body, text):
    assert_not_figure(body, text)


# 2. Buildings and structures as people ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Some 2,870 schools were affected, including 96 partially damaged and 14 destroyed.", "96"),
        ("Some 2,870 schools were affected, including 96 partially damaged and 14 destroyed.", "14"),
        ("About 88,000 houses were hit by the storm, with 3,450 of these completely destroyed.", "3,450"),
        ("Authorities report 12,300 homes flooded, 7,800 homes badly damaged and 960 totally destroyed.", "960"),
    ],
)
def test_buildings_counted_by_their_damage_are_not_people(body, text):
    assert_not_figure(body, text)


# 3. Age ranges and spans of time --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Some 4,900 children aged 6 to 59 months were found acutely malnourished.", "6"),
        ("In all, 3,120 children from 5 to 59 months were found with acute malnutrition.", "5"),
        ("Patients need follow-up for 1 to 3 months after discharge, and 45 people died.", "1"),
        ("Girls between 2 and 5 years old are the most exposed, and 14 people were injured.", "2"),
    ],
)
def test_the_first_number_of_an_age_or_span_is_not_a_figure(body, text):
    assert_not_figure(body, text)


# 4. Staff deployed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Two nurses and a psychologist were deployed to the clinic in the camp.", "Two"),
        ("Sessions were run for displaced children, involving a counsellor and three facilitators to identify people in need.", "three"),
        ("The society mobilized 45 volunteers and four technicians to support the response.", "45"),
    ],
)
def test_staff_a_response_deploys_are_not_figures(body, text):
    assert_not_figure(body, text)


def test_health_workers_harmed_are_still_figures():
    records = figures_of("Three nurses were killed and two doctors injured when the clinic was shelled.")
    assert only(records, "Three")["metric"] == "killed"


# 5. Document and goal numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("For earlier figures, see Situation Report #7 on the response.", "7"),
        ("The plan serves Sustainable Development Goal 3, Good Health, in the region.", "3"),
        ("As stated in Flash Update No. 6, partners are scaling up.", "6"),
        ("The programme supports Sustainable Development Goal 2, Zero Hunger, in the affected regions.", "Zero"),
    ],
)
def test_numbers_of_documents_and_goals_are_not_figures(body, text):
    assert_not_figure(body, text)


# 6. List item numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Groups most at risk:\n\n1. Children under five.\n\n2. Older people living alone.\n\n3. Internally displaced persons in crowded sites.",
        "Priorities:\n\n4. Displaced families without shelter.\n\n5. People with disabilities.",
        "Risks:\n\n2) Refugees in transit.\n\n3) Injured people awaiting surgery.",
    ],
)
def test_the_numbers_of_list_items_are_not_figures(body):
    assert texts(body) == []


# 7. Shares of places, services or areas -------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("In the assessment, 38% of surveyed villages reported cases of early marriage.", "38%"),
        ("Some 52% of clinics now charge fees for basic care.", "52%"),
        ("Nearly 70% of the province remains without electricity after the storm.", "Nearly 70%"),
        ("Child malnutrition was reported in over half of the affected localities.", "over half"),
    ],
)
def test_shares_of_places_and_services_are_not_figures(body, text):
    assert_not_figure(body, text)


def test_a_share_of_households_or_of_the_population_is_still_a_figure():
    records = figures_of("In the worst-hit communes, 48% of households face severe hunger.")
    assert only(records, "48%")["metric"] == "affected"


# 8. Other objects -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Engineers say six water points were repaired in the affected communes.", "six"),
        ("Despite the fighting, three flight routes were kept open for aid.", "three"),
        ("The distribution of 25 inter-agency reproductive health (IARH) kits is underway in affected areas.", "25"),
        ("Supplies reached the municipalities of the five affected provinces.", "five"),
        ("The survey identified 38 health institutions that require support after the floods.", "38"),
    ],
)
def test_counts_of_things_are_not_figures(body, text):
    assert_not_figure(body, text)


def test_school_children_are_people():
    records = figures_of("Some 40 displaced school children were injured when the roof collapsed.")
    assert only(records, "Some 40")["metric"]


# 9. Method percentages and criteria counts ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The agency checks a random sample (12%) of lists; a list passes if 85% meet the criteria.", "12%"),
        ("The agency checks a random sample (12%) of lists; a list passes if 85% meet the criteria.", "85%"),
        ("Displaced households must meet at least one of four criteria to be enrolled.", "at least one"),
        ("Eligibility requires two shock-related criteria and three vulnerability criteria for displaced families.", "three"),
        ("Aid is counted as significant (defined by at least 30 percent of affected households receiving it).", "at least 30 percent"),
        ("Without aid, these districts would probably fall at least one IPC Phase lower.", "at least one"),
    ],
)
def test_the_numbers_of_a_method_are_not_figures(body, text):
    assert_not_figure(body, text)


# 10. Index scores -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Household diets have deteriorated, and poor Food Consumption Scores are up across the valley.", "Scores"),
        ("After the floods the coping index rose by 18% among the affected.", "18%"),
        ("Consultations show 31.5% proportional morbidity attributed to malaria among the affected.", "31.5%"),
    ],
)
def test_index_scores_are_not_figures(body, text):
    assert_not_figure(body, text)


def test_scores_of_people_is_still_a_vague_amount():
    assert only(figures_of("Scores of villagers were killed in the raid."), "Scores")["metric"] == "killed"


# 11. Intentions read as displacement ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Since the storm, 58% of households say they intend to migrate.", "58%"),
        ("Over 35% of households in the flooded villages say they want to move away.", "Over 35%"),
        ("About a third of respondents are considering moving to the capital.", "a third"),
    ],
)
def test_intentions_to_move_are_not_displacement(body, text):
    assert_not_figure(body, text)


def test_displaced_people_who_intend_to_return_are_still_displaced():
    records = figures_of("Some 12,000 displaced people who intend to return remain in camps.")
    assert only(records, "Some 12,000")["metric"] == "displaced"


# "reaching N" after a comma says what an earlier figure amounts to: a figure, not people served


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("The eastern province now hosts 40% of the country's internally displaced people, reaching some 310,000 people.", "some 310,000", "displaced"),
        ("Displacement in the district rose by a fifth over the month, reaching 73,500 people.", "73,500", "displaced"),
        ("Since March the number of people displaced by the fighting has tripled, reaching nearly 95,000.", "nearly 95,000", "displaced"),
    ],
)
def test_reaching_an_amount_after_a_figure_is_still_a_figure(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


def test_a_team_reaching_people_after_a_figure_is_still_people_served():
    body = "Floods displaced 12,000 people this week; mobile teams reached 3,400 of them with clean water."
    assert "12,000" in texts(body)
    assert_not_figure(body, "3,400")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The gendarmerie lost 9 officers in the raid on the checkpoint.", "9"),
        ("Two clinics lost 4 nurses when the convoy was shelled.", "4"),
        ("The health ministry has lost 23 doctors since the fighting began.", "23"),
    ],
)
def test_staff_an_attack_cost_are_still_figures(body, text):
    assert only(figures_of(body), text)["metric"] == "killed"


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Across the region, 41 were abducted and 17 detained during the past year.", "17", "detained"),
        ("In the camps 8 died and 25 injured over the last month.", "25", "injured"),
        ("Police said 6 killed and 19 wounded over the weekend.", "19", "injured"),
    ],
)
def test_a_harm_participle_after_the_number_is_people_not_things(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Around 1,900 Sudanese refugees reached the border town over the weekend.", "Around 1,900", "refugees"),
        ("Last month 640 displaced families' children and 2,750 displaced people reached Kismayo.", "2,750", "displaced"),
        ("More than 5,000 refugees have reached safety in the neighbouring country.", "More than 5,000", "refugees"),
    ],
)
def test_people_who_reached_a_place_arrived_and_are_still_figures(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# A label and a colon before a figure ("Flash Update: 12 killed") name no document number.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("Flash Update: 12 people were killed in the clashes near the market.", "12", "killed"),
        ("Report: 30 civilians were injured when the bus hit a mine.", "30", "injured"),
        ("Highlights. 2,300 people were displaced by the floods this week.", "2,300", "displaced"),
    ],
)
def test_a_label_before_a_colon_is_no_document_number(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric


# A harm or need nearer the number than a response verb says what the number counts.
@pytest.mark.parametrize(
    ("body", "text", "metric"),
    [
        ("The agency had assisted 12,700 people by June, after the floods displaced 30,000.", "30,000", "displaced"),
        ("Teams treated 85 patients on Monday while the shelling killed 14 more.", "14", "killed"),
        ("Partners supported 900 families in May, when fighting displaced another 4,600.", "4,600", "displaced"),
    ],
)
def test_a_harm_nearer_the_number_than_a_response_verb_counts_it(body, text, metric):
    assert only(figures_of(body), text)["metric"] == metric
