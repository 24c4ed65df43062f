"""The Definitions load, and the asset graph is the one the docs describe."""

import dagster as dg

from assets.definitions import defs

EXPECTED_GROUPS = {
    "source_documents": "ingest",
    "extracted_figures": "extract",
    "validated_figures": "validate",
    "documents": "warehouse",
    "rejected_documents": "warehouse",
    "figures": "warehouse",
    "rejected_figures": "warehouse",
    "reference_figures": "warehouse",
    "trend_series": "trends",
    "period_changes": "trends",
    "claims": "trends",
    "claim_checks": "trends",
    "trend_report": "reports",
    "warehouse_snapshot": "reports",
    "figures_parquet": "reports",
}
DUCKDB_WRITERS = {
    "source_documents",  # reads which documents the warehouse already holds
    "documents", "rejected_documents", "figures", "rejected_figures", "reference_figures",
    "trend_series", "period_changes", "claims", "claim_checks", "trend_report", "warehouse_snapshot", "figures_parquet",
}


def graph():
    dg.Definitions.validate_loadable(defs)
    return defs.resolve_asset_graph()


def test_every_asset_is_in_its_group():
    g = graph()
    assert {k.to_user_string(): g.get(k).group_name for k in g.get_all_asset_keys()} == EXPECTED_GROUPS


def test_stages_depend_on_each_other_in_order():
    g = graph()

    def parents(key: str) -> set[str]:
        return {p.to_user_string() for p in g.get(dg.AssetKey(key)).parent_keys}

    assert parents("extracted_figures") == {"source_documents"}
    assert "extracted_figures" in parents("validated_figures")
    assert "validated_figures" in parents("figures")
    assert {"figures", "documents"} <= parents("trend_series")
    assert {"claims", "trend_series", "reference_figures"} <= parents("claim_checks")
    assert "claim_checks" in parents("trend_report")


def test_every_duckdb_writer_and_check_is_in_the_pool():
    g = graph()
    for key in DUCKDB_WRITERS:
        assert g.get(dg.AssetKey(key)).pools == {"duckdb"}, key
    for key in ("extracted_figures", "validated_figures"):
        assert not g.get(dg.AssetKey(key)).pools
    from assets.definitions import ALL_CHECKS

    assert all(check.op.pool == "duckdb" for check in ALL_CHECKS)


def test_every_step_that_touches_duckdb_retries():
    from assets.definitions import ALL_ASSETS, ALL_CHECKS

    touching = [a for a in ALL_ASSETS if {k.to_user_string() for k in a.keys} & DUCKDB_WRITERS]
    # ingest, the batch load (documents and figures together), reference, trends, claims, report, snapshot, parquet
    assert len(touching) == 8
    for step in [*touching, *ALL_CHECKS]:
        policy = step.op.retry_policy
        assert policy is not None and policy.max_retries == 3 and policy.backoff == dg.Backoff.EXPONENTIAL, step.op.name


def test_schema_checks_block_and_claim_checks_warn():
    from pipeline.claims import CHECK_NAMES

    g = graph()
    names = {(k.asset_key.to_user_string(), k.name): g.get_check_spec(k).blocking for k in g.asset_check_keys}
    assert names == {
        ("documents", "documents_match_schema"): True,
        ("figures", "figures_match_schema"): True,
        ("trend_series", "documents_are_fresh"): False,
        **{("claim_checks", name): False for name in CHECK_NAMES},
    }


def test_the_file_stages_are_partitioned_by_inbox_batch_and_backfill_in_one_run():
    g = graph()
    by_file = {"source_documents", "extracted_figures", "validated_figures", "documents", "rejected_documents", "figures", "rejected_figures"}
    for key in g.get_all_asset_keys():
        node = g.get(key)
        if key.to_user_string() in by_file:
            assert node.partitions_def == dg.DynamicPartitionsDefinition(name="inbox_batches"), key
            assert node.backfill_policy == dg.BackfillPolicy.single_run(), key
        else:
            assert node.partitions_def is None, key
