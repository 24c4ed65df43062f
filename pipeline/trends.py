"""Trend views over the stored figures: one series per metric, population, country and period,
and each series against its previous period of the same length and the same period a year
earlier. Plain SQL, created as views so they always reflect the tables."""

from __future__ import annotations

import duckdb

# One row per count stated for a known period, ranked so the first is the best value:
# the originating body over a restatement, exact over approximate, then the latest publication.
RANKED_FIGURES = """
SELECT f.*,
       d.published,
       d.source AS document_source,
       (d.source IS NOT NULL AND d.source = f.attributed_to) AS from_originator,
       row_number() OVER (
           PARTITION BY f.metric, f.population, f.country, f.period_start, f.period_end
           ORDER BY (d.source IS NOT NULL AND d.source = f.attributed_to) DESC,
                    (f.qualifier = 'exact') DESC,
                    d.published DESC NULLS LAST,
                    f.figure_id
       ) AS rank
FROM current_figures f
JOIN documents d USING (doc_id)
WHERE f.kind = 'count' AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL
"""

TREND_SERIES = f"""
CREATE OR REPLACE VIEW trend_series AS
WITH ranked AS ({RANKED_FIGURES})
SELECT metric,
       population,
       country,
       period_label,
       period_start,
       period_end,
       max(value) FILTER (WHERE rank = 1) AS value,
       max(qualifier) FILTER (WHERE rank = 1) AS qualifier,
       CASE WHEN bool_or(from_originator) THEN 'originating body'
            WHEN bool_or(qualifier = 'exact') THEN 'exact over approximate'
            ELSE 'latest publication' END AS chosen_by,
       max(figure_id) FILTER (WHERE rank = 1) AS best_figure_id,
       min(value) AS min_value,
       max(value) AS max_value,
       count(*) AS mentions,
       count(DISTINCT doc_id) AS documents,
       count(DISTINCT attributed_to) AS sources,
       list(DISTINCT attributed_to ORDER BY attributed_to) FILTER (WHERE attributed_to IS NOT NULL) AS source_names
FROM ranked
GROUP BY metric, population, country, period_label, period_start, period_end
"""

# Same length: the same calendar unit (year, half, quarter, month) or the same number of days.
PERIOD_CHANGES = """
CREATE OR REPLACE VIEW period_changes AS
WITH series AS (
    SELECT *, (period_end - period_start) AS days FROM trend_series
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
)
SELECT p.*,
       round(100.0 * (p.value - p.earlier_value) / nullif(p.earlier_value, 0), 1) AS computed_change_pct,
       -- what the sources said the change was, beside what the stored figures give
       (SELECT list(DISTINCT f.value ORDER BY f.value) FROM current_figures f
         WHERE f.kind = 'change' AND f.metric = p.metric AND f.population IS NOT DISTINCT FROM p.population
           AND f.country IS NOT DISTINCT FROM p.country AND f.period_start = p.period_start AND f.period_end = p.period_end
           AND f.comparison_start = p.earlier_start AND f.comparison_end = p.earlier_end) AS stated_change_pct
FROM pairs p
"""

# Figures of the latest version of each document: a file that changed keeps its old figures
# in `figures` (marked through documents.superseded_by), but they leave every view.
CURRENT_FIGURES = """
CREATE OR REPLACE VIEW current_figures AS
SELECT f.* FROM figures f JOIN documents d USING (doc_id) WHERE d.superseded_by IS NULL
"""

VIEWS = {"current_figures": CURRENT_FIGURES, "trend_series": TREND_SERIES, "period_changes": PERIOD_CHANGES}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for sql in VIEWS.values():
        con.execute(sql)


LATEST_TRENDS = """
SELECT metric, population, country, period_label, value, mentions, documents, sources
FROM trend_series ORDER BY period_end DESC, metric LIMIT {limit}
"""
