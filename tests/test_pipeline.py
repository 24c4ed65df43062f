"""Every asset materialized over the bundled inbox: tables, views, idempotency."""

import shutil

import dagster as dg
import duckdb

from pipeline.cli.run import materialize_all
from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE

TABLES = ("documents", "figures", "rejected_documents", "rejected_figures", "reference_figures")


def query(path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT doc_id, path, title, published, source, url, body FROM documents ORDER BY doc_id").fetchall(),
            "figures": con.execute("SELECT * EXCLUDE (evidence) FROM figures ORDER BY figure_id").fetchall(),
            "rejected_documents": con.execute("SELECT path, \"check\", reason FROM rejected_documents ORDER BY path").fetchall(),
            "rejected_figures": con.execute("SELECT figure_id, \"check\", reason FROM rejected_figures ORDER BY figure_id").fetchall(),
            "reference_figures": con.execute("SELECT * FROM reference_figures ORDER BY series, line, metric").fetchall(),
            "trend_series": con.execute("SELECT * FROM trend_series ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def test_bundled_inbox_loads_every_document(bundled_warehouse):
    data = snapshot(bundled_warehouse)
    inbox_files = sorted(p.name for p in BUNDLED_INBOX.iterdir() if p.is_file())
    assert sorted(row[1] for row in data["documents"]) == inbox_files
    assert data["rejected_documents"] == []
    assert len(data["figures"]) >= 4 * len(inbox_files)


def test_trend_series_prefers_the_originating_body(bundled_warehouse):
    row = query(
        bundled_warehouse,
        "SELECT value, min_value, max_value, chosen_by, mentions > 1 FROM trend_series "
        "WHERE metric = 'injured' AND population = 'civilians' AND country = 'AFG' AND period_label = '2021-H1'",
    )
    periods = query(bundled_warehouse, "SELECT count(DISTINCT period_label) FROM trend_series WHERE country = 'AFG'")[0][0]
    # a wire story printed 3,254 for UNAMA's 3,524; UNAMA's own report wins
    assert row == [(3524.0, 3254.0, 3524.0, "originating body", True)]
    assert periods >= 6


def test_period_changes_compare_same_length_periods(bundled_warehouse):
    rows = query(
        bundled_warehouse,
        "SELECT compared_with, earlier_label, value, earlier_value, computed_change_pct FROM period_changes "
        "WHERE metric = 'casualties' AND population = 'civilians' AND period_label = '2021-H1' ORDER BY compared_with",
    )
    assert rows == [("same period a year earlier", "2020-H1", 5183.0, 3458.0, 49.9)]
    yearly = query(
        bundled_warehouse,
        "SELECT compared_with, earlier_label, computed_change_pct FROM period_changes "
        "WHERE metric = 'casualties' AND population = 'civilians' AND period_label = '2020' ORDER BY compared_with",
    )
    # a year's previous period of the same length is the year before, which is also the same period a year earlier
    assert yearly == [("previous period", "2019", -15.1), ("same period a year earlier", "2019", -15.1)]


def test_reference_series_loaded_one_row_per_metric(bundled_warehouse):
    rows = query(
        bundled_warehouse,
        "SELECT metric, value, reported_change_pct FROM reference_figures WHERE period_label = '2021-H1' ORDER BY metric",
    )
    assert rows == [("casualties", 5183.0, 47.0), ("injured", 3524.0, None), ("killed", 1659.0, None)]


def test_running_twice_leaves_the_same_rows(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(BUNDLED_INBOX, inbox)
    (inbox / "empty.txt").write_text("")
    warehouse = tmp_path / "w.duckdb"
    with dg.instance_for_test() as instance:
        assert materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
        first = snapshot(warehouse)
        assert materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
        second = snapshot(warehouse)
    assert first == second
    assert first["rejected_documents"] == [("empty.txt", "file_not_empty", "the file is empty")]


def test_claim_checks_on_the_bundled_data(bundled_warehouse):
    rows = query(bundled_warehouse, 'SELECT "check", verdict, expected, found, explanation FROM claim_checks')
    stated = [r for r in rows if r[0] == "stated_change_vs_stored_figures" and r[2] == 47 and r[3] == 49.9]
    # UNAMA's series states +47% itself, against a revised baseline: explained, not inconsistent
    assert stated and all(r[1] == "explained" and "3,526" in r[4] and "revised H1 2020 baseline" in r[4] for r in stated)
    restated = [r for r in rows if r[0] == "same_quantity_stated_differently" and {r[2], r[3]} == {3524, 3254}]
    assert len(restated) == 1 and "3,524 agrees with the reference" in restated[0][4]
    seed = [r for r in rows if r[0] == "figure_vs_reference" and r[3] == 5200]
    assert [(r[1], r[2]) for r in seed] == [("consistent", 5183)]


def test_trend_report_draws_a_chart_per_series(bundled_warehouse):
    reports = bundled_warehouse.parent / "reports"  # beside a warehouse other than the default
    charts = sorted(p.name for p in reports.glob("*.png"))
    assert charts == ["AFG-casualties-civilians.png", "AFG-injured-civilians.png", "AFG-killed-civilians.png"]
    assert all((reports / c).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for c in charts)
    table = (reports / "claim-checks.md").read_text()
    assert "| same_quantity_stated_differently | **inconsistent** |" in table
    assert "| stated_change_vs_stored_figures | **explained** |" in table


def test_run_accounts_for_every_file_and_figure(tmp_path, capsys):
    from pipeline.cli import main

    inbox = tmp_path / "inbox"
    shutil.copytree(BUNDLED_INBOX, inbox)
    (inbox / "empty.txt").write_text("")
    (inbox / "binary.txt").write_bytes(b"\x00\x01")
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(tmp_path / "w" / "h.duckdb")]) == 0
    out = capsys.readouterr().out
    files = len(list(inbox.iterdir()))
    assert f"accounting of this run: {files} files = {files - 2} documents + 2 rejected;" in out
    assert "MISMATCH" not in out
