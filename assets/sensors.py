"""A sensor on the inbox: new files start the main job, one run per batch of new files.

One run per batch rather than per document: a run costs seconds of start-up, and the job is
incremental (documents already loaded are skipped), so a batch of any size is one cheap run.
The run key is the hash of the batch's contents, so the same files never run twice, even after
a restart that loses the cursor.
"""

from pathlib import Path

import dagster as dg

from assets.resources import HumstatPaths
from pipeline.inbox_watch import new_files


def inbox_sensor(job) -> dg.SensorDefinition:
    @dg.sensor(job=job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
    def inbox_new_files(context: dg.SensorEvaluationContext, paths: HumstatPaths) -> dg.SensorResult:
        cursor = float(context.cursor) if context.cursor else None
        found = new_files(Path(paths.inbox), cursor)
        if found is None:
            return dg.SensorResult(skip_reason=dg.SkipReason("no new or changed files in the inbox"))
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=found.batch_key, tags={"humstat/new_files": str(len(found.paths))})],
            cursor=str(found.cursor),
        )

    return inbox_new_files
