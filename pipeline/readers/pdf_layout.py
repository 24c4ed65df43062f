"""A PDF page's words put in the order a person reads them, as plain data.

Input: per page, the words of the PDF (`pipeline.readers.pdf.page_words`: `x0`, `x1`, `top`,
`bottom`, `text`, `size`, in points from the top left). The steps, each a function:

1. `running_lines`: lines repeated at the same place on at least half the pages (two at least)
   in the top or bottom margin, the page headers and footers, and page numbers there, are left
   out.
2. `segments`: the words of a page grouped into lines, each line cut where the gap between two
   words is wider than a column gutter (`GUTTER` times the font size); a bullet or a list
   number standing apart is kept with the text after it.
3. `chains`: a segment is linked to the one under it when each is the other's only neighbour
   that way (overlapping horizontally, less than `LINK_GAP` line heights apart): the lines of a
   column, of a box, or of one key figure (a number over its label) form a chain; a title over
   two columns links to neither.
4. `reading_order`: chains ordered by recursive XY-cut (Nagy and Seth, 1984) over their boxes:
   top to bottom across a horizontal gap that crosses the whole region, else left to right
   across a vertical gutter, so a column is read to its end before the next begins.
5. A row of chains side by side whose lines align and are short (`is_table`) is a table, read
   row by row with its header row first; a short chain that starts with a number (a key figure
   over its label) is read as one line, so the number meets its label.
6. `chain_text`: a chain's lines joined into paragraphs (a new one at a bullet, a wider gap, or
   another font size), a word hyphenated over two lines joined ("in-" + "jured" -> "injured").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

MARGIN = 0.12  # the top and bottom share of a page where running headers and footers sit
GUTTER = 1.0  # a gap between words wider than this many font sizes separates columns or cells
JUSTIFIED_SPACE = 2.5  # a gap wider than this many font sizes is never a justified line's word space
NARROW_GUTTER = 0.5  # a narrower gap separates columns when the words after it start a column
COLUMN_LINES = 4  # a column's left edge: the words of this many lines at least begin there
ALIGN = 1.5  # points: words begin at the same x within this
ROW_ALIGN = 3.0  # points: the cells of two rows of a table start (or end) at the same x within this
LINK_GAP = 1.6  # lines further apart than this many line heights are not one column
SUPERSCRIPT = 0.8  # a footnote mark is set at most this share of the size of the word it follows
PROSE_SHARE = 0.4  # chains side by side whose lines start in lower case more often than this are prose
PARAGRAPH_GAP = 0.55  # a gap wider than this share of a line height starts a paragraph
BULLETS = frozenset("•●○◦▪■□▫‣⁃∙·➢➤►▶✓✔-–—*")
LIST_MARK = re.compile(r"^(?:[•●○◦▪■□▫‣⁃∙·➢➤►▶✓✔*\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")
PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
NUMBER = re.compile(r"^[+~≈<>]?\s*\$?\d[\d,.\s]*(?:[kKmM]|million|billion|%|\+)?$")
SOFT_HYPHEN_END = re.compile(r"[A-Za-z]{2,}[-\u00ad]$")
# A line ending in a dash attached to its word ("Port-au-", "40-", "reach—") runs on into the next
ATTACHED_DASH_END = re.compile(r"[^\W_][-\u00ad\u2010\u2011\u2013\u2014]$")
HYPHEN_BREAK = "\x00"  # "in" HYPHEN_BREAK "jured": a word hyphenated over a line break, resolved per document
HYPHENATED = re.compile(r"([^\W\d_]+)\x00([^\W\d_]+)")
WORD = re.compile(r"[^\W\d_]+")


@dataclass(eq=False)
class Segment:
    """Words on one line between two gutters."""

    words: list[dict]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    up: Segment | None = field(default=None, repr=False)
    down: Segment | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.x0 = min(w["x0"] for w in self.words)
        self.x1 = max(w["x1"] for w in self.words)
        self.top = min(w["top"] for w in self.words)
        self.bottom = max(w["bottom"] for w in self.words)
        self.size = median(w.get("size") or (w["bottom"] - w["top"]) for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def _line_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def physical_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their vertical middles (a word joins the line whose middle
    is within half its height), each line left to right."""
    lines: list[list[dict]] = []
    middles: list[float] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        middle = (w["top"] + w["bottom"]) / 2
        half = max((w["bottom"] - w["top"]) / 2, 1.0)
        for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            if abs(middles[i] - middle) <= half:
                lines[i].append(w)
                break
        else:
            lines.append([w])
            middles.append(middle)
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def running_lines(pages: list[list[dict]], heights: list[float]) -> list[set[int]]:
    """Per page, the indexes of the words to leave out: page numbers in the margins, and lines
    in the margins repeated (digits aside) at the same height on at least half of the pages."""
    margin_lines: list[list[tuple[str, float, list[int]]]] = []
    for words, height in zip(pages, heights, strict=True):
        index = {id(w): i for i, w in enumerate(words)}
        found = []
        for line in physical_lines(words):
            top = min(w["top"] for w in line)
            bottom = max(w["bottom"] for w in line)
            if top < height * MARGIN or bottom > height * (1 - MARGIN):
                found.append((" ".join(w["text"] for w in line), top, [index[id(w)] for w in line]))
        margin_lines.append(found)
    seen: Counter = Counter()
    for found in margin_lines:
        seen.update({(_line_key(text), round(top / 4)) for text, top, _ in found})
    needed = max(2, (len(pages) + 1) // 2)
    dropped: list[set[int]] = []
    for found in margin_lines:
        drop: set[int] = set()
        for text, top, indexes in found:
            key = _line_key(text)
            repeated = max(seen[(key, round(top / 4) + d)] for d in (-1, 0, 1)) >= needed
            if repeated or PAGE_NUMBER.match(text.strip()):
                drop.update(indexes)
        dropped.append(drop)
    return dropped


def column_starts(lines: list[list[dict]]) -> list[float]:
    """The left edges of columns set close together (justified columns a few points apart,
    closer than `GUTTER`): an x where at least `COLUMN_LINES` lines have a word begin after a gap
    of `NARROW_GUTTER` font sizes or more (the lines of a column begin at the same x, within
    `ALIGN` points), and which no word of the lines between the first and the last of them
    crosses, but for one line in ten (headings over both columns). The rivers of white of
    justified text in one column do not align their words' starts, and words cross them."""
    starts: list[tuple[float, float]] = []  # (x, top) of words after a wide enough gap
    for line in lines:
        for before, word in zip(line, line[1:], strict=False):
            size = max(before.get("size") or 0, word.get("size") or 0, 4.0)
            if word["x0"] - before["x1"] >= NARROW_GUTTER * size:
                starts.append((word["x0"], word["top"]))
    if len(starts) < COLUMN_LINES:
        return []
    starts.sort()
    found: list[float] = []
    i = 0
    while i < len(starts):
        j = i
        while j + 1 < len(starts) and starts[j + 1][0] - starts[i][0] <= ALIGN:
            j += 1
        if j - i + 1 >= COLUMN_LINES:
            x = min(s[0] for s in starts[i:j + 1])
            top, bottom = min(s[1] for s in starts[i:j + 1]), max(s[1] for s in starts[i:j + 1])
            between = [line for line in lines if top <= line[0]["top"] <= bottom]
            crossing = sum(1 for line in between if any(w["x0"] < x - 1 < w["x1"] for w in line))
            if crossing <= 0.1 * len(between):
                found.append(x)
                i = j + 1
                continue
        i += 1
    return found


def _justified_space(gaps: list[float], n: int, size: float) -> bool:
    """Whether gap `n` of a line is the wide, even spacing of a loosely justified line rather
    than a gutter: under `JUSTIFIED_SPACE` font sizes, and one of at least three gaps in a row
    of the same width (within a point, or 10%), as justification spreads the same space between
    all the words of a line; gutters between boxes or cells are separated by words' spaces."""
    if gaps[n] >= JUSTIFIED_SPACE * size:
        return False

    def same(m: int) -> bool:
        return 0 <= m < len(gaps) and abs(gaps[m] - gaps[n]) <= max(1.0, 0.1 * gaps[n])

    return (same(n - 1) and same(n + 1)) or (same(n - 1) and same(n - 2)) or (same(n + 1) and same(n + 2))


def segments(words: list[dict]) -> list[Segment]:
    """The page's lines cut at gutters (a gap wider than `GUTTER` font sizes but for the even
    spaces of a loosely justified line, `_justified_space`, or a narrower one before a column's
    left edge, `column_starts`); a list mark standing apart stays with what
    follows it."""
    found: list[Segment] = []
    lines = physical_lines(words)
    starts = column_starts(lines)
    for line in lines:
        current = [line[0]]
        gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(line)]
        for n, (before, word) in enumerate(itertools.pairwise(line)):
            size = max(before.get("size") or 0, word.get("size") or 0, 4.0)
            gap = gaps[n]
            narrow = gap >= NARROW_GUTTER * size and any(abs(word["x0"] - x) <= ALIGN for x in starts)
            wide = gap > GUTTER * size and not _justified_space(gaps, n, size)
            if (wide or narrow) and not (len(current) == 1 and LIST_MARK.match(current[0]["text"])):
                found.append(Segment(current))
                current = [word]
            else:
                current.append(word)
        found.append(Segment(current))
    return found


def _overlap(a: Segment, b: Segment) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _below(s: Segment, candidates: list[Segment]) -> list[Segment]:
    """The segments of the nearest line under `s` that overlap it horizontally, close enough."""
    under = [t for t in candidates if t.top >= s.bottom - 0.3 * s.height and t is not s and _overlap(s, t) > 0]
    if not under:
        return []
    nearest = min(t.top for t in under)
    if nearest - s.bottom > LINK_GAP * s.height:
        return []
    return [t for t in under if t.top - nearest < 0.5 * s.height]


def _above(t: Segment, candidates: list[Segment]) -> list[Segment]:
    over = [s for s in candidates if s.bottom <= t.top + 0.3 * t.height and s is not t and _overlap(s, t) > 0]
    if not over:
        return []
    nearest = max(s.bottom for s in over)
    return [s for s in over if nearest - s.bottom < 0.5 * t.height]


def chains(segs: list[Segment]) -> list[list[Segment]]:
    """Segments linked top to bottom where each is the other's only neighbour that way. Each
    segment is compared only with those whose tops lie within a few line heights of its own
    (every neighbour `_below` or `_above` can choose lies there), not with the whole page."""
    if not segs:
        return []
    ordered = sorted(segs, key=lambda s: s.top)
    tops = [s.top for s in ordered]
    reach = (LINK_GAP + 2) * max(s.height for s in segs)

    def near(s: Segment) -> list[Segment]:
        return ordered[bisect.bisect_left(tops, s.top - reach):bisect.bisect_right(tops, s.bottom + reach)]

    for s in segs:
        below = _below(s, near(s))
        if len(below) == 1:
            t = below[0]
            above = _above(t, near(t))
            if above == [s] and t.up is None:
                s.down, t.up = t, s
    found = []
    for s in segs:
        if s.up is None:
            chain = [s]
            while chain[-1].down is not None:
                chain.append(chain[-1].down)
            found.append(chain)
    return found


@dataclass
class Box:
    """A chain, or a table of chains, with its bounding box."""

    chains: list[list[Segment]]
    x0: float
    x1: float
    top: float
    bottom: float
    row: bool = False  # a table row whose cells stand apart from the rows around it: read as one line


def _box(group: list[list[Segment]]) -> Box:
    segs = [s for c in group for s in c]
    return Box(group, min(s.x0 for s in segs), max(s.x1 for s in segs), min(s.top for s in segs), max(s.bottom for s in segs))


def is_table(group: list[list[Segment]]) -> bool:
    """Chains side by side form a table when there are at least two, each of at least three
    lines (or two, when the first holds labels and the others numbers alone), their lines mostly align with the first chain's, the cells are short (four words or
    fewer, as a rule), the lines do not run on as prose (more than `PROSE_SHARE` of those under
    a chain's first starting in lower case: narrow columns of text side by side), and the first
    row is not all numbers (then it is a row of key figures)."""
    if len(group) < 2 or min(len(c) for c in group) < 2:
        return False
    if min(len(c) for c in group) == 2 and not (  # two rows: labels, then numbers beside them
            not any(NUMBER.match(s.text) for s in group[0]) and all(NUMBER.match(s.text) for c in group[1:] for s in c)):
        return False
    words = [len(s.words) for c in group for s in c]
    if median(words) > 4:
        return False
    tops = [s.top for s in group[0]]
    aligned = sum(1 for c in group[1:] for s in c if any(abs(s.top - t) <= 0.5 * s.height for t in tops))
    if aligned < 0.7 * sum(len(c) for c in group[1:]):
        return False
    # narrow columns of prose side by side: their lines run on, most starting in lower case
    following = [s.text[:1] for c in group for s in c[1:]]
    if sum(1 for first in following if first.islower()) > PROSE_SHARE * len(following):
        return False
    return not all(NUMBER.match(c[0].text) for c in group)


def _tables(found: list[list[Segment]]) -> list[Box]:
    """Boxes: chains standing side by side with aligned short lines are grouped as one table;
    a label and the numbers beside it, when another such row has its cells in the same columns,
    are one row (`is_row`)."""
    boxes: list[Box] = []
    rows: list[Box] = []
    used: set[int] = set()
    ordered = sorted(found, key=lambda c: (c[0].top, c[0].x0))
    for i, chain in enumerate(ordered):
        if i in used:
            continue
        group = [chain]
        members = [i]
        for j in range(i + 1, len(ordered)):
            other = ordered[j]
            if j in used or abs(other[0].top - chain[0].top) > 0.5 * chain[0].height:
                continue
            group.append(other)
            members.append(j)
        group.sort(key=lambda c: c[0].x0)
        if is_table(group):
            used.update(members)
            boxes.append(_box(group))
        elif is_row(group):
            used.update(members)
            rows.append(_box(group))
        else:
            used.add(i)
            boxes.append(_box([chain]))
    for row in rows:  # a row stands with another whose cells start where its own do, else its cells stand alone
        if any(other is not row and _same_columns(row, other) for other in rows):
            row.row = True
            boxes.append(row)
        else:
            boxes.extend(_box([c]) for c in row.chains)
    return boxes


def is_row(group: list[list[Segment]]) -> bool:
    """Cells of one row of a table whose rows stand apart (each cell a chain of its own): a label
    of one or two lines, then numbers alone on their lines ("# of volunteers trained" ... "40")."""
    if len(group) < 2 or len(group[0]) > 2 or NUMBER.match(group[0][0].words[0]["text"]):
        return False
    return all(len(c) == 1 and NUMBER.match(c[0].text) for c in group[1:])


def _same_columns(a: Box, b: Box) -> bool:
    """Whether two rows have as many cells, starting at the same x (or, for numbers set
    flush right, ending there), within `ROW_ALIGN` points."""
    if len(a.chains) != len(b.chains):
        return False
    return all(abs(p[0].x0 - q[0].x0) <= ROW_ALIGN or abs(p[0].x1 - q[0].x1) <= ROW_ALIGN
               for p, q in zip(a.chains, b.chains, strict=True))


def _gaps(spans: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """The gaps wider than `least` between the union of `spans`."""
    spans = sorted(spans)
    gaps = []
    end = spans[0][1]
    for start, stop in spans[1:]:
        if start - end > least:
            gaps.append((end, start))
        end = max(end, stop)
    return gaps


def reading_order(boxes: list[Box]) -> list[Box]:
    """Recursive XY-cut over the boxes: cut at the widest horizontal gap crossing the region
    (read top part first), else at the widest vertical gap (read left part first)."""
    if len(boxes) <= 1:
        return boxes
    rows = _gaps([(b.top, b.bottom) for b in boxes], 0.0)
    if rows:
        start, stop = max(rows, key=lambda g: g[1] - g[0])
        cut = (start + stop) / 2
        return reading_order([b for b in boxes if b.bottom <= cut]) + reading_order([b for b in boxes if b.bottom > cut])
    columns = _gaps([(b.x0, b.x1) for b in boxes], 0.0)
    if columns:
        start, stop = max(columns, key=lambda g: g[1] - g[0])
        cut = (start + stop) / 2
        return reading_order([b for b in boxes if b.x1 <= cut]) + reading_order([b for b in boxes if b.x1 > cut])
    return sorted(boxes, key=lambda b: (b.top, b.x0))


SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


def _starts_item(s: Segment) -> bool:
    first = s.words[0]["text"]
    if first[:1] in BULLETS and (len(first) == 1 or first[0] in "•●▪■➢➤►▶"):
        return True
    return bool(LIST_MARK.match(first) and len(s.words) > 1)


def _ends_line(before: Segment, s: Segment, right: float) -> bool:
    """Whether the line break after `before` is the writer's: it ends a sentence, or the line
    stops short of `right` (the right edge of the lines around it, so lines narrowed beside a
    picture still join) by more than the next line's first word."""
    if SENTENCE_END.search(before.text):
        return True
    if SOFT_HYPHEN_END.search(before.text) and s.text[:1].islower():
        return False  # a word broken over the lines
    first = s.words[0]
    return before.x1 + (first["x1"] - first["x0"]) + 0.5 * before.size < right


def chain_text(chain: list[Segment]) -> list[str]:
    """A chain's paragraphs: a new one at a bullet or list number, a wider gap or another font
    size; within one, a line the writer ended keeps its line break, a line wrapped by the
    layout is joined to the next with a space, and a word hyphenated over the break is joined
    ("in-" + "jured" -> "injured"). A short chain that starts with a number is one key figure:
    "43" over "people killed" reads "43 people killed"."""
    if len(chain) <= 4 and NUMBER.match(chain[0].text) and len(chain[0].words) <= 2:
        return [" ".join(s.text for s in chain)]
    paragraphs: list[str] = []
    before: Segment | None = None
    start = 0  # where the paragraph began in the chain
    for n, s in enumerate(chain):
        text = s.text
        if (
            before is None
            or _starts_item(s)
            or s.top - before.bottom > PARAGRAPH_GAP * before.height
            or abs(s.size - before.size) > 0.15 * max(s.size, before.size)
        ):
            paragraphs.append(text)
            start = n
        elif SOFT_HYPHEN_END.search(paragraphs[-1]) and text[:1].islower():
            paragraphs[-1] = paragraphs[-1][:-1] + HYPHEN_BREAK + text  # "in-jured" or "flood-prone": `resolve_hyphens`
        elif ATTACHED_DASH_END.search(paragraphs[-1]):
            paragraphs[-1] += text  # "Port-au-" + "Prince", "40-" + "50%", "reach—" + "and"
        elif _ends_line(before, s, max(c.x1 for c in chain[max(start, n - 2):n + 1])):
            paragraphs[-1] += "\n" + text
        else:
            paragraphs[-1] += " " + text
        before = s
    return paragraphs


def table_text(box: Box) -> list[str]:
    """A table row by row: the cells of each row (by the first column's lines, a cell placed by
    its height) joined with spaces, the header row first; one paragraph."""
    rows: dict[int, list[Segment]] = defaultdict(list)
    anchors = [s.top for s in box.chains[0]]
    for chain in box.chains:
        for s in chain:
            nearest = min(range(len(anchors)), key=lambda i: abs(anchors[i] - s.top))
            if abs(anchors[nearest] - s.top) > 0.5 * s.height:
                anchors.append(s.top)
                nearest = len(anchors) - 1
            rows[nearest].append(s)
    lines = [" ".join(s.text for s in sorted(rows[i], key=lambda s: s.x0)) for i in sorted(rows, key=lambda i: anchors[i])]
    return ["\n".join(lines)]


FOOTNOTE_MARK = re.compile(r"^(?:\d{1,2}|[*†‡])$")


def footnote_marks(words: list[dict]) -> set[int]:
    """The indexes of footnote references: a mark of one or two digits (or *, †, ‡) set smaller
    than the word it follows (at most `SUPERSCRIPT` of its size), raised above that word's
    baseline, and touching it ("affected¹"). A reader skips them; left in, "affected 1" would
    read as a number of people."""
    found: set[int] = set()
    for i, w in enumerate(words):
        if not FOOTNOTE_MARK.match(w["text"]):
            continue
        size = w.get("size") or (w["bottom"] - w["top"])
        for v in words:
            big = v.get("size") or (v["bottom"] - v["top"])
            if (v is not w and size <= SUPERSCRIPT * big and abs(w["x0"] - v["x1"]) <= 0.3 * big
                    and v["top"] - 0.2 * big <= w["top"] and w["bottom"] < v["bottom"] - 0.15 * big):
                found.add(i)
                break
    return found


def page_text(words: list[dict]) -> list[str]:
    """The paragraphs of one page (its headers and footers already left out), in reading order;
    footnote references left out (`footnote_marks`)."""
    marks = footnote_marks(words)
    words = [w for i, w in enumerate(words) if w["text"].strip() and i not in marks]
    if not words:
        return []
    boxes = reading_order(_tables(chains(segments(words))))
    paragraphs: list[str] = []
    for box in boxes:
        if box.row:
            paragraphs.append(" ".join(" ".join(chain_text(c)) for c in box.chains))
        elif len(box.chains) > 1:
            paragraphs.extend(table_text(box))
        else:
            paragraphs.extend(chain_text(box.chains[0]))
    return [p for p in paragraphs if p.strip()]


def document_text(pages: list[list[dict]], heights: list[float]) -> str:
    """The text of a document's pages in reading order: paragraphs separated by blank lines,
    running headers, footers and page numbers left out."""
    dropped = running_lines(pages, heights)
    paragraphs: list[str] = []
    for words, drop in zip(pages, dropped, strict=True):
        paragraphs.extend(page_text([w for i, w in enumerate(words) if i not in drop]))
    return resolve_hyphens("\n\n".join(paragraphs))


def resolve_hyphens(text: str) -> str:
    """Each word hyphenated over a line break (`HYPHEN_BREAK` between its parts) joined, or kept
    with its hyphen when it is a compound, by the document's own words: joined when the joined
    word occurs elsewhere in it ("in-jured" and "injured"), kept when the hyphenated one does
    ("flood-prone" and "flood-prone"), or when a part already holds a hyphen ("hard-to-" +
    "reach", "out-" + "of-pocket"), or when, both parts of three letters at least, the second
    ends a compound elsewhere ("epidemic-prone" for "flood-prone"), or both occur elsewhere on
    their own ("landslides" and "prone"); joined otherwise (a word processor's hyphenation).
    Leaves no `HYPHEN_BREAK` in the text."""
    if HYPHEN_BREAK not in text:
        return text
    breaks = list(HYPHENATED.finditer(text))
    rest = HYPHENATED.sub(" ", text).lower()
    words = Counter(WORD.findall(rest))
    compounds = Counter(m.group() for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)+", rest))
    heads = Counter(c.split("-", 1)[0] for c in compounds)
    tails = Counter(c.rsplit("-", 1)[1] for c in compounds)
    pairs = Counter(f"{a}-{b}" for c in compounds for a, b in itertools.pairwise(c.split("-")))  # "out-of" of "out-of-pocket"
    out: list[str] = []
    last = 0
    for m in breaks:
        left, right = m.group(1), m.group(2)
        joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
        before, after = text[max(0, m.start() - 1):m.start()], text[m.end():m.end() + 1]
        if words[joined]:
            keep = False
        elif pairs[hyphenated] or before == "-" or after == "-":
            keep = True
        else:
            head, tail = left.lower(), right.lower()
            known_head = (words[head] or words[head + "s"] or heads[head]) > 0
            keep = len(head) >= 3 and len(tail) >= 3 and (tails[tail] > 0 or (words[tail] > 0 and known_head))
        out.append(text[last:m.start()] + left + ("-" if keep else "") + right)
        last = m.end()
    out.append(text[last:])
    return "".join(out).replace(HYPHEN_BREAK, "-")


def largest_text(words: list[dict], height: float) -> str | None:
    """The first page's title: its largest text in the upper half, when larger than the body
    text (by 15% at least); lines of that size in reading order, joined."""
    sized = [w for w in words if w.get("size") and w["text"].strip()]
    if not sized:
        return None
    body = median(w["size"] for w in sized)
    upper = [w for w in sized if w["top"] < height / 2]
    if not upper:
        return None
    biggest = max(w["size"] for w in upper)
    if biggest < 1.15 * body:
        return None
    title = [w for w in upper if w["size"] >= biggest - 0.5]
    lines = physical_lines(title)
    text = " ".join(" ".join(w["text"] for w in line) for line in lines)
    return " ".join(text.split()) or None
