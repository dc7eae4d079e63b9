"""A tracked request's state, worked out from its events: the status, the dates, the next step.

Nothing here is stored. The status uses Alaveteli's (WhatDoTheyKnow's) vocabulary, so it reads the
way people who use WhatDoTheyKnow already know: waiting response, overdue (after the due date) and
very overdue (after twice the period: 40 working days, three months for subject access), waiting
clarification, successful, partially successful, refused (Alaveteli's `rejected`), internal review,
withdrawn. Alaveteli stops at the internal review; past it foi adds its own words: internal review
overdue, review answered, with the regulator, decided, and for subject access, complained to the
controller.

Every date comes from foi.law (response_due, next_steps), never counted here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from foi.law import regimes
from foi.law.deadlines import Deadline, response_due
from foi.law.next_steps import Step, next_steps
from foi.law.regimes import Regime
from foi.law.workdays import add_months, add_working_days, holidays_skipped, working_days_in
from foi.tracker.model import REPLIES, Event, Tracked

LABELS: dict[str, str] = {
    "not_sent": "not sent",
    "waiting_response": "waiting response",
    "waiting_response_overdue": "overdue",
    "waiting_response_very_overdue": "very overdue",
    "waiting_clarification": "waiting clarification",
    "successful": "successful",
    "partially_successful": "partially successful",
    "rejected": "refused",
    "internal_review": "internal review",
    "internal_review_overdue": "internal review overdue",
    "review_answered": "review answered",
    "complained_to_controller": "complained to the controller",
    "with_regulator": "with the regulator",
    "decided": "decided",
    "user_withdrawn": "withdrawn",
}
# The status an event leaves a request in (acknowledged changes nothing).
_AFTER: dict[str, str] = {
    "sent": "waiting_response", "clarification-requested": "waiting_clarification",
    "clarified": "waiting_response", "extension": "waiting_response", "response": "successful",
    "partial-response": "partially_successful", "refused": "rejected",
    "review-requested": "internal_review", "review-response": "review_answered",
    "complaint": "with_regulator", "decision": "decided", "withdrawn": "user_withdrawn",
}
OVERDUE = ("waiting_response_overdue", "waiting_response_very_overdue", "internal_review_overdue")
CLOSED = ("successful", "decided", "user_withdrawn")


@dataclass(frozen=True)
class Window:
    """A dated window for the calendar: the reply's due date, the review's, the complaint's."""

    key: str  # due, review_request, review_answer, complaint
    summary: str
    on: date
    rule: str


@dataclass(frozen=True)
class State:
    """Everything the events imply on a given day."""

    key: str
    today: date
    regime: Regime
    sent: date | None = None
    clarified: date | None = None
    deadline: Deadline | None = None
    very_overdue_from: date | None = None
    overdue_days: int = 0
    responded: date | None = None
    review_requested: date | None = None
    review_answered: date | None = None
    steps: tuple[Step, ...] = ()
    next_action: str = ""
    next_date: date | None = None
    next_command: str | None = None

    @property
    def label(self) -> str:
        return LABELS[self.key]

    @property
    def due(self) -> date | None:
        return self.deadline.due if self.deadline else None

    @property
    def overdue(self) -> bool:
        return self.key in OVERDUE

    @property
    def closed(self) -> bool:
        return self.key in CLOSED

    def step(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "status": self.key, "status_label": self.label, "as_of": iso(self.today),
            "sent": iso(self.sent), "clarified": iso(self.clarified), "due": iso(self.due),
            "overdue_working_days": self.overdue_days, "responded": iso(self.responded),
            "review_requested": iso(self.review_requested),
            "review_answered": iso(self.review_answered), "next_step": self.next_action,
            "next_date": iso(self.next_date), "next_command": self.next_command,
        }


def derive(request: Tracked, today: date) -> State:
    """The request's state on `today`, from its events alone."""
    regime = regimes.get(request.regime)
    key = _replayed(request)
    sent = request.last("sent")  # a later "sent" corrects or re-sends: the clock counts from it
    if sent is None:
        return _with_next(request, State(key=key, today=today, regime=regime))
    deadline, clarified = _deadline(request, regime, sent.on)
    reply = _reply(request)
    review = request.last("review-requested")
    answered = request.last("review-response")
    steps = _steps(deadline, reply.on if reply else None, review.on if review else None,
                   answered.on if answered else None)
    state = State(
        key=key, today=today, regime=regime, sent=sent.on, clarified=clarified, deadline=deadline,
        very_overdue_from=_very_overdue(deadline, regime.id), responded=reply.on if reply else None,
        review_requested=review.on if review else None,
        review_answered=answered.on if answered else None, steps=steps,
    )
    return _with_next(request, _lateness(state))


def _replayed(request: Tracked) -> str:
    key = "not_sent"
    complaints = 0
    for event in request.events:
        key = _AFTER.get(event.kind, key)
        if event.kind == "complaint":
            complaints += 1
            # Subject access: the first complaint goes to the controller (reference D).
            if request.regime == "sar" and complaints == 1:
                key = "complained_to_controller"
    return key


def _deadline(request: Tracked, regime: Regime, sent: date) -> tuple[Deadline, date | None]:
    """The reply's deadline: from the last clarification received, extended as events say."""
    clarified_event = request.last("clarified")
    clarified = clarified_event.on if clarified_event and clarified_event.on >= sent else None
    extension = request.last("extension")
    if extension is None:
        return _due(sent, regime.id, clarified, False), clarified
    if extension.until is None:
        return _due(sent, regime.id, clarified, True), clarified
    base = _due(sent, regime.id, clarified, False)
    moved = replace(
        base, due=extension.until, extended=True, code_due=None, rolled_due=None,
        extension_due=None, extension_count=None,
        holidays_skipped=holidays_skipped(base.start, extension.until, base.calendar),
    )
    return moved, clarified


# An adviser's tracker holds hundreds of requests sent the same day under the same law: each set of
# dates is worked out once per `foi track list`, not once per request (the arguments are all it uses).
@lru_cache(maxsize=4096)
def _due(sent: date, regime_id: str, clarified: date | None, extended: bool) -> Deadline:
    return response_due(sent, regimes.get(regime_id), clarified=clarified, extended=extended)


@lru_cache(maxsize=4096)
def _steps(deadline: Deadline, responded: date | None, review_requested: date | None,
           review_answered: date | None) -> tuple[Step, ...]:
    return next_steps(deadline, responded=responded, review_requested=review_requested,
                      review_answered=review_answered)


def _reply(request: Tracked) -> Event | None:
    """The reply the review and complaint windows count from: the last one before any review."""
    review = request.first("review-requested")
    replies = [e for e in request.events if e.kind in REPLIES]
    if review is not None:
        replies = [e for e in replies if e.on <= review.on] or replies
    return replies[-1] if replies else None


@lru_cache(maxsize=4096)
def _very_overdue(deadline: Deadline, regime_id: str) -> date:
    """Alaveteli's "very overdue": twice the period (40 working days; three months for subject
    access), counted like the due date."""
    regime = regimes.get(regime_id)
    if regime.unit == "months":
        return add_months(deadline.start, 3) + timedelta(days=1)
    return add_working_days(deadline.start, 2 * regime.period, deadline.calendar) + timedelta(days=1)


def working_days_between(after: date, through: date, calendar: str) -> int:
    """The working days in (after, through]: how late something is."""
    return working_days_in(after, through, calendar)


def _lateness(state: State) -> State:
    deadline, today = state.deadline, state.today
    if deadline is None:
        return state
    if state.key == "waiting_response" and today > deadline.due:
        very = state.very_overdue_from is not None and today >= state.very_overdue_from
        return replace(
            state, key="waiting_response_very_overdue" if very else "waiting_response_overdue",
            overdue_days=working_days_between(deadline.due, today, deadline.calendar),
        )
    answer = state.step("review_answer")
    if state.key == "internal_review" and answer and answer.by and today > answer.by:
        return replace(state, key="internal_review_overdue",
                       overdue_days=working_days_between(answer.by, today, deadline.calendar))
    return state


def _with_next(request: Tracked, state: State) -> State:
    """The next thing to do, its date, and the command that does it."""
    action, on, command = _NEXT[state.key](request, state)
    return replace(state, next_action=action, next_date=on, next_command=command)


def _next_not_sent(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    return ("Send it, then record the day it went", None,
            f"foi track event {request.id} sent --date YYYY-MM-DD")


def _next_waiting(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    return "Wait for the reply, due by", state.due, None


def _next_clarification(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    return ("Send the clarification asked for; the clock restarts when it arrives", None,
            f"foi track event {request.id} clarified --date YYYY-MM-DD")


def _next_overdue(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    late = state.step("late_reply")
    review_first = (state.regime.review or {}).get("review_before_complaint")
    command = f"foi followup {'review' if review_first else 'chase'} {request.id}"
    if late is None:  # subject access and the like: complain to the organisation
        return "Complain: the reply is late", state.today, f"foi followup complain {request.id}"
    return late.action, late.after, command


def _next_reply(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    ask = state.step("review_request")
    if ask is not None:
        return (f"If you are not satisfied: {ask.action.lower()} by", ask.by,
                f"foi followup review {request.id}")
    complaint = state.step("complaint")
    return ((f"If you are not satisfied: {complaint.action.lower()} by", complaint.by,
             f"foi followup complain {request.id}") if complaint else ("Nothing more to do", None, None))


def _next_review(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    answer = state.step("review_answer")
    return "Wait for the review's answer, due by", answer.by if answer else None, None


def _next_review_late(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    answer = state.step("review_answer")
    if answer and answer.at_most and state.today <= answer.at_most:
        return ("Chase the review; at the latest it is due by", answer.at_most,
                f"foi followup review-chase {request.id}")
    complaint = state.step("complaint")
    return (f"{complaint.action if complaint else 'Complain'}: the review is late", state.today,
            f"foi followup complain {request.id}")


def _next_complaint(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    complaint = state.step("complaint")
    if complaint is None:
        return "Nothing more to do", None, None
    return f"If you are not satisfied: {complaint.action.lower()} by", complaint.by, \
        f"foi followup complain {request.id}"


def _next_controller(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    last = request.last("complaint")
    regulator = state.regime.regulator.short
    by = add_months(last.on, int(state.regime.complaint["within"])) if last else None
    return (f"If the organisation does not put it right, complain to {regulator} by", by,
            f"foi followup complain {request.id}")


def _next_none(request: Tracked, state: State) -> tuple[str, date | None, str | None]:
    return {"with_regulator": "Wait for the regulator's decision",
            "decided": "Nothing more to track: the regulator has decided",
            "user_withdrawn": "Nothing more to do: withdrawn",
            "successful": "Nothing more to do"}[state.key], None, None


_NEXT = {
    "not_sent": _next_not_sent, "waiting_response": _next_waiting,
    "waiting_clarification": _next_clarification, "waiting_response_overdue": _next_overdue,
    "waiting_response_very_overdue": _next_overdue, "successful": _next_none,
    "partially_successful": _next_reply, "rejected": _next_reply,
    "internal_review": _next_review, "internal_review_overdue": _next_review_late,
    "review_answered": _next_complaint, "complained_to_controller": _next_controller,
    "with_regulator": _next_none, "decided": _next_none, "user_withdrawn": _next_none,
}


def windows(request: Tracked, state: State) -> list[Window]:
    """The dated windows for the calendar: only those counted from a real event, never an assumed one."""
    where = f"{request.body}: {request.title}"
    found: list[Window] = []
    if state.deadline is not None:
        found.append(Window("due", f"FOI reply due: {where}" if state.regime.is_foi
                            else f"Reply due: {where}", state.deadline.due,
                            f"{state.regime.short}: {state.regime.period_words}"))
    for step in state.steps:
        if step.key == "late_reply" or step.by is None or step.anchor_assumed:
            continue
        found.append(Window(step.key, f"{step.action}: {where}", step.by, step.rule))
    return found
