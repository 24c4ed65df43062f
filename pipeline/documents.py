"""Reading documents: front matter or the date prefix, the body, and its content address.

The body is the file decoded as UTF-8 with its leading metadata block and the white space
after it taken off, nothing else changed, so every figure's span indexes it exactly.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm", ".pdf"})


class DocumentError(ValueError):
    """A file that cannot be read as a document; `check` names the failing rule."""

    def __init__(self, check: str, reason: str):
        super().__init__(reason)
        self.check = check
        self.reason = reason


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    body: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    note: str | None = None
    ingested_at: datetime = field(default_factory=lambda: utc_now())

    def as_row(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "body": self.body,
            "note": self.note,
            "ingested_at": self.ingested_at,
        }


def utc_now() -> datetime:
    """Naive UTC, as DuckDB's TIMESTAMP stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


def doc_id_for(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _read_date(value: object, today: date) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value).strip()[:10])
        except ValueError as err:
            raise DocumentError("date_readable", f"the date {value!r} is not an ISO date (YYYY-MM-DD)") from err
    if value > today:
        raise DocumentError("date_not_in_future", f"the date {value.isoformat()} is in the future")
    return value


def parse_text(text: str, path: str, today: date | None = None) -> Document:
    """A document from decoded text: metadata block off, body kept byte for byte."""
    today = today or date.today()
    meta: dict = {}
    m = FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as err:
            raise DocumentError("front_matter_yaml", f"the front matter is not valid YAML: {err}".splitlines()[0]) from err
        if not isinstance(loaded, dict):
            raise DocumentError("front_matter_yaml", "the front matter is not a mapping of keys to values")
        meta = loaded
        rest = text[m.end() :]
    else:
        p = DATE_PREFIX.match(text)
        if p:
            meta = {"date": p.group(1)}
            rest = text[p.end() :]
            body = rest
            return _document(body, path, meta, today)
        rest = text
    body = rest.lstrip()
    return _document(body, path, meta, today)


def document_from_body(body: str, path: str, meta: dict, today: date | None, note: str | None) -> Document:
    """A document from text another reader extracted (HTML, PDF), with its metadata."""
    doc = _document(body, path, meta, today or date.today())
    return replace(doc, note=note) if note else doc


def _document(body: str, path: str, meta: dict, today: date) -> Document:
    if not body.strip():
        raise DocumentError("body_not_empty", "the document has no text after its metadata")

    def text_field(key: str) -> str | None:
        value = meta.get(key)
        return str(value).strip() if value not in (None, "") else None

    return Document(
        doc_id=doc_id_for(body),
        path=path,
        body=body,
        title=text_field("title"),
        published=_read_date(meta.get("date") or meta.get("published"), today),
        source=text_field("source"),
        url=text_field("url"),
    )


# Tried in order after UTF-8: the encodings old saved pages and exports use. cp1252 decodes
# almost any byte string, so text that decodes but reads as control characters is refused.
LEGACY_ENCODINGS = ("cp1252", "latin-1")


def decode(raw: bytes) -> tuple[str, str | None]:
    """The text, and a note when it was not UTF-8 but a legacy encoding."""
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


def max_bytes() -> int:
    return int(float(os.environ.get("HUMSTAT_MAX_FILE_MB", "50")) * 1024 * 1024)


# What an entry that is not a regular file is, by its mode (stat module)
NOT_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def regular_file_status(path: Path) -> os.stat_result:
    """The status of `path` (a link followed) when it is a regular file, without opening it.
    Raises DocumentError otherwise: `link_target_exists` for a symbolic link that points to nothing
    or loops, `folder_readable` for a folder that cannot be listed, `regular_file` for a folder,
    a named pipe, a socket or a device (none is ever opened: a pipe would block the read),
    `file_readable` when it is gone or cannot be examined."""
    try:
        status = path.stat()
    except OSError as err:
        if path.is_symlink():
            if err.errno == errno.ELOOP:
                raise DocumentError("link_target_exists", "the symbolic link loops back on itself; it points to no file") from err
            if err.errno in (errno.ENOENT, errno.ENOTDIR):
                raise DocumentError("link_target_exists", f"the symbolic link points to nothing: {_link_target(path)} does not exist") from err
        if isinstance(err, FileNotFoundError):
            raise DocumentError("file_readable", "the file disappeared before it could be read") from err
        raise DocumentError("file_readable", f"the file could not be read: {err.strerror or err}") from err
    if stat.S_ISDIR(status.st_mode):
        if path.is_symlink():
            raise DocumentError("regular_file", "a symbolic link to a folder is never followed; move the files into the inbox")
        try:
            with os.scandir(path):
                pass
        except OSError as err:
            raise DocumentError("folder_readable", f"the folder cannot be listed ({err.strerror or err}); no file in it is read") from err
        raise DocumentError("regular_file", "a folder is not a file; the files in it are read when the inbox is next listed")
    for is_kind, kind in NOT_FILES:
        if is_kind(status.st_mode):
            raise DocumentError("regular_file", f"{kind} is not a file; it is never opened")
    return status


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "its target"


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file; opened without blocking, so an entry swapped for a named
    pipe after `regular_file_status` looked at it is refused rather than waited on."""
    with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise DocumentError("regular_file", "the file was replaced by something that is not a file while it was read")
        return f.read()


def read_document(path: Path, display_path: str | None = None, today: date | None = None) -> Document:
    """Read one file; raises DocumentError with a reason when it cannot be a document. Anything
    but a regular file is refused unopened (`regular_file_status`); a file of no bytes or only
    white space fails `file_not_empty` whatever its format, before any reader sees it."""
    limit = max_bytes()
    status = regular_file_status(path)
    if status.st_size > limit:
        raise DocumentError("size_limit", f"the file is larger than the limit of {limit / 1024 / 1024:g} MB (HUMSTAT_MAX_FILE_MB)")
    try:
        raw = _read_regular(path)
    except FileNotFoundError as err:
        raise DocumentError("file_readable", "the file disappeared before it could be read") from err
    except OSError as err:
        raise DocumentError("file_readable", f"the file could not be read: {err.strerror or err}") from err
    if not raw.strip():
        raise DocumentError("file_not_empty", "the file is empty")
    from pipeline.formats import READERS

    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader(raw, display_path or str(path), today)
    text, note = decode(raw)
    doc = parse_text(text, display_path or str(path), today)
    return replace(doc, note=note) if note else doc


@dataclass(frozen=True)
class Rejection:
    path: str
    check: str
    reason: str
    input: str | None

    def as_row(self, at: datetime) -> dict:
        return {"path": self.path, "check": self.check, "reason": self.reason, "input": self.input, "rejected_at": at}


def inbox_files(inbox: Path) -> list[Path]:
    """Every entry below the inbox that is not a folder, hidden ones (a name starting with a dot)
    aside, and every folder that cannot be listed: links (to files, folders or nothing), named
    pipes, sockets and devices are judged by `read_inbox`, not skipped. Links to folders are
    listed, never walked into. Sorted paths; nothing is opened but folders."""
    found: list[Path] = []

    def unlisted(err: OSError) -> None:  # os.walk's report of a folder it could not list
        if not isinstance(err, FileNotFoundError | NotADirectoryError):  # gone, or no folder: nothing in it to read
            found.append(Path(err.filename) if err.filename else inbox)

    for folder, subfolders, names in os.walk(inbox, onerror=unlisted):
        base = Path(folder)
        found.extend(base / name for name in subfolders if (base / name).is_symlink())
        found.extend(base / name for name in names)
    return sorted(p for p in found if p == inbox or not p.name.startswith("."))


def read_inbox(inbox: Path, files: list[Path] | None = None) -> tuple[list[Document], list[Rejection]]:
    """Every file in the inbox (or of `files`, listed from it) ends as a Document or a
    Rejection; none is dropped silently."""
    documents: list[Document] = []
    rejections: list[Rejection] = []
    seen: dict[str, str] = {}
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
                shown, "supported_format", f"{path.suffix or 'no extension'} files are not read; use .txt, .md, .html or .pdf", None
            ))
            continue
        try:
            doc = read_document(path, shown)
        except DocumentError as err:
            rejections.append(Rejection(shown, err.check, err.reason, _head(path)))
            continue
        if doc.doc_id in seen:
            rejections.append(Rejection(shown, "unique_body", f"same text as {seen[doc.doc_id]}", None))
            continue
        seen[doc.doc_id] = shown
        documents.append(doc)
    return documents, rejections


def _head(path: Path) -> str | None:
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            return f.read(200).decode("utf-8", errors="replace")
    except OSError:
        return None
