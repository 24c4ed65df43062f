"""Figures reach DuckDB as Arrow columns built over the whole batch, with the same rows as the
value-by-value conversion; the figures key is checked by the loader (no index), with the result
INSERT OR REPLACE gives; a warehouse made with the key as an index loads the same."""

from datetime import date, datetime

import duckdb
import pyarrow as pa

from pipeline import warehouse
from pipeline.extraction import extract
from pipeline.readers.text import parse_text
from pipeline.validation import figures_frame, validate_figures
from schemas.arrow import _cell, arrow_schema, frame_to_arrow, to_arrow
from schemas.ddl import create_table_sql
from schemas.fields import DOCUMENT_FIELDS, FIGURE_FIELDS
from tests.small_warehouse import figure

TEXT = ("---\ndate: 2023-05-02\nsource: OCHA\n---\nIn April 2023, 14 civilians were killed and about 30 injured in Kandahar, "
        "up 40% from March. Some 1,200 people were displaced in the first quarter of 2023.\n")


def _value_by_value(rows, fields):
    return pa.table({f.name: [_cell(f, row.get(f.name)) for row in rows] for f in fields}, schema=arrow_schema(fields))


def _records():
    doc = parse_text(TEXT, "apr.txt")
    return doc, extract(doc)


def test_whole_batch_conversion_equals_value_by_value():
    _, records = _records()
    assert len(records) >= 3
    assert to_arrow(records, FIGURE_FIELDS).equals(_value_by_value(records, FIGURE_FIELDS))
    assert frame_to_arrow(figures_frame(records), FIGURE_FIELDS).equals(_value_by_value(records, FIGURE_FIELDS))


def test_odd_values_convert_as_before():
    rows = [figure("a", "d", "killed", 3.0, low=float("nan"), places=None, period_start="2024-01-01"),
            {k: v for k, v in figure("b", "d", "injured", 4.0).items() if k != "high"},  # a missing key is null
            figure("c", "d", "killed", 5.0, population=float("nan"))]  # NaN in a text field: value by value
    for subset in (rows[:2], rows):
        assert to_arrow(subset, FIGURE_FIELDS).equals(_value_by_value(subset, FIGURE_FIELDS))
    assert frame_to_arrow(figures_frame(rows[:2]), FIGURE_FIELDS).equals(_value_by_value(rows[:2], FIGURE_FIELDS))
    docs = [{"doc_id": "x", "path": "p", "body": "b", "ingested_at": datetime(2024, 1, 2), "published": "2024-01-01"},
            {"doc_id": "y", "path": "q", "body": "b", "ingested_at": datetime(2024, 1, 2), "published": date(2024, 1, 1)}]
    assert to_arrow(docs, DOCUMENT_FIELDS).equals(_value_by_value(docs, DOCUMENT_FIELDS))


def test_validation_hands_the_valid_rows_as_columns():
    doc, records = _records()
    broken = dict(records[0], figure_id="broken", char_start=5, char_end=2)
    result = validate_figures([*records, broken], {doc.doc_id: doc.body})
    assert [r["figure_id"] for r in result.rejected] == ["broken"]
    assert result.columns().equals(to_arrow(result.valid, FIGURE_FIELDS))
    assert result.columns().equals(to_arrow(records, FIGURE_FIELDS))


def _loaded(con, batches):
    for figures, doc_ids in batches:
        changes = warehouse.load_figures(con, figures, [], doc_ids)
    rows = con.execute("SELECT figure_id, doc_id, value, metric FROM figures ORDER BY figure_id, value").fetchall()
    return rows, changes


def test_checked_key_loads_as_the_indexed_key_did(tmp_path):
    first = [figure("a", "d1", "killed", 1.0), figure("b", "d1", "killed", 2.0), figure("a", "d1", "injured", 9.0)]
    again = [figure("a", "d1", "killed", 1.5), figure("c", "d1", "killed", 3.0)]  # a changed, b gone, c new
    other = [figure("e", "d2", "killed", 7.0)]
    batches = [(first, ["d1"]), (other, ["d2"]), (again, ["d1"])]
    checked = duckdb.connect(str(tmp_path / "checked.duckdb"))
    warehouse.ensure_tables(checked)
    indexed = duckdb.connect(str(tmp_path / "indexed.duckdb"))
    indexed.execute(create_table_sql("figures").replace('"figure_id" VARCHAR NOT NULL', '"figure_id" VARCHAR PRIMARY KEY'))
    warehouse.ensure_tables(indexed)
    assert not warehouse._has_primary_key(checked, "figures") and warehouse._has_primary_key(indexed, "figures")
    for con in (checked, indexed):
        first_rows, _ = _loaded(con, batches[:1])
        assert first_rows == [("a", "d1", 1.0, "killed"), ("b", "d1", 2.0, "killed")]  # the first of a repeated id
    rows_checked, changes_checked = _loaded(checked, batches[1:])
    rows_indexed, changes_indexed = _loaded(indexed, batches[1:])
    assert rows_checked == rows_indexed == [("a", "d1", 1.5, "killed"), ("c", "d1", 3.0, "killed"), ("e", "d2", 7.0, "killed")]
    assert changes_checked == changes_indexed == warehouse.FigureChanges(added=1, removed=1, changed=1)
    # Arrow columns load as the records do
    columns = duckdb.connect(str(tmp_path / "columns.duckdb"))
    warehouse.ensure_tables(columns)
    assert _loaded(columns, [(to_arrow(f, FIGURE_FIELDS), d) for f, d in batches]) == (rows_checked, changes_checked)
    for con in (checked, indexed, columns):
        con.close()


def test_unchanged_reload_counts_no_change(tmp_path):
    rows = [figure("a", "d1", "killed", 1.0, low=None, high=None), figure("b", "d1", "killed", 2.0)]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    warehouse.ensure_tables(con)
    assert warehouse.load_figures(con, rows, [], ["d1"]) == warehouse.FigureChanges(added=2, removed=0, changed=0)
    assert warehouse.load_figures(con, rows, [], ["d1"]) == warehouse.FigureChanges(added=0, removed=0, changed=0)
    con.close()
