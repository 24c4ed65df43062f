"""Every entry of the inbox that is not a folder ends as a document or a rejection, and is
stamped once read: links to nothing, named pipes, sockets, devices, folders that cannot be listed."""

from __future__ import annotations

import os
import socket
import stat
import threading
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.documents import inbox_files
from pipeline.inbox_watch import batch_files, changed_since_read, content_hash, inbox_file_rows, stamp_of, write_batch
from pipeline.readers import read_inbox

TEXT = "---\ndate: 2020-01-02\n---\n12 civilians were killed."


def within(seconds: float, call):
    """`call()`'s result, failing (not hanging) if it blocks: a named pipe opened for reading
    waits for a writer for ever."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"{call} blocked for {seconds} s"
    return result[0]


def accounted(inbox: Path) -> dict[str, str]:
    """Each listed entry's check (or "document"), asserting files == documents + rejections."""
    listed = [str(p.relative_to(inbox)) for p in inbox_files(inbox)]
    documents, rejections = within(20, lambda: read_inbox(inbox))
    assert sorted([d.path for d in documents] + [r.path for r in rejections]) == sorted(listed)
    assert all(r.reason for r in rejections)
    return {**{d.path: "document" for d in documents}, **{r.path: r.check for r in rejections}}


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT)
    return folder


def test_a_link_to_nothing_is_rejected_not_lost(inbox):
    (inbox / "gone.txt").symlink_to(inbox / "never-written.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    assert accounted(inbox) == {"good.txt": "document", "gone.txt": "link_target_exists", "loop.txt": "link_target_exists"}
    reasons = {r.path: r.reason for r in read_inbox(inbox)[1]}
    assert "points to nothing" in reasons["gone.txt"] and "never-written.txt" in reasons["gone.txt"]
    assert "loops" in reasons["loop.txt"]


def test_a_named_pipe_is_rejected_without_being_opened(inbox):
    os.mkfifo(inbox / "pipe.txt")
    os.mkfifo(inbox / "pipe")
    assert accounted(inbox) == {"good.txt": "document", "pipe.txt": "regular_file", "pipe": "regular_file"}
    assert "named pipe (FIFO)" in {r.path: r.reason for r in read_inbox(inbox)[1]}["pipe.txt"]


def test_a_socket_is_rejected(inbox, tmp_path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(inbox / "listening.sock"))
        assert accounted(inbox) == {"good.txt": "document", "listening.sock": "regular_file"}
        assert "a socket" in read_inbox(inbox)[1][0].reason
    finally:
        server.close()


def test_a_device_is_rejected_unopened(inbox):
    try:  # /dev/zero's numbers: reading it would never end
        os.mknod(inbox / "zero.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD, which this user lacks")
    assert accounted(inbox) == {"good.txt": "document", "zero.txt": "regular_file"}
    assert "character device" in read_inbox(inbox)[1][0].reason


def test_a_folder_that_cannot_be_listed_is_rejected(inbox, monkeypatch):
    (inbox / "locked").mkdir()
    (inbox / "locked" / "inside.txt").write_text("Some 300 families were displaced.")
    (inbox / "open").mkdir()
    (inbox / "open" / "note.md").write_text("Some 40 houses were destroyed.")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == inbox / "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert accounted(inbox) == {"good.txt": "document", "locked": "folder_readable", "open/note.md": "document"}
    reason = read_inbox(inbox)[1][0].reason
    assert "cannot be listed (Permission denied)" in reason and "no file in it is read" in reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a folder whatever its mode; the monkeypatched test above covers it")
def test_a_folder_without_permissions_is_rejected(inbox):
    locked = inbox / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("Some 300 families were displaced.")
    locked.chmod(0)
    try:
        assert accounted(inbox) == {"good.txt": "document", "locked": "folder_readable"}
    finally:
        locked.chmod(0o755)


def test_links_to_folders_are_judged_not_walked(inbox):
    (inbox / "real").mkdir()
    (inbox / "real" / "a.txt").write_text("Some 300 families were displaced.")
    (inbox / "again").symlink_to(inbox / "real", target_is_directory=True)
    (inbox / ".hidden").write_text(TEXT)
    assert accounted(inbox) == {"good.txt": "document", "real/a.txt": "document", "again": "regular_file"}


def test_odd_entries_are_stamped_once_read_and_not_read_again(inbox, tmp_path):
    (inbox / "gone.txt").symlink_to(inbox / "never-written.txt")
    os.mkfifo(inbox / "pipe.txt")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(inbox / "listening.sock"))
    try:
        changed = changed_since_read(inbox, {})  # nothing read yet: every entry is new
        names = [str(p.relative_to(inbox)) for p in changed]
        assert names == ["gone.txt", "good.txt", "listening.sock", "pipe.txt"]
        # as a run reads them: a recorded batch, stamps before reading, the rows of `inbox_files`
        key = write_batch(tmp_path / "batches", names, ["-"] * len(names))
        listed, gone = batch_files(inbox, tmp_path / "batches", [key])
        assert gone == [] and listed == changed
        stamped = {p: stamp_of(p) for p in listed}
        assert all(stamped.values())
        documents, rejections = within(20, lambda: read_inbox(inbox, listed))
        assert len(documents) + len(rejections) == len(names)
        rows = inbox_file_rows(inbox, stamped, {d.path: d.doc_id for d in documents}, datetime(2026, 1, 1))
        assert sorted(r["path"] for r in rows) == names
        assert {r["path"] for r in rows if r["doc_id"] is None} == {"gone.txt", "listening.sock", "pipe.txt"}
        stamps = {r["path"]: (r["size_bytes"], r["modified_ns"]) for r in rows}
        assert changed_since_read(inbox, stamps) == []
        (inbox / "never-written.txt").write_text("Some 300 families were displaced.")  # the link now points to a file
        assert [p.name for p in changed_since_read(inbox, stamps)] == ["gone.txt", "never-written.txt"]
    finally:
        server.close()


def test_the_file_sensor_never_opens_a_named_pipe(inbox):
    os.mkfifo(inbox / "pipe.txt")
    # what the sensor does at a tick: list what changed, hash each for the batch's name
    found = within(20, lambda: {p.name: content_hash(p) for p in changed_since_read(inbox, {})})
    assert sorted(found) == ["good.txt", "pipe.txt"] and len(set(found.values())) == 2
