"""Asset checks generated from the pandera schemas: what validated the extraction also
re-validates what the warehouse holds (one schema drives both, as PUDL does)."""


import os
from collections.abc import Iterator

import dagster as dg
import pandas as pd
import pandera.pandas as pa
from dagster_duckdb import DuckDBResource

from assets.resources import DUCKDB_POOL, DUCKDB_RETRY_POLICY, duckdb_writer
from pipeline.claims import CHECK_NAMES, check_summary
from schemas.fields import TABLES
from schemas.models import DocumentSchema, FigureSchema, describe_failure

SCHEMAS: dict[str, pa.DataFrameSchema] = {"documents": DocumentSchema, "figures": FigureSchema}


# Rows validated at a time (in vectors of 2,048): a large warehouse holds millions of figures,
# and a frame of them all, sentences and evidence included, would take gigabytes. Uniqueness
# across chunks is the tables' primary keys' job.
CHUNK_VECTORS = 50


def _schema_frames(con, table: str) -> Iterator[pd.DataFrame]:
    """The table in chunks, dates as ISO text: the form the schema validates."""
    columns = []
    for f in TABLES[table]:
        if f.type == "date":
            columns.append(f'strftime("{f.name}", \'%Y-%m-%d\') AS "{f.name}"')
        else:
            columns.append(f'"{f.name}"')
    result = con.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while len(frame := result.fetch_df_chunk(CHUNK_VECTORS)):
        yield frame


def schema_check(table: str, schema: pa.DataFrameSchema) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_match_schema",
        blocking=True,
        pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
        description=f"Every row of `{table}` passes the pandera schema `{schema.name}` (the same schema that validated it on the way in).",
    )
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        rows, failures = 0, 0
        summary: dict[str, list] = {}
        with duckdb_writer(duckdb) as con:
            for frame in _schema_frames(con, table):
                rows += len(frame)
                try:
                    schema.validate(frame, lazy=True)
                except pa.errors.SchemaErrors as err:
                    failures += len(err.failure_cases)
                    for _, case in err.failure_cases.iterrows():
                        column = case["column"] if isinstance(case["column"], str) else None
                        name, reason = describe_failure(case["check"], column)
                        summary.setdefault(name, [reason, 0])[1] += 1
        if failures:
            lines = "\n".join(f"| {name} | {reason} | {n} |" for name, (reason, n) in summary.items())
            return dg.AssetCheckResult(
                passed=False,
                metadata={
                    "rows": dg.MetadataValue.int(rows),
                    "failures": dg.MetadataValue.int(failures),
                    "failing_checks": dg.MetadataValue.md(f"| check | reason | failures |\n|---|---|---|\n{lines}"),
                },
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": dg.MetadataValue.int(rows)})

    return _check


SCHEMA_CHECKS = [schema_check(table, schema) for table, schema in SCHEMAS.items()]


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(name, asset="claim_checks",
                          description=f"Warns when a figure fails the claim check `{name}`; the result says how many and why.")
        for name in CHECK_NAMES
    ],
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    can_subset=True,
)
def claim_check_warnings(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource):
    """Each inconsistency the claim checks find, visible in the UI with its explanation; a
    warning, never a blocker: a wrong figure in a source is news, not a pipeline failure. The
    result's description agrees with its status and shows the first explanations inline."""
    with duckdb_writer(duckdb) as con:
        # counted in SQL: the table holds a row per check and figure, millions in a large warehouse
        summary = {row[0]: row[1:] for row in con.execute(
            "SELECT \"check\", count(*), count(*) FILTER (WHERE verdict = 'inconsistent'), "
            "count(*) FILTER (WHERE verdict = 'explained'), count(*) FILTER (WHERE verdict = 'unverifiable') "
            "FROM claim_checks GROUP BY \"check\""
        ).fetchall()}
        # twenty explanations a check, inconsistent before explained, picked by a window that
        # spills to disk, never one list of millions
        examples: dict[str, list[tuple[str, str]]] = {}
        for check, verdict, explanation in con.execute(
            "SELECT \"check\", verdict, explanation FROM claim_checks WHERE verdict IN ('inconsistent', 'explained') "
            "QUALIFY row_number() OVER (PARTITION BY \"check\" ORDER BY verdict = 'inconsistent' DESC, explanation) <= 20 "
            "ORDER BY \"check\", verdict = 'inconsistent' DESC, explanation"
        ).fetchall():
            examples.setdefault(check, []).append((verdict, explanation))
    for key in context.selected_asset_check_keys:
        checked, inconsistent, explained, unverifiable = summary.get(key.name, (0, 0, 0, 0))
        shown = examples.get(key.name, [])
        yield dg.AssetCheckResult(
            asset_key=key.asset_key,
            check_name=key.name,
            passed=inconsistent == 0,
            severity=dg.AssetCheckSeverity.WARN,
            description=check_summary(key.name, checked, inconsistent, explained, unverifiable,
                                      [e for v, e in shown if v == "inconsistent"]),
            metadata={
                "checked": dg.MetadataValue.int(checked),
                "inconsistent": dg.MetadataValue.int(inconsistent),
                "explained": dg.MetadataValue.int(explained),
                "unverifiable": dg.MetadataValue.int(unverifiable),
                "explanations": dg.MetadataValue.md("\n".join(f"- **{v}**: {e}" for v, e in shown) or "_none_"),
            },
        )


FRESHNESS_DAYS = int(os.environ.get("HUMSTAT_FRESHNESS_DAYS", "7"))


# On the trend series, not on `documents`: the series is refreshed every day by the schedule,
# so the check runs on the days no document arrives, which are the days it is for.
@dg.asset_check(
    asset="trend_series",
    pool=DUCKDB_POOL, retry_policy=DUCKDB_RETRY_POLICY,
    description=f"The series were fed a new document within the last {FRESHNESS_DAYS} days (HUMSTAT_FRESHNESS_DAYS).",
)
def documents_are_fresh(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb_writer(duckdb) as con:
        newest, days = con.execute(
            "SELECT max(ingested_at), date_diff('day', max(ingested_at), now()::TIMESTAMP) FROM documents"
        ).fetchall()[0]
    fresh = days is not None and days <= FRESHNESS_DAYS
    return dg.AssetCheckResult(
        passed=fresh,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "newest_document_read": dg.MetadataValue.text(str(newest)),
            "days_since": dg.MetadataValue.int(-1 if days is None else int(days)),
            "limit_days": dg.MetadataValue.int(FRESHNESS_DAYS),
        },
    )
