"""`foi new` as one plain function: sources of answers -> answer loop -> Draft -> preview -> files.

With a person at the terminal nothing typed is lost: if the wizard stops early (Ctrl-C, Ctrl-D,
an error, "stop" at the preview) the answers given so far are kept in the user's data folder, and
the next `foi new` offers to carry on from them (`--resume` takes them without asking).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi.directory import authorities
from foi.export import outputs, registry
from foi.letter import drafting
from foi.request import intake, profile, recovery
from foi.request.answers import Source, load_answers_file, parse_set_options
from foi.request.wizard import Wizard
from foi.support import console
from foi.support.errors import FileExistsProblem, FoiError
from foi.support.files import write_atomic


@dataclass
class NewRequest:
    """What `foi new` was asked to do."""

    sets: list[str] = field(default_factory=list)
    scenario: str | None = None
    authority: str | None = None
    answers_file: Path | None = None
    letter_date: date | None = None
    formats: list[str] = field(default_factory=lambda: ["text"])  # names as given: `all` is expanded per draft
    output: str | None = None
    force: bool = False
    interactive: bool = False
    templates: Path | None = None
    save_answers: Path | None = None
    save_personal: bool = False
    use_profile: bool = True
    authorities_file: Path | None = None
    track: bool = False  # record the letter in the tracker (foi new --track)
    sent: date | None = None  # the day it was sent, when --sent was given: starts the clock
    db: str | None = None  # the tracker file (--db), else FOI_DB or the default
    resume: bool = False


def sources_for(request: NewRequest) -> list[Source]:
    """The answer sources in precedence order: --set (with --scenario/--authority), file, profile."""
    command_line = parse_set_options(request.sets)
    for key, value in (("scenario", request.scenario), ("authority", request.authority)):
        if value is not None:
            command_line[key] = value
    sources = [Source("--set", command_line, is_command_line=True)]
    if request.answers_file is not None:
        sources.append(Source(str(request.answers_file), load_answers_file(request.answers_file)))
    if request.use_profile:
        sources.append(Source("profile", profile.answers()))
    return sources


def user_templates(option: Path | None, use_profile: bool = True) -> Path | None:
    """The user's templates folder: the --templates option, else the profile's templates setting."""
    return profile.templates_folder(option, use_profile)


@dataclass
class _Session:
    """One run of `foi new`: where answers come from, who is asked, and the answers so far."""

    request: NewRequest
    user_dir: Path | None
    directory: authorities.Directory | None
    wizard: Wizard | None
    answers: dict[str, Any] = field(default_factory=dict)
    # False while an unfinished letter the person chose not to carry on with is still kept: writing
    # this letter must not remove it (only stopping this one early replaces it).
    owns_recovery: bool = True

    def build(self, taken: intake.Intake) -> drafting.Draft:
        letterhead = profile.load().get("letterhead") if self.request.use_profile else None
        return dataclasses.replace(drafting.build(taken, self.user_dir), letterhead=letterhead)

    def change(self, taken: intake.Intake, keys: Iterable[str]) -> intake.Intake:
        assert self.wizard is not None
        changed = intake.changed(taken, keys, asker=self.wizard, dialogue=self.wizard,
                                 directory=self.directory, user_dir=self.user_dir)
        self.answers = changed.answers
        return changed


def run(request: NewRequest) -> drafting.Draft | None:
    """Gather answers, draft, preview (with a terminal), and write the letter."""
    user_dir = user_templates(request.templates, request.use_profile)
    wizard = Wizard(labels=_labels(user_dir)) if request.interactive else None
    directory = authorities.load(request.authorities_file) if request.authorities_file else None
    session = _Session(request, user_dir, directory, wizard)
    try:
        return _run(session)
    except (KeyboardInterrupt, FoiError):
        if wizard is not None and _keep(session.answers):
            console.info("\nYour answers so far are kept: start again the same way and you will be offered "
                         "to carry on from them.")
        raise


def _run(session: _Session) -> drafting.Draft | None:
    request, wizard = session.request, session.wizard
    sources = sources_for(request)
    resumed = _resumed(request, wizard)
    session.owns_recovery = resumed is not None or recovery.load() is None
    if resumed:
        sources.insert(1, Source("your unfinished letter", resumed))
    taken = intake.collect(
        sources, letter_date=request.letter_date or date.today(), asker=wizard, user_dir=session.user_dir,
        directory=session.directory, dialogue=wizard, answers=session.answers, strict_keys=not resumed,
        on_start=(lambda count: _welcome(wizard, resumed, count)) if wizard is not None else None,
        warn=console.warn,  # printed as each is given: the wizard's before its next question
    )
    if taken.target.note and wizard is None:
        console.warn(taken.target.note)
    draft = session.build(taken)
    if wizard is not None:
        from foi.app.preview import review

        decision = review(taken, draft, wizard, session.build, session.change)
        if isinstance(decision, str):
            _stop(decision, draft, session)
            return None
        taken, draft = decision
    written = _write(draft, request, wizard, taken)
    if request.track or request.sent is not None:
        from foi.tracker.recording import track_new_letter

        # The file the wizard wrote stands for the name typed there (the second letter is beside it).
        named = str(written[0]) if written and request.output is None else request.output
        track_new_letter(request.db, draft, named, request.formats, sent=request.sent)
    if wizard is not None:
        from foi.app.after_writing import next_steps

        if session.owns_recovery:
            recovery.discard()
        console.info(next_steps(draft, written))
    if request.save_answers is None and wizard is not None:  # --save-answers was written with the letter
        _offer_to_save(draft, wizard, taken, request)
    return draft


def _resumed(request: NewRequest, wizard: Wizard | None) -> dict[str, Any] | None:
    """The unfinished letter's answers, with --resume or when the person says to carry on."""
    kept = recovery.load()
    if kept is None:
        if request.resume:
            raise FoiError(f"there is no unfinished letter to carry on from (looked for {recovery.path()})")
        return None
    if request.resume:
        return dict(kept["answers"])
    if wizard is None:
        return None
    if wizard.confirm(f"You have an unfinished letter ({recovery.describe(kept)}). Carry on from it?", default=True):
        return dict(kept["answers"])
    wizard.say("Starting a new letter. The unfinished one is kept, unless this one is stopped early too.")
    return None


def _welcome(wizard: Wizard, resumed: dict[str, Any] | None, count: int) -> None:
    """What will happen, how long it takes, and that stopping loses nothing."""
    if resumed:
        more = f"{count} more question{'s' if count != 1 else ''}, then" if count else "Your answers are all here:"
        wizard.say(f"Carrying on with your unfinished letter. {more} you see the letter before anything is "
                   "saved, and can change any answer.")
        return
    wizard.say(f"This writes a Freedom of Information request for you. About {count} short questions: what "
               "happened, who you are and which body to write to. You see the letter before anything is "
               "saved. Press Ctrl-C at any time to stop: your answers are kept, and you can carry on from "
               "them next time.")


def _stop(decision: str, draft: drafting.Draft, session: _Session) -> None:
    """At the preview: "save" keeps the answers in a file the person names; both keep them for next time."""
    assert session.wizard is not None
    _keep(session.answers)
    if decision == "save":
        path, force = _answers_path(session.wizard, draft, session.request.force)
        _write_answers(session.answers, path, force)
        console.info(f"Saved your answers to {path.resolve()}")
    console.info("Nothing was written. Your answers are kept: start again the same way and you will be "
                 "offered to carry on from them.")


def _offer_to_save(draft: drafting.Draft, wizard: Wizard, taken: intake.Intake, request: NewRequest) -> None:
    """After the letter is written, offer to keep the answers for another letter like it."""
    if not wizard.confirm("Save your answers in a file too, to write a letter like this again?", default=False):
        return
    path, force = _answers_path(wizard, draft, False)
    _save_answers(taken, path, dataclasses.replace(request, force=force))


def _answers_path(wizard: Wizard, draft: drafting.Draft, force: bool) -> tuple[Path, bool]:
    """Where to save the answers; a file that exists is replaced only if the person says so."""
    name = wizard.ask_text("Save your answers as", f"{draft.slug}.answers.yaml")
    while Path(name).exists() and not force:
        if wizard.confirm(f"{name} already exists. Replace it?", default=False):
            return Path(name), True
        name = wizard.ask_text("Save your answers as", _free_name(name))
    return Path(name), force


def _keep(answers: dict[str, Any]) -> bool:
    """Keep the answers for next time; a data folder that cannot be written is said, not fatal."""
    try:
        return recovery.save(answers) is not None
    except (OSError, FoiError) as err:
        reason = err.message if isinstance(err, FoiError) else (err.strerror or str(err))
        console.warn(f"your answers could not be kept in {recovery.path()}: {reason}")
        return False


def _labels(user_dir: Path | None) -> dict[str, dict[str, str]]:
    from foi.request import scenarios

    return {"scenario": {s.id: s.title for s in scenarios.all_scenarios(user_dir).values()}}


def _write(draft: drafting.Draft, request: NewRequest, wizard: Wizard | None, taken: intake.Intake) -> list[Path]:
    """Every format asked for, and --save-answers, or none: targets are checked (no two the same
    file) and every format is rendered (a refusal such as wdtk for a subject access request comes
    here) before the first file is written; then all are written together. Returns the letters.

    A second letter (local and exemption-prone items, or a subject access request to a provider) is
    written alongside the first, named `...-part-2`; on stdout only the first is printed, and the
    person is told how to get both."""
    formats = registry.choose(request.formats, draft)
    output, force = request.output, request.force
    if wizard is not None and output != outputs.STDOUT:
        output, force = _ask_output(draft, formats, wizard, output, force)
    drafts = draft.drafts if _to_files(output) else [draft]
    planned = [(one, _targets(one, formats, output, draft, force)) for one in drafts]
    contents = [(target, registry.render(one, target.fmt)) for one, targets in planned for target in targets]
    named = [("--output", target.path) for target, _ in contents if target.path is not None]
    also: list[tuple[Path, bytes]] = []
    if request.save_answers is not None:
        named.append(("--save-answers", request.save_answers))
        also.append((request.save_answers, _answers_yaml(_kept(taken, request)).encode("utf-8")))
    outputs.refuse_same(named)
    written: list[Path] = []
    for path in outputs.write_each(contents, force=force, also=also):
        if request.save_answers is not None and path == request.save_answers:
            console.info(f"Saved your answers to {path}{_left_out(request)}")
        else:
            console.info(f"Wrote {path}")
            written.append(Path(path))
    for fmt in formats:
        for notice in registry.notices(draft, fmt):
            if notice.warning:
                console.warn(notice.text)
            else:
                console.info(notice.text)
    if wizard is None:  # the wizard showed these in the preview, in its own words
        _tell(draft, output)
    return written
    _tell(draft, output)


def _to_files(output: str | None) -> bool:
    return output is not None and output != outputs.STDOUT


def _targets(
    one: drafting.Draft, formats: list[str], output: str | None, first: drafting.Draft, force: bool
) -> list[outputs.Target]:
    """Where one letter goes: the first as asked; the second next to it, named -part-2."""
    if one is first or output is None or outputs.is_folder(output):
        return outputs.plan(formats, output, one.slug, force=force)
    path = Path(output).expanduser()
    return outputs.plan(formats, str(path.with_name(f"{path.stem}-part-2{path.suffix}")), one.slug, force=force)


def _tell(draft: drafting.Draft, output: str | None) -> None:
    """What the person must know about the letter: a redirect, a period outside a programme's life,
    the second letter (and, on stdout, how to write it)."""
    for note in draft.notes:
        console.warn(note)
    if draft.second is not None and not _to_files(output):
        console.warn("The second letter was not printed: give --output FOLDER/ (or --output FILE, which "
                     "writes FILE-part-2 too) to write both")


def _ask_output(
    draft: drafting.Draft, formats: list[str], wizard: Wizard, output: str | None, force: bool
) -> tuple[str, bool]:
    """The file (or folder) to write; one that exists is replaced only if the person says so."""
    one = len(formats) == 1
    default = draft.slug + registry.EXTENSIONS[formats[0]] if one else "."
    question = "Save the letter as" if one else "Save the letters in the folder"
    name = output if output is not None else wizard.ask_text(question, default)
    while True:
        try:
            for letter in draft.drafts:  # the second letter, -part-2, must not replace a file either
                _targets(letter, formats, name, draft, force)
            return name, force
        except FileExistsProblem:
            if wizard.confirm(f"{name} already exists. Replace it?", default=False):
                return name, True
            name = wizard.ask_text(question, _free_name(name) if one else name)


def _free_name(name: str) -> str:
    """letter.txt -> letter-2.txt (or -3, ...): the first name not yet taken."""
    path = Path(name)
    for number in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return str(candidate)
    return name


def _save_answers(taken: intake.Intake, path: Path, request: NewRequest) -> None:
    """Save what was answered, replayable with --answers; personal keys only with --save-personal."""
    _write_answers(_kept(taken, request), path, request.force)
    console.info(f"Saved your answers to {path}{_left_out(request)}")


def _kept(taken: intake.Intake, request: NewRequest) -> dict[str, Any]:
    """The answers to save: personal keys only with --save-personal."""
    personal = {q.key for q in taken.questions if q.personal}
    return {k: v for k, v in taken.answers.items() if not (k in personal and not request.save_personal)}


def _left_out(request: NewRequest) -> str:
    return "" if request.save_personal else " (your name, email and address are left out: --save-personal keeps them)"


def _answers_yaml(answers: dict[str, Any]) -> str:
    """Answers as YAML, replayable with --answers: empty ones left out, dates as YYYY-MM-DD."""
    import yaml

    keep: dict[str, Any] = {}
    for key, value in answers.items():
        if value in (None, [], ""):
            continue
        keep[key] = value.isoformat() if isinstance(value, date) else value
    return yaml.safe_dump(keep, allow_unicode=True, sort_keys=False, default_flow_style=False)


def _write_answers(answers: dict[str, Any], path: Path, force: bool) -> None:
    write_atomic(path, _answers_yaml(answers), force=force)
