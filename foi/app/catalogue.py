"""Scenarios described for people and for programs: `foi scenarios` and `foi scenarios show ID`.

A scenario's items are Jinja text; here they are rendered with each answer shown as a marker such as
<programme>, so a person reads what the letter will ask for before answering anything.
"""

from __future__ import annotations

import textwrap
from typing import Any

from foi.law import regimes
from foi.letter.markup import Md, unescape
from foi.request.questions import Question
from foi.request.scenarios import Item, Scenario

WIDTH = 78
# How each question type reads to someone choosing answers.
_TYPE_WORDS = {
    "str": "text",
    "text": "text, several lines allowed",
    "date": "date, YYYY-MM-DD or DD/MM/YYYY",
    "bool": "yes or no",
    "int": "whole number",
    "choice": "one of a list",
    "list": "list: one item per line, or --set {key}=... once per item",
}
# The questions every request asks besides the scenario's own (templates/questions.yaml).
COMMON_NOTE = (
    "Every request also asks your name, an email or postal address, the body (--authority) and the "
    "period (date_from, date_to: the last complete financial year unless you say otherwise)."
)


class _Marker(Md):
    """An answer not yet given, shown as <key>: true in conditions, so optional wording is shown."""


class _MarkerAuthority:
    """The body as a marker: items read "<the body>'s contract" until a body is chosen."""

    id = "body"
    name = short = short_name = Md("<the body>")


def _scope(scenario: Scenario) -> dict[str, Any]:
    regime = regimes.get(scenario.regimes[0])
    scope: dict[str, Any] = {q.key: _Marker(f"<{q.key}>") for q in scenario.questions}
    for question in scenario.questions:
        if question.type == "list":
            scope[question.key] = [_Marker(f"<{question.key}>")]
    scope.update(
        authority=_MarkerAuthority(), period=Md("between <date_from> and <date_to>"), regime=regime,
        s=regime.sections, voluntary=False,
        in_force=Md("in force at any time between <date_from> and <date_to>, whenever issued"),
        created=Md("created between <date_from> and <date_to>"),
        each_month=Md("for each month from <date_from> to <date_to>"),
    )
    return scope


def _readable(entry: Item, scope: dict[str, Any], where: str) -> dict[str, Any]:
    from foi.letter.environment import render_string

    extra = {"item": _Marker(f"<one of your {entry.each}>")} if entry.each else {}
    text = unescape(render_string(entry.text, {**scope, **extra}, where))
    return {"text": text, "when": entry.when, "each": entry.each, "part": entry.part}


def readable_items(scenario: Scenario) -> list[dict[str, Any]]:
    """Each item as a person reads it, with <key> where an answer goes, and when it is included."""
    scope = _scope(scenario)
    return [_readable(entry, scope, str(scenario.path)) for entry in scenario.items]


def readable_definitions(scenario: Scenario) -> list[dict[str, Any]]:
    scope = _scope(scenario)
    return [_readable(entry, scope, str(scenario.path)) for entry in scenario.definitions]


def _question(question: Question) -> dict[str, Any]:
    return {
        "key": question.key, "type": question.type, "required": question.required,
        "personal": question.personal, "prompt": question.prompt,
        "help": " ".join(question.help.split()), "default": question.default,
        "choices": list(question.choices), "validator": question.validator, "when": question.when,
    }


def describe(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data, for --format json."""
    return {
        "id": scenario.id, "title": scenario.title, "summary": scenario.summary,
        "regimes": list(scenario.regimes), "environmental": scenario.environmental,
        "letter": scenario.letter,
        "subject": unescape(_subject(scenario)),
        "questions": [_question(q) for q in scenario.questions],
        "items": readable_items(scenario),
        "definitions": readable_definitions(scenario),
    }


def _subject(scenario: Scenario) -> str:
    from foi.letter.environment import render_string

    return render_string(scenario.subject, _scope(scenario), str(scenario.path))


def regime_names(scenario: Scenario) -> str:
    """FOIA, FOISA (or SAR): the short names of the regimes the scenario is written for."""
    return ", ".join(regimes.get(r).short for r in scenario.regimes)


def law(scenario: Scenario) -> str:
    """The law a scenario's letter cites, in words: one of its regimes, whichever fits the body."""
    names = " or ".join(f"the {regimes.get(r).name} ({regimes.get(r).short})" for r in scenario.regimes)
    return f"Law: {names}" + (", whichever applies to the body." if len(scenario.regimes) > 1 else ".")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def listing(found: dict[str, Scenario]) -> str:
    """Every scenario: id and regimes on one line (the id whole, to copy), title and summary below."""
    blocks = []
    for scenario in found.values():
        blocks.append("\n".join([
            f"{scenario.id}  ({regime_names(scenario)})",
            _wrap(scenario.title, "    "),
            _wrap(scenario.summary, "    "),
        ]))
    blocks.append("See what one asks for: foi scenarios show ID. Use one: foi new --scenario ID")
    return "\n\n".join(blocks) + "\n"


def _question_text(question: Question) -> str:
    need = "required" if question.required else "optional"
    kind = _TYPE_WORDS.get(question.type, question.type).format(key=question.key)
    lines = [f"  {question.key}  ({kind}; {need}"
             + ("; personal" if question.personal else "") + ")",
             _wrap(question.prompt, "      ")]
    if question.help:
        lines.append(_wrap(" ".join(question.help.split()), "      "))
    if question.default not in (None, ""):
        lines.append(_wrap(f"Default: {question.default}", "      "))
    if question.choices:
        lines.append(_wrap(f"Choices: {', '.join(question.choices)}", "      "))
    return "\n".join(lines)


def _when_words(when: str) -> str:
    """A `when` condition in words where it is simple: "office" or "office or provider"."""
    keys = [part.strip() for part in when.split(" or ")]
    if all(key.isidentifier() for key in keys):
        return "only if you answer " + " or ".join(keys)
    if when.strip() == "not voluntary":
        return "only for a programme people can be made to join"
    return "only when your answers call for it"


def _entry_text(number: str, entry: dict[str, Any]) -> str:
    text = textwrap.fill(entry["text"], WIDTH, initial_indent=f"  {number}",
                         subsequent_indent=" " * (2 + len(number)), break_long_words=False,
                         break_on_hyphens=False)
    notes = []
    if entry["each"]:
        notes.append(f"one numbered item for each of your {entry['each']}")
    elif entry["when"]:
        notes.append(_when_words(entry["when"]))
    if entry.get("part") == 2:
        notes.append("in the second letter, written alongside")
    if notes:
        text += "\n" + _wrap(f"({'; '.join(notes)})", " " * (2 + len(number)))
    return text


def show(scenario: Scenario) -> str:
    """One scenario as a person reads it: what it is for, its questions, and the items it asks for."""
    described = describe(scenario)
    parts = [
        f"{scenario.id}: {scenario.title}",
        _wrap(scenario.summary, ""),
        _wrap(law(scenario), ""),
        "Questions (answer them in the wizard, or with --set KEY=VALUE or an --answers file):",
        "\n".join(_question_text(q) for q in scenario.questions) or "  (none of its own)",
        _wrap(COMMON_NOTE, "  "),
        _wrap(f"Subject line: {described['subject']}", ""),
        "The letter asks for:",
        "\n".join(_entry_text(f"{n}. ", e) for n, e in enumerate(described["items"], start=1)),
    ]
    if described["definitions"]:
        parts += ["And says:", "\n".join(_entry_text("- ", e) for e in described["definitions"])]
    return "\n\n".join(parts) + "\n"
