"""Resources, built in one place: where documents come from and where the warehouse is."""


from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from pipeline.config import inbox_dir, reference_dir, reports_dir, warehouse_path

# Every asset and check that writes DuckDB claims a slot in this pool. DuckDB allows one
# writer process, so the instance gives the pool a limit of 1 (dagster.yaml: default_limit).
DUCKDB_POOL = "duckdb"

DUCKDB_RETRIES = 4


@contextmanager
def duckdb_writer(duckdb: DuckDBResource) -> Iterator[duckdb_module.DuckDBPyConnection]:
    """A write connection; a file held by another process (an IO error) retries the step with
    a backoff, while real errors fail at once rather than being retried."""
    try:
        with duckdb.get_connection() as con:
            yield con
    except duckdb_module.IOException as err:
        raise dg.RetryRequested(max_retries=DUCKDB_RETRIES, seconds_to_wait=2.0) from err


class HumstatPaths(dg.ConfigurableResource):
    """Folders read by the pipeline."""

    inbox: str
    reference: str
    reports: str


def build_resources(inbox: str | None = None, warehouse: str | None = None, reference: str | None = None) -> dict:
    database = warehouse_path(warehouse)
    database.parent.mkdir(parents=True, exist_ok=True)
    # reports sit beside the warehouse they describe
    reports = reports_dir(None if warehouse is None else database.parent.parent / "reports")
    return {
        "paths": HumstatPaths(inbox=str(inbox_dir(inbox)), reference=str(reference_dir(reference)), reports=str(reports)),
        "duckdb": DuckDBResource(database=str(database)),
    }
