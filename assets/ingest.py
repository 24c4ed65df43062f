"""Ingest: read every file of the inbox into a document or a rejection."""


from dataclasses import dataclass
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import INBOX_BATCHES, ONE_RUN_PER_BACKFILL
from assets.previews import markdown_table
from assets.resources import DUCKDB_POOL, DUCKDB_RETRY_POLICY, RUN_VALUES, HumstatPaths, duckdb_writer
from pipeline.documents import Document, Rejection, account_files, utc_now
from pipeline.inbox_watch import batch_files, inbox_file_rows, stamp_of
from pipeline.readers import read_inbox
from pipeline.warehouse import known_documents


@dataclass(frozen=True)
class InboxRead:
    documents: list[Document]
    rejections: list[Rejection]
    scanned_paths: list[str]
    known: frozenset[str] = frozenset()  # doc_ids the warehouse already holds
    full: bool = False  # re-extract everything (after an extractor change)
    inbox_files: tuple[dict, ...] = ()  # rows of `inbox_files`: what was read, as it was

    @property
    def to_extract(self) -> list[Document]:
        return [d for d in self.documents if self.full or d.doc_id not in self.known]


class IngestConfig(dg.Config):
    full: bool = False
    """Re-extract every document, not only new ones (after the extractor changed)."""


@dg.asset(
    group_name="ingest",
    kinds={"python"},
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    partitions_def=INBOX_BATCHES,
    backfill_policy=ONE_RUN_PER_BACKFILL, io_manager_key=RUN_VALUES,
    description="Documents read from the run's batches of inbox files (new ones marked for extraction), and the files rejected with why.",
)
def source_documents(
    context: dg.AssetExecutionContext, config: IngestConfig, paths: HumstatPaths, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    inbox = Path(paths.inbox)
    if not inbox.is_dir():
        raise dg.Failure(f"the inbox {inbox} does not exist; create it or pass --inbox", allow_retries=False)
    # the run's batches are the files it reads, and what the accounting counts against
    try:
        listed, gone = batch_files(inbox, Path(paths.batches), list(context.partition_keys))
    except FileNotFoundError as err:
        raise dg.Failure(
            f"{err}; run `humstat run` (or let the sensor record new files) rather than adding batches by hand", allow_retries=False
        ) from err
    stamped = {p: stamp_of(p) for p in listed}  # before reading: a file changed meanwhile reads as changed next time
    documents, rejections = read_inbox(inbox, listed)
    rejections += [Rejection(key, "file_readable", "the file left the inbox before it could be read", None) for key in gone]
    scanned = [str(p.relative_to(inbox)) for p in listed] + gone
    with duckdb_writer(duckdb) as con:
        known = frozenset(known_documents(con))
    read_as = {d.path: d.doc_id for d in documents}
    files = tuple(inbox_file_rows(inbox, stamped, read_as, utc_now()))
    read = InboxRead(documents, rejections, scanned, known, config.full, files)
    context.log.info(
        f"read {len(documents)} documents ({len(read.to_extract)} to extract), rejected {len(rejections)} files from {inbox}"
    )
    preview = [{"path": d.path, "title": d.title, "published": d.published, "source": d.source, "country": d.country,
                "attachment_of": d.attachment_of} for d in documents]
    rejected = [{"path": r.path, "check": r.check, "reason": r.reason} for r in rejections]
    return dg.MaterializeResult(
        value=read,
        metadata={
            **{key: dg.MetadataValue.int(n) for key, n in account_files(scanned, documents, rejections).items()},
            "rejections_recorded": dg.MetadataValue.int(len(rejections)),
            "to_extract": dg.MetadataValue.int(len(read.to_extract)),
            "preview": dg.MetadataValue.md(markdown_table(preview, ["path", "title", "published", "source", "country", "attachment_of"])),
            "rejections": dg.MetadataValue.md(markdown_table(rejected, ["path", "check", "reason"])),
        },
    )
