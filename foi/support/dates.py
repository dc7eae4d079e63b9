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
