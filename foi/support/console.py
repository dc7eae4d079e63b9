"""The one place that talks to the terminal: messages on stderr, documents on stdout.

Nothing that came from data is interpreted on the way out: messages, table cells and listings are
printed as text, never as rich markup, and control characters (escape sequences that would retitle
or clear the terminal) are shown escaped. Only `styled` takes markup, and only markup built by foi
with every value escaped. rich is imported lazily so that `foi --help` stays fast.
"""

from __future__ import annotations

import sys
from typing import Any

from foi.support.text import shown


def _console(stderr: bool, width: int | None = None) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


def error(message: str) -> None:
    """Print a one-line error on stderr (never a traceback, never personal data in logs)."""
    sys.stderr.write(f"Error: {shown(message, keep_newlines=False)}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    """Print a one-line warning on stderr."""
    sys.stderr.write(f"Warning: {shown(message, keep_newlines=False)}\n")
    sys.stderr.flush()


def info(message: str) -> None:
    """Print a status line on stderr, so stdout carries only documents."""
    sys.stderr.write(f"{shown(message)}\n")
    sys.stderr.flush()


def out(text: str) -> None:
    """Write a document to stdout exactly as given."""
    write_stdout(text)


def write_stdout(data: str | bytes) -> None:
    """Write text or bytes to stdout; a closed or full stdout is a FoiError, not a crash."""
    from foi.support.errors import FoiError

    try:
        if sys.stdout is None:
            raise OSError("standard output is closed")
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    except OSError as err:
        if getattr(err, "errno", None) == 32:  # EPIPE: the reader has gone (| head); not an error
            raise
        reason = err.strerror or str(err)
        raise FoiError(f"cannot write to standard output ({reason}): redirect it, or give --output FILE") from None


def panel(text: str, title: str) -> None:
    """Show text in a titled box on stderr (the wizard's preview)."""
    from rich.panel import Panel
    from rich.text import Text

    _console(stderr=True).print(Panel(Text(shown(text)), title=Text(shown(title)), expand=False))


def table(rows: list[list[Any]], headers: list[str], title: str | None = None) -> None:
    """Print a table on stdout for human reading; every cell is plain text, never markup (a rich
    Text keeps its style: that is how a caller colours a row without markup)."""
    from rich.table import Table
    from rich.text import Text

    t = Table(title=Text(shown(title)) if title else None, show_lines=False)
    for index, header in enumerate(headers):
        t.add_column(Text(shown(header)), overflow="fold", no_wrap=index == 0)
    for row in rows:
        t.add_row(*(Text(shown(cell.plain), style=cell.style) if isinstance(cell, Text) else Text(shown(str(cell)))
                    for cell in row))
    # A pipe or a file gets a wide table rather than rich's 80 columns: ids must stay whole.
    if sys.stdout is None:
        write_stdout("")  # the one error for a closed stdout
    _console(stderr=False, width=None if sys.stdout.isatty() else 140).print(t)


def styled(markup: str, stderr: bool = False) -> None:
    """Print rich markup built by foi, every value in it escaped (for findings and listings)."""
    _console(stderr=stderr).print(shown(markup))


def plain(text: str) -> None:
    """Write text from data to stdout (a listing, a profile): control characters shown escaped."""
    out(shown(text))
