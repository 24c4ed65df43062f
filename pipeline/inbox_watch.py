"""What is new in the inbox: the state a file sensor and an incremental run keep, as plain data.

The sensor's cursor is the newest modification time already handed on, so a tick only hashes
files touched since. New files form a batch, recorded as a small JSON file (the list of its
files) and named by the hash of the files' names and contents, so the same content never makes
two batches or two runs, whatever happens to the cursor. A run compares each file's size and
modification time with those the warehouse recorded when it last read the file (the
`inbox_files` table), so a file copied in with an old time is still seen as new.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pipeline.documents import inbox_files


@dataclass(frozen=True)
class NewFiles:
    paths: list[str]
    hashes: list[str]  # of the contents, in path order
    cursor: float  # the newest modification time among them


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def new_files(inbox: Path, cursor: float | None) -> NewFiles | None:
    """Files modified after `cursor`, or None when there are none."""
    if not inbox.is_dir():
        return None
    fresh = []
    for path in inbox_files(inbox):
        try:
            modified = path.stat().st_mtime
            if cursor is None or modified > cursor:
                fresh.append((str(path.relative_to(inbox)), content_hash(path), modified))
        except OSError:
            continue  # gone between listing and reading: the next run will account for it
    if not fresh:
        return None
    return NewFiles(paths=[p for p, _, _ in fresh], hashes=[h for _, h, _ in fresh], cursor=max(m for _, _, m in fresh))


def batch_key(paths: list[str], hashes: list[str]) -> str:
    """A batch's name: the hash of its files' names and contents, so the same files make the
    same batch (and the same run key) however often they are seen."""
    digest = hashlib.sha256()
    for path, content in zip(paths, hashes, strict=True):
        digest.update(path.encode() + b"\0" + content.encode())
    return f"batch-{digest.hexdigest()[:16]}"


def write_batch(folder: Path, paths: list[str], hashes: list[str]) -> str:
    """Record a batch of inbox files (paths relative to the inbox) and return its key."""
    key = batch_key(paths, hashes)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{key}.json"
    if not target.exists():
        staged = target.with_suffix(".partial")
        staged.write_text(json.dumps({"files": paths}, ensure_ascii=False, indent=0))
        staged.replace(target)  # never a half-written batch
    return key


def batch_files(inbox: Path, folder: Path, keys: list[str]) -> tuple[list[Path], list[str]]:
    """The files of the batches, in order and once each, and those that left the inbox since."""
    found: list[Path] = []
    gone: list[str] = []
    seen: set[str] = set()
    for key in keys:
        try:
            listed = json.loads((folder / f"{key}.json").read_text())["files"]
        except (OSError, ValueError, KeyError) as err:
            raise FileNotFoundError(f"the batch {key} is not recorded in {folder}: {err}") from err
        for relative in listed:
            if relative in seen:
                continue
            seen.add(relative)
            path = inbox / relative
            if path.is_file() or path.is_symlink():
                found.append(path)
            else:
                gone.append(relative)
    return found, gone


Stamp = tuple[int, int]  # size in bytes, modification time in nanoseconds


def stamp_of(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def changed_since_read(inbox: Path, stamps: dict[str, Stamp]) -> list[Path]:
    """Files that are new, or whose size or modification time differs from when the warehouse read them."""
    return [p for p in inbox_files(inbox) if stamps.get(str(p.relative_to(inbox))) != stamp_of(p)]


def inbox_file_rows(inbox: Path, stamped: dict[Path, Stamp | None], doc_ids: dict[str, str], at: datetime) -> list[dict]:
    """Rows of `inbox_files` for files just read, with the stamps taken before reading them (so a
    file changed meanwhile looks changed next time); files that vanished are left out."""
    rows = []
    for path, stamp in stamped.items():
        if stamp is None:
            continue
        shown = str(path.relative_to(inbox))
        rows.append({"path": shown, "size_bytes": stamp[0], "modified_ns": stamp[1], "doc_id": doc_ids.get(shown), "read_at": at})
    return rows
