"""The wizard's preview: the letter in short (who it goes to, what it asks for, what the checker
finds), sized for a 40-row screen, then a menu: write it, change an answer by name, read the whole
letter, save the answers and stop, or stop. Nothing typed is lost by any of them."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable, Iterable
from typing import Any

from foi.export import registry
from foi.letter.drafting import Draft
from foi.letter.markup import NumberedList, unescape
from foi.request import bodies
from foi.request.intake import Intake
from foi.request.wizard import Wizard
from foi.support import console
from foi.support.dates import long_date

# Answers that decide the letter's shape: a finding in them is fixed by changing them from the menu.
_NOT_FIXABLE = {"authority", "scenario"}
_MENU = ("Write the letter", "Change an answer", "Read the whole letter",
         "Save my answers in a file and stop", "Stop without writing (your answers are kept)")
# The decisions that end the preview without writing.
SAVE, QUIT = "save", "quit"


def review(
    taken: Intake, draft: Draft, wizard: Wizard, rebuild: Callable[[Intake], Draft],
    change: Callable[[Intake, Iterable[str]], Intake],
) -> tuple[Intake, Draft] | str:
    """Show the letter in short and its findings, then the menu; (answers, draft) to write, or SAVE/QUIT."""
    offered: set[str] = set()
    while True:
        text = registry.render(draft, "text").decode("utf-8")
        console.info(summary(taken, draft))
        key = _answer_to_change(text, taken, draft, offered)
        if key is not None:
            offered.add(key)
            if wizard.confirm(f"Change your answer to \"{_label_of(key, taken)}\" to fix this?", default=True):
                taken = change(taken, _keys_for(key, taken))
                draft = rebuild(taken)
                continue
        number = wizard.choose("What next?", _MENU)
        if number == 1:
            return taken, draft
        if number == 2:
            keys = _pick_answer(taken, wizard)
            if keys:
                taken = change(taken, keys)
                draft = rebuild(taken)
        elif number == 3:
            console.panel(text, title="Your letter")
        else:
            return SAVE if number == 4 else QUIT


def summary(taken: Intake, draft: Draft, width: int | None = None) -> str:
    """The letter in short: body and law, subject, period, items (two lines each at most)."""
    width = width or min(shutil.get_terminal_size((80, 40)).columns, 100)
    body = draft.authority
    lines = ["", "Your letter, in short:",
             f"  To:       {body.name} (under the {draft.regime.name})",
             f"  Subject:  {draft.title}"]
    start, end = taken.answers.get("date_from"), taken.answers.get("date_to")
    if start and end:
        lines.append(f"  Period:   {long_date(start)} to {long_date(end)}")
    lines.append("  It asks for:")
    items = _items(draft)
    for number, item in enumerate(items, start=1):  # two lines each, one when there are many
        lines += _shortened(f"    {number}. ", unescape(item), width, most=2 if len(items) <= 6 else 1)
    for note in _explanations(taken, draft):
        lines += textwrap.wrap(note, width=max(width - 1, 40), initial_indent="  ", subsequent_indent="    ",
                               break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines)


def _items(draft: Draft) -> tuple[str, ...]:
    for block in draft.blocks:
        if isinstance(block, NumberedList):
            return block.items
    return ()


def _shortened(first: str, text: str, width: int, most: int = 2) -> list[str]:
    """An item in at most two lines, cut with "..." (the whole letter is one menu choice away)."""
    wrapped = textwrap.wrap(text, width=max(width - 1, 40), initial_indent=first,
                            subsequent_indent=" " * len(first))
    if len(wrapped) > most:
        wrapped = wrapped[:most]
        wrapped[-1] = wrapped[-1][: max(width - 5, 20)].rstrip() + " ..."
    return wrapped


def _explanations(taken: Intake, draft: Draft) -> list[str]:
    lines = [plain_note(note) for note in (taken.target.note, *draft.notes) if note]
    if taken.target.provider is not None:
        lines.append(
            f"{taken.target.provider.name} is not a public authority: the letter goes to "
            f"{draft.authority.name}, asking for what {taken.target.provider.name} holds on its behalf."
        )
    if draft.authority.origin == "typed":
        lines.append(f"{draft.authority.name} is not in the directory: check its name and address on its website.")
    elif not draft.authority.verified:
        lines.append(f"The contact details for {draft.authority.name} are not confirmed: check them on its website.")
    return lines


def plain_note(note: str) -> str:
    """A note for a person at the wizard: the same words as for a script, without the command-line
    hints ("(to keep DWP, pass --set redirect=no)", ": add it with --set address=...")."""
    note = re.sub(r"\s*\([^()]*--[a-z][^()]*\)", "", note)
    note = re.sub(r"[:;,]\s*[^:;,]*--[a-z][^:;]*$", "", note)
    note = note.replace("give date_from and date_to to choose another", "change the period to choose another")
    return note.rstrip(" .") + "."


def _answer_to_change(text: str, taken: Intake, draft: Draft, offered: set[str]) -> str | None:
    """Run the checker; print its findings in plain words; return the first answer one points at."""
    from foi.checks import check_text

    findings = check_text(text, authority=draft.authority, regime=draft.regime.id, letter_date=draft.letter_date)
    if not findings:
        console.info("The checker found nothing an authority could use to avoid answering.")
        return None
    console.info(f"The checker found {len(findings)} thing{'s' if len(findings) != 1 else ''} to look at:")
    for finding in findings[:5]:
        quoted = f' ("{_cut(finding.excerpt, 60)}")' if finding.excerpt else ""
        console.info(f"  - {finding.message}{quoted}")
        if finding.suggestion:
            console.info(f"    {finding.suggestion}")
    if len(findings) > 5:
        console.info(f"  ... and {len(findings) - 5} more: read the whole letter from the menu.")
    for finding in findings:
        key = answer_behind(finding.excerpt, taken)
        if key is not None and key not in offered:
            return key
    return None


def _cut(text: str, most: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


# --- changing an answer by name -------------------------------------------------------------


def _pick_answer(taken: Intake, wizard: Wizard) -> list[str] | None:
    """The answers as a numbered list by name; the number or a word of the name picks one."""
    entries = _changeable(taken)
    options = [f"{label}: {_cut(shown, 50)}" for label, shown, _ in entries]
    options.append("None: back to the menu")
    number = wizard.choose("Which answer do you want to change?", options)
    return None if number > len(entries) else entries[number - 1][2]


def _changeable(taken: Intake) -> list[tuple[str, str, list[str]]]:
    """(label, value as shown, keys asked again) for each answer a person gave or can give."""
    answers = taken.answers
    entries: list[tuple[str, str, list[str]]] = [
        ("What happened", taken.scenario.title, ["scenario", *(q.key for q in taken.scenario.questions)]),
        ("The body you are writing to", taken.target.authority.name,
         ["authority", "northern_ireland", "redirect", *bodies.TYPED_KEYS]),
    ]
    for question in taken.questions:
        key = question.key
        if key in ("scenario", "authority", "date_to", "northern_ireland", *bodies.TYPED_KEYS) or not question.ask:
            continue
        if key == "date_from":
            period = f"{long_date(answers['date_from'])} to {long_date(answers['date_to'])}"
            entries.append(("The period", period, ["date_from", "date_to"]))
            continue
        entries.append((_label(question.prompt), _value(answers.get(key)), [key]))
    return entries


def _label_of(key: str, taken: Intake) -> str:
    question = next((q for q in taken.questions if q.key == key), None)
    return _label(question.prompt) if question is not None else key


def _label(prompt: str) -> str:
    """A question's name for the menu: its prompt up to the first "?" or "(" or ","."""
    return re.split(r"[?(,]", prompt, maxsplit=1)[0].strip() or prompt


def _value(value: Any) -> str:
    if value in (None, "", []):
        return "(none)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return long_date(value)
    return " ".join(str(value).split())


def _keys_for(key: str, taken: Intake) -> list[str]:
    return ["date_from", "date_to"] if key in ("date_from", "date_to") else [key]


def _plain(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip().lower()


def answer_behind(excerpt: str, taken: Intake) -> str | None:
    """The answer whose words a finding's excerpt quotes (so re-asking it can fix the finding).

    Where several answers appear in the excerpt, the one that covers most of it is the cause.
    """
    quoted = _plain(excerpt)
    if len(quoted) < 3:
        return None
    best: tuple[int, str] | None = None
    for question in taken.questions:
        if question.key in _NOT_FIXABLE or question.type in ("bool", "date"):
            continue
        value = taken.answers.get(question.key)
        for one in value if isinstance(value, list) else [value]:
            said = _plain(one) if one else ""
            if len(said) < 3:
                continue
            overlap = len(quoted) if quoted in said else len(said) if said in quoted else 0
            if overlap and (best is None or overlap > best[0]):
                best = (overlap, question.key)
    return best[1] if best else None
