"""`humstat run` with a pause at a step boundary, for the fault tests to stop it there.

    python -m tests.fault_runner PAUSE_AT run --inbox ... --warehouse ...

Every time a step of any of the run's Dagster runs succeeds, the boundary count goes up by one
and the line `boundary N STEP_KEY` is printed; at boundary PAUSE_AT (0: never) the process
stops there, before the next step starts, until the test sends it a signal. PAUSE_AT `load-K`
stops inside the K-th batch's load instead, with every row written and the transaction not yet
committed (the line `in-load K`). The last line is `boundaries N` when the run ends. Nothing
else of `humstat run` is changed.
"""

from __future__ import annotations

import sys
import time

from dagster._core.instance.methods.event_methods import EventMethods

from pipeline.cli import main


def pause_at_boundary(pause_at: int) -> list[int]:
    """Count the steps that succeed across the whole `humstat run`, and wait at `pause_at`."""
    count = [0]
    handle = EventMethods.handle_new_event

    def handle_and_count(self, event, **kwargs):
        handle(self, event, **kwargs)
        if event.is_dagster_event and event.dagster_event.event_type_value == "STEP_SUCCESS":
            count[0] += 1
            print(f"boundary {count[0]} {event.dagster_event.step_key}", flush=True)
            if count[0] == pause_at:
                while True:
                    time.sleep(60)

    EventMethods.handle_new_event = handle_and_count
    return count


def pause_inside_load(pause_at: int) -> None:
    """Wait inside the `pause_at`-th batch load, its rows written, before its COMMIT."""
    from pipeline import warehouse

    loads = [0]
    write = warehouse._write_figures

    def write_and_wait(*args, **kwargs):
        changes = write(*args, **kwargs)
        loads[0] += 1
        if loads[0] == pause_at:
            print(f"in-load {pause_at}", flush=True)
            while True:
                time.sleep(60)
        return changes

    warehouse._write_figures = write_and_wait


if __name__ == "__main__":
    where = sys.argv[1]
    if where.startswith("load-"):
        pause_inside_load(int(where.removeprefix("load-")))
    counted = pause_at_boundary(0 if where.startswith("load-") else int(where))
    code = main(sys.argv[2:])
    print(f"boundaries {counted[0]}", flush=True)
    sys.exit(code)
