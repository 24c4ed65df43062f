"""What is new in the inbox since a cursor: the state a file sensor keeps, as plain data.

The cursor is the newest modification time already handed on, so a tick only hashes files
touched since; a batch is named by the hash of its files' contents, so the same content never
makes two runs, whatever happens to the cursor.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.documents import inbox_files


@dataclass(frozen=True)
class NewFiles:
    paths: list[str]
    batch_key: str  # hash of the contents, in path order
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
        except FileNotFoundError:
            continue  # gone between listing and reading: the next run will account for it
        if cursor is None or modified > cursor:
            fresh.append((path, modified))
    if not fresh:
        return None
    digest = hashlib.sha256()
    for path, _ in fresh:
        digest.update(str(path.relative_to(inbox)).encode() + b"\0" + content_hash(path).encode())
    return NewFiles(
        paths=[str(p.relative_to(inbox)) for p, _ in fresh],
        batch_key=digest.hexdigest()[:32],
        cursor=max(m for _, m in fresh),
    )
