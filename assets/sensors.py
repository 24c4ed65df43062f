"""A sensor on the inbox: the files that are new or changed at a tick become one batch, a
dynamic partition, and one run.

A batch per tick rather than a partition per file: see assets/partitions.py (a partition costs
seven event-log writes, a run seconds of start-up; reading a file costs milliseconds). The
batch and the run key are the hash of the files' names and contents, so the same content never
runs twice, even after a restart that loses the cursor.
"""

from pathlib import Path

import dagster as dg

from assets.partitions import INBOX_BATCHES
from assets.resources import HumstatPaths
from pipeline.inbox_watch import new_files, write_batch


def inbox_sensor(job) -> dg.SensorDefinition:  # the main job, as define_asset_job returns it
    @dg.sensor(job=job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
    def inbox_new_files(context: dg.SensorEvaluationContext, paths: HumstatPaths) -> dg.SensorResult:
        cursor = float(context.cursor) if context.cursor else None
        found = new_files(Path(paths.inbox), cursor)
        if found is None:
            return dg.SensorResult(skip_reason=dg.SkipReason("no new or changed files in the inbox"))
        key = write_batch(Path(paths.batches), found.paths, found.hashes)
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=key, partition_key=key, tags={"humstat/files": str(len(found.paths))})],
            dynamic_partitions_requests=[INBOX_BATCHES.build_add_request([key])],
            cursor=str(found.cursor),
        )

    return inbox_new_files
