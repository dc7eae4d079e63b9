"""Dates as letters write them, and the default period: the last complete financial year."""

from __future__ import annotations

from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date) -> str:
    """23 November 2026 (no locale involved, so letters are the same on every machine)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_month(day: date) -> str:
    """30 November."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def last_financial_year(today: date) -> tuple[date, date]:
    """The last complete UK financial year (1 April to 31 March) ending before `today`."""
    end_year = today.year if today >= date(today.year, 4, 1) else today.year - 1
    return date(end_year - 1, 4, 1), date(end_year, 3, 31)
