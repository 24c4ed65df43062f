"""The blocking schema checks read the tables in chunks and still find every failing row."""

import duckdb
from dagster_duckdb import DuckDBResource

from assets import checks
from benchmarks import bench_views


def test_a_bad_row_in_a_later_chunk_fails_the_check(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    bench_views.create_schema(con)
    bench_views.generate(con, 6_000)
    resource = DuckDBResource(database=str(path))
    con.close()
    monkeypatch.setattr(checks, "CHUNK_VECTORS", 1)  # 2,048 rows a chunk: three chunks
    figures_check = checks.schema_check("figures", checks.FigureSchema)
    good = figures_check(duckdb=resource)
    assert good.passed and good.metadata["rows"].value == 6_000
    con = duckdb.connect(str(path))
    con.execute("UPDATE figures SET kind = 'guess' WHERE rowid = (SELECT max(rowid) FROM figures)")  # the last chunk
    con.execute("UPDATE figures SET char_end = char_start - 1 WHERE figure_id = (SELECT min(figure_id) FROM figures)")
    con.close()
    bad = figures_check(duckdb=resource)
    assert not bad.passed and bad.metadata["rows"].value == 6_000 and bad.metadata["failures"].value >= 2
    assert "kind" in bad.metadata["failing_checks"].value
