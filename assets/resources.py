"""Resources, built in one place: where documents come from and where the warehouse is."""


import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from assets.io_managers import PartitionSetIOManager
from pipeline.config import batches_dir, inbox_dir, reference_dir, reports_dir, run_values_dir, warehouse_path
from pipeline.warehouse import WarehouseBusy, connect_writer

# Every asset and check that writes DuckDB claims a slot in this pool. DuckDB allows one
# writer process, so the instance gives the pool a limit of 1 (dagster.yaml: default_limit).
DUCKDB_POOL = "duckdb"

# Every step that touches DuckDB retries once more on an error Dagster can retry: a waiting
# writer already waits for the file itself (pipeline.warehouse.connect_writer), so a retry only
# covers a passing fault, and a real bug fails seconds later with its own error.
DUCKDB_RETRY_POLICY = dg.RetryPolicy(max_retries=3, delay=1.0, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS)

# The IO manager of the values the partitioned assets hand on (see assets/io_managers.py).
RUN_VALUES = "run_values"


def _say_waiting(message: str) -> None:
    """A step waiting for the warehouse says so: on the terminal of `humstat run`, and in the
    run's log in the UI."""
    print(f"humstat: {message}", file=sys.stderr, flush=True)
    dg.get_dagster_logger("humstat").warning(message)


@contextmanager
def duckdb_writer(duckdb: DuckDBResource) -> Iterator[duckdb_module.DuckDBPyConnection]:
    """A write connection that waits, visibly, while another process holds the warehouse (see
    `connect_writer`); past the wait the step fails with the holder named, not retried."""
    try:
        con = connect_writer(duckdb.database, duckdb.connection_config, on_wait=_say_waiting)
    except WarehouseBusy as err:
        raise dg.Failure(str(err), allow_retries=False) from err
    try:
        yield con
    finally:
        con.close()


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
    reports = reports_dir(database)
    return {
        "paths": HumstatPaths(
            inbox=str(inbox_dir(inbox)), reference=str(reference_dir(reference)), reports=str(reports), batches=str(batches_dir(database)),
        ),
        "duckdb": DuckDBResource(database=str(database), connection_config={"memory_limit": duckdb_memory_limit()}),
        RUN_VALUES: PartitionSetIOManager(base_dir=str(run_values_dir(database))),
    }
