"""Warehouse: the DuckDB tables. A batch of inbox files is loaded whole in one transaction
(`load_batch`); the reference series apart. Every writer is in the DuckDB pool."""


from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.ingest import InboxRead
from assets.partitions import INBOX_BATCHES, ONE_RUN_PER_BACKFILL
from assets.previews import table_metadata
from assets.resources import DUCKDB_POOL, DUCKDB_RETRY_POLICY, HumstatPaths, duckdb_writer
from pipeline import warehouse
from pipeline.documents import utc_now
from pipeline.reference import read_reference_folder
from pipeline.validation import ValidatedFigures


@dg.multi_asset(
    specs=[
        dg.AssetSpec("documents", group_name="warehouse", kinds={"duckdb"}, deps=["source_documents"],
                     description="Every document read: metadata and the body its figures index."),
        dg.AssetSpec("rejected_documents", group_name="warehouse", kinds={"duckdb"}, deps=["source_documents"],
                     description="Files that could not be read as documents, with the failing check and why."),
        dg.AssetSpec("figures", group_name="warehouse", kinds={"duckdb"}, deps=["source_documents", "validated_figures"],
                     description="Validated figure records (the spec's fields plus period label, parent and evidence)."),
        dg.AssetSpec("rejected_figures", group_name="warehouse", kinds={"duckdb"}, deps=["source_documents", "validated_figures"],
                     description="Figure records that failed validation: the record, the failing checks, why."),
    ],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    partitions_def=INBOX_BATCHES,
    backfill_policy=ONE_RUN_PER_BACKFILL,
    description="A batch's documents, rejections, figures and inbox stamps, loaded in one transaction: "
                "a run stopped at any moment leaves all of the batch or none of it.",
)
def load_batch(source_documents: InboxRead, validated_figures: ValidatedFigures, duckdb: DuckDBResource):
    doc_ids = [d.doc_id for d in source_documents.to_extract]
    batch = warehouse.BatchRows(
        documents=[d.as_row() for d in source_documents.documents],
        rejections=[r.as_row(utc_now()) for r in source_documents.rejections],
        scanned_paths=source_documents.scanned_paths,
        inbox_files=list(source_documents.inbox_files),
        figures=validated_figures.columns(),
        rejected_figures=validated_figures.rejected,
        extracted_doc_ids=doc_ids,
    )
    with duckdb_writer(duckdb) as con:
        changes = warehouse.load_batch(con, batch)
        yield dg.MaterializeResult(asset_key="documents", metadata=table_metadata(con, "documents", exclude="body"))
        yield dg.MaterializeResult(asset_key="rejected_documents", metadata=table_metadata(con, "rejected_documents", exclude="input"))
        yield dg.MaterializeResult(
            asset_key="figures",
            metadata={
                **table_metadata(con, "figures", exclude="sentence, evidence"),
                "documents_extracted": dg.MetadataValue.int(len(doc_ids)),
                "figures_added": dg.MetadataValue.int(changes.added),
                "figures_removed": dg.MetadataValue.int(changes.removed),
                "figures_changed": dg.MetadataValue.int(changes.changed),
            },
        )
        yield dg.MaterializeResult(asset_key="rejected_figures", metadata=table_metadata(con, "rejected_figures", exclude="input"))


@dg.asset(group_name="warehouse", kinds={"duckdb"}, pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
          description="Published reference series from data/reference/*.csv, one row per metric and period.")
def reference_figures(context: dg.AssetExecutionContext, paths: HumstatPaths, duckdb: DuckDBResource) -> dg.MaterializeResult:
    rows, problems = read_reference_folder(Path(paths.reference))
    for p in problems:
        context.log.warning(f"reference {p.series} line {p.line}: {p.reason}")
    with duckdb_writer(duckdb) as con:
        warehouse.load_reference(con, rows)
        metadata = table_metadata(con, "reference_figures", exclude="note")
    metadata["problems"] = dg.MetadataValue.md(
        "\n".join(f"- {p.series} line {p.line}: {p.reason}" for p in problems) or "_none_"
    )
    return dg.MaterializeResult(metadata=metadata)
