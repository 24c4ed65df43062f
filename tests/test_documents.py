from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.documents import DocumentError, doc_id_for
from pipeline.readers import read_document, read_inbox


def test_front_matter_is_taken_off_with_the_white_space_after_it(parse):
    doc = parse('---\ntitle: "A report"\ndate: 2021-07-26\nsource: UNAMA\nurl: https://example.org/r\n---\n\n  Body starts here.')
    assert doc.body == "Body starts here."
    assert (doc.title, doc.published, doc.source, doc.url) == ("A report", date(2021, 7, 26), "UNAMA", "https://example.org/r")
    assert doc.doc_id == doc_id_for("Body starts here.")


def test_seed_style_date_prefix(parse):
    doc = parse(" date 2021-08-12 Seeing the events unfold,\nthe text goes on.")
    assert doc.published == date(2021, 8, 12)
    assert doc.body == "Seeing the events unfold,\nthe text goes on."


def test_plain_text_is_its_own_body(parse):
    assert parse("Just text.\n").body == "Just text.\n"


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("---\ntitle: [unclosed\n---\nBody", "front_matter_yaml"),
        ("---\ndate: 2099-01-01\n---\nBody", "date_not_in_future"),
        ("---\ndate: last Tuesday\n---\nBody", "date_readable"),
        ("---\ntitle: Empty\n---\n   \n", "body_not_empty"),
    ],
)
def test_bad_documents_are_rejected_with_the_failing_check(parse, text, check):
    with pytest.raises(DocumentError) as err:
        parse(text)
    assert err.value.check == check
    assert err.value.reason


def test_every_inbox_file_is_a_document_or_a_rejection(tmp_path):
    (tmp_path / "good.txt").write_text("---\ndate: 2020-01-02\n---\n12 civilians were killed.")
    (tmp_path / "copy.txt").write_text("---\ndate: 2020-01-03\n---\n12 civilians were killed.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said 3 were killed.".encode("cp1252"))
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 40 + b"\xff")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    (tmp_path / "name with spaces é.md").write_text("Some 300 families were displaced.")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("40 civilians were killed.")
    (tmp_path / "link.txt").symlink_to(outside)
    documents, rejections = read_inbox(tmp_path)
    assert [d.path for d in documents] == ["copy.txt", "latin1.txt", "name with spaces é.md"]
    assert documents[1].note == "not UTF-8 (byte 3); read as cp1252"
    assert documents[1].body.startswith("Café")
    assert {r.path: r.check for r in rejections} == {
        "binary.txt": "is_text",
        "empty.txt": "file_not_empty",
        "good.txt": "unique_body",
        "link.txt": "inside_inbox",
        "noise.txt": "text_encoding",
        "sheet.xlsx": "supported_format",
    }


def test_size_limit_and_vanished_files(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("12 civilians were killed. " * 50_000)
    monkeypatch.setenv("HUMSTAT_MAX_FILE_MB", "1")
    with pytest.raises(DocumentError) as err:
        read_document(big)
    assert err.value.check == "size_limit" and "1 MB" in err.value.reason
    with pytest.raises(DocumentError) as err:
        read_document(tmp_path / "gone.txt")
    assert err.value.check == "file_readable"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_any_bytes_become_a_document_or_a_clear_rejection(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bytes") / "doc.txt"
    path.write_bytes(raw)
    try:
        doc = read_document(path)
    except DocumentError as err:
        assert err.check and err.reason
        return
    assert doc.body.strip() and doc.doc_id == doc_id_for(doc.body)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_keeps_its_body_verbatim(parse, text):
    try:
        doc = parse(text)
    except DocumentError:
        return
    assert text.endswith(doc.body)  # only the metadata block and the white space after it come off
