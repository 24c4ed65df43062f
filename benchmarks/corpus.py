"""A deterministic corpus of realistic report-style documents, for benchmarks.

Varied conflicts, bodies, periods and figure patterns, with paragraphs that state no figure at
all, as real situation reports have. The same seed always gives the same documents.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

CONFLICTS = [
    ("Afghanistan", "Afghan", ["Kandahar", "Herat", "Kunduz", "Helmand"], "UNAMA"),
    ("Yemen", "Yemeni", ["Taiz", "Hodeidah", "Marib", "Saada"], "OCHA"),
    ("Ukraine", "Ukrainian", ["Kharkiv", "Donetsk", "Kherson", "Mariupol"], "HRMMU"),
    ("Sudan", "Sudanese", ["Darfur", "Khartoum", "El Fasher", "Kordofan"], "IOM"),
    ("South Sudan", "South Sudanese", ["Jonglei", "Upper Nile", "Unity", "Warrap"], "UNMISS"),
    ("Somalia", "Somali", ["Mogadishu", "Lower Shabelle", "Gedo", "Baidoa"], "UNSOM"),
    ("Myanmar", "Burmese", ["Rakhine", "Sagaing", "Shan", "Kachin"], "OHCHR"),
    ("Iraq", "Iraqi", ["Anbar", "Nineveh", "Mosul", "Ramadi"], "UNAMI"),
    ("Syria", "Syrian", ["Idlib", "Aleppo", "Raqqa", "Ghouta"], "OHCHR"),
    ("Ethiopia", "Ethiopian", ["Tigray", "Amhara", "Afar", "Oromia"], "OCHA"),
]
FIGURE_PARAGRAPH_SHARE = 0.35
WIRES = ["Regional Press Agency", "Relief Digest", "Field Monitor", "Crisis Wire"]
PERIODS = [
    ("in the first half of {y}", "midyear update"),
    ("in {y}", "annual report"),
    ("between 1 January and 30 September {y}", "third-quarter report"),
    ("in the first quarter of {y}", "quarterly brief"),
    ("in March {y}", "monthly report"),
    ("between July and September {y}", "quarterly report"),
]
FILLER_SUBJECTS = ["Humanitarian partners", "The authorities", "Local communities", "Aid agencies", "Observers", "Health workers"]
FILLER_VERBS = ["continue to report", "warned of", "described", "called for an end to", "raised concerns about", "pointed to"]
FILLER_OBJECTS = [
    "disruption to markets and schooling", "the erosion of basic services", "access constraints on main roads",
    "rising prices for food and fuel", "the need for sustained funding", "shelling near residential areas",
    "the protection of civilians and civilian objects", "a fragile security situation in rural districts",
]


@dataclass(frozen=True)
class GeneratedDocument:
    name: str
    text: str


def _figure_paragraph(rng: random.Random, country: tuple, year: int) -> str:
    name, demonym, places, body = country
    period, cue = rng.choice(PERIODS)
    period = period.format(y=year)
    killed, injured = rng.randint(20, 4000), rng.randint(30, 8000)
    total = killed + injured
    change = rng.randint(2, 80)
    direction = rng.choice(["increase", "decrease", "rise", "drop"])
    place = rng.choice(places)
    children, women = rng.randint(1, killed // 3 + 1), rng.randint(1, killed // 4 + 1)
    templates = [
        f"{body} documented {total:,} civilian casualties ({killed:,} killed and {injured:,} injured) {period}, "
        f"a {change} per cent {direction} compared with the same period in {year - 1}.",
        f"According to the {cue} of {body}, approximately {total:,} {demonym}s were killed or injured {period}, "
        f"including {children:,} children and {women:,} women.",
        f"More than {killed:,} civilians were killed in {place} {period}, {body} said, while at least {injured:,} were wounded.",
        f"The number of people displaced in {place} rose to {rng.randint(2, 900) * 1000:,} {period}, up {change}% from the previous quarter.",
        f"Officials in {place} said {rng.randint(3, 90)} people were abducted and {rng.randint(2, 60)} remain missing.",
        f"Nearly {rng.randint(2, 9)}.{rng.randint(1, 9)} million people in {name} are in need of humanitarian assistance, {body} reported.",
    ]
    return " ".join(rng.sample(templates, rng.randint(1, 3)))


def _context_paragraph(rng: random.Random, country: tuple) -> str:
    name, _, places, _ = country
    sentences = [
        f"{rng.choice(FILLER_SUBJECTS)} in {rng.choice(places)} {rng.choice(FILLER_VERBS)} {rng.choice(FILLER_OBJECTS)}."
        for _ in range(rng.randint(3, 7))
    ]
    sentences.append(f"The situation across {name} remains volatile and difficult to predict.")
    return " ".join(sentences)


def generate(count: int, seed: int = 7) -> Iterator[GeneratedDocument]:
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    for n in range(count):
        country = rng.choice(CONFLICTS)
        published = start + timedelta(days=rng.randint(0, 3650))
        year = published.year - rng.choice([0, 0, 1])
        source = rng.choice([country[3], *WIRES])
        paragraphs = [
            # about one paragraph in three states figures, as in situation reports and news
            _figure_paragraph(rng, country, year) if rng.random() < FIGURE_PARAGRAPH_SHARE else _context_paragraph(rng, country)
            for _ in range(rng.randint(3, 9))
        ]
        title = f"{country[0]}: protection of civilians update, {published:%B %Y}"
        text = (
            f"---\ntitle: \"{title}\"\ndate: {published.isoformat()}\nsource: {source}\n"
            f"url: https://example.org/{n}\n---\n" + "\n\n".join(paragraphs) + "\n"
        )
        yield GeneratedDocument(f"{published.isoformat()}-{n:07d}.txt", text)
