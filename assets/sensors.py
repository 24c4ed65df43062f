"""A sensor on the inbox: the files new or changed since the warehouse last read them become one
batch, a dynamic partition, and one run.

What is new is decided by the rule `humstat run` uses (`changed_since_read`: size and
modification time against the warehouse's `inbox_files`), read from the snapshot each run
publishes, never from the live warehouse, so the sensor neither waits for a run nor holds one
up. A file `humstat run` read is not launched again, a file the sensor launched is not read
again by `humstat run`, and a tick with nothing new launches nothing.

A batch per tick rather than a partition per file: see assets/partitions.py (a partition costs
seven event-log writes, a run seconds of start-up; reading a file costs milliseconds). The
batch and the run key are the hash of the files' names and contents, so the same content never
runs twice, even after a restart that loses the cursor. The cursor holds the batches requested
whose files the snapshot does not show read yet, so a tick neither requests them again nor
puts them in a second batch while their run is queued.
"""

import json
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import INBOX_BATCHES
from assets.resources import HumstatPaths
from pipeline.inbox_watch import (
    Requested,
    batch_hashes,
    changed_since_read,
    not_yet_requested,
    run_holds_warehouse,
    snapshot_stamps,
    stamps_digest,
    write_batch,
)
from pipeline.snapshot import snapshot_path

NOTHING_NEW = "nothing new since the warehouse last read the inbox"


def requested_batches(cursor: str | None) -> list[Requested]:
    """The cursor's batches: a JSON list of [batch key, stamps digest]; anything else (none, or
    an older sensor's modification time) holds none."""
    try:
        held = json.loads(cursor) if cursor else []
    except ValueError:
        return []
    if not isinstance(held, list):
        return []
    return [(e[0], e[1]) for e in held if isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e)]


def inbox_sensor(job) -> dg.SensorDefinition:  # the main job, as define_asset_job returns it
    @dg.sensor(job=job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
    def inbox_new_files(context: dg.SensorEvaluationContext, paths: HumstatPaths, duckdb: DuckDBResource) -> dg.SensorResult:
        warehouse = Path(duckdb.database)  # only its name: the live file is never opened here
        if run_holds_warehouse(warehouse):
            return dg.SensorResult(skip_reason=dg.SkipReason(
                f"a `humstat run` is reading the inbox into {warehouse}; what it leaves unread is looked at after it"))
        inbox, folder = Path(paths.inbox), Path(paths.batches)
        stamps = snapshot_stamps(snapshot_path(warehouse))
        changed = [str(p.relative_to(inbox)) for p in changed_since_read(inbox, stamps, warehouse)] if inbox.is_dir() else []
        if not changed:
            return dg.SensorResult(skip_reason=dg.SkipReason(NOTHING_NEW), cursor="[]")
        fresh, waiting = not_yet_requested(inbox, folder, changed, requested_batches(context.cursor))
        if not fresh:
            return dg.SensorResult(skip_reason=dg.SkipReason(
                f"the {len(changed)} files new since the warehouse last read the inbox are in batches already "
                f"requested ({', '.join(k for k, _ in waiting)}), not loaded yet (a batch whose run failed "
                "is read again by re-executing that run, or by `humstat run`)"), cursor=json.dumps(waiting))
        digest = stamps_digest(inbox, fresh)  # before hashing: a file changed meanwhile is news next tick
        key = write_batch(folder, fresh, batch_hashes(inbox, fresh))
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=key, partition_key=key, tags={"humstat/files": str(len(fresh))})],
            dynamic_partitions_requests=[INBOX_BATCHES.build_add_request([key])],
            cursor=json.dumps([*waiting, (key, digest)]),
        )

    return inbox_new_files
