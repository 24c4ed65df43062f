"""One dynamic partition per batch of inbox files.

Why batches and not one partition per document: Dagster records a materialization event per
partition and asset, and each costs about 20 ms in the instance's SQLite event log. The file
stages are seven assets, so a partition per document would spend 0.15 s per document on
bookkeeping (hours for an archive of 100,000), far more than reading and extracting it. A batch
of up to 2,000 files costs the same seven events. The batch's files are listed in
`<warehouse folder>/batches/<key>.json`, so any batch can be re-read later by a backfill.
"""

import warnings

import dagster as dg

INBOX_BATCHES = dg.DynamicPartitionsDefinition(name="inbox_batches")
# a backfill over many batches is one run, not one run per batch
ONE_RUN_PER_BACKFILL = dg.BackfillPolicy.single_run()
# backfill_policy is marked beta; humstat pins its Dagster version, so the warning is noise
warnings.filterwarnings("ignore", message="Parameter `backfill_policy`", category=dg.BetaWarning)
