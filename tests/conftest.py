"""Shared fixtures: documents written by the tests, and a warehouse built from the bundled inbox."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from pipeline.config import DATA_DIR
from pipeline.documents import Document, doc_id_for
from pipeline.extraction import extract
from pipeline.readers.text import parse_text

BUNDLED_INBOX = DATA_DIR / "inbox"
BUNDLED_REFERENCE = DATA_DIR / "reference"


def document(body: str, published: date | None = date(2021, 8, 12), title: str | None = None) -> Document:
    return Document(doc_id=doc_id_for(body), path="test.txt", body=body, title=title, published=published)


def figures_of(body: str, **kwargs) -> list[dict]:
    return extract(document(body, **kwargs))


def only(records: list[dict], text: str) -> dict:
    found = [r for r in records if r["text"] == text]
    assert len(found) == 1, f"expected one figure {text!r}, got {[r['text'] for r in records]}"
    return found[0]


@pytest.fixture
def parse():
    return lambda text, path="doc.txt": parse_text(text, path, today=date(2026, 1, 1))


@pytest.fixture(scope="session")
def bundled_warehouse(tmp_path_factory) -> Path:
    """Every asset materialized once over a copy of the bundled inbox."""
    from pipeline.cli.run import materialize_all

    root = tmp_path_factory.mktemp("bundled")
    inbox = root / "inbox"
    shutil.copytree(BUNDLED_INBOX, inbox)
    warehouse = root / "warehouse" / "humstat.duckdb"
    with dg.instance_for_test() as instance:
        result = materialize_all(str(inbox), str(warehouse), str(BUNDLED_REFERENCE), instance=instance)
    assert result.success
    return warehouse
