"""Prompting: the asker that the answer loop calls when a terminal is there to ask on.

Prompts and help go to stderr so that stdout carries only the letter. A bad answer is explained and
asked again; Ctrl-C leaves without writing anything.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from foi.request.questions import Question


def interactive() -> bool:
    """True when a person is at a terminal to answer questions."""
    return sys.stdin.isatty()


class Wizard:
    """Asks questions in plain English; `labels` gives readable names for choices (scenario titles)."""

    def __init__(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.labels = labels or {}
        self._helped: set[str] = set()

    def __call__(self, question: Question, default: Any, problem: str | None) -> str:
        import typer

        if problem:
            typer.echo(f"  That answer can't be used: {problem}.", err=True)
        elif question.help and question.key not in self._helped:
            typer.echo(f"\n  {' '.join(question.help.split())}", err=True)
            self._helped.add(question.key)
        if question.type == "choice":
            self._show_choices(question)
        if question.type == "list":
            return self._ask_list(question)
        shown = _shown(default)
        answer = typer.prompt(question.prompt, default=shown, show_default=bool(shown), err=True)
        return str(answer)

    def _ask_list(self, question: Question) -> str:
        """Ask for a list one line at a time ("Item 1", "Item 2"...) until an empty line.

        One short answer per prompt is what a person unused to terminals can manage: no separators
        to remember, and a mistake costs one line. With the few_items validator, asking stops at
        the most a request should hold.
        """
        import typer

        from foi.request.validators import MAX_ITEMS

        limit = MAX_ITEMS if question.validator == "few_items" else None
        typer.echo(f"  {question.prompt}", err=True)
        typer.echo("  Type one at a time and press Enter after each; press Enter on an empty line when you have finished.", err=True)
        lines: list[str] = []
        while limit is None or len(lines) < limit:
            line = str(typer.prompt(f"  Item {len(lines) + 1}", default="", show_default=False, err=True))
            if not line.strip():
                break
            lines.append(line.strip())
        else:
            typer.echo(f"  That is {limit} items, the most one request should ask for.", err=True)
        return "\n".join(lines)

    def _show_choices(self, question: Question) -> None:
        import typer

        labels = self.labels.get(question.key, {})
        for number, choice in enumerate(question.choices, start=1):
            label = labels.get(choice)
            typer.echo(f"  {number:>2}. {choice}" + (f": {label}" if label else ""), err=True)

    def confirm(self, text: str, default: bool = True) -> bool:
        import typer

        return bool(typer.confirm(text, default=default, err=True))

    def ask_text(self, text: str, default: str) -> str:
        import typer

        return str(typer.prompt(text, default=default, err=True))


def _shown(default: Any) -> str:
    """A default as a person types it: yes or no, not Python's True or False."""
    if isinstance(default, bool):
        return "yes" if default else "no"
    return "" if default is None else str(default)
