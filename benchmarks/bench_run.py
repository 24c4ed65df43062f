"""End-to-end benchmark (not a test): `python -m benchmarks.bench_run --documents 10000 100000`.

For each size: generate the documents into a fresh inbox, time `humstat run` into an empty
warehouse as a separate process (as an operator runs it, with a Dagster instance on disk), then
add 100 new documents and time the incremental run. Prints documents/s, MB/s, figures/s, the
peak memory of the run and the warehouse's size.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from benchmarks.corpus import generate
from pipeline.config import DATA_DIR

INCREMENT = 100
BENCH_INSTANCE = "concurrency:\n  pools:\n    default_limit: 1\ntelemetry:\n  enabled: false\n"


@dataclass(frozen=True)
class RunTiming:
    seconds: float
    peak_rss_mb: float


def write_corpus(inbox: Path, count: int, seed: int, skip: int = 0) -> int:
    """Write documents `skip`..`count` of the seeded corpus; returns the bytes written."""
    inbox.mkdir(parents=True, exist_ok=True)
    written = 0
    for n, doc in enumerate(generate(count, seed)):
        if n >= skip:
            data = doc.text.encode("utf-8")
            (inbox / doc.name).write_bytes(data)
            written += len(data)
    return written


def timed_run(workdir: Path) -> RunTiming:
    env = {
        **os.environ,
        "DAGSTER_HOME": str(workdir / "dagster_home"),
        "HUMSTAT_INBOX": str(workdir / "inbox"),
        "HUMSTAT_WAREHOUSE": str(workdir / "warehouse" / "humstat.duckdb"),
        "HUMSTAT_REFERENCE": str(DATA_DIR / "reference"),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run"], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"humstat run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    # the largest child so far: runs only grow with the corpus, so this is this run's peak
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return RunTiming(seconds, peak / 1024)


def figures_in(warehouse: Path) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
    finally:
        con.close()


def bench_size(count: int, seed: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix=f"humstat-bench-{count}-"))
    try:
        (workdir / "dagster_home").mkdir()
        # an instance of its own (SQLite in the home), with the project's DuckDB pool limit
        (workdir / "dagster_home" / "dagster.yaml").write_text(BENCH_INSTANCE)
        size = write_corpus(workdir / "inbox", count, seed)
        full = timed_run(workdir)
        warehouse = workdir / "warehouse" / "humstat.duckdb"
        figures = figures_in(warehouse)
        write_corpus(workdir / "inbox", count + INCREMENT, seed, skip=count)
        increment = timed_run(workdir)
        print(f"{count:>7,} documents  {size / 1e6:7.1f} MB  run {full.seconds:7.1f} s  "
              f"{count / full.seconds:6.0f} docs/s  {size / full.seconds / 1e6:5.2f} MB/s  {figures / full.seconds:7.0f} figures/s  "
              f"peak RSS {full.peak_rss_mb:6.0f} MB  warehouse {warehouse.stat().st_size / 1e6:6.1f} MB  "
              f"+{INCREMENT} new documents {increment.seconds:5.1f} s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def bench_loading(rows: int, seed: int) -> None:
    """Figure rows per second into DuckDB through the loader the warehouse asset uses, from real
    extracted records copied under new ids: the records as Arrow columns (`to_arrow`, over the
    whole batch), the same from the frame validation builds (`frame_to_arrow`, what a run hands
    the loader), and `load_figures` of those columns into a new warehouse in one transaction
    (change counts, key check and insert)."""
    from pipeline.extraction import extract
    from pipeline.readers.text import parse_text
    from pipeline.validation import figures_frame
    from pipeline.warehouse import ensure_tables, load_figures
    from schemas.arrow import frame_to_arrow, to_arrow
    from schemas.fields import TABLES

    sample: list[dict] = []
    for doc in generate(400, seed):
        sample.extend(extract(parse_text(doc.text, doc.name)))
    records = [{**r, "figure_id": f"{n:024x}", "doc_id": f"d{n // 20:063x}"} for n, r in
               zip(range(rows), (sample[i % len(sample)] for i in range(rows)), strict=True)]
    doc_ids = sorted({r["doc_id"] for r in records})
    frame = figures_frame(records)
    with tempfile.TemporaryDirectory() as folder:
        con = duckdb.connect(str(Path(folder) / "load.duckdb"))
        try:
            ensure_tables(con)
            started = time.perf_counter()
            to_arrow(records, TABLES["figures"])
            converted = time.perf_counter()
            columns = frame_to_arrow(frame, TABLES["figures"])
            framed = time.perf_counter()
            load_figures(con, columns, [], doc_ids)
            loaded = time.perf_counter()
        finally:
            con.close()
    print(f"loading  {rows:,} figure rows: records to Arrow {converted - started:.2f} s ({rows / (converted - started):,.0f} rows/s), "
          f"validation's frame to Arrow {framed - converted:.2f} s ({rows / (framed - converted):,.0f} rows/s), "
          f"Arrow into DuckDB (load_figures) {loaded - framed:.2f} s ({rows / (loaded - framed):,.0f} rows/s), "
          f"frame to warehouse {rows / (loaded - converted):,.0f} rows/s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--load-rows", type=int, default=1_000_000, help="figure rows for the loading benchmark")
    args = parser.parse_args(argv)
    print(f"humstat end-to-end benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}; HUMSTAT_WORKERS={os.environ.get('HUMSTAT_WORKERS', 'all cores')}")
    for count in args.documents:
        bench_size(count, args.seed)
    # last: its million records in this process would count in the runs' memory (forked children)
    bench_loading(args.load_rows, args.seed)


if __name__ == "__main__":
    main()
