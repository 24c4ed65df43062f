"""A view shaped like HDX HAPI's conflict tables, so that figures from documents line up with
data from HAPI: one row per country, place, reference period and population, with a value
column per metric (`fatalities` for killed, as HAPI names it), the best stated value of each.

HAPI's columns are kept where humstat has the same thing: `location_code` (ISO3),
`admin_level`, `admin1_name`, `reference_period_start`, `reference_period_end`. humstat does
not resolve places to administrative divisions, so `admin1_name` is the place as the document
wrote it (HAPI's `provider_admin1_name`): `admin_level` is 1 when a figure names one place below
country level, 0 when it names none, and null when it names several (a total over them, listed
in `admin1_name`). The best value follows `trend_series`: the originating body over a
restatement, exact over approximate, then the latest publication.
"""

from __future__ import annotations

import duckdb

from pipeline.trends import PREFERENCE_RULE
from pipeline.warehouse import store_view_as_table
from schemas.enums import METRICS

# HAPI's names where they differ from humstat's metric names
HAPI_VALUE_NAMES = {"killed": "fatalities"}


def value_columns() -> dict[str, str]:
    """metric -> column name, for every metric in schemas.enums."""
    return {metric: HAPI_VALUE_NAMES.get(metric, metric) for metric in METRICS}


def hapi_conflict_sql() -> str:
    values = ",\n       ".join(
        f"max(pick.value) FILTER (WHERE metric = '{metric}') AS {column}" for metric, column in value_columns().items()
    )
    return f"""
CREATE OR REPLACE VIEW hapi_conflict AS
WITH best AS (
    -- the best figure of each quantity at each place, chosen as trend_series chooses
    SELECT f.metric, f.population, f.country, f.places, f.period_start, f.period_end,
           min(struct_pack(rule := {PREFERENCE_RULE}, figure_id := f.figure_id, value := f.value,
                           period_label := f.period_label, attributed_to := f.attributed_to)) AS pick
    FROM figures f
    JOIN documents d USING (doc_id)
    WHERE d.superseded_by IS NULL AND f.kind = 'count' AND f.country IS NOT NULL
      AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL
    GROUP BY ALL
)
SELECT country AS location_code,
       CASE len(places) WHEN 0 THEN 0 WHEN 1 THEN 1 END AS admin_level,
       CASE WHEN len(places) > 0 THEN array_to_string(places, '; ') END AS admin1_name,
       population,
       pick.period_label AS period_label,
       period_start AS reference_period_start,
       period_end AS reference_period_end,
       {values},
       list(pick.figure_id ORDER BY metric) AS figure_ids,
       list(DISTINCT pick.attributed_to ORDER BY pick.attributed_to) FILTER (WHERE pick.attributed_to IS NOT NULL) AS sources
FROM best
GROUP BY country, places, population, pick.period_label, period_start, period_end
"""


def create_hapi_view(con: duckdb.DuckDBPyConnection) -> None:
    """`hapi_conflict` computed from the figures as they are now, stored as a table that each
    run refreshes, so a query reads rows."""
    store_view_as_table(con, "hapi_conflict", hapi_conflict_sql())
