"""Claims and claim checks: is this number right, and does it agree with the others?

`claims` groups the mentions of one quantity (source, metric, population, country, place,
period) across documents; `claim_checks` tests figures against each other and against the
reference series, one row per check, with the numbers and the reasoning in words.
"""

from __future__ import annotations

import duckdb

from pipeline.tolerances import GROSS_RELATIVE, SAME_QUANTITY_RATIO, TOLERANCE_SQL
from pipeline.warehouse import store_view_as_table
from schemas.enums import POPULATION_WITHIN

CLAIMS = """
CREATE OR REPLACE VIEW claims AS
SELECT md5(concat_ws('|', coalesce(attributed_to, '?'), kind, metric, coalesce(population, '?'),
                     coalesce(country, '?'), array_to_string(list_sort(places), ', '),
                     coalesce(period_label, '?'), coalesce(CAST(comparison_start AS VARCHAR), ''))) AS claim_id,
       attributed_to AS source, kind, metric, population, country,
       array_to_string(list_sort(places), ', ') AS place,
       period_label, period_start, period_end, comparison_start, comparison_end,
       mode(value ORDER BY value) AS value,  -- ordered: a tie gives the same value every run
       list(DISTINCT value ORDER BY value) AS values_stated,
       count(*) AS mentions,
       count(DISTINCT doc_id) AS documents,
       list(figure_id ORDER BY figure_id) AS figure_ids,
       list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
FROM current_figures
GROUP BY ALL
"""

# Every check yields: check, figure_ids, expected, found, tolerance, verdict, explanation; every
# explanation is written in full (each value it names is coalesced), so no row is left blank.
# The CTEs below are written for ten million figures (docs/performance.md): the figures of
# current documents are read once with the document's rowid, an integer that counts documents
# more cheaply than doc_id; each quantity is grouped once and joined, not looked up per figure.
CURRENT = """
current AS NOT MATERIALIZED (  -- read again where used: each use needs few columns
    SELECT f.*, d.rowid AS document_number
    FROM figures f JOIN documents d USING (doc_id)
    WHERE d.superseded_by IS NULL  -- the rows of current_figures
)"""

# "A quantity": one metric, population, country, set of places (none: national) and period.
# Its values, grouped once: the value most stated, with the interval its wording allows, and
# the least and greatest values, which show when the record holds two quantities as one.
QUANTITIES = """
quantity_values AS (
    SELECT metric, population, country, list_sort(places) AS places, period_start, period_end,
           max(period_label) AS period_label, value, count(*) AS mentions,
           min(written_low(text, qualifier, value, low)) AS low, max(written_high(text, qualifier, value, high)) AS high
    FROM current
    WHERE kind = 'count' AND period_start IS NOT NULL AND period_end IS NOT NULL
    GROUP BY metric, population, country, list_sort(places), period_start, period_end, value
),
quantities AS MATERIALIZED (
    SELECT metric, population, country, places, period_start, period_end, max(period_label) AS period_label,
           arg_max(struct_pack(value, low, high), (mentions, value)) AS best,
           min(value) AS min_value, max(value) AS max_value,
           list(value ORDER BY value) AS values_stated
    FROM quantity_values
    GROUP BY metric, population, country, places, period_start, period_end
)"""

STATED_CHANGE = f"""
period_labels AS (
    SELECT period_start, period_end, max(period_label) AS period_label FROM quantities GROUP BY ALL
),
stated_changes AS (
    SELECT f.figure_id, f.attributed_to, f.metric, f.population, f.country, f.text, f.qualifier, f.value AS stated,
           concat_ws(' ', f.metric, f.population, f.country, nullif(array_to_string(list_sort(f.places), ', '), '')) AS quantity,
           coalesce(f.period_label, CAST(f.period_start AS VARCHAR)) AS period_label,
           coalesce(earlier.period_label, l.period_label, CAST(f.comparison_start AS VARCHAR) || '..' || CAST(f.comparison_end AS VARCHAR))
               AS earlier_label,
           f.comparison_start <= f.period_end AND f.comparison_end >= f.period_start AS overlapping,
           cur.best.value AS current_value, cur.best.low AS current_low, cur.best.high AS current_high,
           earlier.best.value AS earlier_value, earlier.best.low AS earlier_low, earlier.best.high AS earlier_high,
           cur.max_value > {SAME_QUANTITY_RATIO} * cur.min_value AS current_ambiguous, cur.values_stated AS current_values,
           earlier.max_value > {SAME_QUANTITY_RATIO} * earlier.min_value AS earlier_ambiguous, earlier.values_stated AS earlier_values,
           r.reported_change_pct AS published_change, r.attributed_to AS publisher, r.note AS published_note
    FROM current f
    LEFT JOIN quantities cur
      ON cur.metric = f.metric AND cur.population IS NOT DISTINCT FROM f.population AND cur.country IS NOT DISTINCT FROM f.country
     AND cur.places = list_sort(f.places) AND cur.period_start = f.period_start AND cur.period_end = f.period_end
    LEFT JOIN quantities earlier
      ON earlier.metric = f.metric AND earlier.population IS NOT DISTINCT FROM f.population
     AND earlier.country IS NOT DISTINCT FROM f.country AND earlier.places = list_sort(f.places)
     AND earlier.period_start = f.comparison_start AND earlier.period_end = f.comparison_end
    LEFT JOIN period_labels l ON l.period_start = f.comparison_start AND l.period_end = f.comparison_end
    -- the publisher's own series states this change for this period: a disagreement it explains
    LEFT JOIN reference_figures r
      ON r.metric = f.metric AND r.country = f.country AND r.population = f.population AND len(f.places) = 0
     AND r.period_start = f.period_start AND r.period_end = f.period_end
     AND abs(r.reported_change_pct - f.value) <= change_half_width(f.text, f.qualifier, f.value)
    WHERE f.kind = 'change' AND f.qualifier <> 'range' AND f.period_start IS NOT NULL AND f.comparison_start IS NOT NULL
      -- a change that gives its own before and after values is tested against them (check_before_after)
      AND f.figure_id NOT IN (SELECT change_id FROM pair_values)
),
judged_changes AS (
    SELECT *,
           CASE WHEN current_value IS NULL OR earlier_value IS NULL OR earlier_value <= 0 OR overlapping
                     OR current_ambiguous OR earlier_ambiguous THEN 'unverifiable'
                WHEN change_agrees(text, qualifier, stated, greatest(earlier_low, 1e-9), earlier_high, current_low, current_high)
                     THEN 'consistent'
                WHEN published_change IS NOT NULL THEN 'explained'
                ELSE 'inconsistent' END AS verdict,
           100.0 * (current_value - earlier_value) / nullif(earlier_value, 0) AS computed
    FROM stated_changes
),
check_stated_change AS (
    SELECT 'stated_change_vs_stored_figures' AS "check", [figure_id] AS figure_ids,
           stated AS expected, round(computed, 1) AS found,
           change_words(text, qualifier, stated) || ' of the change computed from stored figures of the same quantity' AS tolerance,
           verdict,
           format('{{}} stated {{:+g}}% for {{}} ({{}} against {{}}); ', coalesce(attributed_to, 'A source'), stated, quantity,
                  period_label, earlier_label)
           || CASE WHEN overlapping THEN 'the comparison period read overlaps the period itself, so the change cannot be about these two'
                   WHEN current_value IS NULL OR earlier_value IS NULL THEN
                        format('no stored figure covers {{}} for this quantity', CASE WHEN current_value IS NULL THEN period_label ELSE earlier_label END)
                   WHEN current_ambiguous OR earlier_ambiguous THEN
                        format('the stored figures for {{}} are more than {{:g}} times apart ({{}}): the record holds more than one quantity there '
                               '(a subset, another place), so which one the change is about cannot be told',
                               CASE WHEN current_ambiguous THEN period_label ELSE earlier_label END, {SAME_QUANTITY_RATIO},
                               array_to_string(list_transform(CASE WHEN current_ambiguous THEN current_values ELSE earlier_values END,
                                                              lambda v: format('{{:,}}', v::BIGINT)), ', '))
                   WHEN earlier_value <= 0 THEN format('the stored figure for {{}} is 0', earlier_label)
                   WHEN verdict = 'consistent' THEN
                        format('stored figures {{:,}} and {{:,}} give {{:+.1f}}%', current_value::BIGINT, earlier_value::BIGINT, computed)
                   ELSE format('stored figures {{:,}} and {{:,}} give {{:+.1f}}%, {{}}. The stated change implies a baseline of {{:,}} ({{:,}} / {{:.2f}}), '
                               'not {{:,}}: the source may compare with a revised baseline',
                               current_value::BIGINT, earlier_value::BIGINT, computed, change_gap_words(stated, computed),
                               round(current_value / (1 + stated / 100.0))::BIGINT, current_value::BIGINT, 1 + stated / 100.0,
                               earlier_value::BIGINT)
                        || CASE WHEN verdict = 'explained' THEN format('. {{}}''s published series states {{:+g}}% too ({{}})', publisher,
                                                                       published_change, coalesce(published_note, 'no note')) ELSE '' END
              END AS explanation
    FROM judged_changes
)"""

# Breakdown populations nested in one another ("civilians, including children"): a part is
# summed against its total only when no other part of the same total holds it.
def _ancestors(population: str) -> list[str]:
    """The populations that hold `population`, narrowest first: girls -> [children, civilians]."""
    chain = []
    while population in POPULATION_WITHIN:
        population = POPULATION_WITHIN[population]
        chain.append(population)
    return chain


POPULATION_SQL = "CREATE OR REPLACE MACRO population_ancestors(p) AS CASE p {} ELSE []::VARCHAR[] END;".format(
    " ".join(f"WHEN '{p}' THEN {_ancestors(p)!r}" for p in POPULATION_WITHIN)
)

# The files that state a value, named in an explanation: the first three and how many more.
FILES_SQL = """
CREATE OR REPLACE MACRO files_words(files) AS
    array_to_string(list_slice(files, 1, 3), ', ')
    || CASE WHEN len(files) > 3 THEN format(' and {} more', len(files) - 3) ELSE '' END;
"""

PARTS_OF_WHOLE = """
per_document AS (
    SELECT doc_id, attributed_to, population, country, period_start, period_end, period_label, metric,
           min(figure_id) AS figure_id, min(value) AS value
    FROM current
    WHERE kind = 'count' AND qualifier = 'exact' AND period_start IS NOT NULL AND len(places) = 0
    GROUP BY ALL
    HAVING min(value) = max(value)  -- one value: count(DISTINCT value) = 1, as value is never null
),
breakdown_parts AS MATERIALIZED (
    SELECT c.figure_id, c.parent_figure_id, c.metric, c.population, c.places, c.value, c.text, c.qualifier, c.low, c.kind
    FROM current c WHERE c.parent_figure_id IS NOT NULL
),
-- a figure whose breakdown, stated with it, adds up to it and counts more than killed and
-- injured ("640 civilians, of whom 212 killed, 275 injured, 118 abducted and 35 ..."): the
-- sentence's own arithmetic says what the total counts
sentence_totals AS (
    SELECT p.doc_id, p.value, p.period_start, p.period_end,
           list_sort(list(format('{:,} {}', c.value::BIGINT, c.metric))) AS parts
    FROM current p JOIN breakdown_parts c ON c.parent_figure_id = p.figure_id
    WHERE c.kind = 'count'
    GROUP BY p.figure_id, p.doc_id, p.value, p.period_start, p.period_end
    HAVING sum(c.value) = p.value AND count(*) >= 3 AND bool_or(c.metric NOT IN ('killed', 'injured'))
),
sentence_total AS (
    SELECT doc_id, value, period_start, period_end, any_value(parts) AS parts FROM sentence_totals GROUP BY ALL
),
check_killed_injured AS (
    SELECT 'killed_plus_injured_is_casualties' AS "check", [k.figure_id, i.figure_id, c.figure_id] AS figure_ids,
           c.value AS expected, k.value + i.value AS found, 'exact: within 0.5%' AS tolerance,
           CASE WHEN agrees('', 'exact', c.value, c.value, c.value, k.value + i.value) THEN 'consistent'
                WHEN t.parts IS NOT NULL THEN 'unverifiable' ELSE 'inconsistent' END AS verdict,
           format('{} killed + {} injured = {} against {} casualties stated for {} {} ({})',
                  k.value::BIGINT, i.value::BIGINT, (k.value + i.value)::BIGINT, c.value::BIGINT,
                  coalesce(c.population, 'people of no stated population'), coalesce(c.period_label, 'no period'),
                  coalesce(c.attributed_to, 'unattributed'))
           || CASE WHEN agrees('', 'exact', c.value, c.value, c.value, k.value + i.value) THEN ''
                   WHEN t.parts IS NOT NULL THEN format('; but the document states {:,} as the sum of {}: that total counts more '
                                                        'than killed and injured, so the two need not reach it',
                                                        c.value::BIGINT, array_to_string(t.parts, ' + '))
                   ELSE ', ' || gap_words(c.value, k.value + i.value) END AS explanation
    FROM per_document c
    JOIN per_document k ON k.doc_id = c.doc_id AND k.metric = 'killed'
    JOIN per_document i ON i.doc_id = c.doc_id AND i.metric = 'injured'
    LEFT JOIN sentence_total t ON t.doc_id = c.doc_id AND t.value = c.value AND t.period_start = c.period_start AND t.period_end = c.period_end
    WHERE c.metric = 'casualties'
      AND k.population IS NOT DISTINCT FROM c.population AND i.population IS NOT DISTINCT FROM c.population
      AND k.country IS NOT DISTINCT FROM c.country AND i.country IS NOT DISTINCT FROM c.country
      AND k.period_start = c.period_start AND k.period_end = c.period_end
      AND i.period_start = c.period_start AND i.period_end = c.period_end
),
-- the parts of one total, each marked nested when another part of the same total holds it
summed_parts AS (
    SELECT c.*, EXISTS (SELECT 1 FROM breakdown_parts s
                        WHERE s.parent_figure_id = c.parent_figure_id AND s.metric = c.metric
                          AND list_contains(population_ancestors(c.population), s.population)) AS nested
    FROM breakdown_parts c
    WHERE c.kind = 'count' AND c.qualifier IN ('exact', 'at_least')
),
check_parts_at_most_parent AS (
    SELECT 'breakdown_parts_within_total' AS "check", list_prepend(p.figure_id, list_sort(list(c.figure_id))) AS figure_ids,
           p.value AS expected, sum(c.value) FILTER (WHERE NOT c.nested) AS found,
           'parts, one level of the breakdown, sum to at most their total' AS tolerance,
           CASE WHEN sum(written_low(c.text, c.qualifier, c.value, c.low)) FILTER (WHERE NOT c.nested)
                     <= CASE WHEN p.qualifier = 'at_least' THEN p.value ELSE written_high(p.text, p.qualifier, p.value, p.high) END
                THEN 'consistent' ELSE 'inconsistent' END AS verdict,
           format('{} parts of {} {} {} ({}) sum to {}', count(*) FILTER (WHERE NOT c.nested), p.value::BIGINT, p.metric,
                  coalesce(p.population, 'of no stated population'), p.text, (sum(c.value) FILTER (WHERE NOT c.nested))::BIGINT)
           || CASE WHEN bool_or(c.nested) THEN format(' ({} counted within another part, not again)',
                    array_to_string(list_sort(list(format('{:,} {}', c.value::BIGINT, c.population)) FILTER (WHERE c.nested)), ', '))
                   ELSE '' END
           || CASE WHEN sum(written_low(c.text, c.qualifier, c.value, c.low)) FILTER (WHERE NOT c.nested)
                     <= CASE WHEN p.qualifier = 'at_least' THEN p.value ELSE written_high(p.text, p.qualifier, p.value, p.high) END
                   THEN '' ELSE ', more than the total: ' || gap_words(p.value, sum(c.value) FILTER (WHERE NOT c.nested)) END AS explanation
    FROM summed_parts c JOIN current p ON p.figure_id = c.parent_figure_id
    WHERE c.metric = p.metric AND c.population IS DISTINCT FROM p.population
    GROUP BY p.figure_id, p.value, p.metric, p.population, p.text, p.qualifier, p.high
),
check_children_women AS (
    SELECT 'children_plus_women_within_civilians' AS "check", [ch.figure_id, w.figure_id, cv.figure_id] AS figure_ids,
           cv.value AS expected, ch.value + w.value AS found, 'children + women at most civilians' AS tolerance,
           CASE WHEN ch.value + w.value <= cv.value THEN 'consistent' ELSE 'inconsistent' END AS verdict,
           format('{} children + {} women = {} against {} civilians {} in {}', ch.value::BIGINT, w.value::BIGINT,
                  (ch.value + w.value)::BIGINT, cv.value::BIGINT, cv.metric, coalesce(cv.period_label, 'no period'))
           || CASE WHEN ch.value + w.value <= cv.value THEN '' ELSE ', ' || gap_words(cv.value, ch.value + w.value) END AS explanation
    FROM per_document cv
    JOIN per_document ch ON ch.doc_id = cv.doc_id AND ch.population = 'children' AND ch.metric = cv.metric
                        AND ch.period_start = cv.period_start AND ch.period_end = cv.period_end
    JOIN per_document w ON w.doc_id = cv.doc_id AND w.population = 'women' AND w.metric = cv.metric
                       AND w.period_start = cv.period_start AND w.period_end = cv.period_end
    WHERE cv.population = 'civilians'
)"""

AGAINST_REFERENCE = f"""
check_reference AS (
    -- a reference series is national: a figure for a place within the country is not tested against it
    SELECT 'figure_vs_reference' AS "check", [f.figure_id] AS figure_ids,
           r.value AS expected, f.value AS found, tolerance_words(f.text, f.qualifier) AS tolerance,
           CASE WHEN agrees(f.text, f.qualifier, f.value, f.low, f.high, r.value) THEN 'consistent' ELSE 'inconsistent' END AS verdict,
           format('"{{}}" ({{}}) {{}} {{}}''s published {{:,}} ({{}}, {{}})', f.text,
                  concat_ws(' ', f.metric, f.population, f.country, f.period_label),
                  CASE WHEN agrees(f.text, f.qualifier, f.value, f.low, f.high, r.value) THEN 'agrees with' ELSE 'disagrees with' END,
                  r.attributed_to, r.value::BIGINT, r.series, coalesce(r.note, 'no note'))
           || CASE WHEN agrees(f.text, f.qualifier, f.value, f.low, f.high, r.value) THEN ''
                   ELSE '; ' || gap_words(r.value, f.value) END AS explanation
    FROM current f
    JOIN reference_figures r
      ON r.metric = f.metric AND r.country = f.country AND r.period_start = f.period_start AND r.period_end = f.period_end
     AND (f.population = r.population OR f.population = 'people')
     AND (f.attributed_to IS NULL OR f.attributed_to = r.attributed_to)
    WHERE f.kind = 'count' AND len(f.places) = 0
),
-- Restatements: the count claims (the rows of `claims` with kind 'count' and a period) stated more
-- than once, value by value; a breakdown part of a figure of the same quantity is a subset, not a
-- restatement. Grouped straight from the figures, so no figure is looked up in a claim's list.
subset_parts AS (
    SELECT c.figure_id FROM breakdown_parts c JOIN current p ON p.figure_id = c.parent_figure_id
    WHERE p.metric = c.metric AND p.population IS NOT DISTINCT FROM c.population AND list_sort(p.places) = list_sort(c.places)
),
count_figures AS MATERIALIZED (
    SELECT attributed_to AS source, metric, population, country,
           CASE WHEN len(places) = 0 THEN '' ELSE array_to_string(list_sort(places), ', ') END AS place,
           period_label, period_start, period_end, value,
           stated_low(text, qualifier, value, low) AS low, stated_high(text, qualifier, value, high) AS high,
           figure_id, document_number, regexp_extract(path, '[^/\\\\]+$') AS file
    FROM current
    WHERE kind = 'count' AND period_start IS NOT NULL AND period_end IS NOT NULL
      AND figure_id NOT IN (SELECT figure_id FROM subset_parts)
),
restated_claims AS MATERIALIZED (
    SELECT source, metric, population, country, place, period_label, period_start, period_end,
           list_unique(list(document_number)) AS claim_documents
    FROM count_figures
    GROUP BY ALL
    HAVING list_unique(list(document_number)) > 1 OR min(value) <> max(value)  -- value is never null
),
claim_values AS MATERIALIZED (
    SELECT f.source, f.metric, f.population, f.country, f.place, f.period_label, f.period_start, f.period_end, f.value,
           min(f.low) AS low, max(f.high) AS high,
           any_value(c.claim_documents) AS claim_documents,
           list_sort(list(f.figure_id)) AS figure_ids,  -- sorting each short list beats an ordered aggregate
           list_unique(list(f.document_number)) AS documents,
           list_sort(list_distinct(list(f.document_number))) AS document_numbers,
           list_sort(list_distinct(list(f.file))) AS files
    FROM count_figures f
    JOIN restated_claims c
      ON c.source IS NOT DISTINCT FROM f.source AND c.metric = f.metric AND c.population IS NOT DISTINCT FROM f.population
     AND c.country IS NOT DISTINCT FROM f.country AND c.place = f.place
     AND c.period_label IS NOT DISTINCT FROM f.period_label AND c.period_start = f.period_start AND c.period_end = f.period_end
    GROUP BY f.source, f.metric, f.population, f.country, f.place, f.period_label, f.period_start, f.period_end, f.value
),
reference_values AS (
    SELECT metric, country, population, period_start, period_end, max(value) AS reference
    FROM reference_figures GROUP BY ALL
),
-- per claim, the value to hold the others against: the one the reference supports, else the
-- one most documents state
expected_values AS MATERIALIZED (
    SELECT v.source, v.metric, v.population, v.country, v.place, v.period_label, v.period_start, v.period_end,
           any_value(r.reference) AS reference, any_value(v.claim_documents) AS claim_documents,
           arg_max(struct_pack(value := v.value, low := v.low, high := v.high, documents := v.documents, files := v.files,
                               figure_ids := v.figure_ids, document_numbers := v.document_numbers),
                   (coalesce(r.reference BETWEEN v.low AND v.high, false), v.documents, len(v.figure_ids), v.value)) AS e,
           list(v.figure_ids) AS all_figure_ids,
           list(v.value ORDER BY v.value) AS values_stated
    FROM claim_values v
    LEFT JOIN reference_values r
      ON v.place = '' AND r.metric = v.metric AND r.country = v.country AND r.population = v.population
     AND r.period_start = v.period_start AND r.period_end = v.period_end
    GROUP BY v.source, v.metric, v.population, v.country, v.place, v.period_label, v.period_start, v.period_end
),
-- one row per claim and value that its wording cannot reconcile with the expected one
disagreements AS MATERIALIZED (
    SELECT x.*, v.value, v.documents, v.files, v.figure_ids,
           greatest(v.value, x.e.value) > {SAME_QUANTITY_RATIO} * least(v.value, x.e.value) AS far_apart,
           -- both values stated by one document only, further apart than a slip
           len(v.document_numbers) = 1 AND v.document_numbers = x.e.document_numbers
               AND abs(v.value - x.e.value) > {GROSS_RELATIVE} * greatest(abs(x.e.value), 1) AS one_document_apart
    FROM claim_values v
    JOIN expected_values x
      ON x.source IS NOT DISTINCT FROM v.source AND x.metric = v.metric AND x.population IS NOT DISTINCT FROM v.population
     AND x.country IS NOT DISTINCT FROM v.country AND x.place = v.place
     AND x.period_label IS NOT DISTINCT FROM v.period_label AND x.period_start = v.period_start AND x.period_end = v.period_end
    WHERE v.value <> x.e.value AND NOT (v.low <= x.e.high AND x.e.low <= v.high)
),
check_restatements AS (
    SELECT 'same_quantity_stated_differently' AS "check", e.figure_ids || figure_ids AS figure_ids,
           e.value AS expected, value AS found, 'each value within what its wording allows' AS tolerance,
           CASE WHEN far_apart OR one_document_apart THEN 'unverifiable' ELSE 'inconsistent' END AS verdict,
           format('{{}} attributed to {{}}: {{}} document(s) state {{:,}} ({{}}), {{}} document(s) state {{:,}} ({{}}); {{}}; {{}}',
                  concat_ws(' ', metric, population, country, nullif(place, ''), period_label), coalesce(source, 'no source'),
                  e.documents, e.value::BIGINT, files_words(e.files), documents, value::BIGINT, files_words(files),
                  CASE WHEN reference IS NULL THEN 'no reference series covers it'
                       WHEN reference BETWEEN e.low AND e.high THEN format('{{:,}} agrees with the reference', e.value::BIGINT)
                       ELSE format('neither agrees with the reference {{:,}}', reference::BIGINT) END,
                  CASE WHEN far_apart THEN format('more than {{:g}} times apart: likely two quantities the record does not tell '
                                                  'apart (a subset, another place or date), not one restated', {SAME_QUANTITY_RATIO})
                       WHEN one_document_apart THEN format('one document states both, {{}}: more than a slip apart, so likely two '
                                                           'quantities it tells apart and the record does not (an incident and a '
                                                           'total, another place or date)', gap_words(e.value, value))
                       ELSE gap_words(e.value, value) END) AS explanation
    FROM disagreements
)"""

AGREEING_RESTATEMENTS = """
check_agreeing_restatements AS (
    SELECT 'same_quantity_stated_differently' AS "check", list_sort(flatten(all_figure_ids)) AS figure_ids,
           e.value AS expected, e.value AS found, 'each value within what its wording allows' AS tolerance,
           'consistent' AS verdict,
           format('{} attributed to {}: {} documents all state {}', concat_ws(' ', metric, population, country, nullif(place, ''), period_label),
                  coalesce(source, 'no source'), claim_documents,
                  CASE WHEN len(values_stated) = 1 THEN format('{:,}', e.value::BIGINT)
                       ELSE array_to_string(list_transform(values_stated, lambda v: format('{:,}', v::BIGINT)), ', ')
                            || ', which their wording reconciles' END) AS explanation
    FROM expected_values x
    WHERE claim_documents > 1
      AND NOT EXISTS (SELECT 1 FROM disagreements d
                      WHERE d.source IS NOT DISTINCT FROM x.source AND d.metric = x.metric AND d.population IS NOT DISTINCT FROM x.population
                        AND d.country IS NOT DISTINCT FROM x.country AND d.place = x.place
                        AND d.period_label IS NOT DISTINCT FROM x.period_label AND d.period_start = x.period_start
                        AND d.period_end = x.period_end)
)"""

BEFORE_AFTER = """
-- the "before" and "after" figures of "from 507 to 202"; the substring test skips parsing the
-- evidence of every other figure (a pair is written as its word, so it contains it)
paired_figures AS MATERIALIZED (
    SELECT figure_id, doc_id, sentence, char_start, value, text, qualifier, low, high,
           json_extract_string(evidence, '$.pair') AS pair
    FROM current
    WHERE (contains(evidence, 'before') OR contains(evidence, 'after'))
      AND json_extract_string(evidence, '$.pair') IN ('before', 'after')
),
-- each stated change with the first "before" after it in its sentence
pairs AS (
    SELECT c.figure_id AS change_id, c.doc_id, c.char_end, c.value AS stated, c.text, c.qualifier, c.metric, c.population,
           arg_min(struct_pack(b.figure_id, b.doc_id, b.sentence, b.char_start, b.value, b.text, b.qualifier, b.low, b.high),
                   b.char_start) AS before
    FROM current c
    JOIN paired_figures b ON b.doc_id = c.doc_id AND b.sentence = c.sentence AND b.char_start > c.char_start
    WHERE c.kind = 'change' AND b.pair = 'before'
    GROUP BY c.figure_id, c.doc_id, c.char_end, c.value, c.text, c.qualifier, c.metric, c.population
),
-- a pair is the change's own only when no number but a year stands between them ("up 24% since
-- 2023 (from 520 to 630)"); "a 12% rise in incidents (150 to 168) and a 6% fall in victims (from 700 to 658)"
-- pairs 6%, not 12%, with 700 and 658
own_pairs AS (
    SELECT p.* FROM pairs p JOIN documents d ON d.doc_id = p.doc_id
    WHERE NOT regexp_matches(regexp_replace(substr(d.body, p.char_end + 1, p.before.char_start - p.char_end),
                                            '\\b(19|20)[0-9][0-9]\\b', '', 'g'), '[0-9]')  -- a year may stand between
),
pair_values AS MATERIALIZED (
    SELECT p.change_id, p.stated, p.text, p.qualifier, p.metric, p.population, p.before.figure_id AS before_id,
           p.before.value AS before_value,
           written_low(p.before.text, p.before.qualifier, p.before.value, p.before.low) AS before_low,
           written_high(p.before.text, p.before.qualifier, p.before.value, p.before.high) AS before_high,
           a.figure_id AS after_id, a.value AS after_value,
           written_low(a.text, a.qualifier, a.value, a.low) AS after_low, written_high(a.text, a.qualifier, a.value, a.high) AS after_high
    FROM own_pairs p
    JOIN paired_figures a ON a.doc_id = p.before.doc_id AND a.sentence = p.before.sentence
                         AND a.char_start > p.before.char_start AND a.pair = 'after'
    QUALIFY row_number() OVER (PARTITION BY p.change_id ORDER BY a.char_start) = 1
),
check_before_after AS (
    SELECT 'before_after_vs_stated_change' AS "check", [change_id, before_id, after_id] AS figure_ids,
           stated AS expected, round(100.0 * (after_value - before_value) / nullif(before_value, 0), 1) AS found,
           change_words(text, qualifier, stated) || ', with the rounding of both values' AS tolerance,
           CASE WHEN before_value <= 0 THEN 'unverifiable'
                WHEN change_agrees(text, qualifier, stated, greatest(before_low, 1e-9), before_high, after_low, after_high) THEN 'consistent'
                ELSE 'inconsistent' END AS verdict,
           CASE WHEN before_value <= 0 THEN format('from {:,} to {:,}: no percent change from 0, against the {:+g}% stated for {}',
                                                   before_value::BIGINT, after_value::BIGINT, stated, concat_ws(' ', metric, population))
                ELSE format('from {:,} to {:,} is {:+.1f}% against the {:+g}% ("{}") stated for {}', before_value::BIGINT,
                            after_value::BIGINT, 100.0 * (after_value - before_value) / before_value, stated, text,
                            concat_ws(' ', metric, population))
                     || CASE WHEN change_agrees(text, qualifier, stated, greatest(before_low, 1e-9), before_high, after_low, after_high)
                             THEN '' ELSE ', ' || change_gap_words(stated, 100.0 * (after_value - before_value) / before_value) END
           END AS explanation
    FROM pair_values
)"""

CLAIM_CHECKS = f"""
CREATE OR REPLACE TABLE claim_checks AS
WITH {CURRENT},
{QUANTITIES},
{BEFORE_AFTER},
{STATED_CHANGE},
{PARTS_OF_WHOLE},
{AGAINST_REFERENCE},
{AGREEING_RESTATEMENTS}
SELECT * FROM check_stated_change
UNION ALL SELECT * FROM check_killed_injured
UNION ALL SELECT * FROM check_parts_at_most_parent
UNION ALL SELECT * FROM check_children_women
UNION ALL SELECT * FROM check_reference
UNION ALL SELECT * FROM check_restatements
UNION ALL SELECT * FROM check_agreeing_restatements
UNION ALL SELECT * FROM check_before_after
"""


CHECK_NAMES = (
    "stated_change_vs_stored_figures",
    "killed_plus_injured_is_casualties",
    "breakdown_parts_within_total",
    "children_plus_women_within_civilians",
    "figure_vs_reference",
    "same_quantity_stated_differently",
    "before_after_vs_stated_change",
)


def check_summary(name: str, checked: int, inconsistent: int, explained: int, unverifiable: int,
                  first: list[str], shown: int = 3) -> str:
    """One claim check's result in words, for the Dagster UI beside its status: how many of the
    `checked` rows are inconsistent, with the first `shown` of `first` (their explanations) inline,
    or that none is; explained and unverifiable rows are counted after."""
    if checked == 0:
        return f"Nothing in the warehouse is tested by `{name}` yet."
    if inconsistent:
        text = f"{inconsistent} of {checked} `{name}` checks inconsistent: " + "; ".join(first[:shown])
        if inconsistent > shown:
            text += f"; and {inconsistent - shown} more"
    else:
        text = f"None of {checked} `{name}` checks is inconsistent"
    others = [f"{n} {verdict}" for n, verdict in ((explained, "explained by the reference series"),
                                                  (unverifiable, "unverifiable")) if n]
    return text + (f" ({', '.join(others)})" if others else "") + "."


def _create_macros(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(TOLERANCE_SQL)
    con.execute(POPULATION_SQL)
    con.execute(FILES_SQL)


def refresh_claim_checks(con: duckdb.DuckDBPyConnection) -> None:
    """Compute `claim_checks` again from the figures as they are now, and store it."""
    _create_macros(con)
    store_view_as_table(con, "claim_checks", CLAIM_CHECKS.replace(
        "CREATE OR REPLACE TABLE claim_checks AS", "CREATE OR REPLACE VIEW claim_checks AS", 1))


def create_claim_views(con: duckdb.DuckDBPyConnection) -> None:
    """The `claims` and `claim_checks` tables, computed from the figures as they are now and
    stored in one transaction; each run refreshes them after loading, so a query reads rows.

    They are tables, not views: `claims` groups every current figure, and the claim checks join
    every figure with its restatements and the reference series, which is cheap once, but DuckDB
    can plan it badly under a filter and a limit (`WHERE verdict = 'inconsistent' LIMIT 20`, the
    query analysts start with)."""
    con.execute("BEGIN TRANSACTION")
    try:
        _create_macros(con)
        store_view_as_table(con, "claims", CLAIMS)
        refresh_claim_checks(con)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
