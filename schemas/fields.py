"""The one list of fields for every table humstat writes.

The pandera models, the DuckDB DDL, the JSON Lines export and the docs table are all derived
from these tuples, so a field is added or changed here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.enums import KINDS, METRICS, POPULATIONS, QUALIFIERS

# Logical types, mapped to DuckDB and pandas in one place each.
DUCKDB_TYPES = {
    "str": "VARCHAR",
    "int": "BIGINT",
    "float": "DOUBLE",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "str_list": "VARCHAR[]",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    nullable: bool
    description: str
    enum: tuple[str, ...] | None = None
    primary_key: bool = False


FIGURE_FIELDS: tuple[Field, ...] = (
    Field("figure_id", "str", False, "stable id from doc_id, char_start and char_end", primary_key=True),
    Field("doc_id", "str", False, "SHA-256 hex of the document body"),
    Field("path", "str", False, "the input file as named on the command line or found in the inbox"),
    Field("char_start", "int", False, "start of the number expression in the body"),
    Field("char_end", "int", False, "end of the number expression in the body (slice convention)"),
    Field("text", "str", False, "body[char_start:char_end], the whole number expression"),
    Field("sentence", "str", False, "the sentence that holds it"),
    Field("kind", "str", False, "count, change or share", KINDS),
    Field("value", "float", False, "best value: the count, the signed percent change, or the percent share"),
    Field("low", "float", True, "lower bound, or null"),
    Field("high", "float", True, "upper bound, or null"),
    Field("qualifier", "str", False, "how the source bounded the number", QUALIFIERS),
    Field("metric", "str", False, "what is counted", METRICS),
    Field("population", "str", True, "who is counted", POPULATIONS),
    Field("country", "str", True, "ISO 3166-1 alpha-3 of the country the figure is about"),
    Field("places", "str_list", False, "places below country level named for this figure, as written"),
    Field("period_start", "date", True, "start of the reference period"),
    Field("period_end", "date", True, "end of the reference period"),
    Field("period_label", "str", True, "canonical label of the reference period (2021, 2021-H1, 2021-05, ...)"),
    Field("comparison_start", "date", True, "for changes: start of the period compared with"),
    Field("comparison_end", "date", True, "for changes: end of the period compared with"),
    Field("attributed_to", "str", True, "who the document says produced or stated the figure"),
    Field("parent_figure_id", "str", True, "for a breakdown part: the figure it divides"),
    Field("evidence", "str", True, "JSON: the words that decided metric, population, qualifier, period, attribution"),
    Field("extractor_version", "str", False, "version of the extractor that produced the record"),
)

DOCUMENT_FIELDS: tuple[Field, ...] = (
    Field("doc_id", "str", False, "SHA-256 hex of the body", primary_key=True),
    Field("path", "str", False, "the file as found in the inbox; a report of a ReliefWeb response is file.json#id"),
    Field("title", "str", True, "title from the metadata: front matter, the page's, the PDF's (or its first page's largest text), ReliefWeb's"),
    Field("published", "date", True, "publication date from the metadata (front matter or the date prefix, the page, ReliefWeb's date.original)"),
    Field("source", "str", True, "publisher from the metadata (front matter, the page's site name, ReliefWeb's source names); never a PDF's author"),
    Field("url", "str", True, "address from the metadata (front matter, the page, ReliefWeb's url)"),
    Field("body", "str", False, "the text figures are extracted from; every span indexes it"),
    Field("note", "str", True, "how the file was read, where it matters (a legacy encoding)"),
    Field("ingested_at", "timestamp", False, "when humstat first read this text"),
    Field("superseded_by", "str", True, "doc_id of a later version of the same file; its figures stay, out of the views"),
    Field("country", "str", True, "ISO 3166-1 alpha-3 of the country the document is about, from its metadata (ReliefWeb primary_country)"),
    Field("report_id", "str", True, "the ReliefWeb report id: of the report, or of the report an attachment belongs to"),
    Field("attachment_of", "str", True, "for a file attached to a ReliefWeb report: the path of the report's document (file.json#id)"),
)

REJECTED_DOCUMENT_FIELDS: tuple[Field, ...] = (
    Field("path", "str", False, "the file as found in the inbox", primary_key=True),
    Field("check", "str", False, "the check the file failed"),
    Field("reason", "str", False, "why, in words"),
    Field("input", "str", True, "what was read: the first characters of the file, or its size"),
    Field("rejected_at", "timestamp", False, "when humstat rejected it"),
)

REJECTED_FIGURE_FIELDS: tuple[Field, ...] = (
    Field("figure_id", "str", False, "id of the rejected record", primary_key=True),
    Field("doc_id", "str", True, "the document it came from"),
    Field("check", "str", False, "the failing check (all of them, separated by '; ')"),
    Field("reason", "str", False, "why, in words"),
    Field("input", "str", False, "the rejected record as JSON"),
    Field("rejected_at", "timestamp", False, "when humstat rejected it"),
)

REFERENCE_FIELDS: tuple[Field, ...] = (
    Field("series", "str", False, "the CSV file the row came from"),
    Field("line", "int", False, "line number in that file"),
    Field("attributed_to", "str", False, "the body that published the series"),
    Field("country", "str", False, "ISO3"),
    Field("population", "str", False, "who is counted", POPULATIONS),
    Field("period_start", "date", False, "start of the period"),
    Field("period_end", "date", False, "end of the period"),
    Field("period_label", "str", False, "canonical period label"),
    Field("metric", "str", False, "what is counted", METRICS),
    Field("value", "float", False, "the published value"),
    Field("reported_change_pct", "float", True, "the change the publisher stated, if any"),
    Field("change_vs", "str", True, "what the stated change compares with"),
    Field("note", "str", True, "the publisher's or curator's note"),
)

INBOX_FILE_FIELDS: tuple[Field, ...] = (
    Field("path", "str", False, "the file, relative to the inbox", primary_key=True),
    Field("size_bytes", "int", False, "its size when last read"),
    Field("modified_ns", "int", False, "its modification time when last read, in nanoseconds since 1970"),
    Field("doc_id", "str", True, "the document it was read as; null when it was rejected, or held several (a ReliefWeb response: its reports are documents named file.json#id)"),
    Field("read_at", "timestamp", False, "when humstat last read it"),
)

TABLES: dict[str, tuple[Field, ...]] = {
    "documents": DOCUMENT_FIELDS,
    "figures": FIGURE_FIELDS,
    "rejected_documents": REJECTED_DOCUMENT_FIELDS,
    "rejected_figures": REJECTED_FIGURE_FIELDS,
    "reference_figures": REFERENCE_FIELDS,
    "inbox_files": INBOX_FILE_FIELDS,
}


def names(fields: tuple[Field, ...]) -> list[str]:
    return [f.name for f in fields]
