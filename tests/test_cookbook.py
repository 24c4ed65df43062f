"""docs/sql-cookbook.md: every query runs against a warehouse built from the bundled inbox.

Each `## question` section holds exactly one ```sql block. A block containing the comment
`-- may return no rows` (the rejections) must only run; every other block must return rows.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

COOKBOOK = Path(__file__).resolve().parent.parent / "docs" / "sql-cookbook.md"
MAY_BE_EMPTY = "-- may return no rows"
SQL_BLOCK = re.compile(r"^```sql\n(.*?)^```", re.MULTILINE | re.DOTALL)

# Headings the specific assertions below look up; renaming one in the doc must rename it here.
LARGEST_CHANGES = "What were the largest changes in the latest year present?"
REFERENCE_DISAGREEMENT = "Which figures disagree with their reference series?"
RESTATEMENTS = "Where has the most-restated claim been stated, and by whom?"
SOURCE_OVER_TIME = "What has UNAMA reported over time?"
STATED_VS_COMPUTED = "Do the changes the documents state match the changes the stored figures give?"
REJECTED_DOCUMENTS = "Which documents were rejected, and why?"
REJECTED_FIGURES = "Which figures were rejected, and why?"
ONE_DOCUMENT = "What figures came from one document, and on what evidence?"
BREAKDOWNS = "Which figures are parts of a total, and do the parts fit?"
BEST_VALUE = "What is the best value for each period of one series, and which rule chose it?"
STATED_DIFFERENTLY = "Which claims do different documents state differently?"
FAILING_CHECKS = "Which claim checks fail, worst first?"


def cookbook_sections() -> list[tuple[str, str, list[str]]]:
    """(heading, text, sql blocks) for every `## ` section of the cookbook."""
    text = COOKBOOK.read_text(encoding="utf-8")
    sections = []
    for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = chunk.partition("\n")
        sections.append((heading.strip(), body, SQL_BLOCK.findall(body)))
    return sections


SECTIONS = cookbook_sections()
QUERIES = {heading: blocks[0] for heading, _, blocks in SECTIONS if len(blocks) == 1}


@pytest.fixture(scope="module")
def con(bundled_warehouse):
    connection = duckdb.connect(str(bundled_warehouse), read_only=True)
    yield connection
    connection.close()


def run(con: duckdb.DuckDBPyConnection, heading: str) -> list[dict]:
    assert heading in QUERIES, f"no query under the heading {heading!r} in {COOKBOOK.name}"
    cursor = con.execute(QUERIES[heading])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_cookbook_has_at_least_twelve_queries():
    assert len(QUERIES) >= 12, f"{len(QUERIES)} queries in {COOKBOOK.name}"


def test_every_section_has_one_query_and_a_sentence():
    headings = [heading for heading, _, _ in SECTIONS]
    assert len(headings) == len(set(headings)), "headings must be unique: they name the tests"
    for heading, body, blocks in SECTIONS:
        assert len(blocks) == 1, f"{heading!r}: {len(blocks)} sql blocks, expected exactly one"
        prose = body.split("```", 1)[0].strip()
        assert prose, f"{heading!r}: no sentence on how to read the answer before the query"


def test_cookbook_starts_with_how_to_run_a_query():
    intro = COOKBOOK.read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "humstat sql" in intro and "make ui" in intro and "read-only" in intro


def test_required_questions_are_present():
    for heading in (
        LARGEST_CHANGES,
        REFERENCE_DISAGREEMENT,
        RESTATEMENTS,
        SOURCE_OVER_TIME,
        STATED_VS_COMPUTED,
        REJECTED_DOCUMENTS,
        REJECTED_FIGURES,
        ONE_DOCUMENT,
        BREAKDOWNS,
        BEST_VALUE,
        STATED_DIFFERENTLY,
        FAILING_CHECKS,
    ):
        assert heading in QUERIES, f"missing question {heading!r}"
    # Only the rejections may come back empty.
    may_be_empty = {heading for heading, sql in QUERIES.items() if MAY_BE_EMPTY in sql}
    assert may_be_empty == {REJECTED_DOCUMENTS, REJECTED_FIGURES}


def test_claim_views_exist(con):
    names = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert "current_figures" in names
    # the analysis relations are stored by each run, so a query reads rows and never re-plans them
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"trend_series", "period_changes", "claims", "claim_checks", "hapi_conflict"} <= tables


@pytest.mark.parametrize("heading", list(QUERIES), ids=list(QUERIES))
def test_query_runs(con, heading):
    rows = run(con, heading)
    if MAY_BE_EMPTY not in QUERIES[heading]:
        assert rows, f"{heading!r} returned no rows on the bundled data"


def test_reference_disagreement_finds_the_misprinted_injured_count(con):
    rows = run(con, REFERENCE_DISAGREEMENT)
    misprint = [r for r in rows if r["found"] == 3254]
    assert misprint, rows
    assert misprint[0]["expected"] == 3524
    assert misprint[0]["metric"] == "injured" and misprint[0]["period_label"] == "2021-H1"


def test_largest_changes_are_in_the_latest_year_biggest_first(con):
    rows = run(con, LARGEST_CHANGES)
    latest = con.execute("SELECT max(year(period_end)) FROM period_changes").fetchall()[0][0]
    assert {r["period_label"][:4] for r in rows} == {str(latest)}
    sizes = [abs(r["computed_change_pct"]) for r in rows if r["computed_change_pct"] is not None]
    assert sizes == sorted(sizes, reverse=True)


def test_restatements_are_every_mention_of_one_claim(con):
    rows = run(con, RESTATEMENTS)
    top = con.execute("SELECT max(mentions) FROM claims").fetchall()[0][0]
    assert len(rows) == top >= 2
    assert len({(r["attributed_to"], r["metric"], r["population"], r["period_label"]) for r in rows}) == 1
    assert all(r["title"] or r["document_source"] or r["published"] for r in rows)


def test_source_over_time_is_in_time_order(con):
    rows = run(con, SOURCE_OVER_TIME)
    starts = [r["period_start"] for r in rows if r["period_start"] is not None]
    assert starts == sorted(starts)
    assert date(2021, 1, 1) in starts


def test_stated_change_beside_computed(con):
    rows = run(con, STATED_VS_COMPUTED)
    midyear_2021 = [r for r in rows if r["metric"] == "casualties" and r["period_label"] == "2021-H1"]
    assert midyear_2021 and midyear_2021[0]["stated_pct"] == 47 and midyear_2021[0]["computed_change_pct"] == 49.9
    assert rows[0]["points_apart"] == max(r["points_apart"] for r in rows)


def test_one_document_shows_evidence_in_reading_order(con):
    rows = run(con, ONE_DOCUMENT)
    assert len({r["title"] for r in rows}) == 1
    assert [r["char_start"] for r in rows] == sorted(r["char_start"] for r in rows)
    assert all(r["sentence"] for r in rows)
    assert any(r["metric_from"] for r in rows)


def test_breakdown_parts_point_at_their_totals(con):
    rows = run(con, BREAKDOWNS)
    casualties = [r for r in rows if r["total_metric"] == "casualties" and r["total"] == 5183]
    assert {r["part_metric"] for r in casualties} >= {"killed", "injured"}


def test_best_value_names_the_rule(con):
    rows = run(con, BEST_VALUE)
    assert {r["chosen_by"] for r in rows} <= {"originating body", "exact over approximate", "latest publication"}
    by_period = {r["period_label"]: r["value"] for r in rows}
    assert by_period["2021-H1"] == 5183


def test_claims_stated_differently_show_both_values(con):
    rows = run(con, STATED_DIFFERENTLY)
    injured = {r["value"]: r for r in rows if r["metric"] == "injured" and r["period_label"] == "2021-H1"}
    assert set(injured) == {3254, 3524}
    assert injured[3524]["documents"] > injured[3254]["documents"]


def test_failing_checks_inconsistent_first(con):
    rows = run(con, FAILING_CHECKS)
    verdicts = [r["verdict"] for r in rows]
    assert "consistent" not in verdicts
    assert verdicts[0] == "inconsistent"
    assert verdicts == sorted(verdicts, key=lambda v: v != "inconsistent")
    assert any(r["check"] == "figure_vs_reference" and r["found"] == 3254 for r in rows)
