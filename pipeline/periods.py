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
    """A closed span of days. `start` is None only for "since" an event the text does not
    date ("since the conflict began"): the span ends on a known day, its start is unknown."""

    start: date | None
    end: date | None

    @property
    def label(self) -> str | None:
        if self.start is None:
            return None
        return span_label(self.start, self.end)

    def shifted_years(self, years: int) -> Period:
        return Period(_shift_year(self.start, years) if self.start else None, _shift_year(self.end, years) if self.end else None)


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
    role: str  # "reference", "day", "relative", "comparison", "since", "as_of", "record", "dateline", "anaphora"
    words: str
    event: str = ""  # for "since": the event it counts from ("coup" in "since the coup on 1 May")


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


def _us_day_range(m: re.Match, ctx: Context) -> Period | None:
    """"January 1 to 6", "March 3-9, 2024": two days of one month, the month written first."""
    y = _ctx_year(ctx, m["y"])
    if y is None:
        return None
    a, b = _day_month(m["d1"], m["m"], y), _day_month(m["d2"], m["m"], y)
    if a and b and not m["y"] and not ctx.year_written and ctx.doc_date and a > ctx.doc_date:
        a, b = _day_month(m["d1"], m["m"], y - 1), _day_month(m["d2"], m["m"], y - 1)
    return Period(a, b) if a and b and a < b else None


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def _count_word(text: str) -> int | None:
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text.lower())


def _first_days(m: re.Match, ctx: Context) -> Period | None:
    """"the first ten days of September", "the first week of May", "the first fortnight of
    June": from the 1st to the last day counted (a week seven days, a fortnight fourteen)."""
    month = _month_year(m, ctx)
    unit = m["unit"].lower()
    n = _count_word(m["n"]) if m["n"] else (None if unit == "days" or unit == "weeks" else 1)
    if month is None or not n:
        return None
    days = n * 7 if unit.startswith("week") else n * 14 if unit == "fortnight" else n
    last = min(month.end.day, days)
    return Period(month.start, month.start.replace(day=last))


def _last_months(m: re.Match, ctx: Context) -> Period | None:
    """"the last three months of 2019", "the final quarter of 2019": the year's closing months."""
    y = _ctx_year(ctx, m["y"])
    unit = (m["unit"] or m["unit2"]).lower()
    n = 3 if unit == "quarter" else 6 if unit == "half" else _count_word(m["n"] or "")
    if y is None or not n or n > 12:
        return None
    return Period(date(y, 13 - n, 1), date(y, 12, 31))


def _end_of_month(m: re.Match, ctx: Context) -> Period | None:
    """"the end of December", "end-March 2020": the month's last day."""
    month = _month_year(m, ctx)
    return Period(month.end, month.end) if month else None


def _end_of_year(m: re.Match, ctx: Context) -> Period | None:
    """"the end of 2018": 31 December of that year."""
    d = date(int(m["y"]), 12, 31)
    return Period(d, d)


def _month_last_year(m: re.Match, ctx: Context) -> Period | None:
    """"August last year": that month of the year before the document's; "May this year": of
    the document's year; "last March": the latest March before the document's month, unless
    that is the month just ended (which would be "last month"): "since last October" written in
    November is the October of the year before."""
    if ctx.doc_date is None:
        return None
    if m["m2"]:
        month = _month(m["m2"])
        return month_period(ctx.doc_date.year - (0 if month < ctx.doc_date.month - 1 else 1), month)
    this = (m["rel"] or "").lower() == "this"
    return month_period(ctx.doc_date.year - (0 if this else 1), _month(m["m"]))


def _numeric_date(m: re.Match, ctx: Context) -> Period | None:
    """"01/03/2020", "1.3.2020": day first, as humanitarian reports outside the US write them;
    a first number above 12 can only be a day, a second above 12 makes the date month-first."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    day, month = (b, a) if b > 12 >= a else (a, b)
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    return Period(d, d)


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
    (re.compile(rf"\b(?:between\s+|from\s+)?(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?\s*{RANGE_WORD}\s*(?P<m2>{MONTH})\s+(?P<d2>{DAY})(?:,?\s+(?P<y2>{YEAR}))?\b", re.I), _between_days_us, "reference", ("MONTH2", "DIGIT")),
    (re.compile(rf"\b(?:between\s+|from\s+)?(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?\s*{RANGE_WORD}\s*(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?\b", re.I), _between_months, "reference", ("MONTH2",)),
    (re.compile(rf"\b(?P<which>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _half, "reference", ("half",)),
    (re.compile(rf"\bH(?P<which>[12])\s+(?P<y>{YEAR})\b"), _half, "reference", ("H", "YEAR")),
    (re.compile(rf"\b(?P<q>{QUARTER_WORDS})\s+quarter\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _quarter, "reference", ("quarter",)),
    (re.compile(rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{YEAR}))?\b"), _quarter, "reference", ("Q",)),
    # "in the second quarter", "the first half": the year the text is about (not "... of 2020", read above)
    (re.compile(rf"\bthe\s+(?P<q>{QUARTER_WORDS})\s+quarter\b(?!\s+of\b)", re.I), _quarter_without_year, "reference", ("quarter",)),
    (re.compile(r"\bthe\s+(?P<which>first|second)\s+half\b(?!\s+of\b)", re.I), _half_without_year, "reference", ("half",)),
    (re.compile(rf"\bfirst\s+(?P<n>two|three|four|five|six|nine)\s+months\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _first_months, "reference", ("months",)),
    # "January 1 to 6", "March 3-9, 2024"
    (re.compile(rf"\b(?:between\s+|from\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY})(?:st|nd|rd|th)?\s*(?:-|–|to|until|through|and)\s*(?P<d2>{DAY})(?:st|nd|rd|th)?\b(?!\s*(?:{MONTH}|%|per|percent))(?:,?\s+(?P<y>{YEAR}))?", re.I), _us_day_range, "reference", ("MONTH", "DIGIT")),
    # "the first ten days of September", "the first two weeks of May 2020"
    (re.compile(rf"\bfirst\s+(?:(?P<n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+)?(?P<unit>days|weeks|week|fortnight)\s+of\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b", re.I), _first_days, "reference", ("MONTH", "first")),
    # "the last three months of 2019", "the final quarter of 2023", "the last six months of the year"
    (re.compile(rf"\b(?:last|final|closing)\s+(?:(?P<n>two|three|four|five|six|nine)\s+(?P<unit>months)|(?P<unit2>quarter|half))\s+of\s+(?:(?P<y>{YEAR})|the\s+year|this\s+year)", re.I), _last_months, "reference", ("last",)),
    # "the end of December", "end-March 2020"; "the end of 2018"
    (re.compile(rf"\bend(?:\s+of|-)\s*(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b", re.I), _end_of_month, "day", ("MONTH", "end")),
    (re.compile(rf"\bend(?:\s+of|-)\s*(?P<y>{YEAR})\b", re.I), _end_of_year, "day", ("end", "YEAR")),
    # "August last year", "last October", "May this year"
    (re.compile(rf"\b(?:(?P<m>{MONTH})\s+(?P<rel>last|this)\s+year|last\s+(?P<m2>{MONTH})(?!\s+{DAY}\b))\b", re.I), _month_last_year, "reference", ("MONTH", "last")),
    # "01/03/2020", "1.3.2020"
    (re.compile(rf"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{YEAR})(?![\d/])"), _numeric_date, "day", ("DIGIT", "/")),
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
    # "since 3 May", "since the start of 2020", "since fighting began in February", "since the blockade
    # on 9 March 2019", "since the start of the clashes between the two militias in late May":
    # the words between "since" and the date name the event (no digit or clause break among them)
    r"\bsince\s+(?:the\s+)?(?:(?:beginning|start|onset|outbreak|end)\s+of\s+)?(?:(?P<event>[^\d,.;:!?\n]{1,120}?)\s+(?:in|on)\s+)?(?:the\s+)?(?:(?:early|late)\s+)?$",
    re.I,
)
# "since" an event the sentence does not date: "since the conflict began", "since the coup",
# "since the start of the escalation". The pronouns and "then" are read elsewhere or are the
# "since" of a reason ("since they had no access").
UNDATED_SINCE = re.compile(
    r"\bsince\s+(?P<event>(?:(?:the|its|their|this|that|a)\s+)?(?:(?:beginning|start|onset|outbreak|end)\s+of\s+(?:the\s+|its\s+|their\s+|this\s+)?)?"
    r"[a-z][a-z'’-]*(?:\s+(?!and\b|but\b|with\b|to\b)[a-z][a-z'’-]*){0,5})",
    re.I,
)
NOT_AN_EVENT = frozenset("they it there we he she i you then when which what who this that these those its their his her our".split())
EVENT_FILLER = frozenset("the a an its their this that current latest recent ongoing beginning start onset outbreak end of full-scale".split())
EVENT_VERBS = frozenset("began begun started erupted escalated broke resumed".split())
# "during that period", "over the same period", "in the same time frame": the period just named
ANAPHORA = re.compile(
    r"\b(?:(?:during|in|over|within|for|throughout)\s+(?:(?:that|this|the\s+same)\s+(?:time\s+)?(?:period|time\s*frame|time|months?|weeks?)|the\s+(?:same\s+)?(?:time\s+)?period)"
    # "on that day", "the same day"
    r"|(?:on\s+)?(?:that|the\s+same)\s+day)\b(?!\s+(?:in|of|last|a)\b)",
    re.I,
)
EVENT_AFTER = re.compile(r"\s+([a-z][a-z'’-]+)")
SINCE_THEN = re.compile(r"\bsince\s+then\b", re.I)
AS_OF = re.compile(r"\b(?:as\s+(?:of|at|on)|figures\s+(?:as\s+)?(?:of|at)|situation\s+(?:as\s+)?(?:of|at)|data\s+(?:as\s+)?(?:of|at))\s+(?:the\s+)?$", re.I)
BY_DAY = re.compile(r"(?:^|[,;]\s*|\b(?:and|but)\s+)by\s+(?:the\s+)?$", re.I)


# Words of a sentence that looks ahead: a period it names that has not ended yet is not cut
# at the document date ("will need assistance through December").
FUTURE = re.compile(r"\b(?:will|would|projected|expected|forecast|planned|plans?|likely|through|until|by\s+the\s+end)\b", re.I)
# "so far in August", "to date": a count still running on the document date
SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far|up\s+to\s+now|until\s+now)\b", re.I)
# A report-period header: a short line that opens with one of these and names a period
# ("Reporting period: 3-9 June 2024", "Figures as of 15 March", "Situation as of 2 May").
HEADER_CUE = re.compile(
    r"^\W*(?:reporting\s+period|period\s+(?:covered|under\s+review)|period|coverage|covering|key\s+figures|figures|data|"
    r"situation(?:\s+report)?|sitrep|information|as\s+of|as\s+at|update|snapshot|highlights|week\s+\d{1,2})\b",
    re.I,
)
HEADER_AS_OF = re.compile(r"\b(?:as\s+(?:of|at|on)|to\s+date|up\s+to)\b", re.I)
HEADER_CHARS = 120


# Cues that make a header by themselves; the others ("Situation", "Update", "Figures") need a
# ":" or a dash, or "as of", after them: "Situation as of 3 May", "Update: 1-7 March".
STRONG_HEADER_CUE = re.compile(r"\W*(?:reporting\s+period|period\s+(?:covered|under\s+review)|coverage|as\s+(?:of|at)|week\s+\d{1,2})$", re.I)
HEADER_LABEL_END = re.compile(r"\s*(?:(?:no\.?|n°|#)?\s*\d{1,3}\s*)?(?:[:–—(-]|\b(?:report\s+)?(?:as\s+(?:of|at|on)|for|covering|from)\b)", re.I)


def _cue_labels(cue: str, rest: str, period: PeriodMention) -> bool:
    """Whether a header cue labels the period that follows: a strong cue, or one followed by a
    ":" or dash or by "as of", "for", "covering", with little but the period after that
    ("Update: 1-7 March", not "Update: the road reopened on 2 March")."""
    if STRONG_HEADER_CUE.match(cue):
        return True
    label = HEADER_LABEL_END.match(rest)
    return bool(label) and len(period.words) * 2 >= len(rest[label.end():].strip(" :-–—*#()."))


def header_period(line: str, doc_date: date | None, default_year: int | None = None) -> PeriodMention | None:
    """The period a report-period header line names, or None if `line` is no such header.

    A header is a line of at most HEADER_CHARS characters that opens with a header cue
    ("Reporting period:", "Figures as of", "Situation as of") or is little more than a
    period ("1-7 March 2024"). "As of" headers give the role "as_of" (the day counts stood
    at); the others "reference"."""
    text = line.strip()
    if not text or len(text) > HEADER_CHARS:
        return None
    cue = HEADER_CUE.match(text)
    if cue is None and len(text) > 60:
        return None
    periods = [p for p in find_periods(text, doc_date, default_year) if p.role in ("reference", "day", "as_of", "since") and p.period.start]
    if not periods:
        return None
    widest = max(periods, key=lambda p: len(p.words))
    mostly_period = len(widest.words) * 2 >= len(text.strip(" :-–—*#"))
    if cue is None and not mostly_period:
        return None
    if cue is not None and not (mostly_period or _cue_labels(cue.group(), text[cue.end():], widest)):
        return None  # "Situation worsened sharply on 3 May": a sentence that opens with a cue word
    if widest.role != "since" and HEADER_AS_OF.search(text[: widest.start]):
        return replace(widest, role="as_of")
    return widest


def event_key(words: str) -> str:
    """The word that names the event a "since" counts from: "the start of the conflict
    between ..." -> "conflict", "fighting began" -> "fighting"; "" when none."""
    for word in words.lower().split():
        word = word.strip("'’")
        if word in EVENT_FILLER:
            continue
        return "" if word in NOT_AN_EVENT or word in EVENT_VERBS else word.removesuffix("'s").removesuffix("’s")
    return ""


FROM_DAY = re.compile(r"\bfrom\s+$", re.I)
COMPARISON = re.compile(
    r"(?:\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|from|on|than(?:\s+(?:in|during))?|over|versus|vs\.?|against)\s+(?:(?:all|the\s+whole|the\s+entire)\s+(?:of\s+)?)?(?:the\s+)?(?:same\s+(?:\w+\s+)?(?:period|timeframe|time|months?|quarter)\s+(?:in|of|last)\s+)?"
    # "compared to the previous reporting period this year (April to June 2024)"
    r"|\b(?:compared|comparison)\s+(?:to|with)\s+the\s+(?:previous|preceding|last|same)\s+[a-z\s]{0,40}\(\s*"
    # "fell to a quarter of those recorded in October"
    r"|\b(?:of|than)\s+(?:those|that|the\s+\w+)\s+(?:reported|recorded|documented)\s+(?:in|during)\s+"
    # "a sixth of the 2019 total", "three times the 2019 level", "half the 2019 figure"
    r"|\b(?:half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|times|twice)\s+(?:of\s+)?the\s+"
    # "three times as many as in 2017", "as high as during the same months of 2019"
    r"|\bas\s+(?:many|much|high|large|great|often)\s+as\s+(?:in\s+|during\s+)?(?:the\s+)?)$",
    re.I,
)
SAME_PERIOD = re.compile(
    rf"\b(?:the\s+)?same\s+(?:reporting\s+)?(?:period|timeframe|time|months?|quarter)\s+(?:(?:in|of)\s+(?P<y>{YEAR})|last\s+year|(?:in\s+|of\s+)?the\s+previous\s+year|a\s+year\s+(?:earlier|before|ago))",
    re.I,
)
# "the previous five months": that many months, ending the day before the reference period
PREVIOUS = re.compile(
    r"\b(?:(?:the\s+)?(?:previous|preceding|prior|last)\s+(?:(?P<count>[2-9]|1[0-2]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<units>months|weeks)\b"
    r"|(?P<unit>quarter|month|year|half|week|reporting\s+period))"
    # "60 percent more than a year ago", "up from a month earlier"
    r"|an?\s+(?P<unit2>year|month|week|quarter)\s+(?:ago|earlier|before|previously))\b",
    re.I,
)


def find_periods(text: str, doc_date: date | None, default_year: int | None = None) -> list[PeriodMention]:
    """Every period expression in `text`, left to right, longest first where they overlap.

    An expression without a year ("in November", "Q2") takes the nearest year written before
    it in the text, else `default_year` (the year the paragraph or title is about), else the
    document's year.
    """
    lower = text.lower()
    present = _cues_present(text, lower)
    if not present:
        return _word_periods(text, lower, [])
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
            # a year the paragraph is about counts as written, unless it is just the document's
            written = bool(before) or (default_year is not None and (doc_date is None or default_year != doc_date.year))
            ctx = Context(doc_date, before[-1] if before else fallback, written)
            period = build(m, ctx)
            if period is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(PeriodMention(m.start(), m.end(), period, role, m.group()))
    if not found:
        return _word_periods(text, lower, [])
    found.sort(key=lambda p: p.start)
    same = [(m.start(), m.end()) for m in SAME_PERIOD.finditer(text)] if "same" in lower or not text.isascii() else []
    found = [
        replace(p, role="comparison") if any(a <= p.start and p.end <= b for a, b in same) else _with_role(text, p)
        for p in found
    ]
    return _word_periods(text, lower, found)


UNKNOWN = Period(None, None)


def _word_periods(text: str, lower: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """`found` with the periods named by words alone: "since" an event the sentence does not
    date (its start unknown here: the caller may know the event's date from earlier), "since
    then" and "during that period" (the period named just before, which the caller knows)."""
    if "since" not in lower and "period" not in lower and "time" not in lower and "same" not in lower and "that day" not in lower:
        return found
    extra: list[PeriodMention] = []
    if "since" in lower:
        for m in UNDATED_SINCE.finditer(text):
            if any(m.start() <= p.start <= m.start() + 140 and "since" not in lower[m.start() + 5 : p.start] for p in found):
                continue  # a "since" the sentence dates
            if any(p.start <= m.start() < p.end for p in found):
                continue
            if SUPERLATIVE_SINCE.search(text[max(0, m.start() - 60) : m.start()] + "since "):
                continue  # "the highest since the war": a record
            words = m["event"]
            if SINCE_THEN.match(text, m.start()):
                extra.append(PeriodMention(m.start(), m.end(), UNKNOWN, "anaphora", m.group(), "then"))
                continue
            key = event_key(words)
            if key:
                extra.append(PeriodMention(m.start(), m.end(), UNKNOWN, "since", m.group(), key))
    if "period" in lower or "time" in lower or "same" in lower or "that day" in lower:
        for m in ANAPHORA.finditer(text):
            if not any(p.start < m.end() and m.start() < p.end for p in found):
                before = text[max(0, m.start() - 40) : m.start()]
                if not COMPARISON.search(before + " ") and not COMPARISON.search(before):
                    extra.append(PeriodMention(m.start(), m.end(), UNKNOWN, "anaphora", m.group()))
    if not extra:
        return found
    return sorted(found + extra, key=lambda p: p.start)


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
        # a range of two months ("March to May") starts two months at word boundaries
        if not text.isascii() or len(MONTH_START.findall(lower)) >= 2:
            present.add("MONTH2")
    for word in ("half", "quarter", "months", "mid"):
        if word in lower:
            present.add(word)
    if "start of" in lower or "beginning of" in lower:
        present.add("START")
    if "first " in lower:
        present.add("first")
    if ("last " in lower or "final " in lower or "closing " in lower) and (" of " in lower or "MONTH" in present):
        present.add("last")
    if "end of" in lower or "end-" in lower:
        present.add("end")
    if "/" in text:
        present.add("/")
    if "day" in lower and WEEKDAY.search(lower):
        present.add("WEEKDAY")
    if "year" in lower or "annual" in lower:
        present.add("REPORT")  # "annual report", "mid-year update"
    if "year" in lower or "month" in lower or "week" in lower or "hours" in lower or "quarter" in lower:
        present.add("RELATIVE")
    return present


SUPERLATIVE_SINCE = re.compile(r"\b(?:highest|lowest|largest|biggest|greatest|smallest|most|fewest|worst|deadliest|bloodiest|first\s+time)\b[^.;]{0,40}\bsince\s+(?:the\s+)?$", re.I)
DATELINE_AFTER = re.compile(r"^\s*[–—-]\s")
OVER_THE = re.compile(r"\b(?:over|during|in|within)\s+(?:the\s+)?$", re.I)
SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|warned|published|released|issued|seen\s+by\s+\w+)\s+(?:\w+\s+)?(?:on\s+)?$",
    re.I,
)


def _with_role(text: str, p: PeriodMention) -> PeriodMention:
    before = text[max(0, p.start - 60) : p.start]
    lower_before = before.lower()
    # both "since" patterns need the word; a non-ASCII text may spell it in letters only
    # case-blind matching equates with it
    wide = text[max(0, p.start - 140) : p.start]
    since = "since" in wide.lower() or not wide.isascii()
    since_match = SINCE.search(wide) if since and p.role in ("reference", "day") else None
    if since_match and SUPERLATIVE_SINCE.search(wide[: since_match.start()] + "since "):
        return replace(p, role="record")  # "the highest since Q3 2019" dates a record, not the figure
    if p.role == "day" and p.start < 40 and DATELINE_AFTER.match(text[p.end : p.end + 3]):
        return replace(p, role="dateline")  # "Baghdad, 1 December 2014 – ..."
    if p.role == "day" and p.words.lower() in WEEKDAYS and SAID_ON.search(before):
        return replace(p, role="dateline")  # "the UN said on Friday" dates the statement, not the figure
    if since_match:
        # the event named before the date ("since the coup on 1 May") or after it ("since the
        # 1 May coup")
        event = event_key(since_match["event"] or "") or event_key(EVENT_AFTER.match(text, p.end)[1] if EVENT_AFTER.match(text, p.end) else "")
        return replace(p, role="since", event=event)
    if p.role == "day" and FROM_DAY.search(before):
        return replace(p, role="since")
    if p.role in ("reference", "day") and ("as " in lower_before or "of " in lower_before) and AS_OF.search(before):
        return replace(p, role="as_of")  # "as of 30 April": the day a count stood at
    if p.role == "day" and "by " in lower_before and BY_DAY.search(before):
        return replace(p, role="as_of")  # "By 19 October, the total had reached ..."
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


def previous_period(reference: Period | None, unit: str, count: str | None = None) -> Period | None:
    """'the previous quarter / month / year' before a reference period; with a `count`
    ("the previous five months", "the preceding 3 weeks"), that many months or weeks ending
    the day before the reference period starts."""
    if reference is None or reference.end is None or reference.start is None:
        return None
    s = reference.start
    if count:
        n = int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
        end = s - timedelta(days=1)
        if unit.lower().startswith("week"):
            return Period(s - timedelta(weeks=n), end)
        back = s.month - n
        return Period(date(s.year + (back - 1) // 12, (back - 1) % 12 + 1, 1), end)
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
