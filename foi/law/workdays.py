"""UK working days: the arithmetic FOIA s.10(6) and FOISA s.73 define, on a calendar of bank holidays.

A working day is any day but a Saturday, a Sunday, or a bank holiday in a part of the UK the
calendar counts: "uk" (FOIA, EIR: the union of all parts) or "scotland" (FOISA, EISR).
"""

from __future__ import annotations

from datetime import date, timedelta

from foi.law.holidays import Holiday, HolidayOverrides, holiday_on, parts_of
from foi.support.errors import FoiError

# --- working days --------------------------------------------------------------------------------


def is_working_day(
    day: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> bool:
    """True unless the day is a weekend or a bank holiday in a part of the UK the calendar counts.

    Christmas Day and Good Friday are bank holidays in every part, so never working days.
    """
    if day.weekday() >= 5:
        return False
    holiday = holiday_on(day, overrides)
    return holiday is None or not (holiday.region_ids & parts_of(calendar))


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
    """The nth working day after start; start itself is day 0 whatever kind of day it is."""
    if n < 0:
        raise FoiError(f"cannot count {n} working days: give a number of 0 or more")
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day, calendar, overrides):
            counted += 1
    return day


def holidays_skipped(
    after: date, through: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> tuple[Holiday, ...]:
    """The weekday bank holidays in (after, through] that are not working days on the calendar."""
    parts = parts_of(calendar)
    found = []
    day = after + timedelta(days=1)
    while day <= through:
        if day.weekday() < 5:
            holiday = holiday_on(day, overrides)
            if holiday is not None and holiday.region_ids & parts:
                found.append(holiday)
        day += timedelta(days=1)
    return tuple(found)


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
