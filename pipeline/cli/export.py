"""`humstat export`: the current figures (or all of them) from the snapshot, as HXL-tagged CSV,
CSV, Parquet, JSON or JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import duckdb

from pipeline.cli.errors import UNUSABLE, CliError, first_line, output_error
from pipeline.cli.sql import connect_read_only
from pipeline.exports import BINARY_FORMATS, EXPORT_COLUMNS, FORMATS, figures_query, format_for, render, write_export

STDOUT = "-"


def export_figures(
    output: str,
    fmt: str | None = None,
    warehouse: str | None = None,
    include_superseded: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Write the figures to `output` (a file, or `-` for standard output); raises CliError."""
    out, err = out or sys.stdout, err or sys.stderr
    chosen = format_for(output, fmt)
    if chosen is None:
        raise CliError(f"cannot tell the format of {output} from its name; pass --format "
                       f"({', '.join(FORMATS)}) or name it .hxl.csv, .csv, .parquet, .json or .jsonl", UNUSABLE)
    if chosen not in FORMATS:
        raise CliError(f"unknown format {chosen!r}; choose one of {', '.join(FORMATS)}", UNUSABLE)
    if output == STDOUT and chosen in BINARY_FORMATS:
        raise CliError(f"{chosen} is a binary format; name an output file instead of `-`", UNUSABLE)
    target = None if output == STDOUT else Path(output)
    if target is not None and target.is_dir():
        raise CliError(f"cannot write {output}: it is a folder; name a file inside it", UNUSABLE)

    con = connect_read_only(warehouse)
    try:
        try:
            relation = con.sql(figures_query(include_superseded))
        except duckdb.CatalogException as error:
            raise CliError("the warehouse has no figures or views yet (" + first_line(error) +
                           "); run `humstat run` first", UNUSABLE) from error
        if chosen in BINARY_FORMATS:
            arrow_table, records = relation.to_arrow_table(), []
        else:
            columns = relation.columns
            arrow_table, records = None, [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]
    finally:
        con.close()

    if target is None:
        count = render(chosen, EXPORT_COLUMNS, records, out)
    else:
        try:
            count = write_export(chosen, EXPORT_COLUMNS, records, arrow_table, target)
        except OSError as error:
            raise output_error(output, error) from error
    which = "figures, superseded ones included" if include_superseded else "current figures"
    print(f"exported {count} {which} as {chosen} to {'standard output' if target is None else target}",
          file=err if target is None else out)
    return 0
