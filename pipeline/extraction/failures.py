"""When the extractor raises on a document: one record that says so, in place of its figures.

An extractor bug that one document trips must cost the other documents nothing, and must not
pass unseen. The record goes on with the figures, and validation quarantines it in
`rejected_figures` under the check `extractor_raised`, with the error.
"""

from __future__ import annotations

from pipeline.documents import Document
from pipeline.extraction.figures import EXTRACTOR_VERSION, extract, figure_id

EXTRACTOR_RAISED = "extractor_raised"
ERROR_KEY = "extraction_error"


def extract_or_report(doc: Document) -> list[dict]:
    """The document's figures, or, if the extractor raises, a failure record alone."""
    try:
        return extract(doc)
    except Exception as err:  # any bug at all: the record names it, the other documents go on
        return [failure_record(doc, err)]


def failure_record(doc: Document, err: Exception) -> dict:
    return {
        "figure_id": figure_id(doc.doc_id, 0, 0),  # no figure has an empty span
        "doc_id": doc.doc_id,
        "path": doc.path,
        ERROR_KEY: f"{type(err).__name__}: {err}",
        "extractor_version": EXTRACTOR_VERSION,
    }


def is_failure(record: dict) -> bool:
    return ERROR_KEY in record
