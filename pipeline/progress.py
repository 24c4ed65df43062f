"""Progress of long loops on a terminal: "extracting 120/400 documents  35.2/s  0:08 left".

Work calls the `advance` that `tracking(total, "documents")` yields; nothing is shown unless a
caller (the `humstat run` command) turned the display on with `showing_progress(stream)` and
the stream is a terminal, so runs under the UI, the daemon, cron or a pipe stay quiet.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

# at most this many redraws a second, so a fast loop does not spend its time printing
REDRAW_SECONDS = 0.1
MIN_RATE_SECONDS = 1.0

_stream: TextIO | None = None


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


def clock_time(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_line(verb: str, label: str, done: int, total: int, elapsed: float) -> str:
    """What the terminal shows: done of total, the rate, and the time left at that rate."""
    line = f"{verb} {done}/{total} {label}"
    # a rate over less than a second says little (the first document may be the slow one)
    if done and elapsed >= MIN_RATE_SECONDS:
        rate = done / elapsed
        line += f"  {rate:.1f}/s  {clock_time((total - done) / rate)} left"
    return line


class Progress:
    """One line, redrawn in place with a carriage return, cleared when the loop ends."""

    def __init__(self, stream: TextIO, total: int, label: str, verb: str = "extracting",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.total, self.label, self.verb, self.clock = stream, total, label, verb, clock
        self.done = 0
        self.started = clock()
        self.drawn_at: float | None = None
        self.width = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = self.clock()
        if self.drawn_at is None or now - self.drawn_at >= REDRAW_SECONDS or self.done == self.total:
            self.draw(now)

    def draw(self, now: float) -> None:
        line = progress_line(self.verb, self.label, self.done, self.total, now - self.started)
        # pad over the previous, possibly longer, line
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width, self.drawn_at = len(line), now

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


@contextlib.contextmanager
def showing_progress(stream: TextIO) -> Iterator[bool]:
    """Show progress on `stream` inside the block if it is a terminal; yields whether it is."""
    global _stream
    previous = _stream
    _stream = stream if is_terminal(stream) else None
    try:
        yield _stream is not None
    finally:
        _stream = previous


@contextlib.contextmanager
def tracking(total: int, label: str, verb: str = "extracting") -> Iterator[Callable[[int], None]]:
    """For work done in chunks (by worker processes): yields `advance(count)`, which draws
    progress when it is shown and does nothing otherwise."""
    stream = _stream
    if stream is None or total < 2:
        yield lambda count: None
        return
    progress = Progress(stream, total, label, verb)
    try:
        yield progress.advance
    finally:
        progress.close()


def batch_reporter(stream: TextIO, clock: Callable[[], float] = time.monotonic) -> Callable[[int, int], None]:
    """`on_batch(done, total)` for a run read in batches: a lasting line per batch on a
    terminal, with the rate and the time left; nothing elsewhere."""
    started = clock()

    def report(done: int, total: int) -> None:
        if is_terminal(stream) and total > done:
            stream.write(progress_line("read", "files", done, total, clock() - started) + "\n")
            stream.flush()

    return report
