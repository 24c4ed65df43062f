"""Validate: the pandera schema splits records into valid ones and quarantined ones."""


import dagster as dg

from assets.ingest import InboxRead
from assets.partitions import INBOX_BATCHES, ONE_RUN_PER_BACKFILL
from assets.previews import markdown_table
from assets.resources import RUN_VALUES
from pipeline.validation import ValidatedFigures, validate_figures


@dg.asset(partitions_def=INBOX_BATCHES, backfill_policy=ONE_RUN_PER_BACKFILL, io_manager_key=RUN_VALUES, group_name="validate", kinds={"pandera"}, description="Figures that pass the schema, and those quarantined with the failing check.")
def validated_figures(source_documents: InboxRead, extracted_figures: list[dict]) -> dg.MaterializeResult:
    bodies = {d.doc_id: d.body for d in source_documents.to_extract}
    result = validate_figures(extracted_figures, bodies)
    return dg.MaterializeResult(
        value=result,
        metadata={
            "valid": dg.MetadataValue.int(len(result.valid)),
            "rejected": dg.MetadataValue.int(len(result.rejected)),
            "rejections": dg.MetadataValue.md(markdown_table(result.rejected, ["figure_id", "check", "reason"])),
        },
    )


__all__ = ["ValidatedFigures", "validated_figures"]
