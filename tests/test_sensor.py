"""The inbox sensor: the files new at a tick are one batch, one dynamic partition and one run,
and nothing runs twice, across ticks and restarts."""

import os
import time

import dagster as dg
import duckdb

from assets.definitions import FILE_ASSETS, defs
from assets.resources import HumstatPaths, build_resources
from tests.conftest import BUNDLED_REFERENCE


def evaluate(instance, cursor, inbox, warehouse):
    sensor = defs.resolve_sensor_def("inbox_new_files")
    paths = HumstatPaths(inbox=str(inbox), reference=str(BUNDLED_REFERENCE), reports=str(warehouse.parent), batches=str(warehouse.parent / "batches"))
    result = sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"paths": paths}))
    for request in result.dynamic_partitions_requests:  # as the daemon applies them
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def later(path, seconds=5):
    at = time.time() + seconds
    os.utime(path, (at, at))


def test_new_files_make_one_partition_per_tick_then_none_even_after_a_restart(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    with dg.instance_for_test() as instance:
        assert evaluate(instance, None, inbox, warehouse).skip_reason is not None
        (inbox / "a.txt").write_text("12 civilians were killed.")
        (inbox / "b b.txt").write_text("30 people were displaced.")
        first = evaluate(instance, None, inbox, warehouse)
        [added] = first.dynamic_partitions_requests
        [run] = first.run_requests
        assert added.partitions_def_name == "inbox_batches" and list(added.partition_keys) == [run.partition_key]
        assert run.run_key == run.partition_key and run.tags["humstat/files"] == "2"
        # the next tick, and a restart that resumes from the stored cursor, request nothing
        assert evaluate(instance, first.cursor, inbox, warehouse).run_requests == []
        # a lost cursor sees the same files again: the same batch and run key, which Dagster runs once
        lost = evaluate(instance, None, inbox, warehouse)
        assert [r.run_key for r in lost.run_requests] == [run.run_key]
        # a file added later is a second partition; a changed file is news too
        (inbox / "c.txt").write_text("4 aid workers were abducted.")
        later(inbox / "c.txt")
        second = evaluate(instance, first.cursor, inbox, warehouse)
        (inbox / "a.txt").write_text("14 civilians were killed.")
        later(inbox / "a.txt", 10)
        third = evaluate(instance, second.cursor, inbox, warehouse)
        keys = [r.partition_key for r in (run, *second.run_requests, *third.run_requests)]
        assert len(set(keys)) == 3
        assert instance.get_dynamic_partitions("inbox_batches") == keys


def test_the_run_a_tick_requests_reads_exactly_its_batch(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    (inbox / "old.txt").write_text("3 civilians were killed in Kabul in May 2021.")
    with dg.instance_for_test() as instance:
        first = evaluate(instance, None, inbox, warehouse)
        for name, text in [("new1.txt", "40 civilians were injured in Herat in June 2021."), ("new2.txt", "120 families were displaced in Kunduz in June 2021.")]:
            (inbox / name).write_text(text)
            later(inbox / name)
        second = evaluate(instance, first.cursor, inbox, warehouse)
        (inbox / "new2.txt").unlink()  # left the inbox between the tick and the run
        [request] = second.run_requests
        result = dg.materialize(
            FILE_ASSETS, resources=build_resources(str(inbox), str(warehouse), str(BUNDLED_REFERENCE)),
            instance=instance, partition_key=request.partition_key,
        )
        assert result.success
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT path FROM documents").fetchall() == [("new1.txt",)]  # not old.txt: not in the batch
        assert con.execute("SELECT path, reason FROM rejected_documents").fetchall() == [("new2.txt", "the file left the inbox before it could be read")]
        assert con.execute("SELECT path FROM inbox_files").fetchall() == [("new1.txt",)]
    finally:
        con.close()
