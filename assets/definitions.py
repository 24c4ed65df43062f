"""The Definitions: every asset, check and resource of humstat, for `dagster dev` and `humstat run`."""


import dagster as dg

from assets.checks import SCHEMA_CHECKS, claim_check_warnings, documents_are_fresh
from assets.extract import extracted_figures
from assets.ingest import source_documents
from assets.reports import figures_parquet, trend_report, warehouse_snapshot
from assets.resources import build_resources
from assets.sensors import inbox_sensor
from assets.trends import claim_views, trend_views
from assets.validate import validated_figures
from assets.warehouse import load_batch, reference_figures

# The assets partitioned by inbox file; the others (reference, views, report) are whole-warehouse.
FILE_ASSETS = [source_documents, extracted_figures, validated_figures, load_batch]
ALL_ASSETS = [*FILE_ASSETS, reference_figures, trend_views, claim_views, trend_report, warehouse_snapshot, figures_parquet]
ALL_CHECKS = [*SCHEMA_CHECKS, claim_check_warnings, documents_are_fresh]

main_job = dg.define_asset_job("humstat_main", selection=dg.AssetSelection.all(), description="Every asset over the inbox.")

# Every morning the views and the report are refreshed, so the freshness and claim checks run
# even on days when no document arrives.
daily_views_job = dg.define_asset_job(
    "humstat_daily_views",
    selection=dg.AssetSelection.groups("trends", "reports"),
    description="Refresh the trend and claim views and the report.",
)
daily_views_schedule = dg.ScheduleDefinition(
    job=daily_views_job, cron_schedule="0 6 * * *", execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=ALL_CHECKS,
    jobs=[main_job, daily_views_job],
    schedules=[daily_views_schedule],
    sensors=[inbox_sensor(main_job)],
    resources=build_resources(),
)
