"""Faults: a load killed half-way leaves the previous state and the next run completes it; a run
interrupted by Ctrl-C leaves no half-written file and no lock."""

import json
import shutil
import signal
import subprocess
import sys
import time

import dagster as dg
import duckdb

from pipeline import warehouse as wh
from pipeline.cli.run import materialize_all
from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE

# A load made slow after its first insert, so the test can kill it inside the transaction.
SLOW_LOAD = """
import json, sys, time
import duckdb
from pipeline import warehouse
insert = warehouse._insert
def slow_insert(con, table, rows):
    insert(con, table, rows)
    print("mid-load", flush=True)
    time.sleep(120)
warehouse._insert = slow_insert
records = json.load(open(sys.argv[2]))
con = duckdb.connect(sys.argv[1])
warehouse.load_figures(con, records, [], sorted({r["doc_id"] for r in records}))
"""


def figures_state(path) -> list[tuple]:
    con = duckdb.connect(str(path))  # read-write: also proves no lock is left behind
    try:
        return con.execute("SELECT figure_id, value FROM figures ORDER BY figure_id").fetchall()
    finally:
        con.close()


def test_a_load_killed_midway_leaves_the_previous_state_and_the_next_run_completes(tmp_path):
    shutil.copytree(BUNDLED_INBOX, tmp_path / "inbox")
    warehouse = tmp_path / "w" / "humstat.duckdb"
    with dg.instance_for_test() as instance:
        assert materialize_all(str(tmp_path / "inbox"), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
    before = figures_state(warehouse)
    con = duckdb.connect(str(warehouse))
    records = [dict(zip([d[0] for d in con.execute("SELECT * FROM figures LIMIT 0").description], row, strict=True))
               for row in con.execute("SELECT * FROM figures").fetchall()]
    con.close()
    revised = [{**r, "value": r["value"] + 1, "low": None, "high": None, "qualifier": "approximately",
                "period_start": str(r["period_start"]) if r["period_start"] else None,
                "period_end": str(r["period_end"]) if r["period_end"] else None,
                "comparison_start": str(r["comparison_start"]) if r["comparison_start"] else None,
                "comparison_end": str(r["comparison_end"]) if r["comparison_end"] else None} for r in records]
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(revised))
    loader = subprocess.Popen([sys.executable, "-c", SLOW_LOAD, str(warehouse), str(batch)], stdout=subprocess.PIPE, text=True)
    try:
        assert loader.stdout.readline().strip() == "mid-load"
    finally:
        loader.send_signal(signal.SIGKILL)
        loader.wait(timeout=30)
    assert figures_state(warehouse) == before  # the killed transaction left nothing
    con = duckdb.connect(str(warehouse))
    wh.load_figures(con, revised, [], sorted({r["doc_id"] for r in revised}))
    con.close()
    after = figures_state(warehouse)
    assert [v for _, v in after] == [v + 1 for _, v in before]


def test_ctrl_c_leaves_no_half_written_file_and_no_lock(tmp_path):
    shutil.copytree(BUNDLED_INBOX, tmp_path / "inbox")
    warehouse = tmp_path / "w" / "humstat.duckdb"
    command = [sys.executable, "-m", "pipeline.cli", "run", "--inbox", str(tmp_path / "inbox"), "--warehouse", str(warehouse)]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # once the run is under way (it has made the warehouse's folder), at a moment of its own
    deadline = time.monotonic() + 120
    while not warehouse.parent.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert [line for line in err.decode().splitlines() if line.strip()][-1].startswith("humstat: stopped by SIGINT; ")
    leftovers = [p.name for p in warehouse.parent.iterdir() if p.name.startswith(".") or p.suffix in (".partial", ".tmp")]
    assert leftovers == []
    if warehouse.exists():
        figures_state(warehouse)  # opens read-write: no stale lock
    # and the next run completes the work
    with dg.instance_for_test() as instance:
        assert materialize_all(str(tmp_path / "inbox"), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
    assert len(figures_state(warehouse)) > 0


def test_a_run_killed_while_holding_the_duckdb_slot_does_not_block_the_next(tmp_path):
    from pipeline.cli.batches import LAUNCHED_BY_TAG, WAREHOUSE_TAG

    shutil.copytree(BUNDLED_INBOX, tmp_path / "inbox")
    warehouse = tmp_path / "w" / "humstat.duckdb"
    warehouse.parent.mkdir()
    with dg.instance_for_test(overrides={"concurrency": {"pools": {"default_limit": 1}}}) as instance:
        # what a `humstat run` killed mid-step leaves: its run started, the pool's one slot held
        killed = instance.add_run(dg.DagsterRun(
            job_name="__ephemeral_asset_job__", run_id="0" * 36, status=dg.DagsterRunStatus.STARTED,
            tags={LAUNCHED_BY_TAG: "humstat run", WAREHOUSE_TAG: str(warehouse.resolve())},
        ))
        instance.event_log_storage.initialize_concurrency_limit_to_default("duckdb")
        assert instance.event_log_storage.claim_concurrency_slot("duckdb", killed.run_id, "load_batch").is_claimed
        assert materialize_all(str(tmp_path / "inbox"), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
        assert instance.get_run_by_id(killed.run_id).status == dg.DagsterRunStatus.FAILURE
        assert instance.event_log_storage.get_concurrency_info("duckdb").active_slot_count == 0
