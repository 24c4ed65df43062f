"""ReliefWeb API responses in the inbox: a document per report, attachments with their report's metadata."""

import duckdb
import pytest

from pipeline.cli import main
from pipeline.documents import DocumentError, account_files
from pipeline.extraction import extract
from pipeline.readers import read_document, read_inbox
from pipeline.warehouse import ensure_tables
from tests.pdf_builder import pdf_with_lines
from tests.reliefweb_builder import report, response

FLASH_HTML = ("<h2>Situation overview</h2><ul><li>At least 43 people were <strong>killed</strong> and 12 injured in the "
              "Grand'Anse department.</li><li>More than 15,000 people were displaced to 90 shelters.</li></ul>"
              "<p>At least 25 people were killed in Jeremie.</p>")


def write_inbox(inbox, *reports, attachment_lines=("Haiti flash update", "At least 25 people were killed in Jeremie.")):
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / "haiti.json").write_text(response(*reports))
    (inbox / "flash-3.pdf").write_bytes(pdf_with_lines(list(attachment_lines)))


def default_reports():
    return (
        report(101, "Haiti: Hurricane Melissa Flash Update No. 3", body_html=FLASH_HTML, files=("flash-3.pdf", "not-here.pdf")),
        report(102, "Haiti: Hurricane Melissa, situation report", body="Some 3,000 people were displaced in Nippes.",
               sources=("World Food Programme", "UN Children's Fund"), iso3=None),
        report(103, "A report with no text"),
        report(104, "A report from the future", body="Some 12 people were injured.", date="2999-01-01T00:00:00+00:00"),
    )


def test_a_response_is_a_document_per_report_and_attachments_take_their_report_s_metadata(tmp_path):
    write_inbox(tmp_path, *default_reports())
    documents, rejections = read_inbox(tmp_path)
    by_path = {d.path: d for d in documents}
    assert sorted(by_path) == ["flash-3.pdf", "haiti.json#101", "haiti.json#102"]
    flash = by_path["haiti.json#101"]
    assert (flash.title, flash.published.isoformat(), flash.source, flash.url, flash.country, flash.report_id) == (
        "Haiti: Hurricane Melissa Flash Update No. 3", "2025-10-29", "UN Office for the Coordination of Humanitarian Affairs",
        "https://reliefweb.int/node/101", "HTI", "101")
    assert flash.body.splitlines()[:2] == ["Situation overview",
                                           "At least 43 people were killed and 12 injured in the Grand'Anse department."]
    sitrep = by_path["haiti.json#102"]
    assert (sitrep.source, sitrep.country, sitrep.body) == (
        "World Food Programme; UN Children's Fund", None, "Some 3,000 people were displaced in Nippes.")
    attached = by_path["flash-3.pdf"]
    assert (attached.title, attached.published, attached.source, attached.url, attached.country) == (
        flash.title, flash.published, flash.source, flash.url, "HTI")
    assert (attached.report_id, attached.attachment_of) == ("101", "haiti.json#101")
    assert {r.path: r.check for r in rejections} == {"haiti.json#103": "report_body", "haiti.json#104": "date_not_in_future"}
    assert all(r.reason for r in rejections)
    assert account_files(["flash-3.pdf", "haiti.json"], documents, rejections) == {
        "files": 2, "files_read": 2, "rejected_files": 0, "documents": 3, "rejected_parts": 2, "unaccounted": 0}


def test_the_figures_of_a_report_and_its_attachment_carry_the_report_s_country(tmp_path):
    write_inbox(tmp_path, *default_reports())
    documents, _ = read_inbox(tmp_path)
    figures = {(r["path"], r["text"], r["metric"], r["country"]) for d in documents for r in extract(d)}
    assert ("haiti.json#101", "At least 43", "killed", "HTI") in figures
    assert ("flash-3.pdf", "At least 25", "killed", "HTI") in figures


def test_a_file_named_by_no_report_keeps_its_own_metadata(tmp_path):
    write_inbox(tmp_path, report(101, "Flash update", body_html=FLASH_HTML))
    doc = read_document(tmp_path / "flash-3.pdf", "flash-3.pdf")
    assert (doc.report_id, doc.attachment_of, doc.title) == (None, None, None)


@pytest.mark.parametrize(("content", "reason"), [
    ('{"data": []}', "holds no report"),
    ('{"reports": [{"title": "x"}]}', "no `data` list"),
    ("[1, 2, 3]", "no `data` list"),
    ("{not json", "not JSON"),
])
def test_json_that_is_no_reliefweb_response_is_rejected_with_the_reason(tmp_path, content, reason):
    (tmp_path / "x.json").write_text(content)
    documents, rejections = read_inbox(tmp_path)
    assert documents == [] and [(r.path, r.check) for r in rejections] == [("x.json", "reliefweb_shape")]
    assert reason in rejections[0].reason


def test_a_report_without_fields_is_rejected_alone(tmp_path):
    (tmp_path / "x.json").write_text(response({"id": 7}, report(8, "Update", body="Some 40 people were killed.")))
    documents, rejections = read_inbox(tmp_path)
    assert [d.path for d in documents] == ["x.json#8"]
    assert [(r.path, r.check) for r in rejections] == [("x.json#7", "reliefweb_report")]


def test_read_document_refuses_a_file_of_several_documents(tmp_path):
    write_inbox(tmp_path, *default_reports()[:2])
    with pytest.raises(DocumentError) as err:
        read_document(tmp_path / "haiti.json")
    assert err.value.check == "one_document"


def test_humstat_run_accounts_for_files_and_the_documents_read_from_them(tmp_path, capsys):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w" / "h.duckdb"
    write_inbox(inbox, *default_reports())
    (inbox / "empty.txt").write_text("")
    args = ["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert ("accounting of this run: 3 files = 2 read + 1 rejected, 3 documents read from them and 2 parts of them "
            "rejected (reports of a ReliefWeb response);") in out
    assert "MISMATCH" not in out
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute("SELECT path, country, report_id, attachment_of FROM documents ORDER BY path").fetchall()
    rejected = con.execute("SELECT path, \"check\" FROM rejected_documents ORDER BY path").fetchall()
    restated = con.execute("SELECT source, metric, country, mentions, documents FROM claims WHERE value = 25").fetchall()
    con.close()
    # the report and its attachment state the same figure: one claim, restated in two documents
    assert restated == [("UN Office for the Coordination of Humanitarian Affairs", "killed", "HTI", 2, 2)]
    assert rows == [("flash-3.pdf", "HTI", "101", "haiti.json#101"), ("haiti.json#101", "HTI", "101", None),
                    ("haiti.json#102", None, "102", None)]
    assert rejected == [("empty.txt", "file_not_empty"), ("haiti.json#103", "report_body"), ("haiti.json#104", "date_not_in_future")]
    # the response again, its rejected reports mended: their old rejections go
    (inbox / "haiti.json").write_text(response(*default_reports()[:2], report(103, "Now with text", body="Some 7 people were injured.")))
    assert main(args) == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    rejected = con.execute("SELECT path FROM rejected_documents ORDER BY path").fetchall()
    con.close()
    assert rejected == [("empty.txt",)]


def test_an_older_warehouse_gains_the_document_metadata_columns(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, title VARCHAR, published DATE, "
                "source VARCHAR, url VARCHAR, body VARCHAR NOT NULL, note VARCHAR, ingested_at TIMESTAMP NOT NULL, superseded_by VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('d', 'a.txt', NULL, NULL, NULL, NULL, 'body', NULL, now(), NULL)")
    ensure_tables(con)
    columns = [r[0] for r in con.execute("DESCRIBE documents").fetchall()]
    assert columns[-3:] == ["country", "report_id", "attachment_of"]
    assert con.execute("SELECT path, country FROM documents").fetchall() == [("a.txt", None)]
    con.close()


def test_humstat_extract_reads_every_report_of_a_response(tmp_path, capsys):
    import json

    write_inbox(tmp_path, *default_reports())
    assert main(["extract", "--jsonl", str(tmp_path / "haiti.json")]) == 0
    captured = capsys.readouterr()
    paths = {json.loads(line)["path"] for line in captured.out.splitlines()}
    assert paths == {f"{tmp_path / 'haiti.json'}#101", f"{tmp_path / 'haiti.json'}#102"}
    assert "#103: the report has neither" in captured.err


@pytest.mark.parametrize(("title", "who"), [
    ("Haiti: Hurricane Melissa Flash Update No. 3", None),
    ("Ethiopia: Marburg Virus Disease Outbreak Situation Report 5", None),
    ("Floods in the Sahel - Emergency Response Update", None),
    ("Civilian casualties in the first half of 2021 - UNAMA", "UNAMA"),
])
def test_a_report_title_in_title_case_names_its_subject_not_its_author(title, who):
    from pipeline.extraction.attribution import attribution_in_title

    assert attribution_in_title(title) == who
