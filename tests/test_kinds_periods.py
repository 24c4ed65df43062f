"""Period and comparison wordings of humanitarian text, each kind in sentences of its own that
vary wording, order and numbers (issue 14, "When")."""

from datetime import date

import pytest

from tests.conftest import figures_of, only


def period(records: list[dict], text: str) -> tuple[str | None, str | None]:
    figure = only(records, text)
    return figure["period_start"], figure["period_end"]


def comparison(records: list[dict], text: str) -> tuple[str | None, str | None]:
    figure = only(records, text)
    return figure["comparison_start"], figure["comparison_end"]


# A report-period header governs the figures under it, until the next header.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Reporting period: 3-9 June 2024\n\nAbout 4,100 people were displaced by flooding in the east.", "About 4,100", ("2024-06-03", "2024-06-09")),
    ("Period covered: 1-15 March\n\nClashes killed 23 civilians in the district.\n\nAt least 60 people were injured.", "At least 60", ("2024-03-01", "2024-03-15")),
    ("Situation as of 12 May 2024\n\nSome 18,000 people remain displaced in camps.", "Some 18,000", ("2024-05-12", "2024-05-12")),
])
def test_a_report_period_header_governs_the_figures_under_it(body, text, want):
    assert period(figures_of(body, published=date(2024, 6, 20)), text) == want


def test_a_new_header_ends_the_period_of_the_one_before():
    body = ("Reporting period: 1-7 April 2024\n\nFighting killed 31 civilians.\n\n"
            "Reporting period: 8-14 April 2024\n\nAnother 12 civilians were killed.")
    records = figures_of(body, published=date(2024, 4, 20))
    assert period(records, "31") == ("2024-04-01", "2024-04-07")
    assert period(records, "12") == ("2024-04-08", "2024-04-14")


def test_an_as_of_header_ends_a_since_period_under_it():
    body = "Figures as of 30 April 2024\n\nSince 1 January, 2,300 people have been killed."
    assert period(figures_of(body, published=date(2024, 5, 6)), "2,300") == ("2024-01-01", "2024-04-30")


# "As of D": a stock stands on the one day D; with a "since" start the period runs to D.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("As of 30 April, 61,000 people remain displaced.", "61,000", ("2024-04-30", "2024-04-30")),
    ("Some 7,400 people were displaced as of 2 March.", "Some 7,400", ("2024-03-02", "2024-03-02")),
    ("Since 1 January, 950 civilians have been killed, as of 30 April.", "950", ("2024-01-01", "2024-04-30")),
    ("As of 18 May, more than 12,000 people had been displaced since 3 February.", "more than 12,000", ("2024-02-03", "2024-05-18")),
])
def test_as_of_ends_a_period_on_that_day(body, text, want):
    assert period(figures_of(body, published=date(2024, 6, 1)), text) == want


def test_as_of_takes_the_start_of_a_since_carried_from_before():
    body = ("About 2.1 million people have fled their homes since the fighting began in mid-March. "
            "Within the country, 1.4 million have been displaced as of 2 June, most of them to the north.")
    records = figures_of(body, published=date(2024, 6, 9))
    assert period(records, "About 2.1 million") == ("2024-03-15", "2024-06-09")
    assert period(records, "1.4 million") == ("2024-03-15", "2024-06-02")


# "since fighting began in February": from the first of that month to the document date, however
# long the words naming the event.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Since fighting began in February, 3,200 people have been killed.", "3,200", ("2024-02-01", "2024-05-10")),
    ("Some 45,000 have fled since clashes between the army and the Northern Front militia erupted in late January.", "Some 45,000", ("2024-01-01", "2024-05-10")),
    ("At least 800 civilians have died since the siege of the city started on 4 March.", "At least 800", ("2024-03-04", "2024-05-10")),
])
def test_since_an_event_in_a_month_runs_to_the_document_date(body, text, want):
    assert period(figures_of(body, published=date(2024, 5, 10)), text) == want


# "since the coup": the day an earlier "since the coup on ..." gave.
@pytest.mark.parametrize(("body", "text"), [
    ("Since the coup on 3 March 2022, 4,000 people have been killed.\nSome 2,500 have been detained since the coup.", "Some 2,500"),
    ("The offensive began on 9 October 2023. Since the offensive on 9 October 2023, 600 died. "
     "Nearly 900 people have been wounded since the offensive, officials said.", "Nearly 900"),
    ("Since the earthquake on 9 October 2023, 120 people have died.\n\nAbout 300 were injured since the earthquake struck.", "About 300"),
])
def test_since_an_event_dated_earlier_takes_its_date(body, text):
    start = period(figures_of(body, published=date(2024, 2, 1)), text)[0]
    assert start in ("2022-03-03", "2023-10-09")


def test_since_an_event_never_dated_gives_no_period():
    records = figures_of("Some 700 people have been killed since the attacks started.", published=date(2024, 2, 1))
    assert period(records, "Some 700") == (None, None)


# Relative windows back from the document date.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("In the past month, 2,300 people were displaced.", "2,300", ("2024-04-10", "2024-05-10")),
    ("Over the past 24 hours, 17 people were killed in shelling.", "17", ("2024-05-09", "2024-05-10")),
    ("Floods affected 5,600 people last week.", "5,600", ("2024-05-03", "2024-05-10")),
    ("At least 4,100 people were killed in the country last year, up from 2,900 in 2022.", "At least 4,100", ("2023-01-01", "2023-12-31")),
])
def test_relative_windows_run_back_from_the_document_date(body, text, want):
    assert period(figures_of(body, published=date(2024, 5, 10)), text) == want


# A weekday: the latest such day on or before the document date (10 May 2024 is a Friday).
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Gunmen killed 14 villagers on Saturday.", "14", "2024-05-04"),
    ("On Tuesday, an air strike injured 22 people at a market.", "22", "2024-05-07"),
    ("Clashes on Friday killed nine people in the market town.", "nine", "2024-05-10"),
])
def test_a_weekday_is_the_latest_such_day(body, text, want):
    assert period(figures_of(body, published=date(2024, 5, 10)), text) == (want, want)


# Day-first numeric dates.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("On 01/03/2020, 12 people were killed in the attack.", "12", "2020-03-01"),
    ("Shelling on 25/12/2019 wounded 40 civilians.", "40", "2019-12-25"),
    ("Between 04.05.2021 and today, 70 people were abducted; on 11/06/2021 alone 9 were killed.", "9", "2021-06-11"),
])
def test_day_first_numeric_dates(body, text, want):
    assert period(figures_of(body), text) == (want, want)


# The last months, quarter or half of a year.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("In the last three months of 2019, 1,300 civilians were killed.", "1,300", ("2019-10-01", "2019-12-31")),
    ("Some 560 people were abducted during the final quarter of 2022.", "Some 560", ("2022-10-01", "2022-12-31")),
    ("The last six months of 2020 saw 75 attacks on health workers.", "75", ("2020-07-01", "2020-12-31")),
])
def test_the_last_months_of_a_year(body, text, want):
    assert period(figures_of(body), text) == want


# "during that period", "in the same period", "since then": the period just named.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("The report covers 1 January to 31 March 2023. During that period, 410 civilians were killed.", "410", ("2023-01-01", "2023-03-31")),
    ("Fighting raged between May and July 2022.\n\nIn the same period, 36,000 people fled their homes.", "36,000", ("2022-05-01", "2022-07-31")),
    ("The ceasefire collapsed in March 2021. Since then, some 95,000 people have been displaced.", "some 95,000", ("2021-03-01", "2021-08-12")),
    ("Monitors recorded cases from 24 February 2022 to 10 September 2023. Over the period, 520 children died.", "520", ("2022-02-24", "2023-09-10")),
])
def test_the_period_just_named(body, text, want):
    assert period(figures_of(body), text) == want


# The one period of a long sentence dates all its figures, however far after them it stands.
def test_one_period_at_the_end_of_a_long_sentence_dates_its_figures():
    body = ("The monitors documented 315 incidents affecting civilians, in which 210 people were killed, "
            "198 injured, 74 abducted and a further 41 subjected to sexual violence across the three "
            "northern provinces between July and September 2022.")
    records = figures_of(body)
    for text in ("315", "210", "198", "74"):
        assert period(records, text) == ("2022-07-01", "2022-09-30")


# A part of a total shares the total's period.
def test_the_parts_of_a_total_share_its_period():
    body = ("Since the last update, at least 52 people, including 19 children and 7 women, have been killed, "
            "the highest daily toll since the offensive began on 3 May.")
    records = figures_of(body, published=date(2024, 6, 1))
    whole = period(records, "at least 52")
    assert period(records, "19") == whole and period(records, "7") == whole


# A period that opens the next figure's clause is that figure's, not this one's.
@pytest.mark.parametrize(("body", "first", "want"), [
    ("In 2023, 61 journalists were killed, while in 2022 the toll was 44.", "61", ("2023-01-01", "2023-12-31")),
    ("So far in May, 7,200 people have been displaced, and as of 10 May, 48,000 have fled since 1 April.", "7,200", ("2024-05-01", "2024-05-14")),
])
def test_a_period_that_leads_the_next_clause_is_not_this_figures(body, first, want):
    assert period(figures_of(body, published=date(2024, 5, 14)), first) == want


def test_as_of_and_since_in_the_next_clause_date_its_figure():
    body = "So far in May, 7,200 people have been displaced, and as of 10 May, 48,000 have fled since 1 April."
    assert period(figures_of(body, published=date(2024, 5, 14)), "48,000") == ("2024-04-01", "2024-05-10")


# A change "since X" is compared with X; its own period comes from elsewhere.
@pytest.mark.parametrize(("body", "title", "text", "want_period", "want_comparison"), [
    ("The number of people in need has increased by 45 per cent since the war began in 2016.",
     "2020 Humanitarian Needs Overview", "45 per cent", ("2020-01-01", "2020-12-31"), ("2016-01-01", "2016-12-31")),
    ("Displacement has risen by 600 percent since the end of 2019, a report said.", None, "600 percent",
     ("2019-12-31", "2021-08-12"), ("2019-12-31", "2019-12-31")),
    ("Civilian deaths rose 20% since 2018.", "Civilian harm report, 2021", "20%", ("2021-01-01", "2021-12-31"), ("2018-01-01", "2018-12-31")),
])
def test_a_change_since_a_date_is_compared_with_it(body, title, text, want_period, want_comparison):
    records = figures_of(body, title=title)
    assert period(records, text) == want_period
    assert comparison(records, text) == want_comparison


# "<month> last year", "last <month>": that month of the year before the document's.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Some 555,000 people have fled since August last year.", "Some 555,000", ("2023-08-01", "2024-05-10")),
    ("Nearly 3,100 people have been killed since last October.", "Nearly 3,100", ("2023-10-01", "2024-05-10")),
    ("In March last year, 64 civilians were killed.", "64", ("2023-03-01", "2023-03-31")),
])
def test_a_month_last_year(body, text, want):
    assert period(figures_of(body, published=date(2024, 5, 10)), text) == want


# "the end of December", "end-2018": the last day of the month or year.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Data as of the end of December showed 688,000 people displaced.", "688,000", ("2023-12-31", "2023-12-31")),
    ("There were about 12,000 refugees in the camps at the end of 2018.", "about 12,000", ("2018-12-31", "2018-12-31")),
    ("Since end-March 2023, 4,700 people have crossed the border.", "4,700", ("2023-03-31", "2024-01-20")),
])
def test_the_end_of_a_month_or_year(body, text, want):
    assert period(figures_of(body, published=date(2024, 1, 20)), text) == want


# Day ranges written month first; the first days or weeks of a month.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("From January 1 to 6 alone, fighting forced 150,000 people to flee.", "150,000", ("2024-01-01", "2024-01-06")),
    ("March 3-9, 2023 saw 41 civilians killed.", "41", ("2023-03-03", "2023-03-09")),
    ("In the first ten days of September, 290 civilians were injured.", "290", ("2023-09-01", "2023-09-10")),
    ("During the first two weeks of May 2023, 1,800 people were displaced.", "1,800", ("2023-05-01", "2023-05-14")),
])
def test_day_ranges_and_first_days(body, text, want):
    assert period(figures_of(body, published=date(2024, 1, 20)), text) == want


# "so far in August": the month up to the document date.
@pytest.mark.parametrize(("body", "text"), [
    ("More than 72,000 people have been displaced so far in August.", "More than 72,000"),
    ("So far in August, 310 people have died of cholera.", "310"),
    ("The number killed in August to date stands at 95.", "95"),
])
def test_so_far_in_a_month_ends_on_the_document_date(body, text):
    assert period(figures_of(body, published=date(2019, 8, 22)), text) == ("2019-08-01", "2019-08-22")


# Comparisons: "a year ago", "as many as in 2020", the previous quarter of a carried period.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("As of 31 December 2023, 700,000 people were displaced, 60 percent more than a year ago.", "60 percent", ("2022-12-31", "2022-12-31")),
    ("Ten million children need assistance in 2023, twice as many as in 2020.", "twice", ("2020-01-01", "2020-12-31")),
    ("Attacks on aid convoys were three times as high as in 2019.", "three times", ("2019-01-01", "2019-12-31")),
    ("Some 1,600 people were killed in the first three months of 2024.\n\nThe death toll rose by 50 percent over the previous quarter.", "50 percent", ("2023-10-01", "2023-12-31")),
])
def test_comparison_periods(body, text, want):
    assert comparison(figures_of(body, published=date(2024, 4, 5)), text) == want


# "since the 3 March 2022 coup": the event named after its date is remembered as well.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Since the 3 March 2022 coup, 4,000 people have been killed.\nSince the coup, 2,500 people have been detained.", "2,500", "2022-03-03"),
    ("Since the 9 October 2023 earthquake, 120 people have died.\n\nSome 300 were injured since the earthquake.", "Some 300", "2023-10-09"),
    ("Since the May 2021 floods, 47,000 people have been displaced. Another 800 have died since the floods.", "800", "2021-05-01"),
])
def test_an_event_named_after_its_date_is_remembered(body, text, want):
    assert period(figures_of(body, published=date(2024, 2, 1)), text)[0] == want


# A window that opens the sentence dates the figures of its clause; a running total "brought
# to" a number later in the sentence is dated by the "since" after it.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("In the past 24 hours, strikes killed 60 people and wounded 140 others, bringing the toll to 9,800 killed since 1 March.", "140", ("2024-05-09", "2024-05-10")),
    ("In the past 24 hours, strikes killed 60 people and wounded 140 others, bringing the toll to 9,800 killed since 1 March.", "9,800", ("2024-03-01", "2024-05-10")),
    ("Over the past week, 35 people died and 210 were injured, taking the total to 5,400 injured since the start of January.", "210", ("2024-05-03", "2024-05-10")),
])
def test_a_leading_window_and_a_running_total(body, text, want):
    assert period(figures_of(body, published=date(2024, 5, 10)), text) == want


# A later paragraph goes on about the period of the document's last figure, whoever speaks.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("UNHCR said 3,400 people fled across the border between April and June 2023.\n\n"
     "The death toll rose by 12 percent over the previous quarter, according to UNICEF.", "12 percent", ("2023-04-01", "2023-06-30")),
    ("In the first quarter of 2024, 210 civilians were killed, OCHA said.\n\n"
     "WHO said 35 health workers were injured.", "35", ("2024-01-01", "2024-03-31")),
    ("Some 900 people were abducted in 2022, the monitors reported.\n\nAmnesty International said 140 children were abducted.", "140", ("2022-01-01", "2022-12-31")),
])
def test_a_later_paragraph_keeps_the_documents_period_under_a_new_speaker(body, text, want):
    assert period(figures_of(body, published=date(2024, 8, 1)), text) == want


# A stock word makes a stock of the figure it stands by, not of every figure in its sentence.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("In May 2023 the rains failed. Reports from the remote districts of the north were still coming in late in the evening, when officials said 48 people had died in the floods.", "48", ("2023-05-01", "2023-05-31")),
    ("In May 2023 the rains failed. Officials said 48 people had died in the floods across the southern districts and the river valleys, and the search for the missing is now being extended.", "48", ("2023-05-01", "2023-05-31")),
    ("Floods killed 40 people in May 2023.\n\nSome 3,000 people remain displaced.", "Some 3,000", (None, None)),
])
def test_a_stock_word_makes_a_stock_of_the_figure_it_stands_by(body, text, want):
    assert period(figures_of(body, published=date(2024, 8, 1)), text) == want


# A period in a relative clause before the figure dates that clause, not the figure.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("In 2018, the militia, which observed a truce from 15 to 17 June, was responsible for 40 per cent of civilian deaths.", "40 per cent", ("2018-01-01", "2018-12-31")),
    ("During 2022, the army, whose offensive began on 3 March, killed 210 civilians.", "210", ("2022-01-01", "2022-12-31")),
    ("In 2019, the group, which seized the town in May, abducted 75 people.", "75", ("2019-01-01", "2019-12-31")),
])
def test_a_period_in_a_relative_clause_does_not_date_the_figure(body, text, want):
    assert period(figures_of(body), text) == want


# A date without a year takes the year of the period the text named last.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("Violence surged in the first half of 2018.\n\nBetween 1 January and 30 June, 1,692 civilians were killed.", "1,692", ("2018-01-01", "2018-06-30")),
    ("The report covers 2019.\n\nOn 3 March, 28 people were killed in a market.", "28", ("2019-03-03", "2019-03-03")),
    ("Heavy rains fell through 2016.\n\nFloods in August displaced 9,000 people.", "9,000", ("2016-08-01", "2016-08-31")),
])
def test_a_date_without_a_year_takes_the_year_named_last(body, text, want):
    assert period(figures_of(body, published=None), text) == want


# The items of a list take the period of the paragraph that leads into it.
@pytest.mark.parametrize(("body", "text", "want"), [
    ("In the first week of May, the toll rose sharply. Among the victims:\n- 48 were killed,\n- 130 were injured.", "130", ("2024-05-01", "2024-05-07")),
    ("Between 1 and 15 March 2024, the mission recorded the following:\n\n• 22 civilians killed\n\n• 61 civilians injured", "61", ("2024-03-01", "2024-03-15")),
    ("Over the past month, incidents were reported across the region:\n* 14 people were abducted in the north\n* 9 people were killed in the south",
     "9", ("2024-04-20", "2024-05-20")),
])
def test_list_items_take_the_period_of_their_lead_in(body, text, want):
    assert period(figures_of(body, published=date(2024, 5, 20)), text) == want


# A running total ("since January, N killed") is its own figure's period: the later paragraphs
# of a report whose title names the span it covers are about that span, not the running total.
@pytest.mark.parametrize(
    ("title", "published", "body", "text", "want"),
    [
        ("Monthly protection update - November 2014", date(2014, 12, 2),
         "Since January, 4,200 civilians have been killed in the province.\n\nArmed clashes displaced 3,100 people in the north.",
         "3,100", ("2014-11-01", "2014-11-30")),
        ("Quarterly brief: April to June 2023", date(2023, 7, 10),
         "Since the start of the year the mission has recorded 910 abductions.\n\nAt least 64 civilians were injured by mines.",
         "At least 64", ("2023-04-01", "2023-06-30")),
        ("Annual report 2019", date(2020, 2, 20),
         "Since 2009, more than 100,000 civilians have been killed or injured.\n\nIn all, 3,400 civilians were killed.",
         "3,400", ("2019-01-01", "2019-12-31")),
    ],
)
def test_a_running_total_does_not_date_the_later_paragraphs_of_a_report_on_a_span(title, published, body, text, want):
    assert period(figures_of(body, published=published, title=title), text) == want


def test_a_running_total_still_dates_the_later_paragraphs_of_a_dated_situation_report():
    records = figures_of(
        "Since 7 March, 52 people have been killed in the clashes.\n\nAnother 118 were injured.",
        published=date(2024, 3, 21), title="Flash update: situation on 20 March 2024",
    )
    assert period(records, "118") == ("2024-03-07", "2024-03-21")


# "than during all of 2023", "the previous four months": what a multiplier is compared with.
@pytest.mark.parametrize(
    ("body", "text", "want"),
    [
        ("Since January, 9,000 people have fled to Chad, some five times more than during all of 2023.", "some five times", ("2023-01-01", "2023-12-31")),
        ("Fighting has killed 620 people since June, nearly double the number in the previous four months.", "nearly double", ("2024-02-01", "2024-05-31")),
        ("Between May and August 410 people were abducted, three times as many as in the preceding 3 months.", "three times", ("2024-02-01", "2024-04-30")),
        ("In the first week of September 88 attacks were recorded, twice as many as in the previous 2 weeks.", "twice", ("2024-08-18", "2024-08-31")),
    ],
)
def test_what_a_multiplier_is_compared_with(body, text, want):
    assert comparison(figures_of(body, published=date(2024, 9, 10)), text) == want


# A sentence that opens with a header cue word is no report-period header.
@pytest.mark.parametrize(
    ("body", "text", "want"),
    [
        ("Situation worsened sharply on 3 May.\n\nIn June, 40 people were killed in the town.\n\nAnother 12 were injured.", "12", ("2024-06-01", "2024-06-30")),
        ("Update: the road reopened on 2 March.\n\nIn April, 25 people were killed.\n\nAnother 60 were injured.", "60", ("2024-04-01", "2024-04-30")),
        ("Data collection ended on 9 February.\n\nDuring May, 31 people were abducted.\n\nAnother 8 went missing.", "8", ("2024-05-01", "2024-05-31")),
    ],
)
def test_a_sentence_opening_with_a_cue_word_is_no_header(body, text, want):
    assert period(figures_of(body, published=date(2024, 7, 1)), text) == want


# "last March": the latest March before the document's month, unless that is the month just ended.
@pytest.mark.parametrize(
    ("body", "published", "want"),
    [
        ("Last March, 40 people were killed in the district.", date(2021, 8, 12), ("2021-03-01", "2021-03-31")),
        ("The fighting that began last October has killed 300 people.", date(2024, 11, 15), ("2023-10-01", "2023-10-31")),
        ("Last December, 75 people were displaced by the floods.", date(2024, 5, 2), ("2023-12-01", "2023-12-31")),
    ],
)
def test_last_month_name_is_the_latest_such_month(body, published, want):
    records = figures_of(body, published=published)
    assert period(records, records[0]["text"]) == want
