"""The document model: what a file read from the inbox becomes (a Document, or a Rejection with
the failing check), the checks every inbox entry passes before any reader opens it, and the
listing of the inbox.

The readers of each format (text, HTML, PDF, ReliefWeb API responses) are in `pipeline/readers/`;
they build documents with `document_from_body`. This module imports none of them.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from pipeline.config import WAREHOUSE_SUFFIX, warehouse_outputs


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
    country: str | None = None  # ISO 3166-1 alpha-3, from the metadata (ReliefWeb's primary_country)
    report_id: str | None = None  # the ReliefWeb report the document is, or is attached to
    attachment_of: str | None = None  # for an attachment: the path of its report's document

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
            "country": self.country,
            "report_id": self.report_id,
            "attachment_of": self.attachment_of,
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


def document_from_body(body: str, path: str, meta: dict, today: date | None = None, note: str | None = None) -> Document:
    """A document from the text a reader extracted and its metadata (`title`, `date` or
    `published` as an ISO date, `source`, `url`, `country` as ISO3, `report_id`,
    `attachment_of`). Raises DocumentError: `body_not_empty`, `date_readable`,
    `date_not_in_future`, `country_iso3`."""
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
        country=_read_country(meta.get("country")),
        report_id=text_field("report_id"),
        attachment_of=text_field("attachment_of"),
    )


def _read_country(value: object) -> str | None:
    """An ISO 3166-1 alpha-3 code, upper case (pycountry's list); raises DocumentError
    `country_iso3` for anything else."""
    if value in (None, ""):
        return None
    import pycountry

    code = str(value).strip().upper()
    if len(code) != 3 or pycountry.countries.get(alpha_3=code) is None:
        raise DocumentError("country_iso3", f"the country {value!r} is not an ISO 3166-1 alpha-3 code")
    return code


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


def file_bytes(path: Path) -> bytes:
    """The bytes of an inbox file, checked before any reader sees them: anything but a regular
    file is refused unopened (`regular_file_status`), a file over `max_bytes` fails `size_limit`,
    and a file of no bytes or only white space fails `file_not_empty` whatever its format.
    Raises DocumentError."""
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
    return raw


@dataclass(frozen=True)
class Rejection:
    path: str
    check: str
    reason: str
    input: str | None

    def as_row(self, at: datetime) -> dict:
        return {"path": self.path, "check": self.check, "reason": self.reason, "input": self.input, "rejected_at": at}


@dataclass(frozen=True)
class Reading:
    """What a reader makes of one file: its documents (one, or one per report of a ReliefWeb
    response), and the parts of it that are not documents, each a Rejection named
    `file#part`. A file that is not a document at all raises DocumentError instead."""

    documents: list[Document]
    rejections: list[Rejection] = field(default_factory=list)


def account_files(scanned: list[str], documents: list[Document], rejections: list[Rejection]) -> dict[str, int]:
    """What became of the files a read scanned (paths relative to the inbox), as counts:
    `files`; `files_read`, those that gave at least one document; `rejected_files`, those that
    gave none; `documents`; `rejected_parts`, rejections of a part of a file (a report of a
    ReliefWeb response, named `file#id`) rather than of the file; `unaccounted`, files with
    neither a document nor a rejection plus documents and rejections of no scanned file (0 when
    nothing was lost). files = files_read + rejected_files when unaccounted is 0."""
    files = set(scanned)

    def file_of(path: str) -> str | None:
        if path in files:
            return path
        whole, _, _ = path.rpartition("#")
        return whole if whole in files else None

    read = {file_of(d.path) for d in documents}
    rejected = {file_of(r.path) for r in rejections}
    parts = sum(1 for r in rejections if r.path not in files)
    stray = sum(1 for d in documents if file_of(d.path) is None) + sum(1 for r in rejections if file_of(r.path) is None)
    return {
        "files": len(files),
        "files_read": len(files & read),
        "rejected_files": len(files - read),
        "documents": len(documents),
        "rejected_parts": parts,
        "unaccounted": len(files - read - rejected) + stray,
    }


def inbox_files(inbox: Path, warehouse: Path | None = None) -> list[Path]:
    """Every entry below the inbox that is not a folder, hidden ones (a name starting with a dot)
    and humstat's own outputs aside, and every folder that cannot be listed: links (to files,
    folders or nothing), named pipes, sockets and devices are judged by `read_inbox`, not
    skipped. Links to folders are listed, never walked into. Sorted paths; nothing is opened
    but folders.

    humstat's own outputs (`pipeline.config.warehouse_outputs`: the database, its snapshot, the
    batch lists, Parquet, run values, reports) are never inbox files: those of `warehouse`, the
    warehouse a run writes, and those of every warehouse file (`*.duckdb`) found in the inbox,
    wherever it was placed. This is the one listing `humstat run` and the sensor read."""
    found: list[Path] = []
    excluded = {os.path.abspath(p) for p in warehouse_outputs(warehouse)} if warehouse is not None else set()

    def unlisted(err: OSError) -> None:  # os.walk's report of a folder it could not list
        if not isinstance(err, FileNotFoundError | NotADirectoryError):  # gone, or no folder: nothing in it to read
            found.append(Path(err.filename) if err.filename else inbox)

    for folder, subfolders, names in os.walk(inbox, onerror=unlisted):
        base = Path(folder)
        where = os.path.abspath(folder)
        for name in names:
            if name.endswith(WAREHOUSE_SUFFIX):  # a warehouse: what humstat writes beside it is no document
                excluded.update(os.path.abspath(p) for p in warehouse_outputs(base / name))
        if excluded:
            subfolders[:] = [name for name in subfolders if os.path.join(where, name) not in excluded]
            names = [name for name in names if os.path.join(where, name) not in excluded]
        found.extend(base / name for name in subfolders if (base / name).is_symlink())
        found.extend(base / name for name in names)
    return sorted(p for p in found if p == inbox or not p.name.startswith("."))


def head_of(path: Path) -> str | None:
    """The first 200 characters of a regular file, for a rejection's `input`; None for anything else."""
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            return f.read(200).decode("utf-8", errors="replace")
    except OSError:
        return None
