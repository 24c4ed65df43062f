"""Each figure's evidence names the scope that decided its context fields, and `humstat
explain` shows it (issue 14, "Design")."""

import json
from datetime import date

import pytest

from pipeline.explain import explain_document
from pipeline.extraction.scopes import Reading, Scope, nearest
from tests.conftest import figures_of, only


def evidence(records: list[dict], text: str) -> dict:
    return json.loads(only(records, text)["evidence"])


def test_nearest_takes_the_first_scope_that_decides_and_reads_no_farther():
    read = []

    def scopes():
        read.append(Scope.SENTENCE)
        yield None
        read.append(Scope.PARAGRAPH)
        yield Reading(None, "a stock figure", Scope.PARAGRAPH)  # decides: no value
        read.append(Scope.TITLE)
        yield Reading("2021", "title", Scope.TITLE)

    found = nearest(scopes())
    assert found == Reading(None, "a stock figure", Scope.PARAGRAPH)
    assert read == [Scope.SENTENCE, Scope.PARAGRAPH]
    assert nearest([None, None]) is None


@pytest.mark.parametrize(("body", "title", "text", "scope"), [
    ("Some 14 civilians were killed in 2021 and 11 in 2022.", None, "11", "phrase"),
    ("Monitors counted 120 incidents, in which 87 people were killed, 54 injured, 19 abducted and "
     "a further 8 subjected to sexual violence across the three provinces between July and September 2022.", None, "87", "sentence"),
    ("At least 52 people were killed in May 2023, including 19 children and 7 women.", None, "19", "total"),
    ("Fighting spread across the north in May 2023. Some 300 people were killed.", None, "Some 300", "paragraph"),
    ("Reporting period: 3-9 June 2024\n\nFloods displaced about 4,100 people.", None, "about 4,100", "header"),
    ("In April 2024, shelling killed 40 civilians.\n\nAnother 25 civilians were injured in the attacks.", None, "25", "document"),
    ("Shelling injured 25 civilians.", "Weekly update, 3-9 June 2024", "25", "title"),
])
def test_the_scope_that_decided_the_period_is_recorded(body, title, text, scope):
    records = figures_of(body, title=title, published=date(2024, 6, 20))
    assert evidence(records, text)["period_scope"] == scope


def test_a_stock_figure_records_that_its_sentence_decided_no_period():
    records = figures_of("In May 2023 the rains failed.\n\nSome 2.5 million people remain displaced.", published=date(2024, 6, 20))
    found = evidence(records, "Some 2.5 million")
    assert only(records, "Some 2.5 million")["period_start"] is None
    assert found["period_scope"] == "sentence" and found["period"] == "a stock figure"


def test_the_scope_of_the_comparison_is_recorded():
    records = figures_of("Civilian deaths rose by 30 percent in 2022 compared with 2021.")
    assert evidence(records, "30 percent")["comparison_scope"] == "sentence"
    body = "Civilian deaths rose by 30 percent in 2022 compared with 2021.\n\nCivilian injuries rose by 12 percent in 2022."
    assert evidence(figures_of(body), "12 percent")["comparison_scope"] == "document"


@pytest.mark.parametrize(("body", "title", "source", "scope"), [
    ("Some 40 civilians were killed, UNICEF said.", None, None, "sentence"),
    ("UNICEF said the toll had risen. Some 40 civilians were killed.", None, None, "paragraph"),
    ("Some 40 civilians were killed in the attacks.", "UNHCR: displacement update", None, "title"),
])
def test_the_scope_that_decided_the_source_is_recorded(body, title, source, scope):
    assert evidence(figures_of(body, title=title), "Some 40")["attribution_scope"] == scope


def test_the_scope_of_places_and_country_is_recorded():
    # the only figure of its sentence: its own words (its phrase) name the place
    records = figures_of("Shelling in Kharkiv killed 12 civilians.\nAnother 30 civilians were injured.")
    assert evidence(records, "12")["places_scope"] == "phrase"
    assert evidence(records, "12")["country_scope"] == "phrase"
    # the next sentence names none: the paragraph's place, and the country of that place
    assert evidence(records, "30")["places_scope"] == "paragraph"
    assert evidence(records, "30")["country_scope"] == "paragraph"
    # a second figure of the sentence whose own words name no place takes the sentence's
    records = figures_of("Shelling in Kharkiv killed 12 civilians and wounded 30 others.")
    assert evidence(records, "30")["places_scope"] == "sentence"


def test_explain_shows_the_scope_next_to_each_field():
    body = "Reporting period: 3-9 June 2024\n\nFloods displaced about 4,100 people in Sindh, OCHA said."
    records = figures_of(body, published=date(2024, 6, 20))
    text = explain_document(records, body)
    period_line = next(line for line in text.splitlines() if line.strip().startswith("period"))
    assert "[header]" in period_line and "2024-06-03..2024-06-09" in period_line
    assert "[sentence]" in next(line for line in text.splitlines() if line.strip().startswith("attributed"))
