"""The read-only snapshot: the DuckDB shell analysts have opens it, and a reader holding it open
in another process never blocks a run."""

import os
import shutil
import subprocess
import sys

import dagster as dg

from pipeline.cli.run import materialize_all
from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE

DUCKDB_CLI = os.path.join(os.path.dirname(sys.executable), "duckdb")


def test_the_duckdb_shell_opens_the_snapshot(bundled_warehouse):
    snapshot = bundled_warehouse.with_name("humstat-read.duckdb")
    version = subprocess.run([DUCKDB_CLI, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.5")
    out = subprocess.run(
        [DUCKDB_CLI, "-readonly", "-csv", str(snapshot), "-c",
         "SELECT count(*) FROM claim_checks WHERE verdict = 'inconsistent'; SELECT count(*) FROM trend_series"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert int(out[1]) > 0 and int(out[3]) > 0


def test_a_reader_holding_the_snapshot_does_not_block_a_run(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(BUNDLED_INBOX, inbox)
    warehouse = tmp_path / "w" / "humstat.duckdb"
    with dg.instance_for_test() as instance:
        assert materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
        reader = subprocess.Popen(
            [sys.executable, "-c",
             "import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=True); "
             "print(con.execute('SELECT count(*) FROM documents').fetchall()[0][0], flush=True); time.sleep(60)",
             str(warehouse.with_name("humstat-read.duckdb"))],
            stdout=subprocess.PIPE, text=True,
        )
        try:
            before = int(reader.stdout.readline())
            (inbox / "new.txt").write_text("---\ndate: 2023-01-05\n---\nAt least 12 civilians were killed in Kabul in December 2022.\n")
            assert materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance).success
        finally:
            reader.kill()
    from pipeline.cli import main

    assert before == len(list(BUNDLED_INBOX.iterdir()))
    capsys.readouterr()
    # the run published a new snapshot beside the one the reader held; new readers see it
    assert main(["sql", "SELECT count(*) AS n FROM documents", "--warehouse", str(warehouse)]) == 0
    assert capsys.readouterr().out.split()[2] == str(before + 1)
