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
