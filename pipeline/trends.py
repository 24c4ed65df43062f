"""Trends over the stored figures: one series per metric, population, country and period,
and each series against its previous period of the same length and the same period a year
earlier. Plain SQL, stored as tables each run refreshes after loading (`create_views`), so an
analyst's query over millions of figures reads rows instead of computing them;
`current_figures` stays a view."""

from __future__ import annotations

import duckdb

from pipeline.warehouse import store_view_as_table

# One row per metric, population, country and period over the counts of current documents.
# The best value is the one ranked first by: the originating body over a restatement, exact
# over approximate, then the latest publication, then the smallest figure_id. That ranking is
# one struct compared field by field (`preference`), so a single grouping pass finds the best
# figure with min() instead of a window sort over every figure.
# Written for ten million figures (docs/performance.md): the documents and the sources of a
# series are collected as one list of integers (document rowid and source number packed into a
# BIGINT) rather than as DISTINCT aggregates over text, which DuckDB computes in extra passes.
SOURCE_NUMBER_BITS = 32

# Which of the figures stating one quantity is the best, as one integer to take the least of
# (over a figure f of a document d; ties go to the least figure_id): the originating body's own
# figure first (then another body's, then an unattributed one), exact before approximate, then
# the latest publication (undated last). trend_series and hapi_conflict both choose by it.
PREFERENCE_RULE = f"""(CASE (d.source IS NOT NULL AND d.source = f.attributed_to) WHEN true THEN 0 WHEN false THEN 1 ELSE 2 END * 2
     + CASE WHEN f.qualifier = 'exact' THEN 0 ELSE 1 END) * {2 ** 33}
    + coalesce({2 ** 31 - 1} - (d.published - DATE '1970-01-01'), {2 ** 33 - 1})"""

TREND_SERIES = f"""
CREATE OR REPLACE VIEW trend_series AS
WITH source_names AS (
    SELECT list(attributed_to ORDER BY attributed_to) AS names
    FROM (SELECT DISTINCT attributed_to FROM figures WHERE attributed_to IS NOT NULL)
),
-- 1, 2, ... in name order, so sorting numbers sorts names; 0 stands for no source
source_numbers AS (
    SELECT unnest(names) AS attributed_to, CAST(generate_subscripts(names, 1) AS BIGINT) AS source_number
    FROM source_names
),
counts AS (
    SELECT f.metric, f.population, f.country, f.period_label, f.period_start, f.period_end, f.value, f.qualifier,
           (d.source IS NOT NULL AND d.source = f.attributed_to) AS from_originator,
           d.rowid * {2 ** SOURCE_NUMBER_BITS} + coalesce(s.source_number, 0) AS document_and_source,
           struct_pack(rule := {PREFERENCE_RULE}, figure_id := f.figure_id, value := f.value, qualifier := f.qualifier) AS preference
    -- current_figures joined with documents once: its figures of documents not superseded
    FROM figures f
    JOIN documents d USING (doc_id)
    LEFT JOIN source_numbers s ON s.attributed_to = f.attributed_to
    WHERE d.superseded_by IS NULL AND f.kind = 'count' AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL
),
series AS (
    SELECT metric, population, country, period_label, period_start, period_end,
           min(preference) AS best,
           bool_or(from_originator) AS any_from_originator,
           bool_or(qualifier = 'exact') AS any_exact,
           min(value) AS min_value,
           max(value) AS max_value,
           count(*) AS mentions,
           list(document_and_source) AS documents_and_sources
    FROM counts
    GROUP BY metric, population, country, period_label, period_start, period_end
),
-- the best figure is ranked over the period, whatever its label: a series holds the value only
-- if its best figure is the period's best
winners AS (
    SELECT metric, population, country, period_start, period_end, min(best) AS best
    FROM series
    GROUP BY metric, population, country, period_start, period_end
),
judged AS (
    SELECT s.*, s.best = w.best AS holds_best,
           list_sort(list_distinct(list_filter(
               list_transform(s.documents_and_sources, lambda x: x % {2 ** SOURCE_NUMBER_BITS}), lambda n: n > 0)))
               AS source_numbers
    FROM series s
    JOIN winners w
      ON w.metric = s.metric AND w.population IS NOT DISTINCT FROM s.population AND w.country IS NOT DISTINCT FROM s.country
     AND w.period_start = s.period_start AND w.period_end = s.period_end
)
SELECT metric,
       population,
       country,
       period_label,
       period_start,
       period_end,
       CASE WHEN holds_best THEN best.value END AS value,
       CASE WHEN holds_best THEN best.qualifier END AS qualifier,
       CASE WHEN any_from_originator THEN 'originating body'
            WHEN any_exact THEN 'exact over approximate'
            ELSE 'latest publication' END AS chosen_by,
       CASE WHEN holds_best THEN best.figure_id END AS best_figure_id,
       min_value,
       max_value,
       mentions,
       list_unique(list_transform(documents_and_sources, lambda x: x // {2 ** SOURCE_NUMBER_BITS})) AS documents,
       len(source_numbers) AS sources,
       CASE WHEN len(source_numbers) > 0 THEN list_transform(source_numbers, lambda n: names[n]) END AS source_names
FROM judged, source_names
"""

# Same length: the same calendar unit (year, half, quarter, month) or the same number of days.
# trend_series is computed once (MATERIALIZED) for both pairings, and the changes the sources
# stated are grouped once and joined, not looked up per pair.
PERIOD_CHANGES = """
CREATE OR REPLACE VIEW period_changes AS
WITH series AS MATERIALIZED (
    SELECT metric, population, country, period_label, period_start, period_end, value,
           (period_end - period_start) AS days
    FROM trend_series
),
pairs AS (
    SELECT cur.metric, cur.population, cur.country,
           cur.period_label, cur.period_start, cur.period_end, cur.value,
           'previous period' AS compared_with,
           prev.period_label AS earlier_label, prev.period_start AS earlier_start,
           prev.period_end AS earlier_end, prev.value AS earlier_value
    FROM series cur
    JOIN series prev
      ON prev.metric = cur.metric AND prev.population IS NOT DISTINCT FROM cur.population
     AND prev.country IS NOT DISTINCT FROM cur.country
     AND prev.period_end = cur.period_start - INTERVAL 1 DAY
     AND abs(prev.days - cur.days) <= 3
    UNION ALL
    SELECT cur.metric, cur.population, cur.country,
           cur.period_label, cur.period_start, cur.period_end, cur.value,
           'same period a year earlier',
           prev.period_label, prev.period_start, prev.period_end, prev.value
    FROM series cur
    JOIN series prev
      ON prev.metric = cur.metric AND prev.population IS NOT DISTINCT FROM cur.population
     AND prev.country IS NOT DISTINCT FROM cur.country
     AND prev.period_start = cur.period_start - INTERVAL 1 YEAR
     AND prev.period_end = cur.period_end - INTERVAL 1 YEAR
),
-- what the sources said the change was, beside what the stored figures give
stated AS (
    SELECT metric, population, country, period_start, period_end, comparison_start, comparison_end,
           list(DISTINCT value ORDER BY value) AS stated_change_pct
    FROM current_figures
    WHERE kind = 'change' AND period_start IS NOT NULL AND comparison_start IS NOT NULL
    GROUP BY ALL
)
SELECT p.*,
       round(100.0 * (p.value - p.earlier_value) / nullif(p.earlier_value, 0), 1) AS computed_change_pct,
       s.stated_change_pct
FROM pairs p
LEFT JOIN stated s
  ON s.metric = p.metric AND s.population IS NOT DISTINCT FROM p.population AND s.country IS NOT DISTINCT FROM p.country
 AND s.period_start = p.period_start AND s.period_end = p.period_end
 AND s.comparison_start = p.earlier_start AND s.comparison_end = p.earlier_end
"""

# Figures of the latest version of each document: a file that changed keeps its old figures
# in `figures` (marked through documents.superseded_by), but they leave every view.
CURRENT_FIGURES = """
CREATE OR REPLACE VIEW current_figures AS
SELECT f.* FROM figures f JOIN documents d USING (doc_id) WHERE d.superseded_by IS NULL
"""

VIEWS = {"current_figures": CURRENT_FIGURES, "trend_series": TREND_SERIES, "period_changes": PERIOD_CHANGES}
# stored as tables, refreshed by each run (in this order: period_changes reads trend_series)
STORED = ("trend_series", "period_changes")


def create_views(con: duckdb.DuckDBPyConnection, only_missing: bool = False) -> None:
    """`current_figures` as a view, and `trend_series` and `period_changes` computed from the
    figures as they are now, stored as tables, in one transaction. With `only_missing`, the
    tables that exist are kept as they are (a step that reads them after the run refreshed them)."""
    existing = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type <> 'VIEW'").fetchall()}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(CURRENT_FIGURES)
        for name in STORED:
            if not (only_missing and name in existing):
                store_view_as_table(con, name, VIEWS[name])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


LATEST_TRENDS = """
SELECT metric, population, country, period_label, value, mentions, documents, sources
FROM trend_series
-- every column of the series' key, so rows that tie on the date print in the same order every time
ORDER BY period_end DESC, metric, population NULLS FIRST, country NULLS FIRST, period_start, period_label, value
LIMIT {limit}
"""
