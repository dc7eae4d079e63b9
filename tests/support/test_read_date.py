"""The one date reader: dates as people write them, everywhere a date is given."""

from __future__ import annotations

from datetime import date

import pytest

from foi.support.dates import DAY, END, START, DateNotRead, read_date

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    ["2013-02-01", "01/02/2013", "1/2/13", "01/02/13", "1st Feb 2013", "1 February 2013", "1 feb. 2013",
     "February 1, 2013", "Friday 1 February 2013", "1.2.2013", "01-02-2013", "  1ST FEBRUARY 2013 "],
)
def test_every_spelling_of_1_february_2013(text: str) -> None:
    assert read_date(text, today=TODAY) == date(2013, 2, 1)


def test_two_digit_years_are_the_most_recent_past_one() -> None:
    assert read_date("1/2/26", today=TODAY) == date(2026, 2, 1)
    assert read_date("1/2/27", today=TODAY) == date(1927, 2, 1)
    assert read_date("1/2/99", today=TODAY) == date(1999, 2, 1)


def test_a_month_alone_is_its_first_or_last_day_or_refused() -> None:
    assert read_date("Feb 2013", today=TODAY, month_means=START) == date(2013, 2, 1)
    assert read_date("Feb 2012", today=TODAY, month_means=END) == date(2012, 2, 29)
    assert read_date("December 2013", today=TODAY, month_means=END) == date(2013, 12, 31)
    assert read_date("02/2013", today=TODAY, month_means=END) == date(2013, 2, 28)
    with pytest.raises(DateNotRead, match="'Feb 2013' has no day: give the day too, for example 1 February 2013"):
        read_date("Feb 2013", today=TODAY, month_means=DAY)


def test_today_and_yesterday() -> None:
    assert read_date("today", today=TODAY) == TODAY
    assert read_date("Yesterday", today=TODAY) == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "message"),
    [("31/02/2013", "not a date on the calendar"), ("tomorrow", "is not a date: write it like 1 February 2013"),
     ("1 Smarch 2013", "'smarch' is not a month"), ("20130201", "is not a date"), ("", "is not a date"),
     ("13/13/2013", "not a date on the calendar")],
)
def test_what_is_not_a_date_says_how_to_write_one(text: str, message: str) -> None:
    with pytest.raises(DateNotRead, match=message):
        read_date(text, today=TODAY)
