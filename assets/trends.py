"""Trends: the series, their changes, claims and checks, stored as tables each run refreshes."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.previews import table_metadata
from assets.resources import DUCKDB_POOL, DUCKDB_RETRY_POLICY, duckdb_writer
from pipeline import claims, hapi, trends, warehouse


@dg.multi_asset(
    specs=[
        dg.AssetSpec("trend_series", group_name="trends", kinds={"duckdb"}, deps=["figures", "documents"],
                     description="One row per metric, population, country and period: the best value and how many said it."),
        dg.AssetSpec("period_changes", group_name="trends", kinds={"duckdb"}, deps=["trend_series"],
                     description="Each series against its previous period of the same length and the same period a year earlier."),
    ],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
)
def trend_views(duckdb: DuckDBResource):
    with duckdb_writer(duckdb) as con:
        warehouse.ensure_tables(con)
        trends.create_views(con)
        hapi.create_hapi_view(con)  # the HAPI-shaped view over the same figures (docs/exports.md)
        for view in ("trend_series", "period_changes"):
            yield dg.MaterializeResult(asset_key=view, metadata=table_metadata(con, view, order="period_end DESC", label="latest"))


@dg.multi_asset(
    specs=[
        dg.AssetSpec("claims", group_name="trends", kinds={"duckdb"}, deps=["figures"],
                     description="One row per quantity stated (source, metric, population, country, place, period), grouping its mentions."),
        dg.AssetSpec("claim_checks", group_name="trends", kinds={"duckdb"}, deps=["claims", "trend_series", "reference_figures"],
                     description="Each figure tested against the others and the reference series: expected, found, tolerance, verdict, why."),
    ],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
)
def claim_views(duckdb: DuckDBResource):
    with duckdb_writer(duckdb) as con:
        warehouse.ensure_tables(con)
        trends.create_views(con, only_missing=True)  # trend_views refreshed them
        claims.create_claim_views(con)
        verdicts = dict(con.execute("SELECT verdict, count(*) FROM claim_checks GROUP BY verdict").fetchall())
        yield dg.MaterializeResult(
            asset_key="claims",
            metadata={
                "dagster/row_count": dg.MetadataValue.int(warehouse.count_rows(con, "claims")),
                "most_restated": dg.MetadataValue.md(warehouse.preview_markdown(
                    con, "SELECT source, metric, population, country, period_label, value, values_stated, mentions, documents "
                         "FROM claims ORDER BY mentions DESC, period_label DESC")),
            },
        )
        yield dg.MaterializeResult(
            asset_key="claim_checks",
            metadata={
                "dagster/row_count": dg.MetadataValue.int(sum(verdicts.values())),
                **{verdict: dg.MetadataValue.int(n) for verdict, n in verdicts.items()},
                "inconsistent": dg.MetadataValue.md(warehouse.preview_markdown(
                    con, "SELECT \"check\", expected, found, explanation FROM claim_checks WHERE verdict = 'inconsistent'", limit=20)),
            },
        )
