"""The one place that talks to the terminal: messages on stderr, documents on stdout.

Nothing that came from data is interpreted on the way out: messages, table cells and listings are
printed as text, never as rich markup, and control characters (escape sequences that would retitle
or clear the terminal) are shown escaped. Only `styled` takes markup, and only markup built by foi
with every value escaped. rich is imported lazily so that `foi --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from typing import Any

from foi.support.text import shown


def _console(stderr: bool, width: int | None = None) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width, emoji=False)


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


def table(rows: list[list[Any]], headers: list[str], red_rows: Collection[int] = ()) -> None:
    """Print a table on stdout for human reading; every cell is plain text, never markup.

    A terminal gets the table fitted to its width, the rows in `red_rows` red where it shows colour;
    a pipe or a file gets every cell on one line (ids, bodies and titles stay whole for grep) and no
    colour codes.
    """
    from foi.support import textable

    if sys.stdout is None:
        write_stdout("")  # the one error for a closed stdout
    terminal = sys.stdout.isatty()
    text = textable.render([shown(h) for h in headers], [[shown(str(cell)) for cell in row] for row in rows],
                           width=_terminal_width() if terminal else None, red_rows=red_rows,
                           colour=_colour(terminal), ascii_only=not _can_draw_boxes())
    write_stdout(text)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size().columns  # COLUMNS first, as rich reads it


def _colour(terminal: bool) -> bool:
    """Colour as rich decides it: NO_COLOR wins, FORCE_COLOR forces, else a terminal that is not dumb."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal and os.environ.get("TERM", "") not in ("dumb", "unknown")


def _can_draw_boxes() -> bool:
    """Whether stdout's encoding has the box-drawing characters (a Windows cp1252 console has not)."""
    try:
        "┏━┃│└".encode(sys.stdout.encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def styled(markup: str, stderr: bool = False) -> None:
    """Print rich markup built by foi, every value in it escaped (for findings and listings)."""
    _console(stderr=stderr).print(shown(markup))


def plain(text: str) -> None:
    """Write text from data to stdout (a listing, a profile): control characters shown escaped."""
    out(shown(text))
