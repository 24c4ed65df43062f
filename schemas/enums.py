"""Enumerated values of the reported-figure record (the spec's contract with users and scorers)."""

KINDS = ("count", "change", "share")

QUALIFIERS = ("exact", "approximately", "at_least", "at_most", "range")

METRICS = (
    "killed",
    "injured",
    "casualties",
    "displaced",
    "refugees",
    "in_need",
    "affected",
    "abducted",
    "missing",
    "detained",
    "fighters",
    "armed_groups",
    "attacks",
)

POPULATIONS = (
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "girls",
    "boys",
    "women_children",
    "combatants",
    "security_forces",
    "foreign",
    "humanitarian_workers",
    "health_workers",
    "journalists",
)

# Which population another one falls within, for breakdowns nested in one sentence ("228
# civilians, including 64 children and 41 women, and 37 fighters"): only the widest parts are
# summed against a total. Girls and boys are children; the rest are civilians.
POPULATION_WITHIN = {
    "girls": "children",
    "boys": "children",
    "children": "civilians",
    "women": "civilians",
    "men": "civilians",
    "women_children": "civilians",
    "humanitarian_workers": "civilians",
    "health_workers": "civilians",
    "journalists": "civilians",
}
