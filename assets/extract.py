"""Extract: every reported figure of every document, with its evidence."""


import dagster as dg

from assets.ingest import InboxRead
from assets.partitions import INBOX_BATCHES, ONE_RUN_PER_BACKFILL
from assets.previews import markdown_table
from assets.resources import RUN_VALUES
from pipeline.extraction import EXTRACTOR_VERSION
from pipeline.extraction.failures import ERROR_KEY, is_failure
from pipeline.parallel import extract_all
from pipeline.progress import tracking


@dg.asset(partitions_def=INBOX_BATCHES, backfill_policy=ONE_RUN_PER_BACKFILL, io_manager_key=RUN_VALUES, group_name="extract", kinds={"python"}, description="Figure records as the extractor read them, before validation.")
def extracted_figures(context: dg.AssetExecutionContext, source_documents: InboxRead) -> dg.MaterializeResult:
    documents = source_documents.to_extract
    with tracking(len(documents), "documents") as advance:  # progress on a terminal, under `humstat run`
        records = extract_all(documents, advance=advance)  # on every core (HUMSTAT_WORKERS)
    failed = [r for r in records if is_failure(r)]
    figures = [r for r in records if not is_failure(r)] if failed else records
    context.log.info(f"extracted {len(figures)} figures from {len(documents)} new or re-read documents")
    for failure in failed:
        context.log.error(f"the extractor raised {failure[ERROR_KEY]} on {failure['path']}: quarantined in rejected_figures")
    return dg.MaterializeResult(
        value=records,
        metadata={
            "figures": dg.MetadataValue.int(len(figures)),
            "documents_extracted": dg.MetadataValue.int(len(documents)),
            "documents_failed": dg.MetadataValue.int(len(failed)),
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(
                markdown_table(figures, ["text", "kind", "metric", "population", "period_label", "attributed_to", "sentence", "evidence"])
            ),
        },
    )
