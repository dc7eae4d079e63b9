"""Recording requests and events: the functions other commands call (`foi new --track`,
`foi batch --track`, `foi followup`), each one change in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.support.errors import FoiError, UsageProblem
from foi.tracker import location, store
from foi.tracker.model import KINDS, Event, NewRequest, Tracked

if TYPE_CHECKING:
    from foi.letter.drafting import Draft

# The answers that sign a follow-up letter; kept with the request (the file is owner-only).
REQUESTER_KEYS = ("name", "email", "address", "organisation")


def record_letter(
    db: str | Path | None, draft: Draft, path: str | Path | None, *, sent: date | None = None,
    reference: str | None = None,
) -> int:
    """Track a letter just written, and return its tracker id.

    db: the tracker file (None: --db/FOI_DB/the user's data folder, as `foi track` finds it).
    draft: the Draft the letter was written from (body, title, regime and the requester's name,
    email and address, kept to sign the follow-up letters).
    path: the letter file written (any format), kept so `foi track show` can point to it; None
    when it went to the screen.
    sent: the day it was sent (or received), if known: recorded as a `sent` event, which starts
    the clock. Without it the request is "not sent" until `foi track event ID sent` is recorded.

    The request and its `sent` event are one transaction. Recording the same letter file again
    adds nothing and returns the id it already has, so re-running a batch with --track does not
    track its letters twice. For many letters at once use `record_letters` (one transaction).
    """
    return record_letters(db, [(draft, path)], sent=sent, reference=reference)[0]


def record_letters(
    db: str | Path | None, letters: Sequence[tuple[Draft, str | Path | None]], *,
    sent: date | None = None, reference: str | None = None,
) -> list[int]:
    """`record_letter` for a batch: every (draft, path) in one transaction (all or none), ids in
    the same order; a file already tracked keeps its id and is not added again."""
    ids = []
    with store.connect(location.db_path(db)) as conn, store.transaction(conn):
        for draft, path in letters:
            new = _from_draft(draft, path, reference)
            existing = store.request_for_letter(conn, new.letter) if new.letter else None
            if existing is not None:
                ids.append(existing)
                continue
            request_id = store.insert_request(conn, new)
            if sent is not None:
                store.insert_event(conn, request_id, Event("sent", sent))
            ids.append(request_id)
    return ids


def _from_draft(draft: Draft, path: str | Path | None, reference: str | None) -> NewRequest:
    return NewRequest(
        title=draft.title, body=draft.authority.name, regime=draft.regime.id,
        authority_id=draft.authority.id, reference=reference,
        letter=str(Path(path).resolve()) if path is not None else None,
        requester={k: str(draft.answers[k]) for k in REQUESTER_KEYS if draft.answers.get(k)},
    )


def track_new_letter(
    db: str | Path | None, draft: Draft, output: str | None, formats: list[str], *,
    sent: date | None = None,
) -> list[int]:
    """`foi new --track`: record the letter just written (and the second letter written beside
    it, if any), by the first file --output named for each (none for the screen or a name typed
    at the wizard), and say so on stderr."""
    from foi.support import console

    to_files = output is not None and output != "-"
    drafts = draft.drafts if to_files else [draft]
    letters = [(one, _written(one, draft, output, formats)) for one in drafts]
    ids = record_letters(db, letters, sent=sent)
    console.info(f"Tracking it as request {ids[0]}" if len(ids) == 1 else
                 f"Tracking them as requests {', '.join(str(i) for i in ids)}")
    if sent is None:
        console.info(f"Record the day it goes: foi track event {ids[0]} sent --date YYYY-MM-DD")
    return ids


def _written(one: Draft, first: Draft, output: str | None, formats: list[str]) -> Path | None:
    """Where `foi new` wrote a letter's first format: the file named, or the folder's file (a
    second letter beside the first is named -part-2)."""
    from foi.export import outputs, registry

    if output is None or output == outputs.STDOUT:
        return None
    path = Path(output).expanduser()
    if outputs.is_folder(output):
        return path / f"{one.slug}{registry.EXTENSIONS[registry.choose(formats, one)[0]]}"
    return path if one is first else path.with_name(f"{path.stem}-part-2{path.suffix}")


def add_requests(db: str | Path | None, entries: list[tuple[NewRequest, date | None]]) -> list[int]:
    """Track several requests (a manifest) in one transaction: all of them or, on any error, none."""
    ids = []
    with store.connect(location.db_path(db)) as conn, store.transaction(conn):
        for new, sent in entries:
            existing = store.request_for_letter(conn, new.letter) if new.letter else None
            if existing is not None:
                raise FoiError(f"{new.letter} is already tracked as request {existing}: nothing was "
                               f"added; `foi track show {existing}` shows it")
            request_id = store.insert_request(conn, new)
            if sent is not None:
                store.insert_event(conn, request_id, Event("sent", sent))
            ids.append(request_id)
    return ids


def check_event(request: Tracked, event: Event) -> None:
    """Refuse an event that cannot be right, naming the fix."""
    from foi.law import regimes

    if event.kind not in KINDS:
        raise UsageProblem(f"unknown event '{event.kind}': use one of {', '.join(KINDS)}")
    sent = request.last("sent")
    if event.kind != "sent" and sent is not None and event.on < sent.on:
        raise FoiError(
            f"{event.kind} on {event.on.isoformat()} is before the request was sent "
            f"({sent.on.isoformat()}): check --date"
        )
    if event.until is not None and event.kind != "extension":
        raise UsageProblem("--until is only for an extension: leave it out")
    if event.kind == "extension":
        regime = regimes.get(request.regime)
        if event.until is None and not regime.extension:
            raise FoiError(
                f"{regime.short} has no extension of time: if the authority named a date, give "
                "it with --until YYYY-MM-DD"
            )
        if event.until is not None and event.until < event.on:
            raise FoiError(f"--until {event.until.isoformat()} is before the extension's date: check it")
    if event.file is not None and not Path(event.file).is_file():
        raise FoiError(f"--file {event.file}: no such file; give the path of the letter or reply")


def record_event(db: str | Path | None, request_id: int, event: Event) -> tuple[Tracked, int]:
    """Check and record one event (its file kept by its full path); the request as it was before
    it, and the event's id."""
    with store.connect(location.db_path(db)) as conn:
        request = store.get(conn, request_id)
        check_event(request, event)
        if event.file is not None:
            event = replace(event, file=str(Path(event.file).resolve()))
        return request, store.add_event(conn, request_id, event)


def load(db: str | Path | None, request_id: int) -> Tracked:
    with store.connect(location.db_path(db)) as conn:
        return store.get(conn, request_id)


def load_all(db: str | Path | None) -> list[Tracked]:
    with store.connect(location.db_path(db)) as conn:
        return store.all_requests(conn)


def requester(request: Tracked) -> dict[str, Any]:
    """Who signs the follow-up: the details kept with the request, else the saved profile."""
    from foi.request import profile

    found: dict[str, Any] = {k: v for k, v in profile.answers().items() if k in REQUESTER_KEYS}
    found.update({k: v for k, v in request.requester.items() if v})
    return found
