"""The readers as one package with one interface, and the document model apart from them."""

import ast
import inspect
from pathlib import Path

import pytest

from pipeline import documents, readers
from pipeline.documents import Reading
from pipeline.readers import READERS, read_file


def imported_modules(module) -> set[str]:
    tree = ast.parse(Path(inspect.getfile(module)).read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_document_model_imports_no_reader():
    assert not {m for m in imported_modules(documents) if m.startswith("pipeline.readers")}


def test_every_suffix_has_a_reader_with_the_one_interface():
    assert {".txt", ".md", ".html", ".htm", ".pdf"} <= set(READERS)
    for suffix, reader in READERS.items():
        module = inspect.getmodule(reader)
        assert module.__name__.startswith("pipeline.readers.") and suffix in module.SUFFIXES
        assert list(inspect.signature(reader).parameters) == ["raw", "path", "today"]


@pytest.mark.parametrize(("name", "content"), [("a.txt", "Some 300 people were displaced."),
                                               ("a.md", "---\ntitle: T\n---\nSome 300 people were displaced.")])
def test_a_reader_returns_a_reading_of_documents(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    reading = read_file(path, name)
    assert isinstance(reading, Reading) and [d.path for d in reading.documents] == [name] and reading.rejections == []
    one = readers.read_document(path, name)
    assert (one.doc_id, one.path, one.title) == (reading.documents[0].doc_id, name, reading.documents[0].title)
