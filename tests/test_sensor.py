"""The inbox sensor: the files the warehouse has not read are one batch, one dynamic partition and
one run; nothing runs twice, across ticks and restarts; what `humstat run` read is never launched
again; and the sensor reads the snapshot, never the live warehouse."""

import json
import os
import shutil
import subprocess
import sys
import time

import dagster as dg
import duckdb
import pytest

from assets.definitions import FILE_ASSETS, defs
from assets.resources import build_resources
from assets.sensors import NOTHING_NEW
from pipeline.cli.batches import one_run_at_a_time
from pipeline.cli.run import materialize_all
from pipeline.documents import inbox_files
from pipeline.snapshot import snapshot_path
from tests.conftest import BUNDLED_REFERENCE


def evaluate(instance, cursor, inbox, warehouse):
    sensor = defs.resolve_sensor_def("inbox_new_files")
    resources = build_resources(str(inbox), str(warehouse), str(BUNDLED_REFERENCE))
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={k: resources[k] for k in ("paths", "duckdb")})
    result = sensor(context)
    for request in result.dynamic_partitions_requests or ():  # as the daemon applies them
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def batch_of(result, warehouse) -> list[str]:
    """The files of the one batch a tick requested, as recorded for its run."""
    [run] = result.run_requests
    return json.loads((warehouse.parent / "batches" / f"{run.partition_key}.json").read_text())["files"]


def skipped(result) -> str:
    assert result.run_requests in (None, []) and result.skip_reason is not None
    return result.skip_reason.skip_message


def later(path, seconds=5):
    at = time.time() + seconds
    os.utime(path, (at, at))


def test_new_files_make_one_partition_per_tick_then_none_even_after_a_restart(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    with dg.instance_for_test() as instance:
        assert skipped(evaluate(instance, None, inbox, warehouse)) == NOTHING_NEW
        (inbox / "a.txt").write_text("12 civilians were killed.")
        (inbox / "b b.txt").write_text("30 people were displaced.")
        first = evaluate(instance, None, inbox, warehouse)  # no warehouse yet: every file is new
        [added] = first.dynamic_partitions_requests
        [run] = first.run_requests
        assert added.partitions_def_name == "inbox_batches" and list(added.partition_keys) == [run.partition_key]
        assert run.run_key == run.partition_key and run.tags["humstat/files"] == "2"
        assert batch_of(first, warehouse) == ["a.txt", "b b.txt"]
        # the next tick, and a restart that resumes from the stored cursor, request nothing while the batch waits
        waiting = evaluate(instance, first.cursor, inbox, warehouse)
        assert run.partition_key in skipped(waiting) and "already requested" in skipped(waiting)
        # a lost cursor sees the same files again: the same batch and run key, which Dagster runs once
        lost = evaluate(instance, None, inbox, warehouse)
        assert [r.run_key for r in lost.run_requests] == [run.run_key]
        # a file added later is a second partition of that file alone; a changed file is news too
        (inbox / "c.txt").write_text("4 aid workers were abducted.")
        later(inbox / "c.txt")
        second = evaluate(instance, first.cursor, inbox, warehouse)
        assert batch_of(second, warehouse) == ["c.txt"]
        (inbox / "a.txt").write_text("14 civilians were killed.")
        later(inbox / "a.txt", 10)
        third = evaluate(instance, second.cursor, inbox, warehouse)
        assert batch_of(third, warehouse) == ["a.txt", "b b.txt"]  # the first batch no longer holds what is there
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


@pytest.fixture
def read_inbox(bundled_warehouse, tmp_path):
    """A copy of the bundled inbox and of the warehouse a `humstat run` made of it, with its
    snapshot; copied with the files' sizes and modification times."""
    root = tmp_path / "root"
    shutil.copytree(bundled_warehouse.parent.parent, root)
    inbox, warehouse = root / "inbox", root / "warehouse" / bundled_warehouse.name
    assert snapshot_path(warehouse).is_file()
    return inbox, warehouse


def test_after_humstat_run_the_sensor_launches_only_what_it_did_not_read(read_inbox):
    inbox, warehouse = read_inbox
    with dg.instance_for_test() as instance:
        # `make ui` right after `make run`: no cursor, and nothing to run
        assert skipped(evaluate(instance, None, inbox, warehouse)) == NOTHING_NEW
        (inbox / "new.txt").write_text("UNAMA recorded 40 civilians killed in Afghanistan in February 2022.\n")
        added = evaluate(instance, None, inbox, warehouse)
        assert batch_of(added, warehouse) == ["new.txt"] and added.run_requests[0].tags["humstat/files"] == "1"
        # its run is queued: the next tick does not request it again
        assert "already requested" in skipped(evaluate(instance, added.cursor, inbox, warehouse))
        # a file the warehouse read, changed since
        changed = sorted(inbox_files(inbox))[0]
        changed.write_text(changed.read_text() + "\n")
        later(changed)
        again = evaluate(instance, added.cursor, inbox, warehouse)
        assert batch_of(again, warehouse) == [changed.name]


def test_what_the_sensor_launched_is_not_read_again_by_humstat_run(read_inbox):
    inbox, warehouse = read_inbox
    with dg.instance_for_test() as instance:
        (inbox / "new.txt").write_text("UNAMA recorded 40 civilians killed in Afghanistan in February 2022.\n")
        added = evaluate(instance, None, inbox, warehouse)
        [request] = added.run_requests
        batch = dg.materialize(FILE_ASSETS, resources=build_resources(str(inbox), str(warehouse), str(BUNDLED_REFERENCE)),
                               instance=instance, partition_key=request.partition_key)
        assert batch.success
        after = materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance)
        assert after.success and after.selected == 0
        # the run published a snapshot that shows the file read: the batch leaves the cursor
        done = evaluate(instance, added.cursor, inbox, warehouse)
        assert skipped(done) == NOTHING_NEW and done.cursor == "[]"


def test_without_a_snapshot_the_whole_inbox_is_new(read_inbox):
    inbox, warehouse = read_inbox
    snapshot_path(warehouse).unlink()  # the live warehouse is there, and is not read
    with dg.instance_for_test() as instance:
        result = evaluate(instance, None, inbox, warehouse)
    assert batch_of(result, warehouse) == [str(p.relative_to(inbox)) for p in inbox_files(inbox)]


def test_the_sensor_reads_the_snapshot_while_another_process_writes_the_warehouse(read_inbox):
    inbox, warehouse = read_inbox
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); sys.stdin.read()", str(warehouse)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(duckdb.IOException):  # the live file is locked against any other process
            duckdb.connect(str(warehouse), read_only=True).close()
        (inbox / "new.txt").write_text("30 people were displaced.")
        with dg.instance_for_test() as instance:
            result = evaluate(instance, None, inbox, warehouse)
        assert batch_of(result, warehouse) == ["new.txt"]
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0


def test_a_tick_during_humstat_run_waits_for_it(read_inbox):
    inbox, warehouse = read_inbox
    (inbox / "new.txt").write_text("30 people were displaced.")
    with dg.instance_for_test() as instance:
        with one_run_at_a_time(warehouse):  # as `humstat run` holds it, until its snapshot is published
            assert "humstat run" in skipped(evaluate(instance, None, inbox, warehouse))
        assert batch_of(evaluate(instance, None, inbox, warehouse), warehouse) == ["new.txt"]
