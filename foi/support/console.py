"""The one place that talks to the terminal: messages on stderr, documents on stdout.

rich is imported lazily so that `foi --help` stays fast.
"""

from __future__ import annotations

import sys
from typing import Any


def _console(stderr: bool, width: int | None = None) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


def error(message: str) -> None:
    """Print a one-line error on stderr (never a traceback, never personal data in logs)."""
    sys.stderr.write(f"Error: {message}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    """Print a one-line warning on stderr."""
    sys.stderr.write(f"Warning: {message}\n")
    sys.stderr.flush()


def info(message: str) -> None:
    """Print a status line on stderr, so stdout carries only documents."""
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


def out(text: str) -> None:
    """Write a document to stdout exactly as given."""
    sys.stdout.write(text)
    sys.stdout.flush()


def panel(text: str, title: str) -> None:
    """Show text in a titled box on stderr (the wizard's preview)."""
    from rich.panel import Panel
    from rich.text import Text

    _console(stderr=True).print(Panel(Text(text), title=title, expand=False))


def table(rows: list[list[str]], headers: list[str], title: str | None = None) -> None:
    """Print a table on stdout for human reading."""
    from rich.table import Table

    t = Table(title=title, show_lines=False)
    for index, header in enumerate(headers):
        t.add_column(header, overflow="fold", no_wrap=index == 0)
    for row in rows:
        t.add_row(*row)
    # A pipe or a file gets a wide table rather than rich's 80 columns: ids must stay whole.
    _console(stderr=False, width=None if sys.stdout.isatty() else 140).print(t)


def styled(markup: str, stderr: bool = False) -> None:
    """Print rich markup (for findings and listings)."""
    _console(stderr=stderr).print(markup)
