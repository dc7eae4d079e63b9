"""What comes after the due date: the internal review and complaint windows, with their dates.

The periods are data (foi/data/regimes.yaml, `review` and `complaint`), from reference A13, A14, B,
C, D, G4 and G5:
- FOIA: ask for an internal review within 40 working days of the response (ICO); the answer is due
  in 20 working days, 40 at most (Code and ICO, not statute); complain to the ICO within six weeks
  of the final response. No reply at all: complain to the ICO without a review.
- EIR: the same, but the review answer is due in 40 working days (reg 11).
- FOISA and EISR: ask within 40 working days of the response (G5: the earlier, OSIC reading), the
  answer is due in 20; appeal to the Scottish Information Commissioner within six months of the
  review outcome, or of when it should have come. No reply: a review first.
- Subject access: complain to the organisation, then to the ICO within three months of the last
  contact.
Where a date the window counts from is not given, the reply is taken to come on the due date and
the review to be asked for the same day, and the step says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from foi.law import regimes
from foi.law.deadlines import Deadline
from foi.law.holidays import HolidayOverrides
from foi.law.regimes import Regime
from foi.law.workdays import add_months, add_weeks, add_working_days
from foi.support.errors import DataError, FoiError


@dataclass(frozen=True)
class Step:
    """One next step: what to do, and the window for doing it."""

    key: str  # "late_reply", "review_request", "review_answer", "complaint"
    action: str  # what to do, as a short imperative
    rule: str  # the period in words, with its source
    anchor: date  # the day the window counts from
    anchor_assumed: bool  # True when the anchor is an assumption (no date was given)
    anchor_words: str  # what the anchor is ("the response", "the due date")
    by: date | None = None  # the last day of the window
    after: date | None = None  # the first day it opens, where it does not open at once
    at_most: date | None = None  # the outer limit where guidance allows longer (FOIA review)

    def to_dict(self) -> dict[str, Any]:
        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "key": self.key,
            "action": self.action,
            "rule": self.rule,
            "anchor": iso(self.anchor),
            "anchor_assumed": self.anchor_assumed,
            "after": iso(self.after),
            "by": iso(self.by),
            "at_most": iso(self.at_most),
        }


def _add(
    anchor: date, within: int, unit: str, calendar: str, overrides: HolidayOverrides | None
) -> date:
    """A window's end: working days on the regime's calendar; weeks and months not rolled forward
    (the earlier date is the safe one to act by)."""
    if unit == "working_days":
        return add_working_days(anchor, within, calendar, overrides)
    if unit == "weeks":
        return add_weeks(anchor, within)
    if unit == "months":
        return add_months(anchor, within)
    raise DataError(
        f"regimes.yaml: unknown window unit '{unit}': use working_days, weeks or months"
    )


def _number(count: int, unit: str) -> str:
    words = {3: "three", 6: "six", 20: "20", 40: "40"}
    label = {"working_days": "working days", "weeks": "weeks", "months": "months"}[unit]
    return f"{words.get(count, str(count))} {label}"


def next_steps(
    deadline: Deadline,
    *,
    responded: date | None = None,
    review_requested: date | None = None,
    review_answered: date | None = None,
    overrides: HolidayOverrides | None = None,
) -> tuple[Step, ...]:
    """The review and complaint windows after a deadline, from the dates given (or assumed)."""
    regime = regimes.get(deadline.regime)
    for name, value in (("responded", responded), ("review requested", review_requested),
                        ("review answered", review_answered)):
        if value is not None and value < deadline.received:
            raise FoiError(f"the {name} date {value} is before the date of receipt: check it")
    steps: list[Step] = []
    if responded is None:
        late = _late_reply(deadline, regime, overrides)
        if late:
            steps.append(late)
    if regime.review is not None:
        steps.extend(_review(deadline, regime, responded, review_requested, overrides))
        answer = steps[-1]
        anchor = review_answered or answer.by or answer.anchor
        words = "the review's answer" if review_answered else "the date the review's answer is due"
        assumed = review_answered is None
    else:
        anchor = responded or deadline.due
        words = "your last contact" if responded else "the due date (no later contact given)"
        assumed = responded is None
    if regime.complaint:
        complaint = regime.complaint
        steps.append(Step(
            key="complaint",
            action=f"Complain to {regime.regulator.short}",
            rule=_first_sentence(complaint["basis"]),
            anchor=anchor, anchor_assumed=assumed, anchor_words=words,
            by=_add(anchor, complaint["within"], complaint["unit"], deadline.calendar, overrides),
        ))
    return tuple(steps)


def _late_reply(
    deadline: Deadline, regime: Regime, overrides: HolidayOverrides | None
) -> Step | None:
    """What to do when nothing has come by the due date (chase only after the later reading)."""
    review = regime.review or {}
    regulator = regime.regulator.short
    common: dict[str, Any] = {
        "key": "late_reply", "anchor": deadline.due, "anchor_assumed": False,
        "anchor_words": "the due date", "after": deadline.latest + timedelta(days=1),
    }
    if review.get("review_before_complaint"):
        within = review["ask_within"]
        return Step(
            action=f"No reply by the due date: ask for a review (a failure to respond); "
            f"{regulator} needs one before an appeal",
            rule=f"within {_number(within, 'working_days')} of the end of the period for replying "
            f"({review['basis']})",
            by=_add(deadline.due, within, "working_days", deadline.calendar, overrides),
            **common,
        )
    if regime.review is not None:
        return Step(
            action=f"No reply by the due date: chase it, then complain to {regulator}; "
            "no internal review is needed",
            rule=f"{regulator} takes a complaint about a late reply without an internal review",
            **common,
        )
    if (regime.complaint or {}).get("complain_to_controller_first"):
        return Step(
            action=f"No reply by the due date: complain to the organisation, then to {regulator}",
            rule="complain to the organisation first (ICO practice; a statutory right from "
            "19 June 2026, commencement unverified)",
            **common,
        )
    return None


def _review(
    deadline: Deadline, regime: Regime, responded: date | None, review_requested: date | None,
    overrides: HolidayOverrides | None,
) -> tuple[Step, Step]:
    """Asking for a review (from the reply) and its answer (from the request for review)."""
    review = regime.review or {}
    calendar = deadline.calendar
    reply_at = responded or deadline.due
    ask = Step(
        key="review_request",
        action="Ask for an internal review",
        rule=f"within {_number(review['ask_within'], 'working_days')} of the response "
        f"({review['basis']})",
        anchor=reply_at, anchor_assumed=responded is None,
        anchor_words="the response" if responded else "the due date (no reply date given)",
        by=_add(reply_at, review["ask_within"], "working_days", calendar, overrides),
    )
    asked_at = review_requested or reply_at
    within, at_most = review["answer_within"], review.get("answer_at_most")
    outer = None
    rule = f"{_number(within, 'working_days')} after the authority receives it"
    if at_most and at_most != within:
        outer = _add(asked_at, at_most, "working_days", calendar, overrides)
        rule += f", {_number(at_most, 'working_days')} at most in exceptional cases"
    answer = Step(
        key="review_answer",
        action="The review's answer is due",
        rule=f"{rule} ({review['basis']})",
        anchor=asked_at, anchor_assumed=review_requested is None,
        anchor_words="your request for review" if review_requested
        else "a request for review sent that day",
        by=_add(asked_at, within, "working_days", calendar, overrides), at_most=outer,
    )
    return ask, answer


def _first_sentence(text: str) -> str:
    return " ".join(text.split()).split(". ")[0].rstrip(".")
