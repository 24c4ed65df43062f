"""Benchmark of the analysis views over a large generated warehouse (prints figures, never a test).

`python -m benchmarks.bench_views [--rows 10000000] [--database PATH]` creates a fresh DuckDB
file with the project's tables and views, generates the figures straight in SQL (no Python row
loop, so ten million rows take seconds), and times the full materialization of `trend_series`,
`period_changes` and `claim_checks`.

The generated data imitates what the extractor stores: about 20 figures per document, in
sentences of 4 figures that follow the patterns the claim checks look for (a casualty total with
its killed and injured split and a stated change, a breakdown of civilians into children and
women, a before/after pair with its change, plain counts and shares), periods from years down to
months and odd day ranges, restatements of the same quantity across documents with some values
changed, superseded document versions, and the reference series of the same quantities.
Every value is a hash of the seed and the row number, so a seed always gives the same tables.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline import claims, hapi, trends, warehouse
from pipeline.extraction import EXTRACTOR_VERSION

TIMED_VIEWS = ("trend_series", "period_changes", "claims", "claim_checks", "hapi_conflict")
# Each is a table a run refreshes after loading: timed as that refresh (what a run pays) and as
# an analyst's read of every row of it (what a query pays).
REFRESHED = {
    "trend_series": lambda con: warehouse.store_view_as_table(con, "trend_series", trends.TREND_SERIES),
    "period_changes": lambda con: warehouse.store_view_as_table(con, "period_changes", trends.PERIOD_CHANGES),
    "claims": lambda con: warehouse.store_view_as_table(con, "claims", claims.CLAIMS),
    "claim_checks": lambda con: claims.refresh_claim_checks(con),
    "hapi_conflict": hapi.create_hapi_view,
}
FIGURES_PER_DOCUMENT = 20
FIGURES_PER_SENTENCE = 4
SENTENCES_PER_DOCUMENT = FIGURES_PER_DOCUMENT // FIGURES_PER_SENTENCE
FIRST_YEAR, YEARS = 2016, 10

COUNTRIES = ("AFG", "SYR", "YEM", "SDN", "SSD", "UKR", "COD", "SOM", "MLI", "BFA", "NGA", "ETH", "MMR", "HTI", "PSE")
BODIES = ("UNAMA", "OCHA", "UNHCR", "IOM", "WHO", "UNICEF", "ACLED", "Kabul Wire Service",
          "Civilian Protection Monitor", "Reuters")
# Repeated entries weight the draw: most figures are about civilians, people, children, women.
POPULATIONS = ("civilians", "civilians", "civilians", "civilians", "people", "people", "people", "children",
               "children", "women", "men", "boys", "girls", "humanitarian_workers", "health_workers", "journalists",
               None)
COUNT_METRICS = ("killed", "killed", "killed", "injured", "injured", "casualties", "displaced", "displaced",
                 "in_need", "affected", "refugees", "abducted", "missing", "detained", "attacks")
SHARE_METRICS = ("in_need", "affected")
PLACES = ("Kabul", "Aleppo", "Hodeidah", "El Fasher", "Juba", "Kharkiv", "Goma", "Mogadishu")


def _sql_list(values: tuple[str | None, ...]) -> str:
    return "[" + ", ".join("NULL" if v is None else "'" + v.replace("'", "''") + "'" for v in values) + "]"


def _macros(seed: int, documents: int) -> list[str]:
    """Deterministic draws, and the per-document attributes both generated tables need."""
    return [
        # a draw in [0, n) from the seed, a row key and a salt naming what is drawn
        f"CREATE OR REPLACE TEMP MACRO draw(key, salt, n) AS CAST(hash({seed}, key, salt) % n AS BIGINT)",
        "CREATE OR REPLACE TEMP MACRO pick(options, key, salt) AS options[1 + draw(key, salt, len(options))]",
        f"CREATE OR REPLACE TEMP MACRO bench_doc_id(d) AS sha256('humstat-bench|{seed}|' || d)",
        # the figures a document states come from its country and its attributed body
        f"CREATE OR REPLACE TEMP MACRO doc_country(d) AS CASE WHEN draw(d, 'no country', 100) = 0 THEN NULL "
        f"ELSE pick({_sql_list(COUNTRIES)}, d, 'country') END",
        f"CREATE OR REPLACE TEMP MACRO doc_source(d) AS pick({_sql_list(BODIES)}, d, 'source')",
        "CREATE OR REPLACE TEMP MACRO doc_attribution(d) AS CASE WHEN draw(d, 'attribution', 10) < 7 THEN doc_source(d) "
        f"WHEN draw(d, 'attribution', 10) < 9 THEN pick({_sql_list(BODIES)}, d, 'other body') ELSE NULL END",
        # an earlier version of a file is superseded by the next document, which shares its path
        f"CREATE OR REPLACE TEMP MACRO doc_superseded(d) AS draw(d, 'superseded', 25) = 0 AND d + 1 < {documents}",
        "CREATE OR REPLACE TEMP MACRO doc_path(d) AS format('generated/{:07d}.txt', "
        "CASE WHEN doc_superseded(d) THEN d + 1 ELSE d END)",
        # the true count of a quantity: restatements agree on it unless a figure is perturbed;
        # casualties are killed plus injured, so the split checks mostly agree
        # children and women are a part of the civilians, so their counts are smaller
        f"CREATE OR REPLACE TEMP MACRO raw_count(metric, population, country, s, e) AS "
        f"round((20 + hash({seed}, metric, population, country, s, e) % 5000) "
        f"/ CASE population WHEN 'children' THEN 4.0 WHEN 'women' THEN 5.0 ELSE 1.0 END)",
        "CREATE OR REPLACE TEMP MACRO true_count(metric, population, country, s, e) AS CASE WHEN metric = 'casualties' "
        "THEN raw_count('killed', population, country, s, e) + raw_count('injured', population, country, s, e) "
        "ELSE raw_count(metric, population, country, s, e) END",
    ]


DOCUMENTS_SQL = """
INSERT INTO documents BY NAME
SELECT bench_doc_id(d) AS doc_id,
       doc_path(d) AS path,
       format('Generated report {{}} on {{}}', d, coalesce(doc_country(d), 'several countries')) AS title,
       CASE WHEN draw(d, 'undated', 50) = 0 THEN NULL
            ELSE DATE '{first_year}-02-01' + CAST(draw(d, 'published', 3650) AS INTEGER) END AS published,
       doc_source(d) AS source,
       format('https://example.org/generated/{{}}', d) AS url,
       format('Generated document {{}} of the views benchmark; its figures are stored without their sentences '
              'in the body.', d) AS body,
       NULL AS note,
       TIMESTAMP '2026-01-01 00:00:00' + to_seconds(d) AS ingested_at,
       CASE WHEN doc_superseded(d) THEN bench_doc_id(d + 1) END AS superseded_by
FROM range({documents}) AS r(d)
"""

# Layered: the slot of each row, the sentence-level draws (pattern, period, population), the
# figure's own fields, then ids and the links between figures of one sentence.
FIGURES_SQL = """
INSERT INTO figures BY NAME
WITH slots AS (
    SELECT i, i // {per_document} AS doc, (i % {per_document}) // {per_sentence} AS sentence_no,
           i % {per_sentence} AS pos, i // {per_sentence} AS sentence_key
    FROM range({rows}) AS r(i)
),
sentences AS (
    SELECT *,
           draw(sentence_key, 'pattern', 5) AS pattern,
           CASE WHEN draw(sentence_key, 'unit', 20) < 5 THEN 12 WHEN draw(sentence_key, 'unit', 20) < 10 THEN 6
                WHEN draw(sentence_key, 'unit', 20) < 15 THEN 3 WHEN draw(sentence_key, 'unit', 20) < 19 THEN 1
                ELSE 0 END AS months,  -- 0: a day range that is no calendar unit
           {first_year} + draw(sentence_key, 'year', {years}) AS year,
           draw(sentence_key, 'part', 12) AS part,
           draw(sentence_key, 'previous', 5) < 2 AS against_previous,
           pick({populations}, sentence_key, 'population') AS sentence_population,
           pick({count_metrics}, sentence_key, 'metric') AS sentence_metric,
           doc_country(doc) AS country, doc_attribution(doc) AS attributed_to
    FROM slots
),
periods AS (
    SELECT *,
           CASE months WHEN 12 THEN make_date(year, 1, 1)
                       WHEN 6 THEN make_date(year, 1 + 6 * (part % 2), 1)
                       WHEN 3 THEN make_date(year, 1 + 3 * (part % 4), 1)
                       WHEN 1 THEN make_date(year, 1 + part, 1)
                       -- never on the 1st, so the range is never a calendar month by chance
                       ELSE make_date(year, 1 + part, 2 + draw(sentence_key, 'day', 20)) END AS p_start
    FROM sentences
),
spans AS (
    SELECT *,
           CASE WHEN months = 0 THEN p_start + CAST(20 + draw(sentence_key, 'days', 60) AS INTEGER)
                ELSE CAST(p_start + to_months(months) - INTERVAL 1 DAY AS DATE) END AS p_end
    FROM periods
),
comparisons AS (
    SELECT *,
           CASE WHEN against_previous AND months > 0 THEN CAST(p_start - to_months(months) AS DATE)
                WHEN against_previous THEN p_start - CAST(1 + (p_end - p_start) AS INTEGER)
                ELSE CAST(p_start - INTERVAL 1 YEAR AS DATE) END AS c_start,
           CASE WHEN against_previous THEN p_start - 1
                WHEN months > 0 THEN CAST(p_start - INTERVAL 1 YEAR + to_months(months) - INTERVAL 1 DAY AS DATE)
                ELSE CAST(p_end - INTERVAL 1 YEAR AS DATE) END AS c_end
    FROM spans
),
shaped AS (
    SELECT *,
           CASE WHEN (pattern = 0 AND pos = 3) OR (pattern = 2 AND pos = 0) THEN 'change'
                WHEN pattern >= 3 AND draw(i, 'share', 20) = 0 THEN 'share'
                ELSE 'count' END AS kind,
           CASE WHEN pattern = 0 THEN ['casualties', 'killed', 'injured', 'casualties'][pos + 1]
                WHEN pattern = 1 AND pos < 3 THEN 'killed'
                WHEN pattern = 2 AND pos < 3 THEN sentence_metric
                WHEN draw(i, 'share', 20) = 0 THEN pick({share_metrics}, i, 'metric')
                ELSE pick({count_metrics}, i, 'metric') END AS metric,
           CASE WHEN pattern IN (0, 2) AND (pattern = 0 OR pos < 3) THEN sentence_population
                WHEN pattern = 1 AND pos < 3 THEN ['civilians', 'children', 'women'][pos + 1]
                WHEN draw(i, 'share', 20) = 0 THEN 'people'
                ELSE pick({populations}, i, 'population') END AS population,
           -- plain figures are sometimes undated; a before figure is of the comparison period
           CASE WHEN pattern >= 3 AND draw(i, 'undated', 30) = 0 THEN NULL
                WHEN pattern = 2 AND pos = 1 THEN c_start ELSE p_start END AS period_start,
           CASE WHEN pattern >= 3 AND draw(i, 'undated', 30) = 0 THEN NULL
                WHEN pattern = 2 AND pos = 1 THEN c_end ELSE p_end END AS period_end,
           CASE WHEN pattern = 2 AND pos = 1 THEN 'before' WHEN pattern = 2 AND pos = 2 THEN 'after' END AS pair,
           pattern = 1 AND pos IN (1, 2) AS is_part
    FROM comparisons
),
valued AS (
    SELECT *,
           CASE WHEN kind = 'share' THEN 'exact'
                WHEN kind = 'change' THEN CASE WHEN draw(i, 'qualifier', 20) = 0 THEN 'approximately' ELSE 'exact' END
                WHEN draw(i, 'qualifier', 100) < 80 THEN 'exact' WHEN draw(i, 'qualifier', 100) < 90 THEN 'approximately'
                WHEN draw(i, 'qualifier', 100) < 96 THEN 'at_least' WHEN draw(i, 'qualifier', 100) < 98 THEN 'at_most'
                ELSE 'range' END AS qualifier,
           CASE WHEN kind = 'share' THEN CAST(1 + draw(i, 'share value', 99) AS DOUBLE)
                -- a stated change: the change between the true counts, misstated now and then
                WHEN kind = 'change' THEN round(100.0 * (true_count(metric, population, country, p_start, p_end)
                                                         - true_count(metric, population, country, c_start, c_end))
                                               / true_count(metric, population, country, c_start, c_end))
                                          + CASE WHEN draw(i, 'misstated', 6) = 0 THEN 5 + draw(i, 'by', 20) ELSE 0 END
                -- a restatement with another value now and then
                WHEN draw(i, 'restated', 100) < 12
                    THEN round(true_count(metric, population, country, period_start, period_end)
                               * (0.85 + draw(i, 'factor', 31) / 100.0))
                ELSE true_count(metric, population, country, period_start, period_end) END AS value
    FROM shaped
),
worded AS (
    SELECT *,
           CASE WHEN kind = 'change' THEN format('{{}} per cent', CAST(abs(value) AS BIGINT))
                WHEN kind = 'share' THEN format('{{}}%', CAST(value AS BIGINT))
                WHEN qualifier = 'approximately' THEN format('about {{:,}}', CAST(value AS BIGINT))
                WHEN qualifier = 'at_least' THEN format('at least {{:,}}', CAST(value AS BIGINT))
                WHEN qualifier = 'at_most' THEN format('up to {{:,}}', CAST(value AS BIGINT))
                WHEN qualifier = 'range' THEN format('{{:,}} to {{:,}}', CAST(round(value * 0.9) AS BIGINT),
                                                     CAST(round(value * 1.1) AS BIGINT))
                ELSE format('{{:,}}', CAST(value AS BIGINT)) END AS text,
           -- each slot of a sentence starts 40 characters after the previous one
           ({per_sentence} * sentence_no + pos) * 40 + 12 AS char_start,
           bench_doc_id(doc) AS doc_id
    FROM valued
),
identified AS (
    SELECT *, left(sha256(doc_id || ':' || char_start || ':' || (char_start + length(text))), 24) AS figure_id
    FROM worded
)
SELECT figure_id, doc_id, doc_path(doc) AS path, char_start, char_start + length(text) AS char_end, text,
       format('In {{}} the generated report {{}} recorded these figures for {{}}, as sentence {{}} of its text.',
              coalesce(strftime(p_start, '%Y-%m-%d'), 'an unknown period'), doc, coalesce(country, 'the region'),
              sentence_no) AS sentence,
       kind, value,
       CASE WHEN qualifier = 'at_most' THEN NULL WHEN qualifier = 'range' THEN round(value * 0.9) ELSE value END AS low,
       CASE WHEN qualifier = 'at_least' THEN NULL WHEN qualifier = 'range' THEN round(value * 1.1) ELSE value END AS high,
       qualifier, metric, population, country,
       CASE WHEN draw(i, 'place', 20) = 0 THEN [pick({places}, i, 'place name')] ELSE CAST([] AS VARCHAR[]) END AS places,
       period_start, period_end,
       CASE WHEN period_start IS NULL THEN NULL
            WHEN months = 0 THEN strftime(period_start, '%Y-%m-%d') || '..' || strftime(period_end, '%Y-%m-%d')
            WHEN months = 12 THEN CAST(year(period_start) AS VARCHAR)
            WHEN months = 6 THEN format('{{}}-H{{}}', year(period_start), (month(period_start) + 5) // 6)
            WHEN months = 3 THEN format('{{}}-Q{{}}', year(period_start), (month(period_start) + 2) // 3)
            ELSE strftime(period_start, '%Y-%m') END AS period_label,
       CASE WHEN kind = 'change' THEN c_start END AS comparison_start,
       CASE WHEN kind = 'change' THEN c_end END AS comparison_end,
       attributed_to,
       -- a breakdown part names the total that opens its sentence
       CASE WHEN is_part THEN first_value(figure_id) OVER (PARTITION BY sentence_key ORDER BY pos) END AS parent_figure_id,
       CAST(json_object('metric', 'generated', 'population', population, 'pair', pair,
                        'period', 'generated', 'comparison', NULL, 'attribution', 'generated') AS VARCHAR) AS evidence,
       '{extractor_version}' AS extractor_version
FROM identified
"""

# One reference series per country, from one body, for the periods of the civilian casualties
# reports: years and halves, killed, injured and casualties.
REFERENCE_SQL = """
INSERT INTO reference_figures BY NAME
WITH periods AS (
    SELECT make_date(y, m, 1) AS period_start,
           CAST(make_date(y, m, 1) + to_months(months) - INTERVAL 1 DAY AS DATE) AS period_end,
           CASE WHEN months = 12 THEN CAST(y AS VARCHAR) ELSE format('{{}}-H{{}}', y, (m + 5) // 6) END AS period_label
    FROM range({first_year}, {first_year} + {years}) AS years(y),
         (VALUES (1, 12), (1, 6), (7, 6)) AS units(m, months)
),
reference_rows AS (
    SELECT c.country, p.*, m.metric
    FROM unnest({countries}) AS c(country), periods p, unnest(['killed', 'injured', 'casualties']) AS m(metric)
)
SELECT format('generated-{{}}.csv', lower(country)) AS series,
       CAST(1 + row_number() OVER (PARTITION BY country ORDER BY period_start, period_end, metric) AS BIGINT) AS line,
       pick({bodies}, hash(country), 'reference body') AS attributed_to,
       country, 'civilians' AS population, period_start, period_end, period_label, metric,
       true_count(metric, 'civilians', country, period_start, period_end) AS value,
       NULL AS reported_change_pct, NULL AS change_vs, 'generated reference series' AS note
FROM reference_rows
"""


@dataclass(frozen=True)
class Generated:
    figures: int
    documents: int
    reference_rows: int
    seconds: float


@dataclass(frozen=True)
class ViewTiming:
    view: str
    rows: int | None  # None when a run was stopped at the time limit
    seconds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def line(self) -> str:
        rows = f"{self.rows:>12,}" if self.rows is not None else f"{'stopped':>12}"
        median = f"{self.median:>10.2f}" if self.rows is not None else f"{'>' + format(self.median, '.0f'):>10}"
        return f"{self.view:<16}{rows}{median}  " + ", ".join(f"{s:.2f}" for s in self.seconds)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The real tables and views, created by the same functions the pipeline's assets call."""
    warehouse.ensure_tables(con)
    trends.create_views(con)
    claims.create_claim_views(con)


def _render(template: str, rows: int, documents: int) -> str:
    return template.format(
        rows=rows, documents=documents, per_document=FIGURES_PER_DOCUMENT, per_sentence=FIGURES_PER_SENTENCE,
        first_year=FIRST_YEAR, years=YEARS, populations=_sql_list(POPULATIONS), count_metrics=_sql_list(COUNT_METRICS),
        share_metrics=_sql_list(SHARE_METRICS), places=_sql_list(PLACES), countries=_sql_list(COUNTRIES),
        bodies=_sql_list(BODIES), extractor_version=EXTRACTOR_VERSION,
    )


def generate(con: duckdb.DuckDBPyConnection, rows: int, seed: int = 1) -> Generated:
    """Fill the empty tables with `rows` figures, their documents and the reference series."""
    documents = -(-rows // FIGURES_PER_DOCUMENT)
    started = time.perf_counter()
    for statement in _macros(seed, documents):
        con.execute(statement)
    con.execute("BEGIN TRANSACTION")
    con.execute(_render(DOCUMENTS_SQL, rows, documents))
    con.execute(_render(FIGURES_SQL, rows, documents))
    con.execute(_render(REFERENCE_SQL, rows, documents))
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    trends.create_views(con)  # as a run does after loading
    hapi.create_hapi_view(con)
    claims.create_claim_views(con)
    reference_rows = warehouse.count_rows(con, "reference_figures")
    return Generated(rows, documents, reference_rows, time.perf_counter() - started)


def table_checksum(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """An order-independent checksum of every column of every row."""
    return con.execute(f"SELECT sum(hash(t)) FROM (SELECT * FROM {table}) AS t").fetchall()[0][0]


def _timed(con: duckdb.DuckDBPyConnection, work, repeat: int, limit_seconds: float) -> list[float] | None:
    """Seconds of `repeat` runs of `work(con)`, or None when a run passed the time limit (then
    interrupted)."""
    seconds = []
    for _ in range(repeat):
        timer = threading.Timer(limit_seconds, con.interrupt)
        started = time.perf_counter()
        timer.start()
        try:
            work(con)
        except duckdb.InterruptException:
            return None
        finally:
            timer.cancel()
        seconds.append(time.perf_counter() - started)
    return seconds


def time_view(con: duckdb.DuckDBPyConnection, view: str, repeat: int, limit_seconds: float) -> ViewTiming:
    """An analyst's read of the whole relation (every column of every row, into a temporary
    table) `repeat` times; a run that passes the time limit is interrupted and reported as stopped."""
    seconds = _timed(con, lambda c: c.execute(f"CREATE OR REPLACE TEMP TABLE bench_materialized AS SELECT * FROM {view}"),
                     repeat, limit_seconds)
    if seconds is None:
        return ViewTiming(view, None, [limit_seconds])
    rows = warehouse.count_rows(con, "bench_materialized")
    con.execute("DROP TABLE bench_materialized")
    return ViewTiming(view, rows, seconds)


def time_refresh(con: duckdb.DuckDBPyConnection, view: str, repeat: int, limit_seconds: float) -> ViewTiming:
    """What a run pays to store `view` again from the figures, `repeat` times."""
    seconds = _timed(con, REFRESHED[view], repeat, limit_seconds)
    if seconds is None:
        return ViewTiming(view, None, [limit_seconds])
    return ViewTiming(view, warehouse.count_rows(con, view), seconds)


def _database_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def run(rows: int, database: Path, seed: int, repeat: int, limit_seconds: float) -> list[ViewTiming]:
    if database.exists():
        raise SystemExit(f"{database} exists: the benchmark writes a fresh database")
    con = duckdb.connect(str(database))
    try:
        create_schema(con)
        generated = generate(con, rows, seed)
        print(f"humstat views benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, duckdb {duckdb.__version__}, "
              f"python {platform.python_version()}, {platform.machine()}")
        print(f"generated {generated.figures:,} figures, {generated.documents:,} documents, "
              f"{generated.reference_rows:,} reference rows in {generated.seconds:.1f} s "
              f"({generated.figures / generated.seconds:,.0f} figures/s); "
              f"database {_database_bytes(database) / 1e6:,.0f} MB at {database}")
        current = warehouse.count_rows(con, "current_figures")
        print(f"current figures (not superseded): {current:,}", flush=True)
        print(f"an analyst's query: every row of the stored table\n{'view':<16}{'rows':>12}{'median s':>10}  runs (s)", flush=True)
        timings = []
        for view in TIMED_VIEWS:
            timings.append(time_view(con, view, repeat, limit_seconds))
            print(timings[-1].line(), flush=True)
        print(f"a run's refresh: the table computed again from the figures\n{'view':<16}{'rows':>12}{'median s':>10}  runs (s)", flush=True)
        for view in TIMED_VIEWS:
            timings.append(time_refresh(con, view, repeat, limit_seconds))
            print(timings[-1].line(), flush=True)
        return timings
    finally:
        con.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_views", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="figures to generate (default 10,000,000)")
    parser.add_argument("--database", type=Path, help="a new DuckDB file to write (default: in a temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per view; the median is reported")
    parser.add_argument("--limit", type=float, default=300, help="seconds after which a view's run is stopped")
    args = parser.parse_args(argv)
    if args.database is not None:
        run(args.rows, args.database, args.seed, args.repeat, args.limit)
        return
    with tempfile.TemporaryDirectory(prefix="humstat-bench-views-") as folder:
        run(args.rows, Path(folder) / "bench.duckdb", args.seed, args.repeat, args.limit)


if __name__ == "__main__":
    main()
