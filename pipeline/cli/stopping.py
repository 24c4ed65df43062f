"""How `humstat run` stops on SIGINT (Ctrl-C) and SIGTERM: at once, with one line, exit 130 or 143,
and no process of the run left behind.

Dagster replaces the Python signal handlers while it executes a run, and turns an interrupt
into failure events and tracebacks. Whatever Python handler is in place, CPython's C handler
writes each signal's number to the wake-up file descriptor (`signal.set_wakeup_fd`); a thread
of ours reads it, says what was finished, kills the run's child processes and ends the process. Nothing is lost by stopping this way: a batch is stored in one
transaction (`pipeline.warehouse.load_batch`), so an interrupted batch leaves nothing, and the
next run reads it again and refreshes the views (see docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# The shell's convention: 128 + the signal's number.
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


@dataclass
class RunProgress:
    """What a `humstat run` has stored so far, kept up to date as it goes, so that a run
    stopped at any moment can say what was finished (`finished`)."""

    files: int | None = None  # chosen to read, once planned
    batches: int = 0
    files_stored: int = 0
    batches_stored: int = 0
    views_done: bool = False

    def finished(self) -> str:
        """One sentence: what is stored and what the next run will do."""
        if self.files is None:
            return "nothing was stored; the next `humstat run` starts again"
        if self.views_done:
            return "everything was stored and refreshed; only the summary was not printed"
        if self.batches_stored < self.batches:
            return (f"{self.files_stored} of {self.files} files were stored ({self.batches_stored} of {self.batches} "
                    "batches; a batch is stored whole or not at all); the next `humstat run` reads the rest")
        return (f"all {self.files} new or changed files were stored; the views, checks, report and snapshot "
                "are refreshed by the next `humstat run`")


@dataclass(frozen=True)
class ProcessEntry:
    """One line of the process table: state letter (Z a zombie), parent and session."""

    state: str
    parent: int
    session: int


def process_table(proc: Path = Path("/proc")) -> dict[int, ProcessEntry]:
    """Every process, read from /proc (Linux); {} where there is no /proc. A process that ends
    while it is read is passed over."""
    table: dict[int, ProcessEntry] = {}
    try:
        entries = list(proc.iterdir())
    except OSError:
        return table
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name, in brackets, may hold spaces: the fields after its last ')' are plain
        fields = stat[stat.rfind(")") + 2:].split()
        table[int(entry.name)] = ProcessEntry(fields[0], int(fields[1]), int(fields[3]))
    return table


def descendants(pid: int) -> list[int]:
    """The processes below `pid` (children, their children, ...)."""
    children: dict[int, list[int]] = {}
    for child, entry in process_table().items():
        children.setdefault(entry.parent, []).append(child)
    found: list[int] = []
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def in_session(session: int) -> list[int]:
    """The live processes of a session (a run started with a session of its own), zombies aside."""
    return sorted(pid for pid, entry in process_table().items() if entry.session == session and entry.state != "Z")


def left_alive(session: int, within: float = 10.0) -> list[int]:
    """The processes of `session` still alive after waiting up to `within` seconds for them to end."""
    deadline = time.monotonic() + within
    while in_session(session) and time.monotonic() < deadline:
        time.sleep(0.2)
    return in_session(session)


def kill_descendants() -> None:
    """SIGKILL every process below this one: extraction workers, their fork server, Dagster's
    log tails. A process that ended meanwhile is passed over."""
    for pid in descendants(os.getpid()):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            continue


def _note(signum: int, frame: object) -> None:
    """The Python-level handler while the run is watched: nothing (the wake-up byte does the
    work); it keeps CPython's C handler in place, which writes that byte."""


@contextmanager
def stop_at_once_on_signals(finished: Callable[[], str], debug: bool = False) -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM end the process at once: one line on standard error,
    'humstat: stopped by SIGINT; ' + `finished()` (what was stored, what the next run does), the
    run's child processes killed, exit 130 (SIGINT) or 143 (SIGTERM). With `debug`, the stack the
    main thread was in is printed first. Enter it on the main thread. A signal the process was
    started with ignored (`nohup`, a background job of a script) stays ignored."""
    watched = {s for s in EXIT_CODES if signal.getsignal(s) is not signal.SIG_IGN}
    # standard error as it is now: while a step runs, Dagster points fd 2 at its log capture
    terminal = os.dup(2)
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    # the wake-up fd before the handlers, and after them on the way out: no signal falls between
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    previous_handlers = {s: signal.signal(s, _note) for s in watched}
    main = threading.main_thread()

    def stop(number: signal.Signals) -> None:
        try:
            # from here on the run prints nothing (Dagster's own handler may still raise on the
            # main thread): the line goes to standard error as it was when the run began
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            kill_descendants()
            text = ""
            if debug:
                frame = sys._current_frames().get(main.ident or 0)
                text = "".join(traceback.format_stack(frame)) if frame is not None else ""
            try:
                line = finished()
            except Exception as err:  # what was finished is a courtesy: never a reason not to stop
                line = f"(what was finished is unknown: {err})"
            with contextlib.suppress(OSError):  # a reader gone (`| tee` stopped too) must not keep us alive
                os.write(terminal, f"{text}\nhumstat: stopped by {number.name}; {line}\n".encode())
        finally:
            os._exit(EXIT_CODES[number])

    def wait() -> None:
        while True:
            try:
                received = os.read(read_end, 1)
            except OSError:
                return  # the block ended and closed the pipe
            if not received:
                return
            # a signal ignored at the start stays ignored, though Dagster puts a handler on it
            if received[0] in watched:
                stop(signal.Signals(received[0]))

    waiter = threading.Thread(target=wait, name="humstat-signals", daemon=True)
    waiter.start()
    try:
        yield
    finally:
        for number, handler in previous_handlers.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        os.close(write_end)
        waiter.join(timeout=5)
        os.close(read_end)
        os.close(terminal)
