"""The follow-up letter as a Draft: its words from templates/followup/<kind>.md.j2, given finished
dates and the regime's own sections, so the export registry writes it in every format."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from foi.directory.entries import Authority
from foi.law.deadlines import response_due
from foi.letter import markup
from foi.letter.drafting import Draft, address_lines
from foi.letter.environment import render_file, render_string
from foi.letter.markup import Md, escape
from foi.support.dates import long_date
from foi.support.errors import FoiError
from foi.tracker.model import Tracked
from foi.tracker.status import State

# What each event says in a complaint's account of what happened.
_HAPPENED = {
    "sent": "I sent the request.", "acknowledged": "The authority acknowledged it.",
    "clarification-requested": "The authority asked me to clarify it.",
    "clarified": "The authority received my clarification.",
    "extension": "The authority extended the time for replying.",
    "response": "The authority replied.", "partial-response": "The authority replied in part.",
    "refused": "The authority refused the request.", "chased": "I chased the late reply.",
    "review-requested": "I asked for an internal review.",
    "review-chased": "I chased the late review.",
    "review-response": "The authority sent the outcome of its internal review.",
    "complaint": "I complained to the regulator.", "decision": "The regulator decided.",
    "withdrawn": "I withdrew the request.",
}
_SUBJECT = {
    "chase": "Reply overdue: {heading} - {title}",
    "review": "Internal review of {heading} - {title}",
    "review-chase": "Internal review overdue: {heading} - {title}",
    "complain": "Complaint about {heading} - {title}",
}


@dataclass(frozen=True)
class FollowupDraft(Draft):
    """A follow-up letter: a Draft with its own file name and email subject."""

    kind: str = "chase"
    request_id: int = 0
    subject_line: str = ""

    @property
    def slug(self) -> str:
        return f"{self.kind}-{self.request_id}-{self.authority.id}-{self.letter_date.isoformat()}"

    @property
    def subject(self) -> str:
        return self.subject_line


def _body(request: Tracked) -> Authority:
    """The body from the directory where it is known (its address and email), else by name."""
    from foi.directory import authorities

    if request.authority_id:
        entry = authorities.builtin().authorities.get(request.authority_id)
        if entry is not None:
            return entry
    ident = re.sub(r"[^a-z0-9]+", "-", request.body.lower()).strip("-") or "body"
    return Authority(id=ident, name=request.body, short=request.body, regime=request.regime)


def _regulator(state: State) -> Authority:
    regulator = state.regime.regulator
    return Authority(id=regulator.id, name=regulator.name, short=regulator.short,
                     regime=state.regime.id, email=regulator.email,
                     address=tuple(address_lines(regulator.address)),
                     verified=regulator.address_verified)


def to_controller(kind: str, request: Tracked) -> bool:
    """A subject access complaint goes to the controller first, then to the regulator."""
    return kind == "complain" and request.regime == "sar" and request.first("complaint") is None


def build(kind: str, request: Tracked, state: State, requester: dict[str, Any], letter_date: date,
          extra: dict[str, Any], user_dir: Path | None = None) -> FollowupDraft:
    """The letter for this follow-up; `extra` carries grounds, own words and attachments; a
    followup/<kind>.md.j2 in `user_dir` (your own templates) wins over the built-in one."""
    if not requester.get("name"):
        raise FoiError("the follow-up needs your name to sign it: save it once with "
                       "`foi profile set name=\"Jane Smith\" email=jane@example.org`")
    body = _body(request)
    to_regulator = kind == "complain" and not to_controller(kind, request)
    recipient = _regulator(state) if to_regulator else body
    context = _context(kind, request, state, requester, letter_date, body, recipient, extra)
    marked = render_file(f"followup/{kind}.md.j2", context, user_dir)
    blocks = markup.parse(marked)
    heading = state.regime.heading
    deadline = state.deadline or response_due(letter_date, state.regime)
    return FollowupDraft(
        scenario_id=kind, regime=state.regime, authority=recipient, provider=None,
        title=request.title, letter_date=letter_date, deadline=deadline, answers=dict(requester),
        markup=markup.to_markdown(blocks), blocks=blocks, kind=kind, request_id=request.id,
        subject_line=_SUBJECT[kind].format(heading=heading, title=request.title),
    )


class _Sections(dict[str, Md]):
    """The regime's provisions by duty; a duty the regime lacks reads as empty, so a template's
    `{% if s.cost %}` leaves out the sentence that needs it."""

    def __missing__(self, key: str) -> Md:
        return Md("")


def _recipient(recipient: Authority, state: State) -> list[str]:
    """The addressee's name and address; for subject access, the body's own route for it (DWP's
    right of access team) where the directory has one."""
    address = recipient.address
    if state.regime.kind == "sar" and recipient.sar_address:
        address = recipient.sar_address
    return [recipient.name, *(line for line in address if line != recipient.name)]


def _iso_long(value: date | None) -> str:
    return long_date(value) if value else ""


def _context(kind: str, request: Tracked, state: State, requester: dict[str, Any],
             letter_date: date, body: Authority, recipient: Authority,
             extra: dict[str, Any]) -> dict[str, Any]:
    regime = state.regime
    sections = _Sections({k: escape(v) for k, v in regime.sections.items() if v})
    deadline = state.deadline
    answer = _review_answer(kind, state, letter_date)
    complaint = state.step("complaint")
    reply = request.last("response", "partial-response", "refused")
    scope: dict[str, Any] = {
        "kind": kind, "regime": regime, "s": sections, "act": escape(regime.name),
        "time": sections.get("time") or sections.get("transparency") or "",
        "period_words": escape(regime.period_words), "due": escape(_iso_long(state.due)),
    }
    return {
        **scope,
        "title": escape(request.title), "reference": escape(request.reference or ""),
        "letter_date": long_date(letter_date),
        "recipient": _recipient(recipient, state),
        "body": escape(body.name), "body_short": escape(body.in_text),
        "sent": _iso_long(state.sent), "clarified": _iso_long(state.clarified),
        "extended": bool(deadline and deadline.extended),
        "days_late": state.overdue_days if state.key.startswith("waiting_response") else 0,
        "responded": _iso_long(state.responded),
        "reply_kind": reply.kind if reply else "",
        "review_requested": _iso_long(state.review_requested),
        "review_answered": _iso_long(state.review_answered),
        "review_due": _iso_long(answer.by if answer else None),
        "review_at_most": _iso_long(answer.at_most if answer and answer.at_most != answer.by else None),
        "review_late": state.overdue_days if state.key == "internal_review_overdue" else 0,
        "review_basis": escape((regime.review or {}).get("basis", "")),
        "review_within": (regime.review or {}).get("answer_within", 0),
        "review_at_most_days": (regime.review or {}).get("answer_at_most", 0),
        "regulator": escape(regime.regulator.name), "regulator_short": escape(regime.regulator.short),
        "complaint_by": _iso_long(complaint.by if complaint and not complaint.anchor_assumed else None),
        "to_controller": to_controller(kind, request),
        "grounds": [_ground(g, scope) for g in extra.get("grounds", [])],
        "own_words": escape(extra.get("reason") or ""),
        "happened": [Md(f"On {long_date(e.on)}: {_happened(request, e)}") for e in request.events],
        "attachments": [escape(a) for a in extra.get("attachments", [])],
        "signature": _signature(requester),
    }


def _happened(request: Tracked, event: Any) -> str:
    """What an event was, in a complaint's account; subject access complains to the organisation first."""
    if event.kind == "complaint" and request.regime == "sar" and event is request.first("complaint"):
        return "I complained to the organisation."
    return _HAPPENED.get(event.kind, event.kind)


def _review_answer(kind: str, state: State, letter_date: date) -> Any:
    """When the review's answer is due: for a review asked for now, counted from this letter."""
    if kind != "review" or state.deadline is None:
        return state.step("review_answer")
    from foi.law.next_steps import next_steps

    steps = next_steps(state.deadline, responded=state.responded, review_requested=letter_date)
    return next((s for s in steps if s.key == "review_answer"), None)


def _ground(ground: Any, scope: dict[str, Any]) -> dict[str, Md]:
    text = render_string(ground.text, scope, f"templates/followup/grounds.yaml: {ground.key}")
    return {"title": escape(ground.title), "text": text}


def _signature(requester: dict[str, Any]) -> list[str]:
    lines = [str(requester["name"])]
    if requester.get("organisation"):
        lines.append(f"for {requester['organisation']}")
    lines += address_lines(requester.get("address"))
    if requester.get("email"):
        lines.append(str(requester["email"]))
    return lines
