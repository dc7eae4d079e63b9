"""`foi followup` as plain functions: check the timing, draft the letter, write it in every format
asked for through the export registry, and record it in the tracker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi.export import outputs, registry
from foi.followup import grounds, letters, reply, timing
from foi.followup.letters import FollowupDraft
from foi.support import console
from foi.support.dates import long_date
from foi.support.errors import FoiError, UsageProblem
from foi.tracker import recording
from foi.tracker.model import Event, Tracked
from foi.tracker.status import OVERDUE, State, derive

# The tracker event each follow-up records.
RECORDED = {"chase": "chased", "review": "review-requested", "review-chase": "review-chased",
            "complain": "complaint"}


@dataclass
class Followup:
    """What `foi followup KIND` was asked to do."""

    kind: str
    request_id: int | None = None
    overdue: bool = False
    db: str | None = None
    letter_date: date | None = None
    formats: list[str] = field(default_factory=lambda: ["text"])
    output: str | None = None
    force: bool = False
    track: bool = True
    grounds: list[str] = field(default_factory=list)
    reason: str | None = None
    reply: Path | None = None
    drop: list[str] = field(default_factory=list)
    asker: Any = None  # a Wizard to confirm proposed grounds with, when there is a terminal
    templates: Path | None = None  # your own templates folder (else the profile's `templates`)


@dataclass(frozen=True)
class Planned:
    request: Tracked
    draft: FollowupDraft
    targets: list[outputs.Target]
    contents: dict[str, bytes]


def run(job: Followup) -> list[Planned]:
    """Write the follow-up (or, with --overdue, one for every overdue request) and record it."""
    today = job.letter_date or date.today()
    requests = _requests(job, today)
    planned = [_plan(job, request, today) for request in requests]
    for item in planned:
        written = outputs.write(item.targets, item.contents, force=job.force)
        for path in written:
            console.info(f"Wrote {path}")
        _notices(item.draft, [t.fmt for t in item.targets])
        if job.track:
            _record(job, item.request, today, written)
    return planned


def _requests(job: Followup, today: date) -> list[Tracked]:
    if not job.overdue:
        if job.request_id is None:
            raise UsageProblem(f"give the request's ID: foi followup {job.kind} ID (`foi track list` shows them)")
        return [recording.load(job.db, job.request_id)]
    if job.kind != "chase" or job.request_id is not None:
        raise UsageProblem("--overdue is for `foi followup chase --overdue`, without an ID")
    found = [r for r in recording.load_all(job.db) if derive(r, today).key in OVERDUE[:2]]
    if not found:
        raise FoiError(f"no tracked request is overdue on {today.isoformat()}: nothing was written")
    if len(found) > 1 and (job.output is None or not outputs.is_folder(job.output)):
        raise UsageProblem(f"{len(found)} requests are overdue: give --output FOLDER/ to write a "
                           "chaser for each there")
    return found


def _plan(job: Followup, request: Tracked, today: date) -> Planned:
    state = derive(request, today)
    warnings = timing.check(job.kind, request, state)  # a follow-up that does not fit stops here
    extra = _extra(job, request, state)
    draft = letters.build(job.kind, request, state, recording.requester(request), today, extra,
                          _templates(job.templates))
    formats = _formats(job, draft, request)
    targets = outputs.plan(formats, job.output, draft.slug, force=job.force)
    contents = {t.fmt: registry.render(draft, t.fmt) for t in targets}
    for warning in warnings:  # only once the letter is sure to be written
        console.warn(f"request {request.id}: {warning}")
    return Planned(request, draft, targets, contents)


def _templates(option: Path | None) -> Path | None:
    """Your own templates folder: --templates, else the profile's `templates` setting."""
    from foi.request import profile

    return profile.templates_folder(option)


def _formats(job: Followup, draft: FollowupDraft, request: Tracked) -> list[str]:
    """The formats asked for; WhatDoTheyKnow only where the letter goes to the body itself."""
    to_body = job.kind != "complain" or letters.to_controller(job.kind, request)
    chosen = registry.choose(job.formats, draft)
    if not to_body and "wdtk" in chosen:
        if "all" in job.formats:
            chosen.remove("wdtk")
        else:
            raise UsageProblem("--format wdtk: a complaint goes to the regulator, not through "
                               "WhatDoTheyKnow: use text, docx or eml")
    return chosen


def _extra(job: Followup, request: Tracked, state: State) -> dict[str, Any]:
    if job.kind == "review":
        return {"grounds": _review_grounds(job, request, state), "reason": job.reason}
    if job.kind == "complain":
        chosen = grounds.chosen(job.grounds)
        if state.regime.id in ("foisa", "eisr") and not (chosen or job.reason) \
                and not letters.to_controller(job.kind, request):
            raise UsageProblem(
                f"{state.regime.short} {state.regime.section('complaint')}: an application must say "
                "why you are still dissatisfied: give --reason \"...\" or --ground KEY"
            )
        return {"grounds": chosen, "reason": job.reason, "attachments": attachments(request)}
    return {}


def _review_grounds(job: Followup, request: Tracked, state: State) -> list[grounds.Ground]:
    keys = list(job.grounds)
    if job.reply is not None:
        keys += _proposed(job, state)
    if not keys and state.responded is None and state.overdue:
        keys = ["no_response"]
    dropped = {k.replace("-", "_") for k in job.drop}
    chosen = [g for g in grounds.chosen(keys) if g.key not in dropped]
    if not chosen and not job.reason:
        why = (f"{state.regime.section('review')} requires the matter giving rise to your "
               "dissatisfaction to be stated: " if state.regime.id in ("foisa", "eisr") else "")
        raise UsageProblem(f"say why you want a review: {why}give --ground KEY (repeat it), "
                           "--reply FILE to read the authority's reply, or --reason \"...\"")
    return chosen


def _proposed(job: Followup, state: State) -> list[str]:
    """The grounds the reply suggests, each shown with its argument; kept or dropped at a terminal."""
    assert job.reply is not None
    found = reply.findings(reply.read(job.reply), state.regime)
    if not found:
        console.warn(f"{job.reply}: no section, regulation or words found that suggest a ground; "
                     "choose them with --ground")
        return []
    console.info(f"From {job.reply}:")
    keys: list[str] = []
    for finding in found:
        cited = finding.cited or "the words"
        console.info(f"  {cited}: \"{finding.words}\"\n    -> {', '.join(g.replace('_', '-') for g in finding.trigger.grounds)}: {finding.trigger.argument}")
        if job.asker is not None and not job.asker.confirm("  Keep this ground?", default=True):
            continue
        keys += [g for g in finding.trigger.grounds if g not in keys]
    if job.asker is None:
        console.info("  Drop any of these with --drop KEY.")
    return keys


# What each event's letter is, in a complaint's list of what to attach (reference A14: the request,
# the response, the request for review and its outcome).
_ATTACH = {
    "sent": "my request", "response": "the reply", "partial-response": "the reply",
    "refused": "the refusal", "chased": "my chaser", "review-requested": "my request for review",
    "review-chased": "my chaser for the review", "review-response": "the outcome of the review",
    "complaint": "my complaint to the organisation",
}


def attachments(request: Tracked) -> list[str]:
    """What to send with a complaint: every letter and reply the tracker knows of, by date, with
    its file's name where one was recorded."""
    found = []
    for event in request.events:
        what = _ATTACH.get(event.kind)
        if what is None:
            continue
        file = event.file or (request.letter if event.kind == "sent" else None)
        named = f" ({Path(file).name})" if file else ""
        found.append(f"{what[0].upper()}{what[1:]} of {long_date(event.on)}{named}")
    return found


def _notices(draft: FollowupDraft, formats: list[str]) -> None:
    for fmt in formats:
        if fmt == "wdtk":
            console.info("On WhatDoTheyKnow, open your request's page and use its follow-up link "
                         "(or \"request an internal review\"), then paste the text of the .wdtk.txt "
                         "file. Everything there is published.")
            continue
        for notice in registry.notices(draft, fmt):
            (console.warn if notice.warning else console.info)(notice.text)


def _record(job: Followup, request: Tracked, today: date, written: list[Path]) -> None:
    event = Event(RECORDED[job.kind], today, note=f"letter written by foi followup {job.kind}",
                  file=str(written[0]) if written else None)
    recording.record_event(job.db, request.id, event)
    console.info(f"Recorded {event.kind} on {today.isoformat()} for request {request.id} "
                 "(--no-track to leave it out; record the real day it went with `foi track event`)")
