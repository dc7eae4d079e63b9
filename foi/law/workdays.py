"""UK working days: the arithmetic FOIA s.10(6) and FOISA s.73 define, on a calendar of bank holidays.

A working day is any day but a Saturday, a Sunday, or a bank holiday in a part of the UK the
calendar counts: "uk" (FOIA, EIR: the union of all parts) or "scotland" (FOISA, EISR).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from foi.law.holidays import Holiday, HolidayOverrides, counted_in
from foi.support.errors import FoiError

# --- working days --------------------------------------------------------------------------------


def is_working_day(
    day: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> bool:
    """True unless the day is a weekend or a bank holiday in a part of the UK the calendar counts.

    Christmas Day and Good Friday are bank holidays in every part, so never working days.
    """
    return day.weekday() < 5 and day not in _closed_weekdays(day.year, calendar, overrides)


@lru_cache(maxsize=1024)
def _closed_weekdays(year: int, calendar: str, overrides: HolidayOverrides | None) -> tuple[date, ...]:
    """The weekdays of a year that are bank holidays on the calendar, in order, worked out once per
    year: a tuple of about ten, searched (is this day one?) and bisected (how many in a span?)."""
    return tuple(sorted(h.date for h in counted_in(year, calendar, overrides) if h.date.weekday() < 5))


def next_working_day(
    day: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> date:
    """The day itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, calendar, overrides):
        day += timedelta(days=1)
    return day


def add_working_days(
    start: date, n: int, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> date:
    """The nth working day after start; start itself is day 0 whatever kind of day it is.

    Counted in whole weeks, then the bank holidays the span crossed are counted on past in turn,
    rather than day by day: `foi track list` works out thousands of these.
    """
    if n < 0:
        raise FoiError(f"cannot count {n} working days: give a number of 0 or more")
    day, owed = start, n
    while owed:
        reached = _add_weekdays(day, owed)
        owed = _closed_between(day, reached, calendar, overrides)
        day = reached
    return day


def working_days_in(
    after: date, through: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> int:
    """The working days in (after, through]: none when through is not after `after`."""
    if through <= after:
        return 0
    return _weekdays_in(after, through) - _closed_between(after, through, calendar, overrides)


def _add_weekdays(start: date, n: int) -> date:
    """The nth Monday-to-Friday day after start (start, even a weekend day, is day 0)."""
    weekday = start.weekday()
    if weekday >= 5:  # from a weekend, counting is as from the Friday before
        start, weekday = start - timedelta(days=weekday - 4), 4
    weeks, rest = divmod(n, 5)
    return start + timedelta(days=7 * weeks + rest + (2 if weekday + rest >= 5 else 0))


def _weekdays_in(after: date, through: date) -> int:
    """Monday-to-Friday days in (after, through], through after `after`."""
    weeks, rest = divmod((through - after).days, 7)
    first = after.weekday() + 1  # the weekday of the first day counted, from 0 (Monday) upwards
    return 5 * weeks + sum(1 for k in range(first, first + rest) if k % 7 < 5)


def _closed_between(
    after: date, through: date, calendar: str, overrides: HolidayOverrides | None
) -> int:
    """The weekday bank holidays on the calendar in (after, through]."""
    return sum(bisect_right(days, through) - bisect_right(days, after)
               for days in (_closed_weekdays(year, calendar, overrides)
                            for year in range(after.year, through.year + 1)))


def holidays_skipped(
    after: date, through: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> tuple[Holiday, ...]:
    """The weekday bank holidays in (after, through] that are not working days on the calendar."""
    return tuple(h for year in range(after.year, through.year + 1)
                 for h in counted_in(year, calendar, overrides)
                 if after < h.date <= through and h.date.weekday() < 5)


# --- calendar months (subject access) ------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The corresponding date `months` later; the last day of that month where there is none."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = (following - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def add_weeks(day: date, weeks: int) -> date:
    """Calendar weeks, not rolled: a complaint window ends on the same weekday."""
    return day + timedelta(weeks=weeks)
