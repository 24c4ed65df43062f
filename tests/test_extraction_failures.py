"""An extractor bug that one document trips costs the other documents nothing, and is not
lost: the document's failure is quarantined in rejected_figures with the error, and said."""

import json
import shutil

import duckdb
import pytest

from pipeline.cli import main
from pipeline.extraction import failures
from pipeline.parallel import extract_all
from pipeline.validation import validate_figures
from tests.conftest import BUNDLED_INBOX, document

TRIP = "Zanzibar tripwire"  # the text our stand-in bug trips on


@pytest.fixture
def buggy_extractor(monkeypatch):
    real = failures.extract

    def extract(doc):
        if TRIP in doc.body:
            raise ValueError("a stand-in for an extractor bug")
        return real(doc)

    monkeypatch.setattr(failures, "extract", extract)


def test_the_other_documents_keep_their_figures(buggy_extractor):
    docs = [document("At least 40 civilians were killed."), document(f"{TRIP}: 12 people were injured."),
            document("Some 300 people were displaced.")]
    records = extract_all(docs, processes=1)
    assert [r["doc_id"] for r in records] == [docs[0].doc_id, docs[1].doc_id, docs[2].doc_id]
    failure = records[1]
    assert failures.is_failure(failure) and not any(failures.is_failure(r) for r in (records[0], records[2]))
    assert failure["extraction_error"] == "ValueError: a stand-in for an extractor bug"

    result = validate_figures(records, {d.doc_id: d.body for d in docs})
    assert result.valid == [records[0], records[2]]
    [rejected] = result.rejected
    assert (rejected["doc_id"], rejected["check"]) == (docs[1].doc_id, "extractor_raised")
    assert "ValueError: a stand-in for an extractor bug" in rejected["reason"]
    assert json.loads(rejected["input"])["path"] == docs[1].path


def test_extract_names_the_file_and_goes_on(buggy_extractor, tmp_path, capsys):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(f"{TRIP}: 12 people were injured.")
    good.write_text("At least 40 civilians were killed.")
    assert main(["extract", "--jsonl", str(bad), str(good)]) == 0
    out = capsys.readouterr()
    assert f"{bad}: the extractor raised ValueError: a stand-in for an extractor bug" in out.err
    assert [json.loads(line)["text"] for line in out.out.splitlines()] == ["At least 40"]


def test_a_run_loads_the_rest_quarantines_the_failure_and_exits_non_zero(buggy_extractor, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(BUNDLED_INBOX, inbox)
    (inbox / "tripping.txt").write_text(f"{TRIP}: 12 people were injured in Herat.")
    warehouse = tmp_path / "w" / "h.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 1
    out = capsys.readouterr()
    assert "+ 1 extractor failures = " in out.out and "MISMATCH" not in out.out
    assert "the extractor raised on 1 documents" in out.err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql("select d.path, r.check from rejected_figures r join documents d using (doc_id)").fetchall()
        loaded = con.sql("select count(distinct doc_id) from figures").fetchall()[0][0]
    assert rows == [("tripping.txt", "extractor_raised")]
    assert loaded == len(list(BUNDLED_INBOX.iterdir()))
