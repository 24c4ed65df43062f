"""The main job on Dagster's multiprocess executor, as the UI and the sensor launch it: each step
in its own process, the DuckDB steps one at a time through the pool."""

import dagster as dg
import duckdb

from pipeline.config import batches_dir
from pipeline.inbox_watch import content_hash, write_batch
from tests.conftest import BUNDLED_REFERENCE


def main_job() -> dg.JobDefinition:
    from assets.definitions import defs

    return defs.resolve_job_def("humstat_main")


def test_a_batch_runs_on_the_multiprocess_executor(tmp_path, monkeypatch):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "humstat.duckdb"
    inbox.mkdir()
    (inbox / "a.txt").write_text("---\ndate: 2022-03-01\n---\nUNAMA recorded 40 civilians killed in Afghanistan in February 2022.\n")
    (inbox / "b.txt").write_text("---\ndate: 2022-04-01\n---\nUNAMA recorded 52 civilians killed in Afghanistan in March 2022.\n")
    # the step processes build their resources from the environment, as in a deployment
    for name, value in {"HUMSTAT_INBOX": inbox, "HUMSTAT_WAREHOUSE": warehouse, "HUMSTAT_REFERENCE": BUNDLED_REFERENCE}.items():
        monkeypatch.setenv(name, str(value))
    files = ["a.txt", "b.txt"]
    key = write_batch(batches_dir(warehouse), files, [content_hash(inbox / f) for f in files])
    overrides = {"concurrency": {"pools": {"default_limit": 1}}}
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home"), overrides=overrides) as instance:
        instance.add_dynamic_partitions("inbox_batches", [key])
        result = dg.execute_job(
            # named by module path, so the step processes import it as the package it is
            dg.build_reconstructable_job("tests.test_multiprocess", "main_job"), instance=instance, tags={"dagster/partition": key},
            run_config={"execution": {"config": {"multiprocess": {"max_concurrent": 2}}}},
        )
        assert result.success
        engine = [e.message for e in instance.all_logs(result.run_id) if e.dagster_event and e.dagster_event.event_type_value == "ENGINE_EVENT"]
        assert any("multiprocess" in m.lower() for m in engine)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT value FROM trend_series ORDER BY value").fetchall() == [(40.0,), (52.0,)]
    finally:
        con.close()
