"""The readers: one module per format, each with the same interface.

Every reader module has `SUFFIXES` (the file names it reads, lower case) and
`read(raw: bytes, path: str, today: date | None) -> Reading`: the documents the file holds and
the parts of it that are not documents, or DocumentError when the file as a whole is not one.
`READERS` maps a suffix to its reader; `read_inbox` turns every inbox file into documents or
rejections. The document model, the checks every entry passes before a reader sees it, and the
inbox listing are in `pipeline/documents.py`, which imports no reader.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipeline.documents import (
    Document,
    DocumentError,
    Reading,
    Rejection,
    file_bytes,
    head_of,
    inbox_files,
    regular_file_status,
)
from pipeline.readers import html, pdf, reliefweb, text
from pipeline.readers.reliefweb import Attachments, as_attachment

Reader = Callable[[bytes, str, date | None], Reading]

READERS: dict[str, Reader] = {suffix: module.read for module in (text, html, pdf, reliefweb) for suffix in module.SUFFIXES}
SUPPORTED_SUFFIXES = frozenset(READERS)
SUPPORTED_NAMES = ".txt, .md, .html, .pdf or .json (a ReliefWeb API response)"


def read_file(
    path: Path, display_path: str | None = None, today: date | None = None, attachments: Attachments | None = None
) -> Reading:
    """The documents of one file, by the reader of its suffix (a file of another suffix is read
    as text). A file attached to a ReliefWeb report in a response beside it takes the report's
    metadata (`reliefweb.Attachments`; pass one instance for a whole read of the inbox). Raises
    DocumentError with a reason when the file is not a document at all."""
    raw = file_bytes(path)
    shown = display_path or str(path)
    reader = READERS.get(path.suffix.lower(), text.read)
    reading = reader(raw, shown, today)
    if reader is reliefweb.read:
        return reading
    report = (attachments or Attachments()).report_of(path, shown)
    if report is None:
        return reading
    return Reading([as_attachment(doc, report, today) for doc in reading.documents], reading.rejections)


def read_document(path: Path, display_path: str | None = None, today: date | None = None) -> Document:
    """Read a file that holds one document; raises DocumentError with a reason when it cannot be
    one (see `read_file`), or when it holds several (`one_document`: use `read_file`)."""
    reading = read_file(path, display_path, today)
    if len(reading.documents) == 1 and not reading.rejections:
        return reading.documents[0]
    if not reading.documents and reading.rejections:
        first = reading.rejections[0]
        raise DocumentError(first.check, first.reason)
    raise DocumentError("one_document", f"the file holds {len(reading.documents)} documents; read it with read_file")


def read_inbox(inbox: Path, files: list[Path] | None = None) -> tuple[list[Document], list[Rejection]]:
    """Every file in the inbox (or of `files`, listed from it) ends as documents or a Rejection
    (a file of several documents may add a Rejection per part that is not one); none is dropped
    silently. A text seen before in this read is rejected as `unique_body`."""
    documents: list[Document] = []
    rejections: list[Rejection] = []
    seen: dict[str, str] = {}
    attachments = Attachments()
    root = inbox.resolve()
    for path in inbox_files(inbox) if files is None else files:
        shown = str(path.relative_to(inbox))
        if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):  # realpath: a loop does not raise
            rejections.append(Rejection(shown, "inside_inbox", "a symbolic link to a file outside the inbox is never followed", None))
            continue
        try:
            regular_file_status(path)  # before the name: a pipe called x.txt is judged as a pipe
        except DocumentError as err:
            rejections.append(Rejection(shown, err.check, err.reason, None))
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            rejections.append(Rejection(
                shown, "supported_format", f"{path.suffix or 'no extension'} files are not read; use {SUPPORTED_NAMES}", None
            ))
            continue
        try:
            reading = read_file(path, shown, attachments=attachments)
        except DocumentError as err:
            rejections.append(Rejection(shown, err.check, err.reason, head_of(path)))
            continue
        rejections.extend(reading.rejections)
        for doc in reading.documents:
            if doc.doc_id in seen:
                rejections.append(Rejection(doc.path, "unique_body", f"same text as {seen[doc.doc_id]}", None))
                continue
            seen[doc.doc_id] = doc.path
            documents.append(doc)
    return documents, rejections
