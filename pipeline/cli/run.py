"""`humstat run`: materialize every Dagster asset in process, then print what happened.

The same Definitions the UI shows; with DAGSTER_HOME set the run is recorded in that
instance (and its DuckDB pool limit applies), otherwise an ephemeral instance is used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb
from tabulate import tabulate

from pipeline.cli.batches import InboxRun, run_inbox
from pipeline.cli.errors import UNUSABLE, CliError
from pipeline.cli.stopping import RunProgress
from pipeline.config import inbox_dir, reports_dir, warehouse_path
from pipeline.progress import batch_reporter, showing_progress
from pipeline.trends import LATEST_TRENDS
from pipeline.warehouse import WarehouseBusy


def _instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def materialize_all(
    inbox: str | None = None,
    warehouse: str | None = None,
    reference: str | None = None,
    instance: dg.DagsterInstance | None = None,
    full: bool = False,
    on_batch: Callable[[int, int], None] | None = None,
    progress: RunProgress | None = None,
) -> InboxRun:
    """Every asset: the inbox files new or changed since the warehouse read them (all with
    `full`), in batches, then the views and the report. `progress`, if given, is kept up to
    date with what is stored."""
    if instance is not None:
        return run_inbox(instance, inbox, warehouse, reference, full, on_batch, progress)
    with _instance() as own:
        return run_inbox(own, inbox, warehouse, reference, full, on_batch, progress)


SHOWN_PROBLEMS = 5


def summary(warehouse: str | None = None, trend_rows: int = 8, reports: Path | None = None) -> str:
    """What the warehouse holds now (not this run's counts): its tables' row counts, the claim
    checks by verdict with the first inconsistent ones, the latest trend rows, and where the
    charts are."""
    con = duckdb.connect(str(warehouse_path(warehouse)), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                  for t in ("documents", "rejected_documents", "figures", "rejected_figures", "reference_figures")}
        cursor = con.execute(LATEST_TRENDS.format(limit=trend_rows))
        headers = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        verdicts = dict(con.execute("SELECT verdict, count(*) FROM claim_checks GROUP BY verdict").fetchall())
        problems = con.execute(
            "SELECT DISTINCT \"check\", explanation FROM claim_checks WHERE verdict = 'inconsistent' ORDER BY 1, 2"
        ).fetchall()
    finally:
        con.close()
    more = len(problems) - SHOWN_PROBLEMS
    lines = [
        f"the warehouse now: {counts['documents']} documents, {counts['rejected_documents']} rejected files; "
        f"{counts['figures']} figures, {counts['rejected_figures']} rejected; {counts['reference_figures']} reference rows",
        "claim checks: " + ", ".join(f"{verdicts.get(v, 0)} {v}" for v in ("consistent", "inconsistent", "explained", "unverifiable")),
        *[f"  - {check}: {why}" for check, why in problems[:SHOWN_PROBLEMS]],
        *([f"  - and {more} more ({verdicts.get('inconsistent', 0)} inconsistent rows in all): humstat sql \"SELECT * FROM claim_checks WHERE verdict = 'inconsistent'\""] if more > 0 else []),
        "",
        "latest trend_series rows:",
        tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True),
        "",
        f"charts and the claim-check table: {reports or reports_dir(warehouse_path(warehouse))} "
        "(or the trend_report asset in `make ui`)",
    ]
    return "\n".join(lines)


def _metadata(result: InboxRun, asset: str) -> dict:
    return result.metadata(asset)


def run_pipeline(
    inbox: str | None = None, warehouse: str | None = None, full: bool = False, progress: RunProgress | None = None
) -> int:
    """`humstat run`: read the inbox into the warehouse, then print this run's accounting and
    the warehouse's state; `progress` is kept up to date with what is stored (the command stops
    on SIGINT and SIGTERM with what it says, see `pipeline.cli.stopping`). Raises CliError when
    the inbox is not a folder."""
    folder = inbox_dir(inbox)
    if not folder.is_dir():
        raise CliError(f"the inbox {folder} {'is not a folder' if folder.exists() else 'does not exist'}; "
                       "create it, or name another with --inbox (or $HUMSTAT_INBOX)", UNUSABLE)
    with showing_progress(sys.stderr):
        result = materialize_all(inbox, warehouse, full=full, on_batch=batch_reporter(sys.stderr), progress=progress)
    failures = result.get_step_failure_events()
    for event in failures:
        error = event.step_failure_data.error
        print(f"humstat: step {event.step_key} failed: {error.message.strip() if error else 'unknown error'}", file=sys.stderr)
    # warnings (claim checks, freshness) are reported in the summary; only errors fail the run
    failed_checks = [
        e for e in result.get_asset_check_evaluations() if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR
    ]
    for check in failed_checks:
        print(f"humstat: check {check.asset_check_key.to_user_string()} failed", file=sys.stderr)
    warnings = [e.asset_check_key.name for e in result.get_asset_check_evaluations() if not e.passed and e not in failed_checks]
    if not result.success or failures:
        # a step that waited its time for another process to let go of the warehouse could not start
        return UNUSABLE if any(_raised(event, WarehouseBusy) for event in failures) else 1
    read, loaded = _metadata(result, "source_documents"), _metadata(result, "figures")
    extracted, checked = _metadata(result, "extracted_figures"), _metadata(result, "validated_figures")
    why = "all, --full" if full else "the new and changed ones; the others are as the warehouse read them"
    print(f"this run: read {result.selected} of {result.files} inbox files ({why}): {read.get('documents', 0)} documents, "
          f"{read.get('rejected_files', 0)} files rejected; extracted {read.get('to_extract', 0)} documents; "
          f"figures added {loaded.get('figures_added', 0)}, removed {loaded.get('figures_removed', 0)}, "
          f"read differently {loaded.get('figures_changed', 0)}")
    reconciled = print_accounting(read, extracted, checked)
    print(summary(warehouse, reports=result.reports))
    if warnings:
        print(f"warning checks not passed: {', '.join(sorted(warnings))}")
    extractor_failed = extracted.get("documents_failed", 0)
    if extractor_failed:
        print(f"humstat: the extractor raised on {extractor_failed} documents, whose figures are missing: a bug to report; "
              "see rejected_figures (check extractor_raised) for the files and errors", file=sys.stderr)
    return 1 if failed_checks or not reconciled or extractor_failed else 0


def _raised(event: dg.DagsterEvent, kind: type[BaseException]) -> bool:
    """Whether a step failure was caused, at any depth, by an exception of this kind."""
    error = event.step_failure_data.error
    while error is not None:
        if error.cls_name == kind.__name__:
            return True
        error = error.cause
    return False


def print_accounting(read: dict, extracted: dict, checked: dict) -> bool:
    """Every file is read (one document or more) or rejected, and nothing is unaccounted; every
    figure is loaded or rejected. When every file read is one document, files = documents +
    rejected; when a file holds several (a ReliefWeb response), the documents read from the
    files and the parts rejected within them are counted apart."""
    files, documents, rejected = read.get("files", 0), read.get("documents", 0), read.get("rejected_files", 0)
    files_read, parts, unaccounted = read.get("files_read", documents), read.get("rejected_parts", 0), read.get("unaccounted", 0)
    figures, valid, invalid = extracted.get("figures", 0), checked.get("valid", 0), checked.get("rejected", 0)
    # a document the extractor raised on is quarantined with the rejected figures, as one row
    failed = extracted.get("documents_failed", 0)
    files_ok, figures_ok = files == files_read + rejected and not unaccounted, figures + failed == valid + invalid
    failures = f" + {failed} extractor failures" if failed else ""
    if documents == files_read and not parts:
        read_as = f"{documents} documents + {rejected} rejected"
    else:
        read_as = (f"{files_read} read + {rejected} rejected, {documents} documents read from them"
                   f"{f' and {parts} parts of them rejected (reports of a ReliefWeb response)' if parts else ''}")
    lost = f" ({unaccounted} not accounted for)" if unaccounted else ""
    print(f"accounting of this run: {files} files = {read_as}{lost}{'' if files_ok else '  MISMATCH'}; "
          f"{figures} figures extracted{failures} = {valid} loaded + {invalid} rejected{'' if figures_ok else '  MISMATCH'}")
    if not (files_ok and figures_ok):
        print("humstat: the accounting does not reconcile; nothing was lost silently, but something was not counted", file=sys.stderr)
    return files_ok and figures_ok
