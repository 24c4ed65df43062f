"""`humstat run`: materialize every Dagster asset in process, then print what happened.

The same Definitions the UI shows; with DAGSTER_HOME set the run is recorded in that
instance (and its DuckDB pool limit applies), otherwise an ephemeral instance is used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import dagster as dg
import duckdb
from tabulate import tabulate

from pipeline.cli.batches import InboxRun, run_inbox
from pipeline.config import warehouse_path
from pipeline.progress import batch_reporter, showing_progress
from pipeline.trends import LATEST_TRENDS


def _instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def materialize_all(
    inbox: str | None = None,
    warehouse: str | None = None,
    reference: str | None = None,
    instance: dg.DagsterInstance | None = None,
    full: bool = False,
    on_batch: Callable[[int, int], None] | None = None,
) -> InboxRun:
    """Every asset: the inbox files new or changed since the warehouse read them (all with
    `full`), in batches, then the views and the report."""
    if instance is not None:
        return run_inbox(instance, inbox, warehouse, reference, full, on_batch)
    with _instance() as own:
        return run_inbox(own, inbox, warehouse, reference, full, on_batch)


def summary(warehouse: str | None = None, trend_rows: int = 8) -> str:
    con = duckdb.connect(str(warehouse_path(warehouse)), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                  for t in ("documents", "rejected_documents", "figures", "rejected_figures", "reference_figures")}
        cursor = con.execute(LATEST_TRENDS.format(limit=trend_rows))
        headers = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        verdicts = dict(con.execute("SELECT verdict, count(*) FROM claim_checks GROUP BY verdict").fetchall())
        problems = con.execute(
            "SELECT DISTINCT \"check\", explanation FROM claim_checks WHERE verdict = 'inconsistent' ORDER BY 1, 2 LIMIT 5"
        ).fetchall()
    finally:
        con.close()
    lines = [
        f"documents read {counts['documents']}, rejected {counts['rejected_documents']}",
        f"figures loaded {counts['figures']}, rejected {counts['rejected_figures']}",
        f"reference rows {counts['reference_figures']}",
        "claim checks: " + ", ".join(f"{verdicts.get(v, 0)} {v}" for v in ("consistent", "inconsistent", "unverifiable")),
        *[f"  - {check}: {why}" for check, why in problems],
        "",
        "latest trend_series rows:",
        tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True),
        "",
        "charts and the claim-check table: data/reports/ (or the trend_report asset in `make ui`)",
    ]
    return "\n".join(lines)


def _metadata(result: InboxRun, asset: str) -> dict:
    return result.metadata(asset)


def run_pipeline(inbox: str | None = None, warehouse: str | None = None, full: bool = False) -> int:
    with showing_progress(sys.stderr):
        result = materialize_all(inbox, warehouse, full=full, on_batch=batch_reporter(sys.stderr))
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
        return 1
    read, loaded = _metadata(result, "source_documents"), _metadata(result, "figures")
    extracted, checked = _metadata(result, "extracted_figures"), _metadata(result, "validated_figures")
    reconciled = print_accounting(read, extracted, checked)
    why = "all, --full" if full else "the new and changed ones; the others are as the warehouse read them"
    print(f"read {result.selected} of {result.files} inbox files ({why}), extracted {read.get('to_extract', 0)} documents; "
          f"figures added {loaded.get('figures_added', 0)}, removed {loaded.get('figures_removed', 0)}, "
          f"read differently {loaded.get('figures_changed', 0)}")
    print(summary(warehouse))
    if warnings:
        print(f"warning checks not passed: {', '.join(sorted(warnings))}")
    extractor_failed = extracted.get("documents_failed", 0)
    if extractor_failed:
        print(f"humstat: the extractor raised on {extractor_failed} documents, whose figures are missing: a bug to report; "
              "see rejected_figures (check extractor_raised) for the files and errors", file=sys.stderr)
    return 1 if failed_checks or not reconciled or extractor_failed else 0


def print_accounting(read: dict, extracted: dict, checked: dict) -> bool:
    """Every file is a document or a rejection; every figure is loaded or rejected."""
    files, documents, rejected = read.get("files", 0), read.get("documents", 0), read.get("rejected_files", 0)
    figures, valid, invalid = extracted.get("figures", 0), checked.get("valid", 0), checked.get("rejected", 0)
    # a document the extractor raised on is quarantined with the rejected figures, as one row
    failed = extracted.get("documents_failed", 0)
    files_ok, figures_ok = files == documents + rejected, figures + failed == valid + invalid
    failures = f" + {failed} extractor failures" if failed else ""
    print(f"accounting: {files} files = {documents} documents + {rejected} rejected{'' if files_ok else '  MISMATCH'}; "
          f"{figures} figures extracted{failures} = {valid} loaded + {invalid} rejected{'' if figures_ok else '  MISMATCH'}")
    if not (files_ok and figures_ok):
        print("humstat: the accounting does not reconcile; nothing was lost silently, but something was not counted", file=sys.stderr)
    return files_ok and figures_ok
