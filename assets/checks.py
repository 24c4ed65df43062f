"""Asset checks generated from the pandera schemas: what validated the extraction also
re-validates what the warehouse holds (one schema drives both, as PUDL does)."""


import dagster as dg
import pandera.pandas as pa
from dagster_duckdb import DuckDBResource

from assets.resources import DUCKDB_POOL
from schemas.fields import TABLES
from schemas.models import DocumentSchema, FigureSchema, describe_failure

SCHEMAS: dict[str, pa.DataFrameSchema] = {"documents": DocumentSchema, "figures": FigureSchema}


def _table_as_schema_frame(con, table: str):
    """The table with dates as ISO text, the form the schema validates."""
    columns = []
    for f in TABLES[table]:
        if f.type == "date":
            columns.append(f'strftime("{f.name}", \'%Y-%m-%d\') AS "{f.name}"')
        else:
            columns.append(f'"{f.name}"')
    return con.execute(f"SELECT {', '.join(columns)} FROM {table}").df()


def schema_check(table: str, schema: pa.DataFrameSchema) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_match_schema",
        blocking=True,
        pool=DUCKDB_POOL,
        description=f"Every row of `{table}` passes the pandera schema `{schema.name}` (the same schema that validated it on the way in).",
    )
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            frame = _table_as_schema_frame(con, table)
        try:
            schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as err:
            cases = err.failure_cases
            summary = {}
            for _, case in cases.iterrows():
                column = case["column"] if isinstance(case["column"], str) else None
                name, reason = describe_failure(case["check"], column)
                summary.setdefault(name, [reason, 0])[1] += 1
            lines = "\n".join(f"| {name} | {reason} | {n} |" for name, (reason, n) in summary.items())
            return dg.AssetCheckResult(
                passed=False,
                metadata={
                    "rows": dg.MetadataValue.int(len(frame)),
                    "failures": dg.MetadataValue.int(len(cases)),
                    "failing_checks": dg.MetadataValue.md(f"| check | reason | failures |\n|---|---|---|\n{lines}"),
                },
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": dg.MetadataValue.int(len(frame))})

    return _check


SCHEMA_CHECKS = [schema_check(table, schema) for table, schema in SCHEMAS.items()]
