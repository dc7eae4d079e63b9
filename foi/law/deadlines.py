"""The date an authority must answer by, under each regime, and how it was worked out.

The rules, from ../shared/reference/uk-foi-law.md (A4, C, D, F, G1, H):
- FOIA and EIR: a working day is any day but a Saturday, a Sunday, Christmas Day, Good Friday or a
  bank holiday in ANY part of the UK (FOIA s.10(6)), so the union of England and Wales, Scotland and
  Northern Ireland. FOISA and EISR: Scottish bank holidays only (FOISA s.73).
- The day of receipt is day 0 and the due date is the 20th working day after it (ICO and
  WhatDoTheyKnow).
  The s.45 Code reading (receipt on a non-working day counts from the next working day) can give one
  more day; it is reported as the date an authority may claim (G1).
- Subject access: the corresponding date one month on (the month's last day where there is none),
  rolled forward to the next working day.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from foi.law.holidays import Holiday, HolidayOverrides, installed_version, parts_of, settings
from foi.law.workdays import (
    add_months,
    add_working_days,
    holidays_skipped,
    is_working_day,
    next_working_day,
)
from foi.support.dates import long_date
from foi.support.errors import DataError, FoiError, UsageProblem

if TYPE_CHECKING:
    from foi.law.regimes import Regime

@dataclass(frozen=True)
class Deadline:
    """When a reply is due, how it was worked out, and how far the data behind it can be trusted."""

    regime: str  # the regime's id: foia, eir, foisa, eisr, sar
    calendar: str  # a key of CALENDARS
    received: date
    start: date  # the day the clock counts from: received, or clarified
    due: date
    count: int  # working days (20, 40, --days) or months (1, 3)
    unit: str  # "working_days" or "months"
    clarified: date | None = None
    extended: bool = False
    # The s.45 Code reading (receipt on a non-working day moves to the next working day), only
    # when it is later than `due`: the date an authority may claim (reference G1).
    code_due: date | None = None
    # Subject access, extended: three months from receipt as reference table H counts it; when that
    # is not a working day, the next working day, which a controller may claim.
    rolled_due: date | None = None
    # The regime's extended date, shown beside an unextended deadline (None if it has none).
    extension_due: date | None = None
    extension_count: int | None = None
    holidays_skipped: tuple[Holiday, ...] = ()
    beyond_data: bool = False
    beyond_data_message: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def latest(self) -> date:
        """The latest date an authority could argue for: chase only after this."""
        return max(d for d in (self.due, self.code_due, self.rolled_due) if d is not None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values: ISO dates, holiday dates as a list, details alongside."""

        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "regime": self.regime,
            "calendar": self.calendar,
            "received": iso(self.received),
            "clarified": iso(self.clarified),
            "start": iso(self.start),
            "count": self.count,
            "unit": self.unit,
            "extended": self.extended,
            "due": iso(self.due),
            "code_due": iso(self.code_due),
            "rolled_due": iso(self.rolled_due),
            "extension_due": iso(self.extension_due),
            "extension_count": self.extension_count,
            "holidays_skipped": [h.date.isoformat() for h in self.holidays_skipped],
            "holidays": [h.to_dict() for h in self.holidays_skipped],
            "beyond_data": self.beyond_data,
            "beyond_data_message": self.beyond_data_message,
            "notes": list(self.notes),
        }


# --- the deadline --------------------------------------------------------------------------------


def calendar_for(regime: Regime, calendar: str | None = None) -> str:
    """The regime's calendar, or a chosen one where the regime allows a choice (subject access)."""
    if calendar is None or calendar == regime.calendar:
        return regime.calendar
    parts_of(calendar)
    if not regime.extra.get("calendar_choice"):
        raise UsageProblem(
            f"{regime.short} fixes its working days ({regime.calendar}): leave out --calendar, "
            "which is only for a subject access request"
        )
    return calendar


def response_due(
    received: date,
    regime: Regime,
    *,
    clarified: date | None = None,
    extended: bool = False,
    days: int | None = None,
    overrides: HolidayOverrides | None = None,
    calendar: str | None = None,
) -> Deadline:
    """The date a reply is due under a regime, with the holidays that moved it.

    clarified: the day a clarification (FOIA s.1(3) and equivalents) was received: the clock
    restarts.
    extended: the regime's extension (EIR/EISR reg 7, the ICO's 40-day norm for FOIA s.10(3), three
    months for subject access). days: the Nth working day instead of the regime's period.
    """
    cal = calendar_for(regime, calendar)
    if clarified is not None and clarified < received:
        raise FoiError(
            f"the clarification date {clarified.isoformat()} is before the date of receipt "
            f"{received.isoformat()}: check --clarified"
        )
    if days is not None and extended:
        raise UsageProblem("give --days or --extended, not both")
    if days is not None and days < 1:
        raise UsageProblem(f"--days {days}: give a number of working days of 1 or more")
    start = clarified or received
    if regime.unit == "working_days":
        deadline = _working_day_deadline(start, regime, cal, extended, days, overrides)
    elif regime.unit == "months":
        if days is not None:
            raise UsageProblem(
                f"{regime.short} counts calendar months, not working days: leave out --days"
            )
        deadline = _month_deadline(start, regime, cal, extended, overrides)
    else:
        raise DataError(
            f"regimes.yaml: {regime.id}: unknown unit '{regime.unit}': use working_days or months"
        )
    deadline = replace(deadline, regime=regime.id, received=received, clarified=clarified)
    return _with_data_check(deadline)


def _extension(regime: Regime, key: str) -> int | None:
    extension = regime.extension or {}
    value = extension.get(key)
    return int(value) if value is not None else None


def _working_day_deadline(
    start: date, regime: Regime, cal: str, extended: bool, days: int | None,
    overrides: HolidayOverrides | None,
) -> Deadline:
    extension_days = _extension(regime, "days")
    if extended and extension_days is None:
        raise FoiError(f"{regime.short} has no extension of time: leave out --extended")
    count = days or (extension_days if extended and extension_days else regime.period)
    due = add_working_days(start, count, cal, overrides)
    code_due = None
    if regime.extra.get("code_reading") and not is_working_day(start, cal, overrides):
        code_date = add_working_days(next_working_day(start, cal, overrides), count, cal, overrides)
        code_due = code_date if code_date > due else None
    show_extension = days is None and not extended and extension_days is not None
    return Deadline(
        regime=regime.id, calendar=cal, received=start, start=start, due=due, count=count,
        unit="working_days", extended=extended, code_due=code_due,
        extension_due=(
            add_working_days(start, extension_days, cal, overrides)
            if show_extension and extension_days is not None
            else None
        ),
        extension_count=extension_days if show_extension else None,
        holidays_skipped=holidays_skipped(start, due, cal, overrides),
    )


def _month_deadline(
    start: date, regime: Regime, cal: str, extended: bool, overrides: HolidayOverrides | None
) -> Deadline:
    extension_months = _extension(regime, "months")
    if extended and extension_months is None:
        raise FoiError(f"{regime.short} has no extension of time: leave out --extended")
    if extended and extension_months:
        # Three months from receipt, as reference table H counts it (not rolled forward); the next
        # working day is reported as what a controller may claim.
        due = add_months(start, extension_months)
        rolled = next_working_day(due, cal, overrides)
        return Deadline(
            regime=regime.id, calendar=cal, received=start, start=start, due=due,
            count=extension_months, unit="months", extended=True,
            rolled_due=rolled if rolled > due else None,
        )
    corresponding = add_months(start, regime.period)
    due = next_working_day(corresponding, cal, overrides)
    return Deadline(
        regime=regime.id, calendar=cal, received=start, start=start, due=due,
        count=regime.period, unit="months",
        extension_due=add_months(start, extension_months) if extension_months else None,
        extension_count=extension_months,
        holidays_skipped=holidays_skipped(corresponding - timedelta(days=1), due, cal, overrides),
    )


def _with_data_check(deadline: Deadline) -> Deadline:
    """Flag a deadline whose count ran outside the years the holiday data was checked for."""
    data = settings()
    first, last = data["trusted_from"], data["trusted_through"]
    latest = max(deadline.latest, deadline.extension_due or deadline.due)
    messages = []
    if latest > last:
        messages.append(
            f"bank holidays after {long_date(last)} are projected by rule (holidays "
            f"{data['package_version']}), not announced: a new or moved bank holiday would "
            "change this date; add one with --holidays FILE"
        )
    if deadline.start < first:
        messages.append(
            f"bank holidays before {long_date(first)} come from the holidays package and were not "
            "checked for this tool: check the date against the bank holidays of the time"
        )
    notes = list(deadline.notes)
    installed = installed_version()
    if installed != data["package_version"]:
        notes.append(
            f"the holidays package is version {installed}, not {data['package_version']} as "
            "pinned: reinstall foi to get the checked data"
        )
    return replace(
        deadline,
        beyond_data=bool(messages),
        beyond_data_message="; ".join(messages) if messages else None,
        notes=tuple(notes),
    )
