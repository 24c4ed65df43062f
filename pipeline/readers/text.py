"""Text files (.txt, .md): YAML front matter or a `date YYYY-MM-DD` first line, then the body.

The body is the file decoded as UTF-8 with its leading metadata block and the white space
after it taken off, nothing else changed, so every figure's span indexes it exactly.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import yaml

from pipeline.documents import Document, DocumentError, Reading, document_from_body

SUFFIXES = (".txt", ".md", ".markdown", ".text")

DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def read(raw: bytes, path: str, today: date | None = None) -> Reading:
    """A text file as one document; a legacy encoding is noted (see `decode`)."""
    text, note = decode(raw)
    doc = parse_text(text, path, today)
    return Reading([replace(doc, note=note) if note else doc])


def parse_text(text: str, path: str, today: date | None = None) -> Document:
    """A document from decoded text: metadata block off, body kept byte for byte. Raises
    DocumentError (`front_matter_yaml`, `body_not_empty`, the date checks)."""
    m = FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as err:
            raise DocumentError("front_matter_yaml", f"the front matter is not valid YAML: {err}".splitlines()[0]) from err
        if not isinstance(loaded, dict):
            raise DocumentError("front_matter_yaml", "the front matter is not a mapping of keys to values")
        return document_from_body(text[m.end():].lstrip(), path, loaded, today)
    p = DATE_PREFIX.match(text)
    if p:
        return document_from_body(text[p.end():], path, {"date": p.group(1)}, today)
    return document_from_body(text.lstrip(), path, {}, today)


# Tried in order after UTF-8: the encodings old saved pages and exports use. cp1252 decodes
# almost any byte string, so text that decodes but reads as control characters is refused.
LEGACY_ENCODINGS = ("cp1252", "latin-1")


def decode(raw: bytes) -> tuple[str, str | None]:
    """The text, and a note when it was not UTF-8 but a legacy encoding. Raises DocumentError:
    `file_not_empty`, `is_text` (NUL bytes), `text_encoding`."""
    if not raw.strip():
        raise DocumentError("file_not_empty", "the file is empty")
    if b"\x00" in raw[:8192]:
        raise DocumentError("is_text", "the file is binary (it holds NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        first_bad = err.start
    for encoding in LEGACY_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t")
        if controls <= len(text) // 100:
            return text, f"not UTF-8 (byte {first_bad}); read as {encoding}"
    raise DocumentError("text_encoding", f"the file is neither UTF-8 nor {', '.join(LEGACY_ENCODINGS)} text (byte {first_bad})")
