"""Resources, built in one place: where documents come from and where the warehouse is."""


import os
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from assets.io_managers import PartitionSetIOManager
from pipeline.config import batches_dir, inbox_dir, reference_dir, reports_dir, warehouse_path

# Every asset and check that writes DuckDB claims a slot in this pool. DuckDB allows one
# writer process, so the instance gives the pool a limit of 1 (dagster.yaml: default_limit).
DUCKDB_POOL = "duckdb"

DUCKDB_RETRIES = 4

# Every step that touches DuckDB retries: the file can be held for a moment by another process
# (a reader of the live file, a run outside the pool). Three tries with a growing, jittered
# wait get past that; a real bug fails after them, seconds later, with its own error.
DUCKDB_RETRY_POLICY = dg.RetryPolicy(max_retries=3, delay=1.0, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS)

# The IO manager of the values the partitioned assets hand on (see assets/io_managers.py).
RUN_VALUES = "run_values"


@contextmanager
def duckdb_writer(duckdb: DuckDBResource) -> Iterator[duckdb_module.DuckDBPyConnection]:
    """A write connection; a file held by another process (an IO error) retries the step with
    a backoff, while real errors fail at once rather than being retried."""
    try:
        with duckdb.get_connection() as con:
            yield con
    except duckdb_module.IOException as err:
        raise dg.RetryRequested(max_retries=DUCKDB_RETRIES, seconds_to_wait=2.0) from err


def duckdb_memory_limit() -> str:
    """DuckDB's memory for the warehouse steps (HUMSTAT_DUCKDB_MEMORY, default 2GB). DuckDB's own
    default is 80% of the machine, which a large warehouse's claim checks and snapshot fill;
    past the limit it spills to disk next to the database instead."""
    return os.environ.get("HUMSTAT_DUCKDB_MEMORY", "2GB")


class HumstatPaths(dg.ConfigurableResource):
    """Folders read by the pipeline."""

    inbox: str
    reference: str
    reports: str
    batches: str  # where the file lists of the inbox batches are kept


def build_resources(inbox: str | None = None, warehouse: str | None = None, reference: str | None = None) -> dict:
    database = warehouse_path(warehouse)
    database.parent.mkdir(parents=True, exist_ok=True)
    # reports sit beside the warehouse they describe
    reports = reports_dir(None if warehouse is None else database.parent.parent / "reports")
    return {
        "paths": HumstatPaths(
            inbox=str(inbox_dir(inbox)), reference=str(reference_dir(reference)), reports=str(reports), batches=str(batches_dir(database)),
        ),
        "duckdb": DuckDBResource(database=str(database), connection_config={"memory_limit": duckdb_memory_limit()}),
        RUN_VALUES: PartitionSetIOManager(base_dir=str(database.parent / "run-values")),
    }
