"""The `humstat` command: run the pipeline, extract figures from files, query and export the
warehouse.

This package is the one part of `pipeline/` that may import Dagster (`humstat run`), and it
does so lazily, so `extract`, `sql` and `export` start quickly. Every error reaches `main` and
is printed as one line (see `errors.py`); `--debug` adds the traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from pipeline.cli.errors import UNUSABLE, report
from pipeline.documents import Document, DocumentError
from pipeline.extraction.failures import ERROR_KEY, extract_or_report, is_failure
from pipeline.readers import read_file
from schemas.fields import FIGURE_FIELDS

DESCRIPTION = """\
Reported humanitarian figures (killed, injured, displaced, ...), extracted from documents,
checked against each other and published series, and compared across periods in DuckDB."""

EPILOG = """\
typical session:
  humstat run                                      read new files in data/inbox into the warehouse
  humstat sql "SELECT * FROM trend_series"         query it (read-only)
  humstat export --format hxl figures.hxl.csv      export the current figures as HXL
  humstat fetch reliefweb --appname NAME --country hti   save ReliefWeb reports into the inbox

data: documents in data/inbox/, the warehouse in data/warehouse/humstat.duckdb, its read-only
snapshot in data/warehouse/humstat-read.duckdb, charts and claim checks in data/reports/.
Exit codes: 0 done, 1 failed, 2 could not start (bad arguments, no warehouse yet), 130 interrupted,
143 terminated.
Run `humstat COMMAND --help` for each command's options."""

WAREHOUSE_HELP = "the warehouse file (default data/warehouse/humstat.duckdb, or $HUMSTAT_WAREHOUSE); its read-only snapshot beside it is read"


def _wrap(text: str) -> str:
    """Help descriptions as paragraphs the width of a terminal (the raw formatter keeps epilogs as laid out)."""
    return textwrap.fill(text, width=min(100, max(60, shutil.get_terminal_size().columns - 2)))


class Parser(argparse.ArgumentParser):
    """Usage errors as one line, with where to look next."""

    def error(self, message: str) -> NoReturn:
        self.exit(UNUSABLE, f"{self.prog}: {message}; see `{self.prog} --help`\n")


def _documents(files: list[str], failed: list[str]) -> Iterator[Document]:
    """The documents of the readable files (a ReliefWeb response gives one per report); each
    unreadable file or report is named with why, and skipped."""
    for name in files:
        try:
            reading = read_file(Path(name), display_path=name)
        except (DocumentError, OSError) as err:
            print(f"humstat: {name}: {err.reason if isinstance(err, DocumentError) else err}", file=sys.stderr)
            failed.append(name)
            continue
        for part in reading.rejections:
            print(f"humstat: {part.path}: {part.reason}", file=sys.stderr)
        yield from reading.documents


def _figures(doc: Document, failed: list[str]) -> list[dict]:
    """The document's figures; if the extractor raises on it, it is named with the error."""
    records = extract_or_report(doc)
    if records and is_failure(records[0]):
        print(f"humstat: {doc.path}: the extractor raised {records[0][ERROR_KEY]}; please report it with the file", file=sys.stderr)
        failed.append(doc.path)
        return []
    return records


def cmd_extract(args: argparse.Namespace) -> int:
    failed: list[str] = []
    for doc in _documents(args.files, failed):
        for record in _figures(doc, failed):
            row = {f.name: record.get(f.name) for f in FIGURE_FIELDS}
            print(json.dumps(row, ensure_ascii=False))
    return 1 if len(failed) == len(args.files) else 0


def cmd_explain(args: argparse.Namespace) -> int:
    from pipeline.explain import explain_document

    failed: list[str] = []
    for doc in _documents(args.files, failed):
        if len(args.files) > 1:
            print(f"== {doc.path}")
        print(explain_document(_figures(doc, failed), doc.body))
    return 1 if len(failed) == len(args.files) else 0


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.cli.stopping import RunProgress, stop_at_once_on_signals

    debug = getattr(args, "debug", False) or os.environ.get("HUMSTAT_DEBUG", "") not in ("", "0")
    if debug:
        os.environ["HUMSTAT_DEBUG"] = "1"  # the run's steps log in full too
    progress = RunProgress()
    # before Dagster is even imported: a Ctrl-C at any moment of the run is one line
    with stop_at_once_on_signals(progress.finished, debug):
        from pipeline.cli.run import run_pipeline

        return run_pipeline(inbox=args.inbox, warehouse=args.warehouse, full=args.full, progress=progress)


def cmd_sql(args: argparse.Namespace) -> int:
    from pipeline.cli.sql import print_query

    if args.query in (None, "-"):
        if sys.stdin.isatty():
            print("humstat sql: reading queries from standard input; end with Ctrl-D", file=sys.stderr)
        query = sys.stdin.read()
    else:
        query = args.query
    return print_query(query, warehouse=args.warehouse, fmt=args.format)


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.cli.export import export_figures

    return export_figures(args.output, fmt=args.format, warehouse=args.warehouse, include_superseded=args.all)


def cmd_fetch(args: argparse.Namespace) -> int:
    from pipeline.cli.fetch import fetch_command

    return fetch_command(args)


def build_parser() -> Parser:
    # --debug is accepted before or after the command; SUPPRESS keeps a subcommand from
    # resetting a --debug given before it
    debug = Parser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="on an error, print the traceback as well (also $HUMSTAT_DEBUG=1)")
    formatter = argparse.RawDescriptionHelpFormatter
    parser = Parser(prog="humstat", description=DESCRIPTION, epilog=EPILOG, formatter_class=formatter)
    parser.add_argument("--debug", action="store_true", help="on an error, print the traceback as well (also $HUMSTAT_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    p_run = sub.add_parser(
        "run", parents=[debug], formatter_class=formatter,
        help="read new or changed documents from the inbox into the warehouse, refresh the views and the report",
        description=_wrap("Materialize every asset: read the inbox files that are new or changed since the last run, extract "
                    "and validate their figures, load them into the warehouse, refresh the views, the claim checks and "
                    "the charts (data/reports/), and publish the read-only snapshot. Prints what was read and loaded, "
                    "the claim checks that failed, and the latest trend rows. On a terminal, shows progress."),
        epilog="exit code 1 when a step or a blocking check failed, or the accounting does not reconcile; 2 when it\n"
               "could not start (no inbox; the warehouse held by another process past $HUMSTAT_LOCK_WAIT seconds);\n"
               "130 / 143 when stopped by Ctrl-C / SIGTERM: a batch is stored whole or not at all, the next run resumes.\n"
               "With DAGSTER_HOME set (`make run` does), the run is recorded in that Dagster instance.")
    p_run.add_argument("--inbox", help="folder of documents (default data/inbox, or $HUMSTAT_INBOX)")
    p_run.add_argument("--warehouse", help="the warehouse file to write (default data/warehouse/humstat.duckdb, or $HUMSTAT_WAREHOUSE)")
    p_run.add_argument("--full", action="store_true", help="re-extract every document (after an extractor change) and report what changed")
    p_run.set_defaults(func=cmd_run)

    p_ext = sub.add_parser(
        "extract", parents=[debug], formatter_class=formatter,
        help="print the figures of documents as JSON Lines, without the warehouse",
        description=_wrap("Extract the figures of the given files and print one JSON object per figure, with every field "
                    "of the figure record (docs/tables.md) and null where unknown. Nothing is stored."),
        epilog="example:\n  humstat extract --jsonl data/inbox/*.txt > figures.jsonl\n"
               "exit code 1 when no file could be read; unreadable files are named on standard error.")
    p_ext.add_argument("--jsonl", action="store_true", help="one JSON object per line (the only format, and the default)")
    p_ext.add_argument("files", nargs="+", metavar="FILE", help="documents: .txt or .md (with optional YAML front matter), .html, .pdf, .json (a ReliefWeb API response)")
    p_ext.set_defaults(func=cmd_extract)

    p_exp = sub.add_parser(
        "explain", parents=[debug], formatter_class=formatter,
        help="show each figure with its sentence and the words that decided its meaning",
        description=_wrap("For each figure of the given files: its sentence with the number »marked«, and the words that "
                    "decided its metric, population, qualifier, period and attribution. Use it to see why a figure "
                    "was read the way it was."),
        epilog="example:\n  humstat explain data/inbox/afghanistan-2021-08-12.txt")
    p_exp.add_argument("files", nargs="+", metavar="FILE", help="documents: .txt, .md, .html, .pdf, .json (ReliefWeb)")
    p_exp.set_defaults(func=cmd_explain)

    p_sql = sub.add_parser(
        "sql", parents=[debug], formatter_class=formatter,
        help="run read-only queries against the warehouse; print a table, CSV or JSON",
        description=_wrap("Run SQL against the read-only snapshot of the warehouse (it never blocks a run) and print each "
                    "result. The warehouse cannot be written, and no other database or file can be read."),
        epilog="examples:\n"
               "  humstat sql \"SELECT * FROM trend_series ORDER BY period_end DESC LIMIT 10\"\n"
               "  humstat sql --format csv \"SELECT * FROM hapi_conflict\" > hapi.csv\n"
               "  humstat sql < queries.sql              several statements, one result each\n"
               "  humstat sql \"SHOW TABLES\"              what there is to query (docs/tables.md, README)")
    p_sql.add_argument("query", nargs="?", help="the query; with none (or -), read one or more from standard input")
    p_sql.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="table: aligned, with a row count (default); csv: a header row, then rows; json: an array of objects")
    p_sql.add_argument("--warehouse", help=WAREHOUSE_HELP)
    p_sql.set_defaults(func=cmd_sql)

    p_fetch = sub.add_parser(
        "fetch", parents=[debug], formatter_class=formatter,
        help="save reports from ReliefWeb (the API v2) and their attachments into the inbox",
        description=_wrap("Fetch documents into the inbox; the next `humstat run` reads them. Nothing is fetched at any "
                          "other time."),
        epilog="sources:\n  reliefweb    reports from the ReliefWeb API v2 (see `humstat fetch reliefweb --help`)")
    sources = p_fetch.add_subparsers(dest="source", required=True, metavar="SOURCE", parser_class=Parser,
                                     help="where to fetch from: reliefweb")
    p_rw = sources.add_parser(
        "reliefweb", parents=[debug], formatter_class=formatter,
        help="reports from the ReliefWeb API v2, written as one response file with the attachments beside it",
        description=_wrap("Ask the ReliefWeb API v2 (reports) for the reports matching the options, newest first, page "
                          "by page at a polite rate with retries, write them into the inbox as one JSON response, and "
                          "save each attachment of a format humstat reads (PDF, HTML, text) beside it under its file "
                          "name. The API requires an application name (--appname)."),
        epilog="examples:\n"
               "  humstat fetch reliefweb --appname my-org-humstat --country hti --since 2025-10-20 --limit 50\n"
               "  humstat fetch reliefweb --appname my-org-humstat --disaster \"Hurricane Melissa - Oct 2025\" --query \"flash update\"\n"
               "exit code 1 when the API refuses the query or cannot be reached after the retries; nothing is written then.")
    p_rw.add_argument("--appname", required=True, help="the application name the API requires (any name that identifies you)")
    p_rw.add_argument("--country", help="ISO 3166-1 alpha-3 code of a country the reports are about (country.iso3)")
    p_rw.add_argument("--disaster", help="a ReliefWeb disaster: its name or its numeric id")
    p_rw.add_argument("--since", metavar="YYYY-MM-DD", help="reports dated on or after this day (date.original)")
    p_rw.add_argument("--until", metavar="YYYY-MM-DD", help="reports dated on or before this day")
    p_rw.add_argument("--query", help="full-text query, as on the ReliefWeb site")
    p_rw.add_argument("--limit", type=int, default=100, help="reports in all (default 100; pages of up to 1,000)")
    p_rw.add_argument("--inbox", help="where to write (default data/inbox, or $HUMSTAT_INBOX)")
    p_rw.add_argument("--name", help="the response file's name (default reliefweb-<UTC time>.json)")
    p_rw.add_argument("--delay", type=float, default=1.0, help="seconds at least between two calls (default 1)")
    p_rw.add_argument("--retries", type=int, default=5, help="tries again after a failed call, 429 or 5xx (default 5)")
    p_rw.add_argument("--backoff", type=float, default=2.0, help="backoff factor in seconds between retries (default 2)")
    p_rw.add_argument("--api", default="https://api.reliefweb.int/v2", help=argparse.SUPPRESS)
    p_rw.set_defaults(func=cmd_fetch)

    from pipeline.exports import FORMATS

    p_out = sub.add_parser(
        "export", parents=[debug], formatter_class=formatter,
        help="write the figures to a file: HXL-tagged CSV, CSV, Parquet, JSON or JSON Lines",
        description=_wrap("Write the current figures (those of the latest version of each document) from the read-only "
                    "snapshot, one row per figure: every field of the figure record plus the document's title, "
                    "publication date, source and address. The HXL layout is described in docs/exports.md."),
        epilog="examples:\n"
               "  humstat export --format hxl figures.hxl.csv\n"
               "  humstat export figures.parquet              the format from the name\n"
               "  humstat export --all --format csv - | head  superseded figures too, to standard output\n"
               "The file is written beside the target and renamed into place: an interrupted export leaves no half file.")
    p_out.add_argument("output", metavar="OUT", help="the file to write, or - for standard output (not for parquet)")
    p_out.add_argument("--format", choices=FORMATS,
                       help="hxl, csv, parquet, json (an array) or jsonl (one object a line); "
                            "default: from OUT's name (.hxl.csv, .csv, .parquet, .json, .jsonl)")
    p_out.add_argument("--all", action="store_true",
                       help="include figures of superseded document versions (their superseded_by is set)")
    p_out.add_argument("--warehouse", help=WAREHOUSE_HELP)
    p_out.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    debug = getattr(args, "debug", False) or os.environ.get("HUMSTAT_DEBUG", "") not in ("", "0")
    try:
        return args.func(args)
    except BrokenPipeError:
        # the reader went away (`humstat sql ... | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (Exception, KeyboardInterrupt) as err:
        return report(err, debug)


if __name__ == "__main__":
    sys.exit(main())
