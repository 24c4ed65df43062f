"""Extraction on every core: documents are shared out in chunks to worker processes.

The extractor is pure Python and CPU-bound, so threads would queue on the interpreter lock;
processes scale with cores. Workers come from a fork server preloaded with the extractor, so
each starts in milliseconds without copying the parent (a Dagster run has threads that a plain
fork would copy in whatever state they were). Small inputs stay in process, where starting
workers would cost more than it saves. Workers end with the process that started them, even
when it is killed, and the fork server and resource tracker follow: a killed run leaves none.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from pipeline.documents import Document
from pipeline.extraction.failures import extract_or_report
from pipeline.places import gazetteer

PARALLEL_FROM_BYTES = 1_000_000  # below this, one process is quicker
CHUNK_BYTES = 250_000  # per task: big enough to amortise pickling, small enough to balance


def workers() -> int:
    """Worker processes (HUMSTAT_WORKERS, default: one per core this process may use)."""
    configured = os.environ.get("HUMSTAT_WORKERS")
    if configured:
        return max(1, int(configured))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def chunks(documents: list[Document], size: int = CHUNK_BYTES) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    held = 0
    for doc in documents:
        chunk.append(doc)
        held += len(doc.body)
        if held >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def exit_with(pid: int) -> None:
    """End this process as soon as process `pid` ends, whatever this process is doing: a thread
    waits on a pidfd (Linux 5.3; elsewhere a poll each second). A pool worker's parent is the
    fork server, and the fork server lives while any worker lives (each holds its liveness pipe),
    so a worker must watch the process that asked for it, not its parent; once the workers are
    gone, the fork server and the resource tracker see their pipes close and exit too."""

    def watch() -> None:
        try:
            handle = os.pidfd_open(pid)
        except (AttributeError, OSError):
            handle = None
        if handle is not None:
            waiting = select.poll()  # poll, not select: a descriptor number past 1023 is fine
            waiting.register(handle, select.POLLIN)
            waiting.poll()
        else:
            while True:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_worker(owner: int) -> None:
    """A worker's start: it ends with the process that started the pool, then loads the
    gazetteer once, before its first document."""
    exit_with(owner)
    gazetteer()


def _extract_chunk(documents: list[Document]) -> list[list[dict]]:
    return [extract_or_report(doc) for doc in documents]


def extract_all(
    documents: list[Document], processes: int | None = None, advance: Callable[[int], None] = lambda done: None
) -> list[dict]:
    """The figures of every document, in document order, whatever the number of processes;
    a document the extractor raises on gives one failure record instead (see `failures`).
    `advance(n)` is told each time n more documents are done."""
    processes = workers() if processes is None else processes
    records: list[dict] = []
    if processes <= 1 or sum(len(d.body) for d in documents) < PARALLEL_FROM_BYTES:
        for doc in documents:
            records.extend(extract_or_report(doc))
            advance(1)
        return records
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.extraction", "pipeline.places"])
    with ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_start_worker,
                             initargs=(os.getpid(),)) as pool:
        for chunk_records in pool.map(_extract_chunk, chunks(documents)):
            for doc_records in chunk_records:
                records.extend(doc_records)
            advance(len(chunk_records))
    return records
