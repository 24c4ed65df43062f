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
    "allocation allocations grant grants disbursement disbursements budget budgets funding "
    "cattle cows goats sheep camels livestock donkeys horses animals "  # "fled with 300 cattle"
    "beds recoveries births deliveries".split()  # beds, and events that harm no one
) | HOUSEHOLD_NOUNS
# A count of people a response assisted or plans for is not a figure (the record contract: a
# figure counts people harmed or in need): these verbs before the number, in its clause. "reach"
# is not one: "the death toll reached 60,000" is a figure.
RESPONSE_VERBS = frozenset(
    "assisted assist assisting support supported supporting provided providing "
    "distributed distributing served serving benefited benefiting benefitted targeted targeting "
    "targets planned planning sheltered enrolled vaccinated screened covering cover covers target".split()
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

# --- What is counted and who: combined harms, partitives, ellipsis (issue 14) ---------------
# Harm words that a list may join into one total: "killed, wounded or kidnapped" counts one set
# of people harmed (affected); "killed or wounded" alone is casualties.
COMBINABLE_HARMS = frozenset({"killed", "injured", "casualties", "abducted", "detained", "missing", "displaced", "affected"})
CASUALTY_PARTS = frozenset({"killed", "injured", "casualties"})
HARM_JOINERS = frozenset({",", "or", "and", "and/or", "/"})
# Two-word verbs before a number: "took away 31 pupils", "carried off 40 villagers".
LEFT_VERB_PHRASES = {
    ("took", "away"): "abducted", ("taken", "away"): "abducted", ("carried", "off"): "abducted",
    ("carried", "away"): "abducted", ("led", "away"): "abducted",
}
# Verbs before a number that state harm only when people follow: "lost seven guards".
LOSS_VERBS = frozenset("lost lose losing".split())
# A fate that is no harm of the spec's list: "of the 30 taken, 10 were released" is no figure.
UNHARMED_FATES = frozenset(
    "released freed rescued survived recovered discharged escaped unharmed returned reunited".split()
)
# Quantifiers that open a breakdown after a total: "5,000, most of them injuries".
PARTITIVE_QUANTIFIERS = frozenset("most many some half all majority both several none one two three".split())
PARTITIVE_PRONOUNS = frozenset("them these those whom which".split())
# Words that give the cause of a harm, not what is counted: "displaced because of the attacks".
CAUSE_WORDS = frozenset("because due amid following owing".split())
# Prepositions after a group of people: an event noun after them is the harm's cause
# ("four civilians in attacks").
CAUSE_PREPOSITIONS = frozenset("in at during on from after by near across amid following".split())
# Words that join the items of a list of groups: "31 pupils, along with two cooks".
LIST_JOIN_WORDS = frozenset({",", "and", "with", "well", "as", "plus", "together", "along"})
# A share's subject, before a verb of making up: "children account for 60 percent of ...".
SHARE_VERBS = frozenset(
    "account accounts accounted accounting make makes made making represent represents represented "
    "representing constitute constitutes constituted constituting comprise comprises comprised".split()
)
# Nouns for reported occurrences, which take the harm they are of: "281 cases of summary executions".
OCCURRENCE_NOUNS = frozenset("cases case instances instance".split())
# Sentence openers that continue the figure before: "Among them, ...", "These included ...".
ANAPHORIC_OPENERS = (
    ("among", "them"), ("among", "those"), ("among", "these"), ("among", "the", "victims"),
    ("of", "them"), ("of", "these"), ("of", "those"), ("of", "whom"),
    ("these", "included"), ("these", "include"), ("this", "includes"), ("this", "included"), ("they", "included"), ("they", "include"),
    ("those", "included"), ("the", "victims", "included"), ("the", "dead", "included"),
    ("including",),
)
# Groups named in brackets after a total: all children make the total children.
CHILD_POPULATIONS = frozenset({"children", "girls", "boys"})

# Added words (issue 14): combined harm, hardship, singular armed nouns.
METRIC_WORDS.update({
    "harmed": "affected", "eliminated": "killed", "executions": "killed", "crsv": "affected", "lack": "affected", "lacking": "affected",
    "fighter": "fighters", "militant": "fighters", "combatant": "fighters", "insurgent": "fighters",
    "gunman": "fighters", "assailant": "fighters", "attacker": "fighters",
    "guerrillas": "fighters", "rebels": "fighters", "guerrilla": "fighters", "rebel": "fighters",
})
METRIC_PHRASES.update({
    ("at", "risk"): "affected",
    ("without", "access"): "affected",
    ("death", "and", "injury"): "casualties",
    ("death", "or", "injury"): "casualties",
    ("go", "hungry"): "affected", ("going", "hungry"): "affected", ("went", "hungry"): "affected",
    ("not", "have", "access"): "affected", ("no", "access"): "affected",
    ("food", "shortages"): "affected", ("food", "shortage"): "affected",
})
COMBATANT_NOUNS = COMBATANT_NOUNS | frozenset("fighter militant combatant insurgent gunman assailant attacker guerrillas rebels guerrilla rebel".split())
# Added groups (issue 14): the spec's conventions for `population`.
POPULATION_WORDS.update({
    "citizens": "people", "nationals": "people", "gendarmes": "security_forces", "gendarme": "security_forces",
    "soldier": "security_forces", "policeman": "security_forces", "policemen": "security_forces",
    "militiamen": "combatants", "auxiliaries": "combatants",
    "midwives": "health_workers", "nurse": "health_workers", "paramedic": "health_workers",
    "doctor": "health_workers", "medic": "health_workers", "surgeons": "health_workers",
    "journalist": "journalists", "reporter": "journalists",
    "mothers": "women", "mother": "women", "widows": "women",
})
POPULATION_PHRASES.update({
    ("un", "staff"): "humanitarian_workers", ("un", "personnel"): "humanitarian_workers",
    ("un", "workers"): "humanitarian_workers", ("ngo", "workers"): "humanitarian_workers",
    ("ngo", "staff"): "humanitarian_workers", ("aid", "staff"): "humanitarian_workers",
    ("relief", "workers"): "humanitarian_workers", ("aid", "worker"): "humanitarian_workers",
    ("humanitarian", "worker"): "humanitarian_workers", ("humanitarian", "aid", "workers"): "humanitarian_workers",
    ("humanitarian", "colleagues"): "humanitarian_workers", ("un", "peacekeepers"): "security_forces",
    ("healthcare", "workers"): "health_workers", ("health", "care", "workers"): "health_workers",
    ("health", "staff"): "health_workers", ("health", "worker"): "health_workers",
    ("medical", "workers"): "health_workers", ("ambulance", "drivers"): "health_workers",
    ("media", "workers"): "journalists", ("media", "worker"): "journalists",
})
# Groups the spec counts as civilians although the words name no civilians: people who left
# armed groups, and community figures targeted for who they are.
POPULATION_PHRASES.update({
    ("former", "combatants"): "civilians", ("former", "fighters"): "civilians", ("ex", "-", "combatants"): "civilians",
    ("demobilized", "combatants"): "civilians", ("demobilised", "combatants"): "civilians",
    ("social", "leaders"): "civilians", ("community", "leaders"): "civilians",
    ("human", "rights", "defenders"): "civilians",
})
# Words that mark a former member: "former rebel fighters" are civilians.
FORMER_WORDS = frozenset("former ex demobilized demobilised".split())
# Events that are killings: their victims are killed ("11 massacres with 57 victims").
KILLING_EVENTS = frozenset("massacre massacres killings executions".split())
# Topic phrases before a count name its group: "As for journalists, 12 were killed".
TOPIC_OPENERS = (("as", "for"), ("as", "to"), ("among",), ("regarding",), ("concerning",))
# Arrival and entry: people who arrived in or entered another country are refugees ("5,000
# arrived in Chad", "have entered Kenya"); the safety sought there ("to seek safety in Chad").
ARRIVAL_WORDS = frozenset("arrived arriving".split())
ARRIVAL_DESTINATION_WORDS = frozenset("in into at".split())
ENTRY_VERBS = frozenset("entered entering".split())
REFUGE_NOUNS = frozenset("refuge safety asylum sanctuary protection".split())


# ---------------------------------------------------------------------------------------------
# Counts that are no figure, by kind (read by `not_figures`). A figure counts people harmed or in
# need (the record contract, /work/shared/spec/figure-record.md, "Conventions for hard cases");
# these tables name what else a number in a report may count.
# ---------------------------------------------------------------------------------------------

# Verbs of a response acting on the people a number counts ("partners treated 140 children",
# "21,000 refugees medically screened", "referred 42 cases"), before or after the number.
SERVED_VERBS = frozenset(
    "treated treating treat screened screening screen served serving reached reaching reach "
    "referred referring counselled counseled counselling counseling trained training sensitized "
    "sensitised sensitizing sensitising examined consulted vaccinated immunized immunised "
    "assisted supported benefited benefitted enrolled benefit".split()
)
# "reach" is a response only when its subject is no count: "the death toll reached 60,000".
REACH_VERBS = frozenset("reach reached reaches reaching".split())
# Nouns that make a count the subject of "reach": "the toll/number/total reached ...".
COUNT_SUBJECTS = frozenset(
    "toll tolls number numbers total totals figure figures count counts tally caseload population "
    "populations".split()
)
# Services a response delivers, which take the people served after "to", "with" or "for":
# "delivered services to 912 people", "sessions with 736 members".
SERVICE_NOUNS = frozenset(
    "services service sessions session activities activity consultations consultation trainings "
    "messages information counselling counseling care kits support assistance aid cash vouchers "
    "awareness campaigns campaign screening screenings visits treatment".split()
)
DELIVERY_VERBS = frozenset(
    "delivered delivering deliver provided providing provide offered offering conducted conducting "
    "organized organised organizing organising held gave given giving extended reaching reached".split()
)
# "N people received services": a response noun after "received".
RECEIVED_VERBS = frozenset("received receiving receive receives".split())
# Staff and teams a response deploys are resources, not people harmed ("two nurses and a
# psychologist were deployed"); health workers who were harmed are a figure (a harm word says so).
STAFF_NOUNS = frozenset(
    "staff staffers volunteers volunteer facilitators facilitator psychologists psychologist nurses "
    "nurse doctors doctor midwives midwife physicians physician surgeons surgeon medics paramedics "
    "teams team experts expert specialists specialist technicians technician mobilizers mobilisers "
    "mobilizer mobiliser counsellors counselors counsellor counselor workers worker clinicians "
    "clinician epidemiologists vaccinators enumerators trainers coordinators officers "
    "psychologists".split()
)
# Damage done to buildings, said of a count whose noun was given earlier ("2,870 clinics
# affected, including 95 partially damaged and 12 destroyed").
DAMAGE_WORDS = frozenset(
    "damaged destroyed flooded collapsed razed burnt burned unroofed submerged demolished "
    "roofless inundated".split()
)
DAMAGE_ADVERBS = frozenset(
    "partially partly completely totally fully badly severely heavily seriously entirely were was "
    "are have has been had of these them which those".split()
)
# Places, services and things a share may be of: "40% of surveyed villages", "55% of clinics",
# "nearly 60% of the province" (a share of them counts no one).
THING_NOUNS = frozenset(
    "localities locality villages village communes commune municipalities municipality districts "
    "district areas area zones zone sites site settlements settlement regions region provinces "
    "province departments department territory territories country countries island islands state "
    "states towns town cities city neighbourhoods neighborhoods communities facilities facility "
    "clinics clinic hospitals hospital schools school services service markets market roads road "
    "networks network land farmland cropland crops crop harvest harvests livestock water points "
    "point routes route flights flight pumps pump generators generator systems system boats boat "
    "cartons carton parcels parcel packages package bags bag sachets tablets units unit materials "
    "supplies consultations consultation sessions session trainings activities campaigns messages "
    "visits missions assessments surveys tests samples criteria criterion indicators indicator "
    "questions question structures structure homes houses buildings shelters shelter camps camp "
    "wells latrines kits items doses vaccines beds ambulances vehicles trucks premises stations "
    "outlets stores shops warehouses pharmacies centres centers posts teams team mosques churches "
    "grid electricity power deliveries institutions institution phase phases".split()
)
# Words a noun phrase may hold between a number and its head noun, read past: "the", "surveyed".
PHRASE_STOPS = frozenset(
    "in on at by for during since as from to into and or but , . ; : ! ? were was are is have has "
    "had been be being will would who which that whose with without after before between "
    "including among".split()
)
# Words of a method, not of people: "a random sample (10%)", "a confidence level of 95%".
METHOD_WORDS = frozenset(
    "sample samples sampling margin confidence threshold cutoff cut precision tolerance weight weighting "
    "defined definition".split()
)
MEETS_WORDS = frozenset("meet meets met meeting satisfy satisfies satisfied fulfil fulfill fulfils fulfills".split())
CRITERIA_WORDS = frozenset("criteria criterion requirements requirement conditions condition threshold thresholds standard standards".split())
# Index scores and rates named at a number: "Food Consumption Scores fell by 15 points".
INDEX_NOUNS = frozenset("score scores index indices indexes fcs rcsi hhs morbidity".split())
# An intention is not a movement: "58% of households say they intend to migrate".
INTENT_WORDS = frozenset(
    "intend intends intended intending intention intentions desire desires wish wishes wishing want "
    "wants wanting plan plans considering consider considers willing willingness hope hopes hoping "
    "expect expects aspire aspiration aspirations".split()
)
MOVE_WORDS = frozenset("migrate migrating migration leave leaving move moving relocate relocating return returning flee emigrate emigrating go".split())
# "affected" after these describes a place ("in the affected areas"), not the people counted.
ATTRIBUTIVE_BEFORE = frozenset("the most worst hardest heavily severely badly storm flood".split())
# Numbers of documents, goals and parts: "Situation Report #4", "Sustainable Development Goal 2".
DOCUMENT_LABEL_NOUNS = frozenset(
    "report reports sitrep update updates bulletin goal goals sdg sdgs objective objectives pillar "
    "outcome output priority step round wave cycle edition version release box map graph chart "
    "indicator question principle appendix annexe tier sector zone block ward camp flash "
    "no nº n° number issue".split()
)
DOCUMENT_NUMBER_MARKS = frozenset("# nº n° no".split())  # "No. 5": its "." only after "No"
# Units of a span of time: the second number of "6 to 59 months" ends an age or a duration.
DURATION_UNITS = frozenset("months month years year weeks week days day hours hour mos yrs".split())
RANGE_JOINERS_TO = frozenset({"to", "-", "–", "—", "and"})
# Harm words that keep a count of staff, or of people treated, a figure: "two nurses were killed".
FIGURE_HARMS = frozenset("killed injured casualties abducted missing detained attacks".split())


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
# "one" and "zero" before a thing, not a person ("one step away", "zero oversight") state no
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
# "8 times more than", "3 times higher": digits then "times" then one of these is a multiplier;
# "attacked 10 times" is a count.
TIMES_COMPARATIVES = frozenset("more higher greater larger bigger as the that what over".split())
# Qualifiers written as a sign or an abbreviation with its full stop: "~3,000", "approx. 5,000".
SIGN_QUALIFIERS = {"~": "approximately", "≈": "approximately", "±": "approximately", ">": "at_least", "<": "at_most"}
ABBREVIATED_QUALIFIERS = {"approx": "approximately", "ca": "approximately", "est": "approximately", "appr": "approximately"}
# Places of care and service counted like the OBJECT_NOUNS above ("29 health institutions",
# "12 health posts"): things, not people.
FACILITY_NOUNS = frozenset("institutions institution establishments structures dispensaries posts facility centre center".split())
# The words that open a breakdown of the number before them: "4,000 schools affected, including
# 113 destroyed", "of which 20 closed".
BREAKDOWN_OPENERS = frozenset("including incl of which among whom with".split())
# Why a number was left out that its bracketed breakdown shares: the people a response reached
# ("served 318 people (201 women and 117 men)"), aid, households, things.
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

# --- Monitors' tallies (round 2, genre: monitors' and researchers' reports) --------------------
# Press-freedom and detention tallies name confinement and hostage-taking with words and phrases
# of their own ("212 reporters in prison", "31 held hostage", "jailed", "behind bars"). Held as
# a hostage is an abduction; held in prison or jail is a detention.
METRIC_WORDS.update({
    "jailed": "detained", "incarcerated": "detained", "imprisonment": "detained",
    "hostages": "abducted", "hostage": "abducted",
})
METRIC_PHRASES.update({
    ("in", "prison"): "detained", ("in", "jail"): "detained", ("in", "prisons"): "detained",
    ("behind", "bars"): "detained",
    ("held", "hostage"): "abducted", ("taken", "hostage"): "abducted",
})
# A death while held is a killing, not a detention: "died in prison", "deaths in custody".
METRIC_PHRASES.update({
    (verb, "in", place): "killed"
    for verb in ("died", "dead", "deaths", "death", "killed")
    for place in ("prison", "prisons", "jail", "custody", "detention")
})
# Adverbs that may stand between a group and the verb that makes it a share: "women now account
# for 15% of those detained", "children still make up half of the displaced".
SHARE_ADVERBS = frozenset("now still alone together currently reportedly also already again".split())
# The spec's shares of "women and children", written in either order.
POPULATION_PHRASES.update({("children", "and", "women"): "women_children"})

# --- Wire stories (attacks, strikes, clashes) ---
# The hour of an attack ("at about 2 a.m.", "at 11 pm", "at 5 o'clock"): the word after the
# number, or its letters when the tokenizer splits "a.m." into "a . m .".
CLOCK_WORDS = frozenset("am pm a.m. p.m. a.m p.m o'clock o’clock hrs".split())
CLOCK_LETTERS = frozenset("a p".split())
