"""Reference series: dropped into a folder as CSV, malformed files and rows reported with their line."""

from pipeline.reference import read_reference_folder

HEADER = "attributed_to,country,population,period_start,period_end,killed,injured,casualties,reported_change_pct,change_vs,note\n"


def test_a_good_series_becomes_one_row_per_metric(tmp_path):
    (tmp_path / "ocha.csv").write_text(HEADER + "OCHA,YEM,civilians,2022-01-01,2022-12-31,100,250,350,-10,2021,annual\n")
    rows, problems = read_reference_folder(tmp_path)
    assert problems == []
    assert sorted((r["metric"], r["value"], r["period_label"]) for r in rows) == [
        ("casualties", 350.0, "2022"), ("injured", 250.0, "2022"), ("killed", 100.0, "2022"),
    ]
    assert [r["reported_change_pct"] for r in rows if r["metric"] == "casualties"] == [-10.0]


def test_malformed_rows_and_files_are_reported_and_the_rest_loads(tmp_path):
    (tmp_path / "good.csv").write_text(HEADER + "UNAMA,AFG,civilians,2021-01-01,2021-06-30,1659,3524,5183,47,H1 2020,\n")
    (tmp_path / "bad_rows.csv").write_text(
        HEADER
        + "UNAMA,AFG,civilians,2021-01-01,2021-06-30,10,20,30,,,\n"
        + "UNAMA,XXX,civilians,2021-01-01,2021-06-30,10,20,30,,,\n"
        + "UNAMA,AFG,civilians,2021-13-01,2021-06-30,10,20,30,,,\n"
        + "UNAMA,AFG,civilians,2021-07-01,2021-06-30,10,20,30,,,\n"
        + "UNAMA,AFG,civilians,2021-01-01,2021-06-30,ten,20,30,,,\n"
    )
    (tmp_path / "no_header.csv").write_text("a,b,c\n1,2,3\n")
    rows, problems = read_reference_folder(tmp_path)
    assert {(p.series, p.line) for p in problems} == {
        ("bad_rows.csv", 3), ("bad_rows.csv", 4), ("bad_rows.csv", 5), ("bad_rows.csv", 6), ("no_header.csv", 1),
    }
    reasons = {p.line: p.reason for p in problems if p.series == "bad_rows.csv"}
    assert "ISO3" in reasons[3] and "ISO dates" in reasons[4] and "before" in reasons[5] and "number" in reasons[6]
    assert {r["series"] for r in rows} == {"good.csv", "bad_rows.csv"}
    assert len(rows) == 6
