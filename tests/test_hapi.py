"""The view shaped like HDX HAPI's conflict tables."""

from __future__ import annotations

from datetime import date

import duckdb

from pipeline.hapi import value_columns
from pipeline.snapshot import snapshot_path
from tests import small_warehouse
from tests.small_warehouse import document, figure


def rows(path, sql: str) -> list[dict]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        relation = con.sql(sql)
        return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    finally:
        con.close()


def test_the_bundled_series_in_hapi_shape(bundled_warehouse):
    found = rows(snapshot_path(bundled_warehouse),
                 "SELECT * FROM hapi_conflict WHERE population = 'civilians' AND period_label = '2021-H1'")
    assert len(found) == 1
    row = found[0]
    assert (row["location_code"], row["admin_level"], row["admin1_name"]) == ("AFG", 0, None)
    assert (row["reference_period_start"], row["reference_period_end"]) == (date(2021, 1, 1), date(2021, 6, 30))
    # the same best values as trend_series: the originating body's, not the wire's 3,254
    assert (row["fatalities"], row["injured"], row["casualties"]) == (1659, 3524, 5183)
    assert row["displaced"] is None and len(row["figure_ids"]) == 3


def test_places_set_the_admin_level_and_superseded_figures_stay_out(tmp_path):
    path = small_warehouse.build(
        tmp_path / "humstat.duckdb",
        [document("old", "a.txt", superseded_by="new"), document("new", "a.txt"), document("other", "b.txt", source="Wire")],
        [
            figure("national", "new", "killed", 45),
            figure("replaced", "old", "killed", 40),
            figure("herat", "new", "killed", 12, places=["Herat"]),
            figure("herat-injured", "new", "injured", 30, places=["Herat"]),
            figure("two-places", "new", "displaced", 900, places=["Herat", "Kandahar"]),
            figure("restated", "other", "killed", 44, qualifier="approximately"),
            figure("no-country", "new", "killed", 7, country=None),
            figure("a-change", "new", "killed", -20.0, kind="change"),
        ],
    )
    found = rows(path, "SELECT location_code, admin_level, admin1_name, fatalities, injured, displaced, figure_ids "
                       "FROM hapi_conflict ORDER BY admin_level NULLS LAST, admin1_name")
    assert found == [
        # OCHA's own 45 over the wire's approximate 44; the superseded 40 is out
        {"location_code": "AFG", "admin_level": 0, "admin1_name": None, "fatalities": 45, "injured": None,
         "displaced": None, "figure_ids": ["national"]},
        {"location_code": "AFG", "admin_level": 1, "admin1_name": "Herat", "fatalities": 12, "injured": 30,
         "displaced": None, "figure_ids": ["herat-injured", "herat"]},
        {"location_code": "AFG", "admin_level": None, "admin1_name": "Herat; Kandahar", "fatalities": None,
         "injured": None, "displaced": 900, "figure_ids": ["two-places"]},
    ]


def test_there_is_a_value_column_per_metric(tmp_path):
    path = small_warehouse.build(tmp_path / "humstat.duckdb", [], [])
    columns = [r["column_name"] for r in rows(path, "DESCRIBE hapi_conflict")]
    assert set(value_columns().values()) <= set(columns)
    assert "fatalities" in columns and "killed" not in columns
    assert columns[:7] == ["location_code", "admin_level", "admin1_name", "population", "period_label",
                           "reference_period_start", "reference_period_end"]
