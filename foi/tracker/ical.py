"""`foi track export --format ics`: every due date, review window and complaint window as one
all-day calendar event each, written by hand to RFC 5545 (it is small).

Each event's UID is the request's stable uid and the window's name, so importing the file again
updates the events instead of duplicating them; SEQUENCE is the number of events recorded (it grows
whenever a date can have changed) and DTSTAMP the time of the last of them, so the same tracker
gives the same file.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from foi.tracker.model import Tracked
from foi.tracker.status import State, windows

PRODID = "-//foi//foi track//EN"
UID_DOMAIN = "foi.invalid"  # reserved (RFC 2606): no real host is claimed


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74  # continuation lines start with a space
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def _stamp(request: Tracked) -> str:
    recorded = [request.created] + [e.recorded for e in request.events if e.recorded]
    latest = max(datetime.fromisoformat(r) for r in recorded)
    return latest.strftime("%Y%m%dT%H%M%SZ")


def _basic(day: date) -> str:
    return day.strftime("%Y%m%d")


def events_for(request: Tracked, state: State) -> list[list[str]]:
    """The VEVENT lines (unfolded) for one request's windows."""
    found = []
    for window in windows(request, state):
        description = f"{window.rule}. Request {request.id} ({request.regime.upper()})."
        if state.next_command:
            description += f" Next: {state.next_command}"
        found.append([
            "BEGIN:VEVENT",
            f"UID:{request.uid}-{window.key}@{UID_DOMAIN}",
            f"DTSTAMP:{_stamp(request)}",
            f"SEQUENCE:{len(request.events)}",
            f"DTSTART;VALUE=DATE:{_basic(window.on)}",
            f"DTEND;VALUE=DATE:{_basic(window.on + timedelta(days=1))}",
            f"SUMMARY:{escape_text(window.summary)}",
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ])
    return found


def ics(pairs: list[tuple[Tracked, State]]) -> bytes:
    """The whole calendar, CRLF line endings, UTF-8."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:FOI requests"]
    for request, state in pairs:
        for event in events_for(request, state):
            lines += event
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
