"""The trend report draws a chart per series, and redraws only the series whose data changed."""

import shutil

import duckdb

from pipeline.report import build_report


def test_unchanged_series_are_not_drawn_again(bundled_warehouse, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copy(bundled_warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        first = build_report(con, tmp_path / "reports")
        assert len(first.charts) >= 2 and all(p.stat().st_size > 10_000 for p in first.charts)
        stamps = {p.name: p.stat().st_mtime_ns for p in first.charts}
        again = build_report(con, tmp_path / "reports")
        assert {p.name: p.stat().st_mtime_ns for p in again.charts} == stamps
        # one series gains a point: that chart alone is drawn anew
        changed = con.execute(
            "SELECT metric, population, country FROM current_figures WHERE kind = 'count' AND country IS NOT NULL "
            "AND len(places) = 0 AND period_start IS NOT NULL ORDER BY ALL LIMIT 1"
        ).fetchall()[0]
        con.execute("UPDATE figures SET value = value + 1 WHERE figure_id = (SELECT figure_id FROM current_figures "
                    "WHERE metric = ? AND population = ? AND country = ? AND len(places) = 0 AND period_end IS NOT NULL LIMIT 1)", list(changed))
        third = build_report(con, tmp_path / "reports")
    finally:
        con.close()
    redrawn = [p.name for p in third.charts if p.stat().st_mtime_ns != stamps[p.name]]
    assert redrawn == [f"{changed[2]}-{changed[0]}-{changed[1]}.png"]
