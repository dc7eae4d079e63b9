"""Prompting: the asker that the answer loop calls when a terminal is there to ask on.

Prompts and help go to stderr so that stdout carries only the letter. A bad answer is explained and
asked again. Ctrl-C and Ctrl-D leave the wizard as an interruption (exit 130), never as click's
"Aborted!": the caller keeps the answers given so far.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from foi.request.questions import Question
from foi.request.validators import sentence_like
from foi.support.dates import DateNotRead, long_date, read_date


def interactive() -> bool:
    """True when a person is at a terminal to answer questions."""
    return sys.stdin.isatty()


def _prompt(text: str, default: str = "", show_default: bool = True) -> str:
    """typer.prompt on stderr, with Ctrl-C and Ctrl-D raised as KeyboardInterrupt (not Abort)."""
    import typer

    try:
        return str(typer.prompt(text, default=default, show_default=show_default and bool(default), err=True))
    except typer.Abort:
        raise KeyboardInterrupt from None


def _say(text: str) -> None:
    import typer

    typer.echo(text, err=True)


class Wizard:
    """Asks questions in plain English; `labels` gives readable names for choices (scenario titles)."""

    def __init__(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.labels = labels or {}
        self._helped: set[str] = set()
        # Set by the intake: the keys still to be asked, in order, for "[3/9]".
        self.planner: Callable[[], list[str]] | None = None

    def __call__(self, question: Question, default: Any, problem: str | None) -> str:
        if problem:
            _say(f"  That answer can't be used: {problem}.")
        elif question.help and question.key not in self._helped:
            _say("\n" + _wrapped(question.help))
            self._helped.add(question.key)
        if question.type == "choice":
            self._show_choices(question)
        if question.type == "list":
            return self._ask_list(question)
        while True:
            answer = _prompt(self._progress(question) + question.prompt, default=_shown(default, question))
            if self._accepted(question, answer):
                return answer

    def _progress(self, question: Question) -> str:
        """"[3/9] " before a question the plan counts; nothing before a follow-up question."""
        plan = self.planner() if self.planner is not None else []
        if question.key not in plan:
            return ""
        return f"[{plan.index(question.key) + 1}/{len(plan)}] "

    def _accepted(self, question: Question, answer: str) -> bool:
        """Echo a date as it was read; query a sentence where the letter needs a short name."""
        if question.type == "date" and answer.strip():
            try:
                _say(f"  ({long_date(read_date(answer, month_means=question.month_means))})")
            except DateNotRead:
                pass  # the answer loop explains it and asks again
        if question.short_name and sentence_like(answer):
            _say("  That reads like a sentence about what happened. The letter needs a short name here,\n"
                 "  one that reads well inside a sentence, for example \"the A4e jobsearch skills course\".")
            return self.confirm("Use what you typed anyway?", default=False)
        return True

    def _ask_list(self, question: Question) -> str:
        """Ask for a list one line at a time ("Item 1", "Item 2"...) until an empty line.

        One short answer per prompt is what a person unused to terminals can manage: no separators
        to remember, and a mistake costs one line. With the few_items validator, asking stops at
        the most a request should hold.
        """
        from foi.request.validators import MAX_ITEMS

        limit = MAX_ITEMS if question.validator == "few_items" else None
        _say(f"  {self._progress(question)}{question.prompt}")
        _say("  Type one at a time and press Enter after each; press Enter on an empty line when you have finished.")
        lines: list[str] = []
        while limit is None or len(lines) < limit:
            line = _prompt(f"  Item {len(lines) + 1}", show_default=False)
            if not line.strip():
                break
            lines.append(line.strip())
        else:
            _say(f"  That is {limit} items, the most one request should ask for.")
        return "\n".join(lines)

    def _show_choices(self, question: Question) -> None:
        labels = self.labels.get(question.key, {})
        for number, choice in enumerate(question.choices, start=1):
            if question.labels:
                _say(f"  {number:>2}. {question.labels[number - 1]}")
                continue
            label = labels.get(choice)
            _say(f"  {number:>2}. {choice}" + (f": {label}" if label else ""))

    def confirm(self, text: str, default: bool = True) -> bool:
        """A yes or no question: y, yes, n or no in any case; Enter takes the default."""
        shown = "yes" if default else "no"
        problem = False
        while True:
            if problem:
                _say("  Please answer yes or no.")
            answer = _prompt(text, default=shown).strip().lower()
            if answer in ("y", "yes", "yeah", "yep", "ok"):
                return True
            if answer in ("n", "no", "nope"):
                return False
            problem = True

    def choose(self, text: str, options: Sequence[str], default: int = 1) -> int:
        """A numbered menu; the number (or words that fit one option) picks it."""
        from foi.request import choosing

        _say(f"  {text}")
        for number, option in enumerate(options, start=1):
            _say(f"  {number:>2}. {option}")
        keys = tuple(str(n) for n in range(1, len(options) + 1))
        while True:
            answer = _prompt("Type a number", default=str(default)).strip()
            if answer in keys:
                return int(answer)
            if answer.lower() in ("y", "yes", "ok"):
                return default  # "yes" to a menu is yes to its first, suggested, choice
            fits = choosing.matches(answer, keys, options)
            if len(fits) == 1:
                return int(fits[0])
            _say(f"  Please type a number from 1 to {len(options)}.")

    def say(self, text: str) -> None:
        _say("\n".join(_wrapped(part) for part in text.split("\n")))

    def ask_text(self, text: str, default: str) -> str:
        return _prompt(text, default=default)


def _shown(default: Any, question: Question | None = None) -> str:
    """A default as a person types it: yes or no, not Python's True or False; a date in words."""
    if isinstance(default, bool):
        return "yes" if default else "no"
    if question is not None and question.type == "date" and default:
        try:
            return long_date(read_date(str(default), month_means=question.month_means))
        except DateNotRead:
            pass
    return "" if default is None else str(default)


def _wrapped(text: str) -> str:
    """Help text wrapped to the terminal, indented two spaces."""
    import shutil
    import textwrap

    width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 1
    return textwrap.fill(" ".join(text.split()), width=max(width, 40), initial_indent="  ", subsequent_indent="  ")
