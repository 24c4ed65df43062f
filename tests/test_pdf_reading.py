"""PDF reading on layouts the earlier tests miss, on PDFs laid out here: justified columns closer
than a font size apart, narrow columns of prose side by side (an infographic's panels), and
dashes and hyphens that end a line."""

import pytest

from pipeline.extraction import extract
from pipeline.readers.pdf import read
from tests.pdf_builder import column, helvetica_width, justified, pdf_with_layout


def read_pdf(pages):
    [doc] = read(pdf_with_layout(pages), "report.pdf").documents
    return doc


def wrap(text, width, size):
    """`text` broken into lines no wider than `width` points in Helvetica at `size`."""
    lines, line = [], []
    for word in text.split():
        if line and helvetica_width(" ".join([*line, word]), size) > width:
            lines.append(" ".join(line))
            line = []
        line.append(word)
    return [*lines, " ".join(line)]


LEFT = ("Flooding in the lowland districts worsened during the second week, and the water rose above the "
        "level of the previous season in most of the river valley, cutting the main road for four days. At "
        "least 31 people were killed in the valley, most of them when their houses collapsed during the night.")
RIGHT = ("Local authorities opened schools and churches as collective shelters for families whose homes were "
         "flooded or washed away. About 7,400 people were displaced to these sites by the end of the month, and "
         "more families were still arriving from the upper valley when the rain stopped.")


@pytest.mark.parametrize(("size", "width", "gutter"), [(10, 230, 8), (11, 220, 9), (9, 240, 6)])
def test_justified_columns_a_few_points_apart_are_read_one_after_the_other(size, width, gutter):
    leading = size * 1.2
    page = column(60, 40, ["Valley floods: Situation Report No. 2"], size=16)
    page += justified(60, 80, width, wrap(LEFT, width, size), size, leading)
    page += justified(60 + width + gutter, 80, width, wrap(RIGHT, width, size), size, leading)
    doc = read_pdf([page])
    paragraphs = doc.body.split("\n\n")
    assert " ".join(paragraphs[1].split()) == LEFT
    assert " ".join(paragraphs[2].split()) == RIGHT
    found = {(r["text"], r["metric"]) for r in extract(doc)}
    assert {("At least 31", "killed"), ("About 7,400", "displaced")} <= found


def test_narrow_panels_of_prose_side_by_side_are_read_panel_by_panel_not_as_a_table():
    panels = [
        ["Food prices rose", "sharply in the markets", "of the south, and", "households cut meals."],
        ["Displacement grew", "after the storm: some", "2,600 people left", "their villages."],
        ["Health services", "remained scarce, with", "one clinic open in", "each district."],
    ]
    page = column(60, 40, ["Key findings of the assessment"], size=14)
    for n, lines in enumerate(panels):
        page += column(60 + n * 170, 80, lines, size=9, leading=11)
    doc = read_pdf([page])
    paragraphs = doc.body.split("\n\n")
    assert "Displacement grew after the storm: some 2,600 people left their villages." in paragraphs
    assert "Food prices rose sharply in the markets of the south, and households cut meals." in paragraphs
    assert ("some 2,600", "displaced") in {(r["text"].lower(), r["metric"]) for r in extract(doc)}


@pytest.mark.parametrize(("lines", "expected"), [
    (["Families from the coastal districts of Grand-", "Anse were moved inland before the storm."], "Grand-Anse were moved"),
    (["Shelters were opened in Port-au-", "Prince and in two towns of the west."], "Port-au-Prince and"),
    (["Rainfall is expected to be (40-", "50%) above the seasonal average."], "(40-50%) above"),
    (["The storm hit epidemic-prone areas and several flood-", "prone villages along the river."], "flood-prone villages"),
    (["A specialised team went to the hospital—", "two nurses and one doctor."], "hospital—two nurses"),
])
def test_a_dash_that_ends_a_line_is_kept_and_joins_the_next_line_without_a_space(lines, expected):
    doc = read_pdf([column(60, 60, lines)])
    assert expected in doc.body


def test_a_word_hyphenated_by_the_layout_is_still_joined_when_the_document_uses_it_whole():
    page = column(60, 60, ["The response was slowed by the rains, and the re-", "sponse plan was revised in November.",
                           "The revised response plan covers 120,000 people."])
    doc = read_pdf([page])
    assert "the response plan was revised" in doc.body


@pytest.mark.parametrize(("line", "mark"), [
    ("About 2.4 million people were affected by the storm", "1"),
    ("Some 310 schools were used as shelters for displaced families", "12"),
    ("An estimated 18,000 people remain in collective centres", "*"),
])
def test_a_footnote_mark_after_a_word_is_left_out(line, mark):
    page = column(60, 60, [line])
    page += [(60 + helvetica_width(line, 10) + 0.5, 60.5, 6, mark)]
    page += column(60, 700, [f"{mark} Figures of the national authorities, 3 November 2025."], size=8)
    doc = read_pdf([page])
    assert doc.body.split("\n\n")[0] == line
    assert all(r["text"] != mark for r in extract(doc))


@pytest.mark.parametrize("rows", [
    [("Volunteers trained in first aid", "120"), ("Households given water tablets", "4,500"), ("Latrines repaired", "36")],
    [("Schools reopened", "14"), ("Children enrolled in catch-up classes", "2,310")],
    [("Mobile clinics deployed", "6"), ("Consultations held", "9,840"), ("Referrals to hospital", "210")],
])
@pytest.mark.parametrize("spacing", [16, 30, 45])
def test_a_table_whose_rows_stand_apart_is_read_as_label_and_number_on_one_line(rows, spacing):
    page = column(60, 40, ["Indicators and targets"], size=12)
    for n, (label, number) in enumerate(rows):
        page += [(60, 80 + spacing * n, 10, label), (420, 80 + spacing * n, 10, number)]
    doc = read_pdf([page])
    lines = doc.body.replace("\n\n", "\n").split("\n")
    assert [f"{label} {number}" for label, number in rows] == lines[1:]


def test_a_lone_label_and_number_side_by_side_are_not_a_row():
    page = column(60, 40, ["Weekly bulletin"], size=12)
    page += [(60, 80, 10, "Rainfall was heavy in the north"), (420, 80, 10, "2025")]
    page += column(60, 140, ["The river rose by two metres over the week."])
    doc = read_pdf([page])
    assert "Rainfall was heavy in the north 2025" not in doc.body


@pytest.mark.parametrize(("text", "space"), [
    ("Despite heavy rain and blocked roads in the hills, partners confirmed that 2,150 people were displaced "
     "from the river villages and that 14 people were killed by the mudslides that followed.", 13),
    ("The health ministry reported that 38 people were injured when the market roof collapsed, and that "
     "the two district hospitals were overwhelmed by the number of patients arriving at night.", 16),
    ("According to the shelter cluster, around 600 families remain displaced in the eastern camps and wait "
     "for the repair of their houses before the next rainy season begins in the spring.", 19),
])
def test_a_loosely_justified_line_with_wide_even_spaces_is_one_line_not_cells(text, space):
    size = 10
    words = text.split()
    lines = [" ".join(words[i:i + 7]) for i in range(0, len(words), 7)]
    page = column(60, 40, ["Flash update"], size=14)
    for n, line in enumerate(lines[:-1]):
        at = 60
        for w in line.split():
            page.append((at, 80 + 12 * n, size, w))
            at += helvetica_width(w, size) + space
    page += column(60, 80 + 12 * (len(lines) - 1), [lines[-1]])
    doc = read_pdf([page])
    assert " ".join(doc.body.split("\n\n")[1].split()) == text
