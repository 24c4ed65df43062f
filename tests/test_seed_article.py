"""The seed article, end to end: its seven figures must come out right through every asset.

Expected values are the seed's gold annotations, carried into the project as facts.
"""

import duckdb

# text, kind, value, qualifier, metric, population, period_start, period_end, comparison, attributed_to
SEED_FIGURES = [
    ("approximately 5,200", "count", 5200, "approximately", "casualties", "people", "2021-01-01", "2021-06-30", None, "UNAMA"),
    ("47 percent", "change", 47, "exact", "casualties", "people", "2021-01-01", "2021-06-30", ("2020-01-01", "2020-06-30"), "UNAMA"),
    ("1,659", "count", 1659, "exact", "killed", "civilians", "2021-01-01", "2021-06-30", None, "UNAMA"),
    ("more than 1,000", "count", 1000, "at_least", "killed", "civilians", None, None, None, "Deborah Lyons"),
    ("more than 1,000", "count", 1000, "at_least", "casualties", "civilians", None, None, None, None),
    ("more than 10,000", "count", 10000, "at_least", "fighters", "foreign", None, None, None, "Ghulam M. Isaczai"),
    ("20", "count", 20, "exact", "armed_groups", None, None, None, None, "Ghulam M. Isaczai"),
]
SEED_PATH = "afghanistan-2021-08-12.txt"


def test_seed_figures_are_loaded_with_their_meaning(bundled_warehouse):
    con = duckdb.connect(str(bundled_warehouse), read_only=True)
    rows = con.execute(
        """SELECT text, kind, value, qualifier, metric, population, CAST(period_start AS VARCHAR),
                  CAST(period_end AS VARCHAR), CAST(comparison_start AS VARCHAR), CAST(comparison_end AS VARCHAR),
                  attributed_to, country, places
           FROM figures WHERE path = ? ORDER BY char_start""",
        [SEED_PATH],
    ).fetchall()
    con.close()
    assert len(rows) == len(SEED_FIGURES)
    for row, want in zip(rows, SEED_FIGURES, strict=True):
        text, kind, value, qualifier, metric, population, start, end, comparison, who = want
        assert row[:8] == (text, kind, value, qualifier, metric, population, start, end)
        assert (row[8], row[9]) == (comparison or (None, None))
        if who is not None:  # the gold leaves the author's own restatement unattributed
            assert row[10] == who
        assert row[11] == "AFG"
    assert rows[3][12] == ["Herat", "Kandahar", "Lashkar Gah"]
