"""Which body a request goes to: one in the directory, or any body at all, written to as typed.

A body that is in no directory can still be written to: its name as the person typed it, whether
it is a Scottish public authority (the one thing that changes the law: FOISA rather than FOIA), and
its email or postal address when the person knows them. Nothing is invented: an unknown address
stays unknown, and the next steps say where to look for it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from foi.directory import authorities
from foi.directory.entries import Authority, Entry, Provider, Target
from foi.request.answers import Asker, Warn, resolve
from foi.request.dialogue import Dialogue
from foi.request.questions import Question
from foi.request.validators import nation_id
from foi.support.errors import FoiError

# Answers that describe a body written to as typed (all optional; see questions.yaml, target).
TYPED_KEYS = ("authority_name", "nation", "authority_email", "authority_address")
_VAGUE = frozenset({"my", "the", "our", "local", "council", "councils", "borough", "city", "county",
                    "district", "authority", "a"})


def typed_body(answers: Mapping[str, Any]) -> Authority | None:
    """The body as the person named it, when it is not one from the directory."""
    name = answers.get("authority_name")
    if not name:
        return None
    nation = nation_id(str(answers.get("nation") or "uk")) or "uk"
    return Authority(
        id=_slug(str(name)), name=str(name), short=str(name),
        regime="foisa" if nation == "scotland" else "foia", nation=nation,
        email=answers.get("authority_email") or None, address=_lines(answers.get("authority_address")),
        verified=False, regime_basis="typed", origin="typed",
        notes="Not in the directory: written to by the name given, with the contact details given.",
    )


def target(
    answers: Mapping[str, Any], directory: authorities.Directory | None, nation: str | None = None,
    on: date | None = None,
) -> Target:
    """The body for these answers on the letter's date: a typed body, else the directory's entry (a
    provider leads to the body that commissions it, an abolished council to its successor)."""
    body = typed_body(answers)
    if body is not None:
        return Target(body)
    return authorities.resolve(str(answers["authority"]), directory, nation=nation, on=on)


def _slug(name: str) -> str:
    """A file-name-safe id from a typed name: "Hackney Foo Trust" -> hackney-foo-trust."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:40].strip("-")
    return slug or "body"


def _lines(address: Any) -> tuple[str, ...]:
    if not address:
        return ()
    text = str(address)
    parts = text.split("\n") if "\n" in text else re.split(r",\s*", text)
    return tuple(part.strip() for part in parts if part.strip())


def check(directory: authorities.Directory | None, answers: Mapping[str, Any], on: date | None = None) -> Any:
    """The authority answer's check for scripts: in the directory, or a typed body (nation given)."""

    def checked(value: Any) -> str | None:
        if answers.get("nation") or answers.get("authority_name"):
            return None
        try:
            authorities.resolve(str(value), directory, on=on)
        except FoiError as err:
            return (f"{err.message}; to write to it anyway, also give its nation: "
                    "--set nation=england (or scotland, wales, northern-ireland)")
        return None

    return checked


# --- the wizard's conversation --------------------------------------------------------------


def pick(
    question: Question, answers: dict[str, Any], typed_questions: Sequence[Question], *,
    directory: authorities.Directory | None, asker: Asker, dialogue: Dialogue,
    context: Mapping[str, Any], warn: Warn, on: date | None = None,
) -> None:
    """Ask which body until one is settled: a directory entry, or a body written to as typed (its
    details' warnings given to `warn`)."""
    problem: str | None = None
    default = question.default if isinstance(question.default, str) and "{{" not in question.default else None
    while True:
        raw = str(asker(question, default, problem) or default or "").strip()
        settled, typed, problem = _settle(raw, directory, dialogue, on)
        if settled is None:
            continue
        answers.update(dict.fromkeys(TYPED_KEYS), authority=settled)
        if typed:
            _typed_details(raw, answers, typed_questions, asker, dialogue, context, warn)
        return


def _settle(
    raw: str, directory: authorities.Directory | None, dialogue: Dialogue, on: date | None
) -> tuple[str | None, bool, str | None]:
    """(the authority answer, whether it is a body written to as typed, the problem to show)."""
    problem = _problem(raw)
    if problem:
        return None, False, problem
    entry = _exact(raw, directory)
    chosen = entry if entry is not None else _offer(raw, authorities.search(raw, directory)[:5], dialogue)
    if chosen is None:
        return None, False, "type the name again, or a shorter part of it"
    if isinstance(chosen, str):
        return raw, True, None
    problem = _unusable(chosen, directory, on)
    if problem:
        return None, False, problem
    if entry is not None and entry.name != raw:
        dialogue.say(f"Writing to {entry.name}.")
    # Named exactly: kept as typed (a provider's letter names it so); chosen from a list: its id.
    return (raw if entry is not None else chosen.id), False, None


def _unusable(entry: Entry, directory: authorities.Directory | None, on: date | None) -> str | None:
    """Why a directory entry cannot be written to on the day (a council abolished and split)."""
    try:
        authorities.resolve(entry.id, directory, on=on)
    except FoiError as err:
        return re.sub(r" \(--authority [^)]*\)", "", err.message)
    return None


def _problem(raw: str) -> str | None:
    if not raw:
        return "this one is needed"
    if all(word in _VAGUE for word in re.findall(r"[a-z]+", raw.lower())):
        return "which one? type its name, for example Hackney Council or Ipswich Borough Council"
    return None


def _exact(raw: str, directory: authorities.Directory | None) -> Entry | None:
    try:
        return authorities.find(raw, directory)
    except FoiError:
        return None


def label(entry: Entry) -> str:
    """How a directory entry reads in a menu."""
    if isinstance(entry, Provider):
        return f"{entry.name} (a provider: the letter goes to the body that pays it)"
    return entry.name if entry.short in (entry.name, "") else f"{entry.name} ({entry.short})"


def _offer(raw: str, hits: list[Entry], dialogue: Dialogue) -> Entry | str | None:
    """The closest matches, then "write to what you typed anyway"; None: type it again."""
    anyway = f"Write to '{raw}' anyway?"
    if len(hits) == 1:
        if dialogue.confirm(f"Did you mean {label(hits[0])}?", default=True):
            return hits[0]
        return raw if dialogue.confirm(anyway, default=False) else None
    if not hits:
        dialogue.say(f"'{raw}' is not in the list of bodies I know.")
        return raw if dialogue.confirm(anyway, default=True) else None
    options = [label(hit) for hit in hits]
    options += [f"None of these: write to '{raw}' as you typed it", "None of these: type the name again"]
    number = dialogue.choose(f"'{raw}' is not a name I know exactly. Did you mean:", options)
    if number <= len(hits):
        return hits[number - 1]
    return raw if number == len(hits) + 1 else None


def _typed_details(
    raw: str, answers: dict[str, Any], typed_questions: Sequence[Question], asker: Asker,
    dialogue: Dialogue, context: Mapping[str, Any], warn: Warn,
) -> None:
    """Whether it is Scottish (the law that applies), and its email or postal address if known."""
    answers["authority_name"] = raw
    dialogue.say("A Scottish public authority (a Scottish council, the Scottish Government, an NHS board "
                 "in Scotland...) is asked under the Scottish Act; every other body under the UK Act.")
    scottish = dialogue.confirm(f"Is '{raw}' a Scottish public authority?", default=False)
    answers["nation"] = "scotland" if scottish else "uk"
    wanted = [q for q in typed_questions if q.key in ("authority_email", "authority_address")]
    for one in wanted:
        if one.key == "authority_address" and answers.get("authority_email"):
            continue
        resolve([_asked(one)], [], answers, context=context, asker=asker, warn=warn)


def _asked(question: Question) -> Question:
    """A detail question that is never asked on its own (ask: false), asked here as optional."""
    return dataclasses.replace(question, ask=True, when=None, required=False)
