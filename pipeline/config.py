"""Where humstat finds its data, from arguments or the environment."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_WAREHOUSE = DATA_DIR / "warehouse" / "humstat.duckdb"


def inbox_dir(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_INBOX") or DATA_DIR / "inbox")


def warehouse_path(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_WAREHOUSE") or DEFAULT_WAREHOUSE)


def reference_dir(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_REFERENCE") or DATA_DIR / "reference")


def batches_dir(warehouse: Path) -> Path:
    """The file lists of the inbox batches the warehouse was fed, beside it."""
    return warehouse.parent / "batches"


def snapshot_path(warehouse: Path) -> Path:
    """The read-only snapshot of the warehouse, beside it (pipeline/snapshot.py writes it)."""
    return warehouse.with_name(f"{warehouse.stem}-read{warehouse.suffix}")


def parquet_dir(warehouse: Path) -> Path:
    """The Parquet datasets written from the warehouse, beside it (pipeline/parquet_dataset.py)."""
    return warehouse.parent / "parquet"


def run_values_dir(warehouse: Path) -> Path:
    """The values the partitioned assets hand on within a run, beside the warehouse (assets/io_managers.py)."""
    return warehouse.parent / "run-values"


WAREHOUSE_SUFFIX = ".duckdb"


def warehouse_outputs(warehouse: Path) -> list[Path]:
    """Every file and folder humstat writes for a warehouse: the database and its write-ahead
    log, the snapshot and its log, the batch lists, the Parquet datasets, the run values and the
    reports (a `reports/` folder beside it, and `reports_dir`). The inbox listing leaves them
    out wherever they are placed (`pipeline.documents.inbox_files`)."""
    snapshot = snapshot_path(warehouse)
    return [
        warehouse, warehouse.with_name(warehouse.name + ".wal"), snapshot, snapshot.with_name(snapshot.name + ".wal"),
        batches_dir(warehouse), parquet_dir(warehouse), run_values_dir(warehouse), warehouse.parent / "reports",
        reports_dir(warehouse),
    ]


def reports_dir(warehouse: Path | None = None) -> Path:
    """Where the charts and the claim-check table go: $HUMSTAT_REPORTS; else `data/reports/` for
    the default warehouse, and a `reports/` folder beside any other warehouse file, so two
    warehouses never write over each other's reports."""
    configured = os.environ.get("HUMSTAT_REPORTS")
    if configured:
        return Path(configured)
    if warehouse is None or Path(warehouse).resolve() == DEFAULT_WAREHOUSE.resolve():
        return DATA_DIR / "reports"
    return Path(warehouse).parent / "reports"
