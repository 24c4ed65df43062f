"""The incremental warehouse equals a full rebuild: an inbox read in several runs, a few files
at a time, gives table by table and view by view the rows one run over the whole inbox gives
(EXCEPT ALL both ways; only the times rows were written are left out)."""

import shutil

import dagster as dg

from pipeline.cli.run import materialize_all
from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE
from tests.test_run_faults import _differences


def _run(inbox, warehouse, instance, full=False):
    result = materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance, full=full)
    assert result.success


def test_several_batches_give_the_tables_and_views_of_a_full_rebuild(tmp_path):
    files = sorted(p for p in BUNDLED_INBOX.iterdir() if p.is_file())
    assert len(files) >= 6
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    incremental, rebuilt = tmp_path / "inc" / "h.duckdb", tmp_path / "full" / "h.duckdb"
    with dg.instance_for_test() as instance:
        for part in (files[:2], files[2:5], files[5:]):  # three runs, each adding files
            for path in part:
                shutil.copy2(path, inbox / path.name)
            _run(inbox, incremental, instance)
        _run(inbox, incremental, instance)  # nothing new
        _run(inbox, rebuilt, instance, full=True)
    assert _differences(incremental, rebuilt) == {}
    assert _differences(rebuilt, incremental) == {}
