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
    ("one", "-", "half"): 50.0,
    ("one", "-", "third"): 100 / 3,
    ("one", "-", "quarter"): 25.0,
    ("one", "-", "fifth"): 20.0,
    ("one", "-", "tenth"): 10.0,
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
    ("police", "custody"): "detained",
    ("forced", "to", "flee"): "displaced",
    ("fled", "the", "country"): "refugees",
    ("fleeing", "the", "country"): "refugees",
    ("fled", "abroad"): "refugees",
    ("fled", "to"): "displaced",
    # leaving home: displaced, wherever to (a border crossed is read in `meaning`)
    ("flee", "their", "homes"): "displaced",
    ("fled", "their", "homes"): "displaced",
    ("fleeing", "their", "homes"): "displaced",
    ("leave", "their", "homes"): "displaced",
    ("left", "their", "homes"): "displaced",
    ("leaving", "their", "homes"): "displaced",
    ("forced", "from", "their", "homes"): "displaced",
    ("driven", "from", "their", "homes"): "displaced",
    ("forced", "out", "of", "their", "homes"): "displaced",
    ("left", "homeless"): "displaced",
    ("took", "shelter"): "displaced",
    ("taken", "shelter"): "displaced",
    ("taking", "shelter"): "displaced",
    ("sought", "shelter"): "displaced",
    ("on", "the", "move"): "displaced",
    ("sought", "refuge", "abroad"): "refugees",
    ("crossed", "the", "border"): "refugees",
    ("crossing", "the", "border"): "refugees",
    ("across", "the", "border"): "refugees",
    # need and hardship
    ("humanitarian", "need"): "in_need",
    ("humanitarian", "needs"): "in_need",
    ("humanitarian", "aid"): "in_need",
    ("need", "help"): "in_need",
    ("need", "assistance"): "in_need",
    ("need", "aid"): "in_need",
    ("need", "food"): "in_need",
    ("need", "protection"): "in_need",
    ("food", "insecure"): "affected",
    ("food", "deprivation"): "affected",
    ("acute", "malnutrition"): "affected",
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
    "murdered": "killed", "executed": "killed", "killings": "killed", "neutralized": "killed",
    "assassinated": "killed", "assassination": "killed", "assassinations": "killed", "lynched": "killed",
    "lynchings": "killed", "snatched": "abducted", "captured": "detained", "capture": "detained",
    "neutralised": "killed",
    "injured": "injured", "wounded": "injured", "injuries": "injured", "injury": "injured",
    "maimed": "injured", "hurt": "injured",
    "casualties": "casualties", "casualty": "casualties", "causalities": "casualties",
    "displaced": "displaced", "displacement": "displaced", "idps": "displaced", "idp": "displaced", "fled": "displaced",
    "uprooted": "displaced", "displacements": "displaced", "flee": "displaced", "fleeing": "displaced",
    "homeless": "displaced", "evacuated": "displaced", "evacuees": "displaced",
    "require": "in_need", "requires": "in_need", "requiring": "in_need",
    "refugees": "refugees",
    "abducted": "abducted", "abductions": "abducted", "kidnapped": "abducted",
    "kidnappings": "abducted", "abduction": "abducted",
    "missing": "missing", "disappeared": "missing",
    "detained": "detained", "arrested": "detained", "arrests": "detained",
    "detentions": "detained", "detainees": "detained", "imprisoned": "detained",
    "fighters": "fighters", "militants": "fighters", "combatants": "fighters",
    "adherents": "fighters", "insurgents": "fighters", "jihadists": "fighters",
    "gunmen": "fighters", "assailants": "fighters", "attackers": "fighters", "terrorists": "fighters",
    "attacks": "attacks", "incidents": "attacks", "airstrikes": "attacks", "strikes": "attacks",
    "raids": "attacks", "bombings": "attacks", "explosions": "attacks", "battles": "attacks",
    "clashes": "attacks", "massacres": "attacks", "ambushes": "attacks",
    "affected": "affected", "victims": "affected", "hunger": "affected", "malnourished": "affected",
    "cases": "affected", "starvation": "affected", "orphaned": "affected", "sick": "affected",
    "starving": "affected", "malnutrition": "affected", "ipc": "affected",
}
# Armed people named at a number: they count fighters, unless a harm word says what befell them
# ("four militants were killed": killed combatants).
COMBATANT_NOUNS = frozenset(
    "fighters militants combatants adherents insurgents jihadists gunmen assailants attackers terrorists".split()
)
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
    "personnel": "security_forces", "paramedics": "health_workers", "nurses": "health_workers",
    "doctors": "health_workers", "medics": "health_workers",
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
    ("medical", "personnel"): "health_workers",
    ("humanitarian", "personnel"): "humanitarian_workers",
    ("aid", "personnel"): "humanitarian_workers",
    ("security", "personnel"): "security_forces",
    ("law", "enforcement", "officers"): "security_forces",
}

# Framing: words that say whose harm a text counts ("civilian casualties", "civilians killed",
# "violence against civilians"), so that its figures of "people" count that group. A framing of
# killing and injury covers killed, injured and casualties; a broad one every harm (the spec's
# conventions for `population`).
HARM_FRAMING_NOUNS = frozenset(
    "casualties casualty deaths death fatalities injuries toll killed injured wounded dead".split()
)
BROAD_FRAMING_NOUNS = frozenset("victims harm harmed affected".split())
BROAD_FRAMING_BEFORE = frozenset("violence against affecting on targeting toll harm attacks".split())

# Where a border crossed makes the displaced refugees: "fled to neighbouring Chad", "crossed into Chad".
FLIGHT_WORDS = frozenset("fled flee fleeing crossed crossing escaped escaping".split())
FLIGHT_DESTINATION_WORDS = frozenset("to into".split())
NEIGHBOURING_WORDS = frozenset("neighbouring neighboring nearby adjacent".split())
# Directions a flight or its destination may be given in: "fled south into northern Cameroon".
COMPASS_WORDS = frozenset("north south east west northern southern eastern western".split())
BORDER_WORDS = frozenset("border borders frontier".split())

# A change or share next to one of these is about something other than people harmed.
# People a response reaches, targets or plans for are not figures: a figure counts people
# harmed or in need ("to reach 3.4 million people", "118,200 people assisted").
RESPONSE_WORDS = frozenset(
    "target targeted targeting targets assist assisted assisting supported served serve benefited "
    "benefiting beneficiaries planned".split()
)
# ... and "reach" after "to" only: "to reach 3.4 million people"; "the toll reached 48,000" is a figure.
RESPONSE_AFTER_TO = frozenset("reach assist support serve help feed".split())
# The words between a whole population and its size: "a population estimated at 29 million".
WHOLE_LINKS = frozenset("of is was estimated at stands stood totals totalling totaling numbering".split())

# An average or a rate is not a figure: "an average of 14 killed per incident", "33 a day".
AVERAGE_WORDS = frozenset("average averaged averaging".split())
RATE_UNITS = frozenset("day days week weeks month months year years hour hours incident incidents attack attacks".split())
RATE_WORDS = frozenset("per a each every".split())
RATE_ADVERBS = frozenset("daily weekly monthly nightly".split())

# ... except that a share may be of a whole population ("41% of the population are in need").
WHOLE_NOUNS = frozenset("population populations".split())
NON_METRIC_NOUNS = frozenset(
    "population homes houses buildings prices price funding budget economy production income "
    "poverty schools hospitals infrastructure expenditure expenditures spending revenue revenues gdp "
    "exports imports wages salaries".split()
)

# Households and families are not figures, whether the noun follows the number or labels it.
HOUSEHOLD_NOUNS = frozenset("households families".split())  # "nine family members" are people

# A number directly followed by one of these counts things, not people: not a figure.
OBJECT_NOUNS = frozenset(
    "schools school hospitals hospital clinics homes houses buildings vehicles cars trucks "
    "motorcycles bicycles tanks aircraft planes drones rockets missiles shells mines weapons bombs "
    "grenades "
    "kilometers kilometres km miles metres meters tonnes tons litres liters hectares dollars "
    "usd euros eur pounds gbp afghanis years year months month weeks week days day hours hour "
    "minutes minute seconds countries districts provinces villages towns cities governorates "
    "regions territories facilities shelters camps sites items kits doses meals trucks convoys "
    "agencies agency organizations organisations ngos partners projects programmes programs "
    "staffers pages page paragraphs resolutions meetings sessions times points percentile crises "
    "locations centers centres states "
    "communes commune municipalities municipality departments rivers river roads bridges latrines "
    "boreholes wells tents blankets rations tarpaulins vaccines hotlines hotline "
    "beds recoveries births deliveries".split()  # beds, and events that harm no one
) | HOUSEHOLD_NOUNS
# A count of people a response assisted or plans for is not a figure (the record contract: a
# figure counts people harmed or in need): these verbs before the number, in its clause. "reach"
# is not one: "the death toll reached 60,000" is a figure.
RESPONSE_VERBS = frozenset(
    "assisted assist assisting support supported supporting provided providing "
    "distributed distributing served serving benefited benefiting benefitted targeted targeting "
    "targets planned planning sheltered enrolled registered vaccinated screened covering cover covers target".split()
)
MONEY_SIGNS = frozenset("$ € £ ¥".split())
MONEY_WORDS_AFTER = frozenset("dollars usd euros eur pounds gbp".split())
# ISO 4217 codes that are also English words or common acronyms: never read as a currency
NOT_CURRENCY_CODES = frozenset("ALL TOP CUP MOP BAM PEN SOS TRY WST XXX XTS".split())
# A number right after one of these is a label, not a count.
LABEL_WORDS_BEFORE = frozenset(
    "issue no number resolution article paragraph chapter page section volume vol item report "
    "table figure annex rule code phase level category grade ipc battalion brigade regiment division "
    "unit".split()
)
# A bare number in brackets after one of these, or after a name, labels it: "hotline (322)"
BRACKET_LABEL_WORDS = frozenset("hotline hotlines line phone telephone code extension".split())
AGE_WORDS_BEFORE = frozenset("aged age ages".split())
AGE_WORDS_AFTER = (("years", "old"), ("year", "old"), ("-", "year"), ("year", "-", "old"))


# --- Number forms and layout (tokens, numbers, mentions, tables) ------------------------------
# The words a hyphen and a space may break in text taken from a PDF ("wound- ed", "in- jured"):
# the one-word metric and population names above, and the verbs of need and flight. A hyphen at
# a line end joins any word; one followed by a space joins only these, so that "pre- and
# post-war" stays as written.
HYPHEN_JOINED_WORDS = frozenset(
    w
    for w in (
        *METRIC_WORDS,
        *(w for phrase in METRIC_PHRASES for w in phrase),
        *POPULATION_WORDS,
        *(w for phrase in POPULATION_PHRASES for w in phrase),
        *FLIGHT_WORDS,
        *"displaced injured wounded abducted kidnapped detained arrested missing refugees "
        "returnees humanitarian assistance casualties evacuated".split(),
    )
    if len(w) >= 5
)
# A scale written apart from its number ("1.5 mn", "2 bn"); "m" and "k" join only when written
# on the number ("52K", "1.2M"), since apart they are often metres or other units.
SPACED_SCALE_ABBREVIATIONS = {"mn": 1_000_000, "bn": 1_000_000_000, "mln": 1_000_000, "mio": 1_000_000}
# "one" and "zero" before a thing, not a person ("one step away", "zero accountability") state no
# figure. They count people when the next two words hold a person, a harm, or one of these
# (a verb, "of"), or a word with a person's ending ("worker", "journalist", "refugee").
ONE_ZERO_WORDS = frozenset({"one", "zero"})
ONE_ZERO_KEEP_AFTER = frozenset(
    "was were is are has have had died remains remain remained reportedly of more other another "
    "new case cases incident incidents".split()
)
PERSON_ENDINGS = ("er", "ers", "ist", "ists", "ian", "ians", "ee", "ees", "ant", "ants", "ent", "ents", "or", "ors")
# Items of aid: the people a number after "kits for", "rations to" counts were given them, which
# states no figure ("hygiene kits for 900 displaced women").
AID_ITEM_NOUNS = frozenset(
    "kits kit rations parcels packages vouchers tents tarpaulins blankets mattresses jerrycans "
    "meals doses supplies items nfis nfi grants transfers cash".split()
)
AID_ITEM_LINKS = frozenset("to for among".split())
AID_ITEM_REACH = 5  # tokens back from the link to the item noun
# "1,500 people received cash": people given aid, no figure. The verb stands within a few words
# after the number, the aid right after the verb.
RECEIPT_VERBS = frozenset("received receive receiving receives got benefited benefitted benefit".split())
RECEIPT_OBJECTS = AID_ITEM_NOUNS | frozenset("assistance aid food support services multipurpose in-kind".split())
# "25 health facilities were hit, 12 in the north": a bare number then one of these goes on
# counting what the number before it counted.
ELLIPSIS_PLACE_WORDS = frozenset("in at across within".split())
# "nearly double the number", "triple what it was": a multiplier when a compared amount follows.
MULTIPLIER_ADJECTIVES = {"double": 100.0, "triple": 200.0, "quadruple": 300.0}
COMPARED_AMOUNT_STARTS = frozenset("the that what those this its their last".split())
# "10 times more than", "3 times higher": digits then "times" then one of these is a multiplier;
# "attacked 10 times" is a count.
TIMES_COMPARATIVES = frozenset("more higher greater larger bigger as the that what over".split())
# Qualifiers written as a sign or an abbreviation with its full stop: "~3,000", "approx. 5,000".
SIGN_QUALIFIERS = {"~": "approximately", "≈": "approximately", "±": "approximately", ">": "at_least", "<": "at_most"}
ABBREVIATED_QUALIFIERS = {"approx": "approximately", "ca": "approximately", "est": "approximately", "appr": "approximately"}
# Places of care and service counted like the OBJECT_NOUNS above ("46 health institutions",
# "12 health posts"): things, not people.
FACILITY_NOUNS = frozenset("institutions institution establishments structures dispensaries posts facility centre center".split())
# The words that open a breakdown of the number before them: "4,000 schools affected, including
# 113 destroyed", "of which 20 closed".
BREAKDOWN_OPENERS = frozenset("including incl of which among whom with".split())
# Why a number was left out that its bracketed breakdown shares: the people a response reached
# ("served 241 people (174 women and 67 men)"), aid, households, things.
SHARED_EXCLUSIONS = ("people a response", "people given", "counts ")
# Words that end the modifiers between a number and a thing it counts: a verb, determiner,
# pronoun or preposition means the thing is the object of a clause ("had left their homes"),
# not what the number counts.
CLAUSE_WORDS = frozenset(
    "a an the their his her its our your my this that these those who which whom whose had have has "
    "having was were is are be been being will would could can may might shall should do did does "
    "left lost fled remain remained remaining stay stayed staying live living lived in on at of to "
    "from for with by into onto over under across and or but not no".split()
)
