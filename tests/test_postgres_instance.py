"""The instance beyond one machine: deploy/dagster-postgres.yaml, with runs, events and the pool
slots in PostgreSQL. Two batches start at once, each a run of the main job on the multiprocess
executor: extraction fans out by batch, and the DuckDB steps of both runs take the pool's one
slot in turn, so one step at a time writes the warehouse.

It needs a PostgreSQL server named by DAGSTER_PG_HOST, DAGSTER_PG_PORT, DAGSTER_PG_USERNAME,
DAGSTER_PG_PASSWORD and DAGSTER_PG_DB, whose role may create databases (`.ci/postgres` sets one
up). Without one it is skipped, unless HUMSTAT_REQUIRE_POSTGRES=1 (as in `.ci/run`): then it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from itertools import pairwise
from pathlib import Path

import dagster as dg
import duckdb
import psycopg2
import pytest
from psycopg2 import sql

from pipeline.config import batches_dir
from pipeline.inbox_watch import content_hash, write_batch
from tests.conftest import BUNDLED_REFERENCE

ROOT = Path(__file__).resolve().parent.parent
INSTANCE_YAML = ROOT / "deploy" / "dagster-postgres.yaml"
CONNECTION = ("DAGSTER_PG_HOST", "DAGSTER_PG_PORT", "DAGSTER_PG_USERNAME", "DAGSTER_PG_PASSWORD", "DAGSTER_PG_DB")
DUCKDB_POOL = "duckdb"


def _connect(db_name: str):
    return psycopg2.connect(
        host=os.environ["DAGSTER_PG_HOST"], port=int(os.environ["DAGSTER_PG_PORT"]),
        user=os.environ["DAGSTER_PG_USERNAME"], password=os.environ["DAGSTER_PG_PASSWORD"],
        dbname=db_name, connect_timeout=5,
    )


def _no_server_reason() -> str | None:
    missing = [name for name in CONNECTION if not os.environ.get(name)]
    if missing:
        return f"no PostgreSQL configured: {', '.join(missing)} not set (.ci/postgres sets up a server, .ci/run the variables)"
    try:
        _connect(os.environ["DAGSTER_PG_DB"]).close()
    except psycopg2.OperationalError as err:
        where = f"{os.environ['DAGSTER_PG_HOST']}:{os.environ['DAGSTER_PG_PORT']}"
        return f"no PostgreSQL reachable at {where}: {str(err).strip()}"
    return None


@pytest.fixture
def scratch_database(monkeypatch) -> str:
    """A database of its own for the instance, dropped afterwards; DAGSTER_PG_DB names it."""
    reason = _no_server_reason()
    if reason:
        if os.environ.get("HUMSTAT_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"HUMSTAT_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    name = f"humstat_test_{uuid.uuid4().hex[:12]}"
    admin = _connect(os.environ["DAGSTER_PG_DB"])
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        monkeypatch.setenv("DAGSTER_PG_DB", name)
        yield name
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    finally:
        admin.close()


def main_job() -> dg.JobDefinition:
    from assets.definitions import defs

    return defs.resolve_job_def("humstat_main")


def _launch_batch(home: Path, run_config: Path, key: str) -> subprocess.Popen:
    """One run of the main job on one batch, as its own process with the instance of `home`,
    the way a launcher on another machine starts it (`dagster job execute`)."""
    command = [str(Path(sys.executable).parent / "dagster"), "job", "execute", "-m", "assets.definitions", "-j", "humstat_main",
               "--tags", json.dumps({"dagster/partition": key}), "-c", str(run_config)]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "DAGSTER_HOME": str(home)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _step_spans(instance: dg.DagsterInstance, run_id: str, steps: set[str]) -> list[tuple[float, float, str]]:
    """(start, end, step) of each of `steps` that ran in the run, from its event log."""
    starts, ends = {}, {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if not event or event.step_key not in steps:
            continue
        if event.event_type == dg.DagsterEventType.STEP_START:
            starts.setdefault(event.step_key, entry.timestamp)
        elif event.event_type in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            ends[event.step_key] = entry.timestamp
    return [(starts[step], ends[step], f"{run_id[:8]}:{step}") for step in starts]


def test_two_batches_at_once_on_the_postgres_instance(tmp_path, monkeypatch, scratch_database):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "humstat.duckdb"
    inbox.mkdir()
    months = {"a": ("2022-03-01", 40, "February"), "b": ("2022-04-01", 52, "March"),
              "c": ("2022-05-01", 61, "April"), "d": ("2022-06-01", 73, "May")}
    for name, (published, killed, month) in months.items():
        (inbox / f"{name}.txt").write_text(
            f"---\ndate: {published}\n---\nUNAMA recorded {killed} civilians killed in Afghanistan in {month} 2022.\n"
        )
    for name, value in {"HUMSTAT_INBOX": inbox, "HUMSTAT_WAREHOUSE": warehouse, "HUMSTAT_REFERENCE": BUNDLED_REFERENCE}.items():
        monkeypatch.setenv(name, str(value))
    batches = [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    keys = [write_batch(batches_dir(warehouse), files, [content_hash(inbox / f) for f in files]) for files in batches]
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(INSTANCE_YAML, home / "dagster.yaml")

    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__module__.startswith("dagster_postgres")
        assert type(instance.event_log_storage).__module__.startswith("dagster_postgres")
        assert instance.event_log_storage.supports_global_concurrency_limits
        instance.add_dynamic_partitions("inbox_batches", keys)
        # the pool's row is made once, from dagster.yaml's default, before two runs start at once
        # (each run would otherwise insert it, and on a new database the second insert collides)
        instance.event_log_storage.initialize_concurrency_limit_to_default(DUCKDB_POOL)

    run_config = tmp_path / "run.yaml"
    run_config.write_text(json.dumps({"execution": {"config": {"multiprocess": {"max_concurrent": 2}}}}))
    launched = [_launch_batch(home, run_config, key) for key in keys]
    for process in launched:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output[-3000:]

    job = main_job()
    pooled = {node.name for node in job.nodes if node.definition.pool == DUCKDB_POOL}
    assert {"source_documents", "load_batch", "extracted_figures"} - pooled == {"extracted_figures"}
    with dg.DagsterInstance.from_config(str(home)) as instance:
        # the runs and their events are in PostgreSQL, in this test's own database
        by_key = {run.tags["dagster/partition"]: run for run in instance.get_runs()}
        assert sorted(by_key) == sorted(keys)
        assert all(run.status == dg.DagsterRunStatus.SUCCESS for run in by_key.values())
        run_ids = [by_key[key].run_id for key in keys]
        for run_id, key in zip(run_ids, keys, strict=True):
            engine = [e.message for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT)]
            assert any("multiprocess" in m.lower() for m in engine)
            # each run extracted its own batch, in a step process of its own
            extracted = [e.dagster_event for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)
                         if e.dagster_event.asset_key == dg.AssetKey("extracted_figures")]
            assert [event.partition for event in extracted] == [key]
        runs = [_step_spans(instance, run_id, pooled | {"extracted_figures"}) for run_id in run_ids]
        # the two runs were under way at the same time
        first, second = ([start for start, _, _ in spans] for spans in runs)
        first_end, second_end = ([end for _, end, _ in spans] for spans in runs)
        assert min(first) < max(second_end) and min(second) < max(first_end)
        # the pool held in PostgreSQL kept the DuckDB steps of both runs to one at a time
        info = instance.event_log_storage.get_concurrency_info(DUCKDB_POOL)
        assert info.slot_count == 1 and info.claimed_slots == [] and info.pending_steps == []
        writers = sorted(span for spans in runs for span in spans if span[2].split(":")[1] in pooled)
        assert len(writers) == 2 * len(pooled)
        for (_, end, before), (start, _, after) in pairwise(writers):
            assert start >= end, f"{after} started while {before} held the warehouse"

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT value FROM trend_series ORDER BY value").fetchall() == [(40.0,), (52.0,), (61.0,), (73.0,)]
        assert con.execute("SELECT count(*) FROM inbox_files").fetchone() == (4,)
    finally:
        con.close()

    with _connect(scratch_database) as check, check.cursor() as cur:
        cur.execute("SELECT count(*) FROM runs")
        assert cur.fetchone() == (2,)
    check.close()
