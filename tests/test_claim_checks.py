"""Each claim check, on documents written for the test, with a consistent and an inconsistent case."""

from datetime import date

import duckdb
import pytest

from pipeline import claims, trends, warehouse
from pipeline.documents import parse_text
from pipeline.extraction import extract
from pipeline.reference import read_series

REFERENCE = """attributed_to,country,population,period_start,period_end,killed,injured,casualties,reported_change_pct,change_vs,note
UNAMA,AFG,civilians,2021-01-01,2021-06-30,1659,3524,5183,47,H1 2020,midyear update
"""


def checks_for(tmp_path, *bodies: str, reference: bool = False) -> list[tuple]:
    con = duckdb.connect()
    warehouse.ensure_tables(con)
    docs = [parse_text(f"---\ndate: 2023-08-01\nsource: Test Wire\n---\n{body}", f"doc{n}.txt", today=date(2026, 1, 1)) for n, body in enumerate(bodies)]
    warehouse.load_documents(con, [d.as_row() for d in docs], [], [d.path for d in docs])
    figures = [r for d in docs for r in extract(d)]
    warehouse.load_figures(con, figures, [], [d.doc_id for d in docs])
    if reference:
        path = tmp_path / "ref.csv"
        path.write_text(REFERENCE)
        rows, problems = read_series(path)
        assert problems == []
        warehouse.load_reference(con, rows)
    trends.create_views(con)
    claims.create_claim_views(con)
    rows = con.execute('SELECT "check", verdict, expected, found, explanation FROM claim_checks ORDER BY ALL').fetchall()
    con.close()
    return rows


def only_check(rows: list[tuple], name: str) -> tuple:
    found = [r for r in rows if r[0] == name]
    assert len(found) == 1, rows
    return found[0]


FIRST_HALF_2022 = "In the first half of 2022 the mission recorded 1,000 civilian casualties in Afghanistan."


@pytest.mark.parametrize(("stated", "verdict"), [(20, "consistent"), (25, "inconsistent")])
def test_stated_change_against_stored_figures(tmp_path, stated, verdict):
    later = (f"In the first half of 2023 the mission recorded 1,200 civilian casualties in Afghanistan, "
             f"a {stated} per cent increase compared with the same period in 2022.")
    check = only_check(checks_for(tmp_path, FIRST_HALF_2022, later), "stated_change_vs_stored_figures")
    assert check[1:4] == (verdict, stated, 20.0)
    if verdict == "inconsistent":
        assert "implies a baseline of 960 (1,200 / 1.25), not 1,000" in check[4]
        assert "revised baseline" in check[4]


def test_stated_change_without_the_earlier_figure_is_unverifiable(tmp_path):
    later = "In the first half of 2023 the mission recorded 1,200 civilian casualties, a 20 per cent increase compared with the same period in 2022."
    check = only_check(checks_for(tmp_path, later), "stated_change_vs_stored_figures")
    assert check[1] == "unverifiable"
    assert "no stored figure covers" in check[4]


@pytest.mark.parametrize(("injured", "verdict"), [(200, "consistent"), (250, "inconsistent")])
def test_killed_plus_injured_is_casualties(tmp_path, injured, verdict):
    body = f"The mission recorded 300 civilian casualties (100 killed and {injured} injured) in 2022."
    check = only_check(checks_for(tmp_path, body), "killed_plus_injured_is_casualties")
    assert check[1:4] == (verdict, 300, 100 + injured)


@pytest.mark.parametrize(("children", "verdict"), [(50, "consistent"), (95, "inconsistent")])
def test_breakdown_parts_within_their_total(tmp_path, children, verdict):
    body = f"In 2022, 120 civilians were killed, including {children} children and 30 women."
    check = only_check(checks_for(tmp_path, body), "breakdown_parts_within_total")
    assert check[1:4] == (verdict, 120, children + 30)


@pytest.mark.parametrize(("children", "verdict"), [(50, "consistent"), (95, "inconsistent")])
def test_children_and_women_within_civilians(tmp_path, children, verdict):
    body = f"In 2022, 120 civilians were killed; {children} children and 30 women were killed in 2022."
    check = only_check(checks_for(tmp_path, body), "children_plus_women_within_civilians")
    assert check[1:4] == (verdict, 120, children + 30)


@pytest.mark.parametrize(
    ("wording", "verdict"),
    [("approximately 5,200", "consistent"), ("5,600", "inconsistent")],
)
def test_figure_against_the_reference_series(tmp_path, wording, verdict):
    body = f"UNAMA said {wording} civilians were killed or injured in Afghanistan in the first half of 2021."
    check = only_check(checks_for(tmp_path, body, reference=True), "figure_vs_reference")
    assert check[1:3] == (verdict, 5183)


def test_restatements_that_differ_name_the_one_the_reference_supports(tmp_path):
    right = "UNAMA documented 3,524 civilians injured in Afghanistan in the first half of 2021."
    wrong = "UNAMA documented 3,254 civilians injured in Afghanistan in the first half of 2021."
    rows = [r for r in checks_for(tmp_path, right, right + " ", wrong, reference=True) if r[0] == "same_quantity_stated_differently"]
    assert [(r[1], r[2], r[3]) for r in rows] == [("inconsistent", 3524, 3254)]
    assert "3,524 agrees with the reference" in rows[0][4]


def test_restatements_that_agree_are_consistent(tmp_path):
    body = "UNAMA documented 3,524 civilians injured in Afghanistan in the first half of 2021."
    rows = [r for r in checks_for(tmp_path, body, body + " ") if r[0] == "same_quantity_stated_differently"]
    assert [(r[1], r[2]) for r in rows] == [("consistent", 3524)]
    assert "2 documents all state 3,524" in rows[0][4]


@pytest.mark.parametrize(("stated", "verdict"), [(61, "consistent"), (40, "inconsistent")])
def test_before_after_pair_against_its_stated_change(tmp_path, stated, verdict):
    body = f"Abductions of civilians fell by {stated}% (from 507 to 202) in 2022 compared with 2021."
    check = only_check(checks_for(tmp_path, body), "before_after_vs_stated_change")
    assert check[1:4] == (verdict, -stated, -60.2)
