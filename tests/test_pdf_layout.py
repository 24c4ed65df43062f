"""PDF reports read as a person reads them, on PDFs the tests lay out themselves: columns, a
key-figure box, a hyphenated word, a bullet over lines, running headers and footers, a table."""

from pipeline.extraction import extract
from pipeline.readers.pdf import read
from tests.pdf_builder import column, pdf_with_layout


def read_pdf(pages, info=None):
    [doc] = read(pdf_with_layout(pages, info), "report.pdf").documents
    return doc


def figures(doc):
    records = extract(doc)
    for r in records:
        assert doc.body[r["char_start"]:r["char_end"]] == r["text"]
    return {(r["text"], r["metric"]) for r in records}, records


def test_two_columns_are_read_one_after_the_other_and_a_side_box_apart():
    page = [(60, 40, 18, "Haiti: Flash Update No. 4")]
    page += column(60, 90, ["In Jeremie, at least 40 people were", "killed by the floods in October 2025,",
                            "according to the civil protection", "directorate."])
    page += column(320, 90, ["Some 3,000 people were displaced in", "Nippes, and 90 shelters were opened",
                             "across the department."])
    page += column(320, 400, ["Next update:", "15 January 2026"], size=8, leading=10)
    doc = read_pdf([page])
    assert doc.body.split("\n\n") == [
        "Haiti: Flash Update No. 4",
        "In Jeremie, at least 40 people were killed by the floods in October 2025, according to the civil protection directorate.",
        "Some 3,000 people were displaced in Nippes, and 90 shelters were opened across the department.",
        "Next update:\n15 January 2026",
    ]
    found, records = figures(doc)
    assert {("at least 40", "killed"), ("Some 3,000", "displaced")} <= found
    killed = next(r for r in records if r["metric"] == "killed")
    assert killed["period_label"] == "2025-10"


def test_a_key_figure_box_gives_each_number_its_label():
    page = column(60, 40, ["The storm crossed the southern peninsula on 28 October 2025."])
    page += [(70, 100, 20, "43"), (240, 100, 20, "15,000"), (420, 100, 20, "2,900")]
    page += [(70, 126, 9, "people killed"), (240, 126, 9, "people displaced"), (420, 126, 9, "people injured")]
    page += column(60, 180, ["Humanitarian partners are scaling up the response."])
    doc = read_pdf([page])
    lines = doc.body.split("\n\n")
    assert lines[1:4] == ["43 people killed", "15,000 people displaced", "2,900 people injured"]
    found, _ = figures(doc)
    assert {("43", "killed"), ("15,000", "displaced"), ("2,900", "injured")} <= found


def test_a_word_hyphenated_over_two_lines_is_joined():
    page = column(60, 60, ["On 3 November 2025, at least 12 people were in-", "jured when a school collapsed in Les Cayes,",
                           "and 300 people were dis-", "placed from the Jeremie market area."])
    doc = read_pdf([page])
    assert "at least 12 people were injured when" in doc.body
    assert "300 people were displaced from" in doc.body
    found, _ = figures(doc)
    assert {("at least 12", "injured"), ("300", "displaced")} <= found


def test_a_bullet_s_wrapped_lines_are_joined_and_the_next_bullet_starts_anew():
    page = column(60, 60, ["HIGHLIGHTS"], size=12)
    page += [(60, 90, 10, "•"), (75, 90, 10, "According to the Ministry of Health, there are 13")]
    page += [(75, 102, 10, "confirmed cases of Marburg virus disease in Jinka.")]
    page += [(60, 120, 10, "•"), (75, 120, 10, "Eight people have died since the outbreak was")]
    page += [(75, 132, 10, "declared on 14 November 2025.")]
    doc = read_pdf([page])
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[1] == "• According to the Ministry of Health, there are 13 confirmed cases of Marburg virus disease in Jinka."
    assert paragraphs[2] == "• Eight people have died since the outbreak was declared on 14 November 2025."


def test_running_headers_footers_and_page_numbers_are_left_out():
    pages = []
    places = ["Jinka", "Arba Minch", "Hawassa"]
    for n in range(1, 4):
        page = [(60, 20, 8, "Ethiopia: Marburg Virus Disease Outbreak - Situation Report No. 5")]
        page += column(60, 80, [f"In {places[n - 1]}, at least {n * 10} people were reported displaced."])
        page += [(60, 800, 8, "www.example.org | Emergency response"), (520, 800, 8, f"Page {n} of 3")]
        pages.append(page)
    doc = read_pdf(pages)
    assert "Situation Report No. 5" not in doc.body and "www.example.org" not in doc.body and "of 3" not in doc.body
    assert doc.body.count("people were reported displaced") == 3


def test_a_table_is_read_row_by_row_under_its_header():
    page = column(60, 40, ["Casualties by department, as of 30 October 2025"])
    rows = [("Department", "Killed", "Injured"), ("Grand'Anse", "12", "30"), ("Sud", "8", "21"), ("Nippes", "3", "7")]
    for n, (a, b, c) in enumerate(rows):
        page += [(60, 80 + 14 * n, 10, a), (220, 80 + 14 * n, 10, b), (320, 80 + 14 * n, 10, c)]
    doc = read_pdf([page])
    assert "Department Killed Injured\nGrand'Anse 12 30\nSud 8 21\nNippes 3 7" in doc.body


def test_the_title_is_the_first_page_s_largest_text_and_the_author_is_never_a_source():
    page = [(60, 40, 22, "Hurricane Melissa"), (60, 66, 22, "Situation Report No. 2")]
    page += column(60, 120, ["At least 25 people were killed in the South department."])
    doc = read_pdf([page], {"Author": "Jane Smith", "Title": "Microsoft Word - sitrep2_final.docx"})
    assert (doc.title, doc.source) == ("Hurricane Melissa Situation Report No. 2", None)
    assert all(r["attributed_to"] != "Jane Smith" for r in extract(doc))
    doc = read_pdf([page], {"Author": "Jane Smith", "Title": "Haiti: Hurricane Melissa Situation Report 2"})
    assert (doc.title, doc.source) == ("Haiti: Hurricane Melissa Situation Report 2", None)
