"""Saved web pages and PDF reports, made by the tests themselves, read into documents."""

import pytest

from pipeline.documents import DocumentError
from pipeline.extraction import extract
from pipeline.readers import read_document, read_inbox
from tests.pdf_builder import pdf_with_lines

PAGE = """<html><head><title>Flash update 7 | Relief Agency</title>
<meta name="date" content="2023-05-02"><meta property="og:site_name" content="Relief Agency">
</head><body><nav>Home | Countries | About us | Donate</nav>
<article><h1>Flash update 7</h1>
<p>At least 40 civilians were killed in Kharkiv in April 2023, the agency said.</p>
<p>More than 3,000 people were displaced from the city during the same month.</p></article>
<footer>Contact us. Copyright 2023.</footer></body></html>"""


def spans_index_body(doc):
    records = extract(doc)
    assert records
    for r in records:
        assert doc.body[r["char_start"] : r["char_end"]] == r["text"]
    return records


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "flash.html"
    path.write_text(PAGE)
    doc = read_document(path)
    assert "Donate" not in doc.body and "Copyright" not in doc.body
    assert (doc.title, doc.published.isoformat(), doc.source) == ("Flash update 7", "2023-05-02", "Relief Agency")
    records = spans_index_body(doc)
    assert {(r["text"], r["metric"], r["period_label"]) for r in records} >= {("At least 40", "killed", "2023-04")}


def test_pdf_text_layer_with_table_rows_as_lines(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_with_lines([
        "Monthly protection report, May 2023",
        "At least 40 civilians were killed in Kabul in May 2023, UNAMA said.",
        "Province Killed Injured",
        "Kabul 12 30",
    ]))
    doc = read_document(path)
    assert "Kabul 12 30" in doc.body.splitlines()
    records = spans_index_body(doc)
    assert ("At least 40", "killed") in {(r["text"], r["metric"]) for r in records}


@pytest.mark.parametrize(
    ("name", "content", "check"),
    [
        ("menu.html", "<html><body><nav>Home | About</nav></body></html>", "html_main_text"),
        ("scan.pdf", pdf_with_lines([]), "pdf_text_layer"),
        ("cut.pdf", pdf_with_lines(["40 civilians were killed."])[:300], "pdf_readable"),
    ],
)
def test_unreadable_pages_and_pdfs_are_rejected_with_the_reason(tmp_path, name, content, check):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.check == check and err.value.reason


def test_a_mixed_inbox_reads_every_format(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "report.pdf").write_bytes(pdf_with_lines(["At least 40 civilians were killed in Kabul in May 2023."]))
    (tmp_path / "note.md").write_text("Some 300 families were displaced.")
    documents, rejections = read_inbox(tmp_path)
    assert sorted(d.path for d in documents) == ["note.md", "page.html", "report.pdf"]
    assert rejections == []


def nested_page(depth: int) -> str:
    """A page whose article sits `depth` elements deep, menus and footer beside it."""
    return ("<html><head><title>Flash update 9</title></head><body><nav>Home | Countries | About us | Donate</nav>"
            + "<div>" * depth
            + "<p>At least 40 civilians were killed in Kharkiv in April 2023, the agency said.</p>"
            + "<table><tr><td>Kharkiv</td><td>3,000 displaced</td></tr></table>"
            + "</div>" * depth
            + "<footer>Contact us. Copyright 2023.</footer><script>var x = 1;</script></body></html>")


@pytest.mark.parametrize("depth", [300, 5_000])
def test_a_page_nested_beyond_the_parser_keeps_its_text(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text(nested_page(depth))
    doc = read_document(path)
    assert doc.body.splitlines() == [
        "At least 40 civilians were killed in Kharkiv in April 2023, the agency said.",
        "Kharkiv 3,000 displaced",
    ]
    assert doc.title == "Flash update 9" and "read as the page's plain text" in doc.note
    assert ("At least 40", "killed") in {(r["text"], r["metric"]) for r in spans_index_body(doc)}


def test_a_page_within_the_parser_limit_is_read_by_its_main_text(tmp_path):
    path = tmp_path / "shallow.html"
    path.write_text(nested_page(200))
    doc = read_document(path)
    assert "At least 40 civilians were killed" in doc.body and doc.note is None


@pytest.mark.parametrize("name", ["empty.pdf", "empty.html", "empty.htm", "empty.md", "blank.pdf"])
def test_an_empty_file_of_any_format_fails_file_not_empty(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b" \n\t " if name.startswith("blank") else b"")
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert (err.value.check, err.value.reason) == ("file_not_empty", "the file is empty")
    documents, rejections = read_inbox(tmp_path)
    assert documents == [] and [(r.path, r.check) for r in rejections] == [(name, "file_not_empty")]
