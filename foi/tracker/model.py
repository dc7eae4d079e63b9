"""What the tracker keeps: a tracked request and the events that happened to it.

Only facts are kept (what was sent, to whom, under which law, and dated events). Everything that
follows from them (the status, the due dates, the next step) is worked out when it is needed by
foi.tracker.status, so it is never stored twice and can never disagree with the events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The event kinds, in the order a request usually meets them, with what each means.
KINDS: dict[str, str] = {
    "sent": "the request was sent (the day of receipt: day 0 of the count)",
    "acknowledged": "the authority acknowledged it (the clock does not change)",
    "clarification-requested": "the authority asked what you meant (the clock stops)",
    "clarified": "the authority received your clarification (the clock restarts from it)",
    "extension": "the authority extended the time (public interest or EIR reg 7): --until the new date",
    "response": "the information came in full",
    "partial-response": "some of the information came",
    "refused": "the authority refused the request, or all of it",
    "chased": "you chased a late reply (foi followup chase)",
    "review-requested": "you asked for an internal review",
    "review-chased": "you chased a late internal review (foi followup review-chase)",
    "review-response": "the internal review's answer came",
    "complaint": "you complained (to the regulator; for subject access, first to the organisation)",
    "decision": "the regulator decided",
    "withdrawn": "you withdrew the request",
}

# Kinds that are a reply to the request (the date the review and complaint windows count from).
REPLIES = ("response", "partial-response", "refused")


@dataclass(frozen=True)
class Event:
    """One dated thing that happened to a request."""

    kind: str
    on: date
    note: str | None = None
    file: str | None = None
    until: date | None = None  # extension: the new due date, where the authority gave one
    id: int | None = None
    recorded: str | None = None  # when it was recorded (UTC, ISO), for the calendar's DTSTAMP

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "date": self.on.isoformat(), "note": self.note,
            "file": self.file, "until": self.until.isoformat() if self.until else None,
            "recorded": self.recorded,
        }


@dataclass(frozen=True)
class NewRequest:
    """A request about to be tracked: what is known before it has an id."""

    title: str
    body: str
    regime: str
    authority_id: str | None = None
    reference: str | None = None
    letter: str | None = None
    answers: str | None = None
    requester: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Tracked:
    """A tracked request as stored, with its events in the order they happened."""

    id: int
    uid: str  # stable across exports: the calendar's UIDs are built from it
    title: str
    body: str
    regime: str
    created: str
    authority_id: str | None = None
    reference: str | None = None
    letter: str | None = None
    answers: str | None = None
    requester: dict[str, str] = field(default_factory=dict)
    events: tuple[Event, ...] = ()

    def first(self, *kinds: str) -> Event | None:
        return next((e for e in self.events if e.kind in kinds), None)

    def last(self, *kinds: str) -> Event | None:
        return next((e for e in reversed(self.events) if e.kind in kinds), None)
