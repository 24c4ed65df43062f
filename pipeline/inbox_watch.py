"""What is new in the inbox: the state a file sensor and an incremental run keep, as plain data.

A file is new when its size or modification time differs from those the warehouse recorded
when it last read the file (the `inbox_files` table), so a file copied in with an old time is
still seen as new; `humstat run` and the sensor use that one rule (the sensor reads it from the
snapshot). New files form a batch, recorded as a small JSON file (the list of its files) and
named by the hash of the files' names and contents, so the same content never makes two batches
or two runs. The sensor's cursor holds the batches it requested that are not read yet.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import duckdb

from pipeline.documents import inbox_files
from pipeline.warehouse import inbox_stamps


def content_hash(path: Path) -> str:
    """The sha256 of a regular file's bytes (a link followed). An entry that is not one (a named
    pipe, socket or device, a link to nothing, a folder that cannot be listed) is never opened:
    its hash is of its kind and stamp. Raises OSError when the path is gone."""
    digest = hashlib.sha256()
    try:
        status = path.stat()
    except OSError:
        status = path.lstat()  # a link to nothing, hashed as the link
    if not stat.S_ISREG(status.st_mode):
        digest.update(f"not a regular file: mode {status.st_mode:o}, {status.st_size} bytes, {status.st_mtime_ns} ns".encode())
        return digest.hexdigest()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def batch_hashes(inbox: Path, names: list[str]) -> list[str]:
    """The hash of each named inbox entry (`content_hash`), in order, for a batch's name; "gone"
    for one that left the inbox. `humstat run` and the sensor name batches by this one rule, so
    the same entries make the same batch and run key either way."""
    hashes = []
    for name in names:
        try:
            hashes.append(content_hash(inbox / name))
        except OSError:
            hashes.append("gone")
    return hashes


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
            if os.path.lexists(path):  # a link to nothing, a pipe or a folder is judged too, not taken for gone
                found.append(path)
            else:
                gone.append(relative)
    return found, gone


Stamp = tuple[int, int]  # size in bytes, modification time in nanoseconds


def stamp_of(path: Path) -> Stamp | None:
    """The entry's size and modification time (a link followed; a link to nothing stamped as the
    link itself, so it is read once and rejected, not skipped or read again), or None when gone."""
    try:
        status = path.stat()
    except OSError:
        try:
            status = path.lstat()
        except OSError:
            return None
    return status.st_size, status.st_mtime_ns


def changed_since_read(inbox: Path, stamps: dict[str, Stamp], warehouse: Path | None = None) -> list[Path]:
    """Entries of the inbox (`inbox_files`: files, and the links, pipes and unlistable folders a
    read rejects; never the outputs of `warehouse` or of any warehouse in the inbox) that are
    new, or whose size or modification time differs from when the warehouse read them."""
    return [p for p in inbox_files(inbox, warehouse) if stamps.get(str(p.relative_to(inbox))) != stamp_of(p)]


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


def snapshot_stamps(snapshot: Path) -> dict[str, Stamp]:
    """The stamps `pipeline.warehouse.inbox_stamps` reads, taken from the warehouse's read-only
    snapshot (pipeline/snapshot.py), opened read-only, so a reader never holds the file a run
    writes. {} when there is no snapshot, or one written before `inbox_files` existed. Raises
    duckdb.Error when the file is not a DuckDB database."""
    if not snapshot.is_file():
        return {}
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        return inbox_stamps(con, create=False)
    finally:
        con.close()


def stamps_digest(inbox: Path, names: list[str]) -> str:
    """A digest of the files' names, sizes and modification times (a vanished file counts as
    such): equal digests mean no file of the list changed by the rule `changed_since_read` uses."""
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(f"{name}\0{stamp_of(inbox / name)}\n".encode())
    return digest.hexdigest()


Requested = tuple[str, str]  # a batch key and the stamps_digest of its files when it was requested


def not_yet_requested(inbox: Path, folder: Path, changed: list[str], requested: list[Requested]) -> tuple[list[str], list[Requested]]:
    """Of the `changed` files (names relative to the inbox, as `changed_since_read` finds them),
    those no batch of `requested` holds yet, and the requested batches still waiting: those with
    a file still changed and none changed since the request. A batch whose files were all read
    drops out; one whose files changed again, or whose file list (in `folder`) is gone, drops
    out too, and its changed files count as not yet requested."""
    left = set(changed)
    waiting = []
    for key, digest in requested:
        try:
            found, gone = batch_files(inbox, folder, [key])
        except FileNotFoundError:
            continue
        names = [str(p.relative_to(inbox)) for p in found] + gone
        if left & set(names) and stamps_digest(inbox, names) == digest:
            waiting.append((key, digest))
            left -= set(names)
    return [name for name in changed if name in left], waiting


def run_lock(warehouse: Path) -> int:
    """An open descriptor of the warehouse's folder, the file `humstat run` locks (flock) for its
    whole length, so runs on one warehouse take turns and the sensor can tell one is under way.
    The lock is on the folder: no lock file is left behind, and the kernel drops it with the
    process. Raises OSError when the folder cannot be opened."""
    return os.open(warehouse.parent, os.O_RDONLY)


def run_holds_warehouse(warehouse: Path) -> bool:
    """Whether a `humstat run` on this warehouse is under way (it holds `run_lock` and publishes
    the snapshot before letting go). Never waits: the lock is tried, and released at once."""
    try:
        folder = run_lock(warehouse)
    except OSError:
        return False  # no folder, no run
    try:
        fcntl.flock(folder, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(folder)  # closing drops a lock taken
    return False
