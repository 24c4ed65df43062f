"""Kinds of wording met in real situation reports, flash updates and key-figure boxes, each
written here in sentences of the tests' own (no report's words, names or numbers)."""

from tests.conftest import figures_of, only


def _rows(body: str) -> list[tuple[str, float, str | None]]:
    return [(r["text"], r["value"], r["metric"]) for r in figures_of(body)]


# --- a key-figure box whose labels carry a year ---------------------------------------------


def test_key_figure_labels_with_a_year_still_label_their_numbers():
    body = "KEY FIGURES\n\n64K\n\nPeople displaced by the fighting since March 2023\n\n9.5K\n\nPeople still displaced in the east since 2019"
    assert _rows(body) == [("64K", 64_000, "displaced"), ("9.5K", 9_500, "displaced")]


def test_key_figure_box_without_blank_lines_and_a_year_in_one_label():
    body = "Key figures\n2.3M\nPeople in need of humanitarian assistance in 2024\n410K\nInternally displaced people"
    assert _rows(body) == [("2.3M", 2_300_000, "in_need"), ("410K", 410_000, "displaced")]


def test_key_figure_first_number_after_a_heading_is_not_lost():
    body = "AT A GLANCE\n\n1.1M\n\nPeople displaced by floods since July 2022\n\n27\n\nPeople killed by the floods"
    records = figures_of(body)
    assert only(records, "1.1M")["metric"] == "displaced"
    assert only(records, "27")["metric"] == "killed"


def test_a_line_with_numbers_besides_a_year_is_no_label():
    # the line after the number states figures of its own; it does not name what 15 counts
    body = "Summary\n15\nIn 2021, 300 people were killed and 1,200 displaced"
    assert "15" not in [r["text"] for r in figures_of(body)]


# --- a fact sheet's box: each key figure with its source tag on the line under it -----------


def test_source_tag_under_a_long_key_figure_line_credits_and_dates_that_figure():
    body = (
        "NUMBERS AT A GLANCE\n"
        "2.8 MILLION Estimated Number of Internally Displaced Persons in the Country\n"
        "IOM – March 2023\n"
        "640,000 Estimated Number of Refugees Hosted in Neighbouring Countries\n"
        "UNHCR – May 2023\n"
    )
    records = figures_of(body)
    idps, refugees = only(records, "2.8 MILLION"), only(records, "640,000")
    assert (idps["attributed_to"], idps["period_start"], idps["period_end"]) == ("IOM", "2023-03-01", "2023-03-31")
    assert (refugees["attributed_to"], refugees["period_start"]) == ("UNHCR", "2023-05-01")


def test_a_box_source_line_is_not_the_documents_header():
    # "UN – ..." under the first key figure names a figure's source, not the document's author
    body = (
        "SITUATION AT A GLANCE\n"
        "31.6 MILLION Estimated Population of the Country\n"
        "UN – January 2024\n"
        "7.4 MILLION Estimated Number of People in Need of Humanitarian Assistance\n"
        "UN – January 2024\n"
        "1.9 MILLION Estimated Number of IDPs in the Country\n"
        "IOM – February 2024\n"
        "Floods since early June have killed at least 58 people, according to the UN.\n"
    )
    records = figures_of(body)
    assert only(records, "at least 58")["attributed_to"] == "United Nations"
    assert only(records, "7.4 MILLION")["attributed_to"] == "United Nations"
    assert only(records, "1.9 MILLION")["attributed_to"] == "IOM"


def test_a_dated_header_line_still_names_the_documents_author():
    body = "OCHA Flash Update\n\nClashes since Monday have displaced some 12,000 people in the north."
    assert only(figures_of(body), "some 12,000")["attributed_to"] == "OCHA"


def test_a_prose_line_followed_by_a_source_like_line_is_not_joined():
    # only a line that opens with a key figure takes the tag under it
    body = "Summary of the week\nWHO – June 2024\nAt least 40 cholera deaths were recorded in the week."
    assert only(figures_of(body), "At least 40")["metric"] == "killed"


# --- sibling bullets of a highlights list: each item's places are its own -------------------


def test_a_bullet_does_not_pass_its_province_to_the_next_bullet():
    body = (
        "HIGHLIGHTS\n-\nFighting in Kandahar has displaced about 8,000 people since May.\n-\n"
        "Floods have affected some 23,000 people in four districts across the country.\n"
    )
    records = figures_of(body)
    assert only(records, "about 8,000")["places"] == ["Kandahar"]
    assert only(records, "some 23,000")["places"] == []


def test_text_after_a_list_does_not_take_the_last_bullets_place():
    body = (
        "Key points\n\n• Clashes in Herat displaced 4,200 people.\n\n• In Kunduz, 310 people were injured.\n\n"
        "Overall, more than 2.1 million people need humanitarian assistance this year.\n"
    )
    records = figures_of(body)
    assert only(records, "310")["places"] == ["Kunduz"]
    assert only(records, "more than 2.1 million")["places"] == []


def test_a_place_named_before_the_list_still_reaches_its_items():
    body = (
        "In Nangarhar province, the week brought new needs:\n\n"
        "- 1,500 people were displaced by the floods\n\n- 12 people were killed\n"
    )
    records = figures_of(body)
    assert only(records, "1,500")["places"] == only(records, "12")["places"]


def test_a_bullets_speaker_does_not_credit_the_next_bullets():
    body = (
        "HIGHLIGHTS\n\n• WFP said it needs US$40 million to feed people through the lean season.\n\n"
        "• Floods since August have affected about 91,000 people in the south.\n"
    )
    assert only(figures_of(body), "about 91,000")["attributed_to"] is None


def test_a_bullets_own_speaker_still_credits_its_figure():
    body = (
        "Key messages\n\n- At least 62 people died of cholera this month, WHO said.\n\n"
        "- Some 15,000 people fled their villages after the attacks.\n"
    )
    records = figures_of(body)
    assert only(records, "At least 62")["attributed_to"] == "WHO"
    assert only(records, "Some 15,000")["attributed_to"] is None


def test_a_speaker_named_before_the_list_reaches_its_items():
    body = (
        "UNICEF said on Tuesday that the situation had worsened:\n\n"
        "- 48 children were killed in the province\n\n- 120 schools were closed\n"
    )
    assert only(figures_of(body), "48")["attributed_to"] == "UNICEF"
