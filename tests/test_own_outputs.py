"""humstat's own outputs are never inbox files, wherever the warehouse is placed."""


import dagster as dg
import duckdb
import pytest

from pipeline.cli import main
from pipeline.config import warehouse_outputs
from pipeline.documents import inbox_files
from pipeline.inbox_watch import changed_since_read
from pipeline.readers import read_inbox
from tests.test_sensor import evaluate, skipped


def write_documents(inbox):
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / "a.txt").write_text("---\ndate: 2023-05-02\n---\nAt least 40 civilians were killed in Kabul in April 2023.")
    (inbox / "b.md").write_text("---\ndate: 2023-05-03\n---\nSome 300 people were displaced in Herat in April 2023.")


@pytest.mark.parametrize("where", ["warehouse", "", "deep/er"])
def test_two_runs_with_the_warehouse_inside_the_inbox_reject_none_of_its_files(tmp_path, capsys, where):
    inbox = tmp_path / "inbox"
    write_documents(inbox)
    warehouse = inbox / where / "h.duckdb"
    args = ["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]
    assert main(args) == 0
    assert main(args) == 0  # the second run finds the database, snapshot, batches, Parquet, reports
    out = capsys.readouterr().out
    assert "accounting of this run: 2 files = 2 documents + 0 rejected;" in out  # the first run
    assert "read 0 of 2 inbox files" in out  # the second: nothing of humstat's own is new
    made = {p.name for p in warehouse.parent.iterdir()}
    assert {"h.duckdb", "h-read.duckdb", "batches", "parquet", "reports"} <= made
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM rejected_documents").fetchone() == (0,)
        assert sorted(r[0] for r in con.execute("SELECT path FROM inbox_files").fetchall()) == ["a.txt", "b.md"]
    finally:
        con.close()


def test_the_outputs_of_any_warehouse_in_the_inbox_are_left_out_of_the_listing(tmp_path):
    inbox = tmp_path / "inbox"
    write_documents(inbox)
    old = inbox / "archive" / "old.duckdb"  # a warehouse this run does not write
    for path in warehouse_outputs(old)[:4]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"DUCK")
    for folder in ("batches", "parquet/figures", "run-values", "reports"):
        (old.parent / folder).mkdir(parents=True, exist_ok=True)
        (old.parent / folder / "x.json").write_text("{}")
    (old.parent / "notes.txt").write_text("Some 12 people were injured in Kabul.")  # a document beside it stays
    listed = sorted(str(p.relative_to(inbox)) for p in inbox_files(inbox))
    assert listed == ["a.txt", "archive/notes.txt", "b.md"]
    assert [str(p.relative_to(inbox)) for p in changed_since_read(inbox, {})] == listed
    documents, rejections = read_inbox(inbox)
    assert len(documents) == 3 and rejections == []


def test_the_warehouse_a_run_writes_is_left_out_before_it_exists(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    write_documents(inbox)
    reports = inbox / "charts"  # $HUMSTAT_REPORTS inside the inbox, no warehouse beside it
    reports.mkdir()
    (reports / "claim-checks.md").write_text("| check |")
    monkeypatch.setenv("HUMSTAT_REPORTS", str(reports))
    assert sorted(p.name for p in inbox_files(inbox, inbox / "w" / "h.duckdb")) == ["a.txt", "b.md"]


def test_the_sensor_never_launches_humstat_s_own_files(tmp_path):
    inbox = tmp_path / "inbox"
    write_documents(inbox)
    warehouse = inbox / "warehouse" / "h.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 0
    with dg.instance_for_test() as instance:
        assert "nothing new" in skipped(evaluate(instance, None, inbox, warehouse))
