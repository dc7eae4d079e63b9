"""`foi new` as one plain function: sources of answers -> answer loop -> Draft -> preview -> files."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi.directory import authorities
from foi.export import outputs, registry
from foi.letter import drafting
from foi.request import intake, profile
from foi.request.answers import Source, load_answers_file, parse_set_options
from foi.request.wizard import Wizard
from foi.support import console
from foi.support.errors import FoiError
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
    folder = option or (profile.load().get("templates") if use_profile else None)
    if folder is None:
        return None
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise FoiError(f"templates folder {folder} does not exist: create it with `foi templates copy {folder}`")
    return folder


def run(request: NewRequest) -> drafting.Draft:
    """Gather answers, draft, preview (with a terminal), and write the letter."""
    user_dir = user_templates(request.templates, request.use_profile)
    wizard = Wizard(labels=_labels(user_dir)) if request.interactive else None
    directory = authorities.load(request.authorities_file) if request.authorities_file else None
    taken = intake.collect(
        sources_for(request), letter_date=request.letter_date or date.today(), asker=wizard,
        user_dir=user_dir, directory=directory,
    )
    if taken.target.note:
        console.warn(taken.target.note)
    letterhead = profile.load().get("letterhead") if request.use_profile else None

    def build(answers: intake.Intake) -> drafting.Draft:
        return dataclasses.replace(drafting.build(answers, user_dir), letterhead=letterhead)

    draft = build(taken)
    if wizard is not None:
        from foi.app.preview import review

        reviewed = review(taken, draft, wizard, build)
        if reviewed is None:
            console.info("Nothing was written.")
            return draft
        taken, draft = reviewed
    _write(draft, request, wizard)
    if request.track or request.sent is not None:
        from foi.tracker.recording import track_new_letter

        track_new_letter(request.db, draft, request.output, request.formats, sent=request.sent)
    save_to = request.save_answers
    if save_to is None and wizard is not None:
        save_to = _offer_to_save(draft, wizard)
    if save_to is not None:
        _save_answers(taken, save_to, request)
    return draft


def _offer_to_save(draft: drafting.Draft, wizard: Wizard) -> Path | None:
    """After the letter is written, offer to keep the answers for another letter like it."""
    if not wizard.confirm("Save your answers, to write a letter like this again with --answers?", default=False):
        return None
    return Path(wizard.ask_text("Save the answers as", f"{draft.slug}.answers.yaml"))


def _labels(user_dir: Path | None) -> dict[str, dict[str, str]]:
    from foi.request import scenarios

    return {"scenario": {s.id: s.title for s in scenarios.all_scenarios(user_dir).values()}}


def _write(draft: drafting.Draft, request: NewRequest, wizard: Wizard | None) -> None:
    """Every format asked for, or none: targets are checked and every format is rendered (a refusal
    such as wdtk for a subject access request comes here) before the first file is written.

    A second letter (local and exemption-prone items, or a subject access request to a provider) is
    written alongside the first, named `...-part-2`; on stdout only the first is printed, and the
    person is told how to get both."""
    formats = registry.choose(request.formats, draft)
    output = request.output
    if output is None and wizard is not None:
        output = _ask_output(draft, formats, wizard)
    drafts = draft.drafts if _to_files(output) else [draft]
    planned = [(one, _targets(one, formats, output, draft, request.force)) for one in drafts]
    contents = [(target, registry.render(one, target.fmt)) for one, targets in planned for target in targets]
    for target, data in contents:
        for path in outputs.write([target], {target.fmt: data}, force=request.force):
            console.info(f"Wrote {path}")
    for fmt in formats:
        for notice in registry.notices(draft, fmt):
            if notice.warning:
                console.warn(notice.text)
            else:
                console.info(notice.text)
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


def _ask_output(draft: drafting.Draft, formats: list[str], wizard: Wizard) -> str:
    if len(formats) == 1:
        return wizard.ask_text("Save the letter as", draft.slug + registry.EXTENSIONS[formats[0]])
    return wizard.ask_text("Save the letters in the folder", ".")


def _save_answers(taken: intake.Intake, path: Path, request: NewRequest) -> None:
    """Save what was answered, replayable with --answers; personal keys only with --save-personal."""
    import yaml

    personal = {q.key for q in taken.questions if q.personal}
    keep: dict[str, Any] = {}
    for key, value in taken.answers.items():
        if value in (None, [], "") or (key in personal and not request.save_personal):
            continue
        keep[key] = value.isoformat() if isinstance(value, date) else value
    text = yaml.safe_dump(keep, allow_unicode=True, sort_keys=False, default_flow_style=False)
    write_atomic(path, text, force=request.force)
    left_out = "" if request.save_personal else " (your name, email and address are left out: --save-personal keeps them)"
    console.info(f"Saved your answers to {path}{left_out}")
