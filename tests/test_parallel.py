"""Extraction on several processes gives exactly what one process gives, in the same order."""

from benchmarks.corpus import generate
from pipeline.parallel import PARALLEL_FROM_BYTES, chunks, extract_all
from pipeline.readers.text import parse_text


def corpus(min_bytes: int) -> list:
    docs, size = [], 0
    for generated in generate(10**6, seed=3):
        docs.append(parse_text(generated.text, generated.name))
        size += len(docs[-1].body)
        if size > min_bytes:
            return docs


def test_two_processes_read_what_one_reads():
    docs = corpus(PARALLEL_FROM_BYTES + 50_000)
    told = []
    parallel = extract_all(docs, processes=2, advance=told.append)
    assert parallel == extract_all(docs, processes=1)
    assert len(parallel) > 1000 and sum(told) == len(docs) and len(told) > 1


def test_chunks_keep_every_document_in_order():
    docs = corpus(300_000)
    parts = list(chunks(docs, size=50_000))
    assert [d for part in parts for d in part] == docs and len(parts) > 3
