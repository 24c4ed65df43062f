"""The `humstat` command: run the pipeline, extract figures from files, query the warehouse.

This package is the one part of `pipeline/` that may import Dagster (`humstat run`), and it
does so lazily, so `extract` and `sql` start quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.documents import Document, DocumentError, read_document
from pipeline.extraction import extract
from schemas.fields import FIGURE_FIELDS


def _documents(files: list[str], failed: list[str]) -> Iterator[Document]:
    """The readable files as documents; each unreadable one is named with why, and skipped."""
    for name in files:
        try:
            yield read_document(Path(name), display_path=name)
        except (DocumentError, OSError) as err:
            print(f"humstat: {name}: {err.reason if isinstance(err, DocumentError) else err}", file=sys.stderr)
            failed.append(name)


def cmd_extract(args: argparse.Namespace) -> int:
    failed: list[str] = []
    for doc in _documents(args.files, failed):
        for record in extract(doc):
            row = {f.name: record.get(f.name) for f in FIGURE_FIELDS}
            print(json.dumps(row, ensure_ascii=False))
    return 1 if len(failed) == len(args.files) else 0


def cmd_explain(args: argparse.Namespace) -> int:
    from pipeline.explain import explain_document

    failed: list[str] = []
    for doc in _documents(args.files, failed):
        if len(args.files) > 1:
            print(f"== {doc.path}")
        print(explain_document(extract(doc), doc.body))
    return 1 if len(failed) == len(args.files) else 0


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.cli.run import run_pipeline

    return run_pipeline(inbox=args.inbox, warehouse=args.warehouse, full=args.full)


def cmd_sql(args: argparse.Namespace) -> int:
    from pipeline.cli.sql import print_query

    query = args.query if args.query not in (None, "-") else sys.stdin.read()
    return print_query(query, warehouse=args.warehouse)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="humstat", description="Reported humanitarian figures, extracted, checked and compared.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="materialize every asset over the inbox into the warehouse")
    p_run.add_argument("--inbox", help="folder of documents (default data/inbox, or $HUMSTAT_INBOX)")
    p_run.add_argument("--warehouse", help="DuckDB file (default data/warehouse/humstat.duckdb, or $HUMSTAT_WAREHOUSE)")
    p_run.add_argument("--full", action="store_true", help="re-extract every document (after an extractor change) and report what changed")
    p_run.set_defaults(func=cmd_run)
    p_ext = sub.add_parser("extract", help="print the figures of documents as JSON Lines")
    p_ext.add_argument("--jsonl", action="store_true", help="one JSON object per figure (the only format for now)")
    p_ext.add_argument("files", nargs="+", help="text or markdown files, with optional YAML front matter")
    p_ext.set_defaults(func=cmd_extract)
    p_exp = sub.add_parser("explain", help="show each figure with its sentence and the words that decided its meaning")
    p_exp.add_argument("files", nargs="+", help="text or markdown files")
    p_exp.set_defaults(func=cmd_explain)
    p_sql = sub.add_parser("sql", help="run a read-only query against the warehouse and print a table")
    p_sql.add_argument("query", nargs="?", help="the query; with none (or -), read it from standard input")
    p_sql.add_argument("--warehouse", help="DuckDB file (default data/warehouse/humstat.duckdb)")
    p_sql.set_defaults(func=cmd_sql)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
