"""The scopes through which a figure's context is read, nearest first.

A figure's period, comparison, places, country and source are read from the nearest scope that
holds one: the figure's own phrase (the words between the figures before and after it), its
sentence, the total it is a part of, the earlier sentences of its paragraph, the heading or
report-period header above it, the earlier paragraphs of the document, and the document's title and
metadata (a relative period, "since X" or "last week", is resolved against the publication
date inside the scope that names it). The driver (`figures.py`) builds one `Reading` per
scope it looks at; `nearest` picks the first that decides, and the scope of that reading is
recorded in the figure's evidence (`period_scope`, `comparison_scope`, `places_scope`,
`country_scope`, `attribution_scope`) and shown by `humstat explain`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    """Where a field's value was read, from the nearest to the farthest."""

    PHRASE = "phrase"  # the figure's own words, up to the next figure
    SENTENCE = "sentence"  # elsewhere in its sentence
    TOTAL = "total"  # the total the figure is a part of ("including 18 children")
    PARAGRAPH = "paragraph"  # an earlier sentence of its paragraph (or the list's lead-in)
    HEADER = "header"  # a heading or report-period header above it ("Reporting period: 3-9 June")
    DOCUMENT = "document"  # an earlier paragraph of the document
    TITLE = "title"  # the document's title, header block or metadata (source, country)


ORDER = tuple(Scope)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one scope says of a field: its value (None: the scope decides there is none, as a
    stock figure decides it has no period), the words that said it, and the scope."""

    value: object
    words: str
    scope: Scope
    kind: str = ""  # for a period: "since" or "as_of" where it was read from one


def nearest(readings: Iterable[Reading | None]) -> Reading | None:
    """The first reading that decides, in the order given (nearest scope first); None when no
    scope says anything. `readings` may be a generator: the farther scopes are then not read."""
    for reading in readings:
        if reading is not None:
            return reading
    return None
