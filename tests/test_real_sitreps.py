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
