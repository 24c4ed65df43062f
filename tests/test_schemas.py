"""One source of truth: the DDL, Arrow schema and pandera model all derive from schemas.fields."""

import duckdb

from schemas.arrow import arrow_schema
from schemas.ddl import all_tables_sql
from schemas.enums import METRICS
from schemas.fields import FIGURE_FIELDS, TABLES, names
from schemas.models import FigureSchema


def test_ddl_columns_are_the_field_list():
    con = duckdb.connect()
    for statement in all_tables_sql():
        con.execute(statement)
    for table, fields in TABLES.items():
        columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        assert columns == names(fields)
    con.close()


def test_pandera_and_arrow_follow_the_same_fields():
    assert list(FigureSchema.columns) == names(FIGURE_FIELDS)
    assert arrow_schema(FIGURE_FIELDS).names == names(FIGURE_FIELDS)


def test_spec_fields_and_enums_are_present():
    spec_fields = {
        "path", "doc_id", "figure_id", "char_start", "char_end", "text", "sentence", "kind", "value", "low",
        "high", "qualifier", "metric", "population", "country", "places", "period_start", "period_end",
        "comparison_start", "comparison_end", "attributed_to",
    }
    assert spec_fields <= set(names(FIGURE_FIELDS))
    assert "armed_groups" in METRICS and len(METRICS) == 13


def test_docs_tables_are_generated_from_the_fields():
    from pipeline.config import PROJECT_ROOT
    from schemas.docs import tables_markdown

    assert (PROJECT_ROOT / "docs" / "tables.md").read_text(encoding="utf-8") == tables_markdown()
