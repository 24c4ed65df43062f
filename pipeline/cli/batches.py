"""How `humstat run` drives the assets: the inbox files that changed since the warehouse read
them, in batches (a dynamic partition and a run each), then one run of the views and the report.

Batches bound memory (a run holds its documents and figures) and make progress visible.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from pipeline.cli.stopping import RunProgress
from pipeline.config import batches_dir, inbox_dir, warehouse_path
from pipeline.documents import inbox_files
from pipeline.inbox_watch import batch_hashes, changed_since_read, run_lock, write_batch
from pipeline.warehouse import connect_writer, inbox_stamps


def batch_documents() -> int:
    """Files per run: bounds the memory a run holds (HUMSTAT_BATCH_DOCUMENTS, default 2,000)."""
    return max(1, int(os.environ.get("HUMSTAT_BATCH_DOCUMENTS", "2000")))


@dataclass
class InboxRun:
    """The runs of one `humstat run`, read as one."""

    files: int  # in the inbox
    selected: int  # read by this run: new or changed since last read, or all with --full
    results: list[dg.ExecuteInProcessResult] = field(default_factory=list)
    reports: Path | None = None  # where the charts and the claim-check table were written

    @property
    def success(self) -> bool:
        return all(r.success for r in self.results)

    def get_step_failure_events(self) -> list:
        return [e for r in self.results for e in r.get_step_failure_events()]

    def get_asset_check_evaluations(self) -> list:
        return [e for r in self.results for e in r.get_asset_check_evaluations()]

    def metadata(self, asset: str) -> dict:
        """The asset's metadata; counts are summed over the batches, other values are the last
        batch's. A run over a range records one materialization per partition, all alike: one is read."""
        merged: dict = {}
        for result in self.results:
            events = [e.step_materialization_data.materialization for e in result.get_asset_materialization_events()]
            first = next((m for m in events if m.asset_key.to_user_string() == asset), None)
            for key, entry in (first.metadata.items() if first else ()):
                value = entry.value
                summable = isinstance(value, int) and not isinstance(value, bool) and not key.startswith("dagster/")
                merged[key] = merged[key] + value if summable and key in merged else value
        return merged


def _stamps(warehouse: Path) -> dict[str, tuple[int, int]]:
    if not warehouse.exists():
        return {}
    con = connect_writer(warehouse, on_wait=lambda message: print(f"humstat: {message}", file=sys.stderr, flush=True))
    try:
        return inbox_stamps(con)
    finally:
        con.close()


def plan_batches(instance: dg.DagsterInstance, inbox: Path, warehouse: Path, full: bool) -> tuple[int, list[tuple[str, int]]]:
    """Record the batches of files to read as partitions; returns the inbox's file count and
    each batch's key and size."""
    from assets.partitions import INBOX_BATCHES

    listed = [str(p.relative_to(inbox)) for p in inbox_files(inbox, warehouse)] if inbox.is_dir() else []
    chosen = listed if full else [str(p.relative_to(inbox)) for p in changed_since_read(inbox, _stamps(warehouse), warehouse)]
    size = batch_documents()
    batches = []
    for start in range(0, len(chosen), size):
        files = chosen[start:start + size]
        batches.append((write_batch(batches_dir(warehouse), files, batch_hashes(inbox, files)), len(files)))
    known = set(instance.get_dynamic_partitions(INBOX_BATCHES.name))
    instance.add_dynamic_partitions(INBOX_BATCHES.name, [k for k, _ in batches if k not in known])
    return len(listed), batches


@contextmanager
def one_run_at_a_time(warehouse: Path) -> Iterator[None]:
    """Runs on one warehouse take turns: a second `humstat run` waits for the first, then finds
    its files already read. The kernel drops the lock with the process, so none goes stale."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    folder = run_lock(warehouse)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"humstat: another run is using {warehouse}; waiting for it to finish", file=sys.stderr)
            fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)


LAUNCHED_BY_TAG = "humstat/launched_by"
WAREHOUSE_TAG = "humstat/warehouse"


def run_tags(warehouse: Path) -> dict[str, str]:
    """The tags of the runs `humstat run` launches on a warehouse, by which abandoned ones are found."""
    return {LAUNCHED_BY_TAG: "humstat run", WAREHOUSE_TAG: str(warehouse.resolve())}


def release_abandoned_runs(instance: dg.DagsterInstance, warehouse: Path) -> list[str]:
    """Mark failed the runs an earlier `humstat run` on this warehouse left unfinished (its
    process was killed), and free the DuckDB pool slots they held: otherwise every later run
    would wait for those slots for ever. Called under the warehouse's lock, so no such run is
    still alive. Returns their ids."""
    abandoned = instance.get_runs(filters=dg.RunsFilter(
        statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.CANCELING],
        tags=run_tags(warehouse),
    ))
    for run in abandoned:
        instance.report_run_failed(run, "abandoned: the `humstat run` that started it ended without finishing it")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
    return [run.run_id for run in abandoned]


def run_inbox(
    instance: dg.DagsterInstance,
    inbox: str | None,
    warehouse: str | None,
    reference: str | None,
    full: bool = False,
    on_batch: Callable[[int, int], None] | None = None,
    progress: RunProgress | None = None,
) -> InboxRun:
    """Read the changed files batch by batch, then refresh the views, the report and the checks.
    `on_batch(done, total)` is told the documents done after each batch; `progress` is kept up
    to date with what is stored."""
    with one_run_at_a_time(warehouse_path(warehouse)):
        return _run_batches(instance, inbox, warehouse, reference, full, on_batch, progress or RunProgress())


def _run_batches(
    instance: dg.DagsterInstance,
    inbox: str | None,
    warehouse: str | None,
    reference: str | None,
    full: bool,
    on_batch: Callable[[int, int], None] | None,
    progress: RunProgress,
) -> InboxRun:
    from assets.definitions import ALL_ASSETS, ALL_CHECKS, FILE_ASSETS
    from assets.io_managers import discard_values
    from assets.resources import RUN_VALUES, build_resources
    from assets.warehouse import load_batch

    resources = build_resources(inbox, warehouse, reference)
    for run_id in release_abandoned_runs(instance, warehouse_path(warehouse)):
        print(f"humstat: run {run_id} was left unfinished by an earlier `humstat run`; marked failed, its pool slots freed",
              file=sys.stderr)
    files, batches = plan_batches(instance, inbox_dir(inbox), warehouse_path(warehouse), full)
    tags = run_tags(warehouse_path(warehouse))
    run = InboxRun(files=files, selected=sum(n for _, n in batches), reports=Path(resources["paths"].reports))
    progress.files, progress.batches = run.selected, len(batches)
    # the command prints each failure as one line itself; Dagster's own log blocks and
    # tracebacks only with --debug (HUMSTAT_DEBUG)
    level = "WARNING" if os.environ.get("HUMSTAT_DEBUG", "") not in ("", "0") else "CRITICAL"
    quiet = {"loggers": {"console": {"config": {"log_level": level}}}}
    file_keys = {k for a in FILE_ASSETS for k in a.keys}
    file_checks = [c for c in ALL_CHECKS if {k.asset_key for k in c.check_keys} <= file_keys]
    done = 0
    for number, (key, size) in enumerate(batches):
        last = number == len(batches) - 1
        result = dg.materialize(
            # the schema checks read whole tables: once, after the last batch
            [*FILE_ASSETS, *(file_checks if last else [])],
            resources=resources,
            instance=instance,
            partition_key=key,
            tags=tags,
            run_config={**quiet, "ops": {"source_documents": {"config": {"full": full}}}},
            raise_on_error=False,
        )
        run.results.append(result)
        # stored once the batch's load committed, even if a check after it failed
        if any(e.step_key == load_batch.op.name for e in result.get_step_success_events()):
            progress.files_stored += size
            progress.batches_stored += 1
        if result.success:
            discard_values(resources[RUN_VALUES].base_dir, [key])
        done += size
        if on_batch is not None:
            on_batch(done, run.selected)
        if not result.success:
            return run  # later batches would hide the failure; the next run retries them
    views = [a for a in ALL_ASSETS if a not in FILE_ASSETS]
    run.results.append(dg.materialize(
        [*views, *[c for c in ALL_CHECKS if c not in file_checks]],
        resources=resources, instance=instance, tags=tags, run_config=quiet, raise_on_error=False,
    ))
    progress.views_done = run.results[-1].success
    return run
