"""Word tables the extractor reads: numbers, qualifiers, metrics, populations, exclusions.

Kept as data, apart from the code that uses them, so a new wording is one line here.
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBREVIATIONS = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# Vague amounts, read conservatively (ACLED's convention): value = low, no upper bound.
VAGUE_AMOUNTS = {
    ("dozens",): 24,
    ("scores",): 40,
    ("hundreds",): 200,
    ("thousands",): 2_000,
    ("tens", "of", "thousands"): 20_000,
    ("hundreds", "of", "thousands"): 200_000,
    ("millions",): 2_000_000,
}

# Fractions of a whole: shares ("half of the victims") and changes ("up by a third").
FRACTIONS = {
    ("half",): 50.0,
    ("a", "half"): 50.0,
    ("one", "half"): 50.0,
    ("a", "third"): 100 / 3,
    ("one", "third"): 100 / 3,
    ("two", "thirds"): 200 / 3,
    ("two", "-", "thirds"): 200 / 3,
    ("a", "quarter"): 25.0,
    ("one", "quarter"): 25.0,
    ("three", "quarters"): 75.0,
    ("three", "-", "quarters"): 75.0,
    ("a", "fifth"): 20.0,
    ("one", "fifth"): 20.0,
    ("a", "sixth"): 100 / 6,
    ("a", "tenth"): 10.0,
}
ONE_IN = {"two": 50.0, "three": 100 / 3, "four": 25.0, "five": 20.0, "ten": 10.0}

# Multipliers: the percent change they state.
MULTIPLIER_WORDS = {
    "doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0,
    "halved": -50.0, "twice": 100.0, "doubling": 100.0, "tripling": 200.0,
}
FOLD_PREFIXES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "hundred": 100,
}

PERCENT_WORDS = (("%",), ("percent",), ("per", "cent"), ("pc",), ("percentage", "points"))

# Qualifier phrases standing before a number, longest first when matched.
QUALIFIERS_BEFORE = {
    "approximately": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "estimated at": "approximately",
    "circa": "approximately",
    "more than": "at_least",
    "more": "at_least",
    "over": "at_least",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "in excess of": "at_least",
    "upwards of": "at_least",
    "exceeds": "at_least",
    "exceeded": "at_least",
    "exceeding": "at_least",
    "surpassed": "at_least",
    "a minimum of": "at_least",
    "nearly": "at_most",
    "almost": "at_most",
    "up to": "at_most",
    "fewer than": "at_most",
    "less than": "at_most",
    "close to": "at_most",
    "just under": "at_most",
    "under": "at_most",
    "as many as": "at_most",
    "at most": "at_most",
    "a maximum of": "at_most",
}
QUALIFIER_PHRASES = {tuple(k.split()): v for k, v in QUALIFIERS_BEFORE.items()}
QUALIFIERS_AFTER = {("or", "more"): "at_least", ("plus",): "at_least", ("or", "so"): "approximately"}

# Direction words that give a change its sign.
INCREASE_WORDS = frozenset(
    "increase increased increases increasing rise rose risen rises rising up surge surged "
    "surging jump jumped grew grown growth higher more climbed climb spike spiked soared".split()
)
DECREASE_WORDS = frozenset(
    "decrease decreased decreases decreasing drop dropped drops fall fell fallen falling down "
    "decline declined declines declining dip dipped reduction reduced reduce lower fewer less "
    "cut plunged plummeted".split()
)

# metric cues: single words, and phrases (checked first).
METRIC_PHRASES = {
    ("lost", "their", "lives", "or", "were", "injured"): "casualties",
    ("lost", "their", "lives", "or", "were", "wounded"): "casualties",
    ("killed", "or", "injured"): "casualties",
    ("killed", "and", "injured"): "casualties",
    ("killed", "or", "wounded"): "casualties",
    ("killed", "and", "wounded"): "casualties",
    ("dead", "and", "injured"): "casualties",
    ("dead", "or", "injured"): "casualties",
    ("deaths", "and", "injuries"): "casualties",
    ("deaths", "or", "injuries"): "casualties",
    ("killed", "or", "maimed"): "casualties",
    ("killed", "and", "maimed"): "casualties",
    ("lost", "their", "lives"): "killed",
    ("lost", "his", "life"): "killed",
    ("lost", "her", "life"): "killed",
    ("death", "toll"): "killed",
    ("fatality", "toll"): "killed",
    ("in", "need"): "in_need",
    ("humanitarian", "assistance"): "in_need",
    ("assistance", "to"): "in_need",
    ("taken", "into", "custody"): "detained",
    ("forced", "to", "flee"): "displaced",
    ("fled", "the", "country"): "refugees",
    ("fleeing", "the", "country"): "refugees",
    ("fled", "abroad"): "refugees",
    ("fled", "to"): "displaced",
    ("asylum", "seekers"): "refugees",
    ("armed", "groups"): "armed_groups",
    ("sexual", "violence"): "affected",
    ("food", "insecurity"): "affected",
    ("out", "of", "school"): "affected",
    ("security", "incidents"): "attacks",
    ("claimed", "lives"): "killed",
}
METRIC_WORDS = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "death": "killed",
    "fatalities": "killed", "fatality": "killed", "died": "killed", "martyred": "killed",
    "martyrs": "killed", "bodies": "killed", "lives": "killed", "perished": "killed",
    "murdered": "killed", "executed": "killed", "killings": "killed",
    "injured": "injured", "wounded": "injured", "injuries": "injured", "injury": "injured",
    "maimed": "injured", "hurt": "injured",
    "casualties": "casualties", "casualty": "casualties", "causalities": "casualties",
    "displaced": "displaced", "displacement": "displaced", "idps": "displaced", "fled": "displaced",
    "uprooted": "displaced",
    "refugees": "refugees",
    "abducted": "abducted", "abductions": "abducted", "kidnapped": "abducted",
    "kidnappings": "abducted", "abduction": "abducted",
    "missing": "missing", "disappeared": "missing",
    "detained": "detained", "arrested": "detained", "arrests": "detained",
    "detentions": "detained", "detainees": "detained", "imprisoned": "detained",
    "fighters": "fighters", "militants": "fighters", "combatants": "fighters",
    "adherents": "fighters", "insurgents": "fighters", "jihadists": "fighters",
    "attacks": "attacks", "incidents": "attacks", "airstrikes": "attacks", "strikes": "attacks",
    "raids": "attacks", "bombings": "attacks", "explosions": "attacks",
    "affected": "affected", "victims": "affected", "hunger": "affected", "malnourished": "affected",
    "cases": "affected", "starvation": "affected", "orphaned": "affected", "sick": "affected",
}
# "groups" counts armed groups only where the words around it are about armed violence.
GROUP_WORDS = frozenset("groups organisations organizations factions".split())
ARMED_CONTEXT = frozenset(
    "armed terrorist terrorists militant militants fighters jihadist extremist insurgent rebel "
    "rebels".split()
)

POPULATION_WORDS = {
    "civilians": "civilians", "civilian": "civilians", "villagers": "civilians",
    "children": "children", "child": "children", "minors": "children", "kids": "children",
    "women": "women", "woman": "women",
    "men": "men", "man": "men",
    "girls": "girls", "girl": "girls", "boys": "boys", "boy": "boys",
    "soldiers": "security_forces", "troops": "security_forces", "police": "security_forces",
    "policemen": "security_forces", "officers": "security_forces",
    "journalists": "journalists", "reporters": "journalists",
    "foreign": "foreign", "foreigners": "foreign",
    "people": "people", "persons": "people", "individuals": "people", "residents": "people",
    "person": "people",
}
POPULATION_PHRASES = {
    ("women", "and", "children"): "women_children",
    ("security", "forces"): "security_forces",
    ("armed", "forces"): "security_forces",
    ("members", "of", "armed", "groups"): "combatants",
    ("members", "of", "the", "armed", "groups"): "combatants",
    ("aid", "workers"): "humanitarian_workers",
    ("humanitarian", "workers"): "humanitarian_workers",
    ("humanitarian", "staff"): "humanitarian_workers",
    ("health", "workers"): "health_workers",
    ("health", "care"): "health_workers",
    ("medical", "staff"): "health_workers",
    ("health", "personnel"): "health_workers",
}

# A change or share next to one of these is about something other than people harmed.
NON_METRIC_NOUNS = frozenset(
    "population homes houses buildings prices price funding budget economy production income "
    "poverty schools hospitals infrastructure".split()
)

# A number directly followed by one of these counts things, not people: not a figure.
OBJECT_NOUNS = frozenset(
    "schools school hospitals hospital clinics homes houses buildings vehicles cars trucks "
    "motorcycles bicycles tanks aircraft planes drones rockets missiles shells mines weapons "
    "kilometers kilometres km miles metres meters tonnes tons litres liters hectares dollars "
    "usd euros eur pounds gbp afghanis years year months month weeks week days day hours hour "
    "minutes minute seconds countries districts provinces villages towns cities governorates "
    "regions territories facilities shelters camps sites items kits doses meals trucks convoys "
    "agencies agency organizations organisations ngos partners projects programmes programs "
    "staffers pages page paragraphs resolutions meetings sessions times points percentile".split()
)
MONEY_SIGNS = frozenset("$ € £ ¥".split())
MONEY_WORDS_AFTER = frozenset("dollars usd euros eur pounds gbp".split())
# A number right after one of these is a label, not a count.
LABEL_WORDS_BEFORE = frozenset(
    "issue no number resolution article paragraph chapter page section volume vol item report "
    "table figure annex rule code phase level category grade".split()
)
AGE_WORDS_BEFORE = frozenset("aged age ages".split())
AGE_WORDS_AFTER = (("years", "old"), ("year", "old"), ("-", "year"), ("year", "-", "old"))
