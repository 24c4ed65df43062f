"""The trend report: a chart per series and a table of the latest claim checks.

Reported figures are points (hollow where approximate, with bars or arrows for their bounds),
the reference series is a line, and the changes the sources stated are written beside the
points they describe. Charts are PNG files; the table is markdown.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # files only: no display is needed or used
import matplotlib.pyplot as plt  # noqa: E402

CHART_STYLE = 1  # bump when the drawing changes, so every chart is drawn anew

SERIES = """
SELECT metric, population, country, count(DISTINCT period_label) AS periods
FROM current_figures
WHERE kind = 'count' AND period_start IS NOT NULL AND country IS NOT NULL AND len(places) = 0
GROUP BY ALL HAVING count(DISTINCT period_label) >= 2
ORDER BY country, metric, population
"""
POINTS = """
SELECT f.period_end, f.period_label, f.value, f.low, f.high, f.qualifier, f.text, d.source
FROM current_figures f JOIN documents d USING (doc_id)
WHERE f.kind = 'count' AND f.metric = ? AND f.population = ? AND f.country = ? AND len(f.places) = 0
  AND f.period_end IS NOT NULL
ORDER BY f.period_end
"""
REFERENCE = """
SELECT period_end, period_label, value, attributed_to FROM reference_figures
WHERE metric = ? AND population = ? AND country = ? ORDER BY period_end
"""
STATED = """
SELECT DISTINCT f.period_end, f.value, f.comparison_start, f.comparison_end, t.value AS at
FROM current_figures f
JOIN trend_series t ON t.metric = f.metric AND t.population = f.population AND t.country = f.country
                   AND t.period_start = f.period_start AND t.period_end = f.period_end
WHERE f.kind = 'change' AND f.metric = ? AND f.population = ? AND f.country = ? AND f.comparison_start IS NOT NULL
ORDER BY f.period_end DESC, f.value
LIMIT 8  -- the latest: more labels overlap into a blur (all of them are in period_changes)
"""
LATEST_CHECKS = """
SELECT "check", verdict, expected, found, explanation FROM claim_checks
ORDER BY verdict = 'inconsistent' DESC, verdict = 'explained' DESC, verdict = 'unverifiable', "check" LIMIT ?
"""


PERIOD_KINDS = {"years": "-s", "half-years": "--o", "quarters": ":^", "months": "-.v", "other spans": "x"}


def _period_kind(label: str) -> str:
    if len(label) == 4:
        return "years"
    if "-H" in label:
        return "half-years"
    if "-Q" in label:
        return "quarters"
    if len(label) == 7:
        return "months"
    return "other spans"


@dataclass(frozen=True)
class Report:
    charts: list[Path]
    checks_markdown: str
    markdown_path: Path


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[tuple]:
    return con.execute(sql, params).fetchall()


def chart(con: duckdb.DuckDBPyConnection, metric: str, population: str, country: str, path: Path, drawn: dict[str, str]) -> Path:
    """Draw the series' chart, unless `drawn` (file name -> hash of the data) says the file
    already shows these very points: most series do not change from one run to the next, and
    drawing is the slow part of a run."""
    points = _fetch(con, POINTS, [metric, population, country])
    reference = _fetch(con, REFERENCE, [metric, population, country])
    stated = _fetch(con, STATED, [metric, population, country])
    digest = hashlib.sha256(repr((CHART_STYLE, points, reference, stated)).encode()).hexdigest()
    if drawn.get(path.name) == digest and path.exists():
        return path
    drawn[path.name] = digest
    fig, ax = plt.subplots(figsize=(11, 4.8), dpi=110)
    # one reference line per kind of period: joining a half-year to a full year would draw a
    # change that never happened
    for kind, style in PERIOD_KINDS.items():
        same = [r for r in reference if _period_kind(r[1]) == kind]
        if same:
            ax.plot([r[0] for r in same], [r[2] for r in same], style, color="#4a6fa5", lw=1.5, ms=4,
                    label=f"reference, {kind} ({same[0][3]})", zorder=1)
    for qualifier, style in (("exact", "o"), ("approximately", "o"), ("at_least", "^"), ("at_most", "v"), ("range", "D")):
        chosen = [p for p in points if p[5] == qualifier]
        if not chosen:
            continue
        xs, ys = [p[0] for p in chosen], [p[2] for p in chosen]
        face = "none" if qualifier == "approximately" else "#d1495b"
        ax.scatter(xs, ys, marker=style, s=42, facecolors=face, edgecolors="#d1495b", label=f"reported ({qualifier})", zorder=3)
        for p in chosen:
            low, high = p[3], p[4]
            if low is not None and high is not None and high > low:
                ax.vlines(p[0], low, high, color="#d1495b", lw=1, zorder=2)
    for period_end, value, comparison_start, comparison_end, at in stated:
        ax.annotate(f"{value:+g}% stated vs {comparison_start:%Y-%m}..{comparison_end:%Y-%m}", (period_end, at),
                    textcoords="offset points", xytext=(6, 8), fontsize=8, color="#333333")
    ax.set_title(f"{metric} ({population}), {country}: reported figures and reference series")
    ax.set_ylabel(metric)
    ax.set_xlabel("end of the reference period")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.autofmt_xdate()
    fig.subplots_adjust(left=0.08, right=0.74, top=0.92, bottom=0.18)  # room for the legend on the right
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def checks_table(con: duckdb.DuckDBPyConnection, limit: int = 25) -> str:
    rows = _fetch(con, LATEST_CHECKS, [limit])
    if not rows:
        return "_no claim checks yet_"
    lines = ["| check | verdict | expected | found | explanation |", "|---|---|---|---|---|"]
    for check, verdict, expected, found, explanation in rows:
        show = lambda v: "" if v is None else f"{v:,.1f}".removesuffix(".0")  # noqa: E731
        lines.append(f"| {check} | **{verdict}** | {show(expected)} | {show(found)} | {(explanation or '').replace('|', '/')} |")
    return "\n".join(lines)


def build_report(con: duckdb.DuckDBPyConnection, folder: Path) -> Report:
    index = folder / "charts.json"
    try:
        drawn = json.loads(index.read_text())
    except (OSError, ValueError):
        drawn = {}
    charts = [
        chart(con, metric, population, country, folder / f"{country}-{metric}-{population}.png", drawn)
        for metric, population, country, _ in _fetch(con, SERIES, [])
    ]
    folder.mkdir(parents=True, exist_ok=True)
    for gone in drawn.keys() - {p.name for p in charts}:  # a series that left the views
        (folder / gone).unlink(missing_ok=True)
    index.write_text(json.dumps({p.name: drawn[p.name] for p in charts}, indent=0))
    table = checks_table(con)
    markdown = folder / "claim-checks.md"
    images = "\n".join(f"![{p.stem}]({p.name})" for p in charts)
    markdown.write_text(f"# humstat trend report\n\n{images}\n\n## Latest claim checks\n\n{table}\n", encoding="utf-8")
    return Report(charts, table, markdown)
