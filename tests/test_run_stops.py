"""`humstat run` when things go wrong around it: a batch stored whole or not at all, a stop during
extraction on every core, an inbox that does not exist, a warehouse held by another process,
and a summary that keeps this run apart from the warehouse and prints the same way every time."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from benchmarks.corpus import generate
from pipeline import warehouse as wh
from pipeline.cli import main
from pipeline.cli.stopping import descendants, left_alive
from pipeline.config import PROJECT_ROOT
from pipeline.trends import LATEST_TRENDS
from tests import small_warehouse
from tests.conftest import BUNDLED_INBOX


def _environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUMSTAT_", "DAGSTER_HOME"))}
    return {**env, "PYTHONPATH": str(PROJECT_ROOT), **extra}


def _humstat(*args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=PROJECT_ROOT, env=_environment(**env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def hold_open(warehouse: Path) -> subprocess.Popen:
    """Another process with the warehouse open (read-only: that alone keeps a writer out), once it has it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('holding', flush=True); time.sleep(120)", str(warehouse)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_batch_is_stored_whole_or_not_at_all(tmp_path, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    stamp = {"path": "a.txt", "size_bytes": 10, "modified_ns": 1, "doc_id": "d1", "read_at": small_warehouse.document("d1", "a.txt")["ingested_at"]}
    batch = wh.BatchRows(
        documents=[small_warehouse.document("d1", "a.txt")], rejections=[], scanned_paths=["a.txt"], inbox_files=[stamp],
        figures=[small_warehouse.figure("f1", "d1", "killed", 12)], rejected_figures=[], extracted_doc_ids=["d1"],
    )
    insert = wh._insert

    def failing_on_figures(con, table, rows):
        if table == "figures":
            raise KeyboardInterrupt  # a stop after the documents were written, before the figures
        insert(con, table, rows)

    monkeypatch.setattr(wh, "_insert", failing_on_figures)
    with pytest.raises(KeyboardInterrupt):
        wh.load_batch(con, batch)
    # nothing of the batch: the file is not marked read, so the next run reads it again
    assert [_rows(con, t) for t in ("documents", "inbox_files", "figures")] == [0, 0, 0]
    monkeypatch.setattr(wh, "_insert", insert)
    changes = wh.load_batch(con, batch)
    assert [_rows(con, t) for t in ("documents", "inbox_files", "figures")] == [1, 1, 1]
    assert changes == wh.FigureChanges(added=1, removed=0, changed=0)
    con.close()


@pytest.mark.parametrize("number", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_a_run_stopped_while_extracting_on_every_core_leaves_no_process(tmp_path, number):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for doc in generate(600, seed=3):  # over a megabyte: extraction goes to worker processes
        (inbox / doc.name).write_text(doc.text)
    run = _humstat("run", "--inbox", str(inbox), "--warehouse", str(tmp_path / "w" / "h.duckdb"), HUMSTAT_WORKERS="2")
    sid = os.getsid(run.pid)
    deadline = time.monotonic() + 120
    while len(descendants(run.pid)) < 3 and time.monotonic() < deadline:  # the fork server and two workers
        time.sleep(0.1)
    workers = descendants(run.pid)
    assert len(workers) >= 3, "the run never started its workers"
    run.send_signal(number)
    _, err = run.communicate(timeout=60)
    assert left_alive(sid) == [], f"left alive after {number.name}, of {workers}"
    if number != signal.SIGKILL:
        assert run.returncode == {signal.SIGINT: 130, signal.SIGTERM: 143}[number]
        assert err.strip().splitlines() == [err.strip()]
        assert err.strip().startswith(f"humstat: stopped by {number.name}; 0 of 600 files")


def test_an_inbox_that_does_not_exist_is_refused_before_anything_is_written(tmp_path, capsys):
    warehouse = tmp_path / "w" / "h.duckdb"
    assert main(["run", "--inbox", str(tmp_path / "no-such-folder"), "--warehouse", str(warehouse)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (f"humstat: the inbox {tmp_path / 'no-such-folder'} does not exist; "
                           "create it, or name another with --inbox (or $HUMSTAT_INBOX)")
    assert not warehouse.parent.exists()
    (tmp_path / "a-file").write_text("not a folder")
    assert main(["run", "--inbox", str(tmp_path / "a-file"), "--warehouse", str(warehouse)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_run_says_what_it_waits_for_and_gives_up_naming_the_holder(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy2(sorted(BUNDLED_INBOX.iterdir())[0], inbox)
    warehouse = tmp_path / "w" / "h.duckdb"
    warehouse.parent.mkdir()
    duckdb.connect(str(warehouse)).close()
    holder = hold_open(warehouse)
    try:
        started = time.monotonic()
        run = _humstat("run", "--inbox", str(inbox), "--warehouse", str(warehouse), HUMSTAT_LOCK_WAIT="3")
        _, err = run.communicate(timeout=300)
        took = time.monotonic() - started
        # --full reads no stamps first: the wait comes inside a step, and says so the same way
        full = _humstat("run", "--full", "--inbox", str(inbox), "--warehouse", str(warehouse), HUMSTAT_LOCK_WAIT="3")
        _, full_err = full.communicate(timeout=300)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 2  # it could not start: the stamps of what was read are in the held file
    waiting = [line for line in err.splitlines() if "waiting up to 3 s" in line]
    assert waiting and f"(PID {holder.pid}," in waiting[0], err
    assert "still held after" in err and "HUMSTAT_LOCK_WAIT" in err
    assert "Traceback" not in err
    assert took < 60, "the run gave up after its wait"
    assert full.returncode == 2
    assert all(line.startswith("humstat: ") for line in full_err.splitlines() if line.strip()), full_err
    assert "still held after" in full_err and f"(PID {holder.pid}," in full_err
    # the holder gone, the next run reads the file
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 0


def test_the_summary_keeps_this_run_apart_and_says_how_many_more(tmp_path, capsys):
    from pipeline.cli.run import SHOWN_PROBLEMS

    inbox = tmp_path / "inbox"
    shutil.copytree(BUNDLED_INBOX, inbox)
    warehouse = tmp_path / "w" / "h.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 0
    first = capsys.readouterr().out
    # an older figure: the latest trend rows stay as they were
    (inbox / "one-more.txt").write_text("date 2016-03-02\nAt least 12 civilians were killed in Kandahar in February 2016.\n")
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    files = len(list(inbox.iterdir()))
    assert out.startswith(f"this run: read 1 of {files} inbox files")
    assert "accounting of this run: 1 files = 1 documents + 0 rejected;" in out
    assert f"the warehouse now: {files} documents, 0 rejected files;" in out
    con = duckdb.connect(str(warehouse), read_only=True)
    problems = con.execute("SELECT count(DISTINCT (\"check\", explanation)) FROM claim_checks WHERE verdict = 'inconsistent'").fetchall()[0][0]
    con.close()
    listed = [line for line in out.splitlines() if line.startswith("  - ")]
    if problems > SHOWN_PROBLEMS:
        assert len(listed) == SHOWN_PROBLEMS + 1 and listed[-1].startswith(f"  - and {problems - SHOWN_PROBLEMS} more (")
    else:
        assert len(listed) == problems
    assert f"charts and the claim-check table: {warehouse.parent / 'reports'} " in out
    assert (warehouse.parent / "reports" / "claim-checks.md").exists()
    assert first.split("latest trend_series rows:")[1] == out.split("latest trend_series rows:")[1]


def test_latest_trend_rows_tied_on_their_date_print_in_one_order(tmp_path):
    def rows_of(order: list[int]) -> list[tuple]:
        documents = [small_warehouse.document(f"d{i}", f"p{i}.txt") for i in range(4)]
        figures = [small_warehouse.figure(f"f{i}", f"d{i}", "killed", 10 + i, population=population, country=country,
                                          period_start=date(2024, 3, 1), period_end=date(2024, 3, 31))
                   for i, (population, country) in enumerate([("civilians", "AFG"), ("children", "AFG"),
                                                              ("civilians", "SDN"), (None, "AFG")])]
        path = small_warehouse.build(tmp_path / f"{'-'.join(map(str, order))}.duckdb", [documents[i] for i in order],
                                     [figures[i] for i in order])
        con = duckdb.connect(str(path), read_only=True)
        try:
            return con.execute(LATEST_TRENDS.format(limit=10)).fetchall()
        finally:
            con.close()

    first = rows_of([0, 1, 2, 3])
    assert len(first) == 4
    assert first == rows_of([3, 2, 1, 0]) == rows_of([2, 0, 3, 1])


def test_a_step_that_finds_the_warehouse_held_waits_then_fails_without_retries(tmp_path, monkeypatch, capsys):
    import dagster as dg
    from dagster_duckdb import DuckDBResource

    from assets.resources import duckdb_writer

    warehouse = tmp_path / "h.duckdb"
    duckdb.connect(str(warehouse)).close()
    holder = hold_open(warehouse)
    try:
        monkeypatch.setenv("HUMSTAT_LOCK_WAIT", "2")
        with pytest.raises(dg.Failure) as failure, duckdb_writer(DuckDBResource(database=str(warehouse))):
            pass
    finally:
        holder.kill()
        holder.wait()
    assert not failure.value.allow_retries  # it already waited: a retry would only wait again
    assert f"(PID {holder.pid}," in str(failure.value) and "HUMSTAT_LOCK_WAIT" in str(failure.value)
    assert f"(PID {holder.pid}," in capsys.readouterr().err  # said while waiting, not only at the end
    with duckdb_writer(DuckDBResource(database=str(warehouse))) as con:  # the holder gone, it connects
        assert con.execute("SELECT 1").fetchall() == [(1,)]


def test_the_summary_lists_five_inconsistencies_and_says_how_many_more(tmp_path):
    from pipeline.claims import create_claim_views
    from pipeline.cli.run import SHOWN_PROBLEMS, summary

    documents = [small_warehouse.document("d1", "a.txt"), small_warehouse.document("d2", "b.txt")]
    figures = []
    for month in range(1, 8):  # seven months, each stated as 100 + month in one report and 120 + month in the other
        period = {"period_start": date(2024, month, 1), "period_end": date(2024, month, 28), "period_label": f"2024-0{month}"}
        figures.append(small_warehouse.figure(f"a{month}", "d1", "killed", 100 + month, path="a.txt", **period))
        figures.append(small_warehouse.figure(f"b{month}", "d2", "killed", 120 + month, path="b.txt", **period))
    path = small_warehouse.build(tmp_path / "w" / "h.duckdb", documents, figures)
    con = duckdb.connect(str(path))
    create_claim_views(con)
    inconsistent = con.execute("SELECT count(*) FROM claim_checks WHERE verdict = 'inconsistent'").fetchall()[0][0]
    con.close()
    assert inconsistent == 7
    listed = [line for line in summary(str(path)).splitlines() if line.startswith("  - ")]
    assert len(listed) == SHOWN_PROBLEMS + 1
    assert listed[-1].startswith("  - and 2 more (7 inconsistent rows in all): humstat sql ")
