"""Ingest: read every file of the inbox into a document or a rejection."""


from dataclasses import dataclass
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.previews import markdown_table
from assets.resources import DUCKDB_POOL, HumstatPaths, duckdb_writer
from pipeline.documents import Document, Rejection, inbox_files, read_inbox
from pipeline.warehouse import known_documents


@dataclass(frozen=True)
class InboxRead:
    documents: list[Document]
    rejections: list[Rejection]
    scanned_paths: list[str]
    known: frozenset[str] = frozenset()  # doc_ids the warehouse already holds
    full: bool = False  # re-extract everything (after an extractor change)

    @property
    def to_extract(self) -> list[Document]:
        return [d for d in self.documents if self.full or d.doc_id not in self.known]


class IngestConfig(dg.Config):
    full: bool = False
    """Re-extract every document, not only new ones (after the extractor changed)."""


@dg.asset(
    group_name="ingest",
    kinds={"python"},
    pool=DUCKDB_POOL,
    description="Documents read from the inbox (new ones marked for extraction), and the files rejected with why.",
)
def source_documents(
    context: dg.AssetExecutionContext, config: IngestConfig, paths: HumstatPaths, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    inbox = Path(paths.inbox)
    if not inbox.is_dir():
        raise dg.Failure(f"the inbox {inbox} does not exist; create it or pass --inbox")
    # one listing: what is read, and what the accounting counts the results against
    listed = inbox_files(inbox)
    documents, rejections = read_inbox(inbox, listed)
    scanned = [str(p.relative_to(inbox)) for p in listed]
    with duckdb_writer(duckdb) as con:
        known = frozenset(known_documents(con))
    read = InboxRead(documents, rejections, scanned, known, config.full)
    context.log.info(
        f"read {len(documents)} documents ({len(read.to_extract)} to extract), rejected {len(rejections)} files from {inbox}"
    )
    preview = [{"path": d.path, "title": d.title, "published": d.published, "source": d.source} for d in documents]
    rejected = [{"path": r.path, "check": r.check, "reason": r.reason} for r in rejections]
    return dg.MaterializeResult(
        value=read,
        metadata={
            "files": dg.MetadataValue.int(len(scanned)),
            "documents": dg.MetadataValue.int(len(documents)),
            "to_extract": dg.MetadataValue.int(len(read.to_extract)),
            "rejected_files": dg.MetadataValue.int(len(rejections)),
            "preview": dg.MetadataValue.md(markdown_table(preview, ["path", "title", "published", "source"])),
            "rejections": dg.MetadataValue.md(markdown_table(rejected, ["path", "check", "reason"])),
        },
    )
