"""Two runs started at the same moment, in two processes, on one warehouse: both succeed and
the tables are what one run leaves."""

import os
import shutil
import subprocess
import sys

import dagster as dg
import duckdb

from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE

DAGSTER_YAML = """
concurrency:
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


def test_two_simultaneous_runs_both_succeed(tmp_path):
    shutil.copytree(BUNDLED_INBOX, tmp_path / "inbox")
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML)
    # the instance exists before the runs, as it does for an operator (two processes creating
    # a new instance's SQLite schema at once is a race of the test, not of humstat)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.get_runs(limit=1)
    warehouse = tmp_path / "w" / "humstat.duckdb"
    env = {**os.environ, "DAGSTER_HOME": str(home), "HUMSTAT_REFERENCE": str(BUNDLED_REFERENCE)}
    command = [sys.executable, "-m", "pipeline.cli", "run", "--inbox", str(tmp_path / "inbox"), "--warehouse", str(warehouse)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in outputs]
    con = duckdb.connect(str(warehouse), read_only=True)
    counts = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures), "
                         "(SELECT count(DISTINCT figure_id) FROM figures), (SELECT count(*) FROM reference_figures)").fetchall()[0]
    con.close()
    files = len(list((tmp_path / "inbox").iterdir()))
    assert counts[0] == files
    assert counts[1] == counts[2] > 4 * files
    assert counts[3] == 27
