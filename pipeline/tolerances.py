"""How far a stated figure may be from what it is checked against and still agree.

Written down once: the claim checks' SQL is rendered from these, and the docs quote them.
The tolerance follows from the wording of each figure (statcheck's rule: a reported value is
consistent with anything its rounding allows): exact digits within 0.5%; a rounded number
("2.1 million") within half a unit of its last digit; "about", "some" within 5%; at_least and
at_most as bounds (vague amounts such as "thousands" are read as at_least their floor); ranges
as intervals; a stated percent change within 1 point, and a multiplier or fraction written as
a word ("tenfold", "a third") within what the word implies.
"""

EXACT_RELATIVE = 0.005  # an exact figure agrees within 0.5%
APPROXIMATE_RELATIVE = 0.05  # "approximately", "about", "some": within 5%
CHANGE_POINTS = 1.0  # a stated percent change agrees with a computed one within 1 point
# "tenfold", "doubled", "sixfold": a whole multiple covers half a multiple either side
# (tenfold is x9.5 to x10.5); other words ("a third", "a sixth") are read within 5% of the ratio.
MULTIPLE_HALF_WIDTH = 0.5
# Two statements of "one" quantity more than this factor apart are two quantities the record
# does not tell apart (a subset such as one cause, another place, another date), not a restatement.
SAME_QUANTITY_RATIO = 2.0
# A disagreement is gross when the gap is beyond this share of the expected value (or this many
# points of a change), marginal otherwise (a slip of a digit, a late revision).
GROSS_RELATIVE = 0.05
GROSS_POINTS = 5.0

TOLERANCE_SQL = f"""
-- half a unit of the last digit written before a scale word: "2.1 million" is 2,050,000 to
-- 2,150,000, "9.6 thousand" 9,550 to 9,650; 0 for figures written in full
CREATE OR REPLACE MACRO rounding_grain(text) AS
    CASE WHEN regexp_matches(text, '(?i)(thousand|million|billion)') THEN
        0.5 * power(10, -length(regexp_extract(text, '[0-9][.]([0-9]+)', 1)))
            * CASE WHEN regexp_matches(text, '(?i)billion') THEN 1e9
                   WHEN regexp_matches(text, '(?i)million') THEN 1e6 ELSE 1e3 END
    ELSE 0 END;
-- the interval a stated count allows, from its wording
CREATE OR REPLACE MACRO stated_low(text, qualifier, value, low) AS
    CASE qualifier
        WHEN 'exact' THEN value - greatest({EXACT_RELATIVE} * greatest(abs(value), 1), rounding_grain(text))
        WHEN 'approximately' THEN value - greatest({APPROXIMATE_RELATIVE} * greatest(abs(value), 1), rounding_grain(text))
        WHEN 'at_most' THEN CAST('-infinity' AS DOUBLE)
        ELSE coalesce(low, value) - rounding_grain(text)
    END;
CREATE OR REPLACE MACRO stated_high(text, qualifier, value, high) AS
    CASE qualifier
        WHEN 'exact' THEN value + greatest({EXACT_RELATIVE} * greatest(abs(value), 1), rounding_grain(text))
        WHEN 'approximately' THEN value + greatest({APPROXIMATE_RELATIVE} * greatest(abs(value), 1), rounding_grain(text))
        WHEN 'at_least' THEN CAST('infinity' AS DOUBLE)
        ELSE coalesce(high, value) + rounding_grain(text)
    END;
-- the interval the writing alone allows (its rounding), for arithmetic within one text: a
-- change computed from two counts, the parts of a breakdown
CREATE OR REPLACE MACRO written_low(text, qualifier, value, low) AS
    CASE qualifier WHEN 'exact' THEN value - rounding_grain(text) ELSE stated_low(text, qualifier, value, low) END;
CREATE OR REPLACE MACRO written_high(text, qualifier, value, high) AS
    CASE qualifier WHEN 'exact' THEN value + rounding_grain(text) ELSE stated_high(text, qualifier, value, high) END;
CREATE OR REPLACE MACRO agrees(text, qualifier, value, low, high, other) AS
    other BETWEEN stated_low(text, qualifier, value, low) AND stated_high(text, qualifier, value, high);
CREATE OR REPLACE MACRO tolerance_words(text, qualifier) AS
    CASE qualifier
        WHEN 'exact' THEN 'exact: within {EXACT_RELATIVE:.1%}'
        WHEN 'approximately' THEN 'approximately: within {APPROXIMATE_RELATIVE:.0%}'
        WHEN 'at_least' THEN 'at least: a lower bound'
        WHEN 'at_most' THEN 'at most: an upper bound'
        WHEN 'range' THEN 'range: the interval low..high'
    END || CASE WHEN rounding_grain(text) > 0
                THEN format(', or the rounding of "{{}}" (±{{:,}})', text, rounding_grain(text)::BIGINT) ELSE '' END;
-- how many points either side a stated percent change covers: a multiplier or fraction written
-- as a word covers what the word implies, "about 20%" 5% of itself, digits {CHANGE_POINTS:g} point
CREATE OR REPLACE MACRO change_half_width(text, qualifier, stated) AS
    CASE WHEN NOT regexp_matches(text, '[0-9]') THEN
             CASE WHEN 1 + stated / 100.0 >= 2 AND 1 + stated / 100.0 = round(1 + stated / 100.0)
                  THEN 100 * {MULTIPLE_HALF_WIDTH} ELSE 100 * {APPROXIMATE_RELATIVE} * abs(1 + stated / 100.0) END
         WHEN qualifier = 'approximately' THEN greatest({CHANGE_POINTS}, {APPROXIMATE_RELATIVE} * abs(stated))
         ELSE {CHANGE_POINTS} END;
CREATE OR REPLACE MACRO change_low(text, qualifier, stated) AS
    CASE WHEN qualifier = 'at_most' THEN CAST('-infinity' AS DOUBLE) ELSE stated - change_half_width(text, qualifier, stated) END;
CREATE OR REPLACE MACRO change_high(text, qualifier, stated) AS
    CASE WHEN qualifier = 'at_least' THEN CAST('infinity' AS DOUBLE) ELSE stated + change_half_width(text, qualifier, stated) END;
CREATE OR REPLACE MACRO change_words(text, qualifier, stated) AS
    CASE WHEN NOT regexp_matches(text, '[0-9]') THEN format('"{{}}": within {{:g}} points, what the word implies', text,
                                                            round(change_half_width(text, qualifier, stated), 1))
         ELSE format('within {{:g}} point(s)', round(change_half_width(text, qualifier, stated), 1)) END
    || CASE qualifier WHEN 'at_least' THEN ', or more' WHEN 'at_most' THEN ', or less' ELSE '' END;
-- a stated change against the change two intervals of counts allow (before > 0)
CREATE OR REPLACE MACRO change_agrees(text, qualifier, stated, before_low, before_high, after_low, after_high) AS
    change_low(text, qualifier, stated) <= 100.0 * (after_high / before_low - 1)
    AND 100.0 * (after_low / before_high - 1) <= change_high(text, qualifier, stated);
-- how far off, in words: the gap, and whether it is gross or marginal
CREATE OR REPLACE MACRO gap_words(expected, found) AS
    format('off by {{:,}} ({{:.1f}}%), {{}}', (found - expected)::BIGINT, 100.0 * abs(found - expected) / greatest(abs(expected), 1),
           CASE WHEN abs(found - expected) > {GROSS_RELATIVE} * greatest(abs(expected), 1)
                THEN 'gross: beyond any rounding of the words used' ELSE 'marginal: the size of a slip or a revision' END);
CREATE OR REPLACE MACRO change_gap_words(stated, computed) AS
    format('{{:.1f}} points apart, {{}}', abs(stated - computed),
           CASE WHEN abs(stated - computed) > {GROSS_POINTS} THEN 'gross: beyond any rounding of the words used'
                ELSE 'marginal: the size of a slip or a revision' END);
"""
