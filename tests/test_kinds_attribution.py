"""Who said it: kinds of wording that name, or do not name, the source of a figure.

Every sentence is written for these tests; names of bodies come from `data/sources.yaml`.
"""

from __future__ import annotations

from tests.conftest import figures_of, only


def source(body: str, text: str, **kwargs) -> str | None:
    return only(figures_of(body, **kwargs), text)["attributed_to"]


# A speaker described by what it is, not by name: a role, an office, the media.
def test_a_role_or_a_body_described_is_the_speaker():
    assert source("Gunmen killed 11 villagers in the north on Sunday, the state governor said.", "11") == "state governor"
    assert source("At least 23 people died in the flooding, local media reported.", "At least 23") == "local media"
    assert source("The army has admitted that its drone strike killed 9 civilians.", "9") == "army"
    assert source("Medics said 31 people were wounded in the shelling.", "31") == "Medics"
    assert source("The interior ministry announced that 140 suspects had been detained.", "140") == "interior ministry"


def test_a_bare_role_after_according_to_is_the_speaker():
    assert source("According to local sources, 16 fishermen were abducted from the lake shore.", "16") == "local sources"
    assert source("Nine traders were kidnapped on the highway, according to witnesses.", "Nine") == "witnesses"
    assert source("Some 400 families fled and 12 people were killed, according to community leaders.", "12") == "community leaders"


def test_a_role_followed_by_what_it_does_is_still_the_speaker():
    assert source("A committee appointed to investigate the fire reported that 58 workers died.", "58") == "committee"
    assert source("A local official who asked not to be named said about 2,500 people fled the town.", "about 2,500") == "local official"
    body = "Officials in the provincial health department said 19 patients were killed when the clinic was shelled."
    assert source(body, "19") == "provincial health department"


def test_the_body_a_spokesman_speaks_for():
    assert source("Six guards were killed, a spokesman for the army said.", "Six") == "army"
    assert source("A spokeswoman for the regional government said 44 people were injured.", "44") == "regional government"
    # a name before the role wins
    assert source("Amal Haddad, a spokeswoman for the regional government, said 44 people were injured.", "44") == "Amal Haddad"


# A fragment of a sentence ("When I", "If we") is no speaker: the document's source stands.
def test_a_sentence_fragment_is_never_a_speaker():
    title = "UNICEF press briefing on the crisis"
    assert source("When I visited the camps, I said that 40,000 children are out of school.", "40,000", title=title) == "UNICEF"
    assert source("If we look at the north alone, we found that 7,500 children were displaced.", "7,500", title=title) == "UNICEF"
    assert source("As I told you, some 900 schools were attacked and 61 teachers killed.", "61", title=title) == "UNICEF"


# A verb after an article is an adjective; a passive verb names no one.
def test_an_estimated_or_a_reported_number_names_no_speaker():
    title = "IOM Displacement Update"
    assert source("The district hosts an estimated 38,000 displaced people.", "an estimated 38,000", title=title) == "IOM"
    assert source("The district hosts 38,000 displaced people, reaching an estimated 21 percent of its residents.", "an estimated 21 percent", title=title) == "IOM"
    assert source("Some 85 deaths were reported in the district last month.", "Some 85") is None


# A dateline names the publisher, not the source.
def test_a_dateline_names_no_source():
    assert source("NAIROBI (Reuters) - At least 14 people were killed when gunmen attacked a bus, the regional police commander said.", "At least 14") == "regional police commander"
    assert source("GOMA, Oct 3 (AFP) - The army said on Monday that 27 rebels had been killed.", "27") == "army"
    assert source("DAKAR, Senegal (AP) - Flooding has displaced 6,000 people, the civil protection agency said.", "6,000") == "civil protection agency"


# "the mission", "the agency", "the minister": the speaker named before whose names hold it.
def test_a_body_referred_to_by_what_it_is_is_the_body_named_before():
    body = (
        "The UN Mission in South Sudan published its quarterly brief on Monday.\n\n"
        '"Violence must stop," said Jane Okello, the head of the office.\n\n'
        "The mission reported that 45 civilians were killed between April and June."
    )
    assert source(body, "45") == "UNMISS"
    body = (
        "The UN refugee agency warned of a new exodus.\n\n"
        '"The camps are full," said Peter Lang, a spokesman.\n\n'
        "The agency said 12,000 refugees had crossed the border in May."
    )
    assert source(body, "12,000") == "UNHCR"
    body = (
        "The country's Minister of Health reported that 230 health workers were injured.\n\n"
        "The minister also noted that 18 ambulances were hit and 7 paramedics killed."
    )
    assert source(body, "7").endswith("Minister of Health")


def test_the_rights_group_after_its_verb_is_the_body_named_before():
    body = (
        "Attacks rose sharply this year, according to Human Rights Watch.\n\n"
        '"Forty civilians were killed since January," says the rights group.'
    )
    assert source(body, "Forty") == "Human Rights Watch"
    body = "Amnesty International published new figures.\n\n\"At least 75 people were executed,\" said the organisation."
    assert source(body, "At least 75") == "Amnesty International"
    body = 'Médecins Sans Frontières said its clinic was hit.\n\n"We treated 310 wounded in one week," the charity said.'
    assert source(body, "310") == "MSF"


# A quotation that opens a paragraph: its speaker, named where it closes, speaks every sentence in it.
def test_a_quotation_is_spoken_by_whom_its_close_names():
    body = (
        "Gunmen raided a village on Tuesday, the police said.\n\n"
        '"They abducted 33 people. Four of them were killed," Ali Musa, a district official, told reporters.'
    )
    assert source(body, "33") == "Ali Musa"
    body = (
        "The storm hit the coast overnight.\n\n"
        '"We have found 21 bodies so far. Another 40 people are missing," the mayor said.'
    )
    assert source(body, "21") == "mayor"
    body = (
        "Fighting resumed on Friday.\n\n"
        "\u201cMore than 600 families have arrived. Another 2,900 people were displaced this week,\u201d said a camp manager."
    )
    assert source(body, "2,900") == "camp manager"


# A body written out in full, or its acronym at the end of a bracket after it.
def test_a_body_named_in_full_is_the_speaker():
    assert source("The Provincial Disaster Management Committee said 12 people were killed in the floods.", "12") == "Provincial Disaster Management Committee"
    assert source("The Lakeside Institute for Peace Studies reported that 37 activists were killed in 2021.", "37") == "Lakeside Institute for Peace Studies"
    body = "According to the Centre for Conflict Monitoring (Centro de Monitoreo de Conflictos, CMC), 52 community leaders were killed in 2022."
    assert source(body, "52") == "CMC"


# Titles: a broad "UN" is the one UN body the document names; title words are no body.
def test_a_broad_un_title_is_the_one_un_body_the_text_names():
    title = "Hundreds killed in the east, UN says"
    body = "The UN human rights office said it had documented the deaths of 480 civilians since May."
    assert source(body, "480", title=title) == "OHCHR"
    body = "Some 2,000 civilians were killed this year.\n\nThe UN refugee agency said new arrivals were rising."
    assert source(body, "Some 2,000", title=title) == "UNHCR"
    body = "Some 2,000 civilians were killed this year.\n\nBoth the UN refugee agency and the UN Children's Fund warned of hunger."
    assert source(body, "Some 2,000", title=title) == "United Nations"


def test_words_of_a_title_are_no_body():
    body = "About 12,000 people were displaced by floods in the first week of May."
    assert source(body, "About 12,000", title="Chad - Monthly Update - March 2019") is None
    assert source(body, "About 12,000", title="Sudan: Weekly Snapshot (7 May 2024)") is None
    assert source(body, "About 12,000", title="Niger: Flash Update No. 2 (OCHA)") == "OCHA"


# The speaker nearest before the number reports it; "a report seen by X" was not written by X.
def test_the_innermost_speaker_reports_the_figure():
    body = "The human rights office said it had reviewed a report by the regional police, which said that 64 prisoners had died."
    assert source(body, "64") == "regional police"
    body = "The mission said on Monday it had received figures from the health ministry, which recorded 118 deaths."
    assert source(body, "118") == "health ministry"
    body = "UNICEF said 80 children were killed, the agency's spokesman told reporters."
    assert source(body, "80") == "UNICEF"


def test_who_saw_a_report_did_not_write_it():
    body = "Some 90,000 people have been displaced, according to a report seen by journalists on Monday."
    assert source(body, "Some 90,000") is None
    body = "Some 310 teachers were killed, according to a document obtained by the BBC."
    assert source(body, "Some 310") is None
    body = "Some 310 teachers were killed, according to a report by the education ministry seen by reporters."
    assert source(body, "Some 310") == "education ministry"


def test_put_the_toll_at_names_the_speaker():
    assert source("The health ministry put the death toll at 212 on Thursday.", "212") == "health ministry"
    assert source("Local officials put the number of injured at 57.", "57") == "Local officials"
    assert source("The president put the toll at 19 dead.", "19") == "president"


def test_a_state_speaks_by_its_name():
    assert source("Chad says its troops killed 40 fighters near the lake.", "40") == "Chad"
    assert source("Earlier on Sunday, Peru said 17 people had died in the landslide.", "17") == "Peru"
    assert source("Kenya said on Friday that 8 soldiers were wounded.", "8") == "Kenya"


# Sources a report weighed ("credible sources") are its inputs: the report speaks.
def test_credible_sources_leave_the_report_as_the_source():
    title = "OHCHR report on detentions"
    assert source("Credible sources verified that 1,200 people were detained.", "1,200", title=title) == "OHCHR"
    assert source("Citing reliable sources, the report said 340 people died in custody.", "340", title=title) == "OHCHR"
    assert source("Multiple sources confirmed that 95 detainees were released.", "95", title=title) == "OHCHR"


def test_initial_reports_from_a_role_name_it():
    body = "The tally came after initial reports from a security source that 150 students were abducted."
    assert source(body, "150") == "security source"
    body = "Reports from local officials said 26 houses burned and 3 people died."
    assert source(body, "3") == "local officials"
    body = "Early reports from residents put the number of dead at 14."
    assert source(body, "14") == "residents"


# An agency's own report: a known body in its header block credits the figures no one else is credited with.
def test_a_body_in_the_header_block_is_the_source_of_its_report():
    body = "UNHCR Operational Update\nChad, 3 March\n\nSome 14,000 refugees arrived in the eastern camps during February."
    assert source(body, "Some 14,000", title=None) == "UNHCR"
    body = "Flash Update No. 4 | OCHA\n\nAbout 52,000 people were displaced by the fighting over the weekend."
    assert source(body, "About 52,000", title=None) == "OCHA"
    # a first line that is a sentence is no header
    body = "Fighting displaced about 52,000 people, a report by the WFP found.\n\nSome 3,100 more were displaced on Monday."
    assert source(body, "Some 3,100", title=None) != "OCHA"


def test_a_pronoun_body_matches_whole_words_of_a_name():
    # "the UN" is not the International Organization for Migration because "nation" is in "international"
    body = (
        "Some 8,000 people fled to the coast, according to the International Organization for Migration.\n\n"
        "Fighting has displaced 90,000 more people, the UN reports."
    )
    assert source(body, "90,000") == "United Nations"
    body = "The International Organization for Migration said 8,000 people fled.\n\nThe organization said 1,200 more people were displaced."
    assert source(body, "1,200") == "IOM"
    body = "The World Food Programme said 8,000 people fled.\n\nThe agency said 1,200 more people were displaced."
    assert source(body, "1,200") == "WFP"


# A role in the UN at large, in the report of one UN body, is that body.
def test_a_un_role_in_one_un_bodys_report_is_that_body():
    title = "UNMISS brief on violence against civilians"
    assert source("At least 210 civilians were killed in the quarter, a UN spokesperson said.", "At least 210", title=title) == "UNMISS"
    assert source("U.N. investigators said they had recorded 95 killings in the county.", "95", title=title) == "UNMISS"
    # with no UN body named, the role stands
    assert source("U.N. investigators said they had recorded 95 killings in the county.", "95") == "U.N. investigators"


# A body or person by one name before its verb: "Hamas said", "the Taliban said".
def test_a_single_name_before_the_verb_is_the_speaker():
    assert source("The Taliban said 40 soldiers were killed in the raid.", "40") == "Taliban"
    assert source("Hezbollah said 6 of its fighters were killed.", "6") == "Hezbollah"
    assert source("Rescue workers pulled 30 bodies from the rubble, civil defence said.", "30") == "civil defence"
    # a word that opens a sentence is no name
    assert source("Meanwhile, 14 people were injured when a bus overturned.", "14") is None


# Two speakers in one sentence: each figure is the one whose verb opens its clause.
def test_two_speakers_in_one_sentence_each_state_their_own_figure():
    body = "Residents said 45 people were killed, while the army said the toll was 12."
    records = figures_of(body)
    assert only(records, "45")["attributed_to"] == "Residents"
    assert only(records, "12")["attributed_to"] == "army"
    body = "The ministry reported 230 injured, but local doctors said 410 were wounded."
    records = figures_of(body)
    assert only(records, "230")["attributed_to"] == "ministry"
    assert only(records, "410")["attributed_to"] == "local doctors"
    # a speaker after its figure keeps the sentence's reading
    body = "At least 18 people died, the police said, and 7 were injured."
    assert only(figures_of(body), "7")["attributed_to"] == "police"


def test_he_or_she_is_the_latest_person_who_spoke():
    body = (
        "Governor Amina Sule said 16 people were killed in the floods.\n\n"
        "Earlier, emergency services said 40 homes were destroyed and 9 people injured.\n\n"
        "As many as 25 people are missing, she added."
    )
    assert source(body, "As many as 25") == "Amina Sule"
    body = "Dr Omar Haddad said 60 patients were treated.\n\nThe hospital said 4 people died.\n\nAnother 11 were wounded, he said."
    assert source(body, "11") == "Omar Haddad"
    body = "Relief workers said 300 families fled.\n\nThe agency said 2,000 people were displaced.\n\nSome 500 more fled, they said."
    assert source(body, "Some 500") == "agency"


# A byline ("By Jane Doe") names the article's author, who states no figure of her own.
def test_a_byline_names_no_source():
    assert source("By Tomas Reyes\nSoldiers said 12 villagers were killed in the raid.", "12") == "Soldiers"
    assert source("By Amina Farouk and Lee Chen\n\nAt least 30 people were killed when the boat capsized, rescuers said.", "At least 30") == "rescuers"
    assert source("Flood death toll rises By Grace Otieno 45 people have died since Monday, the county commissioner said.", "45") == "county commissioner"
