"""How tracked requests read: the list by urgency (table, CSV, JSON) and one request's timeline."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from foi.law.workdays import holidays_skipped
from foi.support.dates import long_date
from foi.tracker.model import Tracked
from foi.tracker.status import OVERDUE, State, derive

LIST_FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class Filters:
    """`foi track list` filters: any status given (key or label; `overdue`, `open`), a body's
    name or id containing the words, a current due date before a day."""

    statuses: tuple[str, ...] = ()
    body: str | None = None
    due_before: date | None = None


def current_due(state: State) -> date | None:
    """The date the authority must next act by: the reply's, or the review's answer's."""
    if state.key.startswith("waiting_response"):
        return state.due
    if state.key.startswith("internal_review"):
        step = state.step("review_answer")
        return step.by if step else None
    return None


def _status_matches(state: State, wanted: tuple[str, ...]) -> bool:
    for value in (w.strip().lower().replace("-", " ").replace("_", " ") for w in wanted):
        if value in (state.key.replace("_", " "), state.label):
            return True
        if (value == "overdue" and state.key in OVERDUE) or (value == "open" and not state.closed):
            return True
    return False


def selected(requests: list[Tracked], today: date, filters: Filters) -> list[tuple[Tracked, State]]:
    """The requests the filters keep, with their states, most urgent first."""
    kept = []
    for request in requests:
        state = derive(request, today)
        if filters.statuses and not _status_matches(state, filters.statuses):
            continue
        if filters.body and filters.body.lower() not in f"{request.body} {request.authority_id}".lower():
            continue
        due = current_due(state)
        if filters.due_before and (due is None or due >= filters.due_before):
            continue
        kept.append((request, state))
    return sorted(kept, key=lambda pair: urgency(*pair))


def urgency(request: Tracked, state: State) -> tuple[int, int, str, int]:
    """Overdue first (the latest first), then by the next date, then undated, then closed."""
    if state.overdue:
        return (0, -state.overdue_days, "", request.id)
    if state.closed:
        return (3, 0, "", request.id)
    if state.next_date is not None:
        return (1, 0, state.next_date.isoformat(), request.id)
    return (2, 0, "", request.id)


def row(request: Tracked, state: State) -> dict[str, Any]:
    """One request as a flat record for CSV and JSON."""
    return {
        "id": request.id, "status": state.key, "status_label": state.label, "body": request.body,
        "authority_id": request.authority_id, "title": request.title, "regime": request.regime,
        "reference": request.reference, "sent": _iso(state.sent), "due": _iso(current_due(state)),
        "overdue_working_days": state.overdue_days, "next_step": state.next_action,
        "next_date": _iso(state.next_date), "next_command": state.next_command,
        "letter": request.letter,
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def as_csv(pairs: list[tuple[Tracked, State]]) -> str:
    records = [row(*pair) for pair in pairs]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return out.getvalue()


_CSV_FIELDS = ["id", "status", "status_label", "body", "authority_id", "title", "regime",
               "reference", "sent", "due", "overdue_working_days", "next_step", "next_date",
               "next_command", "letter"]


def as_json(pairs: list[tuple[Tracked, State]]) -> str:
    return json.dumps([row(*pair) for pair in pairs], indent=2, ensure_ascii=False) + "\n"


def table_rows(pairs: list[tuple[Tracked, State]]) -> tuple[list[str], list[list[str]], set[int]]:
    """Headers, cells as text (never markup), and the rows to show in red: the overdue ones."""
    headers = ["ID", "Status", "Due", "Next step", "On or by", "Body", "Title"]
    rows, red = [], set()
    for index, (request, state) in enumerate(pairs):
        status = state.label + (f" ({state.overdue_days} wd)" if state.overdue_days else "")
        # The command that takes the next step, where there is one: short, and what to type.
        step = state.next_command or state.next_action.removesuffix(", due by")
        rows.append([str(request.id), status, _iso(current_due(state)) or "",
                     step, _iso(state.next_date) or "", request.body, request.title])
        if state.overdue:
            red.add(index)
    return headers, rows, red


# --- one request ---------------------------------------------------------------------------------


def _day(value: date) -> str:
    return long_date(value, weekday=True)


def show(request: Tracked, state: State) -> str:
    """The timeline, each deadline with the holidays that moved it, and the next step."""
    regime = state.regime
    lines = [f"Request {request.id}: {request.title}",
             f"Body:      {request.body}" + (f" (reference {request.reference})" if request.reference else ""),
             f"Law:       {regime.short}, {regime.name}",
             f"Status:    {state.label} on {long_date(state.today)}" + _late(state)]
    if request.letter:
        lines.append(f"Letter:    {request.letter}")
    lines += ["", "Timeline:"]
    lines += [_event_line(e) for e in request.events] or ["  (nothing recorded yet)"]
    lines += ["", "Deadlines:"] + _deadlines(state)
    lines += ["", f"Next step: {state.next_action}" + (f" {_day(state.next_date)}" if state.next_date else "")]
    if state.next_command:
        lines.append(f"  Run: {state.next_command}")
    return "\n".join(lines) + "\n"


def _late(state: State) -> str:
    return f", {state.overdue_days} working day(s) late" if state.overdue_days else ""


def _event_line(event: Any) -> str:
    text = f"  {_day(event.on):<28} {event.kind}"
    if event.until:
        text += f" (until {long_date(event.until)})"
    if event.note:
        text += f": {event.note}"
    if event.file:
        text += f" [{event.file}]"
    return text


def _deadlines(state: State) -> list[str]:
    deadline = state.deadline
    if deadline is None:
        return ["  None yet: the clock starts when the request is sent."]
    start = "the clarification" if deadline.clarified else "receipt"
    unit = "working day" if deadline.unit == "working_days" else "month(s)"
    lines = [f"  Reply due {_day(deadline.due)}"
             + (f" ({deadline.count} {unit}s after {start})" if unit == "working day"
                else f" ({deadline.count} {unit} after {start})")
             + (", extended" if deadline.extended else "")]
    lines += _holidays(deadline.holidays_skipped)
    if deadline.code_due:
        lines.append(f"    The authority may claim {_day(deadline.code_due)} (s.45 Code reading)")
    if state.very_overdue_from and state.key.startswith("waiting_response"):
        lines.append(f"  Very overdue from {_day(state.very_overdue_from)}")
    for step in state.steps:
        if step.key == "late_reply" or step.by is None:
            continue
        assumed = f" (counted from {step.anchor_words})" if step.anchor_assumed else ""
        lines.append(f"  {step.action} by {_day(step.by)}{assumed}: {step.rule}")
        if step.at_most:
            lines.append(f"    at the latest {_day(step.at_most)}")
        if "working days" in step.rule:
            lines += _holidays(holidays_skipped(step.anchor, step.by, deadline.calendar))
    return lines


def _holidays(found: tuple[Any, ...]) -> list[str]:
    return [f"    moved by {_day(h.date)}: {h.name}, a bank holiday {h.where}" for h in found]
