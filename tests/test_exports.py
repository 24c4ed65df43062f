"""`humstat export`: every format round-trips to the values in the warehouse (HXL through
libhxl and an HXL schema, Parquet through DuckDB), and the HXL tags come from the field list."""

from __future__ import annotations

import csv
import json
import re
import socket
from pathlib import Path

import duckdb
import hxl
import pytest

from pipeline.cli import main
from pipeline.exports import (
    EXPORT_COLUMNS,
    METRIC_TAGS,
    figures_query,
    format_for,
    hxl_columns,
    hxl_schema_rows,
    json_value,
    text_cell,
)
from pipeline.snapshot import snapshot_path
from schemas.enums import METRICS
from schemas.fields import FIGURE_FIELDS, names
from tests import small_warehouse

DOCS = Path(__file__).resolve().parent.parent / "docs" / "exports.md"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test: exports and validation work offline."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def warehouse_records(warehouse: Path, include_superseded: bool = False) -> list[dict]:
    con = duckdb.connect(str(snapshot_path(warehouse)), read_only=True)
    try:
        relation = con.sql(figures_query(include_superseded))
        return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    finally:
        con.close()


def export(warehouse: Path, out: Path, *options: str) -> Path:
    assert main(["export", *options, str(out), "--warehouse", str(warehouse)]) == 0
    return out


def read_hxl(path: Path) -> hxl.model.Dataset:
    return hxl.data(str(path), hxl.InputOptions(allow_local=True))


def test_hxl_export_reads_back_through_libhxl_with_the_warehouse_values(bundled_warehouse, tmp_path, no_network):
    path = export(bundled_warehouse, tmp_path / "figures.hxl.csv")
    expected = warehouse_records(bundled_warehouse)
    dataset = read_hxl(path)
    assert [c.display_tag for c in dataset.columns] == [c.tag for c in hxl_columns()]
    assert [c.header for c in dataset.columns] == [c.header for c in hxl_columns()]
    rows = list(dataset)
    assert len(rows) == len(expected) > 50
    by_id = {row.get("#meta+id"): row for row in rows}
    for record in expected:
        row = by_id[record["figure_id"]]
        for tag, field in (("#indicator+metric", "metric"), ("#country+code", "country"), ("#date+start", "period_start"),
                           ("#date+end", "period_end"), ("#loc+name", "places"), ("#org", "attributed_to"),
                           ("#meta+source", "source"), ("#meta+url", "url"), ("#group", "population")):
            assert (row.get(tag) or "") == text_cell(record[field]), (tag, record)
        # the value is in its metric's column (or the change/share column), every other value column is empty
        if record["kind"] == "count":
            value_tag = METRIC_TAGS[record["metric"]]
        else:
            value_tag = {"change": "#indicator+pct+change", "share": "#indicator+pct+share"}[record["kind"]]
        assert float(row.get(value_tag)) == record["value"]
        filled = [c for c in hxl_columns() if c.field is None and row.values[hxl_columns().index(c)] != ""]
        assert [c.tag for c in filled] == [value_tag]
    killed = [r for r in rows if r.get("#indicator+metric") == "killed" and r.get("#meta+period") == "2021-H1"]
    assert {r.get("#affected+killed") for r in killed} == {"1659"}


def test_hxl_export_is_valid_against_its_schema_and_libhxls_own(bundled_warehouse, tmp_path, no_network):
    path = export(bundled_warehouse, tmp_path / "figures.csv", "--format", "hxl")
    problems: list = []
    schema = hxl.schema(hxl.data(hxl_schema_rows()), callback=problems.append)
    assert schema.validate(read_hxl(path)), [(p.message, str(p.rule.tag_pattern), p.value) for p in problems]
    assert problems == []
    # libhxl's built-in schema ships with it as a local file
    built_in: list = []
    assert hxl.schema(None, callback=built_in.append).validate(read_hxl(path))
    assert [p for p in built_in if p.rule.severity == "error"] == []


def test_the_hxl_schema_catches_what_it_should(bundled_warehouse, tmp_path, no_network):
    good = list(csv.reader(export(bundled_warehouse, tmp_path / "f.hxl.csv").read_text().splitlines()))
    headers = good[0]
    bad = dict(zip(headers, good[2], strict=True)) | {"metric": "deaths", "country": "Afghanistan", "period_start": "soon"}
    bad["killed" if bad["casualties"] else "casualties"] = "12"  # two counts in one row
    broken = tmp_path / "broken.csv"
    with broken.open("w", newline="") as f:
        csv.writer(f).writerows([headers, good[1], [bad[h] for h in headers], good[2]])  # good[2] repeats the id
    problems: list = []
    assert not hxl.schema(hxl.data(hxl_schema_rows()), callback=problems.append).validate(read_hxl(broken))
    assert {str(p.rule.tag_pattern) for p in problems} == {"#indicator+metric", "#country+code", "#date", "#affected", "#meta+id"}


def test_parquet_round_trips_through_duckdb(bundled_warehouse, tmp_path):
    path = export(bundled_warehouse, tmp_path / "figures.parquet")
    expected = warehouse_records(bundled_warehouse)
    con = duckdb.connect()
    relation = con.sql(f"SELECT * FROM read_parquet('{path}')")
    assert relation.columns == list(EXPORT_COLUMNS)
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    assert (types["value"], types["period_start"], types["places"]) == ("DOUBLE", "DATE", "VARCHAR[]")
    assert [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()] == expected


def test_csv_and_json_round_trip(bundled_warehouse, tmp_path):
    expected = warehouse_records(bundled_warehouse)
    with export(bundled_warehouse, tmp_path / "figures.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [list(r) for r in rows[:1]] == [list(EXPORT_COLUMNS)]
    assert rows == [{c: text_cell(r[c]) for c in EXPORT_COLUMNS} for r in expected]
    as_json = [{c: json_value(r[c]) for c in EXPORT_COLUMNS} for r in expected]
    assert json.loads(export(bundled_warehouse, tmp_path / "figures.json").read_text()) == as_json
    lines = export(bundled_warehouse, tmp_path / "figures.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == as_json


def test_export_reads_current_figures_unless_all(tmp_path):
    live = small_warehouse.build(
        tmp_path / "w" / "humstat.duckdb",
        [small_warehouse.document("old", "a.txt", superseded_by="new"), small_warehouse.document("new", "a.txt")],
        [small_warehouse.figure("f-old", "old", "killed", 40), small_warehouse.figure("f-new", "new", "killed", 45)],
    )
    current = json.loads(export(live, tmp_path / "current.json").read_text())
    assert [(r["figure_id"], r["value"], r["superseded_by"]) for r in current] == [("f-new", 45, None)]
    every = json.loads(export(live, tmp_path / "all.json", "--all").read_text())
    assert sorted((r["figure_id"], r["superseded_by"]) for r in every) == [("f-new", None), ("f-old", "new")]


def test_export_to_standard_output(bundled_warehouse, capsys):
    assert main(["export", "--format", "csv", "-", "--warehouse", str(bundled_warehouse)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[0].split(",") == list(EXPORT_COLUMNS)
    assert "to standard output" in out.err


def test_every_field_has_an_hxl_column_and_every_metric_a_tag():
    covered = {c.field for c in hxl_columns() if c.field}
    # `value` is spread over the value columns; everything else is copied as it is
    assert covered == set(EXPORT_COLUMNS) - {"value"}
    assert set(METRIC_TAGS) == set(METRICS)
    assert set(names(FIGURE_FIELDS)) <= set(EXPORT_COLUMNS)
    tags = [c.tag for c in hxl_columns()]
    assert len(set(tags)) == len(tags)
    for tag in tags:
        assert hxl.model.Column.parse(tag).display_tag == tag


def test_every_hxl_tag_and_attribute_is_documented():
    text = DOCS.read_text()
    for column in hxl_columns():
        assert f"`{column.tag}`" in text, column.tag
    for attribute in sorted({a for c in hxl_columns() for a in re.findall(r"\+(\w+)", c.tag)}):
        assert f"`+{attribute}`" in text, attribute


def test_the_published_hxl_schema_is_current():
    from io import StringIO

    from pipeline.exports import write_text_rows

    out = StringIO()
    write_text_rows(hxl_schema_rows(), out)
    assert (DOCS.parent / "hxl-schema.csv").read_text() == out.getvalue(), "run `python -m pipeline.exports schema > docs/hxl-schema.csv`"


@pytest.mark.parametrize(("name", "requested", "found"), [
    ("f.hxl.csv", None, "hxl"), ("F.CSV", None, "csv"), ("f.parquet", None, "parquet"), ("f.json", None, "json"),
    ("f.jsonl", None, "jsonl"), ("f.txt", None, None), ("f.txt", "csv", "csv"), ("-", None, None),
])
def test_the_format_comes_from_the_option_or_the_name(name, requested, found):
    assert format_for(name, requested) == found
