"""Incremental runs: known documents are not extracted again, a changed file supersedes its
earlier version without deleting it, and --full re-extracts and says what changed."""

import os
import shutil

import dagster as dg
import duckdb

from assets.definitions import daily_views_schedule, defs
from pipeline.cli.run import _metadata, materialize_all
from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE

FIRST = "---\ndate: 2022-03-01\nsource: UNAMA\n---\nUNAMA recorded 40 civilians killed in Afghanistan in February 2022.\n"
SECOND = "---\ndate: 2022-03-02\nsource: UNAMA\n---\nUNAMA recorded 45 civilians killed in Afghanistan in February 2022.\n"


def run(inbox, warehouse, instance, full=False):
    result = materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance, full=full)
    assert result.success
    return result


def rows(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_known_documents_are_not_extracted_again_and_changed_files_supersede(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    (inbox / "feb.txt").write_text(FIRST)
    with dg.instance_for_test() as instance:
        first = run(inbox, warehouse, instance)
        assert _metadata(first, "source_documents")["to_extract"] == 1
        again = run(inbox, warehouse, instance)
        assert (again.files, again.selected) == (1, 0)  # unchanged since read: not even opened
        os.utime(inbox / "feb.txt", ns=(1, 1))  # touched, same text: read, but not extracted again
        touched = run(inbox, warehouse, instance)
        assert touched.selected == 1 and _metadata(touched, "source_documents")["to_extract"] == 0
        (inbox / "feb.txt").write_text(SECOND)
        changed = run(inbox, warehouse, instance)
        assert _metadata(changed, "source_documents")["to_extract"] == 1
    documents = rows(warehouse, "SELECT path, superseded_by IS NOT NULL FROM documents ORDER BY ingested_at")
    assert documents == [("feb.txt", True), ("feb.txt", False)]
    # the earlier version's figure stays in `figures`, and leaves the views
    assert rows(warehouse, "SELECT value FROM figures ORDER BY value") == [(40.0,), (45.0,)]
    assert rows(warehouse, "SELECT value FROM current_figures") == [(45.0,)]
    assert rows(warehouse, "SELECT value, mentions FROM trend_series") == [(45.0, 1)]


def test_full_rerun_reextracts_and_reports_changes(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    (inbox / "feb.txt").write_text(FIRST)
    with dg.instance_for_test() as instance:
        run(inbox, warehouse, instance)
        con = duckdb.connect(str(warehouse))
        con.execute("UPDATE figures SET value = 41, low = 41, high = 41")  # as an older extractor might have read it
        con.close()
        full = run(inbox, warehouse, instance, full=True)
    assert _metadata(full, "source_documents")["to_extract"] == 1
    changes = _metadata(full, "figures")
    assert (changes["figures_added"], changes["figures_removed"], changes["figures_changed"]) == (0, 0, 1)
    assert rows(warehouse, "SELECT value FROM figures") == [(40.0,)]


def test_warning_checks_report_inconsistencies_and_freshness(tmp_path):
    shutil.copytree(BUNDLED_INBOX, tmp_path / "inbox")
    with dg.instance_for_test() as instance:
        result = run(tmp_path / "inbox", tmp_path / "w" / "h.duckdb", instance)
    checks = {e.asset_check_key.name: e for e in result.get_asset_check_evaluations()}
    restated = checks["same_quantity_stated_differently"]
    assert not restated.passed and restated.severity == dg.AssetCheckSeverity.WARN
    # the text beside a failed check says it failed and why, inline
    assert restated.description.startswith("1 of ") and "inconsistent: injured civilians AFG 2021-H1" in restated.description
    assert "3,524 agrees with the reference" in restated.description
    # UNAMA's +47% against a revised baseline: explained by the series' note, so the check passes and says so
    stated = checks["stated_change_vs_stored_figures"]
    assert stated.passed and stated.description.startswith("None of ") and "explained by the reference series" in stated.description
    assert "3,526" in stated.metadata["explanations"].value and stated.metadata["explained"].value > 0
    assert checks["breakdown_parts_within_total"].passed
    fresh = checks["documents_are_fresh"]
    assert fresh.passed and fresh.metadata["days_since"].value == 0


def test_the_daily_schedule_refreshes_views_and_report():
    schedule = daily_views_schedule
    assert schedule.cron_schedule == "0 6 * * *"
    job = defs.resolve_job_def("humstat_daily_views")
    selected = {k.to_user_string() for k in job.asset_layer.executable_asset_keys}
    assert selected == {"trend_series", "period_changes", "claims", "claim_checks", "trend_report", "warehouse_snapshot", "figures_parquet"}
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(instance=instance)
        requests = list(schedule.evaluate_tick(context).run_requests)
    assert len(requests) == 1


def test_each_run_is_a_recorded_batch_that_a_backfill_can_read_again(tmp_path):
    from pipeline.inbox_watch import batch_files

    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    (inbox / "feb.txt").write_text(FIRST)
    with dg.instance_for_test() as instance:
        run(inbox, warehouse, instance)
        [first] = instance.get_dynamic_partitions("inbox_batches")
        (inbox / "mar.txt").write_text(SECOND.replace("February", "March"))
        run(inbox, warehouse, instance)
        batches = instance.get_dynamic_partitions("inbox_batches")
        assert len(batches) == 2 and batches[0] == first
        run(inbox, warehouse, instance)  # nothing changed: no new batch
        assert instance.get_dynamic_partitions("inbox_batches") == batches
    assert batch_files(inbox, warehouse.parent / "batches", batches) == ([inbox / "feb.txt", inbox / "mar.txt"], [])


def test_a_long_inbox_is_read_in_batches_that_add_up(tmp_path, monkeypatch):
    from pipeline.cli import batches

    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    inbox.mkdir()
    for n in range(5):
        (inbox / f"d{n}.txt").write_text(f"---\ndate: 2022-03-0{n + 1}\n---\n{10 + n} civilians were killed in Kabul in February 2022.\n")
    monkeypatch.setenv("HUMSTAT_BATCH_DOCUMENTS", "2")
    seen = []
    with dg.instance_for_test() as instance:
        result = batches.run_inbox(instance, str(inbox), str(warehouse), str(BUNDLED_REFERENCE), on_batch=lambda done, total: seen.append((done, total)))
    assert result.success and seen == [(2, 5), (4, 5), (5, 5)]
    assert len(result.results) == 4  # three batches, then the views
    assert _metadata(result, "source_documents")["documents"] == 5
    assert _metadata(result, "figures")["figures_added"] == 5
    assert rows(warehouse, "SELECT count(*) FROM figures") == [(5,)]
    assert list((warehouse.parent / "run-values").rglob("*.pickle")) == []  # done with: not kept
