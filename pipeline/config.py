"""Where humstat finds its data, from arguments or the environment."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


def inbox_dir(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_INBOX") or DATA_DIR / "inbox")


def warehouse_path(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_WAREHOUSE") or DATA_DIR / "warehouse" / "humstat.duckdb")


def reference_dir(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_REFERENCE") or DATA_DIR / "reference")


def reports_dir(override: str | os.PathLike | None = None) -> Path:
    return Path(override or os.environ.get("HUMSTAT_REPORTS") or DATA_DIR / "reports")


def batches_dir(warehouse: Path) -> Path:
    """The file lists of the inbox batches the warehouse was fed, beside it."""
    return warehouse.parent / "batches"
