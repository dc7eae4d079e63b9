"""`foi batch` as one plain function: a file of rows (or one request and many bodies) to a folder of letters.

Each row is one more source for the one answer loop (`foi.request.intake.collect`, exactly what `foi new`
runs), above --answers, the file's defaults and the profile and below --set. Rows are streamed: each is
read, checked, drafted, written and forgotten, into a hidden folder that is renamed into place only when
every row was good (or with --keep-going). Whatever is the same for every row (the directory, the
scenarios, the templates, the profile) is read once, and a request sent for many people is drafted once
(`foi.batch.memo`): each row's own name, email and address go through the loop and into that letter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi.batch import folder, names, targets
from foi.batch.advice import Adviser
from foi.batch.headers import EXTRA_KEYS
from foi.batch.manifest import Entry, Manifest
from foi.batch.memo import Memo
from foi.batch.problems import Problems
from foi.batch.progress import Progress
from foi.batch.reader import open_table
from foi.batch.table import Row, Table
from foi.directory import authorities
from foi.directory.entries import NATIONS, Authority, Directory, Provider, norm
from foi.export import registry
from foi.letter import drafting
from foi.request import intake, profile, scenarios
from foi.request.answers import Source, check_known, load_answers_file, parse_set_options
from foi.request.questions import Question
from foi.support import console
from foi.support.errors import AnswerError, DataError, FoiError, RowsFailed, UsageProblem


@dataclass
class BatchRequest:
    """What `foi batch` was asked to do."""

    file: Path
    out: Path | None = None
    sets: list[str] = field(default_factory=list)
    answers_file: Path | None = None
    letter_date: date | None = None
    formats: list[str] = field(default_factory=lambda: ["text"])
    sheet: str | None = None
    keep_going: bool = False
    dry_run: bool = False
    force: bool = False
    manifest_format: str = "csv"
    check: bool = True
    quiet: bool = False
    user_dir: Path | None = None
    use_profile: bool = True
    authorities_file: Path | None = None
    to: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    track: bool = False  # record every letter in the tracker once the folder is in place
    sent: date | None = None  # with track: the day the letters were sent (starts each clock)
    db: str | None = None  # with track: the tracker file


@dataclass
class Letter:
    """One drafted letter and where it came from."""

    row: Row
    draft: drafting.Draft
    taken: intake.Intake
    request: int = 0  # the request's fingerprint (see advice.Adviser.add)


def known_keys(user_dir: Path | None) -> set[str]:
    """Every answer key a row may give: the common questions', every scenario's, and the batch's own."""
    keys = {q.key for group in scenarios.common_questions(user_dir).values() for q in group}
    for scenario in scenarios.all_scenarios(user_dir).values():
        keys.update(q.key for q in scenario.questions)
    return keys | set(EXTRA_KEYS)


class Batch:
    """The state of one batch run: what is the same for every row, computed once."""

    def __init__(self, request: BatchRequest) -> None:
        if request.manifest_format not in ("csv", "json"):
            raise UsageProblem(f"--manifest-format {request.manifest_format}: use csv or json")
        registry.choose(request.formats)  # an unknown format is a usage error before any row is read
        self.request = request
        self.letter_date = request.letter_date or date.today()
        self.directory: Directory = authorities.load(request.authorities_file)
        self.known = known_keys(request.user_dir)
        self.table: Table = open_table(request.file, self.known, request.sheet)
        self.targets = targets.resolve(request.to, request.tags, self.directory, request.authorities_file,
                                       self.letter_date)
        self.above, self.below = self._sources()
        self.letterhead = profile.load().get("letterhead") if request.use_profile else None
        self.problems = Problems(self.table)
        self.adviser = Adviser(self.table.unit)
        self._bodies: dict[str, str] = {}
        self._checked: dict[tuple[int, int], tuple[int, list[tuple[str, str]]]] = {}
        self.tracked: list[tuple[drafting.Draft, Path]] | None = [] if request.track else None
        self.second_letters = 0
        self.memo = Memo(request.user_dir, self._finish)
        self._asked: tuple[Question, ...] = ()
        self._personal: frozenset[str] = frozenset()

    def _sources(self) -> tuple[list[Source], list[Source]]:
        """The sources above a row (--set) and below it (--answers, the file's defaults, the profile)."""
        request = self.request
        above = [Source("--set", parse_set_options(request.sets), is_command_line=True)]
        below = []
        if request.answers_file is not None:
            below.append(Source(str(request.answers_file), load_answers_file(request.answers_file)))
        if self.table.defaults:
            below.append(Source(f"{request.file}: defaults", self.table.defaults))
        check_known([*above, *below], self.known - set(EXTRA_KEYS))
        if request.use_profile:
            below.append(Source("profile", profile.answers()))
        return above, below

    def findings(self, letter: Letter, draft: drafting.Draft, text: bytes | None) -> int:
        """The checker's findings on the letter, as the wizard's preview runs it; errors and warnings are
        told to the adviser. A request is checked once: letters that differ only in whose they are (the
        requester's name and address, already checked by the answer loop) share the count."""
        key = (letter.request, draft.part)
        if key not in self._checked:
            if len(self._checked) > 4096:  # a batch of all-different requests: keep memory flat
                self._checked.clear()
            self._checked[key] = _check(draft, text)
        count, questions = self._checked[key]
        for rule, message in questions:
            self.adviser.question(letter.row.number, rule, message)
        return count

    # --- one row to letters --------------------------------------------------------------------

    def letters(self, row: Row) -> Iterator[Letter]:
        """The row's letters (one, or one per --to body); a problem is recorded and that letter skipped."""
        if row.problem:
            self.problems.add_row(row, row.problem)
            return
        bodies: list[Authority | None] = list(self.targets) if self.targets is not None else [None]
        for body in bodies:
            try:
                yield self._letter(row, body)
            except DataError as err:
                if not err.message.startswith(self.problems.where(row)):
                    raise  # a scenario or template file is broken: no row can be written, so stop
                self.problems.add(row, err)
            except FoiError as err:
                self.problems.add(row, err)

    def _letter(self, row: Row, body: Authority | None) -> Letter:
        """The row's letter: drafted alone, or from the letter of the same request for someone else
        (foi.batch.memo: the same bytes, without running the loop and the templates again)."""
        values, directory = self._row_values(row, body)
        sources = [*self.above, Source(self.problems.where(row), values), *self.below]

        def alone() -> tuple[intake.Intake, drafting.Draft]:
            taken = intake.collect(sources, letter_date=self.letter_date, asker=None,  # warnings printed
                                   user_dir=self.request.user_dir, directory=directory, warn=console.warn)
            return taken, self._finish(drafting.build(taken, self.request.user_dir))

        key = self.memo.key(row.values, body.id if body is not None else None)
        taken, draft = self.memo.letter(key, row.values, sources, alone)
        return Letter(row, draft, taken)

    def personal(self, taken: intake.Intake) -> frozenset[str]:
        """The keys of the personal questions a letter was drafted with. Letters put together from one
        request share its questions (the same tuple), so the last answer is kept, with the tuple."""
        if taken.questions is not self._asked:
            self._asked, self._personal = taken.questions, frozenset(q.key for q in taken.questions if q.personal)
        return self._personal

    def _finish(self, draft: drafting.Draft) -> drafting.Draft:
        """The profile's letterhead on the first letter, as `foi new` gives it."""
        return dataclasses.replace(draft, letterhead=self.letterhead) if self.letterhead else draft

    def _row_values(self, row: Row, body: Authority | None) -> tuple[dict[str, Any], Directory]:
        """The row's answers for the loop: the body to write to as an id, and a directory holding it."""
        values = dict(row.values)
        name, nation = values.pop("authority_name", None), values.pop("nation", None)
        if body is not None:
            if "authority" in values:
                raise _column("authority", "--to gives the bodies to write to: leave this column empty")
            values["authority"] = body.id
            return values, self.directory
        if name is not None:
            if "authority" in values:
                raise _column("authority_name", "give either authority (a body in the directory) or "
                                                "authority_name and nation (one that is not), not both")
            own = _own_body(str(name), nation)
            values["authority"] = own.id
            return values, Directory({**self.directory.authorities, own.id: own}, self.directory.providers)
        if "authority" in values:
            values["authority"] = self._body_id(str(values["authority"]))
        return values, self.directory

    def _body_id(self, text: str) -> str:
        """A body named by name or alias, as its id (looked up once per name); a provider stays as named."""
        if text not in self._bodies:
            try:
                entry = authorities.find(text, self.directory)
            except FoiError:
                entry = None  # the answer loop reports it, with its suggestions
            self._bodies[text] = entry.id if entry is not None and not isinstance(entry, Provider) else text
        return self._bodies[text]


def _column(key: str, problem: str) -> FoiError:
    """A problem with one column of a row (named as the row's header names it)."""
    return AnswerError(problem, key=key, problem=problem)


def _own_body(name: str, nation: Any) -> Authority:
    """A body that is not in the directory, from a row's authority_name and nation: FOISA in Scotland."""
    place = norm(str(nation or ""))
    place = {"northernireland": "ni", "unitedkingdom": "uk"}.get(place, place)
    if place not in NATIONS:
        raise _column("nation", f"'{nation or ''}' is not a nation: give one of england, wales, scotland, "
                                "northern-ireland or uk (where the body is, which decides the law)")
    return Authority(id=names.slug(name, 60), name=name.strip(), short=name.strip(),
                     regime="foisa" if place == "scotland" else "foia", nation=place,
                     regime_basis="column 'nation'", origin="batch row")


# --- the run ---------------------------------------------------------------------------------------


def run(request: BatchRequest) -> int:
    """Validate every row, write every letter and the manifest, and return the number of letters."""
    with scenarios.snapshot():  # the scenario and question files are read once for the whole batch
        return _run(request)


def _run(request: BatchRequest) -> int:
    batch = Batch(request)
    for warning in batch.table.warnings:
        console.warn(warning)
    if batch.targets is not None and len(batch.targets) > targets.WDTK_BATCH_LIMIT:
        console.warn(f"{len(batch.targets)} bodies: WhatDoTheyKnow is said to take batch requests to at most "
                     f"{targets.WDTK_BATCH_LIMIT}; send them there in parts")
    if request.dry_run:
        return _dry_run(batch)
    if request.out is None:
        raise UsageProblem("give --out DIR, the folder to write the letters into (or --dry-run to check the rows)")
    folder.check_target(request.out, force=request.force)
    with folder.staged(request.out) as staging:
        written = _write_all(batch, staging)
        _advise(batch)
        failed = batch.problems.report()
        if failed and not request.keep_going:
            raise RowsFailed(f"{failed} {batch.table.unit}(s) of {request.file} have problems: nothing was "
                             "written; correct them and run again, or pass --keep-going to write the rest")
        if written == 0 and not failed:
            raise DataError(f"{request.file}: no {batch.table.unit}s under the header: nothing was written")
        if written == 0:
            raise RowsFailed(f"no letter could be written from {request.file}: nothing was written")
        staging.publish(force=request.force)
    seconds = f" (and {batch.second_letters} second letter(s), -part-2)" if batch.second_letters else ""
    console.info(f"Wrote {written} letter(s){seconds} and manifest.{request.manifest_format} to {request.out}")
    if request.track:
        _track(batch)
    if failed:
        raise RowsFailed(f"{failed} {batch.table.unit}(s) were not written (listed above); the other letters are in {request.out}")
    return written


def _write_all(batch: Batch, staging: folder.Staging) -> int:
    """Draft and write every letter, streaming; after the first problem (without --keep-going) only check
    (the letters are still drafted and put in every format, which is where some answers are refused).
    Returns how many rows (and bodies) gave letters; `batch.second_letters` counts the -part-2 ones."""
    request = batch.request
    total = batch.table.count()
    digits = names.width((total or 0) * len(batch.targets or [None]))
    number = 0
    progress = Progress(batch.table.unit, total, request.quiet)
    with Manifest(staging.path, request.manifest_format) as manifest, progress as bar:
        for row in batch.table.rows():
            before = number
            for letter in batch.letters(row):
                try:  # every format is made before any file is written: a refusal leaves nothing of it
                    rendered = _rendered(batch, letter, number + 1, digits)
                except FoiError as err:  # a writer refused an answer (a tab in a name for eml)
                    batch.problems.add(row, err)
                    continue
                _note(batch, letter)
                if batch.problems.count and not request.keep_going:
                    continue
                number += 1
                manifest.add(_write(batch, letter, rendered, staging, number))
                batch.second_letters += len(letter.draft.drafts) - 1
                if batch.tracked is not None:
                    batch.tracked += _to_track(batch, letter, number, digits)
            bar.advance(number - before)
    return number


def _to_track(batch: Batch, letter: Letter, number: int, digits: int) -> list[tuple[drafting.Draft, Path]]:
    """Each letter (and second letter) with where its first file will be once the folder is in place.
    The drafts are kept without their text (only what the tracker records), so memory stays small."""
    out = batch.request.out
    assert out is not None
    found = []
    for one in letter.draft.drafts:
        first = registry.choose(batch.request.formats, one)[0]
        slim = dataclasses.replace(one, markup="", blocks=[], second=None)
        found.append((slim, out.resolve() / (_stem(one, number, digits) + registry.EXTENSIONS[first])))
    return found


def _track(batch: Batch) -> None:
    """Record every letter in the tracker, in one transaction (all or none), once the folder is in place."""
    from foi.tracker.recording import record_letters

    request = batch.request
    letters = batch.tracked or []
    try:
        ids = record_letters(request.db, letters, sent=request.sent)
    except FoiError as err:
        raise FoiError(f"the letters are in {request.out} but were not tracked ({err.message}); "
                       f"track them with: foi track add {request.out}/manifest.{request.manifest_format}") from None
    console.info(f"Tracking them as requests {ids[0]} to {ids[-1]}" if len(ids) > 1 else f"Tracking it as request {ids[0]}")
    if request.sent is None:
        console.info("Record the day each goes: foi track event ID sent --date YYYY-MM-DD")


Rendered = list[tuple[drafting.Draft, str, dict[str, bytes]]]  # each letter, its file stem, its formats


def _rendered(batch: Batch, letter: Letter, number: int, digits: int) -> Rendered:
    """Every format of the letter, and of the second letter written alongside it (`-part-2`: local and
    exemption-prone items, so they cannot delay the rest)."""
    return [(one, _stem(one, number, digits),
             {fmt: _render(one, fmt) for fmt in registry.choose(batch.request.formats, one)})
            for one in letter.draft.drafts]


def _write(batch: Batch, letter: Letter, rendered: Rendered, staging: folder.Staging, number: int) -> Entry:
    """The letter's files into the folder; one manifest entry for the letter and its second letter."""
    files: list[str] = []
    findings: int | None = 0 if batch.request.check else None
    for one, stem, formats in rendered:
        for fmt, data in formats.items():
            files.append(stem + registry.EXTENSIONS[fmt])
            staging.write(files[-1], data)
        if findings is not None:
            findings += batch.findings(letter, one, formats.get("text"))
    draft = letter.draft
    return Entry(
        row=letter.row.number, letter=number, letters=len(draft.drafts), body=draft.authority.name,
        body_id=draft.authority.id, email=draft.authority.email or "", whatdotheyknow=draft.authority.wdtk_url or "",
        regime=draft.regime.short, scenario=draft.scenario_id, title=draft.title, files=tuple(files),
        due=draft.deadline.due.isoformat(), findings=findings,
    )


def _render(draft: drafting.Draft, fmt: str) -> bytes:
    """The letter in one format. Markdown is the draft's own markup, which drafting (and foi.batch.memo)
    keeps as markup.to_markdown of its blocks, exactly what the markdown writer would work out again."""
    if fmt == "markdown" and draft.markup:
        return draft.markup.encode("utf-8")
    return registry.render(draft, fmt)


def _stem(draft: drafting.Draft, number: int, digits: int) -> str:
    """001-dwp-provider-data-access, and 001-dwp-provider-data-access-part-2 for the second letter."""
    return names.stem(number, draft.authority.id, draft.scenario_id, digits) + ("-part-2" if draft.part == 2 else "")


def _check(draft: drafting.Draft, text: bytes | None) -> tuple[int, list[tuple[str, str]]]:
    """The number of findings, and the rule and message of each error or warning."""
    from foi.checks import WARNING, check_text
    from foi.checks.finding import RANK

    body = (text or registry.render(draft, "text")).decode("utf-8")
    findings = check_text(body, authority=draft.authority, regime=draft.regime.id, letter_date=draft.letter_date)
    serious = [(f.rule, f"the checker questions the letter ({f.rule}): {f.message}")
               for f in findings if RANK[f.severity] <= RANK[WARNING]]
    return len(findings), serious


def _note(batch: Batch, letter: Letter) -> None:
    """Tell the adviser about this letter: its request, its period, a body other than the one named."""
    taken, draft = letter.taken, letter.draft
    letter.request = batch.adviser.add(letter.row.number, draft.authority.id, draft.authority.name,
                                       draft.regime.id, draft.scenario_id, taken.answers, batch.personal(taken))
    batch.adviser.period(letter.row.number, taken.answers.get("date_to"), draft.letter_date)
    # foi new's file name for the second letter means nothing here: its files are -part-2
    named = f" ({draft.second.slug})" if draft.second is not None else None
    for note in (taken.target.note, *draft.notes):
        if named is not None:
            note = note.replace(named, "")
        if note:  # a body other than the one named, a period outside a programme's life, a second letter
            batch.adviser.question(letter.row.number, f"note:{note}", note)


def _advise(batch: Batch) -> None:
    for warning in batch.adviser.warnings():
        console.warn(warning)


def _dry_run(batch: Batch) -> int:
    """Check every row and print the plan: which letter goes where; nothing is written."""
    request = batch.request
    number = 0
    digits = names.width((batch.table.count() or 0) * len(batch.targets or [None]))
    for row in batch.table.rows():
        for letter in batch.letters(row):
            try:  # made in every format, as they would be written: a writer can refuse an answer
                _rendered(batch, letter, number + 1, digits)
            except FoiError as err:
                batch.problems.add(row, err)
                continue
            _note(batch, letter)
            number += 1
            for one in letter.draft.drafts:
                exts = "/".join(registry.EXTENSIONS[f].lstrip(".") for f in registry.choose(request.formats, one))
                console.out(f"{batch.table.unit} {row.number}: {_stem(one, number, digits)}.{exts}  "
                            f"{one.authority.name} ({one.regime.short}), reply due {one.deadline.due.isoformat()}\n")
    _advise(batch)
    failed = batch.problems.report()
    if failed:
        raise RowsFailed(f"{failed} {batch.table.unit}(s) of {request.file} have problems (dry run: nothing written)")
    console.info(f"Dry run: {number} letter(s) would be written; nothing was written.")
    return number
