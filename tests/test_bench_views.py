"""The views benchmark's generator at a tiny size: valid rows, rows in every timed view, and the
same tables for the same seed. No timing is asserted: the benchmark prints figures."""

from __future__ import annotations

import duckdb
import pandera.pandas as pa
import pytest

from benchmarks import bench_views
from pipeline.claims import CHECK_NAMES
from schemas.fields import TABLES
from schemas.models import FigureSchema

ROWS = 2_000


def generated(seed: int = 1, rows: int = ROWS) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    bench_views.create_schema(con)
    bench_views.generate(con, rows, seed)
    return con


@pytest.fixture(scope="module")
def con():
    connection = generated()
    yield connection
    connection.close()


def figures_as_schema_frame(con: duckdb.DuckDBPyConnection):
    """The figures with dates as ISO text, the form FigureSchema validates (as the asset check does)."""
    columns = [f'strftime("{f.name}", \'%Y-%m-%d\') AS "{f.name}"' if f.type == "date" else f'"{f.name}"'
               for f in TABLES["figures"]]
    return con.execute(f"SELECT {', '.join(columns)} FROM figures").df()


def test_generated_figures_pass_the_figure_schema(con):
    frame = figures_as_schema_frame(con)
    assert len(frame) == ROWS
    try:
        FigureSchema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:  # pragma: no cover - the message is the point
        pytest.fail(f"generated figures fail the schema:\n{err.failure_cases.head(20)}")


def test_generated_rows_keep_the_links_between_tables(con):
    orphans = con.execute("SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchall()
    assert orphans == [(0,)]
    parents = con.execute(
        "SELECT count(*), count(p.figure_id) FROM figures c LEFT JOIN figures p ON p.figure_id = c.parent_figure_id "
        "WHERE c.parent_figure_id IS NOT NULL").fetchall()[0]
    assert parents[0] > 0 and parents[0] == parents[1], "every breakdown part names a stored total"
    superseded = con.execute(
        "SELECT count(*), count(n.doc_id), count(*) FILTER (WHERE n.path = o.path) FROM documents o "
        "LEFT JOIN documents n ON n.doc_id = o.superseded_by WHERE o.superseded_by IS NOT NULL").fetchall()[0]
    assert superseded[0] > 0 and superseded[0] == superseded[1] == superseded[2], "a later version of the same file"
    kinds = dict(con.execute("SELECT kind, count(*) FROM figures GROUP BY kind").fetchall())
    assert set(kinds) == {"count", "change", "share"}
    changes = con.execute("SELECT count(*) FROM figures WHERE kind = 'change' AND comparison_start IS NULL").fetchall()
    assert changes == [(0,)]


@pytest.mark.parametrize("view", bench_views.TIMED_VIEWS)
def test_every_timed_view_returns_rows(con, view):
    assert con.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0] > 0


def test_the_generated_data_reaches_every_claim_check_and_verdict():
    # 20,000 rows: at 2,000 too few quantities are restated in a second document
    larger = generated(rows=20_000)
    try:
        found = set(larger.execute('SELECT DISTINCT "check", verdict FROM claim_checks').fetchall())
    finally:
        larger.close()
    assert {check for check, _ in found} == set(CHECK_NAMES)
    assert {verdict for _, verdict in found} == {"consistent", "inconsistent", "unverifiable"}


def test_the_same_seed_gives_the_same_tables(con):
    again = generated(seed=1)
    other = generated(seed=2)
    try:
        for table in ("figures", "documents", "reference_figures"):
            assert bench_views.table_checksum(again, table) == bench_views.table_checksum(con, table), table
        assert bench_views.table_checksum(other, "figures") != bench_views.table_checksum(con, "figures")
    finally:
        again.close()
        other.close()
