"""Progress on a terminal, silence elsewhere."""

from __future__ import annotations

import io

from pipeline import progress
from pipeline.progress import Progress, batch_reporter, progress_line, showing_progress, tracking


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_says_done_of_total_rate_and_time_left():
    assert progress_line("extracting", "documents", 0, 400, 0.0) == "extracting 0/400 documents"
    assert progress_line("extracting", "documents", 120, 400, 4.0) == "extracting 120/400 documents  30.0/s  0:09 left"
    assert progress_line("extracting", "documents", 10, 40_000, 2.0).endswith("5.0/s  2:13:18 left")
    # under a second the rate is noise
    assert progress_line("extracting", "documents", 1, 400, 0.01) == "extracting 1/400 documents"


def test_redraws_in_place_at_most_ten_times_a_second_then_clears():
    stream, clock = Terminal(), Clock()
    bar = Progress(stream, total=3, label="documents", clock=clock)
    clock.now += 2
    bar.advance()  # first: drawn
    clock.now += 0.01
    bar.advance()  # too soon: not drawn
    clock.now += 1
    bar.advance()  # the last: always drawn
    bar.close()
    frames = stream.getvalue().split("\r")
    assert frames[1].startswith("extracting 1/3 documents  0.5/s  0:04 left")
    assert frames[2].startswith("extracting 3/3 documents")
    assert frames[-2].strip() == "" and frames[-1] == ""
    assert "2/3" not in stream.getvalue()


def advance_through(total: int) -> None:
    with tracking(total, "documents") as advance:
        for _ in range(total):
            advance(1)


def test_tracking_is_silent_unless_shown_on_a_terminal():
    advance_through(5)  # nothing turned it on: no stream to write to
    pipe = io.StringIO()
    with showing_progress(pipe) as shown:
        assert not shown
        advance_through(5)
    assert pipe.getvalue() == ""
    terminal = Terminal()
    with showing_progress(terminal) as shown:
        assert shown
        advance_through(5)
    assert "extracting 5/5 documents" in terminal.getvalue()
    assert progress._stream is None  # turned off again after the block


def test_batches_are_reported_on_a_terminal_only():
    ticks = iter([0.0, 10.0, 20.0])
    terminal, pipe = Terminal(), io.StringIO()
    on_terminal = batch_reporter(terminal, clock=lambda: next(ticks))
    on_terminal(2000, 6000)
    on_terminal(6000, 6000)  # the last batch: the run's own summary follows
    assert terminal.getvalue() == "read 2000/6000 files  200.0/s  0:20 left\n"
    batch_reporter(pipe)(2000, 6000)
    assert pipe.getvalue() == ""


def test_a_closed_stream_is_not_a_terminal():
    closed = io.StringIO()
    closed.close()
    assert not progress.is_terminal(closed)
    assert not progress.is_terminal(object())
