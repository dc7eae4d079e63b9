"""Whether a follow-up comes too early or too late, and what to do instead.

A problem that makes the letter wrong (a chaser for a request that was answered) stops it with the
right command to run; a question of timing (a chaser before the due date, a review asked more than
40 working days after the reply, a complaint past the regulator's window) is a warning, because the
person may have reasons, and the letter is still written.
"""

from __future__ import annotations

from datetime import date

from foi.support.dates import long_date
from foi.support.errors import FoiError
from foi.tracker.model import Tracked
from foi.tracker.status import State

KINDS = ("chase", "review", "review-chase", "complain")


def check(kind: str, request: Tracked, state: State) -> list[str]:
    """Refuse a follow-up that does not fit the request; the timing warnings for one that does."""
    if state.sent is None:
        raise FoiError(f"request {request.id} has no `sent` date, so nothing can be late: record it "
                       f"with `foi track event {request.id} sent --date YYYY-MM-DD`")
    return {"chase": _chase, "review": _review, "review-chase": _review_chase,
            "complain": _complain}[kind](request, state)


def _day(value: date) -> str:
    return long_date(value)


def _chase(request: Tracked, state: State) -> list[str]:
    if state.responded is not None or state.review_requested is not None:
        raise FoiError(f"request {request.id} was answered on {state.responded or state.review_requested}: "
                       f"a chaser is for a late reply; if you are not satisfied, run "
                       f"`foi followup review {request.id}`")
    if state.key == "waiting_clarification":
        asked = request.last("clarification-requested")
        on = f" on {asked.on.isoformat()}" if asked else ""
        raise FoiError(f"the authority asked for a clarification{on}, so the clock has stopped: send "
                       f"it, then record `foi track event {request.id} clarified --date YYYY-MM-DD`")
    deadline, today = state.deadline, state.today
    assert deadline is not None
    warnings = []
    if today <= deadline.due:
        warnings.append(f"this is early: the reply is not due until {_day(deadline.due)}; wait and "
                        "chase after that day (`foi track list` shows when)")
    elif today <= deadline.latest:
        warnings.append(f"the authority may say it has until {_day(deadline.latest)} (the s.45 Code "
                        "reading of a request received on a non-working day); chasing now is fair, "
                        "but a complaint should wait until after then")
    if (state.regime.review or {}).get("review_before_complaint"):
        ask = state.step("late_reply")
        by = f" by {_day(ask.by)}" if ask and ask.by else ""
        warnings.append(f"under {state.regime.short} a late reply counts as a refusal and "
                        f"{state.regime.regulator.short} needs a review first: ask for one{by} with "
                        f"`foi followup review {request.id} --ground no-response`")
    return warnings


def _review(request: Tracked, state: State) -> list[str]:
    regime = state.regime
    if regime.review is None:
        raise FoiError(f"{regime.short} has no internal review: complain to the organisation first "
                       f"with `foi followup complain {request.id}`")
    if state.review_answered is not None:
        raise FoiError(f"the review was answered on {state.review_answered}: the next step is "
                       f"{regime.regulator.short}, with `foi followup complain {request.id}`")
    if state.review_requested is not None:
        raise FoiError(f"a review was asked for on {state.review_requested}: if its answer is late, "
                       f"chase it with `foi followup review-chase {request.id}`")
    deadline, today = state.deadline, state.today
    assert deadline is not None
    if state.responded is None and today <= deadline.due:
        return [f"this is early: there is no reply yet and it is not due until "
                f"{_day(deadline.due)}; wait for it, or chase it after then"]
    ask = state.step("review_request") or state.step("late_reply")
    if ask and ask.by and today > ask.by:
        counted = "the reply" if state.responded else "the due date"
        return [f"this is late: a review should be asked for within "
                f"{regime.review['ask_within']} working days of {counted}, by {_day(ask.by)}; "
                "the authority could refuse it. Send it anyway and say why it is late; if it is "
                f"refused, complain to {regime.regulator.short} (`foi followup complain {request.id}`)"]
    return []


def _review_chase(request: Tracked, state: State) -> list[str]:
    if state.review_requested is None:
        raise FoiError(f"no internal review was asked for on request {request.id}: ask for one with "
                       f"`foi followup review {request.id}`")
    if state.review_answered is not None:
        raise FoiError(f"the review was answered on {state.review_answered}: if you are still not "
                       f"satisfied, run `foi followup complain {request.id}`")
    answer = state.step("review_answer")
    assert answer is not None and answer.by is not None
    if state.today <= answer.by:
        return [f"this is early: the review's answer is not due until {_day(answer.by)}"]
    if answer.at_most and state.today > answer.at_most:
        return [f"the review is past even the longest time allowed ({_day(answer.at_most)}): "
                f"complain to {state.regime.regulator.short} now with "
                f"`foi followup complain {request.id}`"]
    return []


def _complain(request: Tracked, state: State) -> list[str]:
    regime, today = state.regime, state.today
    deadline = state.deadline
    assert deadline is not None
    if regime.kind == "sar":
        return _complain_sar(request, state)
    review = regime.review or {}
    if state.key in ("with_regulator", "decided"):
        complained = request.last("complaint")
        return [f"you already complained on {complained.on.isoformat() if complained else '?'}: "
                "write to the regulator about that case, quoting its reference, rather than "
                "starting a new one"]
    if state.responded is None and state.review_requested is None:
        if today <= deadline.latest:
            return [f"this is early: the reply is not due until {_day(deadline.latest)}"]
        if review.get("review_before_complaint"):
            return [f"{regime.regulator.short} takes an appeal only after a review: ask for one "
                    f"first with `foi followup review {request.id} --ground no-response`"]
        if request.first("chased") is None:
            return [f"{regime.regulator.short} expects you to have chased the authority first: "
                    f"send `foi followup chase {request.id}`, and complain if that brings nothing"]
        return []
    if state.review_requested is None:
        return [f"{regime.regulator.short} expects you to ask for an internal review first: run "
                f"`foi followup review {request.id}`"]
    answer = state.step("review_answer")
    if state.review_answered is None and answer and answer.by and today <= answer.by:
        return [f"this is early: the review's answer is not due until {_day(answer.by)}; chase it "
                f"after then with `foi followup review-chase {request.id}`"]
    window = state.step("complaint")
    if window and window.by and today > window.by:
        return [f"this is late: {regime.regulator.short} expects a complaint by {_day(window.by)} "
                f"({window.rule}) and may decline one made after undue delay; send it now and "
                "say why it is late"]
    return []


def _complain_sar(request: Tracked, state: State) -> list[str]:
    """Subject access: to the organisation once the month has passed; then to the regulator within
    three months of the last contact (ICO practice, reference D)."""
    deadline = state.deadline
    assert deadline is not None
    first = request.first("complaint")
    if first is None:
        if state.responded is None and state.today <= deadline.due:
            return [f"this is early: the reply is not due until {_day(deadline.due)}"]
        return []
    from foi.law.workdays import add_months

    last = max(e.on for e in request.events)
    by = add_months(last, int(state.regime.complaint["within"]))
    if state.today > by:
        return [f"this is late: {state.regime.regulator.short} expects a complaint within three "
                f"months of your last contact with the organisation ({_day(last)}), by {_day(by)}; "
                "send it now and say why it is late"]
    return []
