"""Ingest: read every file of the inbox into a document or a rejection."""


from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from assets.previews import markdown_table
from assets.resources import HumstatPaths
from pipeline.documents import Document, Rejection, inbox_files, read_inbox


@dataclass(frozen=True)
class InboxRead:
    documents: list[Document]
    rejections: list[Rejection]
    scanned_paths: list[str]


@dg.asset(group_name="ingest", kinds={"python"}, description="Documents read from the inbox, and the files rejected with why.")
def source_documents(context: dg.AssetExecutionContext, paths: HumstatPaths) -> dg.MaterializeResult:
    inbox = Path(paths.inbox)
    if not inbox.is_dir():
        raise dg.Failure(f"the inbox {inbox} does not exist; create it or pass --inbox")
    documents, rejections = read_inbox(inbox)
    scanned = [str(p.relative_to(inbox)) for p in inbox_files(inbox)]
    context.log.info(f"read {len(documents)} documents, rejected {len(rejections)} files from {inbox}")
    preview = [{"path": d.path, "title": d.title, "published": d.published, "source": d.source} for d in documents]
    rejected = [{"path": r.path, "check": r.check, "reason": r.reason} for r in rejections]
    return dg.MaterializeResult(
        value=InboxRead(documents, rejections, scanned),
        metadata={
            "documents": dg.MetadataValue.int(len(documents)),
            "rejected_files": dg.MetadataValue.int(len(rejections)),
            "preview": dg.MetadataValue.md(markdown_table(preview, ["path", "title", "published", "source"])),
            "rejections": dg.MetadataValue.md(markdown_table(rejected, ["path", "check", "reason"])),
        },
    )
