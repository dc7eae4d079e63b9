"""Dates as letters write them, and the default period: the last complete financial year."""

from __future__ import annotations

import re
from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def long_date(day: date, weekday: bool = False) -> str:
    """"23 November 2026" or "Monday 23 November 2026" (no locale involved: the same on every machine)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def parse_date(text: str) -> date | None:
    """A strict YYYY-MM-DD date, or None (not "20260601", not "2026-W23-1", not "tomorrow")."""
    text = text.strip()
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def day_month(day: date) -> str:
    """30 November."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def last_financial_year(today: date) -> tuple[date, date]:
    """The last complete UK financial year (1 April to 31 March) ending before `today`."""
    end_year = today.year if today >= date(today.year, 4, 1) else today.year - 1
    return date(end_year - 1, 4, 1), date(end_year, 3, 31)


# --- reading dates as people write them -------------------------------------------------------

_MONTH_NUMBERS = {name.lower()[:3]: number for number, name in enumerate(MONTHS, start=1)}
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{2}|\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})")
_MONTH_YEAR = re.compile(r"([a-z]+)\.?,?\s+(\d{2}|\d{4})")
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+(?=\d)")
_MONTH_NUMBER_YEAR = re.compile(r"(\d{1,2})\s*/\s*(\d{4})")
# What a month alone ("Feb 2013") means: the first day for a start, the last for an end, or
# nothing at all where only a day will do (a date of receipt).
START, END, DAY = "start", "end", "day"


class DateNotRead(ValueError):
    """A date that could not be read; the message says how to write one."""


def read_date(text: str, *, today: date | None = None, month_means: str = DAY) -> date:
    """A date as people write it, the one reader every command and question uses.

    Takes 2013-02-01, 01/02/2013, 1/2/13, 01.02.2013, 1st Feb 2013, 1 February 2013, February 1
    2013, "today" and "yesterday"; day before month, as in the UK. "Feb 2013" or 02/2013 is read
    as the 1st (month_means=START) or the last day (END), and refused where a day is needed (DAY).
    A two-digit year is the most recent year ending in those digits that is not in the future
    ("13" is 2013, "30" is 1930): echo the result back with long_date so a misreading shows.
    """
    today = today or date.today()
    folded = _WEEKDAY.sub("", " ".join(text.strip().lower().split()))
    if folded in ("today", "now"):
        return today
    if folded == "yesterday":
        return date.fromordinal(today.toordinal() - 1)
    try:
        found = _whole_date(folded, today) or _month_only(folded, today, month_means)
    except DateNotRead as err:
        raise DateNotRead(str(err).replace(f"'{folded}'", f"'{text.strip()}'")) from None
    if found is None:
        raise DateNotRead(f"'{text.strip()}' is not a date: write it like 1 February 2013, 01/02/2013 or 2013-02-01")
    return found


def _whole_date(text: str, today: date) -> date | None:
    """A date with a day, month and year, in any of the accepted spellings."""
    if _ISO_DATE.fullmatch(text):
        return _valid(int(text[:4]), int(text[5:7]), int(text[8:]), text)
    match = _NUMERIC.fullmatch(text)
    if match:
        day, month, year = match.groups()
        return _valid(_year(year, today), int(month), int(day), text)
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match:
        day, name, year = match.groups()
        return _valid(_year(year, today), _month(name, text), int(day), text)
    match = _MONTH_DAY_YEAR.fullmatch(text)
    if match:
        name, day, year = match.groups()
        return _valid(_year(year, today), _month(name, text), int(day), text)
    return None


def _month_only(text: str, today: date, month_means: str) -> date | None:
    """"Feb 2013" or "02/2013": the first or last day of the month, as the caller says."""
    match = _MONTH_YEAR.fullmatch(text)
    number_match = _MONTH_NUMBER_YEAR.fullmatch(text)
    if match:
        month, year = _month(match.group(1), text), _year(match.group(2), today)
    elif number_match:
        month, year = int(number_match.group(1)), int(number_match.group(2))
    else:
        return None
    if month_means == DAY:
        raise DateNotRead(f"'{text}' has no day: give the day too, for example 1 {MONTHS[(month - 1) % 12]} {year}")
    first = _valid(year, month, 1, text)
    if month_means == START:
        return first
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _month(name: str, text: str) -> int:
    number = _MONTH_NUMBERS.get(name[:3]) if len(name) >= 3 else None
    if number is None:
        raise DateNotRead(f"'{text}': '{name}' is not a month; write it like 1 February 2013")
    return number


def _year(digits: str, today: date) -> int:
    """A four-digit year as given; two digits as the most recent such year not after today's."""
    if len(digits) == 4:
        return int(digits)
    year = today.year - today.year % 100 + int(digits)
    return year - 100 if year > today.year else year


def _valid(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateNotRead(f"'{text}' is not a date on the calendar: check the day and the month") from None
