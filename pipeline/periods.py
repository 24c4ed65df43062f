"""Reference periods: a small period model and the wordings that name one.

A Period is a closed date span with a canonical label (`2021`, `2021-H1`, `2021-Q3`, `2021-05`,
`2021-05-01`, or `2021-05-01..2021-08-12` for any other span). `find_periods` reads the period
expressions of a sentence, resolving relative ones ("last year", "the same period in 2020",
"since May") against the document date; it prefers no period to a guess.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

MONTHS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
YEAR = r"(?:19|20)\d{2}"
DAY = r"[0-3]?\d"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_WORDS = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date | None

    @property
    def label(self) -> str:
        return span_label(self.start, self.end)

    def shifted_years(self, years: int) -> Period:
        return Period(_shift_year(self.start, years), _shift_year(self.end, years) if self.end else None)


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _shift_month(d: date) -> date:
    """The same day a month earlier (the month's last day where it has fewer)."""
    year, month = (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def half_period(year: int, half: int) -> Period:
    return Period(date(year, 1, 1), date(year, 6, 30)) if half == 1 else Period(date(year, 7, 1), date(year, 12, 31))


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(date(year, first, 1), month_end(year, first + 2))


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), month_end(year, month))


def period_label(start: date | None, end: date | None) -> str | None:
    """Canonical label: the shortest calendar name for the span, else `start..end`."""
    return span_label(start, end) if start is not None else None


def span_label(start: date, end: date | None) -> str:
    if end is None:
        return f"{start.isoformat()}.."
    if start == end:
        return start.isoformat()
    y = start.year
    if end.year == y and start.day == 1 and end == month_end(y, end.month):
        if start.month == 1 and end.month == 12:
            return str(y)
        if (start.month, end.month) == (1, 6):
            return f"{y}-H1"
        if (start.month, end.month) == (7, 12):
            return f"{y}-H2"
        if end.month - start.month == 2 and start.month % 3 == 1:
            return f"{y}-Q{start.month // 3 + 1}"
        if start.month == end.month:
            return f"{y}-{start.month:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int  # character offsets in the text searched
    end: int
    period: Period
    role: str  # "reference", "comparison" or "since"
    words: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day_month(day: str, month: str, year: int) -> date | None:
    try:
        return date(year, _month(month), int(day))
    except ValueError:
        return None


# Each entry: a pattern and a function from (match, context) to a Period or None.
# Patterns are flat alternations: no nested repetition, so matching stays linear.
@dataclass
class Context:
    doc_date: date | None
    year: int | None  # the year the text is about, where it says so
    year_written: bool = False  # the text names that year (not taken from the document date)


def _ctx_year(ctx: Context, text: str | None) -> int | None:
    if text:
        return int(text)
    return ctx.year


def _range_years(m: re.Match, ctx: Context, start: tuple[int, int], end: tuple[int, int]) -> tuple[int, int] | None:
    """The years of a range's two ends, given each end's (month, day). An end that names no
    year takes the other end's ("1 March 2020 to 30 June" ends in 2020), one year apart where
    the dates would otherwise run backwards ("20 December to 5 January 2021" starts in 2020);
    with neither written, the end is in the year the text is about."""
    y1 = int(m["y1"]) if m["y1"] else None
    y2 = int(m["y2"]) if m["y2"] else (None if y1 is not None else ctx.year)
    backwards = start > end
    if y2 is None:
        if y1 is None:
            return None
        y2 = y1 + 1 if backwards else y1
    elif y1 is None:
        y1 = y2 - 1 if backwards else y2
    return y1, y2


def _day_range(m: re.Match, ctx: Context, first_month: str) -> Period | None:
    start, end = (_month(first_month), int(m["d1"])), (_month(m["m2"]), int(m["d2"]))
    years = _range_years(m, ctx, start, end)
    if years is None:
        return None
    a = _day_month(m["d1"], first_month, years[0])
    b = _day_month(m["d2"], m["m2"], years[1])
    return Period(a, b) if a and b and a <= b else None


def _between_days(m: re.Match, ctx: Context) -> Period | None:
    return _day_range(m, ctx, m["m1"] or m["m2"])


def _between_days_us(m: re.Match, ctx: Context) -> Period | None:
    return _day_range(m, ctx, m["m1"])


def _between_months(m: re.Match, ctx: Context) -> Period | None:
    a, b = _month(m["m1"]), _month(m["m2"])
    years = _range_years(m, ctx, (a, 1), (b, 1))
    if years is None:
        return None
    first, last = date(years[0], a, 1), month_end(years[1], b)
    return Period(first, last) if first <= last else None  # "October 2030 to December 2021": a slip


def _half(m: re.Match, ctx: Context) -> Period | None:
    y = _ctx_year(ctx, m["y"])
    return half_period(y, 1 if m["which"].lower() in ("first", "1") else 2) if y else None


def _quarter(m: re.Match, ctx: Context) -> Period | None:
    y = _ctx_year(ctx, m["y"])
    q = m["q"]
    q = int(q) if q.isdigit() else ORDINALS[q.lower()]
    return quarter_period(y, q) if y and 1 <= q <= 4 else None


def _latest_begun(period_of: Callable[[int], Period], ctx: Context) -> Period | None:
    """A quarter or half named without a year: of the year the text is about, or of the year
    before where the document was written before that one began."""
    if ctx.year is None:
        return None
    period = period_of(ctx.year)
    if not ctx.year_written and ctx.doc_date is not None and period.start > ctx.doc_date:
        return period_of(ctx.year - 1)
    return period


def _quarter_without_year(m: re.Match, ctx: Context) -> Period | None:
    return _latest_begun(lambda year: quarter_period(year, ORDINALS[m["q"].lower()]), ctx)


def _half_without_year(m: re.Match, ctx: Context) -> Period | None:
    return _latest_begun(lambda year: half_period(year, 1 if m["which"].lower() == "first" else 2), ctx)


def _first_months(m: re.Match, ctx: Context) -> Period | None:
    y = _ctx_year(ctx, m["y"])
    count = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9}.get(m["n"].lower())
    return Period(date(y, 1, 1), month_end(y, count)) if y and count else None


def _month_year(m: re.Match, ctx: Context) -> Period | None:
    y = _ctx_year(ctx, m["y"])
    if y is None:
        return None
    month = _month(m["m"])
    if not m["y"] and not ctx.year_written and ctx.doc_date and date(y, month, 1) > ctx.doc_date:
        y -= 1  # "in November", written in January, is last November
    return month_period(y, month)


def _day(m: re.Match, ctx: Context) -> Period | None:
    y = _ctx_year(ctx, m["y"])
    if y is None:
        return None
    d = _day_month(m["d"], m["m"], y)
    if d and not m["y"] and not ctx.year_written and ctx.doc_date and d > ctx.doc_date:
        d = _day_month(m["d"], m["m"], y - 1)  # "since 27 December", written in January, is last December
    return Period(d, d) if d else None


def _year(m: re.Match, ctx: Context) -> Period | None:
    return year_period(int(m["y"]))


def _relative(m: re.Match, ctx: Context) -> Period | None:
    d = ctx.doc_date
    if d is None:
        return None
    phrase = m.group().lower()
    if "past" in phrase and ("month" in phrase or "year" in phrase):
        # "in the past month": a window back from the document date
        return Period(_shift_month(d), d) if "month" in phrase else Period(_shift_year(d, -1), d)
    if "year" in phrase:
        return year_period(d.year - 1) if "last" in phrase or "previous" in phrase else Period(date(d.year, 1, 1), d)
    if "month" in phrase:
        if "last" in phrase or "previous" in phrase:
            prev = date(d.year, d.month, 1) - timedelta(days=1)
            return month_period(prev.year, prev.month)
        return Period(date(d.year, d.month, 1), d)
    if "quarter" in phrase:  # "this quarter" only: "the previous quarter" is before the figure's own period
        return Period(date(d.year, 3 * ((d.month - 1) // 3) + 1, 1), d)
    if "week" in phrase:
        return Period(d - timedelta(days=7), d)
    if "24 hours" in phrase or "day" in phrase:
        return Period(d - timedelta(days=1), d)
    return None


WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


def _weekday(m: re.Match, ctx: Context) -> Period | None:
    """"on Thursday": the latest such day on or before the document date."""
    if ctx.doc_date is None:
        return None
    back = (ctx.doc_date.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
    day = ctx.doc_date - timedelta(days=back)
    return Period(day, day)


def _mid_month(m: re.Match, ctx: Context) -> Period | None:
    """"mid-April": from the 15th to the month's end."""
    month = _month_year(m, ctx)
    return Period(month.start.replace(day=15), month.end) if month else None


def _start_of_year(m: re.Match, ctx: Context) -> Period | None:
    """"since the start of the year": the year of the document."""
    y = ctx.doc_date.year if ctx.doc_date else ctx.year
    return year_period(y) if y else None


def _report_cue(m: re.Match, ctx: Context) -> Period | None:
    # a report's own year: written after the cue, else the year it was published (an annual
    # report comes out after the year it covers)
    cue = m["cue"].lower().replace("-", "").replace(" ", "")
    if m["y"]:
        y = int(m["y"])
    elif ctx.doc_date:
        y = ctx.doc_date.year - (1 if cue.startswith("annual") else 0)
    else:
        return None
    if cue.startswith("midyear") or cue.startswith("halfyear"):
        return half_period(y, 1)
    if cue.startswith("annual"):
        return year_period(y)
    return None


# Substring tests in C are a hundred times cheaper than a case-blind alternation in `re`; they
# decide which patterns are worth running at all.
MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Every month a pattern reads starts at a word boundary with one of these (in lower case).
MONTH_START = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
DIGIT = re.compile(r"\d")
WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
YEAR_WRITTEN = re.compile(rf"(?<![\d,.])({YEAR})(?!\d|,\d)")
RANGE_WORD = r"(?:-|–|—|to|until|till|and|through)"
# Each pattern, the function that reads it, its role, and what the text must hold for the
# pattern to be worth running (a month name, a digit, a written year, a word): most sentences
# skip most patterns, and a sentence that holds none of these has no period at all.
PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, Context], Period | None], str, tuple[str, ...]]] = [
    (re.compile(rf"\b(?:between\s+|from\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?(?:\s+(?P<y1>{YEAR}))?\s*{RANGE_WORD}\s*(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?\b", re.I), _between_days, "reference", ("MONTH", "DIGIT")),
    (re.compile(rf"\b(?:between\s+|from\s+)?(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?\s*{RANGE_WORD}\s*(?P<m2>{MONTH})\s+(?P<d2>{DAY})(?:,?\s+(?P<y2>{YEAR}))?\b", re.I), _between_days_us, "reference", ("MONTH", "DIGIT")),
    (re.compile(rf"\b(?:between\s+|from\s+)?(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?\s*{RANGE_WORD}\s*(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?\b", re.I), _between_months, "reference", ("MONTH",)),
    (re.compile(rf"\b(?P<which>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _half, "reference", ("half",)),
    (re.compile(rf"\bH(?P<which>[12])\s+(?P<y>{YEAR})\b"), _half, "reference", ("H", "YEAR")),
    (re.compile(rf"\b(?P<q>{QUARTER_WORDS})\s+quarter\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _quarter, "reference", ("quarter",)),
    (re.compile(rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{YEAR}))?\b"), _quarter, "reference", ("Q",)),
    # "in the second quarter", "the first half": the year the text is about (not "... of 2020", read above)
    (re.compile(rf"\bthe\s+(?P<q>{QUARTER_WORDS})\s+quarter\b(?!\s+of\b)", re.I), _quarter_without_year, "reference", ("quarter",)),
    (re.compile(r"\bthe\s+(?P<which>first|second)\s+half\b(?!\s+of\b)", re.I), _half_without_year, "reference", ("half",)),
    (re.compile(rf"\bfirst\s+(?P<n>two|three|four|five|six|nine)\s+months\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _first_months, "reference", ("months",)),
    (re.compile(rf"\b(?P<d>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b", re.I), _day, "day", ("MONTH", "DIGIT")),
    (re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{YEAR}))?\b(?!\s*(?:%|per|percent|civilian|people|killed))", re.I), _day, "day", ("MONTH", "DIGIT")),
    (re.compile(rf"\bmid-?\s?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b", re.I), _mid_month, "reference", ("MONTH", "mid")),
    (re.compile(rf"\b(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b", re.I), _month_year, "reference", ("MONTH",)),
    (re.compile(r"\bthe\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b", re.I), _start_of_year, "reference", ("REPORT", "START")),
    (re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I), _weekday, "day", ("WEEKDAY",)),
    (re.compile(rf"\b(?P<cue>mid-?year|half-?year|annual)\s+(?:report|update|review)(?:\s+(?:for\s+)?(?P<y>{YEAR}))?", re.I), _report_cue, "reference", ("REPORT",)),
    (re.compile(rf"(?<![\d,.])(?P<y>{YEAR})(?!\d|,\d)", re.I), _year, "reference", ("YEAR",)),
    (re.compile(r"\b(?:(?:last|previous|past|this)\s+(?:year|month|week)|this\s+quarter|(?:the\s+)?(?:past|last)\s+24\s+hours)\b", re.I), _relative, "relative", ("RELATIVE",)),
]

SINCE = re.compile(
    r"\bsince\s+(?:the\s+(?:beginning|start|onset)\s+of\s+)?(?:(?:the\s+)?[a-z][a-z\s]{0,40}?\s+(?:in|on)\s+)?$", re.I
)
FROM_DAY = re.compile(r"\bfrom\s+$", re.I)
COMPARISON = re.compile(
    r"(?:\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|from|on|than(?:\s+(?:in|during))?|over|versus|vs\.?|against)\s+(?:the\s+)?(?:same\s+(?:\w+\s+)?(?:period|timeframe|time|months?|quarter)\s+(?:in|of|last)\s+)?"
    # "compared to the previous reporting period this year (April to June 2024)"
    r"|\b(?:compared|comparison)\s+(?:to|with)\s+the\s+(?:previous|preceding|last|same)\s+[a-z\s]{0,40}\(\s*"
    # "fell to a quarter of those recorded in October"
    r"|\b(?:of|than)\s+(?:those|that|the\s+\w+)\s+(?:reported|recorded|documented)\s+(?:in|during)\s+"
    # "a sixth of the 2019 total", "three times the 2019 level", "half the 2019 figure"
    r"|\b(?:half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|times|twice)\s+(?:of\s+)?the\s+)$",
    re.I,
)
SAME_PERIOD = re.compile(
    rf"\b(?:the\s+)?same\s+(?:reporting\s+)?(?:period|timeframe|time|months?|quarter)\s+(?:(?:in|of)\s+(?P<y>{YEAR})|last\s+year|(?:in\s+|of\s+)?the\s+previous\s+year|a\s+year\s+(?:earlier|before|ago))",
    re.I,
)
PREVIOUS = re.compile(r"\b(?:the\s+)?(?:previous|preceding|prior|last)\s+(?P<unit>quarter|month|year|half|week|reporting\s+period)\b", re.I)


def find_periods(text: str, doc_date: date | None, default_year: int | None = None) -> list[PeriodMention]:
    """Every period expression in `text`, left to right, longest first where they overlap.

    An expression without a year ("in November", "Q2") takes the nearest year written before
    it in the text, else `default_year` (the year the paragraph or title is about), else the
    document's year.
    """
    lower = text.lower()
    present = _cues_present(text, lower)
    if not present:
        return []
    # every written year starts with "19" or "20"
    years = [(m.start(), int(m.group(1))) for m in YEAR_WRITTEN.finditer(text)] if "DIGIT" in present and ("19" in text or "20" in text) else []
    if years:
        present.add("YEAR")
    fallback = default_year if default_year is not None else (doc_date.year if doc_date else None)
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, build, role, needs in PATTERNS:
        if not present.issuperset(needs):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            before = [y for at, y in years if at < m.start()]
            written = bool(before) or default_year is not None
            ctx = Context(doc_date, before[-1] if before else fallback, written)
            period = build(m, ctx)
            if period is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(PeriodMention(m.start(), m.end(), period, role, m.group()))
    if not found:
        return []
    found.sort(key=lambda p: p.start)
    same = [(m.start(), m.end()) for m in SAME_PERIOD.finditer(text)] if "same" in lower or not text.isascii() else []
    return [
        replace(p, role="comparison") if any(a <= p.start and p.end <= b for a, b in same) else _with_role(text, p)
        for p in found
    ]


def _cues_present(text: str, lower: str) -> set[str]:
    """Which of the cues the patterns need (see PATTERNS) the text holds."""
    present: set[str] = set()
    if DIGIT.search(text):
        present.add("DIGIT")
        if "h1" in lower or "h2" in lower:
            present.add("H")
        if "q1" in lower or "q2" in lower or "q3" in lower or "q4" in lower:
            present.add("Q")
    # `\b` reads the same in an ASCII text and its lower case; any other text keeps the looser test
    if MONTH_START.search(lower) if text.isascii() else any(m in lower for m in MONTH_STEMS):
        present.add("MONTH")
    for word in ("half", "quarter", "months", "mid"):
        if word in lower:
            present.add(word)
    if "start of" in lower or "beginning of" in lower:
        present.add("START")
    if "day" in lower and WEEKDAY.search(lower):
        present.add("WEEKDAY")
    if "year" in lower or "annual" in lower:
        present.add("REPORT")  # "annual report", "mid-year update"
    if "year" in lower or "month" in lower or "week" in lower or "hours" in lower or "quarter" in lower:
        present.add("RELATIVE")
    return present


SUPERLATIVE_SINCE = re.compile(r"\b(?:highest|lowest|largest|smallest|most|fewest|worst|deadliest|first\s+time)\b[^.;]{0,40}\bsince\s+(?:the\s+)?$", re.I)
DATELINE_AFTER = re.compile(r"^\s*[–—-]\s")
OVER_THE = re.compile(r"\bover\s+the\s+$", re.I)
SAID_ON = re.compile(r"\b(?:said|says|told|announced|reported|stated|added|confirmed|warned)\s+(?:\w+\s+)?(?:on\s+)?$", re.I)


def _with_role(text: str, p: PeriodMention) -> PeriodMention:
    before = text[max(0, p.start - 60) : p.start]
    # both "since" patterns need the word; a non-ASCII text may spell it in letters only
    # case-blind matching equates with it
    since = "since" in before.lower() or not before.isascii()
    if since and SUPERLATIVE_SINCE.search(before):
        return replace(p, role="record")  # "the highest since Q3 2019" dates a record, not the figure
    if p.role == "day" and p.start < 40 and DATELINE_AFTER.match(text[p.end : p.end + 3]):
        return replace(p, role="dateline")  # "Baghdad, 1 December 2014 – ..."
    if p.role == "day" and p.words.lower() in WEEKDAYS and SAID_ON.search(before):
        return replace(p, role="dateline")  # "the UN said on Friday" dates the statement, not the figure
    if p.role in ("reference", "day") and since and SINCE.search(before) or (p.role == "day" and FROM_DAY.search(before)):
        return replace(p, role="since")
    if p.role == "relative" and OVER_THE.search(before):
        return p  # "over the past week" is a span of time, not a comparison
    if p.role in ("reference", "relative") and COMPARISON.search(before):
        return replace(p, role="comparison")
    return p


def same_period_comparisons(text: str, reference: Period | None) -> list[tuple[int, int, Period]]:
    """'the same period in 2020' / 'last year': the reference span moved to that year."""
    out: list[tuple[int, int, Period]] = []
    if reference is None or reference.end is None:
        return out
    for m in SAME_PERIOD.finditer(text):
        target = int(m["y"]) if m["y"] else reference.start.year - 1
        out.append((m.start(), m.end(), reference.shifted_years(target - reference.start.year)))
    return out


def previous_period(reference: Period | None, unit: str) -> Period | None:
    """'the previous quarter / month / year' before a reference period."""
    if reference is None or reference.end is None:
        return None
    s = reference.start
    unit = unit.lower()
    if unit.startswith("reporting") or unit == "half":
        length = reference.end - reference.start
        end = reference.start - timedelta(days=1)
        if reference.label and reference.label[-2:] in ("Q2", "Q3", "Q4", "H2"):
            months = 3 if "Q" in reference.label else 6
            first = date(s.year, s.month, 1)
            back = first.month - months
            start = date(s.year + (back - 1) // 12, (back - 1) % 12 + 1, 1)
            return Period(start, end)
        return Period(end - length, end)
    if unit == "quarter":
        q = (s.month - 1) // 3 + 1
        return quarter_period(s.year, q - 1) if q > 1 else quarter_period(s.year - 1, 4)
    if unit == "month":
        prev = date(s.year, s.month, 1) - timedelta(days=1)
        return month_period(prev.year, prev.month)
    if unit == "year":
        return reference.shifted_years(-1)
    return None
