"""`foi track` as plain functions, one per subcommand: the CLI only parses options and calls these."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from foi.support import console
from foi.support.errors import UsageProblem
from foi.support.files import write_atomic
from foi.tracker import recording, view
from foi.tracker.model import Event
from foi.tracker.status import derive

if TYPE_CHECKING:  # reading letters and manifests, and iCalendar, only in the commands that do it
    from foi.tracker.sources import Flags

EXPORT_FORMATS = ("csv", "json", "ics")


def add(db: str | None, source: Path | None, flags: Flags, sent: date | None) -> list[int]:
    """Track what the file (or the flags alone) describes; the new ids."""
    from foi.tracker import sources

    if source is None:
        return recording.add_requests(db, [(sources.from_flags(flags), sent)])
    name = source.name.lower()
    if name.endswith(".csv") or name.endswith(".json"):
        if any((flags.body, flags.title, flags.regime, flags.reference)):
            raise UsageProblem("a manifest gives each row's body, title and regime: leave out "
                               "--body, --title, --regime and --reference")
        rows = sources.from_manifest(source)
        entries = [(new, row_sent or sent) for new, row_sent in rows]
        return recording.add_requests(db, entries)
    if name.endswith((".yaml", ".yml")):
        new = sources.from_answers(source, flags, sent or date.today())
        return recording.add_requests(db, [(new, sent)])
    new, letter_date = sources.from_letter(source, flags)
    if sent is None and letter_date is not None:
        console.info(f"The letter is dated {letter_date.isoformat()}: if it went that day, record it "
                     "with --sent (the clock starts from the day it is received)")
    return recording.add_requests(db, [(new, sent)])


def event(db: str | None, request_id: int, event: Event, today: date) -> str:
    """Record an event; one line saying the status it leaves."""
    recording.record_event(db, request_id, event)
    state = derive(recording.load(db, request_id), today)
    when = f" {state.next_date.isoformat()}" if state.next_date else ""
    return f"Recorded {event.kind} on {event.on.isoformat()} for request {request_id}: " \
           f"now {state.label}. Next: {state.next_action}{when}"


def listing(db: str | None, today: date, filters: view.Filters, fmt: str) -> None:
    pairs = view.selected(recording.load_all(db), today, filters)
    if fmt == "csv":
        console.plain(view.as_csv(pairs))
    elif fmt == "json":
        console.plain(view.as_json(pairs))
    elif not pairs:
        console.info("No tracked requests match. Add one with: foi track add LETTER --sent DATE")
    else:
        headers, rows, red = view.table_rows(pairs)
        console.table(rows, headers, red_rows=red)


def show(db: str | None, request_id: int, today: date, as_json: bool) -> None:
    import json

    request = recording.load(db, request_id)
    state = derive(request, today)
    if as_json:
        record = {**view.row(request, state), "events": [e.to_dict() for e in request.events],
                  "state": state.to_dict(),
                  "deadline": state.deadline.to_dict() if state.deadline else None,
                  "steps": [s.to_dict() for s in state.steps]}
        console.plain(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    else:
        console.plain(view.show(request, state))


def export(db: str | None, fmt: str, output: Path | None, today: date, force: bool) -> None:
    """Every tracked request as CSV, JSON (with events) or an iCalendar file."""
    import json

    if fmt not in EXPORT_FORMATS:
        raise UsageProblem(f"--format {fmt}: use one of {', '.join(EXPORT_FORMATS)}")
    requests = recording.load_all(db)
    pairs = [(r, derive(r, today)) for r in requests]
    if fmt == "ics":
        from foi.tracker import ical

        data = ical.ics(pairs)
    elif fmt == "csv":
        data = view.as_csv(pairs).encode("utf-8")
    else:
        records = [{**view.row(r, s), "events": [e.to_dict() for e in r.events]} for r, s in pairs]
        data = (json.dumps(records, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if output is None or str(output) == "-":
        console.write_stdout(data)
        return
    write_atomic(output, data, force=force)
    console.info(f"Wrote {output} ({len(requests)} request(s))")
