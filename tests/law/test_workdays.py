"""Working days counted in whole weeks give exactly what counting day by day gives.

add_working_days and working_days_in jump over weeks and then count the bank holidays crossed;
the definition (FOIA s.10(6), FOISA s.73) is a day-by-day count, written out here as the oracle:
every start, length and calendar must agree with it, across year ends and every kind of start day.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi.law.holidays import CALENDARS, holiday_on, load_overrides
from foi.law.workdays import add_working_days, holidays_skipped, is_working_day, working_days_in
from foi.support.errors import FoiError

DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


def counted_day_by_day(start: date, n: int, calendar: str, overrides: object = None) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += is_working_day(day, calendar, overrides)  # type: ignore[arg-type]
    return day


def between_day_by_day(after: date, through: date, calendar: str) -> int:
    return sum(is_working_day(after + timedelta(days=k), calendar) for k in range(1, (through - after).days + 1))


@settings(max_examples=400, deadline=None)
@given(start=DAYS, n=st.integers(min_value=0, max_value=130), calendar=st.sampled_from(sorted(CALENDARS)))
def test_add_working_days_is_the_day_by_day_count(start: date, n: int, calendar: str) -> None:
    assert add_working_days(start, n, calendar) == counted_day_by_day(start, n, calendar)


@settings(max_examples=400, deadline=None)
@given(after=DAYS, span=st.integers(min_value=-10, max_value=400), calendar=st.sampled_from(sorted(CALENDARS)))
def test_working_days_in_is_the_day_by_day_count(after: date, span: int, calendar: str) -> None:
    through = after + timedelta(days=span)
    assert working_days_in(after, through, calendar) == max(0, between_day_by_day(after, through, calendar))


@settings(max_examples=200, deadline=None)
@given(after=DAYS, span=st.integers(min_value=-5, max_value=120), calendar=st.sampled_from(sorted(CALENDARS)))
def test_holidays_skipped_are_the_closed_weekdays_day_by_day(after: date, span: int, calendar: str) -> None:
    days = [after + timedelta(days=k) for k in range(1, span + 1)]
    closed = [holiday_on(d) for d in days if d.weekday() < 5 and not is_working_day(d, calendar)]
    assert holidays_skipped(after, after + timedelta(days=span), calendar) == tuple(closed)


@pytest.mark.parametrize("start", [date(2026, 12, 18) + timedelta(days=k) for k in range(10)])
def test_every_start_day_over_christmas_and_new_year(start: date) -> None:
    for calendar in CALENDARS:
        for n in range(0, 45):
            assert add_working_days(start, n, calendar) == counted_day_by_day(start, n, calendar), (calendar, n)


def test_a_users_added_holiday_is_counted_past(tmp_path: Path) -> None:
    file = tmp_path / "h.yaml"
    file.write_text("add:\n  - {date: 2027-01-05, name: Proclaimed, regions: [scotland]}\n", encoding="utf-8")
    overrides = load_overrides(file)
    for n in range(0, 25):
        assert add_working_days(date(2026, 12, 30), n, "uk", overrides) == \
            counted_day_by_day(date(2026, 12, 30), n, "uk", overrides)
    # New Year's Day, Scotland's substitute for 2 January (Monday 4th) and the added 5th are passed over.
    assert add_working_days(date(2026, 12, 31), 1, "uk", overrides) == date(2027, 1, 6)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(FoiError, match="cannot count -1 working days"):
        add_working_days(date(2026, 1, 1), -1)
