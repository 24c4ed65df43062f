"""The inbox sensor: new files make one run, named by their contents; nothing runs twice."""

import os
import time

import dagster as dg

from assets.definitions import defs
from assets.resources import HumstatPaths


def evaluate(sensor, instance, cursor, inbox, reference):
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor, resources={"paths": HumstatPaths(inbox=str(inbox), reference=str(reference), reports=str(reference))}
    )
    return sensor(context)


def test_two_new_files_one_run_then_none_even_after_a_restart(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sensor = defs.resolve_sensor_def("inbox_new_files")
    with dg.instance_for_test() as instance:
        assert evaluate(sensor, instance, None, inbox, tmp_path).skip_reason is not None
        (inbox / "a.txt").write_text("12 civilians were killed.")
        (inbox / "b.txt").write_text("30 people were displaced.")
        first = evaluate(sensor, instance, None, inbox, tmp_path)
        assert len(first.run_requests) == 1
        assert first.run_requests[0].tags["humstat/new_files"] == "2"
        again = evaluate(sensor, instance, first.cursor, inbox, tmp_path)
        assert again.run_requests == [] and again.skip_reason is not None
        # a restart keeps the cursor in the instance; a lost cursor still names the same batch,
        # and Dagster runs a run key once
        restarted = evaluate(sensor, instance, None, inbox, tmp_path)
        assert restarted.run_requests[0].run_key == first.run_requests[0].run_key
        # a changed file is news
        later = time.time() + 5
        (inbox / "a.txt").write_text("14 civilians were killed.")
        os.utime(inbox / "a.txt", (later, later))
        changed = evaluate(sensor, instance, first.cursor, inbox, tmp_path)
        assert len(changed.run_requests) == 1
        assert changed.run_requests[0].run_key != first.run_requests[0].run_key
        assert changed.run_requests[0].tags["humstat/new_files"] == "1"
