"""The figures as a Parquet dataset partitioned by country and year, for engines that read
Parquet directly (DuckDB, MotherDuck, Spark, Polars) without opening the warehouse.

Hive-style folders (`country=AFG/year=2021/`) let readers prune partitions. The dataset is
written beside the old one and swapped in with renames, so a reader never lists a half-written
dataset; each row carries `current` (false once a later version of its document superseded it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipeline.config import parquet_dir

UNKNOWN = "unknown"  # the folder of figures with no country or no period

FIGURES_WITH_PARTITIONS = f"""
SELECT f.*,
       d.superseded_by IS NULL AS current,
       coalesce(f.country, '{UNKNOWN}') AS country_part,
       coalesce(CAST(year(coalesce(f.period_end, f.period_start)) AS VARCHAR), '{UNKNOWN}') AS year
FROM figures AS f JOIN documents AS d USING (doc_id)
"""


def dataset_path(warehouse: Path) -> Path:
    return parquet_dir(warehouse) / "figures"


def write_figures_dataset(con: duckdb.DuckDBPyConnection, target: Path) -> int:
    """Write every figure under `target`; returns the rows written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.partial")
    retired = target.with_name(f".{target.name}.old")
    for leftover in (staged, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    # the partition column `country` replaces the row's own, as Hive readers expect
    query = f"SELECT * EXCLUDE (country, country_part), country_part AS country FROM ({FIGURES_WITH_PARTITIONS})"
    try:
        # COPY answers with the number of rows it wrote
        rows = con.execute(f"COPY ({query}) TO '{staged}' (FORMAT parquet, PARTITION_BY (country, year), COMPRESSION zstd)").fetchall()[0][0]
        if target.exists():
            target.rename(retired)
        staged.rename(target)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
    return rows


def read_dataset_sql(target: Path) -> str:
    """How DuckDB reads the dataset back, partition columns included."""
    return f"SELECT * FROM read_parquet('{target}/**/*.parquet', hive_partitioning = true)"
