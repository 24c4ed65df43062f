"""Benchmarks that print figures (never tests): `python -m benchmarks.bench extract`.

The extractor runs on one core over a generated corpus of at least 50 MB; quantulum3, the
nearest library, runs over a 1 MB slice of the same corpus in the same run. The floor is the
part of the extractor's time that reads nothing yet (sentences, the number test, tokens), so
the rest, divided by the figures, is what reading a figure costs.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import warnings
from datetime import UTC, datetime

from benchmarks.corpus import generate
from pipeline.documents import Document
from pipeline.extraction import extract
from pipeline.extraction.meaning import may_name_metric
from pipeline.extraction.numbers import ascii_words, has_number_candidate, may_hold_number
from pipeline.extraction.tokens import paragraphs, sentences
from pipeline.extraction.window import sentence_tokens
from pipeline.places import gazetteer
from pipeline.readers.text import parse_text


def corpus_of(megabytes: float, seed: int = 7) -> list[Document]:
    docs, size = [], 0
    for generated in generate(10**9, seed):
        doc = parse_text(generated.text, generated.name)
        docs.append(doc)
        size += len(doc.body.encode("utf-8"))
        if size >= megabytes * 1e6:
            return docs
    return docs  # the generator ran out first


def _size(docs: list[Document]) -> int:
    return sum(len(d.body.encode("utf-8")) for d in docs)


def bench_humstat(docs: list[Document]) -> tuple[float, int]:
    gazetteer()  # loaded once per process, outside the timing
    started = time.perf_counter()
    figures = sum(len(extract(d)) for d in docs)
    return time.perf_counter() - started, figures


def bench_floor(docs: list[Document]) -> float:
    """Seconds of the pass every reading starts with and no faster reader of this design can
    skip: paragraphs, sentences, the gates a sentence passes before it is read (a number, and a
    word that can say what it counts), and the tokens of the sentences that pass them. Sentences
    read only because an earlier one carries its metric are left out, so the floor is if
    anything low."""
    started = time.perf_counter()
    for doc in docs:
        body = doc.body
        paragraphs(body)
        for seg in sentences(body):
            text = body[seg.start : seg.end]
            words = ascii_words(text)
            if has_number_candidate(text, words) and may_hold_number(text, words) and may_name_metric(words):
                sentence_tokens(text, seg.start, words)
    return time.perf_counter() - started


def bench_quantulum(docs: list[Document]) -> tuple[float, int]:
    warnings.simplefilter("ignore")
    from quantulum3 import parser

    parser.parse("a warm-up of 5 people")
    started = time.perf_counter()
    found = sum(len(parser.parse(d.body)) for d in docs)
    return time.perf_counter() - started, found


def extract_benchmark(megabytes: float, slice_megabytes: float) -> None:
    print(f"humstat extractor benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
          f"{platform.machine()}, Python {platform.python_version()}, one process")
    docs = corpus_of(megabytes)
    size = _size(docs)
    seconds, figures = bench_humstat(docs)
    mbps = size / seconds / 1e6
    print(f"corpus      {len(docs):,} documents, {size / 1e6:.1f} MB, generated (seed 7)")
    print(f"humstat     {seconds:8.1f} s  {mbps:6.2f} MB/s  {len(docs) / seconds:8.0f} documents/s  "
          f"{figures / seconds:8.0f} figures/s  ({figures:,} figures, {figures / (size / 1e3):.1f} per KB)")
    floor = bench_floor(docs)
    print(f"floor       {floor:8.1f} s  {size / floor / 1e6:6.2f} MB/s  sentences, gates and tokens only, "
          f"no reading; reading takes {(seconds - floor) / figures * 1e6:.0f} µs a figure")
    sliced, total = [], 0
    for d in docs:
        sliced.append(d)
        total += len(d.body.encode("utf-8"))
        if total >= slice_megabytes * 1e6:
            break
    try:
        q_seconds, quantities = bench_quantulum(sliced)
    except ImportError:
        print("quantulum3  not installed: pip install -e '.[bench]'")
        return
    q_mbps = _size(sliced) / q_seconds / 1e6
    print(f"quantulum3  {q_seconds:8.1f} s  {q_mbps:6.3f} MB/s  {len(sliced) / q_seconds:8.0f} documents/s  "
          f"({quantities:,} quantities in a {_size(sliced) / 1e6:.1f} MB slice)")
    print(f"ratio       humstat is {mbps / q_mbps:.0f}x quantulum3's throughput")


ADVERSARIAL = {
    "10 MB of '1,1,1,...'": lambda: ",".join(["1"] * 5_000_000),
    "100,000 x 'more than '": lambda: "more than " * 100_000 + "40 civilians were killed.",
    "a 10 MB line of prose, a figure per KB": lambda: (
        ("the convoy moved on through the valley and the talks went on " * 16 + "as 81 civilians were injured in Kabul, UNAMA said, ")
        * 9_700
    ),
    "10 MB of random words and digits": lambda: " ".join(
        f"w{i % 97} {i % 1000}" if i % 7 == 0 else f"w{i % 89}" for i in range(1_600_000)
    ),
}


def adversarial_benchmark() -> None:
    from pipeline.documents import doc_id_for

    gazetteer()
    print("humstat adversarial documents (target: each under 2 s)")
    for name, make in ADVERSARIAL.items():
        body = make()
        doc = Document(doc_id=doc_id_for(body), path="adversarial.txt", body=body)
        started = time.perf_counter()
        figures = len(extract(doc))
        seconds = time.perf_counter() - started
        print(f"  {name:42s} {len(body) / 1e6:5.1f} MB  {seconds:6.2f} s  {figures:,} figures")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench")
    sub = parser.add_subparsers(dest="what", required=True)
    ext = sub.add_parser("extract", help="extractor throughput against quantulum3")
    ext.add_argument("--megabytes", type=float, default=50.0)
    ext.add_argument("--slice-megabytes", type=float, default=1.0)
    sub.add_parser("adversarial", help="time of hostile documents")
    args = parser.parse_args(argv)
    if args.what == "extract":
        extract_benchmark(args.megabytes, args.slice_megabytes)
    elif args.what == "adversarial":
        adversarial_benchmark()
    return 0


if __name__ == "__main__":
    sys.exit(main())
