"""Trends: views comparing periods, created over the warehouse tables."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.resources import DUCKDB_POOL, duckdb_writer
from pipeline import trends, warehouse


@dg.multi_asset(
    specs=[
        dg.AssetSpec("trend_series", group_name="trends", kinds={"duckdb"}, deps=["figures", "documents"],
                     description="One row per metric, population, country and period: the best value and how many said it."),
        dg.AssetSpec("period_changes", group_name="trends", kinds={"duckdb"}, deps=["trend_series"],
                     description="Each series against its previous period of the same length and the same period a year earlier."),
    ],
    pool=DUCKDB_POOL,
)
def trend_views(duckdb: DuckDBResource):
    with duckdb_writer(duckdb) as con:
        warehouse.ensure_tables(con)
        trends.create_views(con)
        for view, order in (("trend_series", "period_end DESC"), ("period_changes", "period_end DESC")):
            yield dg.MaterializeResult(
                asset_key=view,
                metadata={
                    "dagster/row_count": dg.MetadataValue.int(warehouse.count_rows(con, view)),
                    "latest": dg.MetadataValue.md(warehouse.preview_markdown(con, f"SELECT * FROM {view} ORDER BY {order}")),
                },
            )
