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
