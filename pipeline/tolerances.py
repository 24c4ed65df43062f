"""How far a stated figure may be from what it is checked against and still agree.

Written down once: the claim checks' SQL is rendered from these, and the docs quote them.
"""

EXACT_RELATIVE = 0.005  # an exact figure agrees within 0.5%
APPROXIMATE_RELATIVE = 0.05  # "approximately", "about", "some": within 5%
CHANGE_POINTS = 1.0  # a stated percent change agrees with a computed one within 1 point
# at_least and at_most are bounds (the other value must lie on the right side); a range is an
# interval [low, high].

TOLERANCE_SQL = f"""
CREATE OR REPLACE MACRO agrees(qualifier, value, low, high, other) AS
    CASE qualifier
        WHEN 'exact' THEN abs(other - value) <= {EXACT_RELATIVE} * greatest(abs(value), 1)
        WHEN 'approximately' THEN abs(other - value) <= {APPROXIMATE_RELATIVE} * greatest(abs(value), 1)
        WHEN 'at_least' THEN other >= low
        WHEN 'at_most' THEN other <= high
        WHEN 'range' THEN other BETWEEN low AND high
    END;
CREATE OR REPLACE MACRO tolerance_words(qualifier) AS
    CASE qualifier
        WHEN 'exact' THEN 'exact: within {EXACT_RELATIVE:.1%}'
        WHEN 'approximately' THEN 'approximately: within {APPROXIMATE_RELATIVE:.0%}'
        WHEN 'at_least' THEN 'at least: a lower bound'
        WHEN 'at_most' THEN 'at most: an upper bound'
        WHEN 'range' THEN 'range: the interval low..high'
    END;
"""
