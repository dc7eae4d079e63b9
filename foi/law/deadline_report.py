"""The `foi deadline` report for people, and its JSON twin: how a Deadline and its steps read."""

from __future__ import annotations

import json
from typing import Any

from foi.law.deadlines import Deadline
from foi.law.next_steps import Step
from foi.law.regimes import Regime
from foi.support.dates import long_date

# What a non-working day is under each calendar, in the words of the report.
CALENDAR_WORDS = {
    "uk": "a bank holiday in any part of the UK",
    "england-and-wales": "a bank holiday in England and Wales",
    "scotland": "a bank holiday in Scotland",
    "northern-ireland": "a bank holiday in Northern Ireland",
}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day(value: Any) -> str:
    return long_date(value, weekday=True)


def report(deadline: Deadline, regime: Regime, steps: tuple[Step, ...]) -> str:
    """The human report: due date, the holidays that moved it, other readings, the next steps."""
    lines = [f"{regime.short}: {regime.name}"]
    lines.append(f"Received:   {_day(deadline.received)} (day 0)")
    if deadline.clarified:
        lines.append(f"Clarified:  {_day(deadline.clarified)} (the clock restarts: day 0)")
    if deadline.unit == "working_days":
        what = f"the {_ordinal(deadline.count)} working day after "
        what += "the clarification" if deadline.clarified else "receipt"
        if deadline.extended:
            what += " (extended)"
        lines.append(f"Due:        {_day(deadline.due)}, {what}")
        lines.append(
            "Working days: every day but Saturdays, Sundays, Christmas Day, Good Friday and "
            f"{CALENDAR_WORDS.get(deadline.calendar, deadline.calendar)}."
        )
    else:
        months = "one calendar month" if deadline.count == 1 else f"{deadline.count} months"
        rolled = "" if deadline.extended else ", moved to the next working day if it is not one"
        lines.append(f"Due:        {_day(deadline.due)}, {months} from "
                     f"{'the clarification' if deadline.clarified else 'receipt'}{rolled}")
        lines.append(f"Holidays: {CALENDAR_WORDS.get(deadline.calendar, deadline.calendar)} "
                     "(the controller's part of the UK: choose it with --calendar).")
    if deadline.holidays_skipped:
        lines.append(f"Bank holidays on the way (not working days under {regime.short}):")
        for holiday in deadline.holidays_skipped:
            lines.append(f"  {_day(holiday.date)}: {holiday.name}, a bank holiday {holiday.where}")
    else:
        lines.append("Bank holidays on the way: none.")
    if deadline.code_due:
        lines.append(
            f"Code reading: {_day(deadline.code_due)}. The s.45 Code treats a request received "
            "on a non-working day as received on the next working day, so an authority may "
            "claim this date; chase only after it."
        )
    if deadline.rolled_due:
        lines.append(
            f"Next working day: {_day(deadline.rolled_due)}. The due date is not a working day, so "
            "the controller may claim this date; chase only after it."
        )
    if deadline.extension_due and regime.extension:
        unit = "working days" if deadline.unit == "working_days" else "months from receipt"
        basis = " ".join(str(regime.extension.get("basis", "")).split())
        count = f"{deadline.extension_count} {unit}"
        lines.append(f"Extension:  {_day(deadline.extension_due)} ({count}): {basis}")
    if steps:
        lines.append("Next steps:")
        for step in steps:
            lines.append(f"  {step.action}: {_window(step)}")
            assumed = " (assumed)" if step.anchor_assumed else ""
            lines.append(f"    {step.rule}; counted from {step.anchor_words}, "
                         f"{long_date(step.anchor)}{assumed}.")
    if deadline.beyond_data_message:
        lines.append(f"Unverified: {deadline.beyond_data_message}.")
    for note in deadline.notes:
        lines.append(f"Note: {note}.")
    return "\n".join(lines) + "\n"


def _window(step: Step) -> str:
    parts = []
    if step.after:
        parts.append(f"from {_day(step.after)}")
    if step.by:
        parts.append(f"by {_day(step.by)}")
    if step.at_most:
        parts.append(f"at most {_day(step.at_most)}")
    return ", ".join(parts) if parts else "now"


def as_json(deadline: Deadline, regime: Regime, steps: tuple[Step, ...]) -> str:
    """The same facts as plain JSON: ISO dates, `holidays_skipped` as a list of dates."""
    data = deadline.to_dict()
    data["regime_name"] = regime.name
    data["next_steps"] = [step.to_dict() for step in steps]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
