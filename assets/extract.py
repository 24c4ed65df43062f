"""Extract: every reported figure of every document, with its evidence."""


import dagster as dg

from assets.ingest import InboxRead
from assets.previews import markdown_table
from pipeline.extraction import EXTRACTOR_VERSION, extract


@dg.asset(group_name="extract", kinds={"python"}, description="Figure records as the extractor read them, before validation.")
def extracted_figures(context: dg.AssetExecutionContext, source_documents: InboxRead) -> dg.MaterializeResult:
    records: list[dict] = []
    for doc in source_documents.to_extract:
        records.extend(extract(doc))
    context.log.info(f"extracted {len(records)} figures from {len(source_documents.to_extract)} new or re-read documents")
    return dg.MaterializeResult(
        value=records,
        metadata={
            "figures": dg.MetadataValue.int(len(records)),
            "documents_extracted": dg.MetadataValue.int(len(source_documents.to_extract)),
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(
                markdown_table(records, ["text", "kind", "metric", "population", "period_label", "attributed_to", "sentence", "evidence"])
            ),
        },
    )
