"""`foi followup` on its own: asks which tracked request and what happened, then writes the letter.

Only with a terminal: without one it stops with the command to type instead.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from foi.followup.commands import Followup, run
from foi.support.dates import parse_date
from foi.support.errors import FoiError, UsageProblem
from foi.tracker import recording
from foi.tracker.model import Event
from foi.tracker.status import derive

CHOICES = (
    ("chase", "The reply is late: nothing has come"),
    ("review", "A reply came (a refusal, or only part) and I am not satisfied"),
    ("review-chase", "I asked for an internal review and its answer is late"),
    ("complain", "I want to complain to the regulator"),
)


def run_wizard(db: str | None, interactive: bool) -> None:
    """Ask, then write the follow-up as `foi followup KIND ID` would."""
    if not interactive:
        raise UsageProblem("`foi followup` on its own asks questions and needs a terminal: give the "
                           "kind and the request instead, e.g. `foi followup chase 3`")
    import typer

    from foi.request.wizard import Wizard

    requests = recording.load_all(db)
    if not requests:
        raise FoiError("no tracked requests yet: add one with `foi track add LETTER --sent DATE`")
    today = date.today()
    for request in requests:
        typer.echo(f"  {request.id:>3}. {derive(request, today).label:<24} {request.body}: "
                   f"{request.title}", err=True)
    ids = {r.id: r for r in requests}
    request_id = _ask_number("Which request (its number)?", set(ids))
    for number, (_, words) in enumerate(CHOICES, start=1):
        typer.echo(f"  {number}. {words}", err=True)
    kind = CHOICES[_ask_number("What happened (1-4)?", {1, 2, 3, 4}) - 1][0]
    wizard = Wizard()
    job = Followup(kind=kind, request_id=request_id, db=db, asker=wizard)
    if kind == "review":
        _record_reply(db, request_id)
        found = wizard.ask_text("The reply's file, to read it for grounds (Enter to skip)", "")
        job.reply = Path(found) if found.strip() else None
        job.reason = wizard.ask_text("In your own words, why are you not satisfied? (Enter to skip)", "") or None
    name = f"{kind}-{request_id}-{today.isoformat()}.txt"
    job.output = wizard.ask_text("Save the letter as", name)
    run(job)


def _ask_number(text: str, allowed: set[int]) -> int:
    import typer

    while True:
        answer = str(typer.prompt(text, err=True)).strip()
        if answer.isdigit() and int(answer) in allowed:
            return int(answer)
        typer.echo(f"  Please type one of {', '.join(str(a) for a in sorted(allowed))}.", err=True)


def _record_reply(db: str | None, request_id: int) -> None:
    """Record the reply when the tracker does not have it yet: what came, and when."""
    import typer

    state = derive(recording.load(db, request_id), date.today())
    if state.responded is not None:
        return
    kinds = {"1": "refused", "2": "partial-response", "3": "response"}
    typer.echo("  1. refused   2. partial-response (only part)   3. response (all, but unsatisfying)", err=True)
    kind = kinds.get(str(typer.prompt("What came (1-3)?", default="1", err=True)).strip(), "refused")
    while True:
        text = str(typer.prompt("The day it came (YYYY-MM-DD)", default=date.today().isoformat(), err=True))
        on = parse_date(text)
        if on is not None:
            break
        typer.echo("  Write the date as YYYY-MM-DD, e.g. 2026-06-01.", err=True)
    recording.record_event(db, request_id, Event(kind, on))
