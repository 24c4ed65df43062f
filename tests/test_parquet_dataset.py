"""The Parquet mode: the figures as a dataset partitioned by country and year, read back by DuckDB."""

import duckdb

from pipeline.parquet_dataset import dataset_path, read_dataset_sql, write_figures_dataset


def test_the_dataset_holds_every_figure_in_its_country_and_year_folder(bundled_warehouse):
    target = dataset_path(bundled_warehouse)  # written by the figures_parquet asset
    folders = {str(p.parent.relative_to(target)) for p in target.rglob("*.parquet")}
    assert "country=AFG/year=2021" in folders
    con = duckdb.connect(str(bundled_warehouse), read_only=True)
    try:
        stored = con.execute(
            "SELECT f.figure_id, f.value, coalesce(f.country, 'unknown'), d.superseded_by IS NULL "
            "FROM figures f JOIN documents d USING (doc_id) ORDER BY 1"
        ).fetchall()
        read_back = con.execute(f"SELECT figure_id, value, country, current FROM ({read_dataset_sql(target)}) ORDER BY 1").fetchall()
        years = con.execute(
            f"SELECT DISTINCT year FROM ({read_dataset_sql(target)}) WHERE year <> 'unknown' AND figure_id IN "
            "(SELECT figure_id FROM figures WHERE year(period_end) = 2021)"
        ).fetchall()
    finally:
        con.close()
    assert read_back == stored and len(stored) > 50
    assert years == [("2021",)]


def test_a_rewrite_replaces_the_dataset_whole(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    from pipeline.warehouse import ensure_tables

    ensure_tables(con)
    target = tmp_path / "parquet" / "figures"
    (target / "country=XXX").mkdir(parents=True)
    (target / "country=XXX" / "stale.parquet").write_bytes(b"not parquet")
    assert write_figures_dataset(con, target) == 0
    con.close()
    assert list(target.rglob("*")) == []  # the stale file went with the old dataset
    assert [p.name for p in target.parent.iterdir()] == ["figures"]  # nothing staged is left behind
