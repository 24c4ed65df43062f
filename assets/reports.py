"""Reports: the trend report, charts and the latest claim checks, in the UI and on disk."""

import base64
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.resources import DUCKDB_POOL, DUCKDB_RETRY_POLICY, HumstatPaths, duckdb_writer
from pipeline.parquet_dataset import dataset_path, write_figures_dataset
from pipeline.report import build_report
from pipeline.snapshot import publish_snapshot, snapshot_path


@dg.asset(
    group_name="reports",
    kinds={"matplotlib"},
    deps=["claim_checks", "period_changes", "reference_figures"],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    description="A chart per series (reported figures, reference line, stated changes) and the latest claim checks.",
)
def trend_report(duckdb: DuckDBResource, paths: HumstatPaths) -> dg.MaterializeResult:
    with duckdb_writer(duckdb) as con:
        report = build_report(con, Path(paths.reports))
    images = "\n\n".join(
        f"![{p.stem}](data:image/png;base64,{base64.b64encode(p.read_bytes()).decode()})" for p in report.charts
    )
    return dg.MaterializeResult(
        metadata={
            "charts": dg.MetadataValue.int(len(report.charts)),
            "report": dg.MetadataValue.path(str(report.markdown_path)),
            "chart_preview": dg.MetadataValue.md(images or "_no series with two or more periods_"),
            "latest_claim_checks": dg.MetadataValue.md(report.checks_markdown),
        }
    )


@dg.asset(
    group_name="reports",
    kinds={"duckdb"},
    deps=["claim_checks", "period_changes", "trend_series", "rejected_documents", "rejected_figures", "reference_figures"],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    description="A read-only copy of the warehouse, in DuckDB 1.5's format, for `humstat sql` and `make sql`.",
)
def warehouse_snapshot(duckdb: DuckDBResource) -> dg.MaterializeResult:
    with duckdb_writer(duckdb) as con:
        path = publish_snapshot(con, snapshot_path(Path(duckdb.database)))
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(path)), "bytes": dg.MetadataValue.int(path.stat().st_size)}
    )


@dg.asset(
    group_name="reports",
    kinds={"parquet"},
    deps=["figures", "documents"],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    description="Every figure as Parquet under data/warehouse/parquet/figures/country=…/year=…/, for DuckDB, MotherDuck or Spark.",
)
def figures_parquet(duckdb: DuckDBResource) -> dg.MaterializeResult:
    target = dataset_path(Path(duckdb.database))
    with duckdb_writer(duckdb) as con:
        rows = write_figures_dataset(con, target)
    files = sorted(target.rglob("*.parquet"))
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(target)),
        "dagster/row_count": dg.MetadataValue.int(rows),
        "partitions": dg.MetadataValue.int(len(files)),
        "bytes": dg.MetadataValue.int(sum(f.stat().st_size for f in files)),
    })
