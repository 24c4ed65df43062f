from datetime import date

from pipeline.periods import Period, find_periods, period_label

DOC_DATE = date(2021, 8, 12)


def labels(text: str, doc_date: date | None = DOC_DATE) -> list[tuple[str, str]]:
    return [(p.period.label, p.role) for p in find_periods(text, doc_date)]


def test_canonical_labels():
    assert period_label(date(2021, 1, 1), date(2021, 12, 31)) == "2021"
    assert period_label(date(2021, 1, 1), date(2021, 6, 30)) == "2021-H1"
    assert period_label(date(2021, 7, 1), date(2021, 9, 30)) == "2021-Q3"
    assert period_label(date(2021, 5, 1), date(2021, 5, 31)) == "2021-05"
    assert period_label(date(2021, 5, 1), date(2021, 8, 12)) == "2021-05-01..2021-08-12"
    assert period_label(date(2021, 5, 3), date(2021, 5, 3)) == "2021-05-03"


def test_absolute_periods():
    assert labels("in the first half of 2019") == [("2019-H1", "reference")]
    assert labels("between 1 January and 30 September 2020") == [("2020-01-01..2020-09-30", "reference")]
    assert labels("in January-June 2018") == [("2018-H1", "reference")]
    assert labels("in the first quarter of 2021") == [("2021-Q1", "reference")]
    assert labels("during 2023") == [("2023", "reference")]


def test_a_range_end_without_a_year_takes_the_other_ends():
    # the start's year, not the document's, and with no document date at all
    for doc_date in (DOC_DATE, None):
        assert labels("from 3 February 2019 to 14 May", doc_date) == [("2019-02-03..2019-05-14", "reference")]
        assert labels("from April 4, 2019 to May 14", doc_date) == [("2019-04-04..2019-05-14", "reference")]
        assert labels("between April 2019 and July", doc_date) == [("2019-04-01..2019-07-31", "reference")]
    # a range that crosses the new year: the end without a year is in the next one, the start
    # without one in the year before
    assert labels("from 12 November 2019 to 8 February") == [("2019-11-12..2020-02-08", "reference")]
    assert labels("from 12 November to 8 February 2020") == [("2019-11-12..2020-02-08", "reference")]
    assert labels("between October and March 2020") == [("2019-10-01..2020-03-31", "reference")]
    # no year written and no document date: no period rather than a guess
    assert labels("from 3 February to 14 May", doc_date=None) == []
    # both years written, the end before the start: a slip, not a period
    assert ("2019-10-01..2018-12-31", "reference") not in labels("between October 2019 and December 2018")
    assert all(p.period.start <= p.period.end for p in find_periods("between October 2019 and December 2018", DOC_DATE))


def test_a_quarter_or_half_without_a_year_is_the_latest_one_begun():
    assert labels("in the first half") == [("2021-H1", "reference")]
    assert labels("during the third quarter") == [("2021-Q3", "reference")]
    # written in January: "the fourth quarter" is last year's
    assert labels("in the fourth quarter", doc_date=date(2022, 1, 15)) == [("2021-Q4", "reference")]
    assert labels("in the second half", doc_date=date(2021, 3, 1)) == [("2020-H2", "reference")]
    # a year the text names is taken as written, begun or not
    assert labels("In 2023, in the third quarter") == [("2023", "reference"), ("2023-Q3", "reference")]
    assert labels("in the first quarter", doc_date=None) == []
    # "the first quarter of ..." is read by the patterns that name its year
    assert labels("the first quarter of the year") == [("2021-Q1", "reference")]


def test_relative_periods_resolve_against_the_document_date():
    assert labels("last year") == [("2020", "relative")]
    assert labels("this month") == [("2021-08-01..2021-08-12", "relative")]
    assert labels("last year", doc_date=None) == []


def test_month_without_year_takes_the_year_the_sentence_names():
    assert labels("reported in December 2022, up from the figure reported in November") == [
        ("2022-12", "reference"),
        ("2022-11", "reference"),
    ]


def test_report_cues():
    assert labels("the midyear report of the mission") == [("2021-H1", "reference")]
    # an annual report is published after the year it covers
    assert labels("its annual report", doc_date=date(2021, 2, 23)) == [("2020", "reference")]


def test_since_and_comparison_roles():
    assert labels("since the beginning of 2014") == [("2014", "since")]
    assert labels("up 11% from Q2 2020") == [("2020-Q2", "comparison")]


def test_shift_keeps_leap_days_valid():
    assert Period(date(2020, 2, 29), date(2020, 2, 29)).shifted_years(1).start == date(2021, 2, 28)
