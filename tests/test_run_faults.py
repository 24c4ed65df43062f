"""A `humstat run` stopped at any step boundary, by SIGKILL, SIGINT or SIGTERM, loses nothing: the
next run ends with exactly the warehouse a clean run makes, table by table and view by view
(EXCEPT ALL both ways); SIGINT and SIGTERM end it at once with one line and exit 130 or 143;
and no process of the stopped run outlives it.

A multi-batch run (two batches) pauses at its Nth step boundary (tests/fault_runner.py), the
test sends the signal there, then runs again and compares. The instance is a real on-disk one
with the DuckDB pool of one slot, as `make run` uses, so the slots a killed run held are freed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from pipeline.cli.stopping import descendants, left_alive
from pipeline.config import PROJECT_ROOT
from tests.conftest import BUNDLED_INBOX

FILES = 4
BATCH = 2  # two batches
# when a row was written: the only columns a resumed run may differ in
WHEN_WRITTEN = {"ingested_at", "rejected_at", "read_at"}
INSTANCE_YAML = """
storage:
  sqlite:
    base_dir: {home}/storage
concurrency:
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUMSTAT_")}
    return {**env, "DAGSTER_HOME": str(home), "HUMSTAT_BATCH_DOCUMENTS": str(BATCH), "PYTHONPATH": str(PROJECT_ROOT)}


def _command(pause_at: str, inbox: Path, warehouse: Path) -> list[str]:
    return [sys.executable, "-m", "tests.fault_runner", str(pause_at), "run", "--inbox", str(inbox),
            "--warehouse", str(warehouse)]


class Setup:
    """An inbox, a Dagster home and a warehouse path in a folder of their own."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inbox = root / "inbox"
        self.inbox.mkdir(parents=True)
        for path in sorted(BUNDLED_INBOX.iterdir())[:FILES]:
            shutil.copy2(path, self.inbox / path.name)
        self.home = root / "dagster"
        self.home.mkdir()
        (self.home / "dagster.yaml").write_text(INSTANCE_YAML.format(home=self.home))
        self.warehouse = root / "w" / "humstat.duckdb"

    def run(self, pause_at: str = "0") -> subprocess.Popen:
        return subprocess.Popen(
            _command(pause_at, self.inbox, self.warehouse), cwd=PROJECT_ROOT, env=_environment(self.home),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )

    def run_to_end(self) -> str:
        process = self.run()
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        return out


def _differences(warehouse: Path, clean: Path) -> dict[str, tuple[int, int]]:
    """Per table and view of the clean warehouse: rows only in `warehouse`, rows only in `clean`."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute(f"ATTACH '{clean}' AS clean (READ_ONLY)")
        relations = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'clean' AND table_schema = 'main' "
            "ORDER BY 1").fetchall()
        differ = {}
        for (name,) in relations:
            columns = ", ".join(f'"{c}"' for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'clean' AND table_name = ? "
                "ORDER BY ordinal_position", [name]).fetchall() if c not in WHEN_WRITTEN)
            extra = con.execute(f"SELECT count(*) FROM (SELECT {columns} FROM main.{name} EXCEPT ALL "
                                f"SELECT {columns} FROM clean.main.{name})").fetchall()[0][0]
            missing = con.execute(f"SELECT count(*) FROM (SELECT {columns} FROM clean.main.{name} EXCEPT ALL "
                                  f"SELECT {columns} FROM main.{name})").fetchall()[0][0]
            if extra or missing:
                differ[name] = (extra, missing)
        return differ
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> tuple[Path, int]:
    """A clean run's warehouse, and how many step boundaries a run has."""
    setup = Setup(tmp_path_factory.mktemp("clean"))
    out = setup.run_to_end()
    boundaries = int(out.strip().splitlines()[-1].split()[1])
    assert boundaries > 2 * 4, "two batches of four steps, then the views"
    return setup.warehouse, boundaries


def _stop_at(root: Path, pause_at: str, number: signal.Signals) -> tuple[Setup, subprocess.CompletedProcess]:
    """Run until the pause (a step boundary "N", or "load-K" inside the K-th batch's open
    transaction), send the signal, and check that nothing of the run is left alive."""
    setup = Setup(root)
    process = setup.run(pause_at)
    sid = os.getsid(process.pid)
    marker = f"in-load {pause_at.removeprefix('load-')}" if pause_at.startswith("load-") else f"boundary {pause_at} "
    try:
        for line in process.stdout:
            if line.startswith(marker):
                break
        else:
            raise AssertionError(f"the run ended before {marker!r}: {process.communicate()[1]}")
        children = descendants(process.pid)
        process.send_signal(number)
        out, err = process.communicate(timeout=60)
        assert left_alive(sid) == [], f"processes of the stopped run still alive (its children were {children})"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(sid, signal.SIGKILL)  # whatever went wrong, no paused run is left behind
    return setup, subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _stop_and_resume(root: Path, clean: Path, pause_at: str, number: signal.Signals) -> None:
    setup, stopped = _stop_at(root, pause_at, number)
    if number == signal.SIGKILL:
        assert stopped.returncode == -signal.SIGKILL
    else:
        assert stopped.returncode == {signal.SIGINT: 130, signal.SIGTERM: 143}[number], stopped.stderr
        lines = stopped.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"humstat: stopped by {number.name}; "), stopped.stderr
        assert "next `humstat run`" in lines[0] or "everything was stored" in lines[0], lines[0]
    setup.run_to_end()
    assert _differences(setup.warehouse, clean) == {}
    shutil.rmtree(root)


def cases(boundaries: int) -> list[tuple[signal.Signals, str]]:
    """Each of SIGKILL, SIGINT and SIGTERM at every step boundary, and inside each batch's open
    load transaction."""
    places = [str(b) for b in range(1, boundaries + 1)] + [f"load-{k}" for k in range(1, FILES // BATCH + 1)]
    return [(number, place) for number in (signal.SIGKILL, signal.SIGINT, signal.SIGTERM) for place in places]


def test_a_run_stopped_at_any_step_boundary_loses_nothing(clean_run, tmp_path):
    clean, boundaries = clean_run
    failures = []

    def one(case: tuple[signal.Signals, str]) -> None:
        number, pause_at = case
        try:
            _stop_and_resume(tmp_path / f"{number.name}-{pause_at}", clean, pause_at, number)
        except AssertionError as err:
            failures.append(f"{number.name} at {pause_at}: {err}")

    # two at a time: each case is two runs of one process each
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, cases(boundaries)))
    assert not failures, f"{len(failures)} of {len(cases(boundaries))} cases failed:\n" + "\n".join(sorted(failures))
